// RulesDir: a user's folder over the shipped one, and errors that name the
// file the user wrote.
#include "core/rules_file.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace warta {
namespace {

namespace fs = std::filesystem;

// shipped/{dates.toml,regions.tsv} and user/dates.toml, fresh per test.
class RulesDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ("warta_rules_dir_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "shipped");
    fs::create_directories(root_ / "user");
    Write("shipped/dates.toml", "x = 1\n");
    Write("shipped/regions.tsv", "11\tprovince\tAceh\t\n");
    Write("user/dates.toml", "# changed\nx = [\n");
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  std::string Dir(const std::string& name) const { return (root_ / name).string(); }

  fs::path root_;
};

TEST_F(RulesDirTest, ReadsTheUsersFilesAndTheShippedRest) {
  RulesDir rules;
  ASSERT_TRUE(RulesDir::Layered(Dir("user"), Dir("shipped"), &rules).ok());
  EXPECT_EQ(rules.Path("dates.toml"), Dir("user") + "/dates.toml");
  EXPECT_EQ(rules.Path("regions.tsv"), Dir("shipped") + "/regions.tsv");
  EXPECT_EQ(RulesDir(Dir("shipped")).Path("dates.toml"), Dir("shipped") + "/dates.toml");
  // A trailing slash does not double in the names.
  ASSERT_TRUE(RulesDir::Layered(Dir("user") + "/", Dir("shipped"), &rules).ok());
  EXPECT_EQ(rules.Path("dates.toml"), Dir("user") + "/dates.toml");
}

TEST_F(RulesDirTest, LocateNamesTheUsersFileNotTheShippedName) {
  RulesDir rules;
  ASSERT_TRUE(RulesDir::Layered(Dir("user"), Dir("shipped"), &rules).ok());
  toml::table table;
  const Status broken = ReadToml(rules.Path("dates.toml"), RulesDir::Display("dates.toml"), &table);
  ASSERT_FALSE(broken.ok());
  ASSERT_EQ(broken.message().rfind("rules/dates.toml:2: ", 0), 0u) << broken.message();
  EXPECT_EQ(rules.Locate(broken).message(),
            Dir("user") + "/dates.toml:2: " + broken.message().substr(std::string("rules/dates.toml:2: ").size()));
  // Errors in shipped files keep their name; a success stays one.
  const Status shipped = Status::Error("rules/regions.tsv:1: duplicate code 11");
  EXPECT_EQ(rules.Locate(shipped).message(), shipped.message());
  EXPECT_TRUE(rules.Locate(Status()).ok());
  EXPECT_EQ(RulesDir(Dir("shipped")).Locate(broken).message(), broken.message());
}

TEST_F(RulesDirTest, UnknownFilesAndMissingFoldersAreErrors) {
  Write("user/.dates.toml.swp", "");  // editors' files are not rules
  RulesDir rules;
  EXPECT_TRUE(RulesDir::Layered(Dir("user"), Dir("shipped"), &rules).ok());
  Write("user/date.toml", "x = 2\n");
  Status misspelt = RulesDir::Layered(Dir("user"), Dir("shipped"), &rules);
  EXPECT_EQ(misspelt.message(), Dir("user") + "/date.toml: not a rules file (the shipped rules/ has no date.toml)");
  Status missing = RulesDir::Layered(Dir("nope"), Dir("shipped"), &rules);
  EXPECT_EQ(missing.message(), Dir("nope") + ": not a rules folder (no such folder)");
}

}  // namespace
}  // namespace warta
