#include "extract/extract.h"

#include <algorithm>

#include "core/disjoint_ranges.h"
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
  RE2::Options options;
  options.set_log_errors(false);
  x->triggers_ = std::make_unique<RuleSet>(options);
  const std::vector<std::string> dates = x->dates_->SetPatterns();
  x->date_patterns_ = static_cast<int>(dates.size());
  for (const std::vector<std::string>& patterns : {dates, x->gazetteer_->SetPatterns()})
    for (const std::string& pattern : patterns)
      if (std::string error; !x->triggers_->Add(pattern, &error)) return Status::Error("extract set: " + error);
  if (!x->triggers_->Compile()) return Status::Error("extract: date, unit and title patterns too large to compile together");
  *out = std::move(x);
  return {};
}

size_t Extractor::gazetteer_phrases() const { return gazetteer_->phrase_count(); }

namespace {

// Edit distance of two short strings, or `limit + 1` once it exceeds `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0], best = ++row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

}  // namespace

// A body's name found by its shape, with a listed body's acronym in brackets
// right after it, that differs from the listed name by a slip of the pen is
// that body: "Badan Kemanan Laut (Bakamla)" is Badan Keamanan Laut. A slip
// is never in the head: "Balai Pengawas Obat dan Makanan (BPOM)" is a Balai
// of Badan POM, not Badan POM.
void Extractor::CorrectMisspeltNames(const Document& doc, std::vector<Entity>* names) {
  auto head = [](const std::string& name) { return std::string_view(name).substr(0, name.find(' ')); };
  constexpr size_t kSlips = 2;  // letters left out, doubled or swapped
  std::vector<const Entity*> by_start;
  for (const Entity& e : *names)
    if (e.type == EntityType::kAgency) by_start.push_back(&e);
  std::sort(by_start.begin(), by_start.end(), [](const Entity* a, const Entity* b) { return a->range.begin < b->range.begin; });
  for (Entity& shaped : *names) {
    if (shaped.type != EntityType::kAgency) continue;
    auto at = std::lower_bound(by_start.begin(), by_start.end(), shaped.range.end + 2,
                               [](const Entity* e, uint32_t begin) { return e->range.begin < begin; });
    const Entity* listed = at != by_start.end() && (*at)->range.begin == shaped.range.end + 2 ? *at : nullptr;
    if (!listed || shaped.rule.rfind("rules/gazetteer.toml:", 0) != 0 ||
        listed->rule.rfind("rules/agencies.tsv:", 0) != 0 || shaped.value == listed->value ||
        doc.Slice({shaped.range.end, listed->range.begin}) != " (" || doc.text.compare(listed->range.end, 1, ")") != 0 ||
        std::count(shaped.value.begin(), shaped.value.end(), ' ') != std::count(listed->value.begin(), listed->value.end(), ' ') ||
        head(shaped.value) != head(listed->value) ||
        EditDistance(shaped.value, listed->value, kSlips) > kSlips)
      continue;
    shaped.value = listed->value;
    shaped.acronym = listed->acronym;
    shaped.rule = listed->rule;  // the value is that row's
  }
}

std::vector<Entity> Extractor::Find(Document* doc, const std::vector<Range>& ranges) const {
  std::vector<std::vector<int>> date_candidates(ranges.size()), name_candidates(ranges.size());
  std::vector<int> ids;
  for (size_t k = 0; k < ranges.size(); ++k) {
    triggers_->Match(doc->Slice(ranges[k]), &ids);
    for (int id : ids)
      if (id < date_patterns_) date_candidates[k].push_back(id);
      else name_candidates[k].push_back(id - date_patterns_);
  }
  std::vector<Entity> dates, counts, names;
  dates_->Find(ranges, date_candidates, doc, &dates);
  counts_->Find(*doc, ranges, &counts);
  gazetteer_->Find(*doc, ranges, name_candidates, &names);
  // A count inside a date ("18 Desember") is part of the date.
  DisjointRanges date_ranges;  // mentions do not overlap; a range gives one or two values
  for (const Entity& d : dates) date_ranges.Insert(d.range);
  std::erase_if(counts, [&](const Entity& c) { return date_ranges.Overlaps(c.range); });
  CorrectMisspeltNames(*doc, &names);
  std::vector<Entity> all = std::move(dates);
  all.insert(all.end(), std::make_move_iterator(counts.begin()), std::make_move_iterator(counts.end()));
  all.insert(all.end(), std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()));
  return all;
}

void Extractor::Process(Document* doc) const {
  std::vector<Entity>& all = doc->entities;
  all = Find(doc, doc->paragraphs);
  std::vector<Range> titles;
  for (const Sentence& s : doc->sentences)
    if (s.is_title) titles.push_back(s.range);
  if (!titles.empty())
    for (Entity& e : Find(doc, titles)) {
      e.headline = true;
      all.push_back(std::move(e));
    }
  const CodePointIndex original(doc->original);  // one pass, not one per entity
  for (Entity& e : all) {
    e.start = doc->map.SpanStart(e.range.begin);
    e.end = doc->map.SpanEnd(e.range.end);
    e.text = std::string(original.Slice(e.start, e.end));
  }
  std::stable_sort(all.begin(), all.end(), [](const Entity& a, const Entity& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
}

}  // namespace warta
