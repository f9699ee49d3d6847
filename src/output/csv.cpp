// Three CSV tables (RFC 4180, UTF-8, header row): one row per article (with
// its error, so that failed records show), one per entity, one per award
// record, each with its article id (awards: with the evidence sentences'
// text and the rule that made the record).
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/utf8.h"
#include "output/writers.h"

namespace warta {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
void AppendField(std::string_view value, std::string* row) {
  if (!row->empty() && row->back() != '\n') row->push_back(',');
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    row->append(value);
    return;
  }
  row->push_back('"');
  for (char c : value) {
    if (c == '"') row->push_back('"');
    row->push_back(c);
  }
  row->push_back('"');
}

// A sentence as one line of a cell that holds one sentence a line: a line
// break inside it (a scraper's, in the original) is written as a space.
void AppendOneLine(std::string_view sentence, std::string* out) {
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (sentence[i] != '\r' && sentence[i] != '\n') out->push_back(sentence[i]);
    else if (!(sentence[i] == '\r' && i + 1 < sentence.size() && sentence[i + 1] == '\n')) out->push_back(' ');
  }
}

class CsvFile {
 public:
  ~CsvFile() {
    if (file_) std::fclose(file_);
  }
  Status Open(const std::string& path, const std::vector<std::string_view>& header) {
    path_ = path;
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return Status::Error(path + ": cannot write: " + std::strerror(errno));
    for (std::string_view h : header) AppendField(h, &row_);
    return EndRow();
  }
  void Field(std::string_view value) { AppendField(value, &row_); }
  Status EndRow() {
    row_ += "\r\n";  // RFC 4180 line ends
    const bool ok = std::fwrite(row_.data(), 1, row_.size(), file_) == row_.size();
    row_.clear();
    if (!ok) return Status::Error(path_ + ": write failed: " + std::strerror(errno));
    return {};
  }
  Status Close() {
    const bool failed = std::fflush(file_) != 0 || std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed) return Status::Error(path_ + ": write failed: " + std::strerror(errno));
    return {};
  }

 private:
  std::FILE* file_ = nullptr;
  std::string path_, row_;
};

class CsvWriter : public RecordWriter {
 public:
  Status Open(const std::string& prefix) {
    if (Status s = articles_.Open(prefix + ".articles.csv", {"id", "title", "published", "url", "error", "warnings"});
        !s.ok())
      return s;
    if (Status s = entities_.Open(prefix + ".entities.csv", {"article_id", "type", "text", "start", "end", "value",
                                                              "unit", "code", "acronym", "year", "rule",
                                                              "headline"});
        !s.ok())
      return s;
    return awards_.Open(prefix + ".awards.csv", {"article_id", "award", "year", "year_given", "recipient", "parent", "units", "innovations",
                                                 "organizer", "date", "location", "organizer_from", "date_from", "location_from",
                                                 "tier", "evidence_spans", "evidence", "rule"});
  }

  Status Write(const Document& doc) override {
    articles_.Field(doc.id);
    articles_.Field(doc.title.value_or(""));
    articles_.Field(doc.published.value_or(""));
    articles_.Field(doc.url.value_or(""));
    articles_.Field(doc.error);
    // One warning a line: messages hold "; " themselves, never a line break.
    std::string warnings;
    for (const Warning& w : doc.warnings) warnings += (warnings.empty() ? "" : "\n") + w.message;
    articles_.Field(warnings);
    if (Status s = articles_.EndRow(); !s.ok()) return s;
    for (const Entity& e : doc.entities) {
      entities_.Field(doc.id);
      entities_.Field(EntityTypeName(e.type));
      entities_.Field(e.text);
      entities_.Field(std::to_string(e.start));
      entities_.Field(std::to_string(e.end));
      entities_.Field(e.type == EntityType::kCount ? FormatNumber(e.number) : e.value);
      entities_.Field(e.unit);
      entities_.Field(e.code);
      entities_.Field(e.acronym);
      entities_.Field(e.year ? std::to_string(*e.year) : "");
      entities_.Field(e.rule);
      entities_.Field(e.headline ? "true" : "false");
      if (Status s = entities_.EndRow(); !s.ok()) return s;
    }
    if (doc.awards.empty()) return {};
    const CodePointIndex original(doc.original);
    for (const AwardRecord& a : doc.awards) {
      awards_.Field(doc.id);
      awards_.Field(a.award);
      awards_.Field(a.year ? std::to_string(*a.year) : "");
      awards_.Field(a.year_given ? std::to_string(*a.year_given) : "");
      awards_.Field(a.recipient);
      awards_.Field(a.parent.value_or(""));
      awards_.Field(JoinList(a.units));
      awards_.Field(JoinList(a.innovations));
      awards_.Field(a.organizer.value_or(""));
      awards_.Field(a.date.value_or(""));
      awards_.Field(a.location.value_or(""));
      for (const auto& from : {a.organizer_from, a.date_from, a.location_from}) awards_.Field(from ? ValueSourceName(*from) : "");
      awards_.Field(a.tier.value_or(""));
      std::string spans, text;
      for (const Range& r : a.evidence) {
        spans += (spans.empty() ? "" : " ") + std::to_string(r.begin) + "-" + std::to_string(r.end);
        if (&r != &a.evidence.front()) text += '\n';  // line i is span i, even when a span is empty
        AppendOneLine(original.Slice(r.begin, r.end), &text);
      }
      awards_.Field(spans);
      awards_.Field(text);
      awards_.Field(a.rule);
      if (Status s = awards_.EndRow(); !s.ok()) return s;
    }
    return {};
  }

  Status Close() override {
    Status articles = articles_.Close();
    Status entities = entities_.Close();
    Status awards = awards_.Close();
    return !articles.ok() ? articles : !entities.ok() ? entities : awards;
  }

 private:
  CsvFile articles_, entities_, awards_;
};

}  // namespace

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

std::string FormatNumber(double number) {
  char buf[32];
  if (std::floor(number) == number && std::fabs(number) < 9e15)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(number));
  else
    std::snprintf(buf, sizeof buf, "%.10g", number);
  return buf;
}

Status OpenCsvWriter(const std::string& prefix, std::unique_ptr<RecordWriter>* out) {
  auto writer = std::make_unique<CsvWriter>();
  if (Status s = writer->Open(prefix); !s.ok()) return s;
  *out = std::move(writer);
  return {};
}

}  // namespace warta
