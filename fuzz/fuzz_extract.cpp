// Fuzzes date and count reading through the whole pipeline (shipped rules)
// on short texts. The input's first line is the record's date field (none
// when empty), the rest its text; both made valid UTF-8 as ingest does.
//
// Checks every entity: working range inside the working text, original
// offsets inside the original, `text` exactly the original between them;
// dates are days that exist (YYYY-MM-DD) or months (YYYY-MM), counts finite
// numbers; the publication date a day; the record is valid JSON text.
#include <cmath>
#include <cstdio>

#include "fuzz_util.h"

namespace {

// YYYY-MM-DD naming a day that exists, or YYYY-MM (month precision).
bool IsCalendarDate(const std::string& s, bool month_precision_ok) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (month_precision_ok && s.size() == 7)
    return std::sscanf(s.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 && s[4] == '-' && m >= 1 && m <= 12;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' || s[7] != '-')
    return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] + (m == 2 && leap);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace warta;
  const warta::Pipeline& pipeline = fuzz::ShippedPipeline();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Document doc;
  doc.id = "fuzz";
  if (size_t nl = input.find('\n'); nl != std::string_view::npos) {
    if (nl > 0) doc.date_field = RepairUtf8(input.substr(0, nl), nullptr);
    input.remove_prefix(nl + 1);
  }
  doc.original = RepairUtf8(input, nullptr);
  pipeline.Process(&doc);

  const size_t code_points = CountCodePoints(doc.original);
  for (const Entity& e : doc.entities) {
    const std::string what = std::string(EntityTypeName(e.type)) + " \"" + e.text + "\" [" +
                             std::to_string(e.start) + ", " + std::to_string(e.end) + ")";
    fuzz::Check(e.range.begin <= e.range.end && e.range.end <= doc.text.size(), what + ": working range outside the text");
    fuzz::Check(e.start <= e.end && e.end <= code_points, what + ": outside the original");
    fuzz::Check(e.text == SliceCodePoints(doc.original, e.start, e.end), what + ": text is not the original there");
    if (e.type == EntityType::kDate) fuzz::Check(IsCalendarDate(e.value, true), what + ": date value \"" + e.value + "\"");
    if (e.type == EntityType::kCount) fuzz::Check(std::isfinite(e.number), what + ": count is not finite");
  }
  if (doc.published) fuzz::Check(IsCalendarDate(*doc.published, false), "published \"" + *doc.published + "\"");
  fuzz::CheckRecord(doc);
  return 0;
}
