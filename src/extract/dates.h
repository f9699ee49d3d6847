// Date mentions (rules/dates.toml [[date]]), with the year of day/month-only
// dates inferred from the publication date or the years the article names.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

class DateFinder {
 public:
  static Status Load(const RulesDir& rules, const Calendar& calendar, std::unique_ptr<DateFinder>* out);
  ~DateFinder();

  // Patterns for the caller's RuleSet: which of them match a range tells
  // Find where to look (the ids of `set_hits` below).
  std::vector<std::string> SetPatterns() const;

  // Appends date entities (working ranges; original offsets are filled by
  // the caller) and warnings to `doc`. `set_hits[k]`: the ids of
  // SetPatterns() that match ranges[k], sorted.
  void Find(const std::vector<Range>& ranges, const std::vector<std::vector<int>>& set_hits, Document* doc,
            std::vector<Entity>* out) const;

 private:
  struct Rules;
  explicit DateFinder(std::unique_ptr<Rules> rules);
  std::unique_ptr<Rules> rules_;
};

}  // namespace warta
