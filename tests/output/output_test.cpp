#include "output/output.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_paths.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

Document Article(std::string id, std::string recipient, std::optional<std::string> date,
                 std::optional<std::string> location) {
  Document doc;
  doc.id = std::move(id);
  doc.title = "Pemkot Raih Top 99";
  doc.published = "2019-07-19";
  Entity e;
  e.type = EntityType::kAgency;
  e.text = "Pemkot Tangerang, \"Kota Akhlakul\"";
  e.start = 10;
  e.end = 44;
  e.value = "Pemerintah Kota Tangerang";
  e.rule = "rules/regions.tsv:300";
  doc.entities.push_back(e);
  AwardRecord a;
  a.award = "Top 99 Inovasi Pelayanan Publik";
  a.year = 2019;
  a.recipient = std::move(recipient);
  a.organizer = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi";
  a.date = std::move(date);
  a.location = std::move(location);
  a.innovations = {"Cageur Jasa", "Sapa Sehat"};
  a.evidence = {{0, 120}};
  doc.awards.push_back(a);
  return doc;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::vector<std::string>> Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  std::vector<std::vector<std::string>> rows;
  sqlite3_exec(db, sql.c_str(), [](void* out, int n, char** values, char**) {
    auto* rows = static_cast<std::vector<std::vector<std::string>>*>(out);
    rows->emplace_back();
    for (int i = 0; i < n; ++i) rows->back().push_back(values[i] ? values[i] : "NULL");
    return 0;
  }, &rows, nullptr);
  sqlite3_close(db);
  return rows;
}

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("warta_output_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  Status WriteAll(OutputFormat format, const std::string& path, const std::vector<Document>& docs) {
    std::unique_ptr<RecordWriter> writer;
    if (Status s = OpenWriter(format, path, &writer); !s.ok()) return s;
    for (const Document& d : docs)
      if (Status s = writer->Write(d); !s.ok()) return s;
    return writer->Close();
  }
  fs::path dir_;
};

TEST_F(OutputTest, CsvQuotesPerRfc4180) {
  const std::string prefix = (dir_ / "out").string();
  ASSERT_TRUE(WriteAll(OutputFormat::kCsv, prefix, {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang")}).ok());
  EXPECT_EQ(Read(prefix + ".entities.csv"),
            "article_id,type,text,start,end,value,unit,code,acronym,year,rule,headline\r\n"
            "a-1,agency,\"Pemkot Tangerang, \"\"Kota Akhlakul\"\"\",10,44,Pemerintah Kota Tangerang,,,,,rules/regions.tsv:300,false\r\n");
  EXPECT_EQ(Read(prefix + ".awards.csv"),
            "article_id,award,year,recipient,units,innovations,organizer,date,location,evidence\r\n"
            "a-1,Top 99 Inovasi Pelayanan Publik,2019,Pemerintah Kota Tangerang,,Cageur Jasa; Sapa Sehat,"
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi,2019-07-18,Kota Semarang,0-120\r\n");
}

TEST_F(OutputTest, SqliteMergesOneAwardFromTwoArticlesAndFlagsConflicts) {
  const std::string db = (dir_ / "awards.sqlite").string();
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db,
                       {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang"),
                        Article("a-2", "Pemerintah Kota Tangerang", "2019-07-19", "Kota Semarang")})
                  .ok());
  EXPECT_EQ(Query(db, "SELECT award, year, recipient, date, date_conflict, location, location_conflict FROM awards"),
            (std::vector<std::vector<std::string>>{{"Top 99 Inovasi Pelayanan Publik", "2019", "Pemerintah Kota Tangerang",
                                                    "NULL", "1", "Kota Semarang", "0"}}));
  EXPECT_EQ(Query(db, "SELECT article_id, date FROM award_sources ORDER BY article_id"),
            (std::vector<std::vector<std::string>>{{"a-1", "2019-07-18"}, {"a-2", "2019-07-19"}}));
}

TEST_F(OutputTest, SqliteRerunIsIdempotentAndReplacesAnArticle) {
  const std::string db = (dir_ / "awards.sqlite").string();
  const std::vector<Document> docs = {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang"),
                                      Article("a-2", "Pemerintah Kota Bogor", "2019-07-18", "Kota Semarang")};
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, docs).ok());
  const auto before = Query(db, "SELECT * FROM awards ORDER BY id");
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, docs).ok());
  EXPECT_EQ(Query(db, "SELECT * FROM awards ORDER BY id"), before);
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM entities"), (std::vector<std::vector<std::string>>{{"2"}}));
  // a-2 now credits another recipient: its old award goes, nothing else changes.
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, {Article("a-2", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang")}).ok());
  EXPECT_EQ(Query(db, "SELECT recipient, (SELECT COUNT(*) FROM award_sources WHERE award_id = awards.id) FROM awards"),
            (std::vector<std::vector<std::string>>{{"Pemerintah Kota Tangerang", "2"}}));
}

TEST_F(OutputTest, UnwritableDestinationsAreClearErrors) {
  std::unique_ptr<RecordWriter> writer;
  Status s = OpenWriter(OutputFormat::kSqlite, "/no/such/dir/x.sqlite", &writer);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/no/such/dir/x.sqlite"), std::string::npos) << s.message();
  s = OpenWriter(OutputFormat::kCsv, "/no/such/dir/x", &writer);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/no/such/dir/x.articles.csv: cannot write"), std::string::npos) << s.message();
  // A full device: the JSONL writer reports it at the latest on Close.
  ASSERT_TRUE(OpenWriter(OutputFormat::kJsonl, "/dev/full", &writer).ok());
  Status write = writer->Write(Article("a-1", "Pemerintah Kota Tangerang", std::nullopt, std::nullopt));
  Status close = writer->Close();
  EXPECT_FALSE(write.ok() && close.ok());
}

// Issue 22: a CSV-only run had no file for articles, so failed records vanished.
TEST_F(OutputTest, CsvArticlesHoldEveryArticleWithErrorAndWarnings) {
  const std::string prefix = (dir_ / "out").string();
  Document failed;
  failed.id = "feed.jsonl:7";
  failed.error = "feed.jsonl:7: not valid JSON: TAPE_ERROR";
  Document warned = Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang");
  warned.url = "https://tangerangkota.go.id/berita/1";
  warned.Warn("field-type", "field \"date\" is a number, not a string; ignored");
  warned.Warn("duplicate-id", "id \"a-1\" is the id of an earlier record too");
  ASSERT_TRUE(WriteAll(OutputFormat::kCsv, prefix, {warned, failed}).ok());
  EXPECT_EQ(Read(prefix + ".articles.csv"),
            "id,title,published,url,error,warnings\r\n"
            "a-1,Pemkot Raih Top 99,2019-07-19,https://tangerangkota.go.id/berita/1,,"
            "\"field \"\"date\"\" is a number, not a string; ignored\n"
            "id \"\"a-1\"\" is the id of an earlier record too\"\r\n"
            "feed.jsonl:7,,,,feed.jsonl:7: not valid JSON: TAPE_ERROR,\r\n");
}

// Issue 22: a later article with the same id silently replaced the earlier.
TEST_F(OutputTest, SqliteKeepsBothArticlesOfOneIdInARun) {
  const std::string db = (dir_ / "awards.sqlite").string();
  const std::vector<Document> docs = {Article("x", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang"),
                                      Article("x", "Pemerintah Kota Bogor", "2019-07-18", "Kota Bogor"),
                                      Article("x", "Pemerintah Kota Depok", "2019-07-18", "Kota Depok")};
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, docs).ok());
  const auto sources = "SELECT s.article_id, a.recipient FROM award_sources s JOIN awards a ON a.id = s.award_id ORDER BY 1";
  const std::vector<std::vector<std::string>> expected = {
      {"x", "Pemerintah Kota Tangerang"}, {"x~2", "Pemerintah Kota Bogor"}, {"x~3", "Pemerintah Kota Depok"}};
  EXPECT_EQ(Query(db, sources), expected);
  EXPECT_EQ(Query(db, "SELECT warnings FROM articles WHERE id = 'x~3'"),
            (std::vector<std::vector<std::string>>{{"[\"stored as \\\"x~3\\\": an earlier article of this run has id \\\"x\\\"\"]"}}));
  // A second run of the same input refreshes the same three rows.
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, docs).ok());
  EXPECT_EQ(Query(db, sources), expected);
}

TEST(OutputPathsTest, OneRuleForMinusOAcrossFormats) {
  using F = OutputFormat;
  struct Case {
    std::vector<F> formats;
    std::optional<std::string> output;
    std::vector<std::string> paths;  // empty: refused
  };
  const std::vector<Case> cases = {
      {{F::kJsonl}, std::nullopt, {"-"}},
      {{F::kJsonl}, "-", {"-"}},
      {{F::kJsonl}, "records.jsonl", {"records.jsonl"}},
      {{F::kJsonl}, "/dev/full", {"/dev/full"}},  // one file: as given
      {{F::kSqlite}, std::nullopt, {"warta.sqlite"}},
      {{F::kSqlite}, "awards.db", {"awards.db"}},
      {{F::kCsv}, std::nullopt, {"warta"}},
      {{F::kCsv}, "out/awards", {"out/awards"}},
      {{F::kCsv}, "out/awards.csv", {"out/awards"}},
      {{F::kJsonl, F::kSqlite}, "both.sqlite", {"both.jsonl", "both.sqlite"}},
      {{F::kJsonl, F::kSqlite}, "both.jsonl", {"both.jsonl", "both.sqlite"}},
      {{F::kJsonl, F::kCsv, F::kSqlite}, "awards", {"awards.jsonl", "awards", "awards.sqlite"}},
      {{F::kJsonl, F::kCsv}, std::nullopt, {"warta.jsonl", "warta"}},
      {{F::kCsv}, "-", {}},
      {{F::kJsonl, F::kSqlite}, "-", {}},
      {{F::kCsv}, "records.jsonl", {}},
      {{F::kJsonl}, "awards.sqlite", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.output.value_or("(none)") + " for " + std::to_string(c.formats.size()) + " format(s)");
    std::vector<std::string> paths;
    Status s = OutputPaths(c.formats, c.output, &paths);
    EXPECT_EQ(s.ok(), !c.paths.empty()) << s.message();
    if (s.ok()) {
      EXPECT_EQ(paths, c.paths);
    }
  }
}

// The seeds twice into one database give the same rows.
TEST(OutputSeedsTest, SeedsTwiceIntoOneDatabase) {
  if (!testing::HaveShared()) GTEST_SKIP() << "../shared is absent";
  const std::string db = ::testing::TempDir() + "/warta_seeds_twice.sqlite";
  fs::remove(db);
  const std::string command = testing::WartaBinary() + " extract -q --format sqlite -o " + db + " " + testing::SharedDir() + "/seeds";
  ASSERT_EQ(testing::RunCommand(command).exit_code, 0);
  const std::string snapshot = "SELECT a.award, a.year, a.recipient, s.article_id FROM awards a JOIN award_sources s ON s.award_id = a.id "
                               "ORDER BY 1, 2, 3, 4";
  const auto first = Query(db, snapshot);
  const auto entities = Query(db, "SELECT COUNT(*) FROM entities");
  ASSERT_EQ(testing::RunCommand(command).exit_code, 0);
  EXPECT_EQ(Query(db, snapshot), first);
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM entities"), entities);
  EXPECT_GE(first.size(), 5u);
  EXPECT_EQ(Query(db, "SELECT COUNT(*) FROM articles"), (std::vector<std::vector<std::string>>{{"5"}}));
}

}  // namespace
}  // namespace warta
