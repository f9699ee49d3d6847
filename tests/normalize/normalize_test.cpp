#include "normalize/normalize.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "test_paths.h"

namespace warta {
namespace {

class NormalizeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Normalizer::Load(RulesDir(testing::RulesDirPath()), &normalizer_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static Document Run(std::string original) {
    Document doc;
    doc.original = std::move(original);
    normalizer_->Process(&doc);
    return doc;
  }
  static std::unique_ptr<Normalizer> normalizer_;
};
std::unique_ptr<Normalizer> NormalizeTest::normalizer_;

struct CharCase {
  const char* name;
  const char* original;
  const char* working;
};

TEST_F(NormalizeTest, CharacterLevel) {
  const CharCase cases[] = {
      {"entities", "Kemenperin &amp; Kemensos&nbsp;raih &#8211; &#x2013; &quot;emas&quot;",
       "Kemenperin & Kemensos raih – – \"emas\""},
      {"not_an_entity", "R&D dan A&B; tetap", "R&D dan A&B; tetap"},
      {"nbsp_and_zero_width", "Kota\u00a0Malang\u200b meraih\u2009penghargaan", "Kota Malang meraih penghargaan"},
      {"tabs_and_runs_of_spaces", "Pemkot\t\tTangerang    meraih", "Pemkot Tangerang meraih"},
      {"crlf_lines", "Baris satu\r\nBaris dua\r\n\r\nParagraf baru", "Baris satu\nBaris dua\n\nParagraf baru"},
      {"blank_lines_collapse", "Satu\n\n\n\n  \nDua", "Satu\n\nDua"},
      {"nfkc_ligature_and_fullwidth", "e\ufb01siensi \uff12\uff10\uff11\uff19", "efisiensi 2019"},
      {"nfkc_composes", "Pe\u0301mkot", "P\u00e9mkot"},
      {"control_character", "Jakarta\x01 raya", "Jakarta raya"},
      {"trailing_spaces_per_line", "Judul   \n   isi berita", "Judul\nisi berita"},
  };
  for (const CharCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Run(c.original).text, c.working);
  }
}

TEST_F(NormalizeTest, NulByteInsideTextIsDropped) {
  EXPECT_EQ(Run(std::string("Kota\0 Bandung", 13)).text, "Kota Bandung");
}

// For random spans of the working text that start and end on boundaries of
// the offset map, the original characters the map points to normalise back
// to exactly that span. (Character level: a normalizer without boilerplate
// rules, so that a lone number is not taken for a page counter.)
TEST(NormalizeOffsetsTest, OffsetMapRoundTrip) {
  const std::string dir = ::testing::TempDir() + "/warta_no_boilerplate";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/boilerplate.toml") << "# no rules\n";
  std::unique_ptr<Normalizer> normalizer;
  ASSERT_TRUE(Normalizer::Load(RulesDir(dir), &normalizer).ok());
  auto run = [&](std::string original) {
    Document doc;
    doc.original = std::move(original);
    normalizer->Process(&doc);
    return doc;
  };
  const std::string original =
      "Kemenperin &amp; Kemensos\u00a0meraih &#8220;Top 99&#8221; di Gresik,\r\n"
      "Jawa Timur (20/05).\u200b  Nilai \uff19\uff18\uff10, e\ufb01siensi 37,93\u2009%.\n\n\n"
      "\tPe\u0301mkot Tangerang — Kota\u00a0Semarang (18/7) malam. “Kami bangga,” ujarnya.";
  Document doc = run(original);
  ASSERT_FALSE(doc.text.empty());
  ASSERT_EQ(doc.map.size(), doc.text.size());
  // Boundaries: byte positions where a new original range starts.
  std::vector<size_t> bounds;
  for (size_t b = 0; b < doc.text.size(); ++b)
    if ((static_cast<unsigned char>(doc.text[b]) & 0xC0) != 0x80 &&
        (b == 0 || doc.map.OrigBegin(b) != doc.map.OrigBegin(b - 1)))
      bounds.push_back(b);
  bounds.push_back(doc.text.size());
  std::mt19937 rng(20251125);
  for (int trial = 0; trial < 2000; ++trial) {
    size_t i = rng() % (bounds.size() - 1);
    size_t j = i + 1 + rng() % (bounds.size() - 1 - i);
    const size_t b = bounds[i], e = bounds[j];
    std::string working = doc.text.substr(b, e - b);
    std::string_view orig = SliceCodePoints(doc.original, doc.map.SpanStart(b), doc.map.SpanEnd(e));
    SCOPED_TRACE("working span \"" + working + "\", original \"" + std::string(orig) + "\"");
    // A span may begin or end with a collapsed space or line break, which
    // normalises to nothing at the edges of a text.
    while (!working.empty() && (working.front() == ' ' || working.front() == '\n')) working.erase(0, 1);
    while (!working.empty() && (working.back() == ' ' || working.back() == '\n')) working.pop_back();
    std::string again = run(std::string(orig)).text;
    EXPECT_EQ(again, working);
  }
}

TEST_F(NormalizeTest, SpanOffsetsCountCodePointsOfTheOriginal) {
  // "é" and "“" are one code point each but several bytes.
  Document doc = Run("Kafé “Top” &amp; Pemkot Tangerang");
  const size_t at = doc.text.find("Pemkot");
  ASSERT_NE(at, std::string::npos);
  const uint32_t start = doc.map.SpanStart(at), end = doc.map.SpanEnd(at + 6);
  EXPECT_EQ(start, 17u);  // K a f é _ “ T o p ” _ & a m p ; _
  EXPECT_EQ(SliceCodePoints(doc.original, start, end), "Pemkot");
}

struct BoilerplateCase {
  const char* name;
  const char* original;
  const char* working;
};

TEST_F(NormalizeTest, Boilerplate) {
  const BoilerplateCase cases[] = {
      {"share_buttons", "Judul\n\nfacebook twitter whatsapp telegram line copy\n\nURL berhasil dicopy\n\nIsi berita.",
       "Judul\n\nIsi berita."},
      {"loading_and_font_buttons", "Judul\nLoading\nA A A\nIsi berita.", "Judul\nIsi berita."},
      {"view_counter_in_header", "Kamis, 18 Juli 2019 23:23 WIB | Dibaca : 571\nJudul", "Kamis, 18 Juli 2019 23:23 WIB\nJudul"},
      {"title_repeated_at_top", "Judul Berita\nJudul Berita\nJudul Berita\nIsi berita.", "Judul Berita\nIsi berita."},
      {"see_also_line", "Paragraf satu.\n\nSee also Wujudkan Ketahanan Pangan\n\nParagraf dua.", "Paragraf satu.\n\nParagraf dua."},
      {"baca_juga_line", "Paragraf satu.\nBaca juga: Pemkot Raih Adipura 2019\nParagraf dua.", "Paragraf satu.\nParagraf dua."},
      {"berita_terkait_to_the_end",
       "Isi berita.\n\nBerita Terkait\n\nMenteri Rini Sampaikan Strategi\n\nTuesday, 1 July 2025 - 19:02 WIB\nKemenpar Raih 3 Penghargaan",
       "Isi berita."},
      {"comment_form", "Isi berita.\n\nLEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here", "Isi berita."},
      {"captcha_line", "Isi berita.\nPastikan Google Captcha Sudah Tercentang !!!", "Isi berita."},
      {"copyright_footer", "Isi berita.\n(izz)\nCopyright ©2024 SINDOnews.com\nAll Rights Reserved\nberita/ rendering in 0.6140 seconds",
       "Isi berita.\n(izz)"},
      {"categories_tags", "Isi berita.\n\n\u00a0\n\nCATEGORIES\nTAGS", "Isi berita."},
      {"scroll_and_advertisement", "Paragraf satu.\nSCROLL TO CONTINUE WITH CONTENT\nADVERTISEMENT\nParagraf dua.",
       "Paragraf satu.\nParagraf dua."},
      {"editor_line", "Isi berita.\nEditor: Budi Santoso\nPenulis : Sari", "Isi berita."},
      {"lone_comment_counter", "Judul\n\n0\n\nJAKARTA - Isi.", "Judul\n\nJAKARTA - Isi."},
  };
  for (const BoilerplateCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Run(c.original).text, c.working);
  }
}

TEST_F(NormalizeTest, ProseMentioningBoilerplateWordsStays) {
  const std::string prose =
      "Komentar warga tentang Berita Terkait penghargaan itu dibaca oleh panitia.\n"
      "Pemkot membagikan tautan lewat facebook dan twitter kepada warga.";
  EXPECT_EQ(Run(prose).text, prose);
}

TEST_F(NormalizeTest, EmptyAndBlankArticles) {
  EXPECT_EQ(Run("").text, "");
  EXPECT_EQ(Run(" \n\t\r\n \u00a0").text, "");
}

TEST(NormalizeRulesTest, BrokenRuleFileReportsFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/warta_bad_rules";
  std::filesystem::create_directories(dir);
  struct Case {
    const char* name;
    const char* content;
    const char* expected;
  } cases[] = {
      {"bad_regex", "[[rule]]\nname = \"x\"\npattern = '(unclosed'\naction = \"line\"\n",
       "rules/boilerplate.toml:1: rule \"x\": bad regex"},
      {"unknown_key", "[[rule]]\nname = \"x\"\npattern = 'a'\naction = \"line\"\nactoin = \"rest\"\n",
       "rules/boilerplate.toml:5: unknown key \"actoin\""},
      {"duplicate_name", "[[rule]]\nname = \"x\"\npattern = 'a'\naction = \"line\"\n[[rule]]\nname = \"x\"\npattern = 'b'\naction = \"line\"\n",
       "rules/boilerplate.toml:5: duplicate rule name \"x\""},
      {"bad_action", "[[rule]]\nname = \"x\"\npattern = 'a'\naction = \"drop\"\n",
       "rules/boilerplate.toml:1: action must be line, rest or span"},
      {"toml_syntax", "[[rule]]\nname = \"x\n", "rules/boilerplate.toml:2: "},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    { std::ofstream(dir + "/boilerplate.toml") << c.content; }
    std::unique_ptr<Normalizer> n;
    Status s = Normalizer::Load(RulesDir(dir), &n);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find(c.expected), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace warta
