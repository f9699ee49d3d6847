// Agencies and locations: a word trie over rules/agencies.tsv and
// rules/regions.tsv (with the forms rules/gazetteer.toml derives), units
// inside bodies by pattern, and acronyms the article itself defines.
#pragma once

#include <memory>
#include <vector>

#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

class Gazetteer {
 public:
  static Status Load(const RulesDir& rules, std::unique_ptr<Gazetteer>* out);
  ~Gazetteer();

  // Appends agency and location entities (working ranges) found in `ranges`.
  void Find(const Document& doc, const std::vector<Range>& ranges, std::vector<Entity>* out) const;

  size_t phrase_count() const;  // phrases in the trie, for reports and benchmarks

 private:
  struct Data;
  explicit Gazetteer(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace warta
