// extract: entities (dates, counts, agencies, locations, awards) from the
// body paragraphs of a segmented document, and from the title line of the
// text (not a title field), flagged `headline`: a headline may be the only
// place a record is stated. The title is read on its own, so that it changes
// nothing the body gives (a full region name there settles no bare one in
// the body); the gold annotates the body only, and a Title Case headline
// reads "Tiga Naik" as a count, so eval leaves headline entities out.
//
//   std::unique_ptr<warta::Extractor> extractor;
//   if (auto s = warta::Extractor::Load(rules, calendar, &extractor); !s.ok()) ...
//   extractor->Process(&doc);   // fills doc.entities, in text order
//
// Every entity carries its working-text range, its original offsets in code
// points, the original text between them, and the rule that made it.
// Nothing in header lines or removed boilerplate is looked at.
#pragma once

#include <memory>
#include <vector>

#include "core/calendar.h"
#include "core/document.h"
#include "core/regex.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

class DateFinder;
class CountFinder;
class Gazetteer;

class Extractor {
 public:
  static Status Load(const RulesDir& rules, const Calendar& calendar, std::unique_ptr<Extractor>* out);
  ~Extractor();

  size_t gazetteer_phrases() const;

  // Thread-safe.
  void Process(Document* doc) const;

 private:
  Extractor();
  static void CorrectMisspeltNames(const Document& doc, std::vector<Entity>* names);
  // The entities of working ranges `ranges`, with working ranges only.
  std::vector<Entity> Find(Document* doc, const std::vector<Range>& ranges) const;
  std::unique_ptr<DateFinder> dates_;
  std::unique_ptr<CountFinder> counts_;
  std::unique_ptr<Gazetteer> gazetteer_;
  // One pass over each paragraph tells which date patterns (ids below
  // date_patterns_) and unit and title patterns (the gazetteer's, after
  // them) can match there: an automaton's pass costs about the same
  // whatever it holds.
  std::unique_ptr<RuleSet> triggers_;
  int date_patterns_ = 0;
};

}  // namespace warta
