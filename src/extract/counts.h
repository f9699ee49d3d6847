// Counts (rules/counts.toml): digits with Indonesian separators or number
// words, followed by the counted noun or a percent sign.
#pragma once

#include <memory>
#include <vector>

#include "core/calendar.h"
#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

class CountFinder {
 public:
  static Status Load(const RulesDir& rules, const Calendar& calendar, std::unique_ptr<CountFinder>* out);
  ~CountFinder();

  // Appends count entities with working ranges.
  void Find(const Document& doc, const std::vector<Range>& ranges, std::vector<Entity>* out) const;

  // The value of number words ("dua puluh tiga" -> 23), read with ICU's
  // Indonesian spell-out rules; nullopt when they do not form one number.
  std::optional<double> ParseNumberWords(std::string_view words) const;

 private:
  struct Rules;
  explicit CountFinder(std::unique_ptr<Rules> rules);
  std::unique_ptr<Rules> rules_;
};

}  // namespace warta
