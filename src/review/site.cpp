// The site: article pages written as the batch streams, index pages of
// rows, and index.html with the batch's summary, written last.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "review/review.h"
#include "review/review_internal.h"

namespace warta::review {

namespace fs = std::filesystem;

namespace {

constexpr size_t kFirstRecords = 5;

constexpr const char* kCsp =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'; "
    "img-src 'self' data:\">";

std::string Head(const std::string& title, const std::string& root) {
  return "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">" + std::string(kCsp) +
         "<meta name=\"viewport\" content=\"width=device-width\"><title>" + Escape(title) +
         "</title><link rel=\"stylesheet\" href=\"" + root + "site.css\"></head><body>\n";
}

std::string Foot(const std::string& root) {
  return "<script src=\"" + root + "site.js\"></script></body></html>\n";
}

const char* kLegend =
    "<p class=\"legend\">entities: <mark class=\"e t-agency\">agency</mark> <mark class=\"e t-award\">award</mark> "
    "<mark class=\"e t-date\">date</mark> <mark class=\"e t-location\">location</mark> "
    "<mark class=\"e t-count\">count</mark> &middot; <span class=\"ev on\">evidence of the chosen record</span> "
    "&middot; <span class=\"rm\">removed by normalisation</span> &middot; <mark class=\"e fp\">false positive</mark>"
    " &middot; keys: j/k or &darr;/&uarr; next/previous record, Enter shows its evidence</p>";

Status WriteFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) return Status::Error(path.string() + ": cannot write");
  return {};
}

std::string PageName(size_t page) {
  char name[32];
  std::snprintf(name, sizeof name, "pages/%05zu.html", page);
  return name;
}

std::string IndexName(size_t page) {
  return page == 1 ? "index.html" : "index-" + std::to_string(page) + ".html";
}

// Distinct values joined by '|' for the index filters (a value holding '|'
// only makes a filter a little looser).
std::string Joined(const std::vector<std::string>& values) {
  std::vector<std::string> distinct;
  for (const std::string& v : values)
    if (std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.push_back(v);
  std::string out;
  for (const std::string& v : distinct) out += (out.empty() ? "" : "|") + v;
  return out;
}

std::string Num(uint64_t n) {
  return "<td data-v=\"" + std::to_string(n) + "\">" + std::to_string(n) + "</td>";
}

// Horizontal bars, drawn as SVG: one row per (label, count).
std::string BarChart(const std::vector<std::pair<std::string, uint64_t>>& bars, const char* caption) {
  if (bars.empty()) return "";
  uint64_t most = 1;
  for (const auto& [label, n] : bars) most = std::max(most, n);
  constexpr int kRow = 18, kLabel = 260, kBar = 300;
  std::string svg = "<figure><figcaption>" + std::string(caption) + "</figcaption><svg role=\"img\" width=\"" +
                    std::to_string(kLabel + kBar + 60) + "\" height=\"" + std::to_string(kRow * bars.size()) + "\">";
  for (size_t i = 0; i < bars.size(); ++i) {
    const int y = static_cast<int>(i) * kRow;
    const int w = std::max<int>(1, static_cast<int>(kBar * bars[i].second / most));
    std::string label = bars[i].first;
    if (label.size() > 40) {
      size_t cut = 38;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
      label = label.substr(0, cut) + "\xE2\x80\xA6";
    }
    svg += "<text x=\"" + std::to_string(kLabel - 6) + "\" y=\"" + std::to_string(y + 13) +
           "\" text-anchor=\"end\"><title>" + Escape(bars[i].first) + "</title>" + Escape(label) + "</text><rect x=\"" +
           std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" + std::to_string(w) +
           "\" height=\"12\" class=\"bar\"/><text x=\"" + std::to_string(kLabel + w + 4) + "\" y=\"" +
           std::to_string(y + 13) + "\">" + std::to_string(bars[i].second) + "</text>";
  }
  return svg + "</svg></figure>";
}

std::vector<std::pair<std::string, uint64_t>> Top(const std::map<std::string, uint64_t>& counts, size_t n) {
  std::vector<std::pair<std::string, uint64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > n) v.resize(n);
  return v;
}

void AddScore(const eval::TypeScore& from, eval::TypeScore* to) {
  to->tp += from.tp;
  to->fp += from.fp;
  to->fn += from.fn;
}

}  // namespace

struct SiteWriter::State {
  fs::path dir;
  SiteOptions options;
  Summary summary;
  std::ofstream drafts;
  // The article page being filled, its number, and how many it holds.
  std::string page;
  size_t page_number = 1, page_articles = 0;
  uint64_t article_number = 0;
  // Index rows: those of index.html (written last) and of the current page.
  std::vector<std::string> first_rows, rows;
  size_t index_page = 1;

  std::string IndexHead() const {
    std::string head = "<table id=\"articles\"><thead><tr><th data-sort>id</th><th data-sort>title</th>"
                       "<th data-sort>published</th>";
    for (EntityType t : eval::kEntityTypes) head += "<th data-sort data-num>" + std::string(EntityTypeName(t)) + "</th>";
    head += "<th data-sort data-num>records</th><th>awards</th><th>recipients</th><th data-sort data-num>warnings</th>"
            "<th data-sort>error</th>";
    if (options.with_gold) head += "<th data-sort data-num>fp</th><th data-sort data-num>fn</th>";
    return head + "</tr></thead><tbody>\n";
  }

  static std::string Filters() {
    return "<form id=\"filters\" class=\"filters\"><label><input type=\"checkbox\" name=\"awards\"> award articles only</label> "
           "<label><input type=\"checkbox\" name=\"warnings\"> has warnings</label> "
           "<label><input type=\"checkbox\" name=\"errors\"> has errors</label> "
           "<label><input type=\"checkbox\" name=\"misses\"> has gold misses</label> "
           "<label>award <input type=\"search\" name=\"award\"></label> "
           "<label>recipient <input type=\"search\" name=\"recipient\"></label> "
           "<label>text <input type=\"search\" name=\"q\"></label> <output id=\"shown\"></output></form>";
  }

  std::string Pager(size_t current, size_t last, bool more) const {
    std::string nav = "<nav class=\"pager\">index pages: ";
    for (size_t p = 1; p <= last; ++p)
      nav += p == current ? "<b>" + std::to_string(p) + "</b> " : "<a href=\"" + IndexName(p) + "\">" + std::to_string(p) + "</a> ";
    if (more) nav += "<a href=\"" + IndexName(current + 1) + "\">next &rarr;</a>";
    return nav + "</nav>";
  }

  Status FlushPage(bool more) {
    if (page_articles == 0) return {};
    std::string nav = "<nav class=\"pager\"><a href=\"../index.html\">index</a> ";
    if (page_number > 1) nav += "<a href=\"" + PageName(page_number - 1).substr(6) + "\">&larr; previous page</a> ";
    if (more) nav += "<a href=\"" + PageName(page_number + 1).substr(6) + "\">next page &rarr;</a>";
    nav += "</nav>";
    const std::string html = Head("warta review: page " + std::to_string(page_number), "../") + nav + kLegend + page +
                             nav + Foot("../");
    page.clear();
    page_articles = 0;
    ++page_number;
    return WriteFile(dir / PageName(page_number - 1), html);
  }

  Status FlushIndex(bool more) {
    if (index_page == 1) {
      first_rows = std::move(rows);
    } else {
      std::string html = Head("warta review: index page " + std::to_string(index_page), "") +
                         "<h1>warta review</h1>" + Pager(index_page, index_page, more) + Filters() + IndexHead();
      for (const std::string& row : rows) html += row;
      html += "</tbody></table>" + Pager(index_page, index_page, more) + Foot("");
      if (Status s = WriteFile(dir / IndexName(index_page), html); !s.ok()) return s;
    }
    rows.clear();
    ++index_page;
    return {};
  }

  std::string SummaryHtml() const {
    const Summary& s = summary;
    std::string html = "<section class=\"summary\"><h2>Batch</h2><p>" + Escape(options.source) + "</p><table class=\"counts\">";
    auto row = [&](const std::string& name, uint64_t n) {
      html += "<tr><th>" + name + "</th><td>" + std::to_string(n) + "</td></tr>";
    };
    row("articles", s.articles);
    row("articles with records", s.with_records);
    row("records", s.records);
    row("articles with warnings", s.with_warnings);
    row("warnings", s.warnings);
    row("errors", s.errors);
    for (EntityType t : eval::kEntityTypes) row(std::string(EntityTypeName(t)) + " entities", s.entities[static_cast<size_t>(t)]);
    html += "</table><div class=\"charts\">";
    std::vector<std::pair<std::string, uint64_t>> years;
    for (const auto& [year, n] : s.records_by_year) years.push_back({std::to_string(year), n});
    html += BarChart(years, "records per award year");
    html += BarChart(Top(s.records_by_recipient, 15), "top recipients");
    html += BarChart(Top(s.records_by_award, 15), "records by award");
    html += "</div>";
    if (options.with_gold) {
      html += "<h3>Against gold (" + std::to_string(s.gold_articles) +
              " articles)</h3><table class=\"scores\"><tr><th></th><th>P</th><th>R</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr>";
      auto score = [&](const char* name, const eval::TypeScore& t) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "<tr><th>%s</th><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td><td>%d</td><td>%d</td></tr>",
                      name, t.Precision(), t.Recall(), t.F1(), t.tp, t.fp, t.fn);
        html += buf;
      };
      for (EntityType t : eval::kEntityTypes) score(EntityTypeName(t), s.gold_types[static_cast<size_t>(t)]);
      score("record", s.gold_records);
      html += "</table>";
    }
    if (!s.records_by_award.empty()) {
      html += "<details><summary>all awards (" + std::to_string(s.records_by_award.size()) +
              ")</summary><table class=\"counts\">";
      for (const auto& [award, n] : Top(s.records_by_award, s.records_by_award.size()))
        html += "<tr><th>" + Escape(award) + "</th><td>" + std::to_string(n) + "</td></tr>";
      html += "</table></details>";
    }
    return html + "<p><a href=\"draft.gold.jsonl\">draft.gold.jsonl</a>: draft gold lines of the articles that name an "
                  "award (warta gold-draft)</p></section>";
  }
};

std::string SummaryText(const Summary& s) {
  std::string out = std::to_string(s.articles) + " articles, " + std::to_string(s.with_records) + " with records, " +
                    std::to_string(s.records) + " records, " + std::to_string(s.warnings) + " warnings in " +
                    std::to_string(s.with_warnings) + " articles, " + std::to_string(s.errors) + " errors\n";
  if (s.first_records.empty()) return out;
  constexpr size_t kWidest = 44;  // code points a cell shows at most
  std::vector<std::array<std::string, 5>> table = {{"award", "year", "recipient", "date", "place"}};
  table.insert(table.end(), s.first_records.begin(), s.first_records.end());
  std::array<size_t, 5> width{};
  for (auto& row : table)
    for (size_t c = 0; c < row.size(); ++c) {
      if (CountCodePoints(row[c]) > kWidest) row[c] = std::string(SliceCodePoints(row[c], 0, kWidest - 1)) + "\u2026";
      width[c] = std::max(width[c], CountCodePoints(row[c]));
    }
  out += "first records:\n";
  for (const auto& row : table) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c)
      line += " " + row[c] + std::string(c + 1 < row.size() ? width[c] - CountCodePoints(row[c]) + 1 : 0, ' ');
    out += line + "\n";
  }
  return out;
}

SiteWriter::SiteWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
SiteWriter::~SiteWriter() = default;
const Summary& SiteWriter::summary() const { return state_->summary; }

Status SiteWriter::Open(const std::string& dir, const SiteOptions& options, std::unique_ptr<SiteWriter>* out) {
  auto state = std::make_unique<State>();
  state->dir = dir;
  state->options = options;
  state->options.articles_per_page = std::max<size_t>(1, options.articles_per_page);
  state->options.rows_per_index_page = std::max<size_t>(1, options.rows_per_index_page);
  std::error_code ec;
  fs::create_directories(state->dir / "pages", ec);
  if (ec) return Status::Error(dir + ": cannot create: " + ec.message());
  if (Status s = WriteFile(state->dir / "site.css", kSiteCss); !s.ok()) return s;
  if (Status s = WriteFile(state->dir / "site.js", kSiteJs); !s.ok()) return s;
  state->drafts.open(state->dir / "draft.gold.jsonl", std::ios::binary);
  if (!state->drafts) return Status::Error(dir + "/draft.gold.jsonl: cannot write");
  out->reset(new SiteWriter(std::move(state)));
  return {};
}

Status SiteWriter::Add(const Article& a) {
  State& st = *state_;
  if (st.page_articles == st.options.articles_per_page)
    if (Status s = st.FlushPage(/*more=*/true); !s.ok()) return s;
  if (st.rows.size() == st.options.rows_per_index_page)
    if (Status s = st.FlushIndex(/*more=*/true); !s.ok()) return s;

  const std::string anchor = "a" + std::to_string(++st.article_number);
  st.page += ArticleHtml(a, anchor);
  ++st.page_articles;
  if (!a.draft_gold.empty()) st.drafts << a.draft_gold << '\n';

  Summary& sum = st.summary;
  ++sum.articles;
  sum.errors += !a.error.empty();
  sum.with_warnings += !a.warnings.empty();
  sum.warnings += a.warnings.size();
  sum.with_records += !a.awards.empty();
  sum.records += a.awards.size();
  std::array<uint64_t, eval::kEntityTypeCount> by_type{};
  for (const Entity& e : a.entities) ++by_type[static_cast<size_t>(e.type)];
  std::vector<std::string> awards, recipients;
  for (const AwardRecord& r : a.awards) {
    if (r.year) ++sum.records_by_year[*r.year];
    ++sum.records_by_award[r.award];
    ++sum.records_by_recipient[r.recipient];
    if (sum.first_records.size() < kFirstRecords)
      sum.first_records.push_back({r.award, r.year ? std::to_string(*r.year) : "-", r.recipient, r.date.value_or("-"),
                                   r.location.value_or("-")});
    awards.push_back(r.award);
    recipients.push_back(r.recipient);
  }
  int fp = 0, fn = 0;
  if (a.gold) {
    ++sum.gold_articles;
    for (size_t t = 0; t < eval::kEntityTypeCount; ++t) {
      AddScore(a.gold->types[t], &sum.gold_types[t]);
      fp += a.gold->types[t].fp;
      fn += a.gold->types[t].fn;
    }
    AddScore(a.gold->records, &sum.gold_records);
    fp += a.gold->records.fp;
    fn += a.gold->records.fn;
  }

  std::string row = "<tr data-rec=\"" + std::to_string(a.awards.size()) + "\" data-w=\"" +
                    std::to_string(a.warnings.size()) + "\" data-err=\"" + (a.error.empty() ? "0" : "1") +
                    "\" data-miss=\"" + std::to_string(fp + fn) + "\" data-awards=\"" + Escape(Joined(awards)) +
                    "\" data-recipients=\"" + Escape(Joined(recipients)) + "\"><td>" + Escape(a.id) +
                    "</td><td><a href=\"" + PageName(st.page_number) + "#" + anchor + "\">" +
                    Escape(a.title.value_or("(no title)")) + "</a></td><td>" + Escape(a.published.value_or("")) + "</td>";
  for (uint64_t n : by_type) row += Num(n);
  row += Num(a.awards.size()) + "<td>" + Escape(Joined(awards)) + "</td><td>" + Escape(Joined(recipients)) + "</td>" +
         Num(a.warnings.size()) + "<td class=\"error\">" + Escape(a.error) + "</td>";
  for (size_t t = 0; t < eval::kEntityTypeCount; ++t) sum.entities[t] += by_type[t];
  if (st.options.with_gold)
    row += a.gold ? Num(fp) + Num(fn) : std::string("<td class=\"null\">-</td><td class=\"null\">-</td>");
  st.rows.push_back(row + "</tr>\n");
  return {};
}

Status SiteWriter::Close() {
  State& st = *state_;
  if (Status s = st.FlushPage(/*more=*/false); !s.ok()) return s;
  const size_t index_pages = st.index_page;  // the current one is the last
  if (index_pages > 1)
    if (Status s = st.FlushIndex(/*more=*/false); !s.ok()) return s;
  const std::vector<std::string>& first = index_pages == 1 ? st.rows : st.first_rows;
  std::string html = Head("warta review", "") + "<h1>warta review</h1>" + st.SummaryHtml() + "<h2>Articles</h2>" +
                     st.Pager(1, index_pages, index_pages > 1) + State::Filters() + st.IndexHead();
  for (const std::string& row : first) html += row;
  html += "</tbody></table>" + st.Pager(1, index_pages, index_pages > 1) + Foot("");
  if (Status s = WriteFile(st.dir / "index.html", html); !s.ok()) return s;
  st.drafts.close();
  if (!st.drafts) return Status::Error((st.dir / "draft.gold.jsonl").string() + ": cannot write");
  return {};
}

}  // namespace warta::review
