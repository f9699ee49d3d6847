#include "assemble/frames.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/utf8.h"

namespace warta {
namespace {

// Token kinds are private-use code points: the entity types first, then
// plain words, numbers and other punctuation, then one per distinct set of
// word classes the lexicon gives a word or phrase.
constexpr char32_t kEntityBase = 0xE000;  // + EntityType
constexpr char32_t kPlainWord = 0xE008, kNumber = 0xE009, kPunct = 0xE00A, kFirstClassSet = 0xE010;
constexpr size_t kTokenBytes = 3;  // every private-use code point of the BMP is 3 bytes of UTF-8
constexpr int kMaxMacroDepth = 8;

const std::pair<std::string_view, EntityType> kEntityAtoms[] = {
    {"AGENCY", EntityType::kAgency}, {"AWARD", EntityType::kAward},       {"DATE", EntityType::kDate},
    {"LOCATION", EntityType::kLocation}, {"COUNT", EntityType::kCount}};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether the character at `i` is a letter or digit; sets `*len` to its bytes.
bool WordChar(std::string_view text, uint32_t i, uint32_t* len) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return std::isalnum(c);
  }
  UChar32 cp;
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), cp);
  *len = static_cast<uint32_t>(at) - i;
  return cp >= 0 && u_isalnum(cp);
}

// Raw words and punctuation of `text` in [begin, end): a word is letters and
// digits with inner '-', '/', '\'' ("masing-masing", "kabupaten/kota") or,
// between digits, ',' and '.' ("94,20"); any other character is one mark.
void SplitWords(std::string_view text, uint32_t begin, uint32_t end, std::vector<Range>* out) {
  uint32_t i = begin, len = 0;
  auto digit = [&](uint32_t k) { return k < end && std::isdigit(static_cast<unsigned char>(text[k])); };
  while (i < end) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    if (!WordChar(text, i, &len)) {
      out->push_back({i, std::min(end, i + len)});
      i += len;
      continue;
    }
    uint32_t j = i + len;
    while (j < end) {
      if (WordChar(text, j, &len)) {
        j += len;
        continue;
      }
      const char d = text[j];
      uint32_t next_len = 0;
      const bool inner = j + 1 < end && WordChar(text, j + 1, &next_len);
      if (inner && (d == '-' || d == '/' || d == '\'' || ((d == ',' || d == '.') && digit(j - 1) && digit(j + 1)))) {
        ++j;
        continue;
      }
      break;
    }
    out->push_back({i, j});
    i = j;
  }
}

bool IsWord(std::string_view w) {
  uint32_t len = 0;
  return !w.empty() && WordChar(w, 0, &len);
}

bool IsNumber(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
  });
}

// One lexeme of a pattern.
struct Lexeme {
  enum Kind { kOpen, kClose, kBar, kQuant, kSlot, kSlotEnd, kName, kLiteral, kList, kAnchor } kind;
  std::string text;  // name, literal, slot name, quantifier, anchor
};

Status Lex(const std::string& pattern, const std::string& where, std::vector<Lexeme>* out) {
  size_t i = 0;
  auto err = [&](const std::string& what) { return Status::Error(where + ": " + what + " at column " + std::to_string(i + 1)); };
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')' || c == '|' || c == '}') {
      out->push_back({c == '(' ? Lexeme::kOpen : c == ')' ? Lexeme::kClose : c == '|' ? Lexeme::kBar : Lexeme::kSlotEnd, ""});
      ++i;
    } else if (c == '?' || c == '*' || c == '+') {
      out->push_back({Lexeme::kQuant, std::string(1, c)});
      ++i;
    } else if (c == '^' || c == '$') {
      out->push_back({Lexeme::kAnchor, std::string(1, c)});
      ++i;
    } else if (c == '{') {
      size_t j = i + 1;
      while (j < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_')) ++j;
      if (j < pattern.size() && pattern[j] == ':' && j > i + 1 && std::isalpha(static_cast<unsigned char>(pattern[i + 1]))) {
        out->push_back({Lexeme::kSlot, pattern.substr(i + 1, j - i - 1)});
        i = j + 1;
        continue;
      }
      const size_t close = pattern.find('}', i);
      if (close == std::string::npos) return err("unclosed '{'");
      const std::string q = pattern.substr(i, close - i + 1);
      static const RE2 kRepeat(R"(\{\d{1,3}(,\d{0,3})?\})");
      if (!RE2::FullMatch(q, kRepeat)) return err("'{' must open a slot {name: ...} or a repeat {m,n}, not " + q);
      out->push_back({Lexeme::kQuant, q});
      i = close + 1;
    } else if (c == '\'') {
      const size_t close = pattern.find('\'', i + 1);
      if (close == std::string::npos || close == i + 1) return err("unclosed or empty quoted word");
      out->push_back({Lexeme::kLiteral, LowerAscii(pattern.substr(i + 1, close - i - 1))});
      i = close + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      while (j < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_' ||
                                    pattern[j] == '-'))
        ++j;
      std::string word = pattern.substr(i, j - i);
      i = j;
      if (word == "list" && i < pattern.size() && pattern[i] == '(') {
        out->push_back({Lexeme::kList, ""});
        ++i;
      } else if (std::isupper(static_cast<unsigned char>(word[0]))) {
        out->push_back({Lexeme::kName, word});
      } else {
        out->push_back({Lexeme::kLiteral, word});
      }
    } else {
      return err(std::string("unexpected '") + c + "' (quote punctuation: ':')");
    }
  }
  return {};
}

}  // namespace

struct FrameTables {
  struct Frame {
    std::string name, rule;
    bool inherit_award = false;
    size_t inherit_sentences = 0;  // set from the file's when the frame names none
    std::unique_ptr<RE2> re;
    std::vector<std::string> slots;  // capturing group k+1 is slot k
  };
  std::vector<Frame> frames;
  size_t inherit_sentences = 3;  // the file's, for frames that name none
  std::map<std::string, std::vector<std::string>> classes;  // NAME -> phrases; literals as 'word'
  std::map<std::string, std::string> macros;                // NAME -> pattern
  // First word -> (phrase as words, token kind), longest phrase first.
  std::map<std::string, std::vector<std::pair<std::vector<std::string>, char32_t>>> lexicon;
  std::map<char32_t, std::set<std::string>> kind_classes;  // token kind -> the classes it is in
  std::set<char32_t> punct_kinds;                           // kinds whose phrase is punctuation
};

namespace {

// Compiles lexemes [pos, ...) of one pattern into RE2 syntax.
class PatternCompiler {
 public:
  PatternCompiler(const FrameTables& c, std::string where) : c_(c), where_(std::move(where)) {}

  Status Compile(const std::vector<Lexeme>& lexemes, std::string* regex, std::vector<std::string>* slots, int depth) {
    size_t pos = 0;
    slots_ = slots;
    if (Status s = Alternation(lexemes, &pos, regex, depth); !s.ok()) return s;
    if (pos != lexemes.size()) return Error("unexpected ')' or '}'");
    return {};
  }

 private:
  Status Error(const std::string& what) const { return Status::Error(where_ + ": " + what); }

  static std::string KindClass(const std::vector<char32_t>& kinds) {
    std::string out = "[";
    char buf[16];
    for (char32_t k : kinds) {
      std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(k));
      out += buf;
    }
    return out + "]";
  }

  Status Atom(const std::string& name, bool literal, std::string* out, int depth) {
    std::vector<char32_t> kinds;
    if (literal) {
      for (const auto& [kind, classes] : c_.kind_classes)
        if (classes.count("'" + name + "'")) kinds.push_back(kind);
    } else if (name == "ANY") {
      *out += "(?:.)";
      return {};
    } else if (name == "WORD" || name == "NUM") {
      kinds.push_back(name == "WORD" ? kPlainWord : kNumber);
      if (name == "WORD") {
        kinds.push_back(kNumber);
        for (const auto& [kind, classes] : c_.kind_classes)
          if (!c_.punct_kinds.count(kind)) kinds.push_back(kind);
      }
    } else if (name == "PUNCT") {
      kinds.push_back(kPunct);
      kinds.insert(kinds.end(), c_.punct_kinds.begin(), c_.punct_kinds.end());
    } else if (auto macro = c_.macros.find(name); macro != c_.macros.end()) {
      if (depth >= kMaxMacroDepth) return Error("macro " + name + " nests too deep (a cycle?)");
      std::vector<Lexeme> lexemes;
      if (Status s = Lex(macro->second, where_ + ": in " + name, &lexemes); !s.ok()) return s;
      size_t pos = 0;
      std::string inner;
      if (Status s = Alternation(lexemes, &pos, &inner, depth + 1); !s.ok()) return s;
      if (pos != lexemes.size()) return Error("macro " + name + ": unexpected ')' or '}'");
      *out += "(?:" + inner + ")";
      return {};
    } else if (c_.classes.count(name)) {
      for (const auto& [kind, classes] : c_.kind_classes)
        if (classes.count(name)) kinds.push_back(kind);
    } else {
      for (const auto& [atom, type] : kEntityAtoms)
        if (atom == name) kinds.push_back(kEntityBase + static_cast<char32_t>(type));
      if (kinds.empty()) return Error("unknown name " + name + " (not an entity type, WORD, NUM, PUNCT, ANY, class or macro)");
    }
    *out += KindClass(kinds);
    return {};
  }

  Status Alternation(const std::vector<Lexeme>& lx, size_t* pos, std::string* out, int depth) {
    std::string alt;
    if (Status s = Sequence(lx, pos, &alt, depth); !s.ok()) return s;
    while (*pos < lx.size() && lx[*pos].kind == Lexeme::kBar) {
      ++*pos;
      std::string next;
      if (Status s = Sequence(lx, pos, &next, depth); !s.ok()) return s;
      alt += "|" + next;
    }
    *out += alt;
    return {};
  }

  Status Sequence(const std::vector<Lexeme>& lx, size_t* pos, std::string* out, int depth) {
    bool any = false;
    while (*pos < lx.size()) {
      const Lexeme& l = lx[*pos];
      if (l.kind == Lexeme::kBar || l.kind == Lexeme::kClose || l.kind == Lexeme::kSlotEnd) break;
      if (l.kind == Lexeme::kQuant) return Error("'" + l.text + "' repeats nothing");
      ++*pos;
      std::string item;
      if (l.kind == Lexeme::kAnchor) {
        *out += l.text;
        any = true;
        continue;
      }
      if (l.kind == Lexeme::kName || l.kind == Lexeme::kLiteral) {
        if (Status s = Atom(l.text, l.kind == Lexeme::kLiteral, &item, depth); !s.ok()) return s;
      } else {
        // A group, a slot or list(X): what is inside, up to its closing mark.
        const Lexeme::Kind close = l.kind == Lexeme::kSlot ? Lexeme::kSlotEnd : Lexeme::kClose;
        if (l.kind == Lexeme::kSlot) {
          if (std::find(slots_->begin(), slots_->end(), l.text) != slots_->end())
            return Error("slot " + l.text + " twice (alternatives can share one slot around them)");
          slots_->push_back(l.text);
        }
        std::string inner;
        const size_t slots_before = slots_->size();
        if (Status s = Alternation(lx, pos, &inner, depth); !s.ok()) return s;
        if (*pos >= lx.size() || lx[*pos].kind != close)
          return Error(std::string("missing '") + (close == Lexeme::kSlotEnd ? "}" : ")") + "'");
        ++*pos;
        if (l.kind == Lexeme::kSlot) {
          item = "(" + inner + ")";
        } else if (l.kind == Lexeme::kList) {
          // X ((',' JOIN? | JOIN) X)*: "A, B, C dan D", "A dan B", "A, B".
          if (!c_.classes.count("JOIN")) return Error("list() needs a class JOIN (the words that join a list's last item)");
          std::string comma, join;
          if (Status s = Atom(",", true, &comma, depth); !s.ok()) return s;
          if (Status s = Atom("JOIN", false, &join, depth); !s.ok()) return s;
          // Its item is repeated in the regex: a slot inside would be a group twice.
          if (slots_->size() != slots_before) return Error("list() cannot hold a slot: put the slot around it");
          item = "(?:" + inner + ")(?:(?:" + comma + join + "?|" + join + ")(?:" + inner + "))*";
        } else {
          item = "(?:" + inner + ")";
        }
      }
      if (*pos < lx.size() && lx[*pos].kind == Lexeme::kQuant) item = "(?:" + item + ")" + lx[(*pos)++].text;
      *out += item;
      any = true;
    }
    if (!any) return Error("empty pattern or alternative");
    return {};
  }

  const FrameTables& c_;
  std::string where_;
  std::vector<std::string>* slots_ = nullptr;
};

}  // namespace

FrameSet::FrameSet(std::unique_ptr<FrameTables> compiled) : c_(std::move(compiled)) {}
FrameSet::~FrameSet() = default;

Status FrameSet::Load(const RulesDir& dir, std::unique_ptr<FrameSet>* out) {
  const std::string file = "frames.toml";
  const std::string display = RulesDir::Display(file);
  toml::table table;
  if (Status s = ReadToml(dir.Path(file), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"inherit_sentences", "classes", "define", "frame"}, display); !s.ok()) return s;
  auto at = [&](const toml::node& n) { return display + ":" + std::to_string(TomlLine(n)); };
  auto c = std::make_unique<FrameTables>();
  auto sentences = [&](const toml::table& t, size_t* out) -> Status {
    if (const toml::node* n = t.get("inherit_sentences")) {
      if (!n->is_integer() || n->as_integer()->get() < 0)
        return Status::Error(at(*n) + ": inherit_sentences must be a whole number of sentences");
      *out = static_cast<size_t>(n->as_integer()->get());
    }
    return {};
  };
  if (Status s = sentences(table, &c->inherit_sentences); !s.ok()) return s;

  if (const toml::table* classes = table["classes"].as_table()) {
    for (const auto& [key, node] : *classes) {
      const std::string name(key.str());
      if (!std::isupper(static_cast<unsigned char>(name[0])))
        return Status::Error(at(node) + ": class " + name + " must be written in capitals");
      std::vector<std::string> phrases;
      if (Status s = GetStringList(*classes, name, display, &phrases); !s.ok()) return s;
      for (std::string& p : phrases) p = LowerAscii(p);
      c->classes[name] = std::move(phrases);
    }
  }
  if (const toml::table* define = table["define"].as_table()) {
    for (const auto& [key, node] : *define) {
      const std::string name(key.str());
      if (!node.is_string()) return Status::Error(at(node) + ": macro " + name + " must be a pattern string");
      if (c->classes.count(name)) return Status::Error(at(node) + ": " + name + " is both a class and a macro");
      c->macros[name] = node.as_string()->get();
    }
  }

  const toml::array* frames = table["frame"].as_array();
  if (!frames) return Status::Error(display + ": no [[frame]] tables");
  // First pass: the literal words patterns use become classes of their own,
  // so that a word's token kind knows every class and literal it stands for.
  std::vector<std::vector<Lexeme>> lexed;
  for (const toml::node& node : *frames) {
    const toml::table* frame = node.as_table();
    if (!frame) return Status::Error(at(node) + ": a frame must be a table");
    if (Status s = CheckKeys(*frame, {"name", "pattern", "inherit", "inherit_sentences", "examples"}, display); !s.ok()) return s;
    std::string name, pattern;
    if (Status s = GetString(*frame, "name", display, &name); !s.ok()) return s;
    if (Status s = GetString(*frame, "pattern", display, &pattern); !s.ok()) return s;
    lexed.emplace_back();
    if (Status s = Lex(pattern, at(node) + ": frame " + name, &lexed.back()); !s.ok()) return s;
  }
  auto add_literals = [&](const std::vector<Lexeme>& lexemes) {
    for (const Lexeme& l : lexemes)
      if (l.kind == Lexeme::kLiteral) c->classes["'" + l.text + "'"] = {l.text};
  };
  for (const auto& lexemes : lexed) add_literals(lexemes);
  for (const auto& [name, pattern] : c->macros) {
    std::vector<Lexeme> lexemes;
    if (Status s = Lex(pattern, display + ": macro " + name, &lexemes); !s.ok()) return s;
    add_literals(lexemes);
  }
  if (c->classes.count("JOIN")) c->classes["','"] = {","};

  // Token kinds: one per distinct set of classes a phrase is in.
  std::map<std::string, std::set<std::string>> phrase_classes;
  for (const auto& [name, phrases] : c->classes)
    for (const std::string& p : phrases) phrase_classes[p].insert(name);
  std::map<std::set<std::string>, char32_t> kinds;
  for (const auto& [phrase, classes] : phrase_classes) {
    auto [it, added] = kinds.emplace(classes, kFirstClassSet + static_cast<char32_t>(kinds.size()));
    if (added) c->kind_classes[it->second] = classes;
    std::vector<Range> words;
    SplitWords(phrase, 0, static_cast<uint32_t>(phrase.size()), &words);
    std::vector<std::string> split;
    for (const Range& w : words) split.push_back(phrase.substr(w.begin, w.end - w.begin));
    if (split.empty()) return Status::Error(display + ": class phrase \"" + phrase + "\" has no words");
    if (split.size() == 1 && !IsWord(phrase)) c->punct_kinds.insert(it->second);
    c->lexicon[split.front()].emplace_back(std::move(split), it->second);
  }
  for (auto& [first, phrases] : c->lexicon)
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  if (c->kind_classes.size() > 0x1800 - (kFirstClassSet - 0xE000))
    return Status::Error(display + ": too many distinct word classes");

  std::vector<FrameExample> examples;
  RE2::Options options;
  options.set_log_errors(false);
  for (size_t i = 0; i < frames->size(); ++i) {
    const toml::node& node = *frames->get(i);
    const toml::table& frame = *node.as_table();
    FrameTables::Frame f;
    f.name = frame["name"].as_string()->get();
    f.rule = at(node);
    const std::string where = at(node) + ": frame " + f.name;
    for (const FrameTables::Frame& other : c->frames)
      if (other.name == f.name) return Status::Error(where + ": a frame of this name already stands at " + other.rule);
    if (frame.contains("inherit")) {
      std::vector<std::string> inherit;
      if (Status s = GetStringList(frame, "inherit", display, &inherit); !s.ok()) return s;
      for (const std::string& what : inherit) {
        if (what != "award") return Status::Error(where + ": inherit can name only \"award\", not \"" + what + "\"");
        f.inherit_award = true;
      }
    }
    f.inherit_sentences = c->inherit_sentences;
    if (Status s = sentences(frame, &f.inherit_sentences); !s.ok()) return s;
    std::string regex;
    PatternCompiler compiler(*c, where);
    if (Status s = compiler.Compile(lexed[i], &regex, &f.slots, 0); !s.ok()) return s;
    auto has = [&](const char* slot) { return std::find(f.slots.begin(), f.slots.end(), slot) != f.slots.end(); };
    for (const std::string& slot : f.slots)
      if (slot != "recipients" && slot != "antecedent" && slot != "award" && slot != "awards" && slot != "tiers")
        return Status::Error(where + ": unknown slot " + slot + " (recipients, antecedent, award, awards, tiers)");
    if (!has("recipients") && !has("antecedent"))
      return Status::Error(where + ": a frame needs a {recipients: ...} or {antecedent: ...} slot");
    if (!f.inherit_award && !has("award") && !has("awards"))
      return Status::Error(where + ": a frame needs an {award: ...} slot or inherit = [\"award\"]");
    f.re = std::make_unique<RE2>(regex, options);
    if (!f.re->ok()) return Status::Error(where + ": pattern does not compile: " + f.re->error());
    if (const toml::node* list = frame.get("examples")) {
      const toml::array* array = list->as_array();
      if (!array || array->empty()) return Status::Error(where + ": examples must be a list of {text, records} tables");
      for (const toml::node& e : *array) {
        const toml::table* ex = e.as_table();
        const std::string ex_where = at(e) + ": frame " + f.name;
        if (!ex) return Status::Error(ex_where + ": an example must be a table {text = ..., records = [...]}");
        if (Status s = CheckKeys(*ex, {"text", "records"}, display); !s.ok()) return s;
        FrameExample example{ex_where, "", {}};
        if (Status s = GetString(*ex, "text", display, &example.text); !s.ok()) return s;
        if (ex->contains("records")) {
          const toml::array* records = (*ex)["records"].as_array();
          if (!records) return Status::Error(ex_where + ": records must be a list of \"Award: Recipient\" strings");
          for (const toml::node& r : *records) {
            if (!r.is_string()) return Status::Error(ex_where + ": records must be a list of \"Award: Recipient\" strings");
            example.records.push_back(r.as_string()->get());
          }
        }
        examples.push_back(std::move(example));
      }
    } else {
      return Status::Error(where + ": a frame needs examples (sentences and the records they give)");
    }
    c->frames.push_back(std::move(f));
  }
  out->reset(new FrameSet(std::move(c)));
  (*out)->examples_ = std::move(examples);
  return {};
}

std::vector<FrameToken> FrameSet::Tokenize(std::string_view text, Range sentence,
                                           const std::vector<const Entity*>& entities) const {
  struct Raw {
    Range range;
    const Entity* entity;
    std::string lower;
  };
  std::vector<Raw> raw;
  uint32_t at = sentence.begin;
  std::vector<Range> words;
  auto words_until = [&](uint32_t end) {
    words.clear();
    SplitWords(text, at, end, &words);
    for (const Range& w : words) raw.push_back({w, nullptr, LowerAscii(text.substr(w.begin, w.end - w.begin))});
  };
  for (const Entity* e : entities) {
    if (e->range.begin < at) continue;
    words_until(e->range.begin);
    raw.push_back({e->range, e, ""});
    at = e->range.end;
  }
  words_until(sentence.end);

  std::vector<FrameToken> tokens;
  for (size_t i = 0; i < raw.size();) {
    if (raw[i].entity) {
      tokens.push_back({raw[i].range, raw[i].entity,
                        kEntityBase + static_cast<char32_t>(raw[i].entity->type)});
      ++i;
      continue;
    }
    size_t taken = 1;
    char32_t kind = IsNumber(raw[i].lower) ? kNumber : IsWord(raw[i].lower) ? kPlainWord : kPunct;
    if (auto it = c_->lexicon.find(raw[i].lower); it != c_->lexicon.end()) {
      for (const auto& [phrase, phrase_kind] : it->second) {
        if (i + phrase.size() > raw.size()) continue;
        bool same = true;
        for (size_t w = 1; w < phrase.size() && same; ++w) same = !raw[i + w].entity && raw[i + w].lower == phrase[w];
        if (same) {
          taken = phrase.size();
          kind = phrase_kind;
          break;
        }
      }
    }
    tokens.push_back({{raw[i].range.begin, raw[i + taken - 1].range.end}, nullptr, kind});
    i += taken;
  }
  return tokens;
}

std::vector<FrameMatch> FrameSet::Match(const std::vector<FrameToken>& tokens) const {
  std::string coded;
  coded.reserve(tokens.size() * kTokenBytes);
  for (const FrameToken& t : tokens) AppendUtf8(t.kind, &coded);
  std::vector<FrameMatch> matches;
  std::vector<re2::StringPiece> groups;
  for (size_t f = 0; f < c_->frames.size(); ++f) {
    const FrameTables::Frame& frame = c_->frames[f];
    groups.assign(frame.slots.size() + 1, {});
    size_t pos = 0;
    while (pos <= coded.size() &&
           frame.re->Match(coded, pos, coded.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
      auto token_at = [&](const char* p) { return static_cast<size_t>(p - coded.data()) / kTokenBytes; };
      FrameMatch m;
      m.frame = f;
      m.begin = token_at(groups[0].data());
      m.end = token_at(groups[0].data() + groups[0].size());
      for (size_t k = 0; k < frame.slots.size(); ++k)
        if (groups[k + 1].data())
          m.slots.push_back({frame.slots[k], token_at(groups[k + 1].data()),
                             token_at(groups[k + 1].data() + groups[k + 1].size())});
      const size_t next = groups[0].data() - coded.data() + std::max<size_t>(groups[0].size(), kTokenBytes);
      // A frame above has the tokens first: a match overlapping one of its is dropped.
      const bool overlaps = std::any_of(matches.begin(), matches.end(), [&](const FrameMatch& o) {
        return o.frame != f && o.begin < m.end && m.begin < o.end;
      });
      if (m.end > m.begin && !overlaps) matches.push_back(std::move(m));
      pos = next;
    }
  }
  return matches;
}

const std::string& FrameSet::name(size_t frame) const { return c_->frames[frame].name; }
const std::string& FrameSet::rule(size_t frame) const { return c_->frames[frame].rule; }
bool FrameSet::inherits_award(size_t frame) const { return c_->frames[frame].inherit_award; }
size_t FrameSet::inherit_sentences(size_t frame) const { return c_->frames[frame].inherit_sentences; }

}  // namespace warta
