// Reading rule files with errors that point at the user's data line
// (`rules/boilerplate.toml:12: ...`), never at C++ code.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <toml++/toml.h>

#include "core/status.h"

namespace warta {

// A rules folder: where files are read from, and how they are named in
// `rule` fields and error messages ("rules/<file>").
class RulesDir {
 public:
  explicit RulesDir(std::string dir) : dir_(std::move(dir)) {}
  std::string Path(std::string_view file) const { return dir_ + "/" + std::string(file); }
  static std::string Display(std::string_view file) { return "rules/" + std::string(file); }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
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
