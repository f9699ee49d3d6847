#include "test_paths.h"

#include <cstdlib>
#include <filesystem>

namespace warta::testing {

std::string SourceDir() { return WARTA_SOURCE_DIR; }
std::string RulesDirPath() { return SourceDir() + "/rules"; }
std::string WartaBinary() { return WARTA_BINARY; }

std::string SharedDir() {
  if (const char* env = std::getenv("WARTA_SHARED")) return env;
  return SourceDir() + "/../shared";
}

bool HaveShared() { return std::filesystem::is_directory(SharedDir() + "/seeds"); }

}  // namespace warta::testing
