// Date patterns as rule data: RE2 patterns with named groups, where
// {MONTH} and {WEEKDAY} stand for every month and weekday name the
// Calendar knows. Shared by the stages that read dates.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/calendar.h"
#include "core/regex.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

struct DatePattern {
  std::string name;
  std::unique_ptr<Regex> re;
  // Capture group indexes; 0 when the pattern has no such group.
  int year = 0, year2 = 0, month = 0, mname = 0, mname_end = 0, day = 0, day_end = 0, a = 0, b = 0, weekday = 0;
};

// Replaces {MONTH} and {WEEKDAY} by alternations of the known names.
std::string ExpandNamePlaceholders(std::string pattern, const Calendar& calendar);

// Reads the `[[key]]` array of {name, pattern} tables of a dates file.
// Every pattern needs a month (month, mname, or a and b) and a day or a year.
Status LoadDatePatterns(const toml::table& file, std::string_view key, const std::string& display,
                        const Calendar& calendar, std::vector<DatePattern>* out);

// A RuleSet of the patterns, in order: which of them can match a text.
Status CompileSet(const std::vector<DatePattern>& patterns, std::unique_ptr<RuleSet>* out);

// Value of a run of ASCII digits.
int ParseDigits(std::string_view digits);

}  // namespace warta
