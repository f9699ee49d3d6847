#include "assemble/assemble.h"

#include "../extract/extract_fixture.h"

namespace warta::testing {
namespace {

class AssembleTest : public ExtractTest {
 protected:
  // "award year | recipient | organizer | date | location" per record.
  static std::vector<std::string> Records(const std::string& body, std::optional<std::string> published = std::nullopt) {
    Document doc = Run(body, std::move(published));
    std::vector<std::string> out;
    for (const AwardRecord& a : doc.awards)
      out.push_back(a.award + " " + (a.year ? std::to_string(*a.year) : "-") + " | " + a.recipient + " | " +
                    a.organizer.value_or("-") + " | " + a.date.value_or("-") + " | " + a.location.value_or("-"));
    return out;
  }
};

struct RecordCase {
  const char* name;
  const char* body;
  const char* published;
  std::vector<std::string> expected;
};

TEST_F(AssembleTest, Records) {
  const RecordCase cases[] = {
      {"active_voice_with_organizer_after_oleh",
       "Pemerintah Kota Tangerang berhasil meraih penghargaan Top 99 Inovasi Pelayanan Publik Tahun 2019 yang "
       "diadakan oleh Kementerian PANRB di Kota Semarang, Kamis (18/7).",
       "2019-07-19",
       {"Top 99 Inovasi Pelayanan Publik 2019 | Pemerintah Kota Tangerang | Kementerian Pendayagunaan Aparatur Negara "
        "dan Reformasi Birokrasi | 2019-07-18 | Kota Semarang"}},
      {"count_subject_listed_in_the_next_sentence",
       "Dua unit pelayanan teknis di bawah Kementerian Sosial meraih Top 99 Inovasi Pelayanan Publik 2018. Keduanya "
       "adalah Balai Besar Rehabilitasi Sosial Bina Netra di Bekasi dan Balai Rehabilitasi Sosial Anak di Jambi.",
       nullptr,
       {"Top 99 Inovasi Pelayanan Publik 2018 | Balai Besar Rehabilitasi Sosial Bina Netra | Kementerian "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi | - | -",
        "Top 99 Inovasi Pelayanan Publik 2018 | Balai Rehabilitasi Sosial Anak | Kementerian Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi | - | -"}},
      {"a_later_sentence_gives_date_and_place",
       "Pemerintah Kabupaten Sleman kembali meraih Opini Wajar Tanpa Pengecualian dari BPK.\n\n"
       "Penghargaan diserahkan di Kota Yogyakarta, Rabu (24/5/2023).",
       nullptr,
       {"Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kabupaten Sleman | Badan Pemeriksa Keuangan | 2023-05-24 | "
        "Kota Yogyakarta"}},
      {"region_named_as_recipient_is_its_government",
       "Kota Surakarta meraih predikat Kota Layak Anak kategori Utama pada 2023.",
       nullptr,
       {"Kabupaten/Kota Layak Anak 2023 | Pemerintah Kota Surakarta | Kementerian Pemberdayaan Perempuan dan "
        "Perlindungan Anak | - | -"}},
      {"list_after_peraih",
       "Tiga satuan kerja peraih WBBM adalah Kantor Imigrasi Kelas I TPI Bandung, Rumah Tahanan Negara Kelas I "
       "Bandung, serta Balai Pemasyarakatan Kelas I Bandung.",
       "2023-12-13",
       {"Wilayah Birokrasi Bersih dan Melayani 2023 | Kantor Imigrasi Kelas I TPI Bandung | Kementerian "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi | - | -",
        "Wilayah Birokrasi Bersih dan Melayani 2023 | Rumah Tahanan Negara Kelas I Bandung | Kementerian "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi | - | -",
        "Wilayah Birokrasi Bersih dan Melayani 2023 | Balai Pemasyarakatan Kelas I Bandung | Kementerian "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi | - | -"}},
      {"two_awards_dated_by_kedua_penghargaan",
       "Kemenperin meraih penghargaan Keterbukaan Informasi Publik yang digelar Komisi Informasi Pusat. Kemenperin "
       "juga berhak atas penghargaan Akuntabilitas Kinerja Tahun 2015. Kedua penghargaan itu diraih pada hari yang "
       "sama, Selasa (15/12/2015).",
       nullptr,
       {"Anugerah Keterbukaan Informasi Publik 2015 | Kementerian Perindustrian | Komisi Informasi Pusat | "
        "2015-12-15 | -",
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah 2015 | Kementerian Perindustrian | Kementerian "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi | 2015-12-15 | -"}},
  };
  for (const RecordCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Records(c.body, c.published ? std::optional<std::string>(c.published) : std::nullopt), c.expected);
  }
}

TEST_F(AssembleTest, NoRecordWithoutAConferral) {
  const char* cases[] = {
      // A competition discussed, nobody wins.
      "Kementerian PANRB melaksanakan Kompetisi Inovasi Pelayanan Publik (KIPP) untuk mendorong instansi berinovasi.",
      // The award is the subject, not what is received.
      "Panitia Kompetisi Inovasi Pelayanan Publik menerima pendaftaran sebanyak 3.054 inovasi dari daerah.",
      // Untitled praise: no award title anywhere in the article.
      "Pemerintah Kota Malang meraih penghargaan atas kontribusinya dalam pelayanan publik.",
      // A reporting body is not the recipient.
      "Kementerian PANRB mencatat, hanya 5 persen pemerintah kabupaten yang meraih predikat A dalam SAKIP.",
  };
  for (const char* body : cases) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(Records(body).empty()) << ::testing::PrintToString(Records(body));
  }
}

TEST_F(AssembleTest, UnitsAndInnovationsOfARecord) {
  Document doc = Run(
      "Kementerian Perindustrian meraih penghargaan Top 99 Inovasi Pelayanan Publik 2017.\n\n"
      "Prestasi tersebut merupakan capaian dari dua unit kerja, yakni Biro Hukum dan Organisasi Kemenperin serta "
      "Balai Besar Keramik.\n\n"
      "Cuaca di Jakarta cerah.\n\nHarga cabai naik.\n\n"
      "Unit kerja Biro Hukum dan Organisasi menerapkan inovasi yang disebut Ratu Bestari atau budaya kerja 5K.");
  ASSERT_EQ(doc.awards.size(), 1u);
  EXPECT_EQ(doc.awards[0].units, (std::vector<std::string>{"Biro Hukum dan Organisasi", "Balai Besar Keramik"}));
  EXPECT_EQ(doc.awards[0].innovations, std::vector<std::string>{"Ratu Bestari"});
}

TEST_F(AssembleTest, EvidenceIsTheSentencesUsedInOriginalOffsets) {
  Document doc = Run("Pemerintah Kabupaten Sleman meraih Opini WTP dari BPK. Cuaca cerah.\n\n"
                     "Penghargaan diserahkan di Kota Yogyakarta, Rabu (24/5/2023).");
  ASSERT_EQ(doc.awards.size(), 1u);
  ASSERT_EQ(doc.awards[0].evidence.size(), 2u);
  const Range first = doc.awards[0].evidence[0];
  EXPECT_EQ(doc.original.substr(first.begin, first.end - first.begin),
            "Pemerintah Kabupaten Sleman meraih Opini WTP dari BPK.");
}

}  // namespace
}  // namespace warta::testing
