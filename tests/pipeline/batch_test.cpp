#include "pipeline/batch.h"

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "test_paths.h"

namespace warta {
namespace {

class BatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Pipeline::Load(RulesDir(testing::RulesDirPath()), &pipeline_);
    ASSERT_TRUE(s.ok()) << s.message();
    path_ = ::testing::TempDir() + "/warta_batch.jsonl";
    std::ofstream out(path_);
    for (int i = 0; i < 1000; ++i) {
      if (i % 97 == 13) {
        out << "{\"id\": \"broken-" << i << "\", \"text\": \n";  // not JSON
        continue;
      }
      out << "{\"id\": \"a-" << i << "\", \"title\": \"Pemkot Raih Penghargaan\", \"text\": \"JAKARTA - Pemerintah Kota "
          << (i % 2 ? "Tangerang" : "Semarang") << " meraih " << (i % 7 + 1)
          << " penghargaan Top 99 Inovasi Pelayanan Publik, Senin (22/5/2017).\"}\n";
    }
  }
  static std::vector<std::string> Run(int threads, uint32_t shard_index, uint32_t shard_count, BatchCounts* counts) {
    Reader reader(ExpandInputs({path_}).files, {});
    BatchOptions options;
    options.threads = threads;
    options.chunk = 16;  // many chunks
    options.shard_index = shard_index;
    options.shard_count = shard_count;
    std::vector<std::string> ids;
    Status s = RunBatch(reader, *pipeline_, options,
                        [&](const Document& doc) {
                          ids.push_back(doc.id + (doc.awards.empty() ? "" : "+record"));
                          return Status();
                        },
                        counts);
    EXPECT_TRUE(s.ok()) << s.message();
    return ids;
  }
  static std::unique_ptr<Pipeline> pipeline_;
  static std::string path_;
};
std::unique_ptr<Pipeline> BatchTest::pipeline_;
std::string BatchTest::path_;

TEST_F(BatchTest, ThreadsKeepInputOrderAndResults) {
  BatchCounts one, two;
  const std::vector<std::string> serial = Run(1, 0, 1, &one);
  EXPECT_EQ(Run(2, 0, 1, &two), serial);
  ASSERT_EQ(serial.size(), 1000u);
  EXPECT_EQ(serial[0], "a-0+record");
  EXPECT_EQ(serial[13], path_ + ":14");  // the broken line, reported in place
  // Nothing lost: every record read is written, errors among them.
  EXPECT_EQ(two.read, 1000u);
  EXPECT_EQ(two.written, 1000u);
  EXPECT_EQ(two.errors, 11u);  // i % 97 == 13 for i < 1000
}

TEST_F(BatchTest, ShardsPartitionTheInput) {
  std::multiset<std::string> all;
  uint64_t written = 0;
  for (uint32_t k = 0; k < 3; ++k) {
    BatchCounts counts;
    for (const std::string& id : Run(2, k, 3, &counts)) all.insert(id);
    EXPECT_EQ(counts.read, 1000u);
    written += counts.written;
  }
  BatchCounts counts;
  const std::vector<std::string> whole = Run(1, 0, 1, &counts);
  EXPECT_EQ(written, 1000u);
  EXPECT_EQ(all, std::multiset<std::string>(whole.begin(), whole.end()));
}

}  // namespace
}  // namespace warta
