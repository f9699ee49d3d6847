#include "segment/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>
#include <unordered_map>
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

const char* OrderName(DateOrder order) {
  switch (order) {
    case DateOrder::kDayFirst: return "day first";
    case DateOrder::kMonthFirst: return "month first";
    default: return "day first (guessed)";
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<DateOrder> ParseDateOrder(std::string_view name) {
  if (name == "dmy") return DateOrder::kDayFirst;
  if (name == "mdy") return DateOrder::kMonthFirst;
  if (name == "auto") return DateOrder::kAuto;
  return std::nullopt;
}

std::string DateShape(std::string_view s, const Calendar& calendar) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  std::string shape;
  bool space = false;
  auto emit = [&](std::string_view token, bool word) {
    // A space survives only between two words or numbers.
    if (space && word && !shape.empty() && (std::isalnum(static_cast<unsigned char>(shape.back())) || shape.back() == '#'))
      shape.push_back(' ');
    space = false;
    shape.append(token);
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c >= '0' && c <= '9') {
      while (i < n && bytes[i] >= '0' && bytes[i] <= '9') ++i;
      emit("#", true);
    } else if (u_isalpha(c)) {
      // A word, with the apostrophe of "Jum'at".
      for (int32_t j = i; j < n;) {
        UChar32 next;
        int32_t k = j;
        U8_NEXT(bytes, k, n, next);
        if (u_isalpha(next)) {
          i = j = k;
          continue;
        }
        if ((next == '\'' || next == 0x2019) && k < n) {
          UChar32 after;
          int32_t m = k;
          U8_NEXT(bytes, m, n, after);
          if (u_isalpha(after)) {
            i = j = m;
            continue;
          }
        }
        break;
      }
      const std::string_view word = s.substr(start, i - start);
      if (calendar.Weekday(word)) emit("W", true);
      else if (calendar.Month(word)) emit("M", true);
      else emit(FoldCase(word), true);
    } else if (u_isUWhiteSpace(c)) {
      space = true;
    } else {
      space = false;  // spaces next to punctuation go
      emit(s.substr(start, i - start), false);
    }
  }
  return shape;
}

std::string DateOrderChoice::Describe() const {
  std::string line = std::string("date order: ") + OrderName(order) + " for \"" + example + "\" (shape " + shape + "): ";
  if (by_option) line += "set by option; ";
  line += std::to_string(day_first) + " values read only day first, " + std::to_string(month_first) +
          " only month first, " + std::to_string(ambiguous) + " either way";
  if (guessed > 0) line += " (" + std::to_string(guessed) + " of them read with no evidence)";
  return line;
}

// Per-shape evidence of the day/month order, shared by the threads of a
// batch.
class Segmenter::DateOrders {
 public:
  explicit DateOrders(DateOrder forced) : forced_(forced) {}

  // Counts a numeric date of `shape` that `found` read.
  void Record(const std::string& shape, std::string_view value, const PublishedDateParser::Result& found) {
    std::lock_guard<std::mutex> lock(mutex_);
    DateOrderChoice& c = Find(shape, value);
    if (found.only_order == DateOrder::kDayFirst) ++c.day_first;
    if (found.only_order == DateOrder::kMonthFirst) ++c.month_first;
    if (found.ambiguous) ++c.ambiguous;
  }

  // The order for the ambiguous values of `shape`: the forced one, else the
  // one most values that read only one way have, kAuto when there are none.
  DateOrder Decide(const std::string& shape, std::string_view value) {
    std::lock_guard<std::mutex> lock(mutex_);
    return Decided(Find(shape, value));
  }

  // Counts an ambiguous value of `shape` read with no evidence (after Decide).
  void CountGuess(const std::string& shape) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++choices_[index_.at(shape)].guessed;
  }

  std::vector<DateOrderChoice> Choices() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<DateOrderChoice> out = choices_;  // in the order first seen
    for (DateOrderChoice& c : out) c.order = Decided(c);
    std::stable_sort(out.begin(), out.end(), [](const DateOrderChoice& a, const DateOrderChoice& b) {
      return a.day_first + a.month_first + a.ambiguous > b.day_first + b.month_first + b.ambiguous;
    });
    return out;
  }

  std::atomic<bool> surveyed{false};  // Survey() has counted the batch's date fields

 private:
  DateOrderChoice& Find(const std::string& shape, std::string_view value) {
    auto [it, added] = index_.try_emplace(shape, choices_.size());
    if (added) {
      choices_.emplace_back();
      choices_.back().shape = shape;
      choices_.back().example = std::string(Trim(value));
      choices_.back().by_option = forced_ != DateOrder::kAuto;
    }
    return choices_[it->second];
  }

  DateOrder Decided(const DateOrderChoice& c) const {
    if (forced_ != DateOrder::kAuto) return forced_;
    if (c.day_first + c.month_first == 0) return DateOrder::kAuto;
    return c.month_first > c.day_first ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
  }

  const DateOrder forced_;
  mutable std::mutex mutex_;
  std::vector<DateOrderChoice> choices_;
  std::unordered_map<std::string, size_t> index_;  // shape -> choices_ index
};

// ------------------------------------------------------- publication dates

PublishedDateParser::PublishedDateParser(const Calendar& calendar, std::vector<DatePattern> patterns,
                                         std::unique_ptr<RuleSet> any)
    : calendar_(calendar), patterns_(std::move(patterns)), any_(std::move(any)) {}
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
  std::unique_ptr<RuleSet> any;
  if (Status s = CompileSet(patterns, &any); !s.ok()) return Status::Error(display + ": " + s.message());
  out->reset(new PublishedDateParser(calendar, std::move(patterns), std::move(any)));
  return {};
}

std::optional<PublishedDateParser::Result> PublishedDateParser::Parse(std::string_view s,
                                                                      DateOrder order) const {
  std::vector<int> candidates;  // sorted: the first pattern that reads a date wins
  any_->Match(s, &candidates);
  std::vector<re2::StringPiece> groups;
  const bool ascii = IsAscii(s);
  for (int id : candidates) {
    const DatePattern& p = patterns_[id];
    groups.assign(p.re->utf8().NumberOfCapturingGroups() + 1, {});
    if (!p.re->Match(s, 0, ascii, RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
      continue;
    CivilDate date;
    date.year = p.year ? ParseDigits(groups[p.year]) : 2000 + ParseDigits(groups[p.year2]);
    if (p.day) {
      date.day = ParseDigits(groups[p.day]);
      if (p.month) date.month = ParseDigits(groups[p.month]);
      else if (auto m = calendar_.Month(groups[p.mname])) date.month = *m;
    }
    Result result;
    if (p.a) {
      const int a = ParseDigits(groups[p.a]), b = ParseDigits(groups[p.b]);
      const CivilDate dmy{date.year, b, a}, mdy{date.year, a, b};
      result.numeric = true;
      result.ambiguous = dmy.Valid() && mdy.Valid() && a != b;
      if (dmy.Valid() != mdy.Valid()) result.only_order = dmy.Valid() ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
      if (order == DateOrder::kMonthFirst || (order == DateOrder::kAuto && !dmy.Valid())) date = mdy;
      else date = dmy;
    }
    if (!date.Valid() || date.day == 0) continue;
    // The match without the context characters some patterns consume.
    size_t begin = groups[0].data() - s.data(), end = begin + groups[0].size();
    while (begin < end && !std::isalnum(static_cast<unsigned char>(s[begin]))) ++begin;
    result.date = date;
    result.rule = p.name;
    result.begin = begin;
    result.end = end;
    return result;
  }
  return std::nullopt;
}

// ------------------------------------------------------------- segmenter

struct Segmenter::Rules {
  const Calendar* calendar = nullptr;
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
    if (abbreviations.count(std::string(word)) > 0) return true;
    // A list item's number or letter opens its item: "a. Pengadilan Agama
    // Giri Menang;", "12. Kota Bima", "iv. Dinas ...".
    static const RE2 kItemMarker("(?:\\d{1,3}|\\pL|[ivx]{1,4})\\.");
    if (start == std::string_view::npos && RE2::FullMatch(word, kItemMarker)) return true;
    // Initials after a capitalised word ("Jl. A.P. Pettarani", "Ahmad M.
    // Yusuf") are inside a name, and too many to list; after a lower-case
    // word ("tipe A.") they may end the sentence.
    if (word.empty() || word.size() % 2 != 0 || start == std::string_view::npos) return false;
    for (size_t i = 0; i < word.size(); i += 2)
      if (word[i] < 'A' || word[i] > 'Z' || word[i + 1] != '.') return false;
    std::string_view rest = before.substr(0, start);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    const size_t prev = rest.find_last_of(' ');
    const char first = rest.empty() ? 0 : rest[prev == std::string_view::npos ? 0 : prev + 1];
    return first >= 'A' && first <= 'Z';
  }
};

Segmenter::Segmenter(std::unique_ptr<Rules> rules, SegmentOptions options)
    : rules_(std::move(rules)), options_(options), orders_(std::make_unique<DateOrders>(options.date_order)) {}
Segmenter::~Segmenter() = default;

std::vector<DateOrderChoice> Segmenter::DateOrderChoices() const { return orders_->Choices(); }

Status Segmenter::Load(const RulesDir& dir, const Calendar& calendar, std::unique_ptr<Segmenter>* out) {
  return Load(dir, calendar, SegmentOptions(), out);
}

Status Segmenter::Load(const RulesDir& dir, const Calendar& calendar, const SegmentOptions& options,
                       std::unique_ptr<Segmenter>* out) {
  auto rules = std::make_unique<Rules>();
  rules->calendar = &calendar;
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
  out->reset(new Segmenter(std::move(rules), options));
  return {};
}

void Segmenter::Survey(std::string_view date_field) const {
  orders_->surveyed = true;
  const auto found = rules_->dates->Parse(date_field);
  if (found && found->numeric) orders_->Record(DateShape(date_field, *rules_->calendar), date_field, *found);
}

std::optional<PublishedDateParser::Result> Segmenter::ReadDateField(std::string_view field, Document* doc) const {
  auto found = rules_->dates->Parse(field);
  if (!found || !found->numeric) return found;
  const std::string shape = DateShape(field, *rules_->calendar);
  if (!orders_->surveyed) orders_->Record(shape, field, *found);  // the records so far decide
  const DateOrder order = orders_->Decide(shape, field);
  if (options_.date_order != DateOrder::kAuto) return rules_->dates->Parse(field, order);
  if (found->ambiguous && order == DateOrder::kMonthFirst) return rules_->dates->Parse(field, order);
  if (found->ambiguous && order == DateOrder::kAuto) {
    orders_->CountGuess(shape);
    doc->Warn("date-order-guessed", "date \"" + std::string(Trim(field)) +
                                        "\" read day first: no date of its shape shows the order");
  }
  return found;
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
    if (auto found = rules_->dates->Parse(line, options_.date_order)) {
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

  // Publication date: the input's field first, else the header.
  if (doc->date_field) {
    if (auto found = ReadDateField(*doc->date_field, doc)) {
      doc->published = found->date.Iso();
    } else {
      doc->Warn("published-unread", "date field \"" + *doc->date_field + "\" holds no date warta can read");
    }
  }
  if (!doc->published && header_date) doc->published = header_date->Iso();

  // Body paragraphs; the title is a sentence of its own.
  for (size_t k = 0; k < lines.size(); ++k) {
    if (header[k]) continue;
    if (static_cast<int>(k) == title_line) doc->sentences.push_back({lines[k], static_cast<uint32_t>(doc->paragraphs.size()), true});
    else doc->paragraphs.push_back(lines[k]);
  }

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

void Segmenter::SplitSentences(Document* doc) const {
  std::erase_if(doc->sentences, [](const Sentence& s) { return !s.is_title; });
  const std::string& text = doc->text;
  std::unique_ptr<icu::BreakIterator> breaker(rules_->sentences->clone());
  UText* ut = nullptr;
  for (uint32_t paragraph = 0; paragraph < doc->paragraphs.size(); ++paragraph) {
    const Range line = doc->paragraphs[paragraph];
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
}

}  // namespace warta
