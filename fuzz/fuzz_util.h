// What the fuzz targets share: the shipped rules, a scratch folder per
// process, and the checks every target applies to what warta produced.
// A failed check aborts, so libFuzzer keeps the input as a crash.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "core/utf8.h"
#include "output/output.h"
#include "pipeline/pipeline.h"

namespace warta::fuzz {

// Prints what broke and aborts: libFuzzer reports the input that did it.
[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

inline void Check(bool ok, const std::string& what) {
  if (!ok) Fail(what);
}

// The rules to fuzz with: $WARTA_RULES (scripts/fuzz.sh points it at a copy
// taken when the targets were built), else the project's rules/.
inline std::string ShippedRules() {
  const char* env = std::getenv("WARTA_RULES");
  return env ? env : WARTA_SOURCE_DIR "/rules";
}

// A folder of its own for this process (libFuzzer's -fork and -jobs run
// several at once), removed at exit.
inline const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("warta-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    std::atexit([] { std::error_code ec; std::filesystem::remove_all(ScratchDir(), ec); });
    return d;
  }();
  return dir;
}

// The pipeline over the shipped rules, loaded once.
inline const Pipeline& ShippedPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    std::unique_ptr<Pipeline> p;
    if (Status s = Pipeline::Load(RulesDir(ShippedRules()), &p); !s.ok()) Fail("shipped rules: " + s.message());
    return p;
  }();
  return *pipeline;
}

inline bool IsValidUtf8(std::string_view s) {
  size_t repaired = 0;
  RepairUtf8(s, &repaired);
  return repaired == 0;
}

// Every string warta emits is valid UTF-8 before the writer's repair of bad
// bytes, and the record is one line of valid JSON.
inline void CheckRecord(const Document& doc) {
  auto check = [&](std::string_view what, const std::string& s) {
    if (!IsValidUtf8(s)) Fail("record of \"" + doc.id + "\": " + std::string(what) + " is not valid UTF-8");
  };
  for (const Entity& e : doc.entities) {
    check("entity text", e.text);
    check("entity value", e.value);
  }
  for (const AwardRecord& a : doc.awards) {
    check("award", a.award);
    check("recipient", a.recipient);
  }
  if (doc.title) check("title", *doc.title);
  for (const Warning& w : doc.warnings) check("warning", w.message);
  const std::string line = RecordJson(doc);
  if (line.find('\n') != std::string::npos) Fail("record of \"" + doc.id + "\" spans lines");
  try {
    (void)nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    Fail("record of \"" + doc.id + "\" is not valid JSON text: " + e.what());
  }
}

}  // namespace warta::fuzz
