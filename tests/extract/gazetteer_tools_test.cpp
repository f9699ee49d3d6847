#include "extract/gazetteer_tools.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_paths.h"

namespace warta {
namespace {

std::string RulesCopy(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::copy(testing::RulesDirPath(), dir);
  return dir;
}

TEST(GazetteerToolsTest, ShippedGazetteersHaveNoConflicts) {
  std::vector<std::string> findings;
  size_t conflicts = 99;
  ASSERT_TRUE(CheckGazetteers(RulesDir(testing::RulesDirPath()), &findings, &conflicts).ok());
  EXPECT_EQ(conflicts, 0u);
  // Shared short names of regions are noted, not conflicts.
  EXPECT_NE(std::find_if(findings.begin(), findings.end(),
                         [](const std::string& f) { return f.rfind("note: region \"bandung\"", 0) == 0; }),
            findings.end());
}

TEST(GazetteerToolsTest, AnAcronymOfTwoBodiesIsAConflict) {
  const std::string dir = RulesCopy("warta_tools_conflict");
  std::ofstream(dir + "/agencies.tsv", std::ios::app) << "Badan Pembina Kesenian Daerah\tagency\tBPK\t\t\n";
  std::vector<std::string> findings;
  size_t conflicts = 0;
  ASSERT_TRUE(CheckGazetteers(RulesDir(dir), &findings, &conflicts).ok());
  EXPECT_EQ(conflicts, 1u);
  EXPECT_NE(std::find_if(findings.begin(), findings.end(),
                         [](const std::string& f) { return f.rfind("conflict: body \"bpk\" names", 0) == 0; }),
            findings.end());
}

TEST(GazetteerToolsTest, ARowNeverNamesAPhraseTwice) {
  // Line 90 of the shipped agencies.tsv has "Badan SAR Nasional" as a variant
  // and as a former name: one body, no note pairing the line with itself.
  const std::string dir = RulesCopy("warta_tools_same_row");
  std::ofstream(dir + "/agencies.tsv", std::ios::app)
      << "Badan Contoh Nasional\tagency\tBCN\tBadan Contoh\tBadan Contoh@2001-2010\n";
  std::vector<std::string> findings;
  size_t conflicts = 0;
  ASSERT_TRUE(CheckGazetteers(RulesDir(dir), &findings, &conflicts).ok());
  EXPECT_EQ(conflicts, 0u);
  for (const std::string& f : findings) {
    EXPECT_EQ(f.find("\"badan contoh\""), std::string::npos) << f;
    EXPECT_EQ(f.find("\"badan sar nasional\""), std::string::npos) << f;
  }
}

TEST(GazetteerToolsTest, ImportRegionsKeepsAliasesAndReportsDroppedCodes) {
  const std::string list = ::testing::TempDir() + "/warta_official_regions.tsv";
  std::ofstream(list) << "code\tlevel\tname\tparent_code\n"
                         "32\tprovince\tJawa Barat\t\n"
                         "32.73\tcity\tKota Bandung\t32\n"
                         "99\tprovince\tProvinsi Baru\t\n";
  std::ostringstream out;
  std::vector<std::string> dropped;
  ASSERT_TRUE(ImportRegions(RulesDir(testing::RulesDirPath()), list, out, &dropped).ok());
  std::istringstream lines(out.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);)
    if (line[0] != '#') rows.push_back(line);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].rfind("32\tprovince\tJawa Barat\t\t", 0), 0u);
  EXPECT_NE(rows[0].find("Jabar"), std::string::npos);  // our alias kept
  EXPECT_EQ(rows[2], "99\tprovince\tProvinsi Baru\t\t");
  EXPECT_EQ(dropped.size(), 552u - 2u);
}

}  // namespace
}  // namespace warta
