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
