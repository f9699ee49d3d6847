#include "core/date_patterns.h"

#include <algorithm>
#include <iterator>

namespace warta {

std::string ExpandNamePlaceholders(std::string pattern, const Calendar& calendar) {
  for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"{MONTH}", &calendar.MonthPattern()},
                            {"{WEEKDAY}", &calendar.WeekdayPattern()}}) {
    for (size_t at; (at = pattern.find(key)) != std::string::npos;) pattern.replace(at, key.size(), *value);
  }
  return pattern;
}

Status CompileSet(const std::vector<DatePattern>& patterns, std::unique_ptr<RuleSet>* out) {
  RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_unique<RuleSet>(options);
  for (const DatePattern& p : patterns)
    if (std::string error; !set->Add(p.re->utf8().pattern(), &error))
      return Status::Error("rule \"" + p.name + "\": " + error);
  if (!set->Compile()) return Status::Error("patterns too large to compile together");
  *out = std::move(set);
  return {};
}

int ParseDigits(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

Status LoadDatePatterns(const toml::table& file, std::string_view key, const std::string& display,
                        const Calendar& calendar, std::vector<DatePattern>* out) {
  const toml::array* list = file[key].as_array();
  if (!list) return Status::Error(display + ": no [[" + std::string(key) + "]] patterns");
  RE2::Options options;
  options.set_log_errors(false);
  for (const toml::node& node : *list) {
    const std::string at = display + ":" + std::to_string(TomlLine(node));
    const toml::table* entry = node.as_table();
    if (!entry) return Status::Error(at + ": [[" + std::string(key) + "]] entries must be tables");
    if (Status s = CheckKeys(*entry, {"name", "pattern"}, display); !s.ok()) return s;
    DatePattern p;
    std::string pattern;
    if (Status s = GetString(*entry, "name", display, &p.name); !s.ok()) return s;
    if (Status s = GetString(*entry, "pattern", display, &pattern); !s.ok()) return s;
    for (const DatePattern& other : *out)
      if (other.name == p.name) return Status::Error(at + ": duplicate rule name \"" + p.name + "\"");
    const std::string where = at + ": rule \"" + p.name + "\"";
    if (Status s = Regex::Compile(ExpandNamePlaceholders(pattern, calendar), options, where, &p.re); !s.ok())
      return s;
    const auto& groups = p.re->utf8().NamedCapturingGroups();
    for (auto& [group, field] : {std::pair<const char*, int*>{"year", &p.year}, {"year2", &p.year2},
                                 {"month", &p.month}, {"mname", &p.mname}, {"mname_end", &p.mname_end}, {"day", &p.day},
                                 {"day_end", &p.day_end}, {"a", &p.a}, {"b", &p.b}, {"weekday", &p.weekday}}) {
      auto it = groups.find(group);
      if (it != groups.end()) *field = it->second;
    }
    for (const auto& [group, index] : groups) {
      static const char* kKnown[] = {"year", "year2", "month", "mname", "mname_end", "day", "day_end", "a", "b", "weekday"};
      if (std::find(std::begin(kKnown), std::end(kKnown), group) == std::end(kKnown))
        return Status::Error(where + ": unknown group \"" + group + "\"");
    }
    const bool has_month = p.month || p.mname || (p.a && p.b);
    if (!has_month || (!p.day && !p.a && !(p.year || p.year2)))
      return Status::Error(where + ": needs a month (month, mname, or a and b) and a day or a year");
    out->push_back(std::move(p));
  }
  return {};
}

}  // namespace warta
