// normalize: the original text becomes the working text every later stage
// reads, with an offset map back to the original.
//
//   std::unique_ptr<warta::Normalizer> normalizer;
//   if (auto s = warta::Normalizer::Load(warta::RulesDir("rules"), &normalizer); !s.ok()) ...
//   normalizer->Process(&doc);   // doc.original -> doc.text, doc.map, doc.warnings
//
// Character level: HTML entities decoded, mojibake repaired (UTF-8 that was
// read as Mac OS Roman or Windows-1252: "‚Äú" and "â€œ" become "“", with a
// "mojibake" warning; the title field gets the same repair), NFKC (ICU),
// every kind of space and line break unified (one space between words, one
// line per paragraph, a blank line between blocks), invisible characters
// dropped. Then the rules of rules/boilerplate.toml: rewrites (paragraphs
// joined with commas split, Markdown unwrapped), line rules (boilerplate
// lines and spans removed; copies of the title repeated at the top
// dropped), and last the joins of lines broken inside a sentence. Every
// byte of the working text still maps to the original code points it came
// from.
#pragma once

#include <memory>

#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

class Normalizer {
 public:
  static Status Load(const RulesDir& rules, std::unique_ptr<Normalizer>* out);
  ~Normalizer();

  // Thread-safe: the normalizer is immutable once loaded.
  void Process(Document* doc) const;

 private:
  struct Rules;
  explicit Normalizer(std::unique_ptr<Rules> rules);
  std::unique_ptr<Rules> rules_;
};

}  // namespace warta
