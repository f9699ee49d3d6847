// Reading one line of warta's output (output.md) for scoring.
#include "eval/eval.h"
#include "eval/eval_internal.h"

namespace warta::eval {
namespace {

using nlohmann::json;

// The value of `key`, which must be present; null allowed.
Status Present(const json& object, std::string_view key, const std::string& where,
               const json** out) {
  auto it = object.find(key);
  if (it == object.end()) return Status::Error(where + "missing \"" + std::string(key) + "\"");
  *out = &*it;
  return {};
}

Status String(const json& object, std::string_view key, const std::string& where,
              std::string* out) {
  const json* value = nullptr;
  if (Status s = Present(object, key, where, &value); !s.ok()) return s;
  if (!value->is_string()) {
    return Status::Error(where + "\"" + std::string(key) + "\" must be a string, got " +
                         value->dump());
  }
  *out = value->get<std::string>();
  return {};
}

Status NullableString(const json& object, std::string_view key, const std::string& where,
                      std::optional<std::string>* out) {
  const json* value = nullptr;
  if (Status s = Present(object, key, where, &value); !s.ok()) return s;
  if (value->is_null()) {
    out->reset();
  } else if (value->is_string()) {
    *out = value->get<std::string>();
  } else {
    return Status::Error(where + "\"" + std::string(key) + "\" must be a string or null, got " +
                         value->dump());
  }
  return {};
}

// `text` and `rule` only explain false positives; missing ones stay empty.
std::string Shown(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Status ParseEntity(const json& j, const std::string& where, PredictedEntity* entity) {
  if (!j.is_object()) return Status::Error(where + "must be an object");
  std::string type;
  if (Status s = String(j, "type", where, &type); !s.ok()) return s;
  bool known = false;
  for (EntityType t : kEntityTypes) {
    if (EntityTypeName(t) == type) {
      entity->type = t;
      known = true;
    }
  }
  if (!known) return Status::Error(where + "unknown type \"" + type + "\"");

  if (entity->type == EntityType::kCount) {
    const json* value = nullptr;
    if (Status s = Present(j, "value", where, &value); !s.ok()) return s;
    if (!value->is_number())
      return Status::Error(where + "count \"value\" must be a number, got " + value->dump());
    entity->number = value->get<double>();
    if (Status s = String(j, "unit", where, &entity->unit); !s.ok()) return s;
  } else if (Status s = String(j, "value", where, &entity->value); !s.ok()) {
    return s;
  }
  entity->text = Shown(j, "text");
  entity->rule = Shown(j, "rule");
  return {};
}

Status ParseRecord(const json& j, const std::string& where, PredictedRecord* record) {
  if (!j.is_object()) return Status::Error(where + "must be an object");
  if (Status s = String(j, "award", where, &record->award); !s.ok()) return s;
  if (Status s = String(j, "recipient", where, &record->recipient); !s.ok()) return s;
  const json* year = nullptr;
  if (Status s = Present(j, "year", where, &year); !s.ok()) return s;
  if (!year->is_null() && !internal::IsInt(*year)) {
    return Status::Error(where + "\"year\" must be an integer or null, got " + year->dump());
  }
  if (!year->is_null()) record->year = year->get<int>();
  if (Status s = NullableString(j, "organizer", where, &record->organizer); !s.ok()) return s;
  if (Status s = NullableString(j, "date", where, &record->date); !s.ok()) return s;
  return NullableString(j, "location", where, &record->location);
}

Status ParseList(const json& object, std::string_view key, const json** out) {
  if (Status s = Present(object, key, "", out); !s.ok()) return s;
  if (!(*out)->is_array()) return Status::Error("\"" + std::string(key) + "\" must be a list");
  return {};
}

Status ParseObject(const json& j, Prediction* p) {
  if (!j.is_object()) return Status::Error("an output line must be a JSON object");
  if (Status s = String(j, "id", "", &p->id); !s.ok()) return s;
  if (auto error = j.find("error"); error != j.end() && !error->is_null()) {
    if (!error->is_string())
      return Status::Error("\"error\" must be a string, got " + error->dump());
    // The other fields of an error line are null or empty and not scored.
    p->error = error->get<std::string>();
    return {};
  }
  if (Status s = NullableString(j, "published", "", &p->published); !s.ok()) return s;

  const json* list = nullptr;
  if (Status s = ParseList(j, "entities", &list); !s.ok()) return s;
  for (size_t i = 0; i < list->size(); ++i) {
    std::string where = "entity " + std::to_string(i + 1) + ": ";
    PredictedEntity entity;
    if (Status s = ParseEntity((*list)[i], where, &entity); !s.ok()) return s;
    // The gold annotates the body only (annotation.md): a headline entity
    // is neither a hit nor a false positive.
    const auto headline = (*list)[i].find("headline");
    if (headline == (*list)[i].end() || *headline != true) p->entities.push_back(std::move(entity));
  }
  if (Status s = ParseList(j, "awards", &list); !s.ok()) return s;
  for (size_t i = 0; i < list->size(); ++i) {
    std::string where = "awards record " + std::to_string(i + 1) + ": ";
    if (Status s = ParseRecord((*list)[i], where, &p->records.emplace_back()); !s.ok()) return s;
  }
  return {};
}

}  // namespace

Status ParsePrediction(std::string_view json_line, Prediction* out) {
  json j;
  if (Status s = internal::ParseJsonLine(json_line, &j); !s.ok()) return s;
  Prediction p;
  if (Status s = ParseObject(j, &p); !s.ok()) {
    // Name the article when the id is known, so the reader can find the line.
    return p.id.empty() ? s : Status::Error("output for \"" + p.id + "\": " + s.message());
  }
  *out = std::move(p);
  return {};
}

}  // namespace warta::eval
