// Bad input, as users and scrapers produce it, through the warta binary:
// every record that cannot be read is an output line with an `error` naming
// file and line, the rest of the batch goes on, the summary counts it, and
// the exit code says so. What can be read keeps exact offsets.
#include <sys/socket.h>
#include <sys/un.h>
#include <zlib.h>

#include "core/utf8.h"
#include "robustness.h"

namespace warta::robustness {
namespace {

using namespace std::string_literals;

const char kBody[] =
    "SEMARANG - Pemerintah Kota Semarang meraih tiga penghargaan dari Kementerian Dalam Negeri pada "
    "Senin (22/5/2023). Sebanyak 12 perangkat daerah dinilai oleh tim penilai.";

std::string Record(const std::string& id, const std::string& text) {
  return nlohmann::json({{"id", id}, {"title", "Pemkot Semarang Raih Penghargaan"}, {"text", text}}).dump();
}

// Every entity's text is the original between its offsets (code points).
void ExpectExactOffsets(const nlohmann::json& record, std::string_view original) {
  for (const auto& e : record["entities"]) {
    const std::string text = e["text"];
    EXPECT_EQ(SliceCodePoints(original, e["start"], e["end"]), text) << e.dump();
  }
}

const nlohmann::json* FindEntity(const nlohmann::json& record, const std::string& type) {
  for (const auto& e : record["entities"])
    if (e["type"] == type) return &e;
  return nullptr;
}

TEST(BadInputs, JsonlLinesThatCannotBeReadAreReportedAndTheBatchGoesOn) {
  Scratch s;
  const std::vector<std::pair<std::string, std::string>> lines = {
      {Record("baik", kBody), ""},
      {"Pemkot Semarang meraih penghargaan", ":2: not valid JSON"},
      {R"({"id": "c", "title": "Tanpa isi"})", ":3: no text field"},
      {R"({"id": "d", "text": 12})", ":4: field \"text\" is a number, not a string"},
      {R"({"id": "e", "text": {"p": "Isi"}})", ":5: field \"text\" is an object or array, not a string"},
      {"{\"id\": \"f\", \"text\": \"Kota\0Semarang\"}"s, ":6: not valid JSON"},  // a raw NUL byte
      {Record("g", "Isi satu") + Record("h", "Isi dua"), ":7: not valid JSON: more than one value on the line"},
      {R"(["Pemkot", "Semarang"])", ":8: not a JSON object"},
      {Record("i", "<!DOCTYPE html><html><body><p>Pemkot Semarang</p></body></html>"), ":9: field \"text\" is an HTML page"},
      {Record("j", kBody) + "\r", ""},
  };
  std::string content;
  for (const auto& [line, error] : lines) content += line + "\n";
  const std::string path = s.Write("campur.jsonl", content);

  WartaRun r = Warta(s, "extract " + path);
  EXPECT_EQ(r.exit_code, 1);  // some records failed
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), lines.size()) << r.err;
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE("line " + std::to_string(i + 1));
    const std::string& expected = lines[i].second;
    if (expected.empty()) {
      EXPECT_FALSE(records[i].contains("error")) << records[i].dump();
      EXPECT_NE(FindEntity(records[i], "date"), nullptr);
      ExpectExactOffsets(records[i], kBody);
    } else {
      ASSERT_TRUE(records[i].contains("error"));
      EXPECT_EQ(std::string(records[i]["error"]).rfind(path + expected, 0), 0u) << records[i]["error"];
      EXPECT_TRUE(records[i]["entities"].empty());
      // One line on standard error for each, naming file and line too.
      EXPECT_NE(r.err.find("warta: error: " + path + expected), std::string::npos) << r.err;
    }
  }
  const Summary sum = ParseSummary(r.err);
  EXPECT_EQ(sum.articles, 10);
  EXPECT_EQ(sum.errors, 8);
}

TEST(BadInputs, EscapedNulAndInvalidUtf8InJsonlAreRead) {
  Scratch s;
  const std::string text = std::string("Kota\\u0000Semarang meraih 3 penghargaan pada 5 Mei 2023.");
  const std::string path = s.Write("aneh.jsonl",
                                   "{\"id\": \"nul\", \"title\": \"Judul\", \"text\": \"" + text + "\"}\n"
                                   "{\"id\": \"cp1252\", \"title\": \"Judul\", \"text\": \"Kaf\xe9 Pemkot Semarang meraih 3 penghargaan pada 5 Mei 2023.\"}\n");
  WartaRun r = Warta(s, "extract " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 2u);
  ExpectExactOffsets(records[0], "Kota\0Semarang meraih 3 penghargaan pada 5 Mei 2023."s);
  const nlohmann::json* date = FindEntity(records[0], "date");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ((*date)["start"], 40);  // the NUL is one code point of the original
  ExpectExactOffsets(records[1], "Kaf\u00e9 Pemkot Semarang meraih 3 penghargaan pada 5 Mei 2023.");
  EXPECT_NE(records[1]["warnings"].dump().find("Windows-1252"), std::string::npos);
}

TEST(BadInputs, ByteOrderMarksStartingAJsonlFile) {
  Scratch s;
  const std::string jsonl = Record("satu", kBody) + "\n" + Record("dua", "Isi berita kedua.") + "\n";
  const std::string utf8 = s.Write("bom8.jsonl", "\xEF\xBB\xBF" + jsonl);
  std::string utf16 = "\xFF\xFE";
  for (char c : jsonl) utf16 += std::string{c, '\0'};  // ASCII only: one UTF-16LE unit each
  const std::string wide = s.Write("bom16.jsonl", utf16);
  // No extension: the reader sniffs JSONL behind the mark.
  const std::string sniffed = s.Write("feed", "\xEF\xBB\xBF" + jsonl);

  WartaRun r = Warta(s, "extract " + utf8 + " " + wide + " " + sniffed);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 6u) << r.out;
  for (size_t i = 0; i < records.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_FALSE(records[i].contains("error")) << records[i].dump();
    EXPECT_EQ(records[i]["id"], i % 2 == 0 ? "satu" : "dua");
  }
  ExpectExactOffsets(records[2], kBody);
  EXPECT_NE(records[2]["warnings"].dump().find("UTF-16LE"), std::string::npos);
  EXPECT_NE(records[3]["warnings"].dump().find("UTF-16LE"), std::string::npos);
}

TEST(BadInputs, NulBytesAndCrlfInTextFilesKeepOffsetsExact) {
  Scratch s;
  const std::string nul = "Pemkot Semarang Raih Penghargaan\n\nKota\0Semarang meraih 3 penghargaan pada 5 Mei 2023."s;
  const std::string crlf = "Pemkot Semarang Raih Penghargaan\r\n\r\n" + std::string(kBody) + "\r\n\r\nPara juri menilai 12 inovasi.\r\n";
  WartaRun r = Warta(s, "extract " + s.Write("a_nul.txt", nul) + " " + s.Write("b_crlf.txt", crlf));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["title"], "Pemkot Semarang Raih Penghargaan");
  ASSERT_NE(FindEntity(records[0], "date"), nullptr) << records[0].dump();
  ExpectExactOffsets(records[0], nul);
  EXPECT_EQ(records[1]["title"], "Pemkot Semarang Raih Penghargaan");
  ASSERT_GE(records[1]["entities"].size(), 2u) << records[1].dump();
  ExpectExactOffsets(records[1], crlf);
}

TEST(BadInputs, HtmlPageInsteadOfTextIsAnError) {
  Scratch s;
  const std::string page = s.Write("halaman.html",
      "\n<!DOCTYPE html>\n<html lang=\"id\"><head><title>Pemkot Semarang Raih Penghargaan</title></head>\n"
      "<body><p>" + std::string(kBody) + "</p></body></html>\n");
  const std::string good = s.Write("berita.txt", "Pemkot Semarang Raih Penghargaan\n\n" + std::string(kBody));
  WartaRun r = Warta(s, "extract " + page + " " + good);
  EXPECT_EQ(r.exit_code, 1);
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["id"], "halaman");
  EXPECT_EQ(records[0]["error"], page + ": an HTML page, not article text (extract the text first, e.g. with trafilatura)");
  EXPECT_FALSE(records[1].contains("error"));
}

TEST(BadInputs, EmptyInputs) {
  Scratch s;
  const std::string empty_text = s.Write("kosong.txt", "");
  const std::string empty_jsonl = s.Write("kosong.jsonl", "");
  const std::string blank_jsonl = s.Write("kosong2.jsonl", "\n  \n\t\r\n");
  WartaRun r = Warta(s, "extract " + empty_text + " " + empty_jsonl + " " + blank_jsonl);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 1u);  // an empty text file is an (empty) article; an empty JSONL file has none
  EXPECT_EQ(records[0]["id"], "kosong");
  EXPECT_EQ(records[0]["warnings"], nlohmann::json::array({"article text is empty"}));
  EXPECT_EQ(ParseSummary(r.err).articles, 1);
}

TEST(BadInputs, TruncatedGzipEndsWithAnErrorAtTheCutLine) {
  Scratch s;
  std::string full;
  for (int i = 0; i < 3000; ++i) full += Record("r" + std::to_string(i), kBody) + "\n";
  const std::string whole = s.Path("utuh.jsonl.gz");
  gzFile f = gzopen(whole.c_str(), "wb");
  gzwrite(f, full.data(), static_cast<unsigned>(full.size()));
  gzclose(f);
  const std::string bytes = ReadFile(whole);
  const std::string cut = s.Write("potong.jsonl.gz", bytes.substr(0, bytes.size() / 2));

  WartaRun r = Warta(s, "extract -o " + s.Path("out.jsonl") + " " + cut);
  EXPECT_EQ(r.exit_code, 1);
  auto records = JsonLines(ReadFile(s.Path("out.jsonl")));
  ASSERT_GT(records.size(), 10u);
  ASSERT_LT(records.size(), 3000u);
  // Every record before the cut is whole; the cut line is the one error.
  for (size_t i = 0; i + 1 < records.size(); ++i) ASSERT_FALSE(records[i].contains("error")) << i;
  const std::string error = records.back()["error"];
  EXPECT_EQ(error.rfind(cut + ":" + std::to_string(records.size()) + ": ", 0), 0u) << error;
  const Summary sum = ParseSummary(r.err);
  EXPECT_EQ(sum.articles, static_cast<long long>(records.size()));
  EXPECT_EQ(sum.errors, 1);
}

// Root reads any file whatever its mode bits, so the folder holds entries
// that cannot be opened by anyone: a symbolic link to nothing and a socket.
TEST(BadInputs, FolderWithEntriesThatCannotBeRead) {
  Scratch s;
  s.Write("berita/a_baik.txt", "Pemkot Semarang Raih Penghargaan\n\n" + std::string(kBody));
  s.Write("berita/sub/d_baik.txt", "Judul Kedua\n\nIsi berita kedua.");
  fs::create_symlink(s.Path("hilang.txt"), s.Path("berita/b_putus.txt"));
  const std::string socket_path = s.Path("berita/c_soket.txt");  // named as an article, so it is not skipped by name
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.size(), sizeof addr.sun_path);
  socket_path.copy(addr.sun_path, socket_path.size());
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  // A link back up must not make the walk go round for ever.
  fs::create_directory_symlink(s.Path("berita"), s.Path("berita/sub/putar"));

  WartaRun r = Warta(s, "extract " + s.Path("berita"));
  ::close(fd);
  EXPECT_EQ(r.exit_code, 1);
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 4u) << r.out;
  EXPECT_FALSE(records[0].contains("error"));
  EXPECT_EQ(records[1]["error"], s.Path("berita/b_putus.txt") + ": cannot open: No such file or directory "
                                 "(a symbolic link to " + s.Path("hilang.txt") + ")");
  EXPECT_EQ(records[2]["error"], socket_path + ": cannot open: it is a socket, not a file");
  EXPECT_EQ(records[3]["id"], "sub/d_baik");
  EXPECT_EQ(ParseSummary(r.err).errors, 2);
}

// The same as a user who is not root, when the machine lets the test drop
// to one (setpriv, user nobody): a file and a folder without read permission.
TEST(BadInputs, FolderWithUnreadableFileAndSubfolderAsAnotherUser) {
  Scratch s;
  const std::string as_nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  fs::permissions(s.dir(), fs::perms::all);
  if (testing::RunCommand(as_nobody + testing::WartaBinary() + " --version 2>/dev/null").exit_code != 0)
    GTEST_SKIP() << "cannot run warta as user nobody here";
  s.Write("berita/a_baik.txt", "Pemkot Semarang Raih Penghargaan\n\n" + std::string(kBody));
  const std::string file = s.Write("berita/b_rahasia.txt", "Isi rahasia.");
  s.Write("berita/c_tertutup/x.txt", "Isi tertutup.");
  fs::permissions(file, fs::perms::none);
  fs::permissions(s.Path("berita/c_tertutup"), fs::perms::none);

  WartaRun r = Warta(s, "extract --rules " + testing::RulesDirPath() + " " + s.Path("berita"), as_nobody);
  fs::permissions(s.Path("berita/c_tertutup"), fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 3u) << r.out << r.err;
  EXPECT_FALSE(records[0].contains("error"));
  EXPECT_EQ(records[1]["error"], file + ": cannot open: Permission denied");
  EXPECT_EQ(records[2]["error"], s.Path("berita/c_tertutup") + ": cannot open: Permission denied");
}

TEST(BadInputs, OutputThatCannotBeWritten) {
  Scratch s;
  const std::string input = s.Write("berita.txt", "Pemkot Semarang Raih Penghargaan\n\n" + std::string(kBody));
  WartaRun full = Warta(s, "extract " + input + " -o /dev/full");
  EXPECT_NE(full.exit_code, 0);
  EXPECT_NE(full.err.find("warta: /dev/full: write failed: No space left on device"), std::string::npos) << full.err;

  WartaRun folder = Warta(s, "extract " + input + " -o " + s.dir().string());
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_NE(folder.err.find(s.dir().string() + ": cannot write: Is a directory"), std::string::npos) << folder.err;

  // A folder the user may not write to (as root only a read-only mount is
  // that, so run as user nobody where the machine allows it).
  const std::string as_nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  fs::permissions(s.dir(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
  if (testing::RunCommand(as_nobody + testing::WartaBinary() + " --version 2>/dev/null").exit_code != 0)
    GTEST_SKIP() << "cannot run warta as user nobody here";
  const std::string out = s.Path("tidak-boleh.jsonl");
  WartaRun readonly = Warta(s, "extract --rules " + testing::RulesDirPath() + " " + input + " -o " + out, as_nobody);
  EXPECT_EQ(readonly.exit_code, 1);
  EXPECT_NE(readonly.err.find(out + ": cannot write: Permission denied"), std::string::npos) << readonly.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace warta::robustness
