#include "extract/gazetteer.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include <re2/re2.h>

#include "core/calendar.h"
#include "core/disjoint_ranges.h"
#include "core/regex.h"

namespace warta {
namespace {

// A line written as a headline: four words or more, nearly all capitalised,
// and no full stop at its end.
bool IsHeading(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.remove_suffix(1);
  if (line.empty() || line.back() == '.') return false;
  // A short item of a list ("e. Pengadilan Negeri Sumbawa Besar;") is a
  // name, no headline; a long one may be a related article's.
  static const RE2 kListItem("^\\s*(?:\\w{1,3}[.)]|[-•*])\\s");
  const bool item = RE2::PartialMatch(line, kListItem);
  size_t words = 0, capitalised = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (std::isalpha(static_cast<unsigned char>(line[i])) && (i == 0 || line[i - 1] == ' ')) {
      ++words;
      capitalised += std::isupper(static_cast<unsigned char>(line[i])) != 0;
    }
  return words >= (item ? 8 : 4) && capitalised * 5 >= words * 4;
}

// The word right before byte `at` of `text` (letters only), or "".
std::string WordBefore(std::string_view text, uint32_t at) {
  size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
  return std::string(text.substr(begin, end - begin));
}

// Whether `before` ends in an opening quote, and `after` starts with a closing one.
bool OpensQuote(std::string_view before) {
  return before.ends_with('"') || before.ends_with("\u201C") || before.ends_with("\u2018");
}
bool ClosesQuote(std::string_view after) {
  return after.starts_with('"') || after.starts_with("\u201D") || after.starts_with("\u2019");
}

// ------------------------------------------------------------------ words

struct Token {
  uint32_t begin = 0, end = 0;  // bytes of the text
  std::string folded;
  bool capital = false;     // starts with an upper-case letter
  bool joined = true;       // only spaces and , . - ' lie between it and the previous token
  uint64_t hash = 0;        // FNV-1a of `folded`, for the gazetteer's first-word filter
};

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Letters, digits and every byte of a non-ASCII character; a table, since
// this runs on every byte of every paragraph.
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  return t;
}();
bool IsWordByte(unsigned char c) { return kWordByte[c]; }

// Words of `text` (letters, digits, non-ASCII), and "&" as a word of its own.
std::vector<Token> Tokenize(std::string_view text, uint32_t offset = 0) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6 + 1);  // about one word in six bytes of Indonesian news
  size_t i = 0;
  bool joined = true;
  int marks = 0;  // punctuation marks since the previous token
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (IsWordByte(c) || c == '&') {
      size_t j = i + 1;
      unsigned char high = c & 0x80;  // some byte of the word is not ASCII
      if (c != '&')
        for (; j < text.size() && IsWordByte(static_cast<unsigned char>(text[j])); ++j) high |= text[j] & 0x80;
      Token& t = tokens.emplace_back();
      t.begin = offset + static_cast<uint32_t>(i);
      t.end = offset + static_cast<uint32_t>(j);
      if (high) {
        t.folded = FoldCase(text.substr(i, j - i));
      } else {  // most words: lower case in place, without ICU
        t.folded.resize(j - i);
        for (size_t k = i; k < j; ++k)
          t.folded[k - i] = text[k] >= 'A' && text[k] <= 'Z' ? static_cast<char>(text[k] + ('a' - 'A')) : text[k];
      }
      t.hash = Fnv1a(t.folded);
      t.capital = c >= 'A' && c <= 'Z';
      t.joined = joined && marks <= 1;
      i = j;
      joined = true;
      marks = 0;
      continue;
    }
    if (c != ' ') {
      if (c == ',' || c == '.' || c == '-' || c == '\'') ++marks;
      else joined = false;
    }
    ++i;
  }
  return tokens;
}

std::string Join(const std::vector<Token>& tokens, size_t from = 0) {
  std::string key;
  for (size_t k = from; k < tokens.size(); ++k) key += (k > from ? " " : "") + tokens[k].folded;
  return key;
}

bool AllCapitals(std::string_view s) {
  bool letter = false;
  for (unsigned char c : s) {
    if (std::islower(c)) return false;
    letter = letter || std::isupper(c);
  }
  return letter;
}

// ------------------------------------------------------------------ entries

enum class Form { kName = 0, kAcronym = 1, kVariant = 2, kDerived = 3, kBare = 4, kFormer = 5 };

struct Entry {
  EntityType type = EntityType::kAgency;
  std::string value, code, rule;
  Form form = Form::kName;
  std::string acronym;  // the alias itself, when it is an acronym
  std::string exact;    // non-empty: the text must read exactly this (capital acronyms)
  bool capital = false; // the first word must be capitalised in the text (short names, titles)
  int level = 0;        // regions: rank in bare_name_levels (lower wins)
  int region = -1;      // regional government: the region's entry
  uint32_t region_skip = 0;  // words before the region's name ("Pemerintah Kota")
};

struct Node {
  std::unordered_map<std::string, uint32_t> next;
  std::vector<uint32_t> entries;
};

struct TitleRule {
  std::string name;
  std::unique_ptr<Regex> re;  // groups: title, optional year
  int title = 0, year = 0;
  // A known body or region in the span: the title is after it ("Pemkot Bogor
  // Digital Award"), or, where the pattern opens with the award's noun,
  // before it ("penghargaan Inovasi Daerah Pemprov Jatim").
  bool name_ends_title = false;
};

struct UnitRule {
  std::string name;
  std::unique_ptr<Regex> re;  // head, then the capitalised name
  // A head and the first letter of a name or of an acronym: where `re` may
  // start. Scanning for it, then matching `re` anchored there, keeps the
  // large name automaton from scanning whole paragraphs.
  std::unique_ptr<Regex> trigger;
};

}  // namespace

struct Gazetteer::Data {
  std::vector<Node> nodes{1};
  // Bits set by the hashes of words that start a phrase. Most words of a text
  // start none, and one bit test is far cheaper than the root's hash lookup.
  static constexpr uint64_t kFirstWordBits = 1 << 16;
  std::vector<uint64_t> first_words = std::vector<uint64_t>(kFirstWordBits / 64);
  bool MayStartPhrase(const Token& t) const {
    const uint64_t bit = t.hash % kFirstWordBits;
    return (first_words[bit / 64] >> (bit % 64)) & 1;
  }
  std::vector<Entry> entries;
  size_t phrases = 0;
  std::set<std::string> not_after;        // folded
  std::set<std::string> not_before;       // folded
  std::set<std::string> position_words;   // folded last words of positions
  std::vector<UnitRule> units;
  std::vector<TitleRule> titles_by_pattern;
  // For the caller's set: unit triggers (their ids), then title patterns
  // (ids after them).
  std::vector<std::string> set_patterns;
  std::set<std::string> drop_leading;     // folded words that open a title but are not part of it
  std::set<std::string> title_suffixes;   // folded words that, after a known title, belong to it
  std::set<std::string> not_opening;      // folded words that open no title: "penghargaan Presiden Joko Widodo"
  std::set<std::string> title_nouns;      // folded nouns that open a title: "Anugerah Prayoga Sala"
  std::unique_ptr<RE2> any_head;          // a unit head starts the text
  std::unique_ptr<RE2> whole_head;        // the text is a unit head and nothing else
  std::unique_ptr<RE2> acronym_then;      // " (ACRONYM) " and what follows
  std::unique_ptr<RE2> acronym_then_seat; // " (ACRONYM) di " and the seat after it
  std::set<std::string> stop_before;      // folded words no unit name runs into
  std::set<std::string> official_before;  // folded positions: after their unit comes the official's name
  std::set<std::string> after_region;     // folded words that go on a unit's name past its region
  std::set<std::string> connectors, not_units;  // folded
  std::set<std::string> titles;           // folded, without the dot
  std::map<std::string, std::string> abbreviations;  // folded short form -> folded words
  std::set<std::string> ignore_in_comparison;        // folded

  // What a unit name is compared by: abbreviations written out, known bodies
  // and regions reduced to their identity, ignorable words left out.
  std::string ComparisonKey(std::string_view name) const {
    std::string expanded;
    for (const Token& t : Tokenize(name)) {
      auto it = abbreviations.find(t.folded);
      expanded += (expanded.empty() ? "" : " ") + (it == abbreviations.end() ? std::string(name.substr(t.begin, t.end - t.begin)) : it->second);
    }
    std::vector<Token> tokens = Tokenize(expanded);
    for (Token& t : tokens) t.capital = true;  // written-out words may be lower case
    std::string key;
    for (size_t i = 0; i < tokens.size();) {
      std::string part;
      size_t next = i + 1;
      if (auto m = Longest(expanded, tokens, i)) {
        const Entry& e = entries[Choose(m->candidates, {})];
        if (m->last > i || e.type == EntityType::kLocation || e.form == Form::kAcronym) {
          part = e.type == EntityType::kLocation ? "#" + e.code : "#" + e.value;
          next = m->last + 1;
        }
      }
      if (part.empty() && !ignore_in_comparison.count(tokens[i].folded)) part = tokens[i].folded;
      if (!part.empty()) key += (key.empty() ? "" : " ") + part;
      i = next;
    }
    return key;
  }

  void Add(std::string_view phrase, uint32_t entry) {
    std::vector<Token> tokens = Tokenize(phrase);
    if (tokens.empty()) return;
    const uint64_t bit = tokens[0].hash % kFirstWordBits;
    first_words[bit / 64] |= uint64_t{1} << (bit % 64);
    uint32_t node = 0;
    for (const Token& t : tokens) {
      auto it = nodes[node].next.find(t.folded);
      if (it == nodes[node].next.end()) {
        nodes.push_back({});
        it = nodes[node].next.emplace(t.folded, static_cast<uint32_t>(nodes.size() - 1)).first;
      }
      node = it->second;
    }
    std::vector<uint32_t>& here = nodes[node].entries;
    for (uint32_t other : here)
      if (entries[other].type == entries[entry].type && entries[other].value == entries[entry].value &&
          entries[other].exact == entries[entry].exact && entries[other].form <= entries[entry].form)
        return;  // the same thing under a better form is there already
    here.push_back(entry);
    ++phrases;
  }

  // The '|'-separated aliases of `base`'s name in `field`, in `form`. An
  // alias in capitals of up to six characters ("BPK", "KIPP") matches only
  // so; an agency's acronym is kept to be reported; a former name drops its
  // "@years".
  void AddAliases(std::string_view field, const Entry& base, Form form) {
    for (std::string_view alias : SplitList(field)) {
      if (form == Form::kFormer) alias = alias.substr(0, alias.rfind('@'));
      Entry e = base;
      e.form = form;
      if (form == Form::kAcronym) e.acronym = alias;
      if (form != Form::kFormer && AllCapitals(alias) && alias.size() <= 6) e.exact = alias;
      Add(alias, NewEntry(std::move(e)));
    }
  }

  uint32_t NewEntry(Entry e) {
    entries.push_back(std::move(e));
    return static_cast<uint32_t>(entries.size() - 1);
  }

  // The longest phrase starting at token i that some entry accepts there:
  // its last token and the entries that accept it.
  struct Match {
    size_t last = 0;
    std::vector<uint32_t> candidates;
  };
  // A phrase written with an acronym in parentheses ("Jaringan ... Nasional
  // (JDIHN) Award", "Pemerintah Kota (Pemkot) {X}") goes on over them, an
  // opening one and then its closing one; no other phrase has that path.
  // The parenthesis that `gap` is, else 0.
  static char ParenthesisGap(std::string_view gap) {
    const size_t b = gap.find_first_not_of(' '), e = gap.find_last_not_of(' ');
    return b != std::string_view::npos && b == e && (gap[b] == '(' || gap[b] == ')') ? gap[b] : 0;
  }
  std::optional<Match> Longest(std::string_view text, const std::vector<Token>& tokens, size_t i) const {
    std::optional<Match> best;
    if (!MayStartPhrase(tokens[i])) return best;
    uint32_t node = 0;
    char aside = '(';  // the parenthesis a phrase may go on over next
    for (size_t j = i; j < tokens.size(); ++j) {
      if (j > i && !tokens[j].joined) {
        if (ParenthesisGap(text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end)) != aside) break;
        aside = aside == ')' ? '(' : ')';
      }
      auto it = nodes[node].next.find(tokens[j].folded);
      if (it == nodes[node].next.end()) break;
      node = it->second;
      Match m{j, {}};
      for (uint32_t id : nodes[node].entries)
        if (Accepts(entries[id], text, tokens, i, j)) m.candidates.push_back(id);
      if (!m.candidates.empty() && aside == '(') best = std::move(m);  // never inside an open parenthesis
    }
    return best;
  }

  // The candidate to report: a region the article names in full elsewhere
  // ("Kabupaten Bogor") over other regions of the same short name, then the
  // better form, then the level order of bare names.
  uint32_t Choose(const std::vector<uint32_t>& candidates, const std::set<std::string>& named_regions) const {
    auto rank = [&](uint32_t id) {
      const Entry& e = entries[id];
      const std::string& code = e.region >= 0 ? entries[e.region].code : e.code;
      // A province's own name ("Jambi") competes with cities' short names by level.
      const int form = e.type == EntityType::kLocation && e.form == Form::kName ? static_cast<int>(Form::kBare)
                                                                                 : static_cast<int>(e.form);
      return std::tuple(code.empty() || !named_regions.count(code), form, e.level);
    };
    return *std::min_element(candidates.begin(), candidates.end(),
                             [&](uint32_t a, uint32_t b) { return rank(a) < rank(b); });
  }

  bool Accepts(const Entry& e, std::string_view text, const std::vector<Token>& tokens, size_t i, size_t j) const {
    if (!e.exact.empty() && text.substr(tokens[i].begin, tokens[j].end - tokens[i].begin) != e.exact) return false;
    const std::string* before = i > 0 && tokens[i].joined ? &tokens[i - 1].folded : nullptr;
    if (e.capital && !tokens[i].capital) return false;
    // "Jl. Sudirman", "Mega Kuningan", but not "Menara Bank Mega, Jakarta Selatan".
    if (e.form == Form::kBare && before && not_after.count(*before) &&
        text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end).find(',') == std::string_view::npos)
      return false;
    // "Jakarta Garden City", "Bandung Super Mall": the first word of another name.
    if (e.form == Form::kBare && j + 1 < tokens.size() && tokens[j + 1].capital && not_before.count(tokens[j + 1].folded) &&
        text.substr(tokens[j].end, tokens[j + 1].begin - tokens[j].end).find_first_not_of(' ') == std::string_view::npos)
      return false;
    if (e.type == EntityType::kAgency && before && position_words.count(*before)) return false;
    return true;
  }
};

Gazetteer::Gazetteer(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Gazetteer::~Gazetteer() = default;
size_t Gazetteer::phrase_count() const { return data_->phrases; }

namespace {

std::string Fill(std::string form, std::string_view x) {
  const size_t at = form.find("{X}");
  if (at != std::string::npos) form.replace(at, 3, x);
  return form;
}

// Award titles the list does not know: [[title]] of rules/awards.toml.
Status LoadTitlePatterns(const RulesDir& dir, std::vector<TitleRule>* out, std::set<std::string>* drop_leading,
                         std::set<std::string>* title_suffixes, std::set<std::string>* not_opening,
                         std::set<std::string>* title_nouns) {
  const std::string display = RulesDir::Display("awards.toml");
  toml::table table;
  if (Status s = ReadToml(dir.Path("awards.toml"), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"title", "drop_leading", "title_suffixes", "not_opening", "title_nouns"}, display);
      !s.ok())
    return s;
  for (const auto& [key, words] : {std::pair{"title_suffixes", title_suffixes}, std::pair{"drop_leading", drop_leading},
                                    std::pair{"not_opening", not_opening}, std::pair{"title_nouns", title_nouns}}) {
    std::vector<std::string> list;
    if (Status s = GetStringList(table, key, display, &list); !s.ok()) return s;
    for (const std::string& w : list) words->insert(FoldCase(w));
  }
  const toml::array* list = table["title"].as_array();
  static const toml::array kNone;
  RE2::Options options;
  options.set_log_errors(false);
  for (const toml::node& node : list ? *list : kNone) {
    const std::string at = display + ":" + std::to_string(TomlLine(node));
    const toml::table* entry = node.as_table();
    if (!entry) return Status::Error(at + ": [[title]] entries must be tables");
    if (Status s = CheckKeys(*entry, {"name", "pattern", "known_name"}, display); !s.ok()) return s;
    TitleRule rule;
    std::string pattern, known_name = "opens";
    if (Status s = GetString(*entry, "name", display, &rule.name); !s.ok()) return s;
    if (Status s = GetString(*entry, "pattern", display, &pattern); !s.ok()) return s;
    if (entry->contains("known_name"))
      if (Status s = GetString(*entry, "known_name", display, &known_name); !s.ok()) return s;
    const std::string where = at + ": rule \"" + rule.name + "\"";
    if (known_name != "opens" && known_name != "ends")
      return Status::Error(where + ": known_name must be \"opens\" or \"ends\", not \"" + known_name + "\"");
    rule.name_ends_title = known_name == "ends";
    if (Status s = Regex::Compile(pattern, options, where, &rule.re); !s.ok()) return s;
    const auto& groups = rule.re->utf8().NamedCapturingGroups();
    if (!groups.count("title")) return Status::Error(where + ": needs a group \"title\"");
    rule.title = groups.at("title");
    rule.year = groups.count("year") ? groups.at("year") : 0;
    out->push_back(std::move(rule));
  }
  return {};
}

}  // namespace

Status Gazetteer::Load(const RulesDir& dir, std::unique_ptr<Gazetteer>* out) {
  auto data = std::make_unique<Data>();
  const std::string display = RulesDir::Display("gazetteer.toml");
  toml::table table;
  if (Status s = ReadToml(dir.Path("gazetteer.toml"), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"regions", "agencies", "unit_names", "unit"}, display); !s.ok())
    return s;
  const toml::table* regions = table["regions"].as_table();
  const toml::table* agencies = table["agencies"].as_table();
  if (!regions || !agencies) return Status::Error(display + ": needs [regions] and [agencies]");
  std::map<std::string, std::vector<std::string>> forms;
  for (const char* key : {"province_forms", "regency_forms", "city_forms", "province_government",
                          "regency_government", "city_government", "bare_name_levels", "not_after", "not_before"})
    if (Status s = GetStringList(*regions, key, display, &forms[key]); !s.ok()) return s;
  if (Status s = CheckKeys(*agencies, {"positions"}, display); !s.ok()) return s;
  if (Status s = CheckKeys(*regions, {"province_forms", "regency_forms", "city_forms", "province_government",
                                      "regency_government", "city_government", "bare_name_levels", "not_after", "not_before"},
                           display);
      !s.ok())
    return s;
  for (const std::string& w : forms["not_after"]) data->not_after.insert(FoldCase(w));
  for (const std::string& w : forms["not_before"]) data->not_before.insert(FoldCase(w));
  std::vector<std::string> positions;
  if (Status s = GetStringList(*agencies, "positions", display, &positions); !s.ok()) return s;
  for (const std::string& p : positions) {
    std::vector<Token> t = Tokenize(p);
    if (!t.empty()) data->position_words.insert(t.back().folded);
  }

  // Regions.
  const std::vector<std::string>& levels = forms["bare_name_levels"];
  const std::string regions_display = RulesDir::Display("regions.tsv");
  std::set<std::string> codes;
  Status s = ForEachTsvRow(dir.Path("regions.tsv"), regions_display, 4, [&](int line, const std::vector<std::string_view>& f) {
    const std::string code(f[0]), level(f[1]), name(f[2]);
    const auto rank = std::find(levels.begin(), levels.end(), level);
    if (rank == levels.end()) return Status::Error("level must be province, regency or city, not \"" + level + "\"");
    if (name.empty()) return Status::Error("empty name");
    if (!codes.insert(code).second) return Status::Error("duplicate code " + code);
    Entry e;
    e.type = EntityType::kLocation;
    e.value = name;
    e.code = code;
    e.rule = regions_display + ":" + std::to_string(line);
    e.level = static_cast<int>(rank - levels.begin());
    // The short name: "Gresik" for "Kabupaten Gresik", "Jakarta Pusat" for
    // "Kota Administrasi Jakarta Pusat".
    std::string short_name = name;
    for (std::string_view prefix : {"Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "})
      if (level != "province" && short_name.rfind(prefix, 0) == 0) {
        short_name = short_name.substr(prefix.size());
        break;
      }
    std::vector<std::string> shorts{short_name};
    for (std::string_view alias : SplitList(f.size() > 4 ? f[4] : std::string_view())) shorts.emplace_back(alias);

    const uint32_t id = data->NewEntry(e);
    data->Add(name, id);
    Entry bare = e;
    bare.form = Form::kBare;
    bare.capital = true;
    const uint32_t bare_id = data->NewEntry(bare);
    Entry derived = e;
    derived.form = Form::kDerived;
    const uint32_t derived_id = data->NewEntry(derived);
    const std::vector<std::string>& place_forms = forms[level + "_forms"];
    const std::vector<std::string>& government = forms[level + "_government"];
    for (const std::string& x : shorts) {
      // An alias in capitals ("DKI", "NTB") is written so; names may be any case.
      if (AllCapitals(x) && x.size() <= 5) {
        Entry exact = bare;
        exact.exact = x;
        exact.form = Form::kAcronym;
        data->Add(x, data->NewEntry(exact));
      } else {
        data->Add(x, bare_id);
      }
      for (const std::string& form : place_forms) data->Add(Fill(form, x), derived_id);
      for (const std::string& form : government) {
        Entry agency;
        agency.type = EntityType::kAgency;
        agency.value = Fill(government.front(), short_name);
        agency.rule = e.rule;
        agency.form = Form::kDerived;
        agency.region = static_cast<int>(id);
        // The region inside the name: "Kota Tangerang" in "Pemerintah Kota
        // Tangerang", "Tangerang" in "Pemkot Tangerang".
        agency.region_skip = static_cast<uint32_t>(Tokenize(Fill(form, "")).size());
        for (const std::string& place : place_forms) {
          const std::string suffix = Fill(place, x), full = Fill(form, x);
          if (full.size() > suffix.size() && full.compare(full.size() - suffix.size(), suffix.size(), suffix) == 0)
            agency.region_skip = static_cast<uint32_t>(Tokenize(full).size() - Tokenize(suffix).size());
        }
        data->Add(Fill(form, x), data->NewEntry(agency));
      }
    }
    return Status();
  });
  if (!s.ok()) return s;

  // Agencies: canonical, kind, acronyms, variants, former.
  const std::string agencies_display = RulesDir::Display("agencies.tsv");
  std::set<std::string> canonicals;
  s = ForEachTsvRow(dir.Path("agencies.tsv"), agencies_display, 2, [&](int line, const std::vector<std::string_view>& f) {
    const std::string canonical(f[0]);
    if (canonical.empty()) return Status::Error("empty canonical name");
    if (!canonicals.insert(canonical).second) return Status::Error("duplicate canonical name \"" + canonical + "\"");
    Entry e;
    e.type = EntityType::kAgency;
    e.value = canonical;
    e.rule = agencies_display + ":" + std::to_string(line);
    data->Add(canonical, data->NewEntry(e));
    data->AddAliases(f.size() > 2 ? f[2] : std::string_view(), e, Form::kAcronym);
    data->AddAliases(f.size() > 3 ? f[3] : std::string_view(), e, Form::kVariant);
    data->AddAliases(f.size() > 4 ? f[4] : std::string_view(), e, Form::kFormer);
    return Status();
  });
  if (!s.ok()) return s;

  // Award titles: canonical, organizer, aliases.
  const std::string awards_display = RulesDir::Display("awards.tsv");
  std::set<std::string> titles_seen;
  s = ForEachTsvRow(dir.Path("awards.tsv"), awards_display, 2, [&](int line, const std::vector<std::string_view>& f) {
    const std::string canonical(f[0]);
    if (canonical.empty()) return Status::Error("empty title");
    if (!titles_seen.insert(canonical).second) return Status::Error("duplicate title \"" + canonical + "\"");
    Entry e;
    e.type = EntityType::kAward;
    e.value = canonical;
    e.rule = awards_display + ":" + std::to_string(line);
    e.capital = true;
    data->Add(canonical, data->NewEntry(e));
    data->AddAliases(f.size() > 2 ? f[2] : std::string_view(), e, Form::kVariant);
    return Status();
  });
  if (!s.ok()) return s;
  if (Status st = LoadTitlePatterns(dir, &data->titles_by_pattern, &data->drop_leading, &data->title_suffixes,
                                      &data->not_opening, &data->title_nouns);
      !st.ok())
    return st;

  // Units.
  std::vector<std::string> connectors, not_units;
  const toml::table* unit_names = table["unit_names"].as_table();
  if (!unit_names) return Status::Error(display + ": needs [unit_names]");
  if (Status st = CheckKeys(*unit_names, {"connectors", "not_units", "stop_before", "official_before", "after_region",
                                          "titles", "abbreviations", "ignore_in_comparison"},
                                  display); !st.ok()) return st;
  for (auto [key, set] : {std::pair{"stop_before", &data->stop_before}, std::pair{"official_before", &data->official_before},
                          std::pair{"after_region", &data->after_region}}) {
    std::vector<std::string> words;
    if (Status st = GetStringList(*unit_names, key, display, &words); !st.ok()) return st;
    for (const std::string& w : words) set->insert(FoldCase(w));
  }
  if (Status st = GetStringList(*unit_names, "connectors", display, &connectors); !st.ok()) return st;
  if (Status st = GetStringList(*unit_names, "not_units", display, &not_units); !st.ok()) return st;
  std::string connector_alternation;
  for (const std::string& c : connectors) {
    data->connectors.insert(FoldCase(c));
    connector_alternation += (connector_alternation.empty() ? "" : "|") + RE2::QuoteMeta(c);
  }
  for (const std::string& n : not_units) data->not_units.insert(Join(Tokenize(n)));
  std::vector<std::string> titles;
  if (Status st = GetStringList(*unit_names, "titles", display, &titles); !st.ok()) return st;
  if (const toml::table* abbreviations = (*unit_names)["abbreviations"].as_table()) {
    for (const auto& [short_form, full] : *abbreviations) {
      const auto* text = full.as_string();
      if (!text) return Status::Error(display + ":" + std::to_string(TomlLine(full)) + ": abbreviations are strings");
      data->abbreviations.emplace(FoldCase(short_form.str()), Join(Tokenize(text->get())));
    }
  }
  std::vector<std::string> ignored;
  if (Status st = GetStringList(*unit_names, "ignore_in_comparison", display, &ignored); !st.ok()) return st;
  for (const std::string& w : ignored) data->ignore_in_comparison.insert(FoldCase(w));
  for (const std::string& t : titles) data->titles.insert(FoldCase(t.substr(0, t.size() - (t.back() == '.'))));
  std::sort(titles.begin(), titles.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string title_alternation;
  for (const std::string& t : titles) title_alternation += RE2::QuoteMeta(t) + "|";
  // A title abbreviation with its dot ("Dr. Kariadi"), tried first, or a capitalised word.
  const std::string word = "(?:" + title_alternation + "\\p{Lu}[\\p{L}\\p{N}'’-]*)";
  const std::string name = word + "(?:(?:\\s*,\\s*(?:(?:" + connector_alternation + ")\\s+)?|\\s+(?:" +
                           connector_alternation + ")\\s+|\\s+)" + word + ")*";
  RE2::Options options;
  options.set_log_errors(false);
  std::string heads;
  std::vector<std::string> unit_triggers;
  const toml::array* units = table["unit"].as_array();
  static const toml::array kNoUnits;  // a reference, so nodes keep their source lines
  for (const toml::node& node : units ? *units : kNoUnits) {
    const std::string at = display + ":" + std::to_string(TomlLine(node));
    const toml::table* unit = node.as_table();
    if (!unit) return Status::Error(at + ": [[unit]] entries must be tables");
    if (Status st = CheckKeys(*unit, {"name", "head"}, display); !st.ok()) return st;
    UnitRule rule;
    std::string head;
    if (Status st = GetString(*unit, "name", display, &rule.name); !st.ok()) return st;
    if (Status st = GetString(*unit, "head", display, &head); !st.ok()) return st;
    const std::string where = at + ": rule \"" + rule.name + "\"";
    for (const UnitRule& other : data->units)
      if (other.name == rule.name) return Status::Error(at + ": duplicate rule name \"" + rule.name + "\"");
    // The head alone first, so that an error points at what the rule wrote.
    std::unique_ptr<RE2> head_only;
    if (Status st = CompileRule(head, options, where, &head_only); !st.ok()) return st;
    // "Rumah Tahanan Negara (Rutan) Kelas I Bandung": the head's acronym may
    // stand before the name. Acronyms are ASCII: written with \p{L}, the
    // fourteen repeats made every unit pattern many times larger and slower.
    const std::string acronym = "(?:\\s*\\([A-Z\\d][A-Za-z\\d-]{1,14}\\))?";
    if (Status st = Regex::Compile("\\b(" + head + ")" + acronym + "\\s+(" + name + ")", options, where, &rule.re); !st.ok())
      return st;
    // The trigger: a head and the first letter of a name or of an acronym,
    // with a far smaller automaton than the whole pattern's. Find matches the
    // pattern only where the trigger starts, so the trigger must match at the
    // start of every match of the pattern: widen `acronym`'s first character
    // or `word`'s, and this must widen with them.
    unit_triggers.push_back("\\b(?:" + head + ")(?:\\s*\\([\\p{Lu}\\d]|\\s+(?:" + title_alternation + "\\p{Lu}))");
    if (Status st = Regex::Compile(unit_triggers.back(), options, where, &rule.trigger); !st.ok()) return st;
    heads += (heads.empty() ? "" : "|") + head;
    data->units.push_back(std::move(rule));
  }
  data->set_patterns = unit_triggers;
  for (const TitleRule& title : data->titles_by_pattern) data->set_patterns.push_back(title.re->utf8().pattern());
  if (heads.empty()) heads = "$^";  // no units: a head that never matches
  if (Status st = CompileRule("^(?:" + heads + ")\\b", options, display + ": unit heads", &data->any_head); !st.ok())
    return st;
  if (Status st = CompileRule("(?:" + heads + ")", options, display + ": unit heads", &data->whole_head); !st.ok())
    return st;
  if (Status st = CompileRule("^\\s*\\([\\p{Lu}\\d][\\p{L}\\d-]{1,24}(?: [\\p{Lu}\\d][\\p{L}\\d-]{1,24}){0,2}\\)\\s*(\\p{Lu}.*)", options,
                              display + ": acronym", &data->acronym_then);
      !st.ok())
    return st;
  if (Status st = CompileRule("^\\s*\\(([\\p{Lu}\\d][\\p{L}\\d-]{1,24})\\)\\s+(di\\s+\\p{Lu}.*)", options,
                              display + ": acronym and seat", &data->acronym_then_seat);
      !st.ok())
    return st;
  out->reset(new Gazetteer(std::move(data)));
  return {};
}

std::vector<std::string> Gazetteer::SetPatterns() const { return data_->set_patterns; }

void Gazetteer::Find(const Document& doc, const std::vector<Range>& ranges, const std::vector<std::vector<int>>& set_hits,
                     std::vector<Entity>* out) const {
  const Data& d = *data_;
  const std::string_view whole = doc.text;  // tokens carry offsets into the whole text
  const size_t first = out->size();

  // Gazetteer phrases, first pass: what matches where, and which regions the
  // article names in a form that leaves no doubt.
  struct Found {
    uint32_t begin, end;
    size_t region_begin;  // byte where the region inside a government's name starts
    std::vector<uint32_t> candidates;
    std::optional<int> year;  // of an award title: "... 2017", "... Tahun 2019"
  };
  // A year written right after token `last`; advances `last` over it.
  auto year_after = [&](const std::vector<Token>& tokens, size_t* last) -> std::optional<int> {
    size_t k = *last + 1;
    // "Anugerah Parahita Ekapraya (APE) Tahun 2020": past the short name.
    if (k + 1 < tokens.size() && whole.substr(tokens[*last].end, tokens[k].begin - tokens[*last].end).find('(') !=
                                     std::string_view::npos &&
        whole.substr(tokens[k].end, 1) == ")")
      ++k;
    // "IKPA Award 2023": a suffix word, capitalised, is part of the title.
    if (k < tokens.size() && d.title_suffixes.count(tokens[k].folded) &&
        std::isupper(static_cast<unsigned char>(whole[tokens[k].begin])) &&
        whole.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end).find_first_not_of(" )") == std::string_view::npos) {
      *last = k;
      ++k;
    }
    if (k < tokens.size() && tokens[k].folded == "tahun") ++k;
    if (k >= tokens.size() || tokens[k].folded.size() != 4 ||
        whole.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end).find_first_not_of(" ()") != std::string_view::npos)
      return std::nullopt;
    const int year = std::atoi(tokens[k].folded.c_str());
    if (year < 1950 || year > 2099 || !std::isdigit(static_cast<unsigned char>(tokens[k].folded[0]))) return std::nullopt;
    *last = k;
    return year;
  };
  std::vector<Found> found;
  std::set<std::string> named_regions;
  std::vector<std::vector<Token>> range_tokens;
  for (const Range& range : ranges) {
    range_tokens.push_back(Tokenize(doc.Slice(range), range.begin));
    const std::vector<Token>& tokens = range_tokens.back();
    for (size_t i = 0; i < tokens.size();) {
      auto match = d.Longest(whole, tokens, i);
      if (!match) {
        ++i;
        continue;
      }
      const Entry& best = d.entries[d.Choose(match->candidates, {})];
      if (best.form != Form::kBare) named_regions.insert(best.region >= 0 ? d.entries[best.region].code : best.code);
      const size_t region_token = std::min(i + best.region_skip, match->last);
      size_t last = match->last;
      const std::optional<int> year = best.type == EntityType::kAward ? year_after(tokens, &last) : std::nullopt;
      found.push_back({tokens[i].begin, tokens[last].end, tokens[region_token].begin, std::move(match->candidates), year});
      i = last + 1;
    }
  }
  for (const Found& f : found) {
    const Entry& e = d.entries[d.Choose(f.candidates, named_regions)];
    Entity x;
    x.type = e.type;
    x.range = {f.begin, f.end};
    x.value = e.value;
    x.code = e.code;
    x.acronym = e.acronym;
    x.rule = e.rule;
    x.year = f.year;
    out->push_back(x);
    if (e.region >= 0) {  // the region inside "Pemkot Tangerang" is a location mention too
      const Entry& region = d.entries[e.region];
      x.type = region.type;
      x.range = {static_cast<uint32_t>(f.region_begin), f.end};
      x.value = region.value;
      x.code = region.code;
      x.acronym.clear();
      x.rule = region.rule;
      out->push_back(std::move(x));
    }
  }

  // The entry a match of the phrase table stands for in this article.
  auto entry_of = [&](const auto& match) -> const Entry& { return d.entries[d.Choose(match.candidates, named_regions)]; };
  // The words of `whole` from byte `at`, at most `limit` bytes and never a
  // character cut in two.
  auto words_from = [&](uint32_t at, size_t limit) {
    size_t window = std::min<size_t>(limit, whole.size() - at);
    while (at + window < whole.size() && (static_cast<unsigned char>(whole[at + window]) & 0xC0) == 0x80) ++window;
    return Tokenize(whole.substr(at, window), at);
  };

  // Units by pattern. A name runs over capitalised words; it stops before a
  // known body, a stop word, a comma that does not open an enumeration ("A,
  // B dan C"), and another unit listed after a comma or "dan"; a full region
  // name ("... Provinsi Jawa Barat") ends it. NameExtent says how many of
  // `words`, from `from`, belong to the name.
  auto NameExtent = [&](const std::vector<Token>& words, size_t from) {
    size_t keep = from;
    bool enumerating = false;  // a comma stood inside the name
    for (; keep < words.size(); ++keep) {
      const Token& w = words[keep];
      if ((keep > from && !w.joined) || d.stop_before.count(w.folded)) break;
      if (keep > from) {
        const Token& previous = words[keep - 1];
        const std::string_view gap = whole.substr(previous.end, w.begin - previous.end);
        // A full stop ends the name, unless it closes a title ("Dr. Kariadi").
        if (gap.find('.') != std::string_view::npos && !d.titles.count(previous.folded)) break;
        const bool after_comma = gap.find(',') != std::string_view::npos;
        const bool after_connector = d.connectors.count(previous.folded) > 0;
        if ((after_comma || after_connector) && RE2::PartialMatch(whole.substr(w.begin), *d.any_head)) break;
        // ", dan X" ends a name, unless it closes an enumeration begun
        // inside it ("Balai Besar Kulit, Karet, dan Plastik"); one is begun by
        // a comma before a capitalised word ("Kebudayaan, Pariwisata dan ...").
        if (after_comma && !w.capital && !enumerating) break;
        enumerating |= after_comma;
        if (after_comma) {  // an enumeration has its "dan" before the capitalised run ends
          bool enumeration = false;
          for (size_t k = keep; k < words.size() && !enumeration && (words[k].capital || d.connectors.count(words[k].folded)); ++k)
            enumeration = d.connectors.count(words[k].folded) > 0;
          if (!enumeration) break;
        }
      }
      if (!w.capital) {
        if (d.connectors.count(w.folded) || std::isdigit(static_cast<unsigned char>(whole[w.begin]))) continue;
        break;
      }
      auto named = d.Longest(whole, words, keep);
      if (!named) continue;
      const Entry& e = entry_of(*named);
      if (e.type == EntityType::kAgency || e.type == EntityType::kAward) break;  // the parent body, or a title
      // A full region name ends the name ("... Provinsi Jawa Barat"), unless
      // a hyphen joins more to it ("Jawa Timur-Bali").
      const bool hyphen_follows = named->last + 1 < words.size() &&
                                  whole.substr(words[named->last].end, words[named->last + 1].begin - words[named->last].end) == "-";
      if (e.form != Form::kBare && !hyphen_follows) return named->last + 1;
      keep = named->last;
    }
    while (keep > from && d.connectors.count(words[keep - 1].folded)) --keep;
    return keep;
  };
  std::vector<std::pair<size_t, int>> title_candidates;  // range, title rule
  const int unit_count = static_cast<int>(d.units.size());
  for (size_t r = 0; r < ranges.size(); ++r) {
    const Range& range = ranges[r];
    const std::string_view text = doc.Slice(range);
    const auto titles = std::lower_bound(set_hits[r].begin(), set_hits[r].end(), unit_count);
    for (auto it = titles; it != set_hits[r].end(); ++it) title_candidates.emplace_back(r, *it - unit_count);
    const std::span<const int> candidates(set_hits[r].begin(), titles);
    const bool ascii = !candidates.empty() && IsAscii(text);
    const bool heading = !candidates.empty() && IsHeading(text);
    for (int id : candidates) {
      const UnitRule& unit = d.units[id];
      const RE2& trigger = unit.trigger->For(ascii);
      re2::StringPiece head, name;
      for (size_t pos = 0; pos < text.size();) {
        // Every match of `re` starts where `trigger` does: the first start
        // where `re` matches is where an unanchored search would find it.
        re2::StringPiece hit, groups[3];
        if (!trigger.Match(text, pos, text.size(), RE2::UNANCHORED, &hit, 1)) break;
        const size_t at = static_cast<size_t>(hit.data() - text.data());
        if (!unit.re->Match(text, at, ascii, RE2::ANCHOR_START, groups, 3)) {
          pos = at + 1;
          continue;
        }
        head = groups[1];
        name = groups[2];
        const uint32_t name_begin = range.begin + static_cast<uint32_t>(name.data() - text.data());
        std::vector<Token> words = Tokenize(name, name_begin);
        size_t keep = NameExtent(words, 0);
        size_t before_acronym = 0;  // where the words after the acronym begin, if they were taken
        bool body_after_acronym = false;  // and whether they name a body ("(Infohan) Setjen Kemenhan")
        // "Balai Pemasyarakatan (Bapas) Kelas I Bandung": the name goes on
        // after the unit's acronym.
        re2::StringPiece after_acronym;
        if (keep == words.size() && RE2::PartialMatch(whole.substr(words.back().end), *d.acronym_then, &after_acronym)) {
          std::vector<Token> more = words_from(static_cast<uint32_t>(after_acronym.data() - whole.data()), 160);
          const size_t extra = more.empty() || !more[0].capital ? 0 : NameExtent(more, 0);
          if (extra > 0) {
            before_acronym = keep;
            body_after_acronym = RE2::PartialMatch(whole.substr(more[0].begin), *d.any_head) || d.Longest(whole, more, 0);
            more[0].joined = true;
            words.insert(words.end(), more.begin(), more.begin() + extra);
            keep = words.size();
          }
        }
        // "Balai Pengawas Obat dan Makanan (BPOM) di Palembang": a unit under
        // a listed body's acronym is that body's office, and "di" and the
        // region name which one.
        re2::StringPiece acronym, seat;
        if (keep == words.size() && RE2::PartialMatch(whole.substr(words.back().end), *d.acronym_then_seat, &acronym, &seat)) {
          const std::vector<Token> short_name = Tokenize(acronym, 0);
          auto body = d.Longest(acronym, short_name, 0);
          std::vector<Token> more = words_from(static_cast<uint32_t>(seat.data() - whole.data()), 80);
          auto region = more.size() > 1 ? d.Longest(whole, more, 1) : std::nullopt;
          const Entry* listed = body ? &entry_of(*body) : nullptr;
          // Under its own head it is the body itself ("Badan ... (BMKG) di Jakarta").
          const bool office = listed && listed->value.substr(0, listed->value.find(' ')) !=
                                            std::string_view(head).substr(0, std::string_view(head).find(' '));
          if (body && body->last + 1 == short_name.size() && office && listed->type == EntityType::kAgency && region &&
              entry_of(*region).type == EntityType::kLocation) {
            words.insert(words.end(), more.begin(), more.begin() + static_cast<long>(region->last + 1));
            keep = words.size();
          }
        }
        // "Inspektorat Jenderal Kementerian PUPR": a head with nothing but
        // its parent after it is named with the parent.
        if (keep == 0) {
          auto parent = d.Longest(whole, words, 0);
          if (parent && entry_of(*parent).type == EntityType::kAgency) {
            keep = parent->last + 1;
            // ... and the region of a regional office: "Kanwil Kemenkumham Jabar".
            auto region = keep < words.size() && words[keep].joined ? d.Longest(whole, words, keep) : std::nullopt;
            if (region && entry_of(*region).type == EntityType::kLocation)
              keep = region->last + 1;
            // ... also after the office's short name: "Kantor Wilayah Kementerian
            // Hukum dan HAM (Kanwil Kemenkumham) Bali".
            re2::StringPiece rest;
            if (!region && RE2::PartialMatch(whole.substr(words[keep - 1].end), *d.acronym_then, &rest)) {
              std::vector<Token> more = words_from(static_cast<uint32_t>(rest.data() - whole.data()), 80);
              auto seat = more.empty() ? std::nullopt : d.Longest(whole, more, 0);
              if (seat && entry_of(*seat).type == EntityType::kLocation) {
                words.resize(keep);
                words.insert(words.end(), more.begin(), more.begin() + static_cast<long>(seat->last + 1));
                keep = words.size();
              }
            }
          }
        }
        // "kata Kepala Bappeda Sumbar Medi Iswandi": after an official's
        // position, the unit's name ends with its region and the official's
        // follows; with no region, words after its acronym that name no body
        // are the official's ("Kepala Balai Besar Wilayah Sungai (BBWS) Sutrisno Hadi").
        const uint32_t head_begin = range.begin + static_cast<uint32_t>(head.data() - text.data());
        // So too in a headline, where every word is capitalised ("Bappeda
        // Sumbar Mulai Nilai Kabupaten/Kota"): the name ends with its region.
        const bool official = d.official_before.count(FoldCase(WordBefore(whole, head_begin))) > 0;
        if (keep > 0 && (official || heading)) {
          size_t region_end = 0;
          for (size_t k = keep; k-- > 0 && region_end == 0;)
            if (auto region = d.Longest(whole, words, k);
                region && region->last < keep && entry_of(*region).type == EntityType::kLocation)
              region_end = region->last + 1;
          if (region_end > 0) keep = region_end + (region_end < keep && d.after_region.count(words[region_end].folded) ? 1 : 0);
          else if (official && before_acronym > 0 && !body_after_acronym) keep = before_acronym;
        }
        pos = keep > 0 ? words[keep - 1].end - range.begin : static_cast<size_t>(name.data() - text.data());
        if (keep == 0) continue;
        const uint32_t begin = head_begin;
        const uint32_t end = words[keep - 1].end;
        if (begin > 0 && whole[begin - 1] == '(') continue;  // a short name being defined
        // A name wholly in quotes is an innovation's or a programme's
        // ("Inovasi \"Puskesmas Keliling Malam\" ..."), not a body.
        if (OpensQuote(whole.substr(0, begin)) && ClosesQuote(whole.substr(end))) continue;
        // The value leaves out the acronyms in parentheses.
        std::string value(head.data(), head.size());
        for (size_t k = 0; k < keep; ++k) {
          const uint32_t gap_begin = k == 0 ? begin + static_cast<uint32_t>(head.size()) : words[k - 1].end;
          const std::string_view gap = whole.substr(gap_begin, words[k].begin - gap_begin);
          value += std::string(gap.find('(') == std::string_view::npos ? gap : " ") +
                   std::string(whole.substr(words[k].begin, words[k].end - words[k].begin));
        }
        // A head alone ("Direktorat Jenderal" read as "Direktorat" + "Jenderal") or a generic name is no unit.
        if (d.not_units.count(Join(Tokenize(value))) || RE2::FullMatch(value, *d.whole_head)) continue;
        Entity x;
        x.type = EntityType::kAgency;
        x.range = {begin, end};
        x.value = std::move(value);
        x.rule = RulesDir::Display("gazetteer.toml") + ":" + unit.name;
        out->push_back(std::move(x));
      }
    }
  }

  // Award titles by pattern, where the list has none: the capitalised words
  // of the title after the last known body or region in them ("Pemkab Bogor
  // Raih | Mandaya Awards").
  DisjointRanges listed;  // award titles of the list, found above
  DisjointRanges bodies;  // units found above: known names for rules whose title ends at one
  for (size_t k = first; k < out->size(); ++k)
    ((*out)[k].type == EntityType::kAward ? listed : bodies).Insert((*out)[k].range);
  for (const auto& [r, id] : title_candidates) {
    const Range& range = ranges[r];
    const std::string_view text = doc.Slice(range);
    const TitleRule& rule = d.titles_by_pattern[id];
    const bool ascii = IsAscii(text);
    std::vector<re2::StringPiece> groups(rule.re->utf8().NumberOfCapturingGroups() + 1);
    for (size_t pos = 0; pos < text.size();) {
      if (!rule.re->Match(text, pos, ascii, RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
        break;
      pos = groups[0].data() - text.data() + std::max<size_t>(groups[0].size(), 1);
      const re2::StringPiece title = groups[rule.title];
      if (title.empty()) continue;  // a branch that only consumes what is no title ("PT Anugerah ...")
      const uint32_t title_begin = range.begin + static_cast<uint32_t>(title.data() - text.data());
      std::vector<Token> words = Tokenize(title, title_begin);
      // A body or region inside the span opens the title after it ("Pemkot
      // Bogor Digital Award" is Digital Award); a region's bare short name
      // first is the title's own word ("Sultra Digital Government Award"),
      // and so, outside a headline, is one after a word of no known name
      // ("Sinar Lampung Public Service Award", a newspaper's).
      if (d.not_opening.count(words[0].folded)) continue;
      const bool heading = IsHeading(text);
      size_t from = 0, known = 0;  // known: where the last known name before `from` begins
      for (size_t k = 0; k < words.size(); ++k) {
        if (rule.name_ends_title && (bodies.Overlaps({words[k].begin, words[k].end}) || d.not_opening.count(words[k].folded))) {
          words.resize(k);
          break;
        }
        if (auto named = d.Longest(whole, words, k)) {
          const Entry& e = entry_of(*named);
          const bool own_word = k == 0 || (!heading && k > from && !d.drop_leading.count(words[k - 1].folded));
          // A bare name: a short name, or a province's own (its code has no dot).
          const bool bare = e.form == Form::kBare || (e.form == Form::kName && e.code.find('.') == std::string::npos);
          if (e.type == EntityType::kAward || (own_word && e.type == EntityType::kLocation && bare)) continue;
          if (rule.name_ends_title) {
            words.resize(k);
            break;
          }
          known = k;
          from = named->last + 1;
          k = named->last;  // on after the name, not inside it
        }
      }
      while (from < words.size() && d.drop_leading.count(words[from].folded)) ++from;
      // A body's name and the suffix alone are the body's award ("Kompolnas Award", "BKN Award").
      if (from > 0 && from + 1 == words.size() && d.title_suffixes.count(words[from].folded)) from = known;
      if (from + 1 >= words.size()) continue;  // a title is more than one word
      if (d.not_opening.count(words[from].folded)) continue;
      const uint32_t b = words[from].begin;
      const uint32_t e = rule.year && !groups[rule.year].empty()
                             ? range.begin + static_cast<uint32_t>(groups[rule.year].data() - text.data() + groups[rule.year].size())
                             : words.back().end;
      if (listed.Overlaps({b, e})) continue;
      Entity x;
      x.type = EntityType::kAward;
      x.range = {b, e};
      x.value = std::string(whole.substr(b, words.back().end - b));
      if (rule.year && !groups[rule.year].empty()) x.year = std::atoi(std::string(groups[rule.year]).c_str());
      x.rule = RulesDir::Display("awards.toml") + ":" + rule.name;
      out->push_back(std::move(x));
    }
  }

  // Of overlapping mentions of one type, the longest stays: the "Direktorat
  // Jenderal Perbendaharaan" inside "Kantor Wilayah Direktorat Jenderal ...".
  std::stable_sort(out->begin() + static_cast<long>(first), out->end(), [](const Entity& a, const Entity& b) {
    return (a.range.end - a.range.begin) > (b.range.end - b.range.begin);
  });
  std::vector<Entity> kept;
  std::map<EntityType, DisjointRanges> taken;
  for (auto it = out->begin() + static_cast<long>(first); it != out->end(); ++it) {
    if (taken[it->type].Overlaps(it->range)) continue;
    taken[it->type].Insert(it->range);
    kept.push_back(std::move(*it));
  }
  out->erase(out->begin() + static_cast<long>(first), out->end());
  out->insert(out->end(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));

  // Short names the article defines: "Balai Besar Bahan dan Barang Teknik
  // (B4T)", "Direktorat Jenderal Bina Pembangunan Daerah (Ditjen Bina Bangda)",
  // and of a title no list knows, "Hassan Wirajuda Pelindungan WNI Award (HWPA) 2023".
  std::map<std::string, size_t> defined;  // short name -> defining entity
  static const RE2 kDefinition("^\\s*\\(([\\p{Lu}\\d][\\p{L}\\d-]*(?: [\\p{Lu}\\d][\\p{L}\\d-]*){0,3})\\)");
  const std::string by_pattern = RulesDir::Display("awards.toml") + ":";
  for (size_t k = first; k < out->size(); ++k) {
    const Entity& e = (*out)[k];
    const bool titled = e.type == EntityType::kAward && e.rule.rfind(by_pattern, 0) == 0;
    if (e.type != EntityType::kAgency && !titled) continue;
    // A title's range takes its short name and year in; its value is its words.
    const uint32_t name_end = titled ? e.range.begin + static_cast<uint32_t>(e.value.size()) : e.range.end;
    std::string short_name;
    // A short name starts with the name's first letter: "(B4T)" for Balai
    // Besar Bahan dan Barang Teknik, but not "(RI)" after "Ombudsman
    // Republik Indonesia", which would make every "Presiden RI" the Ombudsman.
    if (RE2::PartialMatch(whole.substr(name_end), kDefinition, &short_name) &&
        std::count_if(short_name.begin(), short_name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) >= 2 &&
        std::tolower(static_cast<unsigned char>(short_name[0])) == std::tolower(static_cast<unsigned char>(whole[e.range.begin])))
      defined.emplace(short_name, k);
  }
  for (const Range& range : ranges) {
    const std::string_view text = doc.Slice(range);
    for (const auto& [short_name, k] : defined) {
      for (size_t at = text.find(short_name); at != std::string_view::npos; at = text.find(short_name, at + 1)) {
        const uint32_t b = range.begin + static_cast<uint32_t>(at), e = b + static_cast<uint32_t>(short_name.size());
        const bool whole_words = (at == 0 || !IsWordByte(text[at - 1])) &&
                                 (at + short_name.size() == text.size() || !IsWordByte(text[at + short_name.size()]));
        if (!whole_words || (at > 0 && text[at - 1] == '(')) continue;
        if (taken[(*out)[k].type].Covers({b, e})) continue;
        Entity x = (*out)[k];
        x.range = {b, e};
        x.acronym = short_name;
        x.rule = RulesDir::Display("gazetteer.toml") + ":defined_in_text";
        out->push_back(std::move(x));
      }
    }
  }

  // One unit written two ways is one body, named by its longest name; a name
  // that another extends ("Balai Besar X" and "Balai Besar X Bandung") too.
  std::map<std::string, std::vector<size_t>> units;  // comparison key -> entities, in text order
  for (size_t k = first; k < out->size(); ++k)
    if ((*out)[k].type == EntityType::kAgency && (*out)[k].rule.rfind(RulesDir::Display("gazetteer.toml"), 0) == 0)
      units[d.ComparisonKey((*out)[k].value)].push_back(k);
  std::vector<std::pair<size_t, std::string>> renamed;  // entity, longest name
  for (const auto& [key, members] : units) {
    // The keys that extend this one ("#x y" and "#x y bandung") sort right
    // after it. Of equally long names, the first written.
    size_t longest = members.front();
    for (auto it = units.find(key); it != units.end() && (it->first == key || it->first.rfind(key + " ", 0) == 0); ++it)
      for (size_t j : it->second)
        if (std::pair((*out)[j].value.size(), longest) > std::pair((*out)[longest].value.size(), j)) longest = j;
    for (size_t k : members)
      if ((*out)[longest].value.size() > (*out)[k].value.size()) renamed.emplace_back(k, (*out)[longest].value);
  }
  for (auto& [k, name] : renamed) (*out)[k].value = std::move(name);
  // An award's acronym that the article spells out as another name
  // ("Kawasan Inti Pusat Pemerintahan (KIPP)") is that name, not the award.
  // Each acronym is looked at once, however often it is written.
  std::map<std::string, std::string> acronyms;  // acronym -> the award it names in the list
  for (size_t k = first; k < out->size(); ++k) {
    const Entity& e = (*out)[k];
    const std::string_view acronym = whole.substr(e.range.begin, e.range.end - e.range.begin);
    if (e.type == EntityType::kAward && acronym.size() >= 2 &&
        std::all_of(acronym.begin(), acronym.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
      acronyms.emplace(acronym, e.value);
  }
  std::set<std::string> redefined;
  for (const auto& [acronym, award] : acronyms) {
    // The award's own name, misspelled or not ("Opini Wajar Tanpa Pengeculian
    // (WTP)"), shares words with its canonical title.
    std::set<std::string> own_words;
    for (const Token& t : Tokenize(award, 0)) own_words.insert(t.folded);
    const std::string defined = "(" + acronym + ")";
    for (size_t at = whole.find(defined); at != std::string_view::npos; at = whole.find(defined, at + 1)) {
      size_t w = at;  // the words before the parenthesis, one per letter of the acronym
      while (w > 0 && whole[w - 1] == ' ') --w;
      const size_t end = w;
      size_t from = w;
      bool shared = false;
      for (size_t n = 0; n < acronym.size() && from > 0; ++n) {
        while (from > 0 && whole[from - 1] == ' ') --from;
        const size_t word_end = from;
        while (from > 0 && std::isalpha(static_cast<unsigned char>(whole[from - 1]))) --from;
        if (from == word_end) break;
        if (n == 0) w = from;
        for (const Token& t : Tokenize(whole.substr(from, word_end - from), 0)) shared |= own_words.count(t.folded) > 0;
      }
      const bool spelled_award =
          shared || taken[EntityType::kAward].Covers({static_cast<uint32_t>(w), static_cast<uint32_t>(end)});
      if (w < end && std::isupper(static_cast<unsigned char>(whole[w])) && !spelled_award) redefined.insert(acronym);
    }
  }
  if (!redefined.empty())
    out->erase(std::remove_if(out->begin() + static_cast<long>(first), out->end(),
                              [&](const Entity& e) {
                                return e.type == EntityType::kAward &&
                                       redefined.count(std::string(whole.substr(e.range.begin, e.range.end - e.range.begin)));
                              }),
               out->end());
  // "Energy Asia Awards" and "Energy Asia Award" in one article: one title,
  // as first written.
  std::map<std::string, std::string> first_written;  // folded, without a final "s" -> title
  auto key_of = [](const std::string& title) {
    return FoldCase(title.back() == 's' ? title.substr(0, title.size() - 1) : title);
  };
  for (size_t k = first; k < out->size(); ++k) {
    Entity& e = (*out)[k];
    if (e.type != EntityType::kAward) continue;
    auto [earlier, added] = first_written.emplace(key_of(e.value), e.value);
    if (!added && e.rule.rfind(RulesDir::Display("awards.toml"), 0) == 0) e.value = earlier->second;
  }
  // "penghargaan Prayoga Sala" beside "Anugerah Prayoga Sala": a title by
  // pattern that another one is with a noun of title_nouns before it is that
  // one (not "Gelar" of a headline's "Kemlu Gelar X Award").
  for (size_t k = first; k < out->size(); ++k) {
    Entity& e = (*out)[k];
    if (e.type != EntityType::kAward || e.rule.rfind(RulesDir::Display("awards.toml"), 0) != 0) continue;
    const std::string tail = " " + key_of(e.value);
    for (const auto& [key, title] : first_written)
      if (key.size() > tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0 &&
          d.title_nouns.count(key.substr(0, key.size() - tail.size()))) {
        e.value = title;
        break;
      }
  }
}

}  // namespace warta
