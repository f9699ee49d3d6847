// One article of 50 MB: read whole when --max-article-mb allows it, processed
// in one piece, offsets exact at its far end (beyond what 16-bit or careless
// int arithmetic would hold). Over the limit (issue 17), an article of 64 MB
// is an error record, the batch goes on, and memory stays low.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include <sys/wait.h>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "robustness.h"

namespace warta::robustness {
namespace {

constexpr size_t kSize = 50u << 20;

const char kOpening[] =
    "Pemkot Semarang Raih Penghargaan Pelayanan Publik\n\n"
    "SEMARANG - Pemerintah Kota Semarang meraih penghargaan pelayanan publik pada Senin (22/5/2023).\n\n";
const char kClosing[] = "Penghargaan diserahkan kepada 12 perangkat daerah pada 5 Juni 2023.";

// Prose without dates or counts, paragraph after paragraph, up to `size`.
std::string LongBody(size_t size) {
  const std::string paragraph =
      "Warga berkumpul di alun-alun untuk merayakan acara bersama keluarga dan tetangga sambil menikmati "
      "hidangan khas daerah. Panitia menyiapkan panggung hiburan, lapak makanan, dan ruang bermain bagi "
      "anak-anak. Suasana meriah berlangsung sejak pagi hingga malam hari.\n\n";
  std::string body;
  body.reserve(size + paragraph.size());
  while (body.size() < size) body += paragraph;
  return body;
}

TEST(LargeInput, FiftyMegabyteArticle) {
  Scratch s;
  const std::string article = kOpening + LongBody(kSize) + kClosing;
  const std::string input = s.Write("panjang.txt", article);
  const std::string output = s.Path("out.jsonl");
  WartaRun r = Warta(s, "extract --max-article-mb 64 " + input + " -o " + output);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = JsonLines(ReadFile(output));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["title"], "Pemkot Semarang Raih Penghargaan Pelayanan Publik");
  const size_t closing = CountCodePoints(article) - CountCodePoints(kClosing);
  int at_end = 0;
  for (const auto& e : records[0]["entities"]) {
    const size_t start = e["start"], end = e["end"];
    EXPECT_EQ(SliceCodePoints(article, start, end), e["text"].get<std::string>()) << e.dump();
    at_end += start >= closing;
  }
  EXPECT_GE(at_end, 2) << "the count and the date of the last paragraph";
  EXPECT_EQ(ParseSummary(r.err).articles, 1);
}

TEST(LargeInput, FiftyMegabyteJsonlLineAndTheLineAfterIt) {
  Scratch s;
  const std::string text = LongBody(kSize);
  const std::string path =
      s.Write("besar.jsonl", nlohmann::json({{"id", "besar"}, {"text", text}}).dump() + "\n" +
                                 R"({"id": "kecil", "text": "Pemkot Semarang meraih penghargaan."})" + "\n");
  IngestOptions options;
  options.max_article_bytes = 0;
  Reader reader({path}, options);
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "besar");
  EXPECT_TRUE(doc.error.empty()) << doc.error;
  EXPECT_EQ(doc.original.size(), text.size());
  EXPECT_TRUE(doc.original == text);
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "kecil");
  EXPECT_FALSE(reader.Next(&doc));
}

// Runs `command` through the shell and returns its exit code, with the peak
// RSS of the process the shell execs in MB: its VmHWM, sampled until it exits.
// Not wait4's ru_maxrss: a forked child starts with this test process's RSS as
// its high-water mark, and in a full run of the suite that is already ~200 MB.
int RunMeasured(const std::string& command, double* peak_mb) {
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  if (pid < 0) return -1;
  // Until the child has exec'd, it is a copy of this process: not measured.
  std::string self;
  std::getline(std::ifstream("/proc/self/comm"), self);
  int status = 0;
  long hwm_kb = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -1;
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    bool exec_done = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("Name:", 0) == 0) exec_done = line.find(self) == std::string::npos;
      if (exec_done && line.rfind("VmHWM:", 0) == 0) hwm_kb = std::max(hwm_kb, std::atol(line.c_str() + 6));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  *peak_mb = hwm_kb * 1024 / 1e6;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Issue 17: a 64 MB line peaked at ~620 MB when it was read and processed whole.
TEST(LargeInput, ArticleOverTheLimitIsAnErrorRecordInLowMemory) {
  Scratch s;
  for (const bool gzip : {false, true}) {
    SCOPED_TRACE(gzip ? "gzip" : "plain");
    const std::string line = nlohmann::json({{"id", "besar"}, {"text", LongBody(64u << 20)}}).dump();
    const std::string path =
        s.Write("besar.jsonl", line + "\n" + R"({"id": "kecil", "text": "Pemkot Semarang meraih Adipura 2019."})" + "\n");
    if (gzip) {
      ASSERT_EQ(testing::RunCommand("gzip -f " + path).exit_code, 0);
    }
    const std::string input = gzip ? path + ".gz" : path;
    const std::string output = s.Path("out.jsonl");
    double peak_mb = 0;
    const int code = RunMeasured(testing::WartaBinary() + " extract --threads 2 " + input + " -o " + output + " 2>" +
                                     s.Path("err.txt"),
                                 &peak_mb);
    EXPECT_EQ(code, 1) << "an error record";
    auto records = JsonLines(ReadFile(output));
    ASSERT_EQ(records.size(), 2u);
    const std::string error = records[0].value("error", "");
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", line.size() / 1e6);
    EXPECT_EQ(error, input + ":1: article of " + size + " is over --max-article-mb 4; not read");
    EXPECT_EQ(records[1]["id"], "kecil");
    EXPECT_FALSE(records[1].contains("error"));
    EXPECT_FALSE(records[1]["entities"].empty());
    EXPECT_NE(ReadFile(s.Path("err.txt")).find("warta: error: " + error), std::string::npos);
    EXPECT_LT(peak_mb, 150) << "peak RSS";
    std::printf("  %s: peak RSS %.1f MB\n", gzip ? "gzip" : "plain", peak_mb);
  }
}

TEST(LargeInput, TextFileOverTheLimitNamesItsSizeAndTheOption) {
  Scratch s;
  const std::string big = s.Write("d/besar.txt", LongBody(5'000'000));
  s.Write("d/kecil.txt", "Pemkot Semarang meraih Adipura 2019.");
  WartaRun r = Warta(s, "extract --max-article-mb 2.5 " + s.Path("d") + " -o " + s.Path("out.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  auto records = JsonLines(ReadFile(s.Path("out.jsonl")));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["id"], "besar");
  EXPECT_EQ(records[0].value("error", ""), big + ": article of 5.0 MB is over --max-article-mb 2.5; not read");
  EXPECT_EQ(records[1]["id"], "kecil");
  EXPECT_FALSE(records[1].contains("error"));
}

}  // namespace
}  // namespace warta::robustness
