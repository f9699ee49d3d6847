// The warta binary as a user runs it: exit codes, messages, stdin.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace warta {
namespace {

testing::CommandResult Warta(const std::string& args) {
  return testing::RunCommand(testing::WartaBinary() + " " + args);
}

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) v.push_back(nlohmann::json::parse(line));
  return v;
}

std::string TempFile(const std::string& name, const std::string& content) {
  const std::string p = ::testing::TempDir() + "/" + name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

TEST(CliTest, VersionAndHelp) {
  auto v = Warta("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("warta ", 0), 0u);
  auto h = Warta("extract --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("Examples:"), std::string::npos);
  EXPECT_NE(h.out.find("--text-field"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitTwoWithOneLine) {
  for (const char* args : {"extract --no-such-option x", "extract /no/such/file.jsonl", "frobnicate", "extract"}) {
    SCOPED_TRACE(args);
    auto r = Warta(std::string(args) + " 2>&1");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out.rfind("warta: ", 0), 0u) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  }
}

TEST(CliTest, StdinJsonlKeepsOrderAndReportsBadLines) {
  const std::string input = TempFile("cli_stdin.jsonl",
      "{\"id\": \"a\", \"title\": \"Pemkot Raih Adipura\", \"date\": \"2019-09-10\", \"text\": \"Pemkot meraih Adipura.\"}\n"
      "{\"id\": \"b\", \"text\": \n"
      "{\"id\": \"c\", \"text\": \"Kemenperin meraih penghargaan.\"}\n");
  auto r = Warta("extract -q - < " + input);
  EXPECT_EQ(r.exit_code, 1);  // one record failed
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "a");
  EXPECT_EQ(lines[0]["title"], "Pemkot Raih Adipura");
  EXPECT_EQ(lines[0]["published"], "2019-09-10");
  EXPECT_EQ(lines[1]["id"], "-:2");
  EXPECT_NE(lines[1]["error"].get<std::string>().find("-:2: not valid JSON"), std::string::npos);
  EXPECT_TRUE(lines[1]["entities"].empty());
  EXPECT_EQ(lines[2]["id"], "c");
}

TEST(CliTest, OutputFileAndSummary) {
  const std::string input = TempFile("cli_out_input.txt", "Judul\n\nJAKARTA - Isi berita.");
  const std::string output = ::testing::TempDir() + "/cli_out.jsonl";
  auto r = Warta("extract " + input + " -o " + output + " 2>&1");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("warta: 1 articles, 0 errors"), std::string::npos) << r.out;
  std::ifstream in(output);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  auto j = nlohmann::json::parse(line);
  for (const char* field : {"id", "title", "published", "entities", "awards", "warnings"})
    EXPECT_TRUE(j.contains(field)) << field;
}

TEST(CliTest, UnwritableOutputIsAClearError) {
  const std::string input = TempFile("cli_unwritable.txt", "Judul\n\nIsi.");
  auto r = Warta("extract " + input + " -o /no/such/dir/out.jsonl 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("/no/such/dir/out.jsonl: cannot write"), std::string::npos) << r.out;
}

TEST(CliTest, BrokenRulesStopAtStart) {
  const std::string dir = ::testing::TempDir() + "/cli_rules";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(testing::RulesDirPath(), dir);
  std::ofstream(dir + "/segment.toml", std::ios::app) << "\nbogus_key = 1\n";
  auto r = Warta("rules check --rules " + dir + " 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("warta: " + dir + "/segment.toml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unknown key \"bogus_key\""), std::string::npos) << r.out;
  EXPECT_EQ(Warta("rules check --rules " + testing::RulesDirPath()).exit_code, 0);
  // extract reads the date fields while the rules compile: the rule error
  // still ends the run before any record is written.
  std::string jsonl;
  for (int i = 0; i < 2000; ++i)
    jsonl += "{\"id\": \"a" + std::to_string(i) + "\", \"date\": \"05/06/2025\", \"text\": \"Kota Bandung meraih penghargaan.\"}\n";
  auto e = Warta("extract --rules " + dir + " " + TempFile("cli_rules_survey.jsonl", jsonl) + " 2>&1");
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_NE(e.out.find("unknown key \"bogus_key\""), std::string::npos) << e.out;
  EXPECT_EQ(e.out.find("{\"id\""), std::string::npos) << "a record was written";
}

TEST(CliTest, UserRulesFolderHoldsOnlyTheFilesItChanges) {
  // One changed file: agencies.tsv with a body of its own. Every other file
  // (regions.tsv for Bandung, the boilerplate, dates, ...) is the shipped one.
  const std::string dir = ::testing::TempDir() + "/cli_user_rules";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(testing::RulesDirPath() + "/agencies.tsv", dir + "/agencies.tsv");
  std::ofstream(dir + "/agencies.tsv", std::ios::app) << "Badan Contoh Nasional\tagency\tBCN\t\t\n";
  const std::string input =
      TempFile("cli_user_rules.txt", "Judul\n\nBANDUNG - Badan Contoh Nasional (BCN) membuka kantor di Kota Bandung.\n");

  EXPECT_EQ(Warta("rules check --rules " + dir).exit_code, 0);
  auto r = Warta("extract -q --rules " + dir + " " + input);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  std::vector<std::string> values;
  for (const auto& e : lines[0]["entities"]) values.push_back(e["value"]);
  EXPECT_EQ(values, (std::vector<std::string>{"Kota Bandung", "Badan Contoh Nasional", "Badan Contoh Nasional",
                                              "Kota Bandung"}));

  // An error in the user's file names that file; a misspelt file name and a
  // missing folder are errors, not the shipped rules in silence.
  std::ofstream(dir + "/agencies.tsv", std::ios::app) << "Badan Tanpa Kolom\n";
  std::ifstream changed(dir + "/agencies.tsv");
  const auto last_line = std::count(std::istreambuf_iterator<char>(changed), {}, '\n');
  auto broken = Warta("rules check --rules " + dir + " 2>&1");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_EQ(broken.out, "warta: " + dir + "/agencies.tsv:" + std::to_string(last_line) +
                            ": expected 2 tab-separated fields, found 1\n");
  std::filesystem::remove(dir + "/agencies.tsv");
  std::ofstream(dir + "/agency.tsv") << "";
  auto misspelt = Warta("extract --rules " + dir + " " + input + " 2>&1");
  EXPECT_EQ(misspelt.exit_code, 2);
  EXPECT_EQ(misspelt.out, "warta: " + dir + "/agency.tsv: not a rules file (the shipped rules/ has no agency.tsv)\n");
  auto missing = Warta("extract --rules " + dir + "/nope " + input + " 2>&1");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "warta: " + dir + "/nope: not a rules folder (no such folder)\n");
}

TEST(CliTest, RulesCheckListsNotesOnlyWhenVerbose) {
  // The shipped rules have no conflicts, only notes on phrases warta tells
  // apart (bare region names, former names): a plain check prints one line.
  auto plain = Warta("rules check --rules " + testing::RulesDirPath());
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_EQ(plain.out.find("note: "), std::string::npos) << plain.out;
  EXPECT_EQ(std::count(plain.out.begin(), plain.out.end(), '\n'), 1) << plain.out;
  EXPECT_NE(plain.out.find(": loaded; 0 conflict(s), "), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find(" note(s) (--verbose lists them)"), std::string::npos) << plain.out;
  auto verbose = Warta("rules check --verbose --rules " + testing::RulesDirPath());
  EXPECT_EQ(verbose.exit_code, 0);
  EXPECT_NE(verbose.out.find("note: region \"bandung\" names Kabupaten Bandung"), std::string::npos)
      << verbose.out;
}

}  // namespace
}  // namespace warta
