// Reading rule files with errors that point at the user's data line
// (`rules/boilerplate.toml:12: ...`), never at C++ code.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <toml++/toml.h>

#include "core/status.h"

namespace warta {

// A rules folder: where files are read from, and how they are named in
// `rule` fields and error messages ("rules/<file>").
//
//   warta::RulesDir shipped("rules");  // a complete folder
//   warta::RulesDir mine;
//   if (Status s = warta::RulesDir::Layered("myrules", "rules", &mine); !s.ok()) ...
//   Status s = warta::Pipeline::Load(mine, &pipeline);
//   if (!s.ok()) std::cerr << mine.Locate(s).message();  // myrules/dates.toml:3: ...
class RulesDir {
 public:
  RulesDir() = default;
  explicit RulesDir(std::string dir) : dir_(std::move(dir)) {}

  // The user's folder `dir` over the complete folder `shipped`: `dir` holds
  // only the files it changes, the others are read from `shipped`. Fails when
  // `dir` is not a folder or holds a file `shipped` lacks (a misspelt name
  // would otherwise leave the shipped file in force unnoticed).
  static Status Layered(const std::string& dir, const std::string& shipped, RulesDir* out);

  // The file to read: the user's when the user's folder has it.
  std::string Path(std::string_view file) const;
  static std::string Display(std::string_view file) { return "rules/" + std::string(file); }

  // Stages name files by Display in their errors (the name `rule` fields
  // keep); this names the user's file instead when the error is in one:
  // `rules/dates.toml:3: ...` -> `myrules/dates.toml:3: ...`.
  Status Locate(const Status& status) const;

 private:
  std::string UserPath(std::string_view file) const;

  std::string dir_;                   // complete: every file is there
  std::string user_dir_;              // empty: none
  std::set<std::string> user_files_;  // the files read from user_dir_
};

// Parses a TOML file; a syntax error is reported as `display:line: reason`.
Status ReadToml(const std::string& path, const std::string& display, toml::table* out);

// Line number of a TOML node, for messages.
int TomlLine(const toml::node& node);

// Rejects keys of `table` that are not in `allowed` (typos must not be
// silently ignored), as `display:line: unknown key "x"`.
Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                 const std::string& display);

// Required string value `key` of `table`.
Status GetString(const toml::table& table, std::string_view key, const std::string& display,
                 std::string* out);

// Required list of non-empty strings `key` of `table`.
Status GetStringList(const toml::table& table, std::string_view key, const std::string& display,
                     std::vector<std::string>* out);

// The '|'-separated items of a TSV field, trimmed, empty ones dropped.
std::vector<std::string_view> SplitList(std::string_view field);

// Compiles an RE2 pattern from a rule file; a bad pattern is reported with
// the rule's line.
Status CompileRule(const std::string& pattern, const RE2::Options& options,
                   const std::string& where, std::unique_ptr<RE2>* out);

// Calls `row(line_number, fields)` for every line of a tab-separated file
// that is not blank or a `#` comment. A line with fewer than `min_fields`
// fields, or an error returned by `row`, stops reading with
// `display:line: reason`.
Status ForEachTsvRow(const std::string& path, const std::string& display, size_t min_fields,
                     const std::function<Status(int line, const std::vector<std::string_view>&)>& row);

// Lines of a plain list file (one entry a line, `#` comments, blanks skipped).
Status ReadListFile(const std::string& path, const std::string& display,
                    std::vector<std::pair<int, std::string>>* entries);

}  // namespace warta
