// One article of 50 MB: read whole, processed in one piece, offsets exact at
// its far end (beyond what 16-bit or careless int arithmetic would hold).
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
  WartaRun r = Warta(s, "extract " + input + " -o " + output);
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
  Reader reader({path}, IngestOptions());
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

}  // namespace
}  // namespace warta::robustness
