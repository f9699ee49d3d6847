// Maps every byte of the working text back to the range of original code
// points it came from, so that any working-text span can be reported with
// offsets into the untouched input (as sentencepiece's norm_to_orig does).
//
// Nearly every byte comes from one code point [b, b + 1): a copied ASCII
// character, or a byte of a copied multi-byte one. So a byte keeps only its
// begin, and the rare ends that are not begin + 1 (an entity "&amp;" read
// as "&", a composed character, a space standing for cut markup) are kept
// apart, sorted: 4 bytes per byte instead of 8.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warta {

class OffsetMap {
 public:
  // Records that `bytes` working-text bytes were produced from original code
  // points [orig_begin, orig_end).
  void Append(size_t bytes, uint32_t orig_begin, uint32_t orig_end) {
    for (size_t i = 0; i < bytes; ++i) {  // mostly 1 to 3 bytes: push_back beats a range insert
      if (orig_end != orig_begin + 1) other_ends_.emplace_back(static_cast<uint32_t>(begin_.size()), orig_end);
      begin_.push_back(orig_begin);
    }
  }
  // Records that `bytes` working-text bytes were copied one for one from
  // original code points orig_begin, orig_begin + 1, ... (ASCII).
  void AppendCopied(size_t bytes, uint32_t orig_begin) {
    for (uint32_t i = 0; i < bytes; ++i) begin_.push_back(orig_begin + i);
  }
  void Clear() {
    begin_.clear();
    other_ends_.clear();
  }
  void Reserve(size_t n) { begin_.reserve(n); }
  size_t size() const { return begin_.size(); }

  uint32_t OrigBegin(size_t byte) const { return begin_[byte]; }
  uint32_t OrigEnd(size_t byte) const {
    auto it = FirstOtherEnd(byte);
    return it != other_ends_.end() && it->first == byte ? it->second : begin_[byte] + 1;
  }

  // Original code point range of working bytes [b, e), e > b.
  uint32_t SpanStart(size_t b) const { return OrigBegin(b); }
  uint32_t SpanEnd(size_t e) const { return OrigEnd(e - 1); }

  // Appends the mapping of working bytes [b, e) of `other`.
  void AppendFrom(const OffsetMap& other, size_t b, size_t e) {
    const uint32_t shift = static_cast<uint32_t>(begin_.size());
    auto from = other.FirstOtherEnd(b);
    for (; from != other.other_ends_.end() && from->first < e; ++from)
      other_ends_.emplace_back(static_cast<uint32_t>(from->first - b + shift), from->second);
    begin_.insert(begin_.end(), other.begin_.begin() + static_cast<long>(b), other.begin_.begin() + static_cast<long>(e));
  }

 private:
  using Ends = std::vector<std::pair<uint32_t, uint32_t>>;  // (byte, end) where end != begin + 1, by byte

  // The first kept end at or after working byte `byte`.
  Ends::const_iterator FirstOtherEnd(size_t byte) const {
    return std::lower_bound(other_ends_.begin(), other_ends_.end(), byte,
                            [](const std::pair<uint32_t, uint32_t>& e, size_t b) { return e.first < b; });
  }

  std::vector<uint32_t> begin_;
  Ends other_ends_;
};

}  // namespace warta
