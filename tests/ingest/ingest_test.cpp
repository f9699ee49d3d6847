#include "ingest/ingest.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace warta {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("warta_ingest_" + std::to_string(::getpid()) + "_" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string WriteGz(const std::string& name, const std::string& content) {
    const std::string p = (dir_ / name).string();
    fs::create_directories((dir_ / name).parent_path());
    gzFile f = gzopen(p.c_str(), "wb");
    gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
    gzclose(f);
    return p;
  }
  static std::vector<Document> ReadAll(const std::vector<std::string>& inputs, IngestOptions options = {}) {
    std::vector<std::string> files;
    Status s = ExpandInputs(inputs, &files);
    EXPECT_TRUE(s.ok()) << s.message();
    Reader reader(files, options);
    std::vector<Document> docs;
    Document doc;
    while (reader.Next(&doc)) docs.push_back(doc);
    return docs;
  }
  fs::path dir_;
};

TEST_F(IngestTest, PlainTextFileIdIsTheStem) {
  auto docs = ReadAll({Write("000_ffb1eda5c875ab1d.txt", "Kemenperin Sabet Tiga Penghargaan\n\nIsi.")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "000_ffb1eda5c875ab1d");
  EXPECT_EQ(docs[0].original, "Kemenperin Sabet Tiga Penghargaan\n\nIsi.");
  EXPECT_TRUE(docs[0].error.empty());
}

TEST_F(IngestTest, ScraperFieldsAreDetected) {
  const std::string path = Write("feed.jsonl",
      R"({"maintext": "Isi news-please", "title": "Judul A", "date_publish": "2019-09-10 08:00:00", "url": "https://a.id/1"})" "\n"
      R"({"text": "Isi trafilatura", "title": "Judul B", "date": "2019-09-11", "url": "https://b.id/2", "id": "b-2"})" "\n"
      R"({"content": "Isi content"})" "\n"
      R"({"body": "Isi body", "judul": "Judul D"})" "\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].original, "Isi news-please");
  EXPECT_EQ(docs[0].title_field, "Judul A");
  EXPECT_EQ(docs[0].date_field, "2019-09-10 08:00:00");
  EXPECT_EQ(docs[0].url, "https://a.id/1");
  EXPECT_EQ(docs[0].id, path + ":1");  // no id field: file and line
  EXPECT_EQ(docs[1].id, "b-2");
  EXPECT_EQ(docs[1].date_field, "2019-09-11");
  EXPECT_EQ(docs[2].original, "Isi content");
  EXPECT_FALSE(docs[2].title_field.has_value());
  EXPECT_EQ(docs[3].original, "Isi body");
  EXPECT_EQ(docs[3].title_field, "Judul D");
}

TEST_F(IngestTest, ConfiguredFieldsWin) {
  const std::string path = Write("custom.jsonl", R"({"text": "bukan ini", "artikel": "Isi", "headline": "Judul", "no": 17})" "\n");
  IngestOptions options;
  options.fields.text = "artikel";
  options.fields.title = "headline";
  options.fields.id = "no";
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].original, "Isi");
  EXPECT_EQ(docs[0].title_field, "Judul");
  EXPECT_EQ(docs[0].id, "17");
}

TEST_F(IngestTest, BadLinesBecomeErrorsAndTheBatchGoesOn) {
  const std::string path = Write("mixed.jsonl",
      "{\"id\": \"a\", \"text\": \"Satu\"}\n"
      "{\"id\": \"b\", \"text\": \"Dua\"\n"          // truncated JSON
      "\n"                                           // blank: not a record
      "bukan json sama sekali\n"
      "{\"id\": \"c\", \"title\": \"tanpa teks\"}\n"
      "{\"id\": \"d\", \"text\": 42}\n"
      "{\"id\": \"e\", \"text\": null}\n"
      "[1, 2, 3]\n"
      "{\"id\": \"f\", \"text\": \"Enam\"}\r\n");
  auto docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 8u);
  EXPECT_TRUE(docs[0].error.empty());
  EXPECT_EQ(docs[1].error.rfind(path + ":2: not valid JSON", 0), 0u) << docs[1].error;
  EXPECT_EQ(docs[2].error.rfind(path + ":4: not valid JSON", 0), 0u) << docs[2].error;
  EXPECT_NE(docs[3].error.find(":5: no text field"), std::string::npos) << docs[3].error;
  EXPECT_NE(docs[4].error.find(":6: field \"text\" is a number, not a string"), std::string::npos) << docs[4].error;
  EXPECT_NE(docs[5].error.find(":7: field \"text\" is null"), std::string::npos) << docs[5].error;
  EXPECT_NE(docs[6].error.find(":8: not a JSON object"), std::string::npos) << docs[6].error;
  EXPECT_EQ(docs[7].id, "f");
  EXPECT_EQ(docs[7].original, "Enam");
}

TEST_F(IngestTest, InvalidUtf8IsRepairedWithAWarning) {
  // "Kafé" in Windows-1252 inside a UTF-8 file, and a stray continuation byte.
  auto docs = ReadAll({Write("latin.txt", "Kaf\xe9 Pemkot \x80 Bandung")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].original, "Kaf\u00e9 Pemkot \u20ac Bandung");
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0].kind, "invalid-utf8");
  EXPECT_NE(docs[0].warnings[0].message.find("2 byte(s)"), std::string::npos);
}

TEST_F(IngestTest, InvalidUtf8InsideJsonIsRepairedToo) {
  auto docs = ReadAll({Write("bad.jsonl", "{\"id\": \"x\", \"text\": \"Kaf\xe9 di Bandung\"}\n")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].error.empty()) << docs[0].error;
  EXPECT_EQ(docs[0].original, "Kaf\u00e9 di Bandung");
  EXPECT_EQ(docs[0].id, "x");
  ASSERT_FALSE(docs[0].warnings.empty());
  EXPECT_EQ(docs[0].warnings[0].kind, "invalid-utf8");
}

TEST_F(IngestTest, Utf16WithBomIsConverted) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Kota Malang")) utf16 += std::string{c, '\0'};
  auto docs = ReadAll({Write("utf16.txt", utf16)});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].original, "Kota Malang");
  EXPECT_EQ(docs[0].warnings.at(0).kind, "utf16");
}

TEST_F(IngestTest, GzipFilesAndFoldersRecursively) {
  WriteGz("b/feed.jsonl.gz", "{\"id\": \"g1\", \"text\": \"Satu\"}\n{\"id\": \"g2\", \"text\": \"Dua\"}\n");
  Write("a/001_artikel.txt", "Artikel teks");
  WriteGz("b/c/002_artikel.txt.gz", "Artikel gzip");
  Write(".hidden/skip.txt", "tidak dibaca");
  auto docs = ReadAll({dir_.string()});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "001_artikel");
  EXPECT_EQ(docs[1].id, "002_artikel");
  EXPECT_EQ(docs[1].original, "Artikel gzip");
  EXPECT_EQ(docs[2].id, "g1");
  EXPECT_EQ(docs[3].id, "g2");
}

TEST_F(IngestTest, TruncatedGzipReportsAnError) {
  std::string full;
  for (int i = 0; i < 2000; ++i) full += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"Pemkot meraih penghargaan ke-" + std::to_string(i) + "\"}\n";
  const std::string p = WriteGz("full.jsonl.gz", full);
  std::string bytes;
  {
    std::ifstream in(p, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  Write("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  auto docs = ReadAll({(dir_ / "cut.jsonl.gz").string()});
  ASSERT_FALSE(docs.empty());
  EXPECT_TRUE(docs.front().error.empty());
  EXPECT_FALSE(docs.back().error.empty());
  EXPECT_NE(docs.back().error.find("cut.jsonl.gz"), std::string::npos) << docs.back().error;
}

TEST_F(IngestTest, JsonlIsSniffedWhenTheNameSaysNothing) {
  auto docs = ReadAll({Write("feed", "  {\"id\": \"s\", \"text\": \"Isi\"}\n")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "s");
  docs = ReadAll({Write("artikel", "Judul\n\nIsi {bukan json}")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "artikel");
}

TEST_F(IngestTest, EmptyFileIsAnEmptyArticle) {
  auto docs = ReadAll({Write("kosong.txt", "")});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].original, "");
  EXPECT_TRUE(docs[0].error.empty());
}

TEST_F(IngestTest, MissingInputIsRejectedUpFront) {
  std::vector<std::string> files;
  Status s = ExpandInputs({(dir_ / "tidak-ada.jsonl").string()}, &files);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no such file or folder"), std::string::npos);
}

}  // namespace
}  // namespace warta
