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
  static std::vector<Document> ReadAll(const std::vector<std::string>& inputs, IngestOptions options = {},
                                       const std::vector<std::string>& globs = {}) {
    Reader reader(ExpandInputs(inputs, globs).files, options);
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

// The CLI's date-order survey reads only the date field, and finds the same
// one the full reading does: the first key of the highest priority, or the
// configured one.
TEST_F(IngestTest, DatesOnlyReadsTheSameDateFieldAndNothingElse) {
  const std::string path = Write("dates.jsonl",
      R"({"text": "Isi", "date": "10/09/2019", "date_publish": "2019-09-10", "title": "Judul"})" "\n"
      R"({"tanggal": "11/09/2019", "published": 20190911, "maintext": "Isi"})" "\n"
      R"({"isi": "Isi", "tgl": "12/09/2019"})" "\n");
  IngestOptions options;
  options.dates_only = true;
  for (const std::string configured : {"", "tgl"}) {
    SCOPED_TRACE(configured);
    options.fields.date = configured;
    IngestOptions full;
    full.fields.date = configured;
    auto dates = ReadAll({path}, options), docs = ReadAll({path}, full);
    ASSERT_EQ(dates.size(), 3u);
    ASSERT_EQ(docs.size(), 3u);
    for (size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(dates[k].date_field, docs[k].date_field) << k;
      EXPECT_TRUE(dates[k].original.empty());
      EXPECT_FALSE(dates[k].title_field.has_value());
    }
  }
}

// --max-article-mb: a line of more bytes than the limit is an error record
// whether it arrives in one read or over many; one of exactly the limit is read.
TEST_F(IngestTest, LinesOverTheLimitAreErrorsAtAnyLength) {
  auto line = [](size_t bytes) {
    const std::string head = R"({"id": "x", "text": ")", tail = R"("})";
    return head + std::string(bytes - head.size() - tail.size(), 'a') + tail;
  };
  const std::string path = Write("limit.jsonl", line(1000) + "\n" + line(1001) + "\n" + line(300000) + "\n" + line(1001));
  IngestOptions options;
  options.max_article_bytes = 1000;
  auto docs = ReadAll({path}, options);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].original, std::string(1000 - std::string(R"({"id": "x", "text": ""})").size(), 'a'));
  EXPECT_EQ(docs[1].error, path + ":2: article of 0.0 MB is over --max-article-mb 0.001; not read");
  EXPECT_EQ(docs[2].error, path + ":3: article of 0.3 MB is over --max-article-mb 0.001; not read");
  EXPECT_EQ(docs[3].error, path + ":4: article of 0.0 MB is over --max-article-mb 0.001; not read");
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
  EXPECT_EQ(docs[0].id, "a/001_artikel");
  EXPECT_EQ(docs[1].id, "b/c/002_artikel");
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

// Issue 22: d/x.txt and d/sub/x.txt both had id "x".
TEST_F(IngestTest, IdsOfFolderFilesAreTheirPathsBelowTheFolder) {
  const std::string top = Write("berita/x.txt", "Pemkot Semarang Raih Penghargaan\n\nIsi pertama.");
  const std::string sub = Write("berita/jateng/x.txt", "Pemkab Sleman Raih WTP\n\nIsi kedua.");
  WriteGz("berita/jateng/2024/y.txt.gz", "Kota Malang Raih Adipura\n\nIsi ketiga.");
  auto docs = ReadAll({(dir_ / "berita").string()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "jateng/2024/y");
  EXPECT_EQ(docs[1].id, "jateng/x");
  EXPECT_EQ(docs[2].id, "x");
  for (const Document& d : docs) EXPECT_TRUE(d.warnings.empty()) << d.id << ": " << d.warnings[0].message;
  // Named directly, a file keeps its stem, so the same two clash, and say so.
  docs = ReadAll({top, sub});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "x");
  EXPECT_EQ(docs[1].id, "x");
  EXPECT_TRUE(docs[0].warnings.empty());
  ASSERT_EQ(docs[1].warnings.size(), 1u);
  EXPECT_EQ(docs[1].warnings[0].kind, "duplicate-id");
  EXPECT_EQ(docs[1].warnings[0].message, "id \"x\" is the id of an earlier record too");
}

TEST_F(IngestTest, DuplicateJsonlIdsAreWarned) {
  auto docs = ReadAll({Write("feed.jsonl",
                             R"({"id": "kompas-17", "text": "Pemkot Semarang meraih penghargaan."})" "\n"
                             R"({"id": "kompas-18", "text": "Pemkab Sleman meraih WTP."})" "\n"
                             R"({"id": "kompas-17", "text": "Pemkot Semarang meraih penghargaan (diperbarui)."})" "\n")});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(docs[0].warnings.empty());
  EXPECT_TRUE(docs[1].warnings.empty());
  ASSERT_EQ(docs[2].warnings.size(), 1u);
  EXPECT_EQ(docs[2].warnings[0].kind, "duplicate-id");
}

// Issue 22: a folder was read whole, a program and a README becoming articles.
TEST_F(IngestTest, FoldersGiveOnlyArticleFiles) {
  Write("scrape/001.txt", "Pemkot Semarang Raih Penghargaan\n\nIsi.");
  Write("scrape/002.md", "# Pemkab Sleman Raih WTP\n\nIsi.");
  WriteGz("scrape/feed.jsonl.gz", "{\"id\": \"j1\", \"text\": \"Isi\"}\n");
  Write("scrape/README", "Hasil scraping 2024, lihat SOURCES.");
  Write("scrape/urls.csv", "id,url\n001,https://a.id/1\n");
  Write("scrape/scraper", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) + "kode");
  const std::string image = Write("scrape/foto.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto list = ExpandInputs({(dir_ / "scrape").string()});
  EXPECT_EQ(list.skipped_by_name, 3u);
  ASSERT_EQ(list.files.size(), 4u);
  Reader reader(list.files, {});
  std::vector<std::string> ids;
  for (Document doc; reader.Next(&doc);) ids.push_back(doc.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"001", "002", "j1"}));
  EXPECT_EQ(reader.skipped_binary(), 1u);  // foto.txt
  // --glob chooses; a binary file named directly is read all the same.
  list = ExpandInputs({(dir_ / "scrape").string()}, {"*.csv", "READ*"});
  ASSERT_EQ(list.files.size(), 2u);
  EXPECT_EQ(list.files[0].id, "README");
  EXPECT_EQ(list.files[1].id, "urls");
  EXPECT_EQ(list.skipped_by_name, 5u);
  auto direct = ReadAll({image});
  ASSERT_EQ(direct.size(), 1u);
  EXPECT_EQ(direct[0].id, "foto");
}

// Issue 22: one missing file among several stopped the whole run.
TEST_F(IngestTest, MissingInputIsAnErrorRecordAndTheRestIsRead) {
  const std::string missing = (dir_ / "tidak-ada.jsonl").string();
  auto docs = ReadAll({Write("a.txt", "Judul\n\nIsi satu."), missing, Write("b.txt", "Judul\n\nIsi dua.")});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_TRUE(docs[0].error.empty());
  EXPECT_EQ(docs[1].id, "tidak-ada");
  EXPECT_EQ(docs[1].error, missing + ": cannot open: No such file or directory");
  EXPECT_EQ(docs[2].id, "b");
  EXPECT_TRUE(docs[2].error.empty());
}

TEST_F(IngestTest, IdsPickRecords) {
  const std::string feed = Write("feed.jsonl",
                                 R"({"id": "clickid-aw9", "text": "Pemkot Semarang meraih penghargaan."})" "\n"
                                 R"({"id": "clickid-aw10", "text": "Pemkab Sleman meraih WTP."})" "\n"
                                 R"({"id": "clickid-aw11", "text": "Kota Malang meraih Adipura."})" "\n");
  IngestOptions options;
  options.ids = {"clickid-aw11", "clickid-aw9", "clickid-zz"};
  Reader reader(ExpandInputs({feed, Write("lain.txt", "Judul\n\nIsi.")}).files, options);
  std::vector<std::string> ids;
  for (Document doc; reader.Next(&doc);) ids.push_back(doc.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"clickid-aw9", "clickid-aw11"}));  // input order
  EXPECT_EQ(reader.records_not_picked(), 2u);
  EXPECT_EQ(reader.ids_not_found(), std::vector<std::string>{"clickid-zz"});
}

// Progress reads against the size of the files as stored: for gzip the
// compressed bytes, which the total is made of too.
TEST_F(IngestTest, FileBytesReadCountCompressedBytes) {
  std::string jsonl;
  for (int i = 0; i < 3000; ++i)
    jsonl += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"Pemkot Semarang meraih penghargaan ke-" +
             std::to_string(i) + " dari Kementerian Dalam Negeri.\"}\n";
  const std::string gz = WriteGz("feed.jsonl.gz", jsonl);
  const std::string txt = Write("a.txt", "Judul\n\nIsi satu.");
  const InputList list = ExpandInputs({gz, txt});
  ASSERT_TRUE(list.total_bytes.has_value());
  EXPECT_EQ(*list.total_bytes, fs::file_size(gz) + fs::file_size(txt));
  ASSERT_LT(fs::file_size(gz), jsonl.size() / 4);
  Reader reader(list.files, {});
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_GT(reader.file_bytes_read(), 0u);
  EXPECT_LE(reader.file_bytes_read(), fs::file_size(gz));
  while (reader.Next(&doc)) {
  }
  EXPECT_EQ(reader.file_bytes_read(), *list.total_bytes);
  EXPECT_EQ(reader.bytes_read(), jsonl.size() + fs::file_size(txt));
  EXPECT_FALSE(ExpandInputs({gz, "-"}).total_bytes.has_value());  // stdin: unknown
}

}  // namespace
}  // namespace warta
