// Reading gold JSONL (annotation.md, "Gold format"). The format is checked
// strictly: a misspelt key or a malformed value would otherwise change the
// figures without anyone noticing.
#include <fstream>
#include <initializer_list>
#include <unordered_map>

#include "eval/eval.h"
#include "eval/eval_internal.h"

namespace warta::eval {
namespace {

using nlohmann::json;

std::string Quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

Status CheckKeys(const json& object, std::initializer_list<std::string_view> allowed,
                 const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (known) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return Status::Error(where + "unknown key " + Quoted(key) + " (expected one of " + list + ")");
  }
  return {};
}

// The value of a key that must be present (it may still be null).
Status Require(const json& object, std::string_view key, const std::string& where,
               const json** out) {
  auto it = object.find(key);
  if (it == object.end()) return Status::Error(where + "missing " + Quoted(key));
  *out = &*it;
  return {};
}

Status StringList(const json& value, std::string_view key, const std::string& where,
                  std::vector<std::string>* out) {
  bool good = value.is_array() && !value.empty();
  for (const json& name : value)
    good = good && name.is_string() && !name.get<std::string>().empty();
  if (!good)
    return Status::Error(where + Quoted(key) + " must be a non-empty list of non-empty strings");
  out->clear();
  for (const json& name : value) out->push_back(name.get<std::string>());
  return {};
}

Status NullableStringList(const json& value, std::string_view key, const std::string& where,
                          std::optional<std::vector<std::string>>* out) {
  if (value.is_null()) {
    out->reset();
    return {};
  }
  out->emplace();
  return StringList(value, key, where, &**out);
}

Status Date(const json& value, std::string_view key, const std::string& where, std::string* out) {
  if (!value.is_string() || !internal::IsDate(value.get<std::string>(), /*allow_month=*/true)) {
    return Status::Error(where + Quoted(key) + " must be a date YYYY-MM-DD or YYYY-MM, got " +
                         value.dump());
  }
  *out = value.get<std::string>();
  return {};
}

Status OptionalFlag(const json& object, const std::string& where, bool* out) {
  auto it = object.find("optional");
  if (it != object.end() && !it->is_boolean()) {
    return Status::Error(where + "\"optional\" must be true or false");
  }
  *out = it != object.end() && it->get<bool>();
  return {};
}

Status ParseItem(EntityType type, const json& j, const std::string& where, GoldItem* item) {
  if (!j.is_object()) return Status::Error(where + "must be an object");
  const json* value = nullptr;
  switch (type) {
    case EntityType::kAgency:
    case EntityType::kAward:
      if (Status s = CheckKeys(j, {"names", "optional"}, where); !s.ok()) return s;
      if (Status s = Require(j, "names", where, &value); !s.ok()) return s;
      if (Status s = StringList(*value, "names", where, &item->names); !s.ok()) return s;
      break;
    case EntityType::kLocation:
      if (Status s = CheckKeys(j, {"names", "code", "optional"}, where); !s.ok()) return s;
      if (Status s = Require(j, "names", where, &value); !s.ok()) return s;
      if (Status s = StringList(*value, "names", where, &item->names); !s.ok()) return s;
      if (j.contains("code") && !j["code"].is_string()) {
        return Status::Error(where + "\"code\" must be a string");
      }
      break;
    case EntityType::kDate: {
      if (Status s = CheckKeys(j, {"value", "alts", "optional"}, where); !s.ok()) return s;
      if (Status s = Require(j, "value", where, &value); !s.ok()) return s;
      item->names.emplace_back();
      if (Status s = Date(*value, "value", where, &item->names.back()); !s.ok()) return s;
      if (auto alts = j.find("alts"); alts != j.end()) {
        if (!alts->is_array()) return Status::Error(where + "\"alts\" must be a list of dates");
        for (const json& alt : *alts) {
          item->names.emplace_back();
          if (Status s = Date(alt, "alts", where, &item->names.back()); !s.ok()) return s;
        }
      }
      break;
    }
    case EntityType::kCount:
      if (Status s = CheckKeys(j, {"value", "unit", "optional"}, where); !s.ok()) return s;
      if (Status s = Require(j, "value", where, &value); !s.ok()) return s;
      if (!value->is_number())
        return Status::Error(where + "\"value\" must be a number, got " + value->dump());
      item->number = value->get<double>();
      if (Status s = Require(j, "unit", where, &value); !s.ok()) return s;
      if (value->is_string() && !value->get<std::string>().empty()) {
        item->units = {value->get<std::string>()};
      } else if (Status s = StringList(*value, "unit", where, &item->units); !s.ok()) {
        return Status::Error(where +
                             "\"unit\" must be a non-empty string or a non-empty list of them");
      }
      break;
  }
  return OptionalFlag(j, where, &item->optional);
}

Status ParseRecord(const json& j, const std::string& where, GoldRecord* record) {
  if (!j.is_object()) return Status::Error(where + "must be an object");
  if (Status s = CheckKeys(
          j, {"award", "year", "recipient", "organizer", "date", "location", "optional"}, where);
      !s.ok()) {
    return s;
  }
  const json* value = nullptr;
  if (Status s = Require(j, "award", where, &value); !s.ok()) return s;
  if (Status s = StringList(*value, "award", where, &record->award); !s.ok()) return s;
  if (Status s = Require(j, "recipient", where, &value); !s.ok()) return s;
  if (Status s = StringList(*value, "recipient", where, &record->recipient); !s.ok()) return s;

  if (Status s = Require(j, "year", where, &value); !s.ok()) return s;
  if (!value->is_null() && !internal::IsInt(*value)) {
    return Status::Error(where + "\"year\" must be an integer or null, got " + value->dump());
  }
  if (!value->is_null()) record->year = value->get<int>();

  if (Status s = Require(j, "organizer", where, &value); !s.ok()) return s;
  if (Status s = NullableStringList(*value, "organizer", where, &record->organizer); !s.ok())
    return s;
  if (Status s = Require(j, "date", where, &value); !s.ok()) return s;
  if (!value->is_null()) {
    record->date.emplace();
    if (Status s = Date(*value, "date", where, &*record->date); !s.ok()) return s;
  }
  if (Status s = Require(j, "location", where, &value); !s.ok()) return s;
  if (Status s = NullableStringList(*value, "location", where, &record->location); !s.ok())
    return s;
  return OptionalFlag(j, where, &record->optional);
}

// Parses one gold line; messages start with the item they are about, the
// caller adds `path:line: `.
Status ParseArticle(const json& j, GoldArticle* article) {
  if (!j.is_object()) return Status::Error("a gold line must be a JSON object");
  if (Status s = CheckKeys(
          j, {"id", "published", "agency", "award", "date", "location", "count", "awards", "notes"},
          "");
      !s.ok()) {
    return s;
  }
  const json* value = nullptr;
  if (Status s = Require(j, "id", "", &value); !s.ok()) return s;
  if (!value->is_string() || value->get<std::string>().empty()) {
    return Status::Error("\"id\" must be a non-empty string");
  }
  article->id = value->get<std::string>();

  if (Status s = Require(j, "published", "", &value); !s.ok()) return s;
  if (!value->is_null()) {
    if (!value->is_string() ||
        !internal::IsDate(value->get<std::string>(), /*allow_month=*/false)) {
      return Status::Error("\"published\" must be a date YYYY-MM-DD or null, got " + value->dump());
    }
    article->published = value->get<std::string>();
  }

  for (EntityType type : kEntityTypes) {
    std::string key(EntityTypeName(type));
    if (Status s = Require(j, key, "", &value); !s.ok()) {
      return Status::Error(s.message() + " (use [] when the article has none)");
    }
    if (!value->is_array()) return Status::Error(Quoted(key) + " must be a list");
    auto& items = article->items[static_cast<size_t>(type)];
    for (size_t i = 0; i < value->size(); ++i) {
      std::string where = key + " item " + std::to_string(i + 1) + ": ";
      if (Status s = ParseItem(type, (*value)[i], where, &items.emplace_back()); !s.ok()) return s;
    }
  }

  if (Status s = Require(j, "awards", "", &value); !s.ok()) {
    return Status::Error(s.message() + " (use [] when the article has none)");
  }
  if (!value->is_array()) return Status::Error("\"awards\" must be a list");
  for (size_t i = 0; i < value->size(); ++i) {
    std::string where = "awards record " + std::to_string(i + 1) + ": ";
    if (Status s = ParseRecord((*value)[i], where, &article->records.emplace_back()); !s.ok())
      return s;
  }

  if (j.contains("notes") && !j["notes"].is_string())
    return Status::Error("\"notes\" must be a string");
  return {};
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

Status ReadGold(const std::string& path, std::vector<GoldArticle>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::vector<GoldArticle> articles;
  std::unordered_map<std::string, int> line_of_id;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (IsBlank(line)) continue;
    std::string at = path + ":" + std::to_string(number) + ": ";
    json j;
    if (Status s = internal::ParseJsonLine(line, &j); !s.ok())
      return Status::Error(at + s.message());
    GoldArticle article;
    if (Status s = ParseArticle(j, &article); !s.ok()) return Status::Error(at + s.message());
    auto [it, inserted] = line_of_id.emplace(article.id, number);
    if (!inserted) {
      return Status::Error(at + "duplicate id " + Quoted(article.id) + " (first on line " +
                           std::to_string(it->second) + ")");
    }
    articles.push_back(std::move(article));
  }
  if (in.bad()) return Status::Error(path + ": read error");
  *out = std::move(articles);
  return {};
}

}  // namespace warta::eval
