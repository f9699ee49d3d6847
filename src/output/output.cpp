#include "output/output.h"

#include "output/writers.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <simdjson.h>

#include "core/utf8.h"

namespace warta {
namespace {

// The record is streamed through RapidJSON's writer: building a JSON tree
// first cost more than all the rest of the output.
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Strings come from valid UTF-8 (ingest repairs it); if one is not, its bad
// bytes are read as Windows-1252 as ingest would, never written raw.
void String(JsonWriter& w, std::string_view s) {
  if (simdjson::validate_utf8(s.data(), s.size())) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  const std::string repaired = RepairUtf8(s, nullptr);
  w.String(repaired.data(), static_cast<rapidjson::SizeType>(repaired.size()));
}

void StringOrNull(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) String(w, *s);
  else w.Null();
}

void IntOrNull(JsonWriter& w, const std::optional<int>& v) {
  if (v) w.Int(*v);
  else w.Null();
}

void WriteEntity(JsonWriter& w, const Entity& e) {
  w.StartObject();
  w.Key("type");
  w.String(EntityTypeName(e.type));
  w.Key("text");
  String(w, e.text);
  w.Key("start");
  w.Uint(e.start);
  w.Key("end");
  w.Uint(e.end);
  w.Key("value");
  if (e.type == EntityType::kCount) {
    // Whole numbers as integers: 3054, not 3054.0.
    if (std::floor(e.number) == e.number && std::fabs(e.number) < 9e15) w.Int64(static_cast<int64_t>(e.number));
    else w.Double(e.number);
    w.Key("unit");
    String(w, e.unit);
  } else {
    String(w, e.value);
  }
  if (e.type == EntityType::kAgency && !e.acronym.empty()) {
    w.Key("acronym");
    String(w, e.acronym);
  }
  if (e.type == EntityType::kLocation && !e.code.empty()) {
    w.Key("code");
    String(w, e.code);
  }
  if (e.type == EntityType::kAward) {
    w.Key("year");
    IntOrNull(w, e.year);
  }
  w.Key("rule");
  String(w, e.rule);
  // Only where set, so that body entities are written as before.
  if (e.headline) {
    w.Key("headline");
    w.Bool(true);
  }
  w.EndObject();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const std::string& s : list) String(w, s);
  w.EndArray();
}

// `original` slices the document's original text, for the evidence.
void WriteAward(JsonWriter& w, const AwardRecord& a, const CodePointIndex& original) {
  w.StartObject();
  w.Key("award");
  String(w, a.award);
  w.Key("year");
  IntOrNull(w, a.year);
  w.Key("year_given");
  IntOrNull(w, a.year_given);
  w.Key("recipient");
  String(w, a.recipient);
  w.Key("parent");
  StringOrNull(w, a.parent);
  if (!a.units.empty()) {
    w.Key("units");
    WriteStrings(w, a.units);
  }
  if (!a.innovations.empty()) {
    w.Key("innovations");
    WriteStrings(w, a.innovations);
  }
  w.Key("organizer");
  StringOrNull(w, a.organizer);
  w.Key("date");
  StringOrNull(w, a.date);
  w.Key("location");
  StringOrNull(w, a.location);
  // Where each was read, so that a default is told from what the article says.
  for (auto [key, from] : {std::pair{"organizer_from", a.organizer_from}, std::pair{"date_from", a.date_from},
                           std::pair{"location_from", a.location_from}}) {
    w.Key(key);
    StringOrNull(w, from ? std::optional<std::string>(ValueSourceName(*from)) : std::nullopt);
  }
  w.Key("tier");
  StringOrNull(w, a.tier);
  w.Key("evidence");
  w.StartArray();
  for (const Range& r : a.evidence) {
    w.StartObject();
    w.Key("start");
    w.Uint(r.begin);
    w.Key("end");
    w.Uint(r.end);
    w.Key("text");
    String(w, original.Slice(r.begin, r.end));
    w.EndObject();
  }
  w.EndArray();
  w.Key("rule");
  String(w, a.rule);
  w.EndObject();
}

}  // namespace

std::string RecordJson(const Document& doc) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("id");
  String(w, doc.id);
  w.Key("title");
  StringOrNull(w, doc.title);
  w.Key("published");
  StringOrNull(w, doc.published);
  w.Key("entities");
  w.StartArray();
  for (const Entity& e : doc.entities) WriteEntity(w, e);
  w.EndArray();
  w.Key("awards");
  w.StartArray();
  if (!doc.awards.empty()) {
    // Built only here: few articles have records, and the index costs a pass over the text.
    const CodePointIndex original(doc.original);
    for (const AwardRecord& a : doc.awards) WriteAward(w, a, original);
  }
  w.EndArray();
  w.Key("warnings");
  w.StartArray();
  for (const Warning& warning : doc.warnings) String(w, warning.message);
  w.EndArray();
  if (!doc.error.empty()) {
    w.Key("error");
    String(w, doc.error);
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

namespace {

// Standard output or a file; write errors surface at Close.
class JsonlWriter : public RecordWriter {
 public:
  ~JsonlWriter() override {
    if (owned_ && file_) std::fclose(file_);
  }

  Status Open(const std::string& path) {
    path_ = path.empty() || path == "-" ? "standard output" : path;
    if (path.empty() || path == "-") {
      file_ = stdout;
      return {};
    }
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return Status::Error(path + ": cannot write: " + std::strerror(errno));
    owned_ = true;
    return {};
  }

  Status Write(const Document& doc) override {
    // Invalid UTF-8 cannot reach here (ingest repairs it); replace defensively.
    line_ = RecordJson(doc);
    line_.push_back('\n');
    if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size())
      return Status::Error(path_ + ": write failed: " + std::strerror(errno));
    return {};
  }

  Status Close() override {
    if (!file_) return {};
    bool failed = std::fflush(file_) != 0 || std::ferror(file_);
    const int err = errno;
    if (owned_) failed = std::fclose(file_) != 0 || failed;
    file_ = nullptr;
    if (failed) return Status::Error(path_ + ": write failed: " + std::strerror(err));
    return {};
  }

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  bool owned_ = false;
  std::string line_;
};

}  // namespace

namespace {

const char* Extension(OutputFormat format) {
  switch (format) {
    case OutputFormat::kJsonl: return ".jsonl";
    case OutputFormat::kCsv: return ".csv";
    case OutputFormat::kSqlite: return ".sqlite";
  }
  return "";
}

}  // namespace

Status OutputPaths(const std::vector<OutputFormat>& formats, const std::optional<std::string>& output,
                   std::vector<std::string>* paths) {
  auto asked = [&](OutputFormat f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
  const bool jsonl_alone = formats == std::vector<OutputFormat>{OutputFormat::kJsonl};
  if (output == "-" && !jsonl_alone)
    return Status::Error("-o -: standard output takes one stream, --format jsonl alone");
  std::string base = output.value_or("warta");
  for (OutputFormat f : {OutputFormat::kJsonl, OutputFormat::kCsv, OutputFormat::kSqlite}) {
    const std::string_view ext = Extension(f);
    if (!base.ends_with(ext) || base.size() == ext.size()) continue;
    if (!asked(f))
      return Status::Error("-o " + base + ": a " + std::string(ext.substr(1)) + " name, but --format does not ask for " +
                           std::string(ext.substr(1)));
    if (formats.size() > 1 || f == OutputFormat::kCsv) base.resize(base.size() - ext.size());
  }
  paths->clear();
  for (OutputFormat f : formats) {
    if (formats.size() == 1 && f != OutputFormat::kCsv)
      paths->push_back(output.value_or(f == OutputFormat::kJsonl ? "-" : "warta.sqlite"));
    else
      paths->push_back(f == OutputFormat::kCsv ? base : base + Extension(f));
  }
  return {};
}

Status OpenWriter(OutputFormat format, const std::string& path, std::unique_ptr<RecordWriter>* out,
                  const WriterOptions& options) {
  switch (format) {
    case OutputFormat::kJsonl: {
      auto writer = std::make_unique<JsonlWriter>();
      if (Status s = writer->Open(path); !s.ok()) return s;
      *out = std::move(writer);
      return {};
    }
    case OutputFormat::kCsv:
      return OpenCsvWriter(path, out);
    case OutputFormat::kSqlite:
      return OpenSqliteWriter(path, options.lock_timeout_seconds, out);
  }
  return Status::Error("unknown output format");
}

}  // namespace warta
