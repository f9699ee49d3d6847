#include "normalize/normalize.h"

#include <libxml/HTMLparser.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <re2/set.h>

#include "core/utf8.h"

namespace warta {
namespace {

// ---------------------------------------------------------------- characters

// Writes the working text: collapses spaces, turns line breaks into "\n"
// (one) or "\n\n" (two or more: a block break), and records where every
// written byte came from.
class TextWriter {
 public:
  TextWriter(std::string* text, OffsetMap* map) : text_(text), map_(map) {}

  void Put(char32_t c, uint32_t ob, uint32_t oe) {
    if (c == '\n') {
      if (newlines_++ == 0) { nl_begin_ = ob; nl_end_ = oe; }
      has_space_ = false;
      return;
    }
    if (c == ' ') {
      if (!has_space_) { sp_begin_ = ob; sp_end_ = oe; has_space_ = true; }
      return;
    }
    if (!text_->empty()) {
      if (newlines_ > 0) {
        Write(newlines_ > 1 ? "\n\n" : "\n", nl_begin_, nl_end_);
      } else if (has_space_) {
        Write(" ", sp_begin_, sp_end_);
      }
    }
    newlines_ = 0;
    has_space_ = false;
    const size_t before = text_->size();
    AppendUtf8(c, text_);
    map_->Append(text_->size() - before, ob, oe);
  }

 private:
  void Write(std::string_view s, uint32_t ob, uint32_t oe) {
    text_->append(s);
    map_->Append(s.size(), ob, oe);
  }

  std::string* text_;
  OffsetMap* map_;
  int newlines_ = 0;
  bool has_space_ = false;
  uint32_t nl_begin_ = 0, nl_end_ = 0, sp_begin_ = 0, sp_end_ = 0;
};

// What a character becomes in the working text: itself, a space, a line
// break, or nothing.
char32_t Classify(char32_t c) {
  switch (c) {
    case '\n': case '\r': case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
      return '\n';
    case '\t': case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return ' ';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return 0;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;  // control characters, NUL
  return c;
}

// NFKC applied per normalisation segment, so each output character keeps
// the original range of the segment it came from.
class NfkcStage {
 public:
  NfkcStage(const icu::Normalizer2* nfkc, TextWriter* out) : nfkc_(nfkc), out_(out) {}

  void Put(char32_t c, uint32_t ob, uint32_t oe) {
    if (!pending_.empty() && nfkc_->hasBoundaryBefore(c)) Flush();
    pending_.push_back({c, ob, oe});
    if (nfkc_->isInert(c)) Flush();
  }

  void Flush() {
    if (pending_.empty()) return;
    icu::UnicodeString segment;
    for (const Pending& p : pending_) segment.append(static_cast<UChar32>(p.c));
    UErrorCode status = U_ZERO_ERROR;
    if (nfkc_->isNormalized(segment, status) && U_SUCCESS(status)) {
      for (const Pending& p : pending_) Emit(p.c, p.ob, p.oe);
    } else {
      status = U_ZERO_ERROR;
      icu::UnicodeString normalized = nfkc_->normalize(segment, status);
      const uint32_t ob = pending_.front().ob, oe = pending_.back().oe;
      for (int32_t i = 0; i < normalized.length();) {
        UChar32 n = normalized.char32At(i);
        Emit(n, ob, oe);
        i += U16_LENGTH(n);
      }
    }
    pending_.clear();
  }

 private:
  struct Pending {
    char32_t c;
    uint32_t ob, oe;
  };
  void Emit(char32_t c, uint32_t ob, uint32_t oe) {
    char32_t k = Classify(c);
    if (k) out_->Put(k, ob, oe);
  }

  const icu::Normalizer2* nfkc_;
  TextWriter* out_;
  std::vector<Pending> pending_;
};

// Decodes an HTML character reference starting at s[i] == '&'. Returns the
// number of bytes consumed (0 when it is not a reference) and the character.
size_t DecodeEntity(std::string_view s, size_t i, char32_t* c) {
  const size_t limit = std::min(s.size(), i + 12);
  size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi >= limit || semi < i + 3) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    uint32_t v = 0;
    for (char d : digits) {
      int k = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(d)) ? (std::tolower(d) - 'a' + 10) : -1;
      if (k < 0 || v > 0x10FFFF) return 0;
      v = v * (hex ? 16 : 10) + k;
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *c = v;
    return semi - i + 1;
  }
  std::string name(body);
  const htmlEntityDesc* desc = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  if (!desc) return 0;
  *c = desc->value;
  return semi - i + 1;
}

// ---------------------------------------------------------------- lines

enum class Action { kRest, kLine, kSpan };  // in order of precedence

struct BoilerplateRule {
  std::string name;
  Action action;
  std::unique_ptr<RE2> re;
  std::unique_ptr<RE2> then;  // lines after a dropped line that go with it
};

struct Line {
  size_t begin, end;  // working-text bytes, without the line break
};

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back({pos, nl});
    pos = nl + 1;
  }
  return lines;
}

}  // namespace

struct Normalizer::Rules {
  const icu::Normalizer2* nfkc = nullptr;
  std::vector<BoilerplateRule> boilerplate;
  std::unique_ptr<RE2::Set> trigger;  // which boilerplate rules may match a line
  int title_window = 8;               // lines at the top searched for title copies
};

Status Normalizer::Load(const RulesDir& dir, std::unique_ptr<Normalizer>* out) {
  auto rules = std::make_unique<Rules>();
  UErrorCode status = U_ZERO_ERROR;
  rules->nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return Status::Error(std::string("ICU NFKC: ") + u_errorName(status));

  const std::string file = "boilerplate.toml";
  const std::string display = RulesDir::Display(file);
  toml::table table;
  if (Status s = ReadToml(dir.Path(file), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"title_window", "rule"}, display); !s.ok()) return s;
  if (auto w = table["title_window"].value<int64_t>()) rules->title_window = static_cast<int>(*w);

  RE2::Options options;
  options.set_log_errors(false);
  rules->trigger = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  const toml::array* list = table["rule"].as_array();
  if (!list && table.contains("rule")) return Status::Error(display + ": \"rule\" must be [[rule]] tables");
  static const toml::array kNoRules;
  for (const toml::node& node : list ? *list : kNoRules) {
    const toml::table* rule = node.as_table();
    const std::string at = display + ":" + std::to_string(TomlLine(node));
    if (!rule) return Status::Error(at + ": a rule must be a table");
    if (Status s = CheckKeys(*rule, {"name", "pattern", "action", "then"}, display); !s.ok()) return s;
    BoilerplateRule r;
    std::string pattern, action;
    if (Status s = GetString(*rule, "name", display, &r.name); !s.ok()) return s;
    if (Status s = GetString(*rule, "pattern", display, &pattern); !s.ok()) return s;
    if (Status s = GetString(*rule, "action", display, &action); !s.ok()) return s;
    for (const BoilerplateRule& other : rules->boilerplate)
      if (other.name == r.name) return Status::Error(at + ": duplicate rule name \"" + r.name + "\"");
    if (action == "line") r.action = Action::kLine;
    else if (action == "rest") r.action = Action::kRest;
    else if (action == "span") r.action = Action::kSpan;
    else return Status::Error(at + ": action must be line, rest or span, not \"" + action + "\"");
    if (Status s = CompileRule(pattern, options, at + ": rule \"" + r.name + "\"", &r.re); !s.ok()) return s;
    if (rule->contains("then")) {
      std::string then;
      if (Status s = GetString(*rule, "then", display, &then); !s.ok()) return s;
      if (r.action != Action::kLine) return Status::Error(at + ": \"then\" goes with action \"line\"");
      if (Status s = CompileRule(then, options, at + ": rule \"" + r.name + "\" then", &r.then); !s.ok()) return s;
    }
    std::string error;
    if (rules->trigger->Add(pattern, &error) < 0) return Status::Error(at + ": bad regex: " + error);
    rules->boilerplate.push_back(std::move(r));
  }
  if (!rules->trigger->Compile()) return Status::Error(display + ": rules too large to compile");
  out->reset(new Normalizer(std::move(rules)));
  return {};
}

Normalizer::Normalizer(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
Normalizer::~Normalizer() = default;

void Normalizer::Process(Document* doc) const {
  // Character pass.
  std::string chars;
  OffsetMap chars_map;
  chars.reserve(doc->original.size());
  chars_map.Reserve(doc->original.size());
  TextWriter writer(&chars, &chars_map);
  NfkcStage nfkc(rules_->nfkc, &writer);
  const std::string_view in = doc->original;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
  uint32_t cp = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(in.size()); i < n;) {
    UChar32 c;
    if (in[i] == '&') {
      char32_t decoded;
      if (size_t used = DecodeEntity(in, i, &decoded)) {
        nfkc.Put(decoded, cp, cp + static_cast<uint32_t>(used));  // entities are ASCII
        cp += static_cast<uint32_t>(used);
        i += static_cast<int32_t>(used);
        continue;
      }
    }
    U8_NEXT(bytes, i, n, c);
    if (c < 0) c = 0xFFFD;  // ingest guarantees valid UTF-8; stay safe anyway
    if (c == '\r' && i < n && in[i] == '\n') {  // CRLF is one line break
      ++cp;
      continue;
    }
    nfkc.Put(c, cp, cp + 1);
    ++cp;
  }
  nfkc.Flush();

  // Line pass: drop boilerplate lines and spans, then title copies at the top.
  std::vector<Line> lines = SplitLines(chars);
  std::vector<std::vector<Line>> kept_pieces(lines.size());
  std::vector<int> matched;
  size_t end_line = lines.size();
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    std::string_view text(chars.data() + line.begin, line.end - line.begin);
    kept_pieces[k].push_back(line);
    if (text.empty()) continue;
    matched.clear();
    if (!rules_->trigger->Match(text, &matched)) continue;
    // A footer ends the article whatever else matched; then whole lines, then spans.
    std::sort(matched.begin(), matched.end(), [&](int a, int b) {
      return std::pair(rules_->boilerplate[a].action, a) < std::pair(rules_->boilerplate[b].action, b);
    });
    for (int id : matched) {
      const BoilerplateRule& rule = rules_->boilerplate[id];
      if (rule.action == Action::kRest) {
        end_line = k;
        break;
      }
      if (rule.action == Action::kLine) {
        kept_pieces[k].clear();
        // Lines that belong to the dropped one, blank lines between them included.
        for (size_t next = k + 1; rule.then && next < lines.size(); ++next) {
          std::string_view following(chars.data() + lines[next].begin, lines[next].end - lines[next].begin);
          if (!following.empty() && !RE2::PartialMatch(following, *rule.then)) break;
          kept_pieces[next].clear();
          k = next;
        }
        break;
      }
      // kSpan: cut every match out of the pieces that are left.
      std::vector<Line> pieces;
      for (const Line& piece : kept_pieces[k]) {
        std::string_view rest(chars.data() + piece.begin, piece.end - piece.begin);
        size_t at = piece.begin;
        re2::StringPiece m;
        while (!rest.empty() && rule.re->Match(rest, 0, rest.size(), RE2::UNANCHORED, &m, 1) && !m.empty()) {
          const size_t mb = m.data() - chars.data();
          if (mb > at) pieces.push_back({at, mb});
          at = mb + m.size();
          rest = std::string_view(chars.data() + at, piece.end - at);
        }
        if (piece.end > at) pieces.push_back({at, piece.end});
      }
      kept_pieces[k] = std::move(pieces);
    }
    if (end_line != lines.size()) break;
  }

  // Pages repeat the title (and other header lines) at the top: keep the first copy.
  std::vector<std::string_view> top;
  for (size_t k = 0; k < end_line && top.size() < static_cast<size_t>(rules_->title_window); ++k) {
    std::string_view line(chars.data() + lines[k].begin, lines[k].end - lines[k].begin);
    if (line.empty()) continue;
    if (std::find(top.begin(), top.end(), line) != top.end()) kept_pieces[k].clear();
    top.push_back(line);
  }

  // Rebuild: kept lines, block breaks kept, runs of dropped lines removed.
  doc->text.clear();
  doc->map.Clear();
  doc->text.reserve(chars.size());
  doc->map.Reserve(chars.size());
  bool pending_break = false, pending_block = false;
  size_t break_at = 0;
  for (size_t k = 0; k < end_line; ++k) {
    const bool blank = lines[k].begin == lines[k].end;
    size_t written = 0;
    for (const Line& piece : kept_pieces[k]) {
      // Spaces left at the cut edges of a span go.
      size_t b = piece.begin, e = piece.end;
      while (b < e && chars[b] == ' ') ++b;
      while (e > b && chars[e - 1] == ' ') --e;
      if (b == e) continue;
      if (written == 0 && !doc->text.empty() && pending_break) {
        const std::string_view brk = pending_block ? "\n\n" : "\n";
        doc->text.append(brk);
        doc->map.Append(brk.size(), chars_map.OrigBegin(break_at), chars_map.OrigEnd(break_at));
      } else if (written > 0) {
        doc->text.push_back(' ');
        doc->map.Append(1, chars_map.OrigBegin(b), chars_map.OrigBegin(b));
      }
      doc->text.append(chars, b, e - b);
      doc->map.AppendFrom(chars_map, b, e);
      ++written;
    }
    if (written > 0) {
      pending_break = false;
      pending_block = false;
    }
    if (lines[k].end < chars.size()) {  // the line's own break
      if (!pending_break) break_at = lines[k].end;
      pending_break = true;
      pending_block = pending_block || blank;
    }
  }
}

}  // namespace warta
