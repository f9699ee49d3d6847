#include "extract/counts.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>
#include <set>

#include <re2/re2.h>
#include <unicode/rbnf.h>

#include "core/date_patterns.h"

namespace warta {
namespace {

using WordSet = std::set<std::string, std::less<>>;

constexpr size_t kNone = static_cast<size_t>(-1);

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || (static_cast<unsigned char>(c) & 0x80);
}

// The word starting at `pos` (letters, digits, hyphens, non-ASCII), folded.
struct Word {
  size_t begin = 0, end = 0;
  std::string folded;
};

std::optional<Word> NextWord(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  size_t end = pos;
  while (end < text.size() && IsWordByte(text[end])) ++end;
  if (end == pos) return std::nullopt;
  Word w{pos, end, FoldCase(text.substr(pos, end - pos))};
  return w;
}

// Digits "3.054" / "37,93" / "12" as a number.
double ParseDigitNumber(std::string_view s) {
  std::string plain;
  for (char c : s) {
    if (c == '.') continue;
    plain.push_back(c == ',' ? '.' : c);
  }
  return std::stod(plain);
}

Status ReadWordList(const toml::table& table, std::string_view key, const std::string& display, WordSet* out) {
  std::vector<std::string> words;
  if (Status s = GetStringList(table, key, display, &words); !s.ok()) return s;
  for (const std::string& w : words) out->insert(FoldCase(w));
  return {};
}

}  // namespace

struct CountFinder::Rules {
  std::string display;
  std::unique_ptr<RE2> number;  // digits or number words
  WordSet number_words, percent, not_after, modifiers, compound_heads, not_units, shared_unit;
  std::map<std::string, double, std::less<>> scales;
  std::map<std::string, std::string, std::less<>> unit_synonyms;  // "satker" -> "satuan kerja"
  const Calendar* calendar = nullptr;
  std::unique_ptr<icu::RuleBasedNumberFormat> spellout;
  mutable std::mutex spellout_mutex;  // ICU does not promise thread-safe parsing

  bool IsUnitWord(const Word& w) const {
    if (w.folded.empty() || std::isdigit(static_cast<unsigned char>(w.folded[0]))) return false;
    if (not_units.count(w.folded) || number_words.count(w.folded) || percent.count(w.folded)) return false;
    if (calendar->Month(w.folded) || calendar->Weekday(w.folded)) return false;
    return w.folded.find_first_not_of('-') != std::string::npos;
  }
};

CountFinder::CountFinder(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
CountFinder::~CountFinder() = default;

Status CountFinder::Load(const RulesDir& dir, const Calendar& calendar, std::unique_ptr<CountFinder>* out) {
  auto rules = std::make_unique<Rules>();
  rules->calendar = &calendar;
  rules->display = RulesDir::Display("counts.toml");
  const std::string& display = rules->display;
  toml::table table;
  if (Status s = ReadToml(dir.Path("counts.toml"), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"number_words", "scales", "words", "unit_synonyms"}, display); !s.ok()) return s;
  if (Status s = ReadWordList(table, "number_words", display, &rules->number_words); !s.ok()) return s;
  const toml::table* words = table["words"].as_table();
  if (!words) return Status::Error(display + ": missing [words]");
  if (Status s = CheckKeys(*words, {"percent", "not_after", "modifiers", "compound_heads", "not_units", "shared_unit"}, display);
      !s.ok())
    return s;
  for (auto [key, set] : {std::pair<const char*, WordSet*>{"percent", &rules->percent},
                          {"not_after", &rules->not_after}, {"modifiers", &rules->modifiers},
                          {"compound_heads", &rules->compound_heads}, {"not_units", &rules->not_units},
                          {"shared_unit", &rules->shared_unit}})
    if (Status s = ReadWordList(*words, key, display, set); !s.ok()) return s;
  if (const toml::table* scales = table["scales"].as_table()) {
    for (const auto& [word, node] : *scales) {
      auto v = node.value<double>();
      if (!v) return Status::Error(display + ":" + std::to_string(TomlLine(node)) + ": a scale is a number");
      rules->scales.emplace(FoldCase(word.str()), *v);
    }
  }

  if (const toml::table* synonyms = table["unit_synonyms"].as_table()) {
    for (const auto& [word, node] : *synonyms) {
      const auto* full = node.as_string();
      if (!full || full->get().empty())
        return Status::Error(display + ":" + std::to_string(TomlLine(node)) + ": a unit synonym is a non-empty string");
      rules->unit_synonyms.emplace(FoldCase(word.str()), FoldCase(full->get()));
    }
  }

  std::string alternation;
  for (const std::string& w : rules->number_words) alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(w);
  const std::string pattern =
      "(?i)(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|\\b(?:" + alternation + ")(?:\\s+(?:" + alternation +
      "))*\\b)";
  RE2::Options options;
  options.set_log_errors(false);
  if (Status s = CompileRule(pattern, options, display + ": number_words", &rules->number); !s.ok()) return s;

  UErrorCode status = U_ZERO_ERROR;
  rules->spellout = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("id"), status);
  if (U_FAILURE(status)) return Status::Error(std::string("ICU Indonesian spell-out rules: ") + u_errorName(status));
  out->reset(new CountFinder(std::move(rules)));
  return {};
}

std::optional<double> CountFinder::ParseNumberWords(std::string_view words) const {
  // ICU's parse is slow and serialised by the lock, and the same few phrases
  // ("dua", "ratusan") come back all the time: each thread remembers what it
  // parsed. The spelling rules are ICU's Indonesian ones, the same for every
  // CountFinder, so the memo may be shared between them; it is bounded.
  thread_local std::unordered_map<std::string, std::optional<double>> memo;
  std::string folded = FoldCase(words);
  if (auto it = memo.find(folded); it != memo.end()) return it->second;
  if (memo.size() >= 4096) memo.clear();
  std::optional<double>& parsed = memo[folded];
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
  icu::Formattable result;
  icu::ParsePosition position(0);
  {
    std::lock_guard<std::mutex> lock(rules_->spellout_mutex);
    rules_->spellout->parse(u, result, position);
  }
  UErrorCode status = U_ZERO_ERROR;
  const double v = result.getDouble(status);
  if (!U_FAILURE(status) && position.getIndex() == u.length() && v > 0) parsed = v;
  return parsed;
}

void CountFinder::Find(const Document& doc, const std::vector<Range>& ranges, std::vector<Entity>* out) const {
  const Rules& r = *rules_;
  for (const Range& range : ranges) {
    const std::string_view text = doc.Slice(range);
    // A count whose unit comes from the next count ("200 dari 633 instansi").
    size_t waiting_for_unit = kNone;
    re2::StringPiece number;
    for (size_t pos = 0; pos < text.size();) {
      if (!r.number->Match(text, pos, text.size(), RE2::UNANCHORED, &number, 1)) break;
      const size_t b = number.data() - text.data();
      size_t e = b + number.size();
      pos = e;
      const bool digits = std::isdigit(static_cast<unsigned char>(text[b]));
      // Glued to other characters: part of a date, time, code, range or word.
      auto glue = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("/:-.,", c); };
      if (b > 0 && glue(text[b - 1])) continue;
      if (e < text.size() && (std::strchr("/:-", text[e]) || std::isalpha(static_cast<unsigned char>(text[e])) ||
                              ((text[e] == '.' || text[e] == ',') && e + 1 < text.size() &&
                               std::isdigit(static_cast<unsigned char>(text[e + 1])))))
        continue;
      // Years are not counts.
      if (digits && number.size() == 4 && std::string_view(number).find_first_of(".,") == std::string_view::npos) {
        const int year = ParseDigits(number);
        if (year >= 1900 && year <= 2099) continue;
      }
      // The word before.
      size_t wb = b;
      while (wb > 0 && text[wb - 1] == ' ') --wb;
      size_t ws = wb;
      while (ws > 0 && (IsWordByte(text[ws - 1]) || text[ws - 1] == '.')) --ws;
      std::string before = FoldCase(text.substr(ws, wb - ws));
      while (!before.empty() && before.back() == '.') before.pop_back();
      if (r.not_after.count(before)) continue;
      // A word that ends a sentence before it is no part of a name with it
      // ("... Zona Integritas. Lima satuan kerja ...").
      const bool name_before = ws < wb && std::isupper(static_cast<unsigned char>(text[ws])) && text[wb - 1] != '.';

      // "SMK Negeri 2 Kendal": digits between capitalised words are part of a name.
      if (digits && name_before) {
        std::optional<Word> following = NextWord(text, e);
        if (following && std::isupper(static_cast<unsigned char>(text[following->begin]))) continue;
      }
      double value = 0;
      std::string rule;
      if (digits) {
        value = ParseDigitNumber(number);
        rule = "number_noun";
        if (auto scale = NextWord(text, e); scale && r.scales.count(scale->folded)) {
          value *= r.scales.find(scale->folded)->second;
          // "4,1 miliar" is 4100000000, not the 4099999999.9999995 of
          // binary floating point.
          if (std::fabs(value - std::round(value)) < 1e-6 * std::max(1.0, std::fabs(value))) value = std::round(value);
          e = scale->end;
        }
      } else {
        // "Pelayanan Terpadu Satu Pintu", "(Satu Miliar Satu Desa)": a
        // capitalised number word next to a capitalised word is part of a name.
        if (std::isupper(static_cast<unsigned char>(text[b]))) {
          std::optional<Word> following = NextWord(text, e);
          if (name_before ||
              (following && std::isupper(static_cast<unsigned char>(text[following->begin]))))
            continue;
        }
        auto v = ParseNumberWords(number);
        if (!v) continue;
        value = *v;
        rule = "words_noun";
      }

      // Percent.
      size_t after = e;
      while (after < text.size() && text[after] == ' ') ++after;
      if (after < text.size() && text[after] == '%') {
        out->push_back({});
        Entity& c = out->back();
        c.type = EntityType::kCount;
        c.range = {range.begin + static_cast<uint32_t>(b), range.begin + static_cast<uint32_t>(after + 1)};
        c.number = value;
        c.unit = "persen";
        c.rule = r.display + ":percent";
        pos = after + 1;
        continue;
      }
      std::optional<Word> next = NextWord(text, e);
      if (next && r.percent.count(next->folded)) {
        out->push_back({});
        Entity& c = out->back();
        c.type = EntityType::kCount;
        c.range = {range.begin + static_cast<uint32_t>(b), range.begin + static_cast<uint32_t>(next->end)};
        c.number = value;
        c.unit = "persen";
        c.rule = r.display + ":percent";
        pos = next->end;
        continue;
      }
      if (next && r.shared_unit.count(next->folded) && NextWord(text, next->end) &&
          std::isdigit(static_cast<unsigned char>(text[NextWord(text, next->end)->begin]))) {
        // "200 dari 633 instansi": counted in the unit of the next count.
        Entity c;
        c.type = EntityType::kCount;
        c.range = {range.begin + static_cast<uint32_t>(b), range.begin + static_cast<uint32_t>(e)};
        c.number = value;
        c.rule = r.display + ":number_of_number";
        out->push_back(std::move(c));
        waiting_for_unit = out->size() - 1;
        pos = next->end;
        continue;
      }
      // The counted noun: skip a modifier unless nothing follows it.
      if (next && r.modifiers.count(next->folded)) {
        std::optional<Word> noun = NextWord(text, next->end);
        if (noun && r.IsUnitWord(*noun)) next = noun;
      }
      // "dari 27 (kokab) hanya 26", "totalnya 5.600 (personel)": a word of
      // lower-case letters in brackets right after a whole number in digits
      // is its unit ("5 (lima) tahun" spells the number), unless the
      // brackets label values of a list ("96 (dribbling), 92 (passing)").
      bool bracketed = false;
      if (!next && digits && std::string_view(number).find(',') == std::string_view::npos && after > e &&
          after < text.size() && text[after] == '(') {
        std::optional<Word> inner = NextWord(text, after + 1);
        auto letters = [](std::string_view w) {
          return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        };
        auto list_after = [&](size_t p) {
          while (p < text.size() && (text[p] == ' ' || text[p] == ',')) ++p;
          return p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]));
        };
        size_t p = b;
        while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == ',')) --p;
        const bool list_before = p < b && p > 0 && text[p - 1] == ')';
        if (inner && inner->begin == after + 1 && inner->end < text.size() && text[inner->end] == ')' &&
            letters(text.substr(inner->begin, inner->end - inner->begin)) && r.IsUnitWord(*inner) && !list_before &&
            !list_after(inner->end + 1)) {
          next = inner;
          bracketed = true;
        }
      }
      if (!next || !r.IsUnitWord(*next) || text[next->begin] == '(') {
        // "68,40 dan 61,25 sehingga ...": with no unit here, the count that
        // waited for this one's is none either.
        if (waiting_for_unit != kNone) out->erase(out->begin() + static_cast<long>(waiting_for_unit));
        waiting_for_unit = kNone;
        continue;
      }
      std::string unit = next->folded;
      size_t unit_end = bracketed ? next->end + 1 : next->end;
      if (unit.size() > 5 && unit.compare(unit.size() - 3, 3, "nya") == 0) unit.resize(unit.size() - 3);
      if (!bracketed && r.compound_heads.count(unit)) {
        if (auto second = NextWord(text, next->end); second && r.IsUnitWord(*second)) {
          unit += " " + second->folded;
          unit_end = second->end;
        }
      }
      if (auto synonym = r.unit_synonyms.find(unit); synonym != r.unit_synonyms.end()) unit = synonym->second;
      // "unit pelayanan teknis (UPT)": the acronym the text gives the noun
      // phrase is its short name.
      if (!bracketed) {
        std::string initials;
        size_t at = next->begin;
        for (int words = 0; words < 5; ++words) {
          std::optional<Word> w = NextWord(text, at);
          if (!w) break;
          initials += w->folded[0];
          at = w->end;
          size_t p = at;
          while (p < text.size() && text[p] == ' ') ++p;
          if (p < text.size() && text[p] == '(') {
            size_t close = text.find(')', p);
            if (close != std::string_view::npos && FoldCase(text.substr(p + 1, close - p - 1)) == initials) {
              unit = initials;
            }
            break;
          }
        }
      }
      Entity c;
      c.type = EntityType::kCount;
      c.range = {range.begin + static_cast<uint32_t>(b), range.begin + static_cast<uint32_t>(unit_end)};
      c.number = value;
      c.unit = unit;
      c.rule = r.display + ":" + rule;
      if (waiting_for_unit != kNone) (*out)[waiting_for_unit].unit = unit;
      waiting_for_unit = kNone;
      out->push_back(std::move(c));
      pos = unit_end;
    }
    // A "dari" count left without a unit is no count.
    if (waiting_for_unit != kNone) out->erase(out->begin() + static_cast<long>(waiting_for_unit));
  }
}

}  // namespace warta
