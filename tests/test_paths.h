// Where tests find the project's rules, the built binary and ../shared.
#pragma once

#include <string>

namespace warta::testing {

std::string SourceDir();
std::string RulesDirPath();
std::string WartaBinary();
// ../shared beside the project (or $WARTA_SHARED); tests that need it skip
// when HaveShared() is false.
std::string SharedDir();
bool HaveShared();

}  // namespace warta::testing

namespace warta::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
};
// Runs a shell command and captures its standard output.
CommandResult RunCommand(const std::string& command);

}  // namespace warta::testing
