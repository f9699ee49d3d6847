#include "extract/dates.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <span>

#include "core/date_patterns.h"
#include "core/disjoint_ranges.h"
#include "core/utf8.h"

namespace warta {
namespace {

// A date as written: year 0 when the text gives none.
struct Mention {
  Range range;
  int year = 0, month = 0, day = 0, day_end = 0, month_end = 0;
  int weekday = 0;  // 1..7 when written
  int relative = 0;
  bool is_relative = false;
  std::string rule;
};

std::chrono::sys_days Days(const CivilDate& d) {
  using namespace std::chrono;
  return sys_days(year_month_day(std::chrono::year(d.year), std::chrono::month(d.month), std::chrono::day(d.day)));
}

CivilDate FromDays(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd(days);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<CivilDate> ParseIso(const std::optional<std::string>& iso) {
  if (!iso || iso->size() != 10) return std::nullopt;
  CivilDate d{ParseDigits(iso->substr(0, 4)), ParseDigits(iso->substr(5, 2)), ParseDigits(iso->substr(8, 2))};
  return d.Valid() ? std::optional<CivilDate>(d) : std::nullopt;
}

}  // namespace

struct DateFinder::Rules {
  const Calendar* calendar = nullptr;
  std::vector<DatePattern> patterns;
  std::vector<std::pair<std::string, int>> relative;  // folded word, offset in days
  std::unique_ptr<RE2> relative_re, article_year;
  std::string display;
};

DateFinder::DateFinder(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
DateFinder::~DateFinder() = default;

Status DateFinder::Load(const RulesDir& dir, const Calendar& calendar, std::unique_ptr<DateFinder>* out) {
  auto rules = std::make_unique<Rules>();
  rules->calendar = &calendar;
  rules->display = RulesDir::Display("dates.toml");
  const std::string& display = rules->display;
  toml::table table;
  if (Status s = ReadToml(dir.Path("dates.toml"), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"names", "published", "date", "relative", "article_year"}, display); !s.ok())
    return s;
  if (Status s = LoadDatePatterns(table, "date", display, calendar, &rules->patterns); !s.ok()) return s;

  RE2::Options options;
  options.set_log_errors(false);
  std::string words;
  if (const toml::table* relative = table["relative"].as_table()) {
    for (const auto& [word, node] : *relative) {
      auto offset = node.value<int64_t>();
      if (!offset) return Status::Error(display + ":" + std::to_string(TomlLine(node)) +
                                        ": relative day offsets are whole numbers");
      rules->relative.emplace_back(FoldCase(word.str()), static_cast<int>(*offset));
      words += (words.empty() ? "" : "|") + RE2::QuoteMeta(std::string(word.str()));
    }
  }
  if (!words.empty())
    if (Status s = CompileRule("(?i)\\b(" + words + ")\\b", options, display + ": [relative]", &rules->relative_re); !s.ok())
      return s;
  std::string article_year;
  if (Status s = GetString(table, "article_year", display, &article_year); !s.ok()) return s;
  const std::string at = display + ":" + std::to_string(TomlLine(*table.get("article_year"))) + ": article_year";
  if (Status s = CompileRule(article_year, options, at, &rules->article_year); !s.ok()) return s;
  if (rules->article_year->NumberOfCapturingGroups() != 1) return Status::Error(at + ": needs one group, the year");
  out->reset(new DateFinder(std::move(rules)));
  return {};
}

std::vector<std::string> DateFinder::SetPatterns() const {
  std::vector<std::string> out;
  for (const DatePattern& p : rules_->patterns) out.push_back(p.re->utf8().pattern());
  // The relative words come last (their id: one past the patterns').
  if (rules_->relative_re) out.push_back(rules_->relative_re->pattern());
  return out;
}

void DateFinder::Find(const std::vector<Range>& ranges, const std::vector<std::vector<int>>& set_hits, Document* doc,
                      std::vector<Entity>* out) const {
  const Calendar& calendar = *rules_->calendar;
  std::vector<Mention> mentions;
  std::vector<re2::StringPiece> groups;
  std::vector<Range> with_relative;  // paragraphs where the set saw a relative word
  const int relative_id = static_cast<int>(rules_->patterns.size());
  for (size_t k = 0; k < ranges.size(); ++k) {
    const Range& range = ranges[k];
    const std::string_view text = doc->Slice(range);
    std::span<const int> candidates = set_hits[k];  // in rule order, which decides ties
    if (!candidates.empty() && candidates.back() == relative_id) {
      with_relative.push_back(range);
      candidates = candidates.first(candidates.size() - 1);
    }
    const bool ascii = !candidates.empty() && IsAscii(text);
    for (int id : candidates) {
      const DatePattern& p = rules_->patterns[id];
      groups.assign(p.re->utf8().NumberOfCapturingGroups() + 1, {});
      for (size_t pos = 0; pos < text.size();) {
        if (!p.re->Match(text, pos, ascii, RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
          break;
        const size_t b = groups[0].data() - text.data(), e = b + groups[0].size();
        pos = e > pos ? e : pos + 1;
        Mention m;
        m.range = {range.begin + static_cast<uint32_t>(b), range.begin + static_cast<uint32_t>(e)};
        m.rule = rules_->display + ":" + p.name;
        if (p.year && !groups[p.year].empty()) m.year = ParseDigits(groups[p.year]);
        if (p.year2 && !groups[p.year2].empty()) m.year = 2000 + ParseDigits(groups[p.year2]);
        if (p.day) m.day = ParseDigits(groups[p.day]);
        if (p.day_end && !groups[p.day_end].empty()) m.day_end = ParseDigits(groups[p.day_end]);
        if (p.month) m.month = ParseDigits(groups[p.month]);
        if (p.mname) m.month = calendar.Month(groups[p.mname]).value_or(0);
        if (p.mname_end) m.month_end = calendar.Month(groups[p.mname_end]).value_or(0);
        if (p.weekday && !groups[p.weekday].empty()) m.weekday = calendar.Weekday(groups[p.weekday]).value_or(0);
        const bool ok = m.month >= 1 && m.month <= 12 && m.day >= 0 && m.day <= 31 && m.day_end <= 31 &&
                        (m.day_end == 0 || m.day_end > m.day) && (!p.mname_end || m.month_end > m.month);
        if (ok) mentions.push_back(std::move(m));
      }
    }
  }

  const std::optional<CivilDate> published = ParseIso(doc->published);
  if (published) {
    for (const Range& range : with_relative) {
      re2::StringPiece rest(doc->Slice(range)), word;
      while (RE2::FindAndConsume(&rest, *rules_->relative_re, &word)) {
        const std::string folded = FoldCase(word);
        for (const auto& [w, offset] : rules_->relative)
          if (w == folded) {
            Mention m;
            const uint32_t b = range.begin + static_cast<uint32_t>(word.data() - doc->text.data() - range.begin);
            m.range = {b, b + static_cast<uint32_t>(word.size())};
            m.is_relative = true;
            m.relative = offset;
            m.rule = rules_->display + ":relative";
            mentions.push_back(std::move(m));
          }
      }
    }
  }

  // Overlapping mentions: the longer wins, then the earlier rule (stable sort).
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return (a.range.end - a.range.begin) > (b.range.end - b.range.begin);
  });
  std::vector<Mention> kept;
  DisjointRanges taken;
  for (Mention& m : mentions) {
    if (taken.Overlaps(m.range)) continue;
    taken.Insert(m.range);
    kept.push_back(std::move(m));
  }

  // Years the article names, most named first, then the latest: only read
  // when a date without a year has no publication date to place it.
  const bool need_years = !published && std::any_of(kept.begin(), kept.end(), [](const Mention& m) {
    return !m.is_relative && m.year == 0;
  });
  std::map<int, int> year_counts;
  if (need_years) {
    for (const Range& range : ranges) {
      re2::StringPiece year, rest(doc->Slice(range));
      while (RE2::FindAndConsume(&rest, *rules_->article_year, &year)) ++year_counts[ParseDigits(year)];
    }
  }
  std::vector<std::pair<int, int>> years(year_counts.begin(), year_counts.end());
  std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first > b.first;
  });

  auto original_text = [&](const Range& r) { return std::string(doc->Slice(r)); };  // for warnings: the working text
  for (const Mention& m : kept) {
    std::vector<CivilDate> values;
    if (m.is_relative) {
      values.push_back(FromDays(Days(*published) + std::chrono::days(m.relative)));
    } else {
      CivilDate date{m.year, m.month, m.day};
      if (m.year == 0) {
        // Day/month only: the latest such date at most a week after
        // publication, else a year the article names that fits the weekday.
        std::optional<CivilDate> chosen;
        if (published) {
          for (int y = published->year + 1; y >= published->year - 1 && !chosen; --y) {
            CivilDate c{y, m.month, m.day == 0 ? 1 : m.day};
            if (c.Valid() && Days(c) <= Days(*published) + std::chrono::days(7)) chosen = CivilDate{y, m.month, m.day};
          }
        } else {
          for (const auto& [y, n] : years) {
            CivilDate c{y, m.month, m.day};
            if (c.Valid() && (!m.weekday || m.day == 0 || c.Weekday() == m.weekday)) { chosen = c; break; }
          }
          if (!chosen && !years.empty()) {
            chosen = CivilDate{years.front().first, m.month, m.day};
          }
        }
        if (!chosen) {
          doc->Warn("date-no-year", "date '" + original_text(m.range) + "': no publication date or year in the article to place it");
          continue;
        }
        date = *chosen;
      }
      if (!date.Valid()) continue;
      if (m.weekday && date.day && date.Weekday() != m.weekday)
        doc->Warn("weekday-mismatch", "date '" + original_text(m.range) + "': weekday does not match " + date.Iso());
      values.push_back(date);
      if (m.day_end) values.push_back(CivilDate{date.year, date.month, m.day_end});
      if (m.month_end) values.push_back(CivilDate{date.year, m.month_end, 0});
    }
    for (const CivilDate& v : values) {
      if (!v.Valid()) continue;
      Entity e;
      e.type = EntityType::kDate;
      e.range = m.range;
      e.value = v.Iso();
      e.rule = m.rule;
      out->push_back(std::move(e));
    }
  }
}

}  // namespace warta
