#include "core/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace warta {
namespace {

// Windows-1252 0x80..0x9F; the rest of 0xA0..0xFF is Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD};

char32_t FromCp1252(uint8_t b) {
  if (b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80];
  return b;
}

}  // namespace

void AppendUtf8(char32_t c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out->append(buf, n);
}

std::string RepairUtf8(std::string_view in, size_t* repaired) {
  std::string out;
  out.reserve(in.size());
  size_t bad = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t length = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      // U8_NEXT skips a maximal ill-formed prefix; read its bytes one by one.
      for (int32_t k = start; k < i; ++k) AppendUtf8(FromCp1252(s[k]), &out);
      bad += i - start;
    } else {
      out.append(in.data() + start, i - start);
    }
  }
  if (repaired) *repaired = bad;
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

std::string_view SliceCodePoints(std::string_view s, size_t start, size_t end) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  U8_FWD_N(p, i, length, static_cast<int32_t>(start));
  int32_t j = i;
  U8_FWD_N(p, j, length, static_cast<int32_t>(end - start));
  return s.substr(i, j - i);
}

CodePointIndex::CodePointIndex(std::string_view s) : s_(s) {
  before_block_.reserve(s.size() / kBlock + 1);
  size_t cp = 0, b = 0;
  for (; b + kBlock <= s.size(); b += kBlock) {
    before_block_.push_back(cp);
    size_t continuation = 0;  // bytes 10xxxxxx: bit 7 set, bit 6 clear
    for (size_t w = b; w < b + kBlock; w += 8) {
      uint64_t x;
      std::memcpy(&x, s.data() + w, 8);
      // One bit a continuation byte, summed into the top byte (no popcount
      // instruction in baseline x86-64).
      continuation += (((x & ~(x << 1) & 0x8080808080808080ull) >> 7) * 0x0101010101010101ull) >> 56;
    }
    cp += kBlock - continuation;
  }
  before_block_.push_back(cp);  // the last, partial block
}

size_t CodePointIndex::Byte(size_t cp) const {
  const size_t block = std::upper_bound(before_block_.begin(), before_block_.end(), cp) - before_block_.begin() - 1;
  size_t seen = before_block_[block];
  for (size_t b = block * kBlock; b < s_.size(); ++b) {
    if ((static_cast<unsigned char>(s_[b]) & 0xC0) == 0x80) continue;
    if (seen++ == cp) return b;
  }
  return s_.size();
}

std::string_view CodePointIndex::Slice(size_t start, size_t end) const {
  const size_t b = Byte(start), e = Byte(end);
  return s_.substr(b, e > b ? e - b : 0);
}

}  // namespace warta
