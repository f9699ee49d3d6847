#include "core/calendar.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <re2/re2.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace warta {

std::string FoldCase(std::string_view s) {
  // ASCII folds to its lower case: most words of Indonesian news skip ICU.
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(s);
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string CivilDate::Iso() const {
  char buf[16];
  if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool CivilDate::Valid() const {
  if (year < 1 || month < 1 || month > 12 || day < 0) return false;
  if (day == 0) return true;
  using namespace std::chrono;
  return year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)).ok();
}

int CivilDate::Weekday() const {
  using namespace std::chrono;
  weekday w{sys_days(year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)))};
  return static_cast<int>(w.iso_encoding());
}

namespace {

using Names = std::map<std::string, int>;

void AddIcuNames(const icu::Locale& locale, Names* months, Names* weekdays) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return;
  for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
    int32_t n = 0;
    const icu::UnicodeString* names =
        symbols.getMonths(n, icu::DateFormatSymbols::FORMAT, width);
    for (int32_t i = 0; i < n && i < 12; ++i) {
      std::string s;
      icu::UnicodeString(names[i]).foldCase().toUTF8String(s);
      if (!s.empty() && s.back() == '.') s.pop_back();
      months->emplace(s, i + 1);
    }
    const icu::UnicodeString* days =
        symbols.getWeekdays(n, icu::DateFormatSymbols::FORMAT, width);
    // ICU: index 1 = Sunday ... 7 = Saturday.
    for (int32_t i = 1; i < n && i <= 7; ++i) {
      std::string s;
      icu::UnicodeString(days[i]).foldCase().toUTF8String(s);
      if (!s.empty() && s.back() == '.') s.pop_back();
      weekdays->emplace(s, i == 1 ? 7 : i - 1);
    }
  }
}

std::string Alternation(const Names& names) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : names) keys.push_back(RE2::QuoteMeta(k));
  std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (size_t i = 0; i < keys.size(); ++i) out += (i ? "|" : "") + keys[i];
  return out + ")";
}

// Reads `[names] key = ["Variant", ...]` where key is a month or weekday
// number written as a name: months "1".."12", weekdays "mon".."sun".
Status ReadVariants(const toml::table& names, const std::string& display, Names* months,
                    Names* weekdays) {
  static const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (const auto& [key, node] : names) {
    const std::string k(key.str());
    const std::string at = display + ":" + std::to_string(TomlLine(node)) + ": ";
    Names* target = nullptr;
    int value = 0;
    for (int d = 0; d < 7; ++d)
      if (k == kDays[d]) { target = weekdays; value = d + 1; }
    if (!target) {
      char* end = nullptr;
      long m = std::strtol(k.c_str(), &end, 10);
      if (*end || m < 1 || m > 12)
        return Status::Error(at + "names key must be a month number 1-12 or mon..sun, not \"" + k + "\"");
      target = months;
      value = static_cast<int>(m);
    }
    const toml::array* list = node.as_array();
    if (!list) return Status::Error(at + "\"" + k + "\" must be a list of strings");
    for (const toml::node& v : *list) {
      const auto* s = v.as_string();
      if (!s || s->get().empty()) return Status::Error(at + "\"" + k + "\" must list non-empty strings");
      auto [it, inserted] = target->emplace(FoldCase(s->get()), value);
      if (!inserted && it->second != value)
        return Status::Error(at + "\"" + s->get() + "\" already names another month or day");
    }
  }
  return {};
}

}  // namespace

Status Calendar::Load(const RulesDir& rules, std::unique_ptr<Calendar>* out) {
  auto cal = std::make_unique<Calendar>();
  AddIcuNames(icu::Locale("id"), &cal->months_, &cal->weekdays_);
  AddIcuNames(icu::Locale("en"), &cal->months_, &cal->weekdays_);
  if (cal->months_.size() < 12 || cal->weekdays_.size() < 7)
    return Status::Error("ICU has no month or weekday names for Indonesian");
  const std::string file = "dates.toml";
  const std::string display = RulesDir::Display(file);
  toml::table table;
  if (Status s = ReadToml(rules.Path(file), display, &table); !s.ok()) return s;
  if (const toml::table* names = table["names"].as_table())
    if (Status s = ReadVariants(*names, display, &cal->months_, &cal->weekdays_); !s.ok()) return s;
  cal->month_pattern_ = Alternation(cal->months_);
  cal->weekday_pattern_ = Alternation(cal->weekdays_);
  *out = std::move(cal);
  return {};
}

std::optional<int> Calendar::Month(std::string_view name) const {
  auto it = months_.find(FoldCase(name));
  return it == months_.end() ? std::nullopt : std::optional<int>(it->second);
}

std::optional<int> Calendar::Weekday(std::string_view name) const {
  auto it = weekdays_.find(FoldCase(name));
  return it == weekdays_.end() ? std::nullopt : std::optional<int>(it->second);
}

}  // namespace warta
