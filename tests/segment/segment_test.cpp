#include "segment/segment.h"

#include <tuple>

#include <gtest/gtest.h>

#include "core/rules_file.h"
#include "normalize/normalize.h"
#include "test_paths.h"

namespace warta {
namespace {

class SegmentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RulesDir rules(testing::RulesDirPath());
    Status s = Calendar::Load(rules, &calendar_);
    ASSERT_TRUE(s.ok()) << s.message();
    s = Normalizer::Load(rules, &normalizer_);
    ASSERT_TRUE(s.ok()) << s.message();
    s = Segmenter::Load(rules, *calendar_, &segmenter_);
    ASSERT_TRUE(s.ok()) << s.message();
    s = PublishedDateParser::Load(rules, *calendar_, &dates_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static Document Run(std::string original, std::optional<std::string> title = std::nullopt,
                      std::optional<std::string> date = std::nullopt) {
    Document doc;
    doc.original = std::move(original);
    doc.title_field = std::move(title);
    doc.date_field = std::move(date);
    normalizer_->Process(&doc);
    segmenter_->Process(&doc);
    segmenter_->SplitSentences(&doc);
    return doc;
  }
  static std::vector<std::string> Sentences(const Document& doc) {
    std::vector<std::string> out;
    for (const Sentence& s : doc.sentences)
      if (!s.is_title) out.emplace_back(doc.Slice(s.range));
    return out;
  }
  static std::unique_ptr<Calendar> calendar_;
  static std::unique_ptr<Normalizer> normalizer_;
  static std::unique_ptr<Segmenter> segmenter_;
  static std::unique_ptr<PublishedDateParser> dates_;
};
std::unique_ptr<Calendar> SegmentTest::calendar_;
std::unique_ptr<Normalizer> SegmentTest::normalizer_;
std::unique_ptr<Segmenter> SegmentTest::segmenter_;
std::unique_ptr<PublishedDateParser> SegmentTest::dates_;

TEST_F(SegmentTest, PublishedDateShapes) {
  const std::pair<const char*, const char*> cases[] = {
      {"Jum'at, 18 Desember 2015 - 11:53 WIB", "2015-12-18"},
      {"Thursday, 21 November 2024", "2024-11-21"},
      {"Kamis, 18 Juli 2019 23:23 WIB", "2019-07-18"},
      {"2019-09-10", "2019-09-10"},
      {"16/09/2019", "2019-09-16"},
      {" Sep 30, 2019 ", "2019-09-30"},
      {"Oktober 19, 2019", "2019-10-19"},
      {"31 Juli 2019", "2019-07-31"},
      {"10-Sep-19", "2019-09-10"},
      {"01Nov2025", "2025-11-01"},
      {"28May2025-00:40", "2025-05-28"},
      {"Diperbarui 18 Jun 2025, 14:05 WIB", "2025-06-18"},
      {"Rabu, 18 Jun 2025 07:30 WIB", "2025-06-18"},
      {"Tayang: Senin, 9 Juni 2025 10:48 WIB", "2025-06-09"},
      {"18 Juni 2025 | 20.04 WIB", "2025-06-18"},
      {"Kompas.com- 18/06/2025, 21:35 WIB", "2025-06-18"},
      {"28 Agustus 2019", "2019-08-28"},
      {"5 Nop 2019", "2019-11-05"},
  };
  for (const auto& [text, iso] : cases) {
    SCOPED_TRACE(text);
    auto found = dates_->Parse(text);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->date.Iso(), iso);
  }
}

TEST_F(SegmentTest, NumericOrderFollowsTheRequestAndValidity) {
  EXPECT_EQ(dates_->Parse("10/21/2025 20:43")->date.Iso(), "2025-10-21");  // only month-first is valid
  EXPECT_EQ(dates_->Parse("05/06/2025", DateOrder::kMonthFirst)->date.Iso(), "2025-05-06");
  EXPECT_EQ(dates_->Parse("05/06/2025", DateOrder::kDayFirst)->date.Iso(), "2025-06-05");
}

TEST_F(SegmentTest, NotADate) {
  for (const char* text : {"Tidak Ditemukan", "", "Tahun 2019", "UU 25 Tahun 2009", "31 Februari 2019", "11:53 WIB"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(dates_->Parse(text).has_value());
  }
}

TEST_F(SegmentTest, HeaderDateLineGivesPublishedAndIsNotBody) {
  Document doc = Run("Kemenperin Raih Nilai Tertinggi\n\nJum'at, 18 Desember 2015 - 11:53 WIB\n"
                     "JAKARTA - Kementerian Perindustrian meraih penghargaan.");
  EXPECT_EQ(doc.title, "Kemenperin Raih Nilai Tertinggi");
  EXPECT_EQ(doc.published, "2015-12-18");
  EXPECT_EQ(Sentences(doc), std::vector<std::string>{"JAKARTA - Kementerian Perindustrian meraih penghargaan."});
}

TEST_F(SegmentTest, DateLineBeforeTitle) {
  Document doc = Run("Kamis, 18 Juli 2019 23:23 WIB | Dibaca : 571\nPemkot Boyong Tiga Penghargaan\n\nIsi berita.");
  EXPECT_EQ(doc.title, "Pemkot Boyong Tiga Penghargaan");
  EXPECT_EQ(doc.published, "2019-07-18");
}

TEST_F(SegmentTest, DateInBodyIsNotAHeader) {
  Document doc = Run("Judul\n\nPenghargaan diserahkan di Jakarta pada 18 Desember 2015 oleh Menteri.");
  EXPECT_FALSE(doc.published.has_value());
  EXPECT_EQ(Sentences(doc).size(), 1u);
}

TEST_F(SegmentTest, FieldsWinOverText) {
  Document doc = Run("Isi berita pertama. Kalimat kedua.", "Judul dari Field", "2019-09-10");
  EXPECT_EQ(doc.title, "Judul dari Field");
  EXPECT_EQ(doc.published, "2019-09-10");
  EXPECT_EQ(Sentences(doc).size(), 2u);
}

TEST_F(SegmentTest, UnreadableDateFieldWarns) {
  Document doc = Run("Isi berita.", "Judul", "Tidak Ditemukan");
  EXPECT_FALSE(doc.published.has_value());
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].kind, "published-unread");
}

TEST_F(SegmentTest, BareLabelDateFieldWarns) {
  for (const char* field : {"Diperbarui", "Tayang:", "Scroll ke bawah untuk membaca berita", "11-Jan"}) {
    SCOPED_TRACE(field);
    Document doc = Run("Isi berita.", "Judul", field);
    EXPECT_FALSE(doc.published.has_value());
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_EQ(doc.warnings[0].kind, "published-unread");
  }
}

TEST_F(SegmentTest, MoreDateFieldShapes) {
  const std::pair<const char*, const char*> cases[] = {
      {"10 Juni 2025 |04:01 WIB", "2025-06-10"},
      {",\u00a0Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", "2025-06-16"},
      {"Sabtu, 31 Mei  2025 12:03 WIB", "2025-05-31"},
      {"Rabu   18 Jun 2025  22:02 WIB", "2025-06-18"},
      {"Selasa, 3 Juni 2025-  13:35 WIB", "2025-06-03"},
      {"Senin, 9 Jun 2025 - 18:28 WIB_x0000_", "2025-06-09"},
      {"Kompas.com- Diperbarui 19/06/2025, 10:25 WIB", "2025-06-19"},
      {"01-Feb-19", "2019-02-01"},
  };
  for (const auto& [text, iso] : cases) {
    SCOPED_TRACE(text);
    auto found = dates_->Parse(text);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->date.Iso(), iso);
  }
}

TEST_F(SegmentTest, DateShapes) {
  const std::pair<const char*, const char*> cases[] = {
      {"10/21/2025 20:43", "#/#/# #:#"},
      {"Kompas.com- 18/06/2025, 21:35 WIB", "kompas.com-#/#/#,#:# wib"},
      {"Kompas.com - 10/06/2025, 21:23 WIB", "kompas.com-#/#/#,#:# wib"},
      {"Jum'at, 13/06/2025", "W,#/#/#"},
      {"Rabu, 18 Jun 2025 07:30 WIB", "W,# M # #:# wib"},
      {" 16/09/2019 ", "#/#/#"},
  };
  for (const auto& [text, shape] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(DateShape(text, *calendar_), shape);
  }
}

// Day/month order per shape of date field, from the values that read only
// one way; a fresh Segmenter is a fresh batch.
TEST_F(SegmentTest, NumericDateOrderIsDecidedPerShape) {
  std::unique_ptr<Segmenter> batch;
  ASSERT_TRUE(Segmenter::Load(RulesDir(testing::RulesDirPath()), *calendar_, &batch).ok());
  auto published = [&](const char* field) {
    Document doc;
    doc.original = "Isi berita.";
    doc.date_field = field;
    normalizer_->Process(&doc);
    batch->Process(&doc);
    EXPECT_TRUE(doc.warnings.empty()) << field << ": " << doc.warnings[0].message;
    return doc.published.value_or("(none)");
  };
  const std::pair<const char*, const char*> fields[] = {
      {"10/21/2025 20:43", "2025-10-21"},  // month first, and only so
      {"10/05/2025 09:00", "2025-10-05"},  // same shape: month first
      {"16/09/2019", "2019-09-16"},        // another shape: day first
      {"05/09/2019", "2019-09-05"},
      {"Kompas.com- 18/06/2025, 21:35 WIB", "2025-06-18"},
      {"Kompas.com - 10/06/2025, 21:23 WIB", "2025-06-10"},  // spacing is not a shape of its own
  };
  for (const auto& [field, iso] : fields) {
    SCOPED_TRACE(field);
    EXPECT_EQ(published(field), iso);
  }
  const std::vector<DateOrderChoice> choices = batch->DateOrderChoices();
  ASSERT_EQ(choices.size(), 3u);
  for (const DateOrderChoice& c : choices) {
    SCOPED_TRACE(c.Describe());
    EXPECT_EQ(c.order, c.shape == "#/#/# #:#" ? DateOrder::kMonthFirst : DateOrder::kDayFirst);
    EXPECT_EQ(c.ambiguous, 1u);
    EXPECT_EQ(c.guessed, 0u);
  }
  EXPECT_NE(choices[0].Describe().find("month first for \"10/21/2025 20:43\""), std::string::npos) << choices[0].Describe();
}

TEST_F(SegmentTest, AmbiguousDateBeforeAnyEvidenceIsReadDayFirstWithAWarning) {
  std::unique_ptr<Segmenter> batch;
  ASSERT_TRUE(Segmenter::Load(RulesDir(testing::RulesDirPath()), *calendar_, &batch).ok());
  Document doc;
  doc.date_field = "05/06/2025";
  batch->Process(&doc);
  EXPECT_EQ(doc.published, "2025-06-05");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].kind, "date-order-guessed");
  ASSERT_EQ(batch->DateOrderChoices().size(), 1u);
  EXPECT_EQ(batch->DateOrderChoices()[0].guessed, 1u);
}

// A survey of the batch's date fields decides before any record is read,
// so the first, ambiguous record of a shape is read like the rest.
TEST_F(SegmentTest, SurveyDecidesBeforeProcessing) {
  std::unique_ptr<Segmenter> batch;
  ASSERT_TRUE(Segmenter::Load(RulesDir(testing::RulesDirPath()), *calendar_, &batch).ok());
  const char* fields[] = {"10/05/2025 09:00", "10/21/2025 20:43", "Tidak Ditemukan", "18 Juni 2025"};
  for (const char* field : fields) batch->Survey(field);
  Document doc;
  doc.date_field = fields[0];
  batch->Process(&doc);
  EXPECT_EQ(doc.published, "2025-10-05");
  EXPECT_TRUE(doc.warnings.empty());
  const std::vector<DateOrderChoice> choices = batch->DateOrderChoices();
  ASSERT_EQ(choices.size(), 1u);  // counted once, by the survey
  EXPECT_EQ(choices[0].order, DateOrder::kMonthFirst);
  EXPECT_EQ(choices[0].month_first, 1u);
  EXPECT_EQ(choices[0].ambiguous, 1u);
}

TEST_F(SegmentTest, DateOrderOptionOverrides) {
  for (auto [order, ambiguous, only_day_first] :
       {std::tuple<DateOrder, const char*, const char*>{DateOrder::kMonthFirst, "2025-05-06", nullptr},
        {DateOrder::kDayFirst, "2025-06-05", "2019-09-16"}}) {
    std::unique_ptr<Segmenter> batch;
    ASSERT_TRUE(Segmenter::Load(RulesDir(testing::RulesDirPath()), *calendar_, SegmentOptions{order}, &batch).ok());
    Document doc;
    doc.date_field = "05/06/2025";
    batch->Process(&doc);
    EXPECT_EQ(doc.published, ambiguous);
    EXPECT_TRUE(doc.warnings.empty());
    Document other;
    other.date_field = "16/09/2019";  // no month 16: unread when month first is forced
    batch->Process(&other);
    EXPECT_EQ(other.published.value_or("(none)"), only_day_first ? only_day_first : "(none)");
    EXPECT_TRUE(batch->DateOrderChoices()[0].by_option);
  }
  EXPECT_EQ(ParseDateOrder("dmy"), DateOrder::kDayFirst);
  EXPECT_EQ(ParseDateOrder("mdy"), DateOrder::kMonthFirst);
  EXPECT_EQ(ParseDateOrder("auto"), DateOrder::kAuto);
  EXPECT_FALSE(ParseDateOrder("ymd").has_value());
}

TEST_F(SegmentTest, Datelines) {
  const std::pair<const char*, const char*> cases[] = {
      {"JAKARTA, (tubasmedia.com) – Kementerian Perindustrian meraih penghargaan.", "JAKARTA"},
      {"JAKARTA (Waspada): Dua unit pelayanan teknis meraih prestasi.", "JAKARTA"},
      {"JAKARTA - Menjelang akhir 2015, Kemenperin meraih penghargaan.", "JAKARTA"},
      {"BANDA ACEH – Pemkot Banda Aceh meraih penghargaan.", "BANDA ACEH"},
      {"TEMPO.CO, Jakarta - Sebuah aplikasi belajar meraih penghargaan.", "Jakarta"},
      {"Liputan6.com, Palangka Raya - Pemprov meraih opini WTP.", "Palangka Raya"},
      {"JAKARTA, KOMPAS.com - Sebuah film terpilih mewakili Indonesia.", "JAKARTA"},
      {"Jakarta (ANTARA) - Sebuah lembaga zakat meraih penghargaan.", "Jakarta"},
  };
  for (const auto& [paragraph, place] : cases) {
    SCOPED_TRACE(paragraph);
    Document doc = Run(std::string("Judul\n\n") + paragraph);
    ASSERT_TRUE(doc.dateline.has_value());
    EXPECT_EQ(doc.Slice(*doc.dateline), place);
  }
  EXPECT_FALSE(Run("Judul\n\nDAELPOS.com – Kementerian PANRB mendorong inovasi.").dateline.has_value());
  EXPECT_FALSE(Run("Judul\n\nSumber: Humas Pemkot Depok").dateline.has_value());
  EXPECT_FALSE(Run("Judul\n\nPemerintah Kota Depok meraih penghargaan - lagi.").dateline.has_value());
  Document caption = Run("Judul\n\nFOTO BERSAMA – Para pemenang berfoto.\n\nSURABAYA - Isi berita.");
  ASSERT_TRUE(caption.dateline.has_value());
  EXPECT_EQ(caption.Slice(*caption.dateline), "SURABAYA");
}

// No sentence may end inside an abbreviation of rules/abbreviations.txt.
TEST_F(SegmentTest, NoBreakAfterAnyListedAbbreviation) {
  std::vector<std::pair<int, std::string>> abbreviations;
  ASSERT_TRUE(ReadListFile(testing::RulesDirPath() + "/abbreviations.txt", "abbreviations.txt", &abbreviations).ok());
  ASSERT_GT(abbreviations.size(), 20u);
  for (const auto& [line, abbreviation] : abbreviations) {
    SCOPED_TRACE(abbreviation);
    const std::string sentence = "Penghargaan diterima " + abbreviation + " Budi Santoso di Balai Kota.";
    Document doc = Run("Judul\n\n" + sentence + " Kalimat berikutnya dimulai di sini.");
    EXPECT_EQ(Sentences(doc), (std::vector<std::string>{sentence, "Kalimat berikutnya dimulai di sini."}));
  }
}

// Initials after a capitalised word are inside a name; after a lower-case
// word they may end the sentence.
TEST_F(SegmentTest, NoBreakAfterInitials) {
  Document doc = Run(
      "Judul\n\nPenyerahan digelar di Gedung Keuangan, Jl. A.P. Pettarani No. 3, Makassar. Bupati Ahmad M. Yusuf hadir. "
      "Kelasnya naik ke tipe A. Kalimat berikutnya.");
  EXPECT_EQ(Sentences(doc), (std::vector<std::string>{
                                "Penyerahan digelar di Gedung Keuangan, Jl. A.P. Pettarani No. 3, Makassar.",
                                "Bupati Ahmad M. Yusuf hadir.", "Kelasnya naik ke tipe A.", "Kalimat berikutnya."}));
}

// A list item's number or letter opens the item; a sentence that ends in a
// number stays one ("... naik ke peringkat 2. Kalimat ...").
TEST_F(SegmentTest, NoBreakAfterAListItemsMarker) {
  Document doc = Run(
      "Judul\n\nPredikat WBK diraih satker berikut:\na. Pengadilan Agama Giri Menang;\nb. Kota Bima\n"
      "c. Dinas Kesehatan Kota Bima\n12. Kota Dompu\nKota itu naik ke peringkat 2. Kalimat berikutnya.");
  EXPECT_EQ(Sentences(doc), (std::vector<std::string>{"Predikat WBK diraih satker berikut:",
                                                      "a. Pengadilan Agama Giri Menang;", "b. Kota Bima",
                                                      "c. Dinas Kesehatan Kota Bima", "12. Kota Dompu",
                                                      "Kota itu naik ke peringkat 2.", "Kalimat berikutnya."}));
}

TEST_F(SegmentTest, SentencesFromRealLookingParagraph) {
  Document doc = Run(
      "Judul\n\n“Saya sangat bangga. Ini menunjukkan reformasi berjalan,” kata Hartono di Jakarta, Jumat (21/9). "
      "Peneliti senior LIPI Prof. DR. Siti Zuhro ikut menilai. Eko S.A. Cahyanto hadir di Jl. Gajah Mada No. 5.");
  EXPECT_EQ(Sentences(doc), (std::vector<std::string>{
                                "“Saya sangat bangga.",
                                "Ini menunjukkan reformasi berjalan,” kata Hartono di Jakarta, Jumat (21/9).",
                                "Peneliti senior LIPI Prof. DR. Siti Zuhro ikut menilai.",
                                "Eko S.A. Cahyanto hadir di Jl. Gajah Mada No. 5."}));
}

}  // namespace
}  // namespace warta
