#include "extract/gazetteer_tools.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "core/calendar.h"

namespace warta {
namespace {

std::string Key(std::string_view phrase) {
  std::string folded = FoldCase(phrase), key;
  for (char c : folded) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    if (word) key.push_back(c);
    else if (!key.empty() && key.back() != ' ') key.push_back(' ');
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Per phrase, the rows that have it, each marked current when the row has it
// as a current name anywhere: a row listing a name both as a variant and as a
// former name ("Badan SAR Nasional|...\tBadan SAR Nasional@2007-2016") is one
// owner, not two.
using Phrases = std::map<std::string, std::map<std::string, bool>>;

// Phrases of a '|' list; former names ("Name@1945-2009") are marked so, as the
// matcher prefers any current name over them.
void AddPhrases(std::string_view field, const std::string& owner, Phrases* phrases) {
  for (size_t pos = 0; pos <= field.size();) {
    size_t bar = field.find('|', pos);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view item = field.substr(pos, bar - pos);
    const size_t at = item.rfind('@');
    if (at != std::string_view::npos) item = item.substr(0, at);
    if (!item.empty()) (*phrases)[Key(item)][owner] |= at == std::string_view::npos;
    pos = bar + 1;
  }
}

}  // namespace

Status CheckGazetteers(const RulesDir& rules, std::vector<std::string>* findings, size_t* conflicts) {
  *conflicts = 0;
  Phrases regions, bodies, titles;
  Status s = ForEachTsvRow(rules.Path("regions.tsv"), RulesDir::Display("regions.tsv"), 4,
                           [&](int line, const std::vector<std::string_view>& f) {
                             const std::string owner = std::string(f[2]) + " (" + std::string(f[0]) + ", line " +
                                                       std::to_string(line) + ")";
                             std::string short_name(f[2]);
                             for (std::string_view prefix : {"Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "})
                               if (short_name.rfind(prefix, 0) == 0) {
                                 short_name = short_name.substr(prefix.size());
                                 break;
                               }
                             regions[Key(short_name)][owner] = true;
                             AddPhrases(f.size() > 4 ? f[4] : std::string_view(), owner, &regions);
                             return Status();
                           });
  if (!s.ok()) return s;
  for (const auto& entry : {std::tuple<const char*, std::vector<int>, Phrases*>{
                                "agencies.tsv", {0, 2, 3, 4}, &bodies},
                            {"awards.tsv", {0, 2}, &titles}}) {
    // Named references, not structured bindings: clang before 16 cannot capture those.
    const char* file = std::get<0>(entry);
    const std::vector<int>& columns = std::get<1>(entry);
    Phrases* table = std::get<2>(entry);
    s = ForEachTsvRow(rules.Path(file), RulesDir::Display(file), 2, [&](int line, const std::vector<std::string_view>& f) {
      const std::string owner = std::string(f[0]) + " (line " + std::to_string(line) + ")";
      for (int c : columns)
        if (static_cast<size_t>(c) < f.size()) AddPhrases(f[c], owner, table);
      return Status();
    });
    if (!s.ok()) return s;
  }
  auto report = [&](const char* what, const Phrases& table, bool may_conflict) {
    for (const auto& [phrase, owners] : table) {
      if (owners.size() < 2) continue;
      const size_t current =
          std::count_if(owners.begin(), owners.end(), [](const auto& o) { return o.second; });
      const bool conflict = may_conflict && current > 1;
      std::string line = std::string(conflict ? "conflict: " : "note: ") + what + " \"" + phrase + "\" names";
      for (const auto& [o, is_current] : owners) line += " " + o + (is_current ? "" : " [former name]") + ";";
      line.pop_back();
      if (!may_conflict) line += " (resolved by bare_name_levels)";
      else if (!conflict) line += " (resolved: current names come before former ones)";
      findings->push_back(line);
      *conflicts += conflict;
    }
  };
  report("body", bodies, true);
  report("title", titles, true);
  report("region", regions, false);
  return {};
}

Status ImportRegions(const RulesDir& rules, const std::string& official, std::ostream& out,
                     std::vector<std::string>* dropped) {
  std::map<std::string, std::string> aliases;  // code -> our aliases
  Status s = ForEachTsvRow(rules.Path("regions.tsv"), RulesDir::Display("regions.tsv"), 4,
                           [&](int, const std::vector<std::string_view>& f) {
                             aliases[std::string(f[0])] = f.size() > 4 ? std::string(f[4]) : "";
                             return Status();
                           });
  if (!s.ok()) return s;
  out << "# code\tlevel\tname\tparent\taliases  -- Kemendagri codes; aliases are '|'-separated extra forms\n";
  std::set<std::string> seen;
  s = ForEachTsvRow(official, official, 3, [&](int line, const std::vector<std::string_view>& f) {
    if (line == 1 && f[0] == "code") return Status();  // header
    const std::string code(f[0]), level(f[1]);
    if (level != "province" && level != "regency" && level != "city")
      return Status::Error("level must be province, regency or city, not \"" + level + "\"");
    if (!seen.insert(code).second) return Status::Error("duplicate code " + code);
    out << code << '\t' << level << '\t' << f[2] << '\t' << (f.size() > 3 ? f[3] : std::string_view()) << '\t'
        << aliases[code] << '\n';
    return Status();
  });
  if (!s.ok()) return s;
  for (const auto& [code, unused] : aliases)
    if (!seen.count(code)) dropped->push_back(code);
  return {};
}

}  // namespace warta
