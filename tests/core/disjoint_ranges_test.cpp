#include "core/disjoint_ranges.h"

#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(DisjointRangesTest, OverlapsAndCovers) {
  DisjointRanges set;
  set.Insert({10, 20});
  set.Insert({30, 35});
  EXPECT_FALSE(set.Overlaps({0, 10}));   // touching is not overlapping
  EXPECT_FALSE(set.Overlaps({20, 30}));
  EXPECT_TRUE(set.Overlaps({19, 25}));
  EXPECT_TRUE(set.Overlaps({0, 40}));    // holds both
  EXPECT_TRUE(set.Overlaps({12, 13}));   // inside one
  EXPECT_TRUE(set.Covers({12, 20}));
  EXPECT_TRUE(set.Covers({30, 35}));
  EXPECT_FALSE(set.Covers({19, 31}));    // spans the gap
  EXPECT_FALSE(set.Covers({5, 12}));
  EXPECT_FALSE(set.Covers({36, 37}));
}

// Against the plain scan it replaces, on random mentions kept longest first.
TEST(DisjointRangesTest, KeepsWhatAScanKeeps) {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<Range> mentions;
    for (int i = 0; i < 60; ++i) {
      const uint32_t b = random() % 500;
      mentions.push_back({b, b + 1 + static_cast<uint32_t>(random() % 30)});
    }
    std::vector<Range> scanned;
    DisjointRanges set;
    for (const Range& m : mentions) {
      bool overlaps = false;
      for (const Range& k : scanned) overlaps = overlaps || (m.begin < k.end && k.begin < m.end);
      ASSERT_EQ(set.Overlaps(m), overlaps) << m.begin << "-" << m.end;
      bool covered = false;
      for (const Range& k : scanned) covered = covered || (k.begin <= m.begin && m.end <= k.end);
      ASSERT_EQ(set.Covers(m), covered) << m.begin << "-" << m.end;
      if (!overlaps) {
        scanned.push_back(m);
        set.Insert(m);
      }
    }
  }
}

}  // namespace
}  // namespace warta
