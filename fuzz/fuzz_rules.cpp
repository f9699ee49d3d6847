// Fuzzes rule-file loading: Pipeline::Load on a copy of the shipped rules
// where one file is replaced by the input. Byte 0 chooses the file (rules/
// in name order); the rest is its content.
//
// Checks: a rejected file is reported as one line starting with
// `rules/<file>:`; rules that load run an article without breaking the
// record's invariants (a loaded rule set must be safe to use).
#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "fuzz_util.h"

namespace {

namespace fs = std::filesystem;

struct RuleFile {
  std::string name, content;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, std::string_view content) {
  std::ofstream(p, std::ios::binary | std::ios::trunc).write(content.data(), content.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace warta;
  static const fs::path dir = fuzz::ScratchDir() / "rules";
  static const std::vector<RuleFile> files = [] {
    fs::create_directories(dir);
    std::vector<RuleFile> f;
    for (const auto& entry : fs::directory_iterator(fuzz::ShippedRules())) {
      f.push_back({entry.path().filename().string(), ReadFile(entry.path())});
      WriteFile(dir / f.back().name, f.back().content);
    }
    std::sort(f.begin(), f.end(), [](const RuleFile& a, const RuleFile& b) { return a.name < b.name; });
    return f;
  }();
  static const std::string article = ReadFile(WARTA_SOURCE_DIR "/corpus/articles/001_kanwil-kemenkumham-jabar-wbk.txt");
  if (size == 0) return 0;

  const RuleFile& target = files[data[0] % files.size()];
  WriteFile(dir / target.name, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  std::unique_ptr<Pipeline> pipeline;
  const Status s = Pipeline::Load(RulesDir(dir.string()), &pipeline);
  WriteFile(dir / target.name, target.content);

  if (!s.ok()) {
    const std::string& m = s.message();
    const bool names_a_file = std::any_of(files.begin(), files.end(), [&](const RuleFile& f) {
      return m.rfind(RulesDir::Display(f.name) + ":", 0) == 0;
    });
    fuzz::Check(names_a_file, "error does not start with rules/<file>: \"" + m + "\"");
    fuzz::Check(m.find('\n') == std::string::npos, "error is not one line: \"" + m + "\"");
    return 0;
  }
  Document doc;
  doc.id = "001";
  doc.original = article;
  pipeline->Process(&doc);
  fuzz::CheckRecord(doc);
  return 0;
}
