#include "extract/extract.h"

#include <algorithm>

#include "core/utf8.h"
#include "extract/counts.h"
#include "extract/dates.h"
#include "extract/gazetteer.h"

namespace warta {

Extractor::Extractor() = default;
Extractor::~Extractor() = default;

Status Extractor::Load(const RulesDir& rules, const Calendar& calendar, std::unique_ptr<Extractor>* out) {
  std::unique_ptr<Extractor> x(new Extractor());
  if (Status s = DateFinder::Load(rules, calendar, &x->dates_); !s.ok()) return s;
  if (Status s = CountFinder::Load(rules, calendar, &x->counts_); !s.ok()) return s;
  if (Status s = Gazetteer::Load(rules, &x->gazetteer_); !s.ok()) return s;
  *out = std::move(x);
  return {};
}

size_t Extractor::gazetteer_phrases() const { return gazetteer_->phrase_count(); }

namespace {

// Of entities of one type that overlap, the longest stays.
void KeepLongest(std::vector<Entity>* entities) {
  std::stable_sort(entities->begin(), entities->end(), [](const Entity& a, const Entity& b) {
    return (a.range.end - a.range.begin) > (b.range.end - b.range.begin);
  });
  std::vector<Entity> kept;
  for (Entity& e : *entities) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Entity& k) {
      return k.type == e.type && e.range.begin < k.range.end && k.range.begin < e.range.end;
    });
    if (!overlaps) kept.push_back(std::move(e));
  }
  *entities = std::move(kept);
}

}  // namespace

void Extractor::Process(Document* doc) const {
  const std::vector<Range>& ranges = doc->paragraphs;
  std::vector<Entity> dates, counts, names;
  dates_->Find(ranges, doc, &dates);
  counts_->Find(*doc, ranges, &counts);
  gazetteer_->Find(*doc, ranges, &names);
  KeepLongest(&names);
  // "Balai Besar Bahan dan Barang Teknik" and, later, "... Teknik Bandung"
  // name one body: all its mentions take the fullest name.
  for (Entity& e : names) {
    if (e.type != EntityType::kAgency) continue;
    for (const Entity& other : names)
      if (other.type == EntityType::kAgency && other.value.size() > e.value.size() &&
          other.value.compare(0, e.value.size(), e.value) == 0 && other.value[e.value.size()] == ' ' &&
          other.rule == e.rule)
        e.value = other.value;
  }
  // A count inside a date ("18 Desember") is part of the date.
  std::erase_if(counts, [&](const Entity& c) {
    return std::any_of(dates.begin(), dates.end(), [&](const Entity& d) {
      return c.range.begin < d.range.end && d.range.begin < c.range.end;
    });
  });
  std::vector<Entity>& all = doc->entities;
  all.clear();
  all.insert(all.end(), std::make_move_iterator(dates.begin()), std::make_move_iterator(dates.end()));
  all.insert(all.end(), std::make_move_iterator(counts.begin()), std::make_move_iterator(counts.end()));
  all.insert(all.end(), std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()));
  for (Entity& e : all) {
    e.start = doc->map.SpanStart(e.range.begin);
    e.end = doc->map.SpanEnd(e.range.end);
    e.text = std::string(SliceCodePoints(doc->original, e.start, e.end));
  }
  std::stable_sort(all.begin(), all.end(), [](const Entity& a, const Entity& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
}

}  // namespace warta
