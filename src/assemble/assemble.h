// assemble: award records from the entities of an extracted document.
//
//   std::unique_ptr<warta::Assembler> assembler;
//   if (auto s = warta::Assembler::Load(rules, &assembler); !s.ok()) ...
//   assembler->Process(&doc);   // fills doc.awards
//
// A record is made where a clause has an award title, a verb of receiving
// (rules/records.toml) and a recipient body before it (or after "kepada"),
// or a count subject whose members the next sentence lists; or where a
// passive verb has the award before it and the recipient after it
// ("predikat yang sama diraih Pemerintah Kabupaten Badung"). A sentence with
// several verbs of receiving is read clause by clause. Its organizer,
// date and place come from that sentence, else from the sentences after it
// that refer back to it ("Penghargaan diberikan oleh ... di Surabaya, Rabu
// (19/9)"), else the organizer rules/awards.tsv gives the award. Evidence
// lists the sentences used. A title line of the text is read as the sentence
// before the body where the body names or refers to an award too.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "assemble/frames.h"
#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

// A sentence (working-text range; empty: the whole article) and what record
// assembly made of it.
struct Explanation {
  Range sentence;
  std::string reason;
};

class Assembler {
 public:
  static Status Load(const RulesDir& rules, std::unique_ptr<Assembler>* out);
  ~Assembler();

  // Whether the document can hold records, that is names an award title:
  // most news does not, and then needs neither sentences nor Process.
  static bool Applies(const Document& doc);

  // Thread-safe. With `why`, also says for each sentence that names an award
  // and made no record why it made none (warta explain).
  void Process(Document* doc, std::vector<Explanation>* why = nullptr) const;

  // The examples rules/frames.toml gives with its frames: texts and the
  // records each must give (run through the whole pipeline by Pipeline).
  const std::vector<FrameExample>& FrameExamples() const;

 private:
  struct Rules;
  explicit Assembler(std::unique_ptr<Rules> rules);
  // Who receives what the clause of sentence `k` of `body` that starts at
  // `from` confers with its verb at `verb`. `in_agency[i]`: whether entity i
  // of the document lies inside another agency's name.
  std::vector<std::string> Recipients(const Document& doc, size_t k, const std::vector<const Sentence*>& body,
                                      uint32_t from, uint32_t verb, const std::vector<char>& in_agency) const;
  // Who receives what a passive verb ending at `from` confers: the body named
  // right after it and those joined to it.
  std::vector<std::string> PassiveRecipients(const Document& doc, const Range& s, uint32_t from,
                                             const std::vector<char>& in_agency) const;
  // Named innovations, and units where `units`, that sentence `s` credits
  // to `records` of `built`.
  void AddUnitsAndInnovations(const Document& doc, const Range& s, const std::vector<size_t>& records, bool units,
                              std::vector<AwardRecord>* built) const;
  // A body's name, or the government of a region named as a recipient.
  std::string RecipientName(const Document& doc, const Entity& e) const;
  std::unique_ptr<Rules> rules_;
};

}  // namespace warta
