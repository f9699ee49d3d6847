// Ranges that do not overlap one another, sorted, with overlap and cover
// tests in O(log n). The extractors keep the longest of overlapping mentions;
// testing each new mention against a list of the kept ones made articles
// dense with dates or names quadratic (2 MB took seconds).
#pragma once

#include <iterator>
#include <map>

#include "core/document.h"

namespace warta {

class DisjointRanges {
 public:
  // Whether `r` overlaps a range of the set: [b, e) and [b2, e2) overlap when
  // b < e2 and b2 < e.
  bool Overlaps(Range r) const {
    auto it = ranges_.lower_bound(r.end);  // the first range starting at or after r.end
    if (it == ranges_.begin()) return false;
    return std::prev(it)->second > r.begin;  // only the last one starting before r.end can reach r
  }

  // Whether one range of the set holds all of `r`.
  bool Covers(Range r) const {
    auto it = ranges_.upper_bound(r.begin);  // the first range starting after r.begin
    if (it == ranges_.begin()) return false;
    return std::prev(it)->second >= r.end;
  }

  // Adds `r`, which must not overlap the set (test with Overlaps first); an
  // empty range overlaps nothing, so one may share its start with another.
  void Insert(Range r) {
    auto [it, added] = ranges_.emplace(r.begin, r.end);
    if (!added && it->second < r.end) it->second = r.end;
  }

 private:
  std::map<uint32_t, uint32_t> ranges_;  // begin -> end
};

}  // namespace warta
