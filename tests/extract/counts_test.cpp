#include <iomanip>

#include "extract/counts.h"
#include "extract_fixture.h"

namespace warta::testing {
namespace {

class CountsTest : public ExtractTest {
 protected:
  static std::vector<std::string> Counts(const std::string& body) {
    Document doc = Run(body);
    std::vector<std::string> out;
    for (const Entity* e : OfType(doc, EntityType::kCount)) {
      std::ostringstream v;
      v << std::setprecision(12) << e->number << " " << e->unit;
      out.push_back(v.str());
    }
    return out;
  }
};

TEST_F(CountsTest, Forms) {
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"menerima pendaftaran sebanyak 3.054 inovasi dari daerah.", {"3054 inovasi"}},
      {"trafik meningkat 37,93 persen selama libur.", {"37.93 persen"}},
      {"trafik meningkat 37,93% selama libur.", {"37.93 persen"}},
      {"sebanyak 1,2 juta warga menerima layanan.", {"1200000 warga"}},
      {"sebesar 32 persen belum berpartisipasi.", {"32 persen"}},
      {"meraih tiga penghargaan inovasi.", {"3 penghargaan"}},
      {"ada sebelas inovasi dan dua belas kementerian.", {"11 inovasi", "12 kementerian"}},
      {"diikuti dua puluh tiga pemerintah kabupaten.", {"23 pemerintah kabupaten"}},
      {"sebanyak seratus peserta dan seribu relawan.", {"100 peserta", "1000 relawan"}},
      {"sementara 8 pemerintah provinsi menghadirkan 12 inovasi.", {"8 pemerintah provinsi", "12 inovasi"}},
      {"terdapat pada tiga Direktorat Jenderal meliputi industri agro.", {"3 direktorat jenderal"}},
      {"sebanyak 200 dari 633 instansi pemerintah.", {"200 instansi pemerintah", "633 instansi pemerintah"}},
      {"kasus turun dari 23 menjadi 9 kasus.", {"23 kasus", "9 kasus"}},
      {"Dari 18 pemerintah kota menyumbangkan 21 inovasinya.", {"18 pemerintah kota", "21 inovasi"}},
      {"Dua unit pelayanan teknis (UPT) di bawah Ditjen meraih prestasi.", {"2 upt"}},
      {"sebanyak 12 satker meraih WBK.", {"12 satuan kerja"}},
      // A capitalised word that ends the sentence before is no name with the number.
      {"Kanwil itu membangun Zona Integritas. Lima satuan kerja ditetapkan.", {"5 satuan kerja"}},
      {"menghasilkan 1.065 Top Inovasi Pelayanan Publik.", {"1065 inovasi"}},
      {"berdampak kepada 46.579 orang penerima manfaat.", {"46579 orang"}},
      {"serta satu inovasi dari satu BUMN.", {"1 inovasi", "1 bumn"}},
      {"dari 35 (kabupaten) hanya 30 yang dinilai.", {"35 kabupaten"}},
      {"Kemarin tiba totalnya 1.200 (personel) di lokasi.", {"1200 personel"}},
  };
  for (const auto& [body, expected] : cases) {
    SCOPED_TRACE(body);
    EXPECT_EQ(Counts(body), expected);
  }
}

// A decimal times a scale word is a whole number, exactly: binary floating
// point makes 4.1 * 10^9 come out as 4099999999.9999995.
TEST_F(CountsTest, ScaledDecimalsAreWhole) {
  const std::pair<const char*, double> cases[] = {
      {"anggaran sebesar 4,1 miliar rupiah untuk layanan.", 4100000000.0},
      {"sebanyak 522,8 juta lembar dokumen dicetak.", 522800000.0},
      {"tercatat 4,1 juta transaksi daring.", 4100000.0},
  };
  for (const auto& [body, expected] : cases) {
    SCOPED_TRACE(body);
    Document doc = Run(body);
    const std::vector<const Entity*> counts = OfType(doc, EntityType::kCount);
    ASSERT_EQ(counts.size(), 1u);
    EXPECT_EQ(counts[0]->number, expected);
  }
}

TEST_F(CountsTest, NotCounts) {
  const char* cases[] = {
      // A fixed name, not one door; scores with no noun, nor the one before them.
      "Layanan dibuka di mal pelayanan terpadu satu pintu kota itu.",
      "Keduanya memperoleh 68,40 dan 61,25 sehingga masih kuning.",
      "Pada 2013, Kemenperin sudah masuk dalam Zona Hijau.",           // year
      "Rilis diterbitkan pukul 11.53 WIB di Jakarta.",                  // time
      "Rilis diterbitkan pukul 11:53 WIB di Jakarta.",
      "Pelaksanaan UU 25 Tahun 2009 tentang Pelayanan Publik.",        // law number
      "Peraturan Menteri PANRB Nomor 91 Tahun 2021 tentang Inovasi.",   // regulation number
      "Kemenperin mengeluarkan Permenperin No 122 tentang perizinan.",
      "meraih penghargaan Top 99 Inovasi Pelayanan Publik 2019.",     // Top 99 in a title
      "Kemenperin meraih peringkat ketiga dalam penghargaan itu.",     // ordinal
      "Kemenperin meraih peringkat 3 dalam penghargaan itu.",          // rank
      "Kedua penghargaan itu diraih pada hari yang sama.",             // 'kedua' = both
      "Layanan ada di lantai 4 gedung utama.",                         // floor
      "Kantor di Jl. Merdeka No. 12 Bandung.",                         // street number
      "Hubungi telepon (0542) 421 567 untuk informasi.",               // phone
      "Saat itu Kemenperin memperoleh nilai 980 dari tim.",             // score
      "Acara digelar Senin (22/5) di Jakarta pada 18 Desember 2015.", // dates
      "Program Pelayanan Terpadu Satu Pintu diluncurkan.",              // part of a name
      "Siswa SMK Negeri 2 Kendal meraih predikat.",                     // part of a name
      "Kemenperin adalah salah satu peraih penghargaan.",              // 'salah satu'
      "teknologi informasi yang saat ini sudah 4.0.",                  // version number
      "kegiatan sejak tahun 2014-2023 berjalan.",                       // year range
      "penerapan budaya kerja 5K di kantor.",                           // glued to letters
      "ia mencatat poin 88 (menyerang), 75 (bertahan), 80 (kecepatan).", // labelled values of a list
      "Harga minyak ditutup di 70,5 (rata-rata) pekan ini.",           // a decimal: a measure
      "lowongan bagi lulusan strata 3 (doktoral) dibuka.",              // a degree level
      "Mereka masih terjaga hingga setengah 3 (pagi) kemarin.",        // a time of day
      "Mereka masih terjaga hingga setengah 3 pagi kemarin.",
      "skor akhir laga lima nol untuk tuan rumah.",                     // a score
  };
  for (const char* body : cases) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(Counts(body).empty()) << ::testing::PrintToString(Counts(body));
  }
}

TEST_F(CountsTest, ValuesAndRulesAreTraceable) {
  Document doc = Run("Sebanyak 3.054 inovasi terdaftar.");
  auto counts = OfType(doc, EntityType::kCount);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0]->text, "3.054 inovasi");
  EXPECT_EQ(counts[0]->rule, "rules/counts.toml:number_noun");
  EXPECT_EQ(counts[0]->start, 23u);  // "Judul Berita\n\nSebanyak " is 23 code points
  EXPECT_EQ(counts[0]->end, 36u);
}

TEST_F(CountsTest, NumberWordsReadWithIcu) {
  std::unique_ptr<Calendar> calendar;
  ASSERT_TRUE(Calendar::Load(RulesDir(RulesDirPath()), &calendar).ok());
  std::unique_ptr<CountFinder> counts;
  ASSERT_TRUE(CountFinder::Load(RulesDir(RulesDirPath()), *calendar, &counts).ok());
  const std::pair<const char*, double> cases[] = {
      {"satu", 1}, {"sembilan", 9}, {"sepuluh", 10}, {"sebelas", 11}, {"dua belas", 12},
      {"dua puluh tiga", 23}, {"seratus", 100}, {"seratus dua puluh lima", 125}, {"seribu", 1000},
      {"tiga ratus ribu", 300000}, {"dua juta", 2000000}, {"Tiga", 3},
  };
  for (const auto& [words, value] : cases) {
    SCOPED_TRACE(words);
    ASSERT_EQ(counts->ParseNumberWords(words), value);
  }
  EXPECT_FALSE(counts->ParseNumberWords("dua dua").has_value());
}

}  // namespace
}  // namespace warta::testing
