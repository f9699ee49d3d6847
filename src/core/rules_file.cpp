#include "core/rules_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace warta {
namespace {

Status ReadWholeFile(const std::string& path, const std::string& display, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(display + ": cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return {};
}

std::string At(const std::string& display, int line) {
  return display + ":" + std::to_string(line) + ": ";
}

}  // namespace

Status RulesDir::Layered(const std::string& dir, const std::string& shipped, RulesDir* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Error(dir + ": not a rules folder (no such folder)");
  fs::directory_iterator entries(dir, ec);
  if (ec) return Status::Error(dir + ": cannot read the folder: " + ec.message());
  RulesDir layered(shipped);
  layered.user_dir_ = dir;
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    // Editors and version control leave hidden files beside the rules.
    if (name.starts_with(".") || !entry.is_regular_file(ec)) continue;
    if (!fs::is_regular_file(fs::path(shipped) / name, ec)) {
      return Status::Error(layered.UserPath(name) + ": not a rules file (the shipped " +
                           Display("") + " has no " + name + ")");
    }
    layered.user_files_.insert(name);
  }
  *out = std::move(layered);
  return {};
}

std::string RulesDir::UserPath(std::string_view file) const {
  return (std::filesystem::path(user_dir_) / file).string();
}

std::string RulesDir::Path(std::string_view file) const {
  if (user_files_.count(std::string(file))) return UserPath(file);
  return dir_ + "/" + std::string(file);
}

Status RulesDir::Locate(const Status& status) const {
  const std::string& message = status.message();
  const std::string prefix = Display("");
  if (status.ok() || !message.starts_with(prefix)) return status;
  const size_t end = message.find(':', prefix.size());
  if (end == std::string::npos) return status;
  const std::string file = message.substr(prefix.size(), end - prefix.size());
  if (!user_files_.count(file)) return status;
  return Status::Error(UserPath(file) + message.substr(end));
}

int TomlLine(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

Status ReadToml(const std::string& path, const std::string& display, toml::table* out) {
  std::string content;
  if (Status s = ReadWholeFile(path, display, &content); !s.ok()) return s;
  try {
    *out = toml::parse(content, path);
  } catch (const toml::parse_error& err) {
    return Status::Error(At(display, static_cast<int>(err.source().begin.line)) +
                         std::string(err.description()));
  }
  return {};
}

Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                 const std::string& display) {
  for (const auto& [key, node] : table) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key.str() == a;
    if (!known) return Status::Error(At(display, TomlLine(node)) + "unknown key \"" +
                                     std::string(key.str()) + "\"");
  }
  return {};
}

Status GetString(const toml::table& table, std::string_view key, const std::string& display,
                 std::string* out) {
  const toml::node* node = table.get(key);
  if (!node) return Status::Error(At(display, TomlLine(table)) + "missing key \"" +
                                  std::string(key) + "\"");
  const auto* str = node->as_string();
  if (!str) return Status::Error(At(display, TomlLine(*node)) + "\"" + std::string(key) +
                                 "\" must be a string");
  *out = str->get();
  return {};
}

std::vector<std::string_view> SplitList(std::string_view field) {
  std::vector<std::string_view> out;
  for (size_t pos = 0; pos <= field.size();) {
    size_t bar = field.find('|', pos);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view item = field.substr(pos, bar - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.push_back(item);
    pos = bar + 1;
  }
  return out;
}

Status GetStringList(const toml::table& table, std::string_view key, const std::string& display,
                     std::vector<std::string>* out) {
  const toml::node* node = table.get(key);
  if (!node) return Status::Error(At(display, TomlLine(table)) + "missing list \"" + std::string(key) + "\"");
  const toml::array* list = node->as_array();
  if (!list) return Status::Error(At(display, TomlLine(*node)) + "\"" + std::string(key) + "\" must be a list of strings");
  for (const toml::node& item : *list) {
    const auto* str = item.as_string();
    if (!str || str->get().empty())
      return Status::Error(At(display, TomlLine(item)) + "\"" + std::string(key) + "\" must list non-empty strings");
    out->push_back(str->get());
  }
  return {};
}

Status CompileRule(const std::string& pattern, const RE2::Options& options,
                   const std::string& where, std::unique_ptr<RE2>* out) {
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) return Status::Error(where + ": bad regex: " + re->error());
  *out = std::move(re);
  return {};
}

Status ForEachTsvRow(const std::string& path, const std::string& display, size_t min_fields,
                     const std::function<Status(int, const std::vector<std::string_view>&)>& row) {
  std::string content;
  if (Status s = ReadWholeFile(path, display, &content); !s.ok()) return s;
  std::string_view rest(content);
  int line_no = 0;
  std::vector<std::string_view> fields;
  while (!rest.empty()) {
    ++line_no;
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fields.clear();
    for (size_t pos = 0;;) {
      size_t tab = line.find('\t', pos);
      fields.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (fields.size() < min_fields)
      return Status::Error(At(display, line_no) + "expected " + std::to_string(min_fields) +
                           " tab-separated fields, found " + std::to_string(fields.size()));
    if (Status s = row(line_no, fields); !s.ok())
      return Status::Error(At(display, line_no) + s.message());
  }
  return {};
}

Status ReadListFile(const std::string& path, const std::string& display,
                    std::vector<std::pair<int, std::string>>* entries) {
  return ForEachTsvRow(path, display, 1, [&](int line, const std::vector<std::string_view>& f) {
    if (f.size() != 1) return Status::Error("expected one entry per line, found a tab");
    entries->emplace_back(line, std::string(f[0]));
    return Status();
  });
}

}  // namespace warta
