// Maps every byte of the working text back to the range of original code
// points it came from, so that any working-text span can be reported with
// offsets into the untouched input (as sentencepiece's norm_to_orig does).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

class OffsetMap {
 public:
  // Records that `bytes` working-text bytes were produced from original code
  // points [orig_begin, orig_end).
  void Append(size_t bytes, uint32_t orig_begin, uint32_t orig_end) {
    for (size_t i = 0; i < bytes; ++i) {  // mostly 1 to 3 bytes: push_back beats a range insert
      begin_.push_back(orig_begin);
      end_.push_back(orig_end);
    }
  }
  // Records that `bytes` working-text bytes were copied one for one from
  // original code points orig_begin, orig_begin + 1, ... (ASCII).
  void AppendCopied(size_t bytes, uint32_t orig_begin) {
    for (uint32_t i = 0; i < bytes; ++i) {
      begin_.push_back(orig_begin + i);
      end_.push_back(orig_begin + i + 1);
    }
  }
  void Clear() { begin_.clear(); end_.clear(); }
  void Reserve(size_t n) { begin_.reserve(n); end_.reserve(n); }
  size_t size() const { return begin_.size(); }

  uint32_t OrigBegin(size_t byte) const { return begin_[byte]; }
  uint32_t OrigEnd(size_t byte) const { return end_[byte]; }

  // Original code point range of working bytes [b, e), e > b.
  uint32_t SpanStart(size_t b) const { return begin_[b]; }
  uint32_t SpanEnd(size_t e) const { return end_[e - 1]; }

  // Appends the mapping of working bytes [b, e) of `other`.
  void AppendFrom(const OffsetMap& other, size_t b, size_t e) {
    begin_.insert(begin_.end(), other.begin_.begin() + b, other.begin_.begin() + e);
    end_.insert(end_.end(), other.end_.begin() + b, other.end_.begin() + e);
  }

 private:
  std::vector<uint32_t> begin_, end_;
};

}  // namespace warta
