// Frames: sentence shapes that confer awards, written as data (rules/frames.toml).
//
// A sentence is read as tokens: each entity is one token of its type (AGENCY,
// AWARD, DATE, LOCATION, COUNT), every other word or punctuation mark one
// token with the word classes of the rule file. A frame is a pattern over
// those tokens with named slots:
//
//   {award:AWARD} WORD{0,6} ':' {recipients:list(RECIPIENT)}
//
// Each token kind is one private-use code point, so a frame compiles to one
// RE2 and matches in time linear in the sentence. rules/README.md documents
// the notation.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

// One token of a sentence: an entity, or a word or punctuation mark (entity null).
struct FrameToken {
  Range range;
  const Entity* entity = nullptr;
  char32_t kind = 0;  // what patterns see: entity type, word classes (FrameSet's own coding)
};

// A sentence and the records its examples expect, as "Award: Recipient".
struct FrameExample {
  std::string where;  // "rules/frames.toml:LINE: frame NAME"
  std::string text;
  std::vector<std::string> records;
};

struct FrameMatch {
  size_t frame = 0;               // index into FrameSet::names()
  size_t begin = 0, end = 0;      // token range of the whole match
  struct Slot {
    std::string name;
    size_t begin, end;            // token range
  };
  std::vector<Slot> slots;        // the slots that took part in the match
};

struct FrameTables;  // compiled frames, classes and lexicon (frames.cpp)

class FrameSet {
 public:
  static Status Load(const RulesDir& dir, std::unique_ptr<FrameSet>* out);
  ~FrameSet();

  // `entities`: those inside `sentence`, sorted by start, none inside another.
  std::vector<FrameToken> Tokenize(std::string_view text, Range sentence,
                                   const std::vector<const Entity*>& entities) const;
  // Every frame's matches, in frame order, each frame's leftmost first and
  // not overlapping one another; a match overlapping one of a frame before
  // it is dropped (file order is priority).
  std::vector<FrameMatch> Match(const std::vector<FrameToken>& tokens) const;

  const std::string& name(size_t frame) const;
  // "rules/frames.toml:LINE", for records' `rule` field.
  const std::string& rule(size_t frame) const;
  // Whether a match without an award slot takes the award the article named last.
  bool inherits_award(size_t frame) const;
  // How many sentences back an inherited award may have been named: the
  // frame's own inherit_sentences, else the file's.
  size_t inherit_sentences(size_t frame) const;
  const std::vector<FrameExample>& examples() const { return examples_; }

 private:
  explicit FrameSet(std::unique_ptr<FrameTables> compiled);
  std::unique_ptr<FrameTables> c_;
  std::vector<FrameExample> examples_;
};

}  // namespace warta
