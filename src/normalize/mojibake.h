// Mojibake: UTF-8 text that some program decoded as a single-byte code page
// and encoded again, so that "“" (bytes E2 80 9C) became "‚Äú" (Mac OS
// Roman) or "â€œ" (Windows-1252), and a no-break space "¬†" or "Â ".
//
//   std::unique_ptr<warta::MojibakeTables> tables;
//   if (auto s = warta::MojibakeTables::Load(&tables); !s.ok()) ...
//   auto page = tables->Detect(text);          // which code page, if any
//   warta::MojibakeRepair<Sink> repair(*tables, page, &sink);
//   for (...) repair.Put(c, begin, end);       // sink.Put gets the repaired text
//   repair.Flush();
//
// The repair is principled rather than a list of known sequences: a run of
// characters whose bytes in the code page (ICU's converter tables) form one
// well-formed multi-byte UTF-8 sequence is the character those bytes encode.
// Internal to the normalize stage.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

#include "core/status.h"

namespace warta {

class MojibakeTables {
 public:
  enum Page { kNone = -1, kMacRoman = 0, kWindows1252 = 1 };

  // Builds the tables from ICU's "macintosh", "windows-1252" and
  // "ISO-8859-1" converters.
  static Status Load(std::unique_ptr<MojibakeTables>* out);

  // The code page whose mojibake explains `utf8` best, or kNone. Each page
  // scores the sequences it would repair, counting only those that decode to
  // a plausible character (not a combining mark, control, private-use or
  // unassigned code point): mojibake of one page read through the other
  // decodes to exactly such characters ("Ã©" through Mac OS Roman is U+0329).
  Page Detect(std::string_view utf8) const;

  // The byte `c` is written as in `page`, or -1.
  int Byte(Page page, char32_t c) const {
    const Table& t = tables_[page];
    if (c < 0x80) return -1;
    if (c < 0x100) return t.low[c];
    auto it = std::lower_bound(t.high.begin(), t.high.end(), std::pair<char32_t, uint8_t>(c, 0));
    return it != t.high.end() && it->first == c ? it->second : -1;
  }

  static const char* Name(Page page);

  // Detects and repairs the mojibake of a field such as a title, in place;
  // returns the number of characters repaired and sets `page`.
  int RepairField(std::string* s, Page* page) const;

 private:
  struct Table {
    std::array<int16_t, 0x100> low;                  // code points below U+0100
    std::vector<std::pair<char32_t, uint8_t>> high;  // the rest, sorted
  };
  std::array<Table, 2> tables_;
};

// Number of bytes of the UTF-8 sequence that `lead` starts, 0 for a byte
// that cannot start a multi-byte sequence.
inline int Utf8SequenceLength(int lead) {
  return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}

// Streams characters with their original code point ranges to `Sink`
// (anything with Put(char32_t, uint32_t begin, uint32_t end)); a repaired
// character carries the range of the whole run it replaces.
template <typename Sink>
class MojibakeRepair {
 public:
  MojibakeRepair(const MojibakeTables& tables, MojibakeTables::Page page, Sink* out)
      : tables_(tables), page_(page), out_(out) {}

  void Put(char32_t c, uint32_t ob, uint32_t oe) {
    if (page_ == MojibakeTables::kNone) {
      out_->Put(c, ob, oe);
      return;
    }
    const int byte = tables_.Byte(page_, c);
    if (size_ > 0 && byte >= 0x80 && byte <= 0xBF) {  // a continuation byte
      pending_[size_++] = {c, ob, oe, static_cast<uint8_t>(byte)};
      if (size_ == need_) Decode();
      return;
    }
    Flush();
    if (int n = Utf8SequenceLength(byte)) {
      pending_[0] = {c, ob, oe, static_cast<uint8_t>(byte)};
      size_ = 1;
      need_ = n;
      return;
    }
    out_->Put(c, ob, oe);
  }

  // ASCII is never part of mojibake: it ends a pending run and passes.
  void PutAscii(std::string_view run, uint32_t cp) {
    Flush();
    out_->PutAscii(run, cp);
  }

  // Passes on a run that did not complete: its characters stay as written.
  void Flush() {
    for (int i = 0; i < size_; ++i) out_->Put(pending_[i].c, pending_[i].ob, pending_[i].oe);
    size_ = 0;
  }

  int repaired() const { return repaired_; }

 private:
  struct Pending {
    char32_t c;
    uint32_t ob, oe;
    uint8_t byte;
  };

  void Decode() {
    uint8_t bytes[4];
    for (int i = 0; i < size_; ++i) bytes[i] = pending_[i].byte;
    int32_t i = 0;
    UChar32 decoded;
    U8_NEXT(bytes, i, size_, decoded);  // rejects overlong forms and surrogates
    if (decoded < 0 || i != size_) {
      Flush();
      return;
    }
    out_->Put(static_cast<char32_t>(decoded), pending_[0].ob, pending_[size_ - 1].oe);
    ++repaired_;
    size_ = 0;
  }

  const MojibakeTables& tables_;
  const MojibakeTables::Page page_;
  Sink* out_;
  Pending pending_[4];
  int size_ = 0, need_ = 0;
  int repaired_ = 0;
};

}  // namespace warta
