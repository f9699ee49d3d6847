// Draft gold from warta's own output (warta gold-draft): a person corrects
// a line instead of typing it.
#include <algorithm>
#include <cmath>
#include <map>

#include "eval/eval.h"
#include "eval/eval_internal.h"

namespace warta::eval {
namespace {

using nlohmann::json;

constexpr const char* kDraftNote =
    "DRAFT by warta gold-draft from warta's own output: check every item against the article, "
    "add what it missed, delete what is wrong, mark doubtful items optional, then replace this note";

// The names of a value: the value, then each surface form of it that
// compares differently (the scorer would treat the others as the same name).
class Aliases {
 public:
  void Add(const std::string& value, const std::string& surface) {
    std::vector<std::string>& names = by_value_[ComparisonKey(value)];
    if (names.empty()) {
      order_.push_back(ComparisonKey(value));
      names.push_back(value);
    }
    if (surface.empty()) return;
    const std::string key = ComparisonKey(surface);
    for (const std::string& n : names)
      if (ComparisonKey(n) == key) return;
    names.push_back(surface);
  }
  // Every value, in order of first mention.
  json Items() const {
    json items = json::array();
    for (const std::string& key : order_) items.push_back({{"names", by_value_.at(key)}});
    return items;
  }
  // The names of `value`, the value alone when no mention has it.
  std::vector<std::string> NamesOf(const std::string& value) const {
    auto it = by_value_.find(ComparisonKey(value));
    return it == by_value_.end() ? std::vector<std::string>{value} : it->second;
  }

 private:
  std::map<std::string, std::vector<std::string>> by_value_;
  std::vector<std::string> order_;
};

json NamesOrNull(const std::optional<std::string>& value, const Aliases& aliases) {
  return value ? json(aliases.NamesOf(*value)) : json(nullptr);
}

}  // namespace

std::string DraftGoldLine(const Prediction& p) {
  if (p.error) return "";
  Aliases agencies, awards, locations;
  json dates = json::array(), counts = json::array();
  for (const PredictedEntity& e : p.entities) {
    switch (e.type) {
      case EntityType::kAgency: agencies.Add(e.value, e.text); break;
      case EntityType::kAward: awards.Add(e.value, e.text); break;
      case EntityType::kLocation: locations.Add(e.value, e.text); break;
      case EntityType::kDate: {
        const json item = {{"value", e.value}};
        if (std::find(dates.begin(), dates.end(), item) == dates.end()) dates.push_back(item);
        break;
      }
      case EntityType::kCount: {
        // The gold unit may not be empty; a count without one is left for the annotator.
        if (e.unit.empty()) break;
        const json number = std::floor(e.number) == e.number && std::fabs(e.number) < 9e15
                                ? json(static_cast<int64_t>(e.number))
                                : json(e.number);
        const json item = {{"value", number}, {"unit", e.unit}};
        if (std::find(counts.begin(), counts.end(), item) == counts.end()) counts.push_back(item);
        break;
      }
    }
  }
  json records = json::array();
  for (const PredictedRecord& r : p.records) {
    records.push_back({{"award", awards.NamesOf(r.award)},
                       {"year", r.year ? json(*r.year) : json(nullptr)},
                       {"recipient", agencies.NamesOf(r.recipient)},
                       {"organizer", NamesOrNull(r.organizer, agencies)},
                       {"date", r.date ? json(*r.date) : json(nullptr)},
                       {"location", NamesOrNull(r.location, locations)}});
  }
  // Keys in the order of annotation.md's example (nlohmann sorts object keys).
  std::string out = "{\"id\":" + json(p.id).dump() + ",\"published\":" +
                    (p.published ? json(*p.published) : json(nullptr)).dump();
  for (const auto& [key, value] : std::initializer_list<std::pair<const char*, json>>{
           {"agency", agencies.Items()},
           {"award", awards.Items()},
           {"location", locations.Items()},
           {"date", dates},
           {"count", counts},
           {"awards", records},
           {"notes", kDraftNote}})
    out += std::string(",\"") + key + "\":" + value.dump();
  return out + "}";
}

}  // namespace warta::eval
