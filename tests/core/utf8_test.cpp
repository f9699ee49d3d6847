#include "core/utf8.h"

#include <random>

#include <gtest/gtest.h>

namespace warta {
namespace {

// CodePointIndex slices as SliceCodePoints does, on texts of one- to
// four-byte characters long enough to span many 64-byte blocks, for spans
// that start and end anywhere, past the end included.
TEST(CodePointIndexTest, SlicesAsSliceCodePoints) {
  const char32_t alphabet[] = {'a', ' ', 'Z', U'é', U'“', U'”', U'—', U'€', U'𝄞', U'😀', U'ñ', '\n'};
  std::mt19937 rng(20261207);
  for (int trial = 0; trial < 200; ++trial) {
    std::string text;
    const size_t length = rng() % 400;
    for (size_t k = 0; k < length; ++k) AppendUtf8(alphabet[rng() % std::size(alphabet)], &text);
    const size_t code_points = CountCodePoints(text);
    const CodePointIndex index(text);
    for (int span = 0; span < 50; ++span) {
      const size_t start = rng() % (code_points + 3), end = start + rng() % (code_points + 3 - start);
      SCOPED_TRACE("text \"" + text + "\", code points [" + std::to_string(start) + ", " + std::to_string(end) + ")");
      EXPECT_EQ(index.Slice(start, end), SliceCodePoints(text, start, end));
    }
  }
  EXPECT_EQ(CodePointIndex("").Slice(0, 3), "");
}

}  // namespace
}  // namespace warta
