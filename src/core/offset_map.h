// Maps every byte of the working text back to the range of original code
// points it came from, so that any working-text span can be reported with
// offsets into the untouched input (as sentencepiece's norm_to_orig does).
//
// The map is kept as runs of bytes that map alike: a copied run (ASCII
// copied one for one: its byte k comes from code point orig + k) or a
// constant run (every byte from one range: the bytes of one multi-byte
// character, an entity "&amp;" read as "&", a space standing for cut
// markup). Indonesian news is nearly all ASCII, so an article is a few runs,
// and copying text from one stage to the next copies runs, not a word per byte.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace warta {

class OffsetMap {
 public:
  // Records that `bytes` working-text bytes were produced from original code
  // points [orig_begin, orig_end) (an empty range for inserted text).
  void Append(size_t bytes, uint32_t orig_begin, uint32_t orig_end) {
    if (bytes == 0) return;
    if (bytes == 1 && orig_end == orig_begin + 1) return AppendCopied(1, orig_begin);
    if (runs_.empty() || runs_.back().end == kCopied || runs_.back().orig != orig_begin || runs_.back().end != orig_end)
      runs_.push_back({static_cast<uint32_t>(size_), orig_begin, orig_end});
    size_ += bytes;
  }
  // Records that `bytes` working-text bytes were copied one for one from
  // original code points orig_begin, orig_begin + 1, ... (ASCII).
  void AppendCopied(size_t bytes, uint32_t orig_begin) {
    if (bytes == 0) return;
    if (runs_.empty() || runs_.back().end != kCopied || runs_.back().orig + (size_ - runs_.back().work) != orig_begin)
      runs_.push_back({static_cast<uint32_t>(size_), orig_begin, kCopied});
    size_ += bytes;
  }
  void Clear() {
    runs_.clear();
    size_ = 0;
  }
  size_t size() const { return size_; }

  uint32_t OrigBegin(size_t byte) const {
    const Run& r = RunAt(byte);
    return r.end == kCopied ? r.orig + static_cast<uint32_t>(byte - r.work) : r.orig;
  }
  uint32_t OrigEnd(size_t byte) const {
    const Run& r = RunAt(byte);
    return r.end == kCopied ? r.orig + static_cast<uint32_t>(byte - r.work) + 1 : r.end;
  }

  // Original code point range of working bytes [b, e), e > b.
  uint32_t SpanStart(size_t b) const { return OrigBegin(b); }
  uint32_t SpanEnd(size_t e) const { return OrigEnd(e - 1); }

  // Appends the mapping of working bytes [b, e) of `other`.
  void AppendFrom(const OffsetMap& other, size_t b, size_t e) {
    if (b >= e) return;
    for (auto r = other.RunIterator(b); r != other.runs_.end() && r->work < e; ++r) {
      const size_t from = std::max<size_t>(b, r->work);
      const size_t to = std::min<size_t>(e, r + 1 == other.runs_.end() ? other.size_ : (r + 1)->work);
      if (r->end == kCopied) AppendCopied(to - from, r->orig + static_cast<uint32_t>(from - r->work));
      else Append(to - from, r->orig, r->end);
    }
  }

 private:
  static constexpr uint32_t kCopied = UINT32_MAX;  // Run::end of a copied run
  struct Run {
    uint32_t work;  // first working byte; the run goes on to the next run's
    uint32_t orig;  // copied: code point of byte `work`; constant: begin of every byte
    uint32_t end;   // constant: end of every byte; kCopied
  };

  // The run that holds working byte `byte` (< size()).
  std::vector<Run>::const_iterator RunIterator(size_t byte) const {
    return std::upper_bound(runs_.begin(), runs_.end(), byte, [](size_t b, const Run& r) { return b < r.work; }) - 1;
  }
  const Run& RunAt(size_t byte) const { return *RunIterator(byte); }

  std::vector<Run> runs_;
  size_t size_ = 0;
};

}  // namespace warta
