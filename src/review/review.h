// review: a static site on which a researcher checks warta's records against
// the articles (warta review). Self-contained: HTML pages, one stylesheet and
// one script, no network. Every string from an article is untrusted and
// escaped; links are kept only for http(s) URLs.
//
//   std::unique_ptr<warta::review::SiteWriter> site;
//   if (auto s = warta::review::SiteWriter::Open("review", {}, &site); !s.ok()) ...
//   warta::review::Article a = warta::review::FromDocument(doc);   // or FromOutputLine
//   warta::review::AddChecks(warta::RecordJson(doc), gold_or_null, &a);
//   if (auto s = site->Add(a); !s.ok()) ...   // pages are written as articles come
//   if (auto s = site->Close(); !s.ok()) ...  // the index pages and index.html
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "eval/eval.h"

namespace warta::review {

// Original text from code point `start` on.
struct TextPiece {
  uint32_t start = 0;
  std::string text;
};

// What a page shows of one article.
struct Article {
  std::string id;
  std::optional<std::string> title, published, url;
  std::string error;
  std::vector<std::string> warnings;
  // The original text as one piece at 0; from an output line, only the
  // pieces it quotes (entities, evidence), sorted and disjoint.
  std::vector<TextPiece> text;
  std::vector<Range> removed;  // code point ranges normalisation dropped (boilerplate, markup)
  std::vector<Entity> entities;  // start, end, text, value, rule and the type's fields
  std::vector<AwardRecord> awards;
  std::string draft_gold;                 // the line warta gold-draft writes for it
  std::optional<eval::Report> gold;       // this article alone scored against its gold line
};

Article FromDocument(const Document& doc);
// From one line of warta's JSONL output (../shared/spec/output.md).
Status FromOutputLine(std::string_view line, Article* out);
// Adds the draft gold line and, with `gold`, the article's scores, both from
// its output line (RecordJson) through src/eval.
Status AddChecks(std::string_view output_line, const eval::GoldArticle* gold, Article* article);

// Text escaped for HTML content and quoted attribute values.
std::string Escape(std::string_view text);

// One article as an <article> element: header, the text with entities,
// evidence and removed text marked, the records table, gold misses.
// `anchor` is its id in the page ("a12").
std::string ArticleHtml(const Article& article, const std::string& anchor);

struct SiteOptions {
  size_t articles_per_page = 20;
  size_t rows_per_index_page = 1000;
  bool with_gold = false;       // index columns and summary for --gold
  std::string source;           // what was read, shown on the index
};

// The batch, counted for the summary on index.html.
struct Summary {
  uint64_t articles = 0, with_records = 0, records = 0, errors = 0, with_warnings = 0, warnings = 0;
  std::array<uint64_t, eval::kEntityTypeCount> entities{};
  std::map<int, uint64_t> records_by_year;
  std::map<std::string, uint64_t> records_by_award, records_by_recipient;
  std::array<eval::TypeScore, eval::kEntityTypeCount> gold_types;  // summed tp/fp/fn
  eval::TypeScore gold_records;
  uint64_t gold_articles = 0;
  // award, year, recipient, date, place of the first few records, for the
  // text summary.
  std::vector<std::array<std::string, 5>> first_records;
};

// The summary as plain text for a terminal: counts, then the first records
// as a table.
std::string SummaryText(const Summary& summary);

// Writes DIR/index.html (summary and the first index rows), DIR/index-N.html
// (further rows), DIR/pages/NNNNN.html (the articles, articles_per_page a
// page), DIR/site.css, DIR/site.js and DIR/draft.gold.jsonl (the draft lines
// of articles that name an award). Memory holds one page of articles, the
// first and the current index page, and the summary's counts.
class SiteWriter {
 public:
  static Status Open(const std::string& dir, const SiteOptions& options, std::unique_ptr<SiteWriter>* out);
  ~SiteWriter();
  Status Add(const Article& article);
  Status Close();
  const Summary& summary() const;

 private:
  struct State;
  explicit SiteWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace warta::review
