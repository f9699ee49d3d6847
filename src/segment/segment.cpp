#include "segment/segment.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <unordered_set>

#include <re2/re2.h>

#include "core/date_patterns.h"

namespace warta {
namespace {

RE2::Options QuietOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

}  // namespace

// ------------------------------------------------------- publication dates

PublishedDateParser::PublishedDateParser(const Calendar& calendar, std::vector<DatePattern> patterns)
    : calendar_(calendar), patterns_(std::move(patterns)) {}
PublishedDateParser::~PublishedDateParser() = default;

Status PublishedDateParser::Load(const RulesDir& rules, const Calendar& calendar,
                                 std::unique_ptr<PublishedDateParser>* out) {
  const std::string display = RulesDir::Display("dates.toml");
  toml::table table;
  if (Status s = ReadToml(rules.Path("dates.toml"), display, &table); !s.ok()) return s;
  std::vector<DatePattern> patterns;
  if (Status s = LoadDatePatterns(table, "published", display, calendar, &patterns); !s.ok()) return s;
  for (const DatePattern& p : patterns)
    if (!p.day && !p.a)
      return Status::Error(display + ": [[published]] rule \"" + p.name + "\" must read a day");
  out->reset(new PublishedDateParser(calendar, std::move(patterns)));
  return {};
}

std::optional<PublishedDateParser::Result> PublishedDateParser::Parse(std::string_view s,
                                                                      DateOrder order) const {
  std::vector<re2::StringPiece> groups;
  for (const DatePattern& p : patterns_) {
    groups.assign(p.re->NumberOfCapturingGroups() + 1, {});
    if (!p.re->Match(s, 0, s.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
      continue;
    CivilDate date;
    date.year = p.year ? ParseDigits(groups[p.year]) : 2000 + ParseDigits(groups[p.year2]);
    if (p.day) {
      date.day = ParseDigits(groups[p.day]);
      if (p.month) date.month = ParseDigits(groups[p.month]);
      else if (auto m = calendar_.Month(groups[p.mname])) date.month = *m;
    } else {
      const int a = ParseDigits(groups[p.a]), b = ParseDigits(groups[p.b]);
      CivilDate dmy{date.year, b, a}, mdy{date.year, a, b};
      if (order == DateOrder::kMonthFirst || (order == DateOrder::kAuto && !dmy.Valid())) date = mdy;
      else date = dmy;
    }
    if (!date.Valid() || date.day == 0) continue;
    // The match without the context characters some patterns consume.
    size_t begin = groups[0].data() - s.data(), end = begin + groups[0].size();
    while (begin < end && !std::isalnum(static_cast<unsigned char>(s[begin]))) ++begin;
    return Result{date, p.name, begin, end};
  }
  return std::nullopt;
}

// ------------------------------------------------------------- segmenter

struct Segmenter::Rules {
  std::unique_ptr<PublishedDateParser> dates;
  std::unique_ptr<RE2> header_rest, dateline, not_dateline;
  int header_window = 6;
  std::unique_ptr<icu::BreakIterator> sentences;  // cloned per call
  std::unordered_set<std::string> abbreviations;

  // True when the text before a sentence break ends in an abbreviation.
  // (ICU's FilteredBreakIteratorBuilder would do this, but misses entries
  // with inner dots such as "S.A." and "M.M.".)
  bool EndsInAbbreviation(std::string_view before) const {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    size_t start = before.find_last_of(" (\"“'‘");
    std::string_view word = before.substr(start == std::string_view::npos ? 0 : start + 1);
    return abbreviations.count(std::string(word)) > 0;
  }
};

Segmenter::Segmenter(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
Segmenter::~Segmenter() = default;

Status Segmenter::Load(const RulesDir& dir, const Calendar& calendar, std::unique_ptr<Segmenter>* out) {
  auto rules = std::make_unique<Rules>();
  if (Status s = PublishedDateParser::Load(dir, calendar, &rules->dates); !s.ok()) return s;

  const std::string display = RulesDir::Display("segment.toml");
  toml::table table;
  if (Status s = ReadToml(dir.Path("segment.toml"), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"header_rest", "header_window", "dateline", "not_dateline"}, display); !s.ok())
    return s;
  for (auto [key, target] : {std::pair<const char*, std::unique_ptr<RE2>*>{"header_rest", &rules->header_rest},
                             {"dateline", &rules->dateline}, {"not_dateline", &rules->not_dateline}}) {
    std::string pattern;
    if (Status s = GetString(table, key, display, &pattern); !s.ok()) return s;
    const std::string at = display + ":" + std::to_string(TomlLine(*table.get(key))) + ": " + key;
    if (Status s = CompileRule(ExpandNamePlaceholders(pattern, calendar), QuietOptions(), at, target); !s.ok()) return s;
  }
  if (auto w = table["header_window"].value<int64_t>()) rules->header_window = static_cast<int>(*w);

  std::vector<std::pair<int, std::string>> abbreviations;
  const std::string abbr_display = RulesDir::Display("abbreviations.txt");
  if (Status s = ReadListFile(dir.Path("abbreviations.txt"), abbr_display, &abbreviations); !s.ok())
    return s;
  for (const auto& [line, abbreviation] : abbreviations) {
    if (abbreviation.back() != '.' || abbreviation.find(' ') != std::string::npos)
      return Status::Error(abbr_display + ":" + std::to_string(line) +
                           ": an abbreviation is one word ending with a dot");
    rules->abbreviations.insert(abbreviation);
  }
  UErrorCode status = U_ZERO_ERROR;
  rules->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("id"), status));
  if (U_FAILURE(status)) return Status::Error(std::string("ICU sentence iterator: ") + u_errorName(status));
  out->reset(new Segmenter(std::move(rules)));
  return {};
}

void Segmenter::Process(Document* doc) const {
  const std::string& text = doc->text;
  std::vector<Range> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    if (nl > pos) lines.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    pos = nl + 1;
  }

  // Header: date lines and the title line at the top.
  std::optional<CivilDate> header_date;
  std::vector<bool> header(lines.size(), false);
  int title_line = -1;
  for (size_t k = 0; k < lines.size() && k < static_cast<size_t>(rules_->header_window); ++k) {
    std::string_view line = doc->Slice(lines[k]);
    if (auto found = rules_->dates->Parse(line)) {
      std::string rest(line.substr(0, found->begin));
      rest.append(line.substr(found->end));
      if (RE2::FullMatch(rest, *rules_->header_rest)) {
        header[k] = true;
        if (!header_date) header_date = found->date;
        continue;
      }
    }
    const bool is_title = doc->title_field ? line == *doc->title_field : title_line < 0;
    if (is_title && title_line < 0) {
      title_line = static_cast<int>(k);
      continue;
    }
    break;
  }
  if (doc->title_field) {
    doc->title = doc->title_field;
  } else if (title_line >= 0) {
    doc->title = std::string(doc->Slice(lines[title_line]));
  }
  if (title_line >= 0) doc->title_range = lines[title_line];

  // Publication date: the input's field first, else the header.
  if (doc->date_field) {
    if (auto found = rules_->dates->Parse(*doc->date_field)) {
      doc->published = found->date.Iso();
    } else {
      doc->Warn("published-unread", "date field \"" + *doc->date_field + "\" holds no date warta can read");
    }
  }
  if (!doc->published && header_date) doc->published = header_date->Iso();

  // Body paragraphs and sentences; the title is a sentence of its own.
  std::unique_ptr<icu::BreakIterator> breaker(rules_->sentences->clone());
  UText* ut = nullptr;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (header[k]) continue;
    const bool is_title = static_cast<int>(k) == title_line;
    const uint32_t paragraph = static_cast<uint32_t>(doc->paragraphs.size());
    if (is_title) {
      doc->sentences.push_back({lines[k], paragraph, true});
      continue;
    }
    doc->paragraphs.push_back(lines[k]);
    const Range line = lines[k];
    UErrorCode status = U_ZERO_ERROR;
    ut = utext_openUTF8(ut, text.data() + line.begin, line.end - line.begin, &status);
    breaker->setText(ut, status);
    if (U_FAILURE(status)) {
      doc->sentences.push_back({line, paragraph, false});
      continue;
    }
    int32_t start = breaker->first();
    for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; end = breaker->next()) {
      if (end < static_cast<int32_t>(line.end - line.begin) &&
          rules_->EndsInAbbreviation(std::string_view(text).substr(line.begin + start, end - start)))
        continue;
      uint32_t b = line.begin + start, e = line.begin + end;
      start = end;
      while (b < e && text[b] == ' ') ++b;
      while (e > b && text[e - 1] == ' ') --e;
      if (e > b) doc->sentences.push_back({{b, e}, paragraph, false});
    }
  }
  utext_close(ut);

  // The dateline opens one of the first paragraphs (a photo caption may come first).
  for (size_t k = 0; k < doc->paragraphs.size() && k < 3 && !doc->dateline; ++k) {
    std::string_view paragraph = doc->Slice(doc->paragraphs[k]);
    re2::StringPiece place;
    if (!RE2::PartialMatch(paragraph, *rules_->dateline, &place) || RE2::PartialMatch(place, *rules_->not_dateline))
      continue;
    const uint32_t b = doc->paragraphs[k].begin + static_cast<uint32_t>(place.data() - paragraph.data());
    doc->dateline = Range{b, b + static_cast<uint32_t>(place.size())};
  }
}

}  // namespace warta
