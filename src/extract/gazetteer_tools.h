// Keeping the gazetteers up to date: a check for phrases that name two
// things, and a rebuild of rules/regions.tsv from an official region list
// (the list changes: four Papua provinces were created in 2022).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

// One line per phrase of regions.tsv, agencies.tsv or awards.tsv that names
// more than one entry: a conflict for bodies and titles, a note for regions
// (resolved by the level order of rules/gazetteer.toml).
Status CheckGazetteers(const RulesDir& rules, std::vector<std::string>* findings, size_t* conflicts);

// Writes a regions.tsv for the regions of `official` (tab-separated code,
// level, name, parent; a header line is skipped), keeping the aliases our
// rules/regions.tsv has for each code. `dropped` receives the codes we had
// that the official list no longer has.
Status ImportRegions(const RulesDir& rules, const std::string& official, std::ostream& out,
                     std::vector<std::string>* dropped);

}  // namespace warta
