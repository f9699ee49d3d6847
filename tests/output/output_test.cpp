#include "output/output.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/utf8.h"

#include "test_paths.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

// An original with multi-byte characters (curly quotes, a dash, an emoji
// outside the BMP), mojibake as ingest leaves it (“ and ” read as
// Windows-1252: the 0x9D of ” as U+009D) and a scraper's line break in a
// sentence. The two sentences are code points [6, 46) and [47, 76).
const std::string kOriginal =
    "Judul\n\u201cPemkot Tangerang\u201d meraih Top 99 \u2014 lagi.\n"
    "\u00e2\u20ac\u0153Sapa\r\nSehat\u00e2\u20ac\u009d terpilih \U0001F3C6.\nPenutup.";
const std::string kSentence1 = "\u201cPemkot Tangerang\u201d meraih Top 99 \u2014 lagi.";
const std::string kSentence2 = "\u00e2\u20ac\u0153Sapa\r\nSehat\u00e2\u20ac\u009d terpilih \U0001F3C6.";

Document Article(std::string id, std::string recipient, std::optional<std::string> date,
                 std::optional<std::string> location) {
  Document doc;
  doc.id = std::move(id);
  doc.original = kOriginal;
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
  a.organizer_from = ValueSource::kRules;
  a.date_from = ValueSource::kSentence;
  a.location_from = ValueSource::kCeremony;
  a.innovations = {"Cageur Jasa", "Sapa Sehat"};
  a.evidence = {{6, 46}, {47, 76}};
  a.rule = "rules/frames.toml:41:colon_list";
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
}

// Issues 21, 22: the awards table gives the evidence sentences, one a line
// (a line break inside one as a space), and the rule that made the record.
TEST_F(OutputTest, CsvAwardsHoldEvidenceTextAndRule) {
  const std::string prefix = (dir_ / "out").string();
  ASSERT_TRUE(WriteAll(OutputFormat::kCsv, prefix, {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang")}).ok());
  EXPECT_EQ(Read(prefix + ".awards.csv"),
            "article_id,award,year,year_given,recipient,parent,units,innovations,organizer,date,location,organizer_from,"
            "date_from,location_from,tier,evidence_spans,evidence,rule\r\n"
            "a-1,Top 99 Inovasi Pelayanan Publik,2019,,Pemerintah Kota Tangerang,,,Cageur Jasa; Sapa Sehat,"
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi,2019-07-18,Kota Semarang,rules,sentence,"
            "ceremony,,6-46 47-76,"
            "\"\u201cPemkot Tangerang\u201d meraih Top 99 \u2014 lagi.\n"
            "\u00e2\u20ac\u0153Sapa Sehat\u00e2\u20ac\u009d terpilih \U0001F3C6.\","
            "rules/frames.toml:41:colon_list\r\n");
}

// Issues 21, 22: each evidence span carries the original text between its
// code point offsets, and each record the rule that made it, last.
TEST_F(OutputTest, JsonlEvidenceHasOriginalTextAndRecordHasRule) {
  const Document doc = Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang");
  ASSERT_EQ(SliceCodePoints(kOriginal, 6, 46), kSentence1);  // the fixture's offsets, read another way
  ASSERT_EQ(SliceCodePoints(kOriginal, 47, 76), kSentence2);
  const std::string line = RecordJson(doc);
  EXPECT_NE(line.find("\"location\":\"Kota Semarang\",\"organizer_from\":\"rules\",\"date_from\":\"sentence\","
                      "\"location_from\":\"ceremony\",\"tier\":null,\"evidence\":[{\"start\":6,\"end\":46,\"text\":\"" + kSentence1 +
                      "\"},{\"start\":47,\"end\":76,\"text\":\"\u00e2\u20ac\u0153Sapa\\r\\nSehat\u00e2\u20ac\u009d terpilih "
                      "\U0001F3C6.\"}],\"rule\":\"rules/frames.toml:41:colon_list\"}],\"warnings\""),
            std::string::npos)
      << line;
  const nlohmann::json record = nlohmann::json::parse(line);
  EXPECT_EQ(record["awards"][0]["evidence"][1]["text"], kSentence2);
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

// Issues 21, 22: each source row names its rule, and `evidence` holds its
// sentences; an article's re-run replaces them with its other rows.
TEST_F(OutputTest, SqliteEvidenceRowsHoldTheSentencesAndGoWithTheirArticle) {
  const std::string db = (dir_ / "awards.sqlite").string();
  const std::vector<Document> docs = {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang"),
                                      Article("a-2", "Pemerintah Kota Bogor", "2019-07-18", "Kota Semarang")};
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, docs).ok());
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, docs).ok());
  const std::string rows =
      "SELECT e.article_id, a.recipient, e.seq, e.start, e.end, e.text FROM evidence e JOIN awards a ON a.id = e.award_id "
      "ORDER BY 1, 3";
  EXPECT_EQ(Query(db, rows), (std::vector<std::vector<std::string>>{
                                 {"a-1", "Pemerintah Kota Tangerang", "0", "6", "46", kSentence1},
                                 {"a-1", "Pemerintah Kota Tangerang", "1", "47", "76", kSentence2},
                                 {"a-2", "Pemerintah Kota Bogor", "0", "6", "46", kSentence1},
                                 {"a-2", "Pemerintah Kota Bogor", "1", "47", "76", kSentence2}}));
  EXPECT_EQ(Query(db, "SELECT DISTINCT rule FROM award_sources"),
            (std::vector<std::vector<std::string>>{{"rules/frames.toml:41:colon_list"}}));
  // a-2 now credits another recipient, by a clause rule and from one sentence.
  Document again = Article("a-2", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang");
  again.awards[0].evidence = {{47, 76}};
  again.awards[0].rule = "rules/records.toml:active_clause";
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, {again}).ok());
  EXPECT_EQ(Query(db, rows), (std::vector<std::vector<std::string>>{
                                 {"a-1", "Pemerintah Kota Tangerang", "0", "6", "46", kSentence1},
                                 {"a-1", "Pemerintah Kota Tangerang", "1", "47", "76", kSentence2},
                                 {"a-2", "Pemerintah Kota Tangerang", "0", "47", "76", kSentence2}}));
  EXPECT_EQ(Query(db, "SELECT article_id, rule FROM award_sources ORDER BY 1"),
            (std::vector<std::vector<std::string>>{{"a-1", "rules/frames.toml:41:colon_list"},
                                                   {"a-2", "rules/records.toml:active_clause"}}));
  // Two records of one award in one article: the later source row, and only its sentences, stay.
  Document twice = Article("a-3", "Pemerintah Kota Bogor", "2019-07-18", "Kota Semarang");
  twice.awards.push_back(again.awards[0]);
  twice.awards[1].recipient = "Pemerintah Kota Bogor";
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, {twice}).ok());
  EXPECT_EQ(Query(db, "SELECT seq, start, end FROM evidence WHERE article_id = 'a-3'"),
            (std::vector<std::vector<std::string>>{{"0", "47", "76"}}));
}

// The README's query for the sentences behind a record runs as printed.
TEST_F(OutputTest, ReadmeQueryShowsTheSentenceBehindARecord) {
  const std::string readme = Read(testing::SourceDir() + "/README.md");
  const size_t from = readme.find("-- the sentences behind one record");
  ASSERT_NE(from, std::string::npos) << "README.md lost the query";
  const std::string sql = readme.substr(from, readme.find(';', from) + 1 - from);
  const std::string db = (dir_ / "awards.sqlite").string();
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang")}).ok());
  EXPECT_EQ(Query(db, sql), (std::vector<std::vector<std::string>>{
                                {"a-1", "rules/frames.toml:41:colon_list", "6", "46", kSentence1},
                                {"a-1", "rules/frames.toml:41:colon_list", "47", "76", kSentence2}}))
      << sql;
}

// A dataset written before the rule column and the evidence table is
// updated in place: the column is added, the table made.
TEST_F(OutputTest, SqliteDatasetWithoutRuleColumnGetsIt) {
  const std::string db = (dir_ / "old.sqlite").string();
  Query(db,
        "CREATE TABLE award_sources (award_id INTEGER NOT NULL REFERENCES awards(id), "
        "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, organizer TEXT, date TEXT, location TEXT, "
        "units TEXT, innovations TEXT, evidence TEXT, PRIMARY KEY (award_id, article_id))");
  ASSERT_TRUE(WriteAll(OutputFormat::kSqlite, db, {Article("a-1", "Pemerintah Kota Tangerang", "2019-07-18", "Kota Semarang")}).ok());
  EXPECT_EQ(Query(db, "SELECT s.rule, s.organizer_from, s.location_from, COUNT(e.seq) FROM award_sources s JOIN evidence e "
                      "USING (award_id, article_id)"),
            (std::vector<std::vector<std::string>>{{"rules/frames.toml:41:colon_list", "rules", "ceremony", "2"}}));
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
