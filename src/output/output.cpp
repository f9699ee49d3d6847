#include "output/output.h"

#include "output/writers.h"

#include <cerrno>
#include <cmath>
#include <cstring>

namespace warta {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json EntityJson(const Entity& e) {
  Json j;
  j["type"] = EntityTypeName(e.type);
  j["text"] = e.text;
  j["start"] = e.start;
  j["end"] = e.end;
  if (e.type == EntityType::kCount) {
    // Whole numbers as integers: 3054, not 3054.0.
    if (std::floor(e.number) == e.number && std::fabs(e.number) < 9e15) j["value"] = static_cast<int64_t>(e.number);
    else j["value"] = e.number;
    j["unit"] = e.unit;
  } else {
    j["value"] = e.value;
  }
  if (e.type == EntityType::kAgency && !e.acronym.empty()) j["acronym"] = e.acronym;
  if (e.type == EntityType::kLocation && !e.code.empty()) j["code"] = e.code;
  if (e.type == EntityType::kAward) j["year"] = e.year ? Json(*e.year) : Json(nullptr);
  j["rule"] = e.rule;
  return j;
}

Json AwardJson(const AwardRecord& a) {
  Json j;
  j["award"] = a.award;
  j["year"] = a.year ? Json(*a.year) : Json(nullptr);
  j["recipient"] = a.recipient;
  if (!a.units.empty()) j["units"] = a.units;
  if (!a.innovations.empty()) j["innovations"] = a.innovations;
  j["organizer"] = OrNull(a.organizer);
  j["date"] = OrNull(a.date);
  j["location"] = OrNull(a.location);
  Json evidence = Json::array();
  for (const Range& r : a.evidence) evidence.push_back({{"start", r.begin}, {"end", r.end}});
  j["evidence"] = evidence;
  return j;
}

}  // namespace

Json ToJson(const Document& doc) {
  Json j;
  j["id"] = doc.id;
  j["title"] = OrNull(doc.title);
  j["published"] = OrNull(doc.published);
  Json entities = Json::array();
  for (const Entity& e : doc.entities) entities.push_back(EntityJson(e));
  j["entities"] = std::move(entities);
  Json awards = Json::array();
  for (const AwardRecord& a : doc.awards) awards.push_back(AwardJson(a));
  j["awards"] = std::move(awards);
  Json warnings = Json::array();
  for (const Warning& w : doc.warnings) warnings.push_back(w.message);
  j["warnings"] = std::move(warnings);
  if (!doc.error.empty()) j["error"] = doc.error;
  return j;
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
    line_ = ToJson(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

Status OpenWriter(OutputFormat format, const std::string& path, std::unique_ptr<RecordWriter>* out) {
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
      return OpenSqliteWriter(path, out);
  }
  return Status::Error("unknown output format");
}

}  // namespace warta
