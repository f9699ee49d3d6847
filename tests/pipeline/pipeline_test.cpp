#include "pipeline/pipeline.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "test_paths.h"

namespace warta {
namespace {

// The extractor's rules load on a thread of their own: a broken rule file
// is still reported as a single thread would meet it, the first stage's
// first, and a broken extractor file alone is reported.
TEST(PipelineLoadTest, BrokenRulesReportedInStageOrder) {
  const std::string dir = ::testing::TempDir() + "/warta_pipeline_rules";
  auto load = [&](std::initializer_list<const char*> broken) {
    std::filesystem::remove_all(dir);
    std::filesystem::copy(testing::RulesDirPath(), dir);
    for (const char* file : broken) std::ofstream(dir + "/" + file, std::ios::app) << "\nbogus_key = 1\n";
    std::unique_ptr<Pipeline> pipeline;
    Status s = Pipeline::Load(RulesDir(dir), &pipeline);
    EXPECT_EQ(s.ok(), pipeline != nullptr);
    return s.message();
  };
  EXPECT_EQ(load({}), "");
  EXPECT_NE(load({"gazetteer.toml"}).find("rules/gazetteer.toml"), std::string::npos);
  EXPECT_NE(load({"gazetteer.toml", "boilerplate.toml"}).find("rules/boilerplate.toml"), std::string::npos);
  EXPECT_NE(load({"gazetteer.toml", "segment.toml"}).find("rules/segment.toml"), std::string::npos);
  EXPECT_NE(load({"records.toml", "counts.toml"}).find("rules/counts.toml"), std::string::npos);
  EXPECT_NE(load({"records.toml"}).find("rules/records.toml"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace warta
