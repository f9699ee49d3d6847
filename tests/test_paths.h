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
