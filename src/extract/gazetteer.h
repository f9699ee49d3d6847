// Agencies, locations and award titles: a word trie over rules/agencies.tsv,
// rules/regions.tsv (with the forms rules/gazetteer.toml derives) and
// rules/awards.tsv; units inside bodies and unlisted award titles by
// pattern; short names the article itself defines.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

class Gazetteer {
 public:
  static Status Load(const RulesDir& rules, std::unique_ptr<Gazetteer>* out);
  ~Gazetteer();

  // Patterns for the caller's RuleSet: which of them match a range tells
  // Find where units and unlisted titles may be.
  std::vector<std::string> SetPatterns() const;

  // Appends agency, location and award entities (working ranges) found in
  // `ranges`. `set_hits[k]`: the ids of SetPatterns() that match
  // ranges[k], sorted.
  void Find(const Document& doc, const std::vector<Range>& ranges, const std::vector<std::vector<int>>& set_hits,
            std::vector<Entity>* out) const;

  size_t phrase_count() const;  // phrases in the trie, for reports and benchmarks

 private:
  struct Data;
  explicit Gazetteer(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace warta
