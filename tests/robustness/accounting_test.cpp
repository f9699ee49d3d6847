// Nothing is lost without a word: every input line is a record or a blank
// line, every record is an output line, and the summary's counts say how
// many there were and how many failed. The fault-injection batch checks the
// same at the scale of a real scrape: 100,000 articles, 1% of them broken.
#include <chrono>
#include <random>
#include <set>

#include "ingest/ingest.h"
#include "robustness.h"

namespace warta::robustness {
namespace {

const char* const kPlaces[] = {"Semarang", "Gresik", "Kulon Progo", "Makassar", "Pontianak", "Banyumas", "Siak"};
const char* const kNumbers[] = {"tiga", "12", "dua belas", "1.250", "lima", "45"};

// A short, real-looking article record; `n` varies its wording.
std::string Article(int n) {
  const std::string place = kPlaces[n % 7], count = kNumbers[n % 6];
  nlohmann::json j = {
      {"id", "berita-" + std::to_string(n)},
      {"title", "Pemkot " + place + " Raih Penghargaan Pelayanan Publik"},
      {"date_publish", "2023-05-23 09:" + std::to_string(10 + n % 50) + ":00"},
      {"maintext", place + " - Pemerintah Kota " + place + " meraih penghargaan pelayanan publik pada Senin (22/5/2023). "
                   "Sebanyak " + count + " perangkat daerah dinilai oleh tim dari Kementerian Dalam Negeri."}};
  return j.dump();
}

// Breaks a record line the ways scraped files break: cut short, a key
// renamed, the text a number, a raw control byte inside a string, garbage.
std::string Corrupt(const std::string& line, int kind, std::mt19937* rng) {
  switch (kind % 5) {
    case 0: return line.substr(0, 1 + (*rng)() % (line.size() - 2));
    case 1: {
      std::string s = line;
      s.replace(s.find("\"maintext\""), 10, "\"maintxt\"");
      return s;
    }
    case 2: return R"({"id": "angka", "maintext": 2023})";
    case 3: {
      std::string s = line;
      s[s.find("meraih")] = '\x01';
      return s;
    }
    default: return "\x1f\x8b\x08\x00 bukan JSON";
  }
}

TEST(Accounting, EveryLineIsARecordOrABlankLine) {
  Scratch s;
  const std::string path = s.Write("feed.jsonl",
      Article(1) + "\n"
      "\n"
      "   \t \n"
      + Article(2) + "\r\n"
      "\r\n"
      "{\"id\": \"rusak\", \"maintext\": \n"
      + Article(3) + "\n"
      "bukan json\n"
      "\t\n"
      + Article(4));  // no final line break
  const int lines = 10, blank = 4;

  Reader reader({path}, IngestOptions());
  Document doc;
  int records = 0, errors = 0;
  while (reader.Next(&doc)) {
    ++records;
    errors += !doc.error.empty();
  }
  EXPECT_EQ(records, 6);
  EXPECT_EQ(errors, 2);
  EXPECT_EQ(static_cast<int>(reader.blank_lines()), blank);
  EXPECT_EQ(records + static_cast<int>(reader.blank_lines()), lines);

  // The binary: one output line per record, and a summary that agrees.
  WartaRun r = Warta(s, "extract " + path);
  EXPECT_EQ(r.exit_code, 1);
  auto out = JsonLines(r.out);
  ASSERT_EQ(static_cast<int>(out.size()), records);
  int error_lines = 0;
  for (const auto& record : out) error_lines += record.contains("error");
  EXPECT_EQ(error_lines, errors);
  const Summary sum = ParseSummary(r.err);
  EXPECT_EQ(sum.articles, records);
  EXPECT_EQ(sum.errors, errors);
}

TEST(Accounting, FaultInjection100kArticlesOnePercentBroken) {
  Scratch s;
  constexpr int kArticles = 100000, kBroken = 1000;
  std::mt19937 rng(9);
  std::vector<int> order(kArticles);
  for (int i = 0; i < kArticles; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  const std::set<int> broken(order.begin(), order.begin() + kBroken);

  std::string feed;
  feed.reserve(kArticles * 330);
  std::set<int> broken_lines;  // 1-based line numbers in the file
  int line_no = 0;
  for (int i = 0; i < kArticles; ++i) {
    if (i % 200 == 199) {
      feed += "\n";  // blank lines between records are not records
      ++line_no;
    }
    std::string line = Article(i);
    if (broken.count(i)) {
      line = Corrupt(line, i, &rng);
      broken_lines.insert(line_no + 1);
    }
    feed += line + (i % 7 == 0 ? "\r\n" : "\n");
    ++line_no;
  }
  const std::string path = s.Write("batch.jsonl", feed);
  const std::string out_path = s.Path("out.jsonl");

  const auto started = std::chrono::steady_clock::now();
  WartaRun r = Warta(s, "extract -o " + out_path + " " + path);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RecordProperty("seconds", std::to_string(seconds));
  std::printf("fault injection: %d articles in %.1f s\n", kArticles, seconds);

  EXPECT_EQ(r.exit_code, 1);
  std::istringstream out(ReadFile(out_path));
  int records = 0, good = 0;
  std::set<int> error_lines;
  for (std::string line; std::getline(out, line);) {
    ++records;
    const nlohmann::json j = nlohmann::json::parse(line);
    if (!j.contains("error")) {
      ++good;
      continue;
    }
    const std::string error = j["error"];
    ASSERT_EQ(error.rfind(path + ":", 0), 0u) << error;
    error_lines.insert(std::stoi(error.substr(path.size() + 1)));
  }
  EXPECT_EQ(records, kArticles);
  EXPECT_EQ(good, kArticles - kBroken);
  EXPECT_EQ(error_lines, broken_lines);  // each error names the line that was broken
  const Summary sum = ParseSummary(r.err);
  EXPECT_EQ(sum.articles, kArticles) << r.err.substr(r.err.size() > 300 ? r.err.size() - 300 : 0);
  EXPECT_EQ(sum.errors, kBroken);
}

}  // namespace
}  // namespace warta::robustness
