#include <filesystem>
#include <fstream>

#include "extract/dates.h"
#include "extract_fixture.h"

namespace warta::testing {

std::unique_ptr<Pipeline> ExtractTest::pipeline_;

namespace {

class DatesTest : public ExtractTest {
 protected:
  static std::vector<std::string> Dates(const std::string& body, std::optional<std::string> published = std::nullopt) {
    Document doc = Run(body, std::move(published));
    std::vector<std::string> out;
    for (const Entity* e : OfType(doc, EntityType::kDate)) out.push_back(e->value + " = " + e->text);
    return out;
  }
};

struct DateCase {
  const char* body;
  const char* published;  // nullptr: none
  std::vector<std::string> expected;  // "value = text"
};

TEST_F(DatesTest, Forms) {
  const DateCase cases[] = {
      {"Penghargaan diserahkan pada 18 Desember 2015 di Jakarta.", nullptr, {"2015-12-18 = 18 Desember 2015"}},
      {"Kedua penghargaan itu diraih pada hari yang sama, Selasa (15/12/2015).", nullptr,
       {"2015-12-15 = Selasa (15/12/2015)"}},
      {"kata Menteri dalam rilisnya, Jumat (18/12/2015).", nullptr, {"2015-12-18 = Jumat (18/12/2015)"}},
      {"kata Menteri saat ditemui di Jakarta, Senin (22/5).", "2017-05-24", {"2017-05-22 = Senin (22/5)"}},
      {"di Gresik, Jawa Timur, Sabtu malam (20/5).", "2017-05-22", {"2017-05-20 = Sabtu malam (20/5)"}},
      {"FOTO BERSAMA – para pemenang di Gresik (20/05). –tubasmedia.com/ist", "2017-05-22", {"2017-05-20 = (20/05)"}},
      {"seusai menerima penghargaan di Kota Semarang (18/7) malam.", "2019-07-18", {"2019-07-18 = (18/7)"}},
      {"Acara digelar Rabu, 21 November 2024 di Jakarta.", nullptr, {"2024-11-21 = Rabu, 21 November 2024"}},
      {"Surat tertanggal 18/12/2015 itu diterima panitia.", nullptr, {"2015-12-18 = 18/12/2015"}},
      {"Data per 2015-12-18 menunjukkan kenaikan.", nullptr, {"2015-12-18 = 2015-12-18"}},
      {"Pameran digelar tanggal 5-7 Mei 2019 di Surabaya.", nullptr, {"2019-05-05 = 5-7 Mei 2019", "2019-05-07 = 5-7 Mei 2019"}},
      {"Pameran digelar 5 s.d. 7 Mei 2019 di Surabaya.", nullptr,
       {"2019-05-05 = 5 s.d. 7 Mei 2019", "2019-05-07 = 5 s.d. 7 Mei 2019"}},
      {"Penilaian dilakukan pada Mei 2019 oleh tim.", nullptr, {"2019-05 = Mei 2019"}},
      {"Penilaian berlangsung dari Juli hingga Oktober 2024.", nullptr, {"2024-07 = Juli hingga Oktober 2024", "2024-10 = Juli hingga Oktober 2024"}},
      {"Rapat digelar di Gedung Sate, Selasa (10/9/19).", nullptr, {"2019-09-10 = Selasa (10/9/19)"}},
      {"Tim penilai datang kemarin ke kantor Pemkot.", "2019-09-10", {"2019-09-09 = kemarin"}},
      {"Penghargaan diserahkan hari ini di Istana.", "2019-09-10", {"2019-09-10 = hari ini"}},
      {"Kunjungan dijadwalkan besok pagi.", "2019-09-10", {"2019-09-11 = besok"}},
      {"Tim sudah berkunjung pekan lalu.", "2019-09-10", {"2019-09-03 = pekan lalu"}},
      {"Acara pada Jum'at (18/12/2015) berjalan lancar.", nullptr, {"2015-12-18 = Jum'at (18/12/2015)"}},
      {"Diserahkan pada 17 Agt 2019 dan 5 Nop 2019.", nullptr, {"2019-08-17 = 17 Agt 2019", "2019-11-05 = 5 Nop 2019"}},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.body);
    EXPECT_EQ(Dates(c.body, c.published ? std::optional<std::string>(c.published) : std::nullopt), c.expected);
  }
}

TEST_F(DatesTest, NotDates) {
  const char* cases[] = {
      "Pada 2013, Kemenperin sudah masuk dalam Zona Hijau.",          // a year alone
      "Rilis diterbitkan pukul 11:53 WIB di Jakarta.",                 // a time
      "Pelaksanaan UU 25 Tahun 2009 tentang Pelayanan Publik.",       // a law number
      "Peraturan Menteri PANRB Nomor 91 Tahun 2021 tentang Inovasi.",  // a regulation number
      "Kemenperin mengeluarkan Permenperin No 122 tentang perizinan.",
      "Kegiatan tersebut telah dilangsungkan sejak tahun 2014-2023.",
      "Relative words need a publication date: kemarin dan hari ini.",
  };
  for (const char* body : cases) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(Dates(body).empty());
  }
}

TEST_F(DatesTest, NothingFromBoilerplate) {
  Document doc = Run("Isi berita pada Senin (22/5).\n\nBerita Terkait\n\nTuesday, 1 July 2025 - 19:02 WIB\nJudul lain (3/7)",
                     "2017-05-23");
  auto dates = OfType(doc, EntityType::kDate);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0]->value, "2017-05-22");
}

TEST_F(DatesTest, YearFromPublicationDateIsTheLatestNotMoreThanAWeekAfter) {
  // Published in early January: "(28/12)" is last December, "(5/1)" this January.
  EXPECT_EQ(Dates("Acara pada (28/12) dan (5/1) lalu.", "2020-01-03"),
            (std::vector<std::string>{"2019-12-28 = (28/12)", "2020-01-05 = (5/1)"}));
  // Eight days after publication is too far: last year.
  EXPECT_EQ(Dates("Rapat (11/1).", "2020-01-03"), std::vector<std::string>{"2019-01-11 = (11/1)"});
}

TEST_F(DatesTest, YearFromTheArticleWhenNoPublicationDate) {
  EXPECT_EQ(Dates("Penghargaan Top 99 Inovasi Pelayanan Publik 2017 diserahkan Sabtu malam (20/5)."),
            std::vector<std::string>{"2017-05-20 = Sabtu malam (20/5)"});
  // The weekday picks among the years the article names: 19/9 was a Wednesday in 2018.
  EXPECT_EQ(Dates("Sejak 2015 hingga 2018 program berjalan. Penghargaan diberikan Rabu (19/9)."),
            std::vector<std::string>{"2018-09-19 = Rabu (19/9)"});
}

TEST_F(DatesTest, WeekdayMismatchKeepsTheValueAndWarns) {
  Document doc = Run("acara di Kota Malang, Rabu (19/11).", "2024-11-21");
  auto dates = OfType(doc, EntityType::kDate);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0]->value, "2024-11-19");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].kind, "weekday-mismatch");
  EXPECT_EQ(doc.warnings[0].message, "date 'Rabu (19/11)': weekday does not match 2024-11-19");
}

TEST_F(DatesTest, NoYearAnywhereWarnsInsteadOfGuessing) {
  Document doc = Run("Acara digelar Senin (22/5) di Jakarta.");
  EXPECT_TRUE(OfType(doc, EntityType::kDate).empty());
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].kind, "date-no-year");
}

TEST_F(DatesTest, OffsetsPointIntoTheOriginal) {
  Document doc;
  doc.original = "Judul\n\nKota\u00a0Malang &amp; Rabu,  21 November 2024.";
  pipeline_->Process(&doc);
  auto dates = OfType(doc, EntityType::kDate);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0]->text, "Rabu,  21 November 2024");  // the original's two spaces
  EXPECT_EQ(dates[0]->start, 25u);
}

TEST(DateRulesTest, BrokenDateRuleFailsWithFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/warta_date_rules";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(RulesDirPath(), dir);
  std::ofstream(dir + "/dates.toml", std::ios::app) << "\n[[date]]\nname = \"broken\"\npattern = '(?P<day>\\d+'\n";
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Load(RulesDir(dir), &pipeline);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("rules/dates.toml:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("rule \"broken\": bad regex"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace warta::testing
