// UTF-8 helpers over ICU's macros: validation with repair, code point
// counting and slicing by code point offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

// Returns `in` as valid UTF-8. Each byte that is not part of a well-formed
// UTF-8 sequence is read as Windows-1252 (the usual cause of such bytes in
// scraped text), so every bad byte becomes exactly one code point.
// `*repaired` receives the number of bytes so read.
std::string RepairUtf8(std::string_view in, size_t* repaired);

// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

// The substring of valid UTF-8 `s` between code point offsets [start, end).
std::string_view SliceCodePoints(std::string_view s, size_t start, size_t end);

// Code point offsets to byte offsets of one valid UTF-8 text, for slicing
// many spans of it: the code points before every 64-byte block are counted
// once (eight bytes at a time); a lookup finds the block by binary search and
// walks it.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view s);
  std::string_view Slice(size_t start, size_t end) const;

 private:
  static constexpr size_t kBlock = 64;
  size_t Byte(size_t cp) const;
  std::string_view s_;
  std::vector<size_t> before_block_;  // code points before byte kBlock * i
};

// Appends code point `c` to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

}  // namespace warta
