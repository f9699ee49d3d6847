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

#include <sys/wait.h>

#include <cstdio>

namespace warta::testing {

CommandResult RunCommand(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace warta::testing
