// A rule's regex compiled twice: for UTF-8 text, and over bytes (Latin-1)
// for text that is all ASCII, with each non-ASCII character of the pattern
// turned into a byte ASCII never holds. On ASCII text both programs find the
// same matches and groups: every class and ASCII literal reads alike there,
// and a non-ASCII character matches in neither. But the byte program is many
// times smaller (\p{L} and the like need no multi-byte automaton), and RE2's
// submatch engines cost in proportion to the program: the paragraph-break
// rule spends a third of the time finding its groups on ASCII text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/status.h"

namespace warta {

class Regex {
 public:
  // Compiles `pattern`; a bad pattern is reported as `where: bad regex: ...`.
  static Status Compile(const std::string& pattern, const RE2::Options& options, const std::string& where,
                        std::unique_ptr<Regex>* out);

  // The program to run on a text; `ascii`: the text has no byte above 0x7F.
  const RE2& For(bool ascii) const { return ascii && bytes_ ? *bytes_ : *utf8_; }

  // RE2::Match over text[pos, end) with `n` >= 1 groups; `ascii`: the whole
  // text is ASCII. On other text the UTF-8 program finds the match, and its
  // groups come from the byte program when the match itself is ASCII: that
  // is what RE2 does inside (the groups of the span its automaton found),
  // with the smaller program. The text around the span reads alike to both,
  // as \b, ^ and $ look at ASCII bytes only.
  bool Match(std::string_view text, size_t pos, bool ascii, RE2::Anchor anchor, re2::StringPiece* groups, int n) const;
  // The UTF-8 program, for any text, and for what does not depend on one:
  // the pattern and its groups.
  const RE2& utf8() const { return *utf8_; }
  bool has_byte_program() const { return bytes_ != nullptr; }

 private:
  std::unique_ptr<RE2> utf8_;
  std::unique_ptr<RE2> bytes_;  // null where the byte program would not read ASCII alike (see regex.cpp)
};

// `pattern` with every bounded repeat x{m,n} opened to x{m,}. It matches
// wherever `pattern` does, so it may stand for it in a set that only tells
// which rules can match (the rule itself then decides). Counted repeats
// (".{0,60}", "(?:\S+\s+){0,3}") multiply the states of a set's automaton:
// loosened, the line rules' set runs 1.6x faster on the news sample.
std::string Loosened(std::string_view pattern);

// Which of some rules may match a text, in one pass: an RE2::Set of their
// patterns, Loosened. Should RE2's automaton run out of memory on a text,
// every rule is a candidate there: slower, but no rule is skipped.
class RuleSet {
 public:
  explicit RuleSet(const RE2::Options& options) : set_(options, RE2::UNANCHORED) {}
  // Adds `pattern`; its id is the number added before. False (and `error`) when RE2 refuses it.
  bool Add(std::string_view pattern, std::string* error);
  bool Compile() { return set_.Compile(); }
  // The ids that may match `text`, sorted.
  void Match(std::string_view text, std::vector<int>* ids) const;

 private:
  RE2::Set set_;
  int size_ = 0;
};

// True when `text` has no byte above 0x7F (eight bytes at a time).
bool IsAscii(std::string_view text);

}  // namespace warta
