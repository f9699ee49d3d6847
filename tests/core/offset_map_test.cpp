#include "core/offset_map.h"

#include <random>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace warta {
namespace {

// The map written out byte by byte, as the runs must read.
using Plain = std::vector<std::pair<uint32_t, uint32_t>>;

Plain Read(const OffsetMap& map) {
  Plain out;
  for (size_t b = 0; b < map.size(); ++b) out.emplace_back(map.OrigBegin(b), map.OrigEnd(b));
  return out;
}

TEST(OffsetMapTest, ArticleWithEntityAndMultiByteCharacter) {
  // "Tom &amp; Jé." read as "Tom & Jé.": the entity is five code points, "é" two bytes.
  OffsetMap map;
  map.AppendCopied(4, 0);  // "Tom "
  map.Append(1, 4, 9);     // "&" from "&amp;"
  map.AppendCopied(2, 9);  // " J"
  map.Append(2, 11, 12);   // "é"
  map.Append(1, 12, 13);   // "."
  EXPECT_EQ(Read(map), (Plain{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 9}, {9, 10}, {10, 11}, {11, 12}, {11, 12}, {12, 13}}));
  EXPECT_EQ(map.SpanStart(4), 4u);
  EXPECT_EQ(map.SpanEnd(5), 9u);
  EXPECT_EQ(map.SpanEnd(9), 12u);  // up to the end of "é"
}

TEST(OffsetMapTest, InsertedTextMapsToAnEmptyRange) {
  OffsetMap map;
  map.AppendCopied(3, 10);
  map.Append(1, 13, 13);  // a line break put where a comma was cut
  map.AppendCopied(2, 13);
  EXPECT_EQ(Read(map), (Plain{{10, 11}, {11, 12}, {12, 13}, {13, 13}, {13, 14}, {14, 15}}));
}

TEST(OffsetMapTest, AppendFromCopiesAnyPiece) {
  OffsetMap source;
  source.AppendCopied(5, 0);
  source.Append(3, 5, 6);
  source.Append(1, 6, 11);
  source.AppendCopied(4, 11);
  const Plain all = Read(source);
  for (size_t b = 0; b < source.size(); ++b)
    for (size_t e = b + 1; e <= source.size(); ++e) {
      OffsetMap piece;
      piece.AppendCopied(2, 100);
      piece.AppendFrom(source, b, e);
      Plain want{{100, 101}, {101, 102}};
      want.insert(want.end(), all.begin() + static_cast<long>(b), all.begin() + static_cast<long>(e));
      EXPECT_EQ(Read(piece), want) << b << " " << e;
    }
}

// Random appends and copies against the byte-by-byte reading of them.
TEST(OffsetMapTest, RunsReadAsBytes) {
  std::mt19937 random(3);
  for (int round = 0; round < 300; ++round) {
    OffsetMap map;
    Plain want;
    uint32_t cp = 0;
    for (int step = random() % 40; step > 0; --step) {
      switch (random() % 4) {
        case 0: {  // ASCII, maybe after a skipped code point
          cp += random() % 2;
          const size_t n = random() % 6;
          map.AppendCopied(n, cp);
          for (size_t k = 0; k < n; ++k, ++cp) want.emplace_back(cp, cp + 1);
          break;
        }
        case 1: {  // one character of 1 to 4 bytes
          const size_t n = 1 + random() % 4;
          map.Append(n, cp, cp + 1);
          for (size_t k = 0; k < n; ++k) want.emplace_back(cp, cp + 1);
          ++cp;
          break;
        }
        case 2: {  // an entity or an inserted byte
          const uint32_t len = random() % 6;
          map.Append(1, cp, cp + len);
          want.emplace_back(cp, cp + len);
          cp += len;
          break;
        }
        default: {  // a piece of itself, as a rewrite copies
          if (map.size() == 0) break;
          const size_t b = random() % map.size(), e = b + 1 + random() % (map.size() - b);
          OffsetMap copy;
          copy.AppendFrom(map, 0, map.size());
          map.AppendFrom(copy, b, e);
          const Plain piece(want.begin() + static_cast<long>(b), want.begin() + static_cast<long>(e));
          want.insert(want.end(), piece.begin(), piece.end());
        }
      }
    }
    ASSERT_EQ(map.size(), want.size());
    EXPECT_EQ(Read(map), want);
  }
}

TEST(OffsetMapTest, AsciiTextIsOneRun) {
  OffsetMap map;
  for (uint32_t k = 0; k < 1000; k += 10) map.AppendCopied(10, k);
  OffsetMap copy;
  copy.AppendFrom(map, 0, 500);
  copy.AppendFrom(map, 500, 1000);
  EXPECT_EQ(Read(copy), Read(map));
  EXPECT_EQ(map.OrigBegin(999), 999u);
  EXPECT_EQ(map.OrigEnd(999), 1000u);
}

}  // namespace
}  // namespace warta
