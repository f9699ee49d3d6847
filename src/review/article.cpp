// What a page shows of an article, from a processed Document or from a line
// of warta's output, and its checks through src/eval.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "review/review.h"

namespace warta::review {
namespace {

using nlohmann::json;

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// The original code points no working byte came from, less those that are
// only white space (collapsed spaces are no news to a reader).
std::vector<Range> Removed(const Document& doc) {
  std::vector<Range> covered;
  for (size_t b = 0; b < doc.text.size() && b < doc.map.size(); ++b) {
    const uint32_t begin = doc.map.OrigBegin(b), end = doc.map.OrigEnd(b);
    if (!covered.empty() && begin <= covered.back().end && begin >= covered.back().begin)
      covered.back().end = std::max(covered.back().end, end);
    else
      covered.push_back({begin, end});
  }
  std::sort(covered.begin(), covered.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  const CodePointIndex original(doc.original);
  const uint32_t total = static_cast<uint32_t>(CountCodePoints(doc.original));
  std::vector<Range> removed;
  uint32_t at = 0;
  auto gap = [&](uint32_t until) {
    if (until > at && !IsBlank(original.Slice(at, until))) removed.push_back({at, until});
  };
  for (const Range& r : covered) {
    gap(std::min(r.begin, total));
    at = std::max(at, r.end);
  }
  gap(total);
  return removed;
}

std::optional<std::string> OptionalString(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<int> OptionalInt(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

std::vector<std::string> Strings(const json& object, const char* key) {
  std::vector<std::string> out;
  if (auto it = object.find(key); it != object.end() && it->is_array())
    for (const json& s : *it)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

bool Span(const json& object, uint32_t* start, uint32_t* end) {
  auto s = object.find("start"), e = object.find("end");
  if (s == object.end() || e == object.end() || !s->is_number_unsigned() || !e->is_number_unsigned()) return false;
  *start = s->get<uint32_t>();
  *end = e->get<uint32_t>();
  return *start <= *end;
}

// The quoted pieces of the original, merged where they overlap.
std::vector<TextPiece> MergePieces(std::vector<TextPiece> pieces) {
  std::sort(pieces.begin(), pieces.end(), [](const TextPiece& a, const TextPiece& b) { return a.start < b.start; });
  std::vector<TextPiece> merged;
  uint32_t merged_end = 0;
  for (TextPiece& p : pieces) {
    const uint32_t length = static_cast<uint32_t>(CountCodePoints(p.text));
    if (merged.empty() || p.start > merged_end) {
      merged_end = p.start + length;
      merged.push_back(std::move(p));
    } else if (p.start + length > merged_end) {
      merged.back().text += SliceCodePoints(p.text, merged_end - p.start, length);
      merged_end = p.start + length;
    }
  }
  return merged;
}

}  // namespace

Article FromDocument(const Document& doc) {
  Article a;
  a.id = doc.id;
  a.title = doc.title ? doc.title : doc.title_field;
  a.published = doc.published;
  a.url = doc.url;
  a.error = doc.error;
  for (const Warning& w : doc.warnings) a.warnings.push_back(w.message);
  a.text.push_back({0, doc.original});
  a.removed = Removed(doc);
  a.entities = doc.entities;
  a.awards = doc.awards;
  return a;
}

Status FromOutputLine(std::string_view line, Article* out) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Error("not a JSON object");
  auto id = OptionalString(j, "id");
  if (!id) return Status::Error("no \"id\"");
  Article a;
  a.id = *id;
  a.title = OptionalString(j, "title");
  a.published = OptionalString(j, "published");
  a.url = OptionalString(j, "url");
  a.error = OptionalString(j, "error").value_or("");
  a.warnings = Strings(j, "warnings");
  std::vector<TextPiece> pieces;
  if (auto list = j.find("entities"); list != j.end() && list->is_array()) {
    for (const json& e : *list) {
      Entity entity;
      const std::string type = OptionalString(e, "type").value_or("");
      bool known = false;
      for (EntityType t : eval::kEntityTypes)
        if (type == EntityTypeName(t)) entity.type = t, known = true;
      if (!known || !e.is_object() || !Span(e, &entity.start, &entity.end)) continue;
      entity.text = OptionalString(e, "text").value_or("");
      if (auto v = e.find("value"); v != e.end() && v->is_number()) {
        entity.number = v->get<double>();
        entity.value = v->dump();
      } else {
        entity.value = OptionalString(e, "value").value_or("");
      }
      entity.unit = OptionalString(e, "unit").value_or("");
      entity.acronym = OptionalString(e, "acronym").value_or("");
      entity.code = OptionalString(e, "code").value_or("");
      entity.year = OptionalInt(e, "year");
      entity.rule = OptionalString(e, "rule").value_or("");
      entity.headline = e.value("headline", false);
      if (!entity.text.empty()) pieces.push_back({entity.start, entity.text});
      a.entities.push_back(std::move(entity));
    }
  }
  if (auto list = j.find("awards"); list != j.end() && list->is_array()) {
    for (const json& r : *list) {
      if (!r.is_object()) continue;
      AwardRecord record;
      record.award = OptionalString(r, "award").value_or("");
      record.year = OptionalInt(r, "year");
      record.year_given = OptionalInt(r, "year_given");
      record.recipient = OptionalString(r, "recipient").value_or("");
      record.parent = OptionalString(r, "parent");
      record.units = Strings(r, "units");
      record.innovations = Strings(r, "innovations");
      record.organizer = OptionalString(r, "organizer");
      record.date = OptionalString(r, "date");
      record.location = OptionalString(r, "location");
      record.tier = OptionalString(r, "tier");
      record.rule = OptionalString(r, "rule").value_or("");
      if (auto evidence = r.find("evidence"); evidence != r.end() && evidence->is_array())
        for (const json& ev : *evidence) {
          Range span;
          if (!ev.is_object() || !Span(ev, &span.begin, &span.end)) continue;
          record.evidence.push_back(span);
          if (auto text = OptionalString(ev, "text")) pieces.push_back({span.begin, *text});
        }
      a.awards.push_back(std::move(record));
    }
  }
  a.text = MergePieces(std::move(pieces));
  *out = std::move(a);
  return {};
}

Status AddChecks(std::string_view output_line, const eval::GoldArticle* gold, Article* article) {
  eval::Prediction prediction;
  if (Status s = eval::ParsePrediction(output_line, &prediction); !s.ok()) return s;
  // Drafts are for the articles worth annotating: those naming an award.
  const bool names_award = std::any_of(article->entities.begin(), article->entities.end(),
                                       [](const Entity& e) { return e.type == EntityType::kAward; });
  if (names_award) article->draft_gold = eval::DraftGoldLine(prediction);
  if (gold) article->gold = eval::Score({*gold}, {prediction});
  return {};
}

}  // namespace warta::review
