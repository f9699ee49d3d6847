// Fuzzes src/normalize with the shipped boilerplate rules. The input is made
// valid UTF-8 first, as ingest does for every record.
//
// Checks the offset map: one entry per working-text byte; every entry a
// range [begin, end) inside the original's code points; entries in text
// order (begin and end never go back), so any working span maps to one
// original span. The working text is valid UTF-8.
#include <memory>

#include "fuzz_util.h"
#include "normalize/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace warta;
  static const std::unique_ptr<Normalizer> normalizer = [] {
    std::unique_ptr<Normalizer> n;
    if (Status s = Normalizer::Load(RulesDir(fuzz::ShippedRules()), &n); !s.ok()) fuzz::Fail(s.message());
    return n;
  }();

  Document doc;
  doc.original = RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size), nullptr);
  normalizer->Process(&doc);

  const OffsetMap& map = doc.map;
  const size_t code_points = CountCodePoints(doc.original);
  fuzz::Check(map.size() == doc.text.size(), "map has " + std::to_string(map.size()) + " entries for " +
                                                 std::to_string(doc.text.size()) + " bytes");
  fuzz::Check(fuzz::IsValidUtf8(doc.text), "working text is not valid UTF-8");
  for (size_t b = 0; b < map.size(); ++b) {
    const std::string at = "byte " + std::to_string(b) + " [" + std::to_string(map.OrigBegin(b)) + ", " +
                           std::to_string(map.OrigEnd(b)) + ")";
    fuzz::Check(map.OrigBegin(b) <= map.OrigEnd(b), at + ": begin after end");
    fuzz::Check(map.OrigEnd(b) <= code_points, at + ": past the original's " + std::to_string(code_points) +
                                                   " code points");
    if (b > 0) {
      fuzz::Check(map.OrigBegin(b) >= map.OrigBegin(b - 1), at + ": begin goes back");
      fuzz::Check(map.OrigEnd(b) >= map.OrigEnd(b - 1), at + ": end goes back");
    }
  }
  return 0;
}
