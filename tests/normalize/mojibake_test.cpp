// Mojibake repair: UTF-8 read as Mac OS Roman or Windows-1252 and encoded
// again comes back as the text it was, with offsets into the original.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include "core/utf8.h"
#include "normalize/normalize.h"
#include "pipeline/pipeline.h"
#include "test_paths.h"

namespace warta {
namespace {

// What a program that took UTF-8 for `codepage` wrote: every byte of the
// clean text becomes the character the code page gives it.
std::string MojibakeTwin(const std::string& clean, const char* codepage) {
  icu::UnicodeString decoded(clean.data(), static_cast<int32_t>(clean.size()), codepage);
  std::string out;
  decoded.toUTF8String(out);
  return out;
}

class MojibakeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Pipeline::Load(RulesDir(testing::RulesDirPath()), &pipeline_);
    ASSERT_TRUE(s.ok()) << s.message();
    s = Normalizer::Load(RulesDir(testing::RulesDirPath()), &normalizer_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static Document Normalize(std::string original) {
    Document doc;
    doc.original = std::move(original);
    normalizer_->Process(&doc);
    return doc;
  }
  static int RepairWarnings(const Document& doc) {
    int n = 0;
    for (const Warning& w : doc.warnings) n += w.kind == "mojibake";
    return n;
  }
  static std::unique_ptr<Pipeline> pipeline_;
  static std::unique_ptr<Normalizer> normalizer_;
};
std::unique_ptr<Pipeline> MojibakeTest::pipeline_;
std::unique_ptr<Normalizer> MojibakeTest::normalizer_;

struct RepairCase {
  const char* name;
  const char* original;
  const char* working;
};

TEST_F(MojibakeTest, Repairs) {
  const RepairCase cases[] = {
      {"mac_roman_quotes_and_nbsp", "‚ÄúKami bangga,‚Äù kata Wali¬†Kota ‚Äì Selasa.",
       "“Kami bangga,” kata Wali Kota – Selasa."},
      {"mac_roman_accent_and_ellipsis", "Nestl√© Indonesia meraih penghargaan‚Ä¶", "Nestlé Indonesia meraih penghargaan..."},
      {"windows_1252_quotes", "â€œKami banggaâ€\u009d kata Bupati â€“ Senin.", "“Kami bangga” kata Bupati – Senin."},
      {"windows_1252_accent", "Gedung AtlÃ©tico dan CitroÃ«n", "Gedung Atlético dan Citroën"},
      {"latin1_c1_controls", "Ä\u0081manÅ« walyaktub", "āmanū walyaktub"},
  };
  for (const RepairCase& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = Normalize(c.original);
    EXPECT_EQ(doc.text, c.working);
    EXPECT_EQ(RepairWarnings(doc), 1);
  }
}

TEST_F(MojibakeTest, CleanTextIsLeftAlone) {
  for (const char* text : {"Café “Top” – Nestlé, 25°C ± 3 derajat, São Paulo, Ömer, Ñandú.",
                           "Pemkot Surabaya meraih WTP — ke-10 kalinya — pada 2024.",
                           "Ucapan إن شاء الله dan 大家好 tetap seperti aslinya."}) {
    SCOPED_TRACE(text);
    Document doc = Normalize(text);
    EXPECT_EQ(doc.text, text);
    EXPECT_EQ(RepairWarnings(doc), 0);
  }
}

TEST_F(MojibakeTest, RepairedCharacterPointsAtTheWholeSequence) {
  const std::string original = "Ketua berkata ‚ÄúSiap‚Äù di Jakarta.";
  Document doc = Normalize(original);
  ASSERT_EQ(doc.text, "Ketua berkata “Siap” di Jakarta.");
  const size_t quote = doc.text.find("“");
  EXPECT_EQ(SliceCodePoints(original, doc.map.SpanStart(quote), doc.map.SpanEnd(quote + 3)), "‚Äú");
  const size_t at = doc.text.find("Jakarta");
  EXPECT_EQ(SliceCodePoints(original, doc.map.SpanStart(at), doc.map.SpanEnd(at + 7)), "Jakarta");
}

TEST_F(MojibakeTest, TitleFieldIsRepairedToo) {
  Document doc;
  doc.original = "Isi berita.";
  doc.title_field = "‚ÄúJogja Kota Batik‚Äù Unjuk Gigi";
  normalizer_->Process(&doc);
  EXPECT_EQ(doc.title_field, "“Jogja Kota Batik” Unjuk Gigi");
  EXPECT_EQ(RepairWarnings(doc), 1);
}

// Our own annotated articles and their mojibake twins give the same working
// text, title, publication date and extracted values.
TEST_F(MojibakeTest, TwinsOfCorpusArticlesExtractTheSame) {
  const std::filesystem::path dir = testing::SourceDir() + "/corpus/articles";
  int articles = 0, with_repairs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string clean = buffer.str();
    Document want;
    want.original = clean;
    pipeline_->Process(&want);
    ++articles;
    for (const char* codepage : {"macintosh", "windows-1252"}) {
      SCOPED_TRACE(entry.path().filename().string() + " read as " + codepage);
      Document twin;
      twin.original = MojibakeTwin(clean, codepage);
      pipeline_->Process(&twin);
      with_repairs += RepairWarnings(twin);
      EXPECT_EQ(twin.text, want.text);
      EXPECT_EQ(twin.title, want.title);
      EXPECT_EQ(twin.published, want.published);
      ASSERT_EQ(twin.entities.size(), want.entities.size());
      for (size_t k = 0; k < want.entities.size(); ++k) {
        EXPECT_EQ(twin.entities[k].type, want.entities[k].type);
        EXPECT_EQ(twin.entities[k].value, want.entities[k].value);
        EXPECT_EQ(twin.entities[k].rule, want.entities[k].rule);
      }
    }
  }
  EXPECT_GE(articles, 30);
  EXPECT_GE(with_repairs, 20);  // most articles hold a quote, a dash or an accent
}

}  // namespace
}  // namespace warta
