#include "normalize/mojibake.h"

#include <cstring>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include "core/utf8.h"

namespace warta {
namespace {

// Adds to `table` what each byte 0x80..0xFF of ICU converter `name` decodes to.
Status AddConverter(const char* name, std::array<int16_t, 0x100>* low,
                    std::vector<std::pair<char32_t, uint8_t>>* high) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name, &status);
  if (U_FAILURE(status)) return Status::Error(std::string("ICU converter ") + name + ": " + u_errorName(status));
  for (int b = 0x80; b <= 0xFF; ++b) {
    const char byte = static_cast<char>(b);
    UChar out[4];
    status = U_ZERO_ERROR;
    ucnv_reset(cnv);
    const int32_t n = ucnv_toUChars(cnv, out, 4, &byte, 1, &status);
    if (U_FAILURE(status) || n < 1) continue;
    UChar32 c;
    U16_GET(out, 0, 0, n, c);
    if (c == 0xFFFD || c == 0x1A) continue;  // no character for this byte
    if (c < 0x100) (*low)[c] = static_cast<int16_t>(b);
    else high->push_back({static_cast<char32_t>(c), static_cast<uint8_t>(b)});
  }
  ucnv_close(cnv);
  return {};
}

// A character that real text holds: mojibake decoded through the wrong code
// page yields combining marks with nothing to combine, controls, private-use
// and unassigned code points instead.
bool Plausible(char32_t c) {
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_CONTROL_CHAR:
    case U_PRIVATE_USE_CHAR: case U_UNASSIGNED: case U_SURROGATE:
      return false;
    default:
      return true;
  }
}

// Counts the plausible characters a repair produces; a repaired character is
// the one whose range covers more than one input character.
struct ScoreSink {
  int score = 0;
  void Put(char32_t c, uint32_t ob, uint32_t oe) {
    if (oe - ob > 1 && Plausible(c)) ++score;
  }
};

}  // namespace

Status MojibakeTables::Load(std::unique_ptr<MojibakeTables>* out) {
  auto tables = std::make_unique<MojibakeTables>();
  // Decoders that call themselves Windows-1252 often give C1 controls for
  // some bytes (ISO-8859-1), so that page reads both.
  const std::vector<const char*> converters[2] = {{"macintosh"}, {"windows-1252", "ISO-8859-1"}};
  for (int page = 0; page < 2; ++page) {
    Table& t = tables->tables_[page];
    t.low.fill(-1);
    for (const char* name : converters[page])
      if (Status s = AddConverter(name, &t.low, &t.high); !s.ok()) return s;
    std::sort(t.high.begin(), t.high.end());
  }
  *out = std::move(tables);
  return {};
}

MojibakeTables::Page MojibakeTables::Detect(std::string_view utf8) const {
  Page best = kNone;
  int best_score = 0;
  // On a tie Windows-1252 wins: it is the more common wrong decoding.
  for (Page page : {kWindows1252, kMacRoman}) {
    ScoreSink sink;
    MojibakeRepair<ScoreSink> repair(*this, page, &sink);
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const int32_t n = static_cast<int32_t>(utf8.size());
    uint32_t cp = 0;
    for (int32_t i = 0; i < n;) {
      if (bytes[i] < 0x80) {  // ASCII never takes part in a sequence: skip the run, eight bytes at a time
        repair.Flush();
        int32_t j = i + 1;
        for (uint64_t word; j + 8 <= n && (std::memcpy(&word, bytes + j, 8), (word & 0x8080808080808080ull) == 0);) j += 8;
        while (j < n && bytes[j] < 0x80) ++j;
        cp += static_cast<uint32_t>(j - i);
        i = j;
        continue;
      }
      UChar32 c;
      U8_NEXT(bytes, i, n, c);
      repair.Put(c < 0 ? 0xFFFD : static_cast<char32_t>(c), cp, cp + 1);
      ++cp;
    }
    repair.Flush();
    if (sink.score > best_score) {
      best = page;
      best_score = sink.score;
    }
  }
  return best;
}

int MojibakeTables::RepairField(std::string* s, Page* found) const {
  const Page page = *found = Detect(*s);
  if (page == kNone) return 0;
  struct StringSink {
    std::string out;
    void Put(char32_t c, uint32_t, uint32_t) { AppendUtf8(c, &out); }
  } sink;
  MojibakeRepair<StringSink> repair(*this, page, &sink);
  const auto* bytes = reinterpret_cast<const uint8_t*>(s->data());
  const int32_t n = static_cast<int32_t>(s->size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    repair.Put(c < 0 ? 0xFFFD : static_cast<char32_t>(c), 0, 1);
  }
  repair.Flush();
  *s = std::move(sink.out);
  return repair.repaired();
}

const char* MojibakeTables::Name(Page page) {
  switch (page) {
    case kMacRoman: return "Mac OS Roman";
    case kWindows1252: return "Windows-1252";
    default: return "none";
  }
}

}  // namespace warta
