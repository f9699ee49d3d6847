// The warta binary as a user runs it: exit codes, messages, stdin.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
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
  EXPECT_EQ(Warta("-V").out, v.out);
  auto h = Warta("extract --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("Examples:"), std::string::npos);
  EXPECT_NE(h.out.find("--text-field"), std::string::npos);
}

// Issue 22: every command's --help printed the usage of all of them.
TEST(CliTest, EachCommandsHelpIsItsOwn) {
  struct Case {
    const char* command;
    std::vector<const char*> has, lacks;
  };
  for (const Case& c : std::vector<Case>{
           {"extract", {"Usage: warta extract", "--format", "--only-awards", "--id ID", "--glob", "Exit codes: 0"},
            {"--gold", "import-regions"}},
           {"show", {"Usage: warta show", "--id ID", "--glob", "Exit codes: 0"}, {"--format", "--gold", "--shard"}},
           {"eval", {"Usage: warta eval", "--gold", "--min", "Exit codes: 0"}, {"--format", "--shard", "--id ID"}},
           {"rules", {"warta rules check", "import-regions", "Exit codes: 0"}, {"--format", "--gold", "--text-field"}}}) {
    SCOPED_TRACE(c.command);
    auto h = Warta(std::string(c.command) + " --help");
    EXPECT_EQ(h.exit_code, 0);
    for (const char* text : c.has) EXPECT_NE(h.out.find(text), std::string::npos) << text << "\n" << h.out;
    for (const char* text : c.lacks) EXPECT_EQ(h.out.find(text), std::string::npos) << text << "\n" << h.out;
  }
}

TEST(CliTest, UsageErrorsExitTwoWithOneLine) {
  for (const char* args : {"extract --no-such-option x", "frobnicate", "extract", "show --id-f clickid x.jsonl",
                           "extract --format csv -o - x.txt", "extract --format jsonl,jsonl x.txt"}) {
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
  EXPECT_EQ(r.exit_code, 1);  // as documented: an output that cannot be written
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

// A fresh folder for one test.
std::string Folder(const std::string& name) {
  const std::string p = ::testing::TempDir() + "/warta_cli_" + std::to_string(::getpid()) + "_" + name;
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

std::string Put(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string CorpusArticle(const std::string& name) { return testing::SourceDir() + "/corpus/articles/" + name + ".txt"; }

std::vector<std::vector<std::string>> Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::vector<std::string>> rows;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return rows;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    rows.emplace_back();
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const unsigned char* v = sqlite3_column_text(stmt, c);
      rows.back().push_back(v ? reinterpret_cast<const char*>(v) : "NULL");
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// Issue 22: two articles with one id; the SQLite dataset kept only the later.
TEST(CliTest, DuplicateIdsAreWarnedAndNeverOverwriteInSqlite) {
  const std::string dir = Folder("dup");
  const std::string a = Put(dir + "/berita/x.txt", Slurp(CorpusArticle("002_pemkot-semarang-top45")));
  const std::string b = Put(dir + "/berita/jateng/x.txt", Slurp(CorpusArticle("006_pemkab-sleman-wtp")));
  const std::string db = dir + "/awards.sqlite";
  auto r = Warta("extract --format sqlite -o " + db + " " + a + " " + b + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("warning duplicate-id: 1"), std::string::npos) << r.out;
  const auto rows = Query(db, "SELECT id, title, warnings FROM articles ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "x");
  EXPECT_EQ(rows[1][0], "x~2");
  EXPECT_NE(rows[0][1], rows[1][1]);  // two articles, both kept
  EXPECT_NE(rows[1][2].find("id \\\"x\\\" is the id of an earlier record too"), std::string::npos) << rows[1][2];
  EXPECT_NE(rows[1][2].find("stored as \\\"x~2\\\""), std::string::npos) << rows[1][2];
  EXPECT_EQ(Query(db, "SELECT COUNT(DISTINCT article_id) FROM entities"), (std::vector<std::vector<std::string>>{{"2"}}));
  // The same again refreshes in place; read from the folder, the ids differ.
  EXPECT_EQ(Warta("extract -q --format sqlite -o " + db + " " + a + " " + b).exit_code, 0);
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM articles"), (std::vector<std::vector<std::string>>{{"2"}}));
  auto lines = Lines(Warta("extract -q " + dir + "/berita").out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "jateng/x");
  EXPECT_EQ(lines[1]["id"], "x");
  EXPECT_TRUE(lines[1]["warnings"].empty()) << lines[1]["warnings"];
}

// Issue 17: a second run writing the same dataset stopped at once with
// "database is locked". Here this test holds the dataset's lock for a while,
// then two runs start at once: both wait, take turns, and both batches land.
TEST(CliTest, TwoRunsWritingOneDatasetTakeTurns) {
  const std::string dir = Folder("two_writers");
  const std::string db = dir + "/one.sqlite";
  const std::string second =
      Put(dir + "/second.jsonl",
          nlohmann::json({{"id", "b1"}, {"text", Slurp(CorpusArticle("002_pemkot-semarang-top45"))}}).dump() + "\n" +
              "{\"id\": \"b2\", \"text\": \"Pemkab Sleman meraih opini WTP.\"}\n");
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  });
  const std::string run = testing::WartaBinary() + " extract -q --format sqlite --lock-timeout 120 -o " + db;
  auto r = testing::RunCommand("(" + run + " " + testing::SourceDir() + "/corpus/articles; echo first $?) & (" + run +
                               " " + second + "; echo second $?) & wait");
  release.join();
  sqlite3_close(holder);
  EXPECT_NE(r.out.find("first 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("second 0"), std::string::npos) << r.out;
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM articles WHERE id IN ('b1', 'b2')"),
            (std::vector<std::vector<std::string>>{{"2"}}));
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM articles WHERE id LIKE '0%'"),
            (std::vector<std::vector<std::string>>{{"34"}}));
  EXPECT_EQ(Query(db, "SELECT COUNT(*) > 0 FROM award_sources WHERE article_id = 'b1'"),
            (std::vector<std::vector<std::string>>{{"1"}}));
  EXPECT_EQ(Query(db, "SELECT COUNT(*) > 0 FROM award_sources WHERE article_id LIKE '0%'"),
            (std::vector<std::vector<std::string>>{{"1"}}));
}

// A lock that never frees within --lock-timeout is an output failure of its own (exit 3), and the run writes nothing.
TEST(CliTest, DatasetLockedPastTheTimeoutExitsThree) {
  const std::string dir = Folder("locked");
  const std::string db = dir + "/held.sqlite";
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  auto r = Warta("extract -q --format sqlite --lock-timeout 0.5 -o " + db + " " +
                 CorpusArticle("002_pemkot-semarang-top45") + " 2>&1");
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("warta: " + db + ": database is locked (another writer held it for the whole --lock-timeout of 0.5 s)"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(Query(db, "SELECT name FROM sqlite_master WHERE name = 'articles'").empty());
}

// Issue 22: a folder's program, README and CSV each became an article.
TEST(CliTest, FoldersReadArticleFilesAndCountTheRest) {
  const std::string dir = Folder("skip");
  Put(dir + "/scrape/001.txt", Slurp(CorpusArticle("002_pemkot-semarang-top45")));
  Put(dir + "/scrape/README", "Hasil scraping, lihat SOURCES.\n");
  Put(dir + "/scrape/urls.csv", "id,url\n001,https://a.id/1\n");
  std::filesystem::copy_file(testing::WartaBinary(), dir + "/scrape/warta");
  auto r = Warta("extract " + dir + "/scrape 2>&1 >" + dir + "/out.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Lines(Slurp(dir + "/out.jsonl")).size(), 1u);
  EXPECT_NE(r.out.find("warta: 1 articles, 0 errors"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped in folders: 3 file(s) by name (see --glob), 0 that look binary"), std::string::npos) << r.out;
  // Every file, by glob: the binary is still left out, and counted.
  r = Warta("extract --glob '*' " + dir + "/scrape 2>&1 >" + dir + "/out.jsonl");
  EXPECT_EQ(Lines(Slurp(dir + "/out.jsonl")).size(), 3u);
  EXPECT_NE(r.out.find("skipped in folders: 0 file(s) by name (see --glob), 1 that look binary"), std::string::npos) << r.out;
}

// Issue 22: one missing input stopped the run with exit 2 before any record.
TEST(CliTest, MissingInputAmongSeveralIsAnErrorRecord) {
  const std::string dir = Folder("missing");
  const std::string missing = dir + "/kemarin.jsonl";
  auto r = Warta("extract " + CorpusArticle("002_pemkot-semarang-top45") + " " + missing + " " +
                 CorpusArticle("006_pemkab-sleman-wtp") + " 2>" + dir + "/err.txt");
  EXPECT_EQ(r.exit_code, 1);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "002_pemkot-semarang-top45");
  EXPECT_FALSE(lines[0]["awards"].empty());
  EXPECT_EQ(lines[1]["id"], "kemarin");
  EXPECT_EQ(lines[1]["error"], missing + ": cannot open: No such file or directory");
  EXPECT_EQ(lines[2]["id"], "006_pemkab-sleman-wtp");
  const std::string err = Slurp(dir + "/err.txt");
  EXPECT_NE(err.find("warta: 3 articles, 1 errors"), std::string::npos) << err;
}

// Issue 22: `--id clickid-aw9` was read as `--id-field clickid-aw9`.
TEST(CliTest, IdPicksArticlesAndOptionsAreNeverGuessed) {
  const std::string dir = Folder("ids");
  const std::string feed = Put(dir + "/awards.jsonl",
      nlohmann::json({{"id", "clickid-aw8"}, {"title", "Pemkab Sleman Raih WTP"}, {"text", Slurp(CorpusArticle("006_pemkab-sleman-wtp"))}}).dump() + "\n" +
      nlohmann::json({{"id", "clickid-aw9"}, {"title", "Pemkot Semarang Top 45"}, {"text", Slurp(CorpusArticle("002_pemkot-semarang-top45"))}}).dump() + "\n");
  auto show = Warta("show --id clickid-aw9 " + feed + " 2>" + dir + "/err.txt");
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_EQ(show.out.rfind("=== clickid-aw9\n", 0), 0u) << show.out.substr(0, 200);
  EXPECT_EQ(show.out.find("=== clickid-aw8"), std::string::npos);
  EXPECT_NE(Slurp(dir + "/err.txt").find("--id: 1 of 1 id(s) found, 0 not found; 1 other record(s) skipped"),
            std::string::npos) << Slurp(dir + "/err.txt");
  auto extract = Warta("extract --id clickid-aw8 --id clickid-zz " + feed + " 2>" + dir + "/err.txt");
  auto lines = Lines(extract.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "clickid-aw8");
  EXPECT_NE(Slurp(dir + "/err.txt").find("--id: 1 of 2 id(s) found, 1 not found: clickid-zz"), std::string::npos)
      << Slurp(dir + "/err.txt");
  // A prefix of --id-field is an unknown option now, not --id-field.
  auto guessed = Warta("show --id-f clickid-aw9 " + feed + " 2>&1");
  EXPECT_EQ(guessed.exit_code, 2);
  EXPECT_NE(guessed.out.find("unrecognised option '--id-f'"), std::string::npos) << guessed.out;
}

// Issue 22: -o both.sqlite wrote both.sqlite.sqlite; -o - wrote -.awards.csv;
// a CSV-only run had no row for an article that failed.
TEST(CliTest, OutputNamesFollowOneRule) {
  const std::string dir = Folder("names");
  const std::string article = CorpusArticle("002_pemkot-semarang-top45");
  auto r = Warta("extract -q --format jsonl,sqlite -o " + dir + "/both.sqlite " + article);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/both.sqlite"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/both.jsonl"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/both.sqlite.sqlite"));
  EXPECT_EQ(Query(dir + "/both.sqlite", "SELECT id FROM articles"),
            (std::vector<std::vector<std::string>>{{"002_pemkot-semarang-top45"}}));

  auto dash = Warta("extract --format csv -o - " + article + " 2>&1");
  EXPECT_EQ(dash.exit_code, 2);
  EXPECT_NE(dash.out.find("-o -: standard output takes one stream, --format jsonl alone"), std::string::npos) << dash.out;
  EXPECT_FALSE(std::filesystem::exists("-.awards.csv"));
  auto wrong = Warta("extract --format csv -o " + dir + "/hasil.jsonl " + article + " 2>&1");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.out.find("a jsonl name, but --format does not ask for jsonl"), std::string::npos) << wrong.out;

  const std::string missing = dir + "/hilang.txt";
  auto csv = Warta("extract -q --format csv -o " + dir + "/run.csv " + article + " " + missing);
  EXPECT_EQ(csv.exit_code, 1);
  EXPECT_EQ(Slurp(dir + "/run.articles.csv"),
            "id,title,published,url,error,warnings\r\n"
            "002_pemkot-semarang-top45,Inovasi Puskesmas Keliling Malam Bawa Pemkot Semarang ke Top 45 KIPP 2022,2022-11-25,,,\r\n"
            "hilang,,,," + missing + ": cannot open: No such file or directory,\r\n");
  EXPECT_NE(Slurp(dir + "/run.awards.csv").find("002_pemkot-semarang-top45,"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir + "/run.entities.csv"));
}

// --only-awards writes the articles with an award record; the summary counts all.
TEST(CliTest, OnlyAwardsWritesArticlesWithAnAwardRecord) {
  const std::string dir = Folder("only");
  auto r = Warta("extract --only-awards " + CorpusArticle("013_mpp-jawa-barat") + " " +
                 CorpusArticle("002_pemkot-semarang-top45") + " " + CorpusArticle("014_disdukcapil-pontianak-jam-layanan") +
                 " " + dir + "/hilang.txt 2>" + dir + "/err.txt");
  EXPECT_EQ(r.exit_code, 1);  // the missing file still counts as a failed record
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "002_pemkot-semarang-top45");
  EXPECT_FALSE(lines[0]["awards"].empty());
  const std::string err = Slurp(dir + "/err.txt");
  EXPECT_NE(err.find("warta: 4 articles, 1 errors"), std::string::npos) << err;
  EXPECT_NE(err.find(", 1 written (--only-awards)"), std::string::npos) << err;
}

// Issues 21, 22: in every format, a record's evidence is the original text
// of its sentences, mojibake and all (offsets are into the original, not the
// repaired working text), and the record names its rule.
TEST(CliTest, EvidenceIsTheOriginalTextAndRecordsNameTheirRule) {
  const std::string dir = Folder("evidence");
  std::string text = Slurp(CorpusArticle("002_pemkot-semarang-top45"));
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  // “ and ” read as Windows-1252 (its 0x9D as U+009D), and an emoji outside the BMP before them.
  replace("Inovasi \"Puskesmas Keliling Malam\"", "Inovasi \u00e2\u20ac\u0153Puskesmas Keliling Malam\u00e2\u20ac\u009d");
  replace("SEMARANG, (Kabar Pantura)", "SEMARANG \U0001F3D9\uFE0F, (Kabar Pantura)");
  const std::string input = Put(dir + "/in.jsonl", nlohmann::json{{"id", "moji"}, {"text", text}}.dump() + "\n");
  ASSERT_EQ(Warta("extract -q --format jsonl,csv,sqlite -o " + dir + "/out " + input).exit_code, 0);
  const auto lines = Lines(Slurp(dir + "/out.jsonl"));
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_FALSE(lines[0]["awards"].empty());
  EXPECT_EQ(lines[0]["warnings"][0], "2 mojibake characters repaired (UTF-8 read as Windows-1252)");
  bool mojibake = false;
  for (const auto& record : lines[0]["awards"]) {
    EXPECT_EQ(record.value("rule", std::string()).rfind("rules/", 0), 0u) << record;
    for (const auto& span : record["evidence"]) {
      const std::string sentence = span.value("text", std::string());
      EXPECT_EQ(sentence, SliceCodePoints(text, span["start"], span["end"]));
      mojibake |= sentence.find("\u00e2\u20ac\u0153Puskesmas Keliling Malam\u00e2\u20ac\u009d") != std::string::npos;
    }
  }
  EXPECT_TRUE(mojibake) << lines[0]["awards"];
  const auto& first = lines[0]["awards"][0];
  EXPECT_EQ(Query(dir + "/out.sqlite", "SELECT s.rule, e.text FROM evidence e JOIN award_sources s USING (award_id, article_id) "
                                       "WHERE e.seq = 0 ORDER BY e.award_id LIMIT 1"),
            (std::vector<std::vector<std::string>>{{first.value("rule", std::string()), first["evidence"][0].value("text", std::string())}}));
  const std::string csv = Slurp(dir + "/out.awards.csv");
  EXPECT_EQ(csv.rfind("article_id,award,year,year_given,recipient,parent,units,innovations,organizer,date,location,"
                      "organizer_from,date_from,location_from,tier,evidence_spans,evidence,rule\r\n",
                      0), 0u);
  EXPECT_NE(csv.find(first["evidence"][0].value("text", "(none)")), std::string::npos) << csv;
}

// On a terminal, progress gives the share of the input read (compressed
// bytes for gzip) and an ETA; `script` gives warta a terminal.
// Issue 22: the SQLite dataset says which entities are the headline's, and
// keeps an audit opinion's year given beside its fiscal year.
TEST(CliTest, SqliteKeepsHeadlineFlagsAndTheYearGiven) {
  const std::string dir = Folder("sqlite_more");
  const std::string article = Put(dir + "/wtp.txt",
      "Pemkot Medan Raih Opini WTP\n\nPemerintah Kota Medan meraih opini WTP atas LKPD Tahun Anggaran 2023 dari BPK, "
      "Senin (20/5/2024).\n");
  const std::string db = dir + "/d.sqlite";
  ASSERT_EQ(Warta("extract -q --format sqlite -o " + db + " " + article).exit_code, 0);
  EXPECT_EQ(Query(db, "SELECT text FROM entities WHERE headline = 1 AND type = 'agency'"),
            (std::vector<std::vector<std::string>>{{"Pemkot Medan"}}));
  EXPECT_EQ(Query(db, "SELECT a.year, s.year_given FROM awards a JOIN award_sources s ON s.award_id = a.id"),
            (std::vector<std::vector<std::string>>{{"2023", "2024"}}));
}

// Issue 22: why a record is missing, without reading the rules.
TEST(CliTest, ExplainGivesEachRecordsRuleAndWhyOtherSentencesMadeNone) {
  const std::string article = TempFile("cli_explain.txt",
      "Judul\n\nPemkab Garut gagal meraih Adipura tahun ini. Sekretaris daerah menerima Adipura di Jakarta. "
      "Pemerintah Kota Depok meraih Adipura 2024 dari KLHK, Senin (3/6/2024). Panitia Adipura mengunjungi Kota Bekasi.\n");
  auto r = Warta("explain " + article + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("record: Adipura 2024 -> Pemerintah Kota Depok\n  made by: rules/records.toml:active_clause\n"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  from: Pemerintah Kota Depok meraih Adipura 2024 dari KLHK, Senin (3/6/2024).\n"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no record: Pemkab Garut gagal meraih Adipura tahun ini.\n  why: \"garut gagal meraih\": not (or not "
                       "yet) conferred"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no record: Sekretaris daerah menerima Adipura di Jakarta.\n  why: an award is conferred but no body "
                       "receives it"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no record: Panitia Adipura mengunjungi Kota Bekasi.\n  why: no verb of receiving"),
            std::string::npos) << r.out;
  // An article with no award title says so; --id picks articles as in extract.
  const std::string other = TempFile("cli_explain_none.txt", "Judul\n\nPemkot Bogor membuka pasar murah di Kota Bogor.\n");
  r = Warta("explain " + other + " 2>/dev/null");
  EXPECT_NE(r.out.find("no record: no award title in the article"), std::string::npos) << r.out;
}

TEST(CliTest, ProgressOnATerminalShowsShareAndEta) {
  if (testing::RunCommand("command -v script >/dev/null").exit_code != 0) GTEST_SKIP() << "no script(1)";
  const std::string dir = Folder("progress");
  std::string jsonl;
  const std::string text = Slurp(CorpusArticle("002_pemkot-semarang-top45"));
  for (int i = 0; i < 3000; ++i)  // varied, so that gzip leaves ~100 KB: many chunks of 128 articles
    jsonl += nlohmann::json({{"id", "b" + std::to_string(i)}, {"text", std::to_string(i * 7919 % 10007) + " " + text}}).dump() + "\n";
  Put(dir + "/feed.jsonl", jsonl);
  ASSERT_EQ(testing::RunCommand("gzip -f " + dir + "/feed.jsonl").exit_code, 0);
  char total[16];
  std::snprintf(total, sizeof total, "%.1f", std::filesystem::file_size(dir + "/feed.jsonl.gz") / 1e6);
  auto r = testing::RunCommand("script -qec '" + testing::WartaBinary() + " extract --threads 1 -o " + dir +
                               "/out.jsonl " + dir + "/feed.jsonl.gz' /dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::vector<int> shares;
  const std::regex line(std::string("warta: \\d+ articles, \\d+ articles/s, [0-9.]+ of ") + total + " MB \\((\\d+)%\\), ETA \\d+ s");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), line), end; it != end; ++it) shares.push_back(std::stoi((*it)[1]));
  ASSERT_GE(shares.size(), 10u) << r.out;
  EXPECT_LT(shares.front(), 50);
  EXPECT_EQ(shares.back(), 100);
  EXPECT_TRUE(std::is_sorted(shares.begin(), shares.end()));
}


// Issue 18: the drafts warta gold-draft writes are gold warta eval reads, and
// the output they come from scores 1.0 on them.
TEST(CliTest, GoldDraftIsGoldThatEvalAccepts) {
  const std::string out = ::testing::TempDir() + "/draft_source.jsonl";
  const std::string draft = ::testing::TempDir() + "/draft.gold.jsonl";
  ASSERT_EQ(Warta("extract --quiet " + testing::SourceDir() + "/corpus/articles -o " + out).exit_code, 0);
  ASSERT_EQ(Warta("gold-draft " + out + " > " + draft).exit_code, 0);
  const auto lines = Lines(Warta("eval --json --gold " + draft + " " + out).out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["gold_articles"], 34);
  for (const char* type : {"agency", "award", "date", "location", "count", "record"})
    EXPECT_EQ(lines[0]["types"][type]["f1"], 1.0) << type;
}

// warta review writes the site and says where it is; a missing -o is a usage error.
TEST(CliTest, ReviewWritesTheSiteAndItsSummary) {
  const std::string dir = ::testing::TempDir() + "/review_cli";
  std::filesystem::remove_all(dir);
  auto r = Warta("review " + testing::SourceDir() + "/corpus/articles -o " + dir);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("34 articles, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("first records:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("review page: " + dir + "/index.html"), std::string::npos) << r.out;
  for (const char* f : {"index.html", "pages/00001.html", "pages/00002.html", "site.js", "draft.gold.jsonl"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/" + f)) << f;
  EXPECT_EQ(Warta("review " + testing::SourceDir() + "/corpus/articles 2>/dev/null").exit_code, 2);
}

}  // namespace
}  // namespace warta
