// What the robustness tests share: a scratch folder per test, and the warta
// binary run with its standard output and standard error kept apart.
#pragma once

#include <unistd.h>

#include <cstdio>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace warta::robustness {

namespace fs = std::filesystem;

// A folder named after the running test, removed when the test ends.
class Scratch {
 public:
  Scratch() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("warta_robust_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct WartaRun {
  int exit_code = -1;
  std::string out, err;  // standard output, standard error
};

// Runs `warta ARGS` (a shell command line) with standard error in a file of
// `scratch`, so that records and messages can be checked separately.
inline WartaRun Warta(const Scratch& scratch, const std::string& args, const std::string& prefix = "") {
  const std::string err = scratch.Path("stderr.txt");
  testing::CommandResult r = testing::RunCommand(prefix + testing::WartaBinary() + " " + args + " 2>" + err);
  return {r.exit_code, r.out, ReadFile(err)};
}

inline std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// The counts of the summary line `warta: N articles, E errors, W warnings, ...`.
struct Summary {
  long long articles = -1, errors = -1, warnings = -1;
};
inline Summary ParseSummary(const std::string& err) {
  Summary s;
  const size_t counts = err.rfind(" articles, ");
  const size_t at = counts == std::string::npos ? counts : err.rfind("warta: ", counts);
  if (at != std::string::npos)
    std::sscanf(err.c_str() + at, "warta: %lld articles, %lld errors, %lld warnings", &s.articles, &s.errors,
                &s.warnings);
  return s;
}

}  // namespace warta::robustness
