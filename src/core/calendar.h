// Month and weekday names (ICU's Indonesian and English locale data plus the
// variants of rules/dates.toml [names]) and civil-date arithmetic, shared by
// the stages that read dates.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

struct CivilDate {
  int year = 0, month = 0, day = 0;  // day 0: month precision
  std::string Iso() const;           // "2015-12-18" or "2015-12"
  bool Valid() const;                // a real calendar day (or month)
  int Weekday() const;               // 1 = Monday ... 7 = Sunday; needs a day
  bool operator==(const CivilDate&) const = default;
};

class Calendar {
 public:
  static Status Load(const RulesDir& rules, std::unique_ptr<Calendar>* out);

  // Case-insensitive; "Desember", "Des", "Dec", "December", "Agt" ...
  std::optional<int> Month(std::string_view name) const;
  // 1 = Monday ... 7 = Sunday; "Jum'at", "Jumat", "Friday" ...
  std::optional<int> Weekday(std::string_view name) const;

  // RE2 alternations of every known name, longest first, for building
  // patterns: "(?:Desember|Agustus|...)".
  const std::string& MonthPattern() const { return month_pattern_; }
  const std::string& WeekdayPattern() const { return weekday_pattern_; }

 private:
  std::map<std::string, int> months_, weekdays_;  // keys case-folded
  std::string month_pattern_, weekday_pattern_;
};

// Case-folds UTF-8 text with ICU (full folding).
std::string FoldCase(std::string_view s);

}  // namespace warta
