#include "normalize/normalize.h"

#include <libxml/HTMLparser.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <re2/set.h>

#include "core/regex.h"
#include "core/utf8.h"
#include "normalize/mojibake.h"

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

  // Printable ASCII starting at original code point `cp`: the same as Put
  // per character. Words with single spaces between them are copied whole,
  // as Put would write them; spaces at the start or end of the run, and two
  // or more in a row, go through Put, which collapses them.
  void PutAscii(std::string_view run, uint32_t cp) {
    for (size_t i = 0; i < run.size();) {
      if (run[i] == ' ') {
        Put(' ', cp + i, cp + i + 1);
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < run.size() && !(run[j] == ' ' && (j + 1 == run.size() || run[j + 1] == ' '))) ++j;
      Put(static_cast<unsigned char>(run[i]), cp + i, cp + i + 1);  // writes the break or space before it
      text_->append(run.data() + i + 1, j - i - 1);
      map_->AppendCopied(j - i - 1, cp + i + 1);
      i = j;
    }
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

  // Printable ASCII that no following character can combine with is its
  // own NFKC form and segment.
  void PutAscii(std::string_view run, uint32_t cp) {
    Flush();
    out_->PutAscii(run, cp);
  }

  void Flush() {
    if (pending_.empty()) return;
    if (pending_.size() == 1 && pending_[0].c < 0x80) {  // one ASCII character is normalised: skip ICU
      Emit(pending_[0].c, pending_[0].ob, pending_[0].oe);
      pending_.clear();
      return;
    }
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

// Line rules in order of precedence, then the rewrites that run before
// them (break, unwrap) and after them (join).
enum class Action { kRest, kLine, kSpan, kBreak, kUnwrap, kJoin };

struct BoilerplateRule {
  std::string name;
  Action action;
  std::unique_ptr<Regex> re;
  std::unique_ptr<RE2> then;       // lines after a dropped line that go with it
  std::unique_ptr<RE2> multiline;  // break, unwrap: `re` over a whole text, to find the lines it matches
};

// ---------------------------------------------------------------- rewrites

// Working text with its offset map, as the rewrite pass hands it on.
struct Mapped {
  std::string text;
  OffsetMap map;
};

// Appends pieces of a mapped text. Cutting markup out leaves spaces where
// they do not belong; they go: none at the start or end of a line, never
// two in a row. A break at the end of a line is that line's break.
class PieceWriter {
 public:
  explicit PieceWriter(Mapped* out) : out_(out) {}

  // The text between the edges of [b, e) is already normalised (single
  // spaces, none next to a line break), so it is copied as it is.
  void Copy(const Mapped& in, size_t b, size_t e) {
    for (; b < e; ++b) {
      if (in.text[b] == ' ') Space(in.map.OrigBegin(b), in.map.OrigEnd(b));
      else if (in.text[b] == '\n' && just_broke_) just_broke_ = false;
      else break;
    }
    if (b == e) return;
    const bool trailing_space = in.text[e - 1] == ' ';
    const size_t end = trailing_space ? e - 1 : e;
    if (space_ && in.text[b] != '\n' && !out_->text.empty() && out_->text.back() != '\n') {
      out_->text.push_back(' ');
      out_->map.Append(1, space_begin_, space_end_);
    }
    space_ = false;
    just_broke_ = false;
    out_->text.append(in.text, b, end - b);
    out_->map.AppendFrom(in.map, b, end);
    if (trailing_space) Space(in.map.OrigBegin(end), in.map.OrigEnd(end));
  }

  // A space standing for original code points [ob, oe), written only
  // between two words.
  void Space(uint32_t ob, uint32_t oe) {
    if (space_) return;
    space_ = true;
    space_begin_ = ob;
    space_end_ = oe;
  }

  // A paragraph break standing for original code points [ob, oe).
  void Break(uint32_t ob, uint32_t oe) {
    space_ = false;
    if (out_->text.empty() || out_->text.back() == '\n') return;
    out_->text.push_back('\n');
    out_->map.Append(1, ob, oe);
    just_broke_ = true;
  }

 private:
  Mapped* out_;
  bool space_ = false, just_broke_ = false;
  uint32_t space_begin_ = 0, space_end_ = 0;
};

// Applies a break, unwrap or join rule to `in`: break and unwrap line by
// line, join on the whole text (its groups are line breaks). Returns false
// when the rule matched nowhere (and `out` is then incomplete).
bool Rewrite(const BoilerplateRule& rule, const Mapped& in, Mapped* out) {
  out->text.clear();
  out->map.Clear();
  out->text.reserve(in.text.size());
  PieceWriter writer(out);
  std::vector<re2::StringPiece> groups(rule.re->utf8().NumberOfCapturingGroups() + 1);
  bool matched = false;
  const char* base = in.text.data();
  size_t line_begin = 0;
  while (line_begin <= in.text.size()) {
    if (rule.multiline) {  // skip to the line of the next match
      re2::StringPiece next;
      if (!rule.multiline->Match(in.text, line_begin, in.text.size(), RE2::UNANCHORED, &next, 1)) break;
      const size_t at = next.data() - base, nl = in.text.rfind('\n', at);
      const size_t start = at == 0 || nl == std::string::npos || nl < line_begin ? line_begin : nl + 1;
      writer.Copy(in, line_begin, start);
      line_begin = start;
    }
    size_t line_end = rule.action == Action::kJoin ? std::string::npos : in.text.find('\n', line_begin);
    if (line_end == std::string::npos) line_end = in.text.size();
    const std::string_view line(base + line_begin, line_end - line_begin);
    const bool ascii = IsAscii(line);
    const size_t written = out->text.size();
    size_t copied = line_begin;
    for (size_t from = 0; from <= line.size() &&
                          rule.re->Match(line, from, ascii, RE2::UNANCHORED, groups.data(),
                                         static_cast<int>(groups.size()));) {
      matched = true;
      const size_t mb = groups[0].data() - base, me = mb + groups[0].size();
      from = (me > mb ? me : me + 1) - line_begin;
      if (rule.action == Action::kUnwrap) writer.Copy(in, copied, mb);
      for (size_t k = 1; k < groups.size(); ++k) {
        if (!groups[k].data()) continue;  // in an alternative that did not match
        const size_t gb = groups[k].data() - base, ge = gb + groups[k].size();
        if (rule.action == Action::kUnwrap) {
          writer.Copy(in, gb, ge);
          continue;
        }
        writer.Copy(in, copied, gb);
        const uint32_t ob = in.map.OrigBegin(gb), oe = ge > gb ? in.map.OrigEnd(ge - 1) : ob;
        if (rule.action == Action::kBreak) writer.Break(ob, oe);
        else writer.Space(ob, oe);
        copied = ge;
      }
      if (rule.action == Action::kUnwrap) copied = me;
    }
    writer.Copy(in, copied, line_end);
    // A line the rule emptied goes with its break, so that it does not turn
    // into a blank line between blocks.
    if (line_end < in.text.size() && (line.empty() || out->text.size() > written)) writer.Copy(in, line_end, line_end + 1);
    line_begin = line_end + 1;
  }
  if (line_begin <= in.text.size()) writer.Copy(in, line_begin, in.text.size());
  return matched;
}

// Rewrite rules of one pass, in file order, with a set that tells which may
// match a text.
struct RewritePass {
  std::vector<BoilerplateRule> rules;
  std::unique_ptr<RuleSet> trigger;

  // `known`: the rules that may match `text`, when the caller has them.
  void Run(Mapped* text, const std::vector<int>* known = nullptr) const {
    std::vector<int> matched;
    if (known) matched = *known;
    Mapped next;
    bool stale = !known;
    for (size_t id = 0; id < rules.size(); ++id) {
      if (stale) {  // a rewrite can make a later rule match (a break puts a line start before "Baca juga")
        trigger->Match(text->text, &matched);
        stale = false;
      }
      if (!std::binary_search(matched.begin(), matched.end(), static_cast<int>(id))) continue;
      if (Rewrite(rules[id], *text, &next)) {
        std::swap(*text, next);
        stale = true;
      }
    }
  }
};

struct Line {
  size_t begin, end;  // working-text bytes, without the line break
};

bool IsPlainAscii(uint8_t b) { return b >= 0x20 && b < 0x7F && b != '&'; }

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
  std::unique_ptr<MojibakeTables> mojibake;
  std::vector<BoilerplateRule> boilerplate;  // line rules: rest, line, span
  // Which line rules (their ids) and join rules (ids after them) may match
  // some line of a text ((?m)): one pass for both, since the join rules'
  // part still holds when the line pass leaves the text as it was.
  std::unique_ptr<RuleSet> line_then_after;
  RewritePass before_lines;                  // break and unwrap
  RewritePass after_lines;                   // join
  int title_window = 8;                      // lines at the top searched for title copies
  int body_words = 12;                       // words that make a line a body paragraph
};

Status Normalizer::Load(const RulesDir& dir, std::unique_ptr<Normalizer>* out) {
  auto rules = std::make_unique<Rules>();
  UErrorCode status = U_ZERO_ERROR;
  rules->nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return Status::Error(std::string("ICU NFKC: ") + u_errorName(status));
  if (Status s = MojibakeTables::Load(&rules->mojibake); !s.ok()) return s;

  const std::string file = "boilerplate.toml";
  const std::string display = RulesDir::Display(file);
  toml::table table;
  if (Status s = ReadToml(dir.Path(file), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"title_window", "body_words", "rule"}, display); !s.ok()) return s;
  if (auto w = table["title_window"].value<int64_t>()) rules->title_window = static_cast<int>(*w);
  if (auto w = table["body_words"].value<int64_t>()) rules->body_words = static_cast<int>(*w);

  RE2::Options options;
  options.set_log_errors(false);
  rules->line_then_after = std::make_unique<RuleSet>(options);
  std::vector<std::string> after_patterns;
  for (RewritePass* pass : {&rules->before_lines, &rules->after_lines})
    pass->trigger = std::make_unique<RuleSet>(options);
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
    for (const auto* list : {&rules->boilerplate, &rules->before_lines.rules, &rules->after_lines.rules})
      for (const BoilerplateRule& other : *list)
        if (other.name == r.name) return Status::Error(at + ": duplicate rule name \"" + r.name + "\"");
    if (action == "line") r.action = Action::kLine;
    else if (action == "rest") r.action = Action::kRest;
    else if (action == "span") r.action = Action::kSpan;
    else if (action == "break") r.action = Action::kBreak;
    else if (action == "unwrap") r.action = Action::kUnwrap;
    else if (action == "join") r.action = Action::kJoin;
    else return Status::Error(at + ": action must be line, rest, span, break, unwrap or join, not \"" + action + "\"");
    if (Status s = Regex::Compile(pattern, options, at + ": rule \"" + r.name + "\"", &r.re); !s.ok()) return s;
    if ((r.action == Action::kBreak || r.action == Action::kJoin) && r.re->utf8().NumberOfCapturingGroups() == 0)
      return Status::Error(at + ": rule \"" + r.name + "\": action \"" + action + "\" needs a group (the text it replaces)");
    if (rule->contains("then")) {
      std::string then;
      if (Status s = GetString(*rule, "then", display, &then); !s.ok()) return s;
      if (r.action != Action::kLine) return Status::Error(at + ": \"then\" goes with action \"line\"");
      if (Status s = CompileRule(then, options, at + ": rule \"" + r.name + "\" then", &r.then); !s.ok()) return s;
    }
    std::string error;
    if (r.action == Action::kBreak || r.action == Action::kUnwrap || r.action == Action::kJoin) {
      RewritePass& pass = r.action == Action::kJoin ? rules->after_lines : rules->before_lines;
      // The set sees the whole text, so ^ and $ must mean a line's ends.
      const std::string in_set = "(?m)" + pattern;
      if (!pass.trigger->Add(in_set, &error)) return Status::Error(at + ": bad regex: " + error);
      if (r.action == Action::kJoin) {
        after_patterns.push_back(in_set);
      } else if (Status s = CompileRule("(?m)" + pattern, options, at + ": rule \"" + r.name + "\"", &r.multiline);
                 !s.ok()) {
        return s;
      }
      pass.rules.push_back(std::move(r));
      continue;
    }
    if (!rules->line_then_after->Add("(?m)" + pattern, &error)) return Status::Error(at + ": bad regex: " + error);
    rules->boilerplate.push_back(std::move(r));
  }
  for (const std::string& pattern : after_patterns) rules->line_then_after->Add(pattern, nullptr);  // taken above
  if (!rules->line_then_after->Compile() || !rules->before_lines.trigger->Compile() || !rules->after_lines.trigger->Compile())
    return Status::Error(display + ": rules too large to compile");
  out->reset(new Normalizer(std::move(rules)));
  return {};
}

Normalizer::Normalizer(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
Normalizer::~Normalizer() = default;

void Normalizer::Process(Document* doc) const {
  // Character pass.
  Mapped current;
  current.text.reserve(doc->original.size());
  TextWriter writer(&current.text, &current.map);
  NfkcStage nfkc(rules_->nfkc, &writer);
  const MojibakeTables::Page page = rules_->mojibake->Detect(doc->original);
  MojibakeRepair<NfkcStage> repair(*rules_->mojibake, page, &nfkc);
  const std::string_view in = doc->original;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
  uint32_t cp = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(in.size()); i < n;) {
    UChar32 c;
    if (in[i] == '&') {
      char32_t decoded;
      if (size_t used = DecodeEntity(in, i, &decoded)) {
        repair.Put(decoded, cp, cp + static_cast<uint32_t>(used));  // entities are ASCII
        cp += static_cast<uint32_t>(used);
        i += static_cast<int32_t>(used);
        continue;
      }
    }
    // Printable ASCII other than '&' passes the repair, NFKC and Classify
    // unchanged, so runs of it skip the per-character stages. A run's last
    // character goes the slow way when a non-ASCII character or an entity
    // follows, since that may combine with it.
    if (IsPlainAscii(bytes[i])) {
      int32_t j = i + 1;
      while (j < n && IsPlainAscii(bytes[j])) ++j;
      const int32_t fast_end = j == n || (bytes[j] < 0x80 && bytes[j] != '&') ? j : j - 1;
      if (fast_end > i) {
        repair.PutAscii(in.substr(i, fast_end - i), cp);
        cp += static_cast<uint32_t>(fast_end - i);
        i = fast_end;
        continue;
      }
    }
    U8_NEXT(bytes, i, n, c);
    if (c < 0) c = 0xFFFD;  // ingest guarantees valid UTF-8; stay safe anyway
    if (c == '\r' && i < n && in[i] == '\n') {  // CRLF is one line break
      ++cp;
      continue;
    }
    repair.Put(c, cp, cp + 1);
    ++cp;
  }
  repair.Flush();
  nfkc.Flush();
  // The title field is shown as the record's title: it gets the same repair.
  MojibakeTables::Page title_page = MojibakeTables::kNone;
  const int title_repaired = doc->title_field ? rules_->mojibake->RepairField(&*doc->title_field, &title_page) : 0;
  if (const int n = repair.repaired() + title_repaired; n > 0)
    doc->Warn("mojibake", std::to_string(n) + " mojibake characters repaired (UTF-8 read as " +
                              MojibakeTables::Name(repair.repaired() > 0 ? page : title_page) + ")");

  // Paragraph breaks and markup first, so that the line rules see the
  // paragraphs and the plain text.
  rules_->before_lines.Run(&current);
  const std::string& chars = current.text;
  const OffsetMap& chars_map = current.map;

  // Line pass: drop boilerplate lines and spans, then title copies at the top.
  std::vector<Line> lines = SplitLines(chars);
  std::vector<std::vector<Line>> kept_pieces(lines.size());
  size_t end_line = lines.size();
  // One pass over the whole text tells which rules may match some line (most
  // articles have none left); only those are tried on each line. A footer
  // ends the article whatever else matched; then whole lines, then spans.
  std::vector<int> candidates, matched;
  rules_->line_then_after->Match(chars, &candidates);
  std::vector<int> after_candidates;  // of the join rules, on `chars`
  const int line_rules = static_cast<int>(rules_->boilerplate.size());
  for (int id : candidates)
    if (id >= line_rules) after_candidates.push_back(id - line_rules);
  std::erase_if(candidates, [&](int id) { return id >= line_rules; });
  std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
    return std::pair(rules_->boilerplate[a].action, a) < std::pair(rules_->boilerplate[b].action, b);
  });
  // A footer with body text below it and none above is a header line that a
  // footer rule also fits ("Kategori: Ekonomi | Penulis: ..."): ending the
  // article there would lose it whole.
  auto is_body = [&](const Line& line) {
    return std::count(chars.begin() + line.begin, chars.begin() + line.end, ' ') + 1 >= rules_->body_words;
  };
  bool body_seen = false;
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    std::string_view text(chars.data() + line.begin, line.end - line.begin);
    kept_pieces[k].push_back(line);
    if (text.empty()) continue;
    matched.clear();
    for (int id : candidates)
      if (RE2::PartialMatch(text, rules_->boilerplate[id].re->utf8())) matched.push_back(id);
    for (int id : matched) {
      const BoilerplateRule& rule = rules_->boilerplate[id];
      if (rule.action == Action::kRest &&
          (body_seen || std::none_of(lines.begin() + k + 1, lines.end(), is_body))) {
        end_line = k;
        break;
      }
      if (rule.action == Action::kLine || rule.action == Action::kRest) {
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
        while (!rest.empty() && rule.re->utf8().Match(rest, 0, rest.size(), RE2::UNANCHORED, &m, 1) && !m.empty()) {
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
    if (!body_seen && !kept_pieces[k].empty()) body_seen = is_body(line);
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

  // Line breaks inside a sentence (where a scraper dropped a link) go last,
  // when no boilerplate line is left to be joined to the text.
  const bool unchanged = doc->text == chars;
  Mapped result{std::move(doc->text), std::move(doc->map)};
  rules_->after_lines.Run(&result, unchanged ? &after_candidates : nullptr);
  doc->text = std::move(result.text);
  doc->map = std::move(result.map);
}

}  // namespace warta
