#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/gazetteer.h"
#include "extract_fixture.h"

namespace warta::testing {
namespace {

struct NameCase {
  const char* body;
  std::vector<std::string> expected;
};

class GazetteerTest : public ExtractTest {
 protected:
  template <size_t N>
  static void ExpectNames(const NameCase (&cases)[N]) {
    for (const NameCase& c : cases) {
      SCOPED_TRACE(c.body);
      EXPECT_EQ(Names(c.body), c.expected);
    }
  }
  // "type value = text" for agencies and locations.
  static std::vector<std::string> Names(const std::string& body) {
    Document doc = Run(body);
    std::vector<std::string> out;
    for (const Entity& e : doc.entities)
      if (e.type == EntityType::kAgency || e.type == EntityType::kLocation)
        out.push_back(std::string(EntityTypeName(e.type)) + " " + e.value + " = " + e.text);
    return out;
  }
  // Award values, each with its year when it has one.
  static std::vector<std::string> Awards(const std::string& body) {
    std::vector<std::string> out;
    for (const Entity& e : Run(body).entities)
      if (e.type == EntityType::kAward) out.push_back(e.value + (e.year ? " " + std::to_string(*e.year) : ""));
    return out;
  }
};


TEST_F(GazetteerTest, AgenciesAndRegions) {
  const NameCase cases[] = {
      {"Kementerian Perindustrian meraih penghargaan dari Kementerian PANRB.",
       {"agency Kementerian Perindustrian = Kementerian Perindustrian",
        "agency Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi = Kementerian PANRB"}},
      {"Penghargaan diberikan oleh KemenPAN-RB kepada Kemsos.",
       {"agency Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi = KemenPAN-RB",
        "agency Kementerian Sosial = Kemsos"}},
      {"Pemerintah Kota Tangerang meraih tiga penghargaan.",
       {"agency Pemerintah Kota Tangerang = Pemerintah Kota Tangerang", "location Kota Tangerang = Kota Tangerang"}},
      {"Inovasi Pemkot Tangerang dan Pemkab Gresik serta Pemprov Jatim dinilai.",
       {"agency Pemerintah Kota Tangerang = Pemkot Tangerang", "location Kota Tangerang = Tangerang",
        "agency Pemerintah Kabupaten Gresik = Pemkab Gresik", "location Kabupaten Gresik = Gresik",
        "agency Pemerintah Provinsi Jawa Timur = Pemprov Jatim", "location Jawa Timur = Jatim"}},
      {"Acara digelar di Gresik, Jawa Timur, dan di Kota Malang.",
       {"location Kabupaten Gresik = Gresik", "location Jawa Timur = Jawa Timur", "location Kota Malang = Kota Malang"}},
      {"Sertifikat dari Ombudsman RI dan BPK diserahkan.",
       {"agency Ombudsman Republik Indonesia = Ombudsman RI", "agency Badan Pemeriksa Keuangan = BPK"}},
  };
  ExpectNames(cases);
}

TEST_F(GazetteerTest, UnitsInsideBodies) {
  const NameCase cases[] = {
      {"capaian dari Biro Hukum dan Organisasi Kementerian Perindustrian di Jakarta.",
       {"agency Biro Hukum dan Organisasi = Biro Hukum dan Organisasi",
        "agency Kementerian Perindustrian = Kementerian Perindustrian", "location DKI Jakarta = Jakarta"}},
      {"meliputi Direktorat Jenderal Industri Agro, Direktorat Jenderal Industri Logam, Mesin, Alat Transportasi dan Elektronika (ILMATE).",
       {"agency Direktorat Jenderal Industri Agro = Direktorat Jenderal Industri Agro",
        "agency Direktorat Jenderal Industri Logam, Mesin, Alat Transportasi dan Elektronika = "
        "Direktorat Jenderal Industri Logam, Mesin, Alat Transportasi dan Elektronika"}},
      {"Kepala Dinas Kesehatan Kabupaten Lamongan, Taufik Hidayat, mengatakan.",
       {"agency Dinas Kesehatan Kabupaten Lamongan = Dinas Kesehatan Kabupaten Lamongan",
        "location Kabupaten Lamongan = Kabupaten Lamongan"}},
      {"Ketiganya adalah SMK-SMTI Banda Aceh, serta Balai Besar Bahan dan Barang Teknik (B4T) Bandung.",
       {"agency SMK-SMTI Banda Aceh = SMK-SMTI Banda Aceh", "location Kota Banda Aceh = Banda Aceh",
        "agency Balai Besar Bahan dan Barang Teknik Bandung = Balai Besar Bahan dan Barang Teknik (B4T) Bandung",
        "location Kota Bandung = Bandung"}},
      {"Penghargaan untuk RSUP Dr. Kariadi diserahkan.", {"agency RSUP Dr. Kariadi = RSUP Dr. Kariadi"}},
  };
  ExpectNames(cases);
}

// Heads of issue #21: health services, BMKG stations, missions abroad.
TEST_F(GazetteerTest, HealthServicesStationsAndMissionsAbroad) {
  const NameCase cases[] = {
      {"Puskesmas Kalasan menambah jam layanan.", {"agency Puskesmas Kalasan = Puskesmas Kalasan"}},
      {"Data hujan dari Stasiun Klimatologi Palembang dirilis.",
       {"agency Stasiun Klimatologi Palembang = Stasiun Klimatologi Palembang", "location Kota Palembang = Palembang"}},
      {"KBRI Tokyo dan KJRI Jeddah membuka layanan paspor, Kedutaan Besar Jepang tidak.",
       {"agency KBRI Tokyo = KBRI Tokyo", "agency KJRI Jeddah = KJRI Jeddah"}},
      // Designations and mobile services are no body.
      {"Klinik itu meraih predikat Puskesmas Ramah Anak dan mengirim Puskesmas Keliling.", {}},
  };
  ExpectNames(cases);
}

// Where a unit's name ends: before the official after a position, before
// ", dan" that opens no enumeration, and never around a quoted innovation name.
TEST_F(GazetteerTest, AUnitNameEndsWhereItsBodyDoes) {
  const NameCase cases[] = {
      {"Hal itu disampaikan Kepala Dinas Perhubungan Kalsel Rusdiansyah, Senin.",
       {"agency Dinas Perhubungan Kalsel = Dinas Perhubungan Kalsel", "location Kalimantan Selatan = Kalsel"}},
      {"Menurut Ketua Komisi Informasi Jateng Sosiawan Hadi, nilai naik.",
       {"agency Komisi Informasi Jateng = Komisi Informasi Jateng", "location Jawa Tengah = Jateng"}},
      {"Ia didampingi Sekretaris KBRI Paris, dan Evy Margaretha.", {"agency KBRI Paris = KBRI Paris"}},
      {"Menurut Kepala Balai Besar Wilayah Sungai (BBWS) Sutrisno Hadi, debit naik.",
       {"agency Balai Besar Wilayah Sungai = Balai Besar Wilayah Sungai"}},
      // A unit named by its parent alone keeps it after a position.
      {"Untuk itulah Kepala Dinas Kominfo di daerah bertanggung jawab.", {"agency Dinas Kominfo = Dinas Kominfo"}},
      {"Balai Besar Kulit, Karet, dan Plastik meraih WBK.",
       {"agency Balai Besar Kulit, Karet, dan Plastik = Balai Besar Kulit, Karet, dan Plastik"}},
      {"Inovasi \"Puskesmas Keliling Malam\" digagas Dinas Kesehatan Kota Semarang.",
       {"agency Dinas Kesehatan Kota Semarang = Dinas Kesehatan Kota Semarang", "location Kota Semarang = Kota Semarang"}},
      {"Program \u201cBalai Belajar Warga\u201d dibuka.", {}},
      // In a headline every word is capitalised: the name ends with its region.
      {"Bappeda Sumbar Mulai Nilai Kabupaten untuk PPD 2024",
       {"agency Bappeda Sumbar = Bappeda Sumbar", "location Sumatera Barat = Sumbar"}},
      // A short list item is a name, no headline; a court by its short name.
      {"e. Pengadilan Negeri Sumbawa Besar;",
       {"agency Pengadilan Negeri Sumbawa Besar = Pengadilan Negeri Sumbawa Besar", "location Kabupaten Sumbawa = Sumbawa"}},
      {"Gugatan itu didaftarkan di PN Jakarta Selatan dan PTUN Jayapura.",
       {"agency PN Jakarta Selatan = PN Jakarta Selatan", "location Kota Administrasi Jakarta Selatan = Jakarta Selatan",
        "agency PTUN Jayapura = PTUN Jayapura", "location Kota Jayapura = Jayapura"}},
      // ... and a city's police keeps "Kota" after it, in a headline and after a position.
      {"Peringkat I: Polresta Malang Kota",
       {"agency Polresta Malang Kota = Polresta Malang Kota", "location Kota Malang = Malang"}},
      {"Hal itu dikatakan Kepala Polres Cirebon Kota Budi Santoso.",
       {"agency Polres Cirebon Kota = Polres Cirebon Kota", "location Kota Cirebon = Cirebon"}},
      // An officer's rank ends the name; "Metro Jaya" is no Kota Metro.
      {"Kepala Kepolisian Daerah Metro Jaya Inspektur Jenderal Gatot Eddy Pramono berduka.",
       {"agency Kepolisian Daerah Metro Jaya = Kepolisian Daerah Metro Jaya"}},
      // A title ends the name before it: "KPPN Palembang | IKPA Award".
      {"Penghargaan bertajuk KPPN Palembang IKPA Award 2023 itu diserahkan.",
       {"agency KPPN Palembang = KPPN Palembang", "location Kota Palembang = Palembang"}},
      // The name goes on after a short name of several words.
      {"Piala diserahkan Kantor Wilayah Direktorat Jenderal Perbendaharaan (Kanwil DJPb) Provinsi Sumatera Selatan.",
       {"agency Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Sumatera Selatan = Kantor Wilayah Direktorat "
        "Jenderal Perbendaharaan (Kanwil DJPb) Provinsi Sumatera Selatan",
        "location Sumatera Selatan = Provinsi Sumatera Selatan"}},
      {"Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia (Kanwil Kemenkumham) Bali meraih WBK.",
       {"agency Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Bali = Kantor Wilayah Kementerian Hukum dan Hak "
        "Asasi Manusia (Kanwil Kemenkumham) Bali",
        "location Bali = Bali"}},
      // A listed body's office under its acronym is named by its seat; the
      // body itself, or a unit under no listed acronym, is not.
      {"Peringkat I: Balai Pengawas Obat dan Makanan (BPOM) di Palembang (100,00).",
       {"agency Balai Pengawas Obat dan Makanan di Palembang = Balai Pengawas Obat dan Makanan (BPOM) di Palembang",
        "location Kota Palembang = Palembang"}},
      {"Kata Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) di Jakarta, Senin.",
       {"agency Badan Meteorologi, Klimatologi, dan Geofisika = Badan Meteorologi, Klimatologi, dan Geofisika",
        "agency Badan Meteorologi, Klimatologi, dan Geofisika = BMKG", "location DKI Jakarta = Jakarta"}},
      {"Balai Besar Wilayah Sungai (BBWS) di Palembang hadir.",
       {"agency Balai Besar Wilayah Sungai = Balai Besar Wilayah Sungai", "location Kota Palembang = Palembang"}},
  };
  ExpectNames(cases);
}

TEST_F(GazetteerTest, ShortNamesTheArticleDefinesAndTwoWaysOfWritingOneUnit) {
  Document doc = Run(
      "Direktorat Jenderal Bina Pembangunan Daerah (Ditjen Bina Bangda) hadir. Tim Ditjen Bina Bangda memberi catatan.\n\n"
      "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Sumatera Utara meraih WBK. "
      "Kepala Kanwil DJPb Provinsi Sumatera Utara menerima piagam.");
  std::map<std::string, int> agencies;
  for (const Entity& e : doc.entities)
    if (e.type == EntityType::kAgency) ++agencies[e.value];
  EXPECT_EQ(agencies, (std::map<std::string, int>{
                          {"Direktorat Jenderal Bina Pembangunan Daerah", 2},
                          {"Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Sumatera Utara", 2}}));
}

// A shaped name with a listed body's acronym in brackets after it, one slip
// of the pen from the listed name, is that body; one further off, or with
// another head, is not.
TEST_F(GazetteerTest, AMisspeltNameBeforeAListedAcronymIsThatBody) {
  const NameCase cases[] = {
      {"Opini itu diterima Badan Kemanan Laut (Bakamla) pekan lalu.",
       {"agency Badan Keamanan Laut = Badan Kemanan Laut", "agency Badan Keamanan Laut = Bakamla"}},
      {"Hadir pula Badan Pengawas Obat dan Makana (BPOM) dalam acara itu.",
       {"agency Badan Pengawas Obat dan Makanan = Badan Pengawas Obat dan Makana",
        "agency Badan Pengawas Obat dan Makanan = BPOM"}},
      {"Laporan disusun Badan Riset Kelautan Daerah (Bakamla) sejak Januari.",
       {"agency Badan Riset Kelautan Daerah = Badan Riset Kelautan Daerah", "agency Badan Keamanan Laut = Bakamla"}},
      // Another head is another body: a Balai of Badan POM.
      {"Nilai tertinggi diraih Balai Pengawas Obat dan Makanan (BPOM) tahun ini.",
       {"agency Balai Pengawas Obat dan Makanan = Balai Pengawas Obat dan Makanan",
        "agency Badan Pengawas Obat dan Makanan = BPOM"}},
  };
  ExpectNames(cases);
}

// A bare region name as the first word of another name is no place; the
// region written out, or before a comma, still is.
TEST_F(GazetteerTest, ABareNameOpeningAnotherNameIsNoPlace) {
  const NameCase cases[] = {
      {"Pameran digelar di Jakarta Convention Center pekan ini.", {}},
      {"Pemain Padang FC berlatih di Kota Padang, Sumatera Barat.",
       {"location Kota Padang = Kota Padang", "location Sumatera Barat = Sumatera Barat"}},
      {"Pengembang Bekasi Garden City meraih penghargaan di Jakarta, Kamis.", {"location DKI Jakarta = Jakarta"}},
  };
  ExpectNames(cases);
}

// "IKPA Award 2023": a capitalised suffix word of rules/awards.toml belongs to the title, with the year after it.
TEST_F(GazetteerTest, ATitleSuffixWordBelongsToTheTitle) {
  Document doc = Run("Berikut daftar peraih IKPA Award 2023 beserta nilainya. Kota Solo meraih KLA award tahun ini.");
  std::vector<std::string> titles;
  for (const Entity* e : OfType(doc, EntityType::kAward))
    titles.push_back(e->text + " = " + e->value + " " + (e->year ? std::to_string(*e->year) : "-"));
  EXPECT_EQ(titles, (std::vector<std::string>{"IKPA Award 2023 = Indikator Kinerja Pelaksanaan Anggaran 2023",
                                              "KLA = Kabupaten/Kota Layak Anak -"}));
}

TEST_F(GazetteerTest, AmbiguousShortNames) {
  // Bare "Bandung" is the city; "Kabupaten Bandung" in full is the regency,
  // and then bare "Bandung" in the same article is the regency too.
  EXPECT_EQ(Names("Acara di Bandung."), std::vector<std::string>{"location Kota Bandung = Bandung"});
  EXPECT_EQ(Names("Pemkab Bandung menggelar acara. Warga Bandung hadir."),
            (std::vector<std::string>{"agency Pemerintah Kabupaten Bandung = Pemkab Bandung",
                                      "location Kabupaten Bandung = Bandung", "location Kabupaten Bandung = Bandung"}));
  EXPECT_EQ(Names("Balai itu ada di Jambi."), std::vector<std::string>{"location Kota Jambi = Jambi"});
  EXPECT_EQ(Names("Gubernur Provinsi Jambi hadir."), std::vector<std::string>{"location Jambi = Provinsi Jambi"});
}

TEST_F(GazetteerTest, DatelineIsALocation) {
  Document doc;
  doc.original = "Judul\n\nJAKARTA, (tubasmedia.com) – Kementerian Perindustrian meraih penghargaan.";
  pipeline_->Process(&doc);
  ASSERT_FALSE(doc.entities.empty());
  EXPECT_EQ(doc.entities[0].type, EntityType::kLocation);
  EXPECT_EQ(doc.entities[0].value, "DKI Jakarta");
  EXPECT_EQ(doc.entities[0].code, "31");
  EXPECT_EQ(doc.entities[0].text, "JAKARTA");
}

// One scraper glues the dateline to the article's first word.
TEST_F(GazetteerTest, DatelineGluedToTheFirstWord) {
  Document doc;
  doc.original = "Judul\n\nBeritaKita.com, Palangka RayaKementerian Sosial meraih penghargaan.";
  pipeline_->Process(&doc);
  std::vector<std::string> names;
  for (const Entity& e : doc.entities) names.push_back(e.value + " = " + e.text);
  EXPECT_EQ(names, (std::vector<std::string>{"Kota Palangka Raya = Palangka Raya", "Kementerian Sosial = Kementerian Sosial"}));
}

// A word of not_after makes a region no place only when it stands right
// before it, not across a comma.
TEST_F(GazetteerTest, VenuesBeforeTheirCity) {
  EXPECT_EQ(Names("Acara digelar di Ritz Carlton Mega Kuningan, Jakarta."),
            std::vector<std::string>{"location DKI Jakarta = Jakarta"});
  EXPECT_EQ(Names("Ia ditemui di Grand Hotel, Semarang, kemarin."),
            std::vector<std::string>{"location Kota Semarang = Semarang"});
}

TEST_F(GazetteerTest, NotAgenciesOrLocations) {
  const char* cases[] = {
      "Seminar digelar di Universitas Brawijaya bersama mahasiswa.",   // university
      "Inovasi juga datang dari BUMN dan instansi pemerintah lainnya.",  // generic words
      "Kantor itu berada di Jl. Gajah Mada nomor lima.",                 // street
      "Delegasi dari Malaysia dan Singapura ikut hadir.",                // countries
      "Acara berlangsung di medan yang sulit.",                         // lower-case common word
      "Penghargaan diserahkan di Balai Kota oleh panitia.",              // venue
      "Ia menerima penghargaan dari Menteri PANRB Asman Abnur.",         // a position, not the ministry
  };
  for (const char* body : cases) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(Names(body).empty()) << ::testing::PrintToString(Names(body));
  }
}

// Regional offices of central bodies, courts, prosecutors and police, with
// the unit's acronym in parentheses right after its head.
TEST_F(GazetteerTest, RegionalOfficesAndAcronymAfterTheHead) {
  const NameCase cases[] = {
      {"Kali ini Rumah Tahanan Negara (Rutan) Kelas I Surakarta meraih predikat tersebut.",
       {"agency Rumah Tahanan Negara Kelas I Surakarta = Rumah Tahanan Negara (Rutan) Kelas I Surakarta",
        "location Kota Surakarta = Surakarta"}},
      {"Lembaga Pemasyarakatan (Lapas) Kelas IIB Tuban ikut dinilai.",
       {"agency Lembaga Pemasyarakatan Kelas IIB Tuban = Lembaga Pemasyarakatan (Lapas) Kelas IIB Tuban",
        "location Kabupaten Tuban = Tuban"}},
      {"Satker lain adalah KPPN Rantau Prapat dan Kantor Pertanahan Kabupaten Sleman.",
       {"agency KPPN Rantau Prapat = KPPN Rantau Prapat", "agency Kantor Pertanahan Kabupaten Sleman = Kantor Pertanahan Kabupaten Sleman",
        "location Kabupaten Sleman = Kabupaten Sleman"}},
      {"Pengadilan Negeri Sleman dan Kejari Klaten dinilai, kata Kapolres Klaten.",
       {"agency Pengadilan Negeri Sleman = Pengadilan Negeri Sleman", "location Kabupaten Sleman = Sleman",
        "agency Kejari Klaten = Kejari Klaten", "location Kabupaten Klaten = Klaten", "location Kabupaten Klaten = Klaten"}},
      {"Polres Madiun AKBP Budi Santoso hadir.", {"agency Polres Madiun = Polres Madiun", "location Kota Madiun = Madiun"}},
  };
  ExpectNames(cases);
}

// A name written with its short form in parentheses inside it is one
// mention; a phrase never starts inside the parentheses.
TEST_F(GazetteerTest, ShortFormInParenthesesInsideAName) {
  EXPECT_EQ(Names("Pemerintah Kabupaten (Pemkab) Sleman meraih Adipura."),
            (std::vector<std::string>{"agency Pemerintah Kabupaten Sleman = Pemerintah Kabupaten (Pemkab) Sleman",
                                      "location Kabupaten Sleman = Sleman"}));
  EXPECT_EQ(Names("Bupati membuka acara Pemkab (Sleman dan sekitarnya) di alun-alun."),
            (std::vector<std::string>{"location Kabupaten Sleman = Sleman"}));
  Document doc = Run("Setjen DPR RI meraih Jaringan Dokumentasi dan Informasi Hukum Nasional (JDIHN) Award 2021.");
  std::vector<std::string> awards;
  for (const Entity& e : doc.entities)
    if (e.type == EntityType::kAward) awards.push_back(e.value + " " + std::to_string(e.year.value_or(0)) + " = " + e.text);
  EXPECT_EQ(awards, std::vector<std::string>{
                        "JDIHN Award 2021 = Jaringan Dokumentasi dan Informasi Hukum Nasional (JDIHN) Award 2021"});
}

// Titles by pattern: a company named "PT Anugerah ..." or grace ("Anugerah
// Tuhan") is no title, words that open a sentence are not part of one, and an
// award's acronym that the article spells out as something else is that.
TEST_F(GazetteerTest, TitlesThatAreNone) {
  auto awards = &GazetteerTest::Awards;
  EXPECT_TRUE(awards("Tambang itu dikelola PT Anugerah Surya Pratama sejak lama.").empty());
  EXPECT_TRUE(awards("Semua ini Anugerah Tuhan Yang Maha Esa, katanya.").empty());
  EXPECT_EQ(awards("Pemkab Bogor meraih Anugerah Pandu Negeri 2019."), std::vector<std::string>{"Anugerah Pandu Negeri 2019"});
  EXPECT_EQ(awards("Daftar Lengkap Pemenang Grammy Awards diumumkan."), std::vector<std::string>{"Grammy Awards"});
  // A body inside the span opens the title after it; a region's bare short
  // name first is the title's own word.
  EXPECT_EQ(awards("Dinas itu menerima Sultra Digital Government Award."),
            std::vector<std::string>{"Sultra Digital Government Award"});
  EXPECT_EQ(awards("Kota Bogor meraih Jatim Innovation Award 2023."), std::vector<std::string>{"Jatim Innovation Award 2023"});
  EXPECT_EQ(awards("Ia hadir di Pemkot Bogor Smart City Award."), std::vector<std::string>{"Smart City Award"});
  // So is a province's own name first, and a bare region after a word of no
  // known name (a newspaper's title); a region form opens the title still.
  EXPECT_EQ(awards("Gubernur menyerahkan Jawa Timur Inovasi Award kepada Pemkab Gresik."),
            std::vector<std::string>{"Jawa Timur Inovasi Award"});
  EXPECT_EQ(awards("Harian itu menggelar Sinar Lampung Public Service Award di hotel."),
            std::vector<std::string>{"Sinar Lampung Public Service Award"});
  EXPECT_EQ(awards("Majalah itu memberikan Suara Bandung Civic Award 2022 kepada warga."),
            std::vector<std::string>{"Suara Bandung Civic Award 2022"});
  EXPECT_EQ(awards("Tahun ini Kota Surabaya Digital Award kembali digelar."), std::vector<std::string>{"Digital Award"});
  // A body's name and the suffix alone are the body's award.
  EXPECT_EQ(awards("Polda Kalsel menerima Kompolnas Award 2023 dari Komisi Kepolisian Nasional."),
            std::vector<std::string>{"Kompolnas Award 2023"});
  EXPECT_EQ(awards("Dinas itu meraih KemenPANRB Award tahun lalu."), std::vector<std::string>{"KemenPANRB Award"});
  EXPECT_EQ(awards("Acara Pemkot Bogor Award digelar di balai kota."), std::vector<std::string>{"Pemkot Bogor Award"});
  // A title no list knows may define its short name, before its year.
  EXPECT_EQ(awards("Kemlu memberikan Hassan Wirajuda Pelindungan WNI Award (HWPA) 2023. HWPA digelar tiap tahun."),
            (std::vector<std::string>{"Hassan Wirajuda Pelindungan WNI Award 2023", "Hassan Wirajuda Pelindungan WNI Award 2023"}));
  EXPECT_EQ(awards("Pemkab Sleman meraih Anugerah Pandu Negeri (APN) 2021. Sejak itu APN jadi target."),
            (std::vector<std::string>{"Anugerah Pandu Negeri 2021", "Anugerah Pandu Negeri 2021"}));
  EXPECT_EQ(awards("Bank itu menerima Digital Service Award (DSA) dari majalah. Kata DSA tertulis di plakat."),
            (std::vector<std::string>{"Digital Service Award", "Digital Service Award"}));
  EXPECT_TRUE(awards("Jalan dibangun di Kawasan Inti Pusat Pemerintahan (KIPP). Proyek di KIPP selesai.").empty());
  EXPECT_EQ(awards("Pemprov meraih Opini Wajar Tanpa Pengeculian (WTP) dari BPK."),
            std::vector<std::string>{"Opini Wajar Tanpa Pengecualian"});
}

// A title no list knows, after the award's noun: the capitalised words that
// follow it, with an English title's connectors; a body, a region or a
// second title after "dan" ends it. After an event's capitalised word, a
// giver's office or "yang diraih", what follows is no title.
TEST_F(GazetteerTest, TitlesAfterTheAwardsNoun) {
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"Dinas Kesehatan Kota Bogor menerima penghargaan Pelopor Layanan Ramah Lansia dari Kementerian Kesehatan.",
       {"Pelopor Layanan Ramah Lansia"}},
      {"Kantor Imigrasi Batam meraih penghargaan Unit Layanan Paspor Terbaik Nasional tahun 2023.",
       {"Unit Layanan Paspor Terbaik Nasional 2023"}},
      {"Penghargaan tersebut adalah Pembina Koperasi Terbaik dan Kota Peduli Disabilitas.", {"Pembina Koperasi Terbaik"}},
      {"Ia menerima penghargaan sebagai Kepala Sekolah Penggerak Literasi di Jakarta.",
       {"Kepala Sekolah Penggerak Literasi"}},
      {"Bank itu meraih penghargaan Best Practice of the Year in Digital Banking pekan lalu.",
       {"Best Practice of the Year in Digital Banking"}},
      {"Wali kota menerima penghargaan Inovasi Daerah Pemprov Jatim kemarin.", {"Inovasi Daerah"}},
      {"Rumah sakit itu menerima penghargaan Gold Winner Kategori Layanan Publik tahun ini.", {"Gold Winner"}},
      {"Pemkab Gowa menerima penghargaan Presiden Joko Widodo.", {}},
      {"Ia datang ke Malam Penghargaan Partai Golkar di Jakarta.", {}},
      {"Penghargaan yang diraih Dinas Pendidikan Kota Medan meningkat.", {}},
      {"Satuan kerja yang menerima penghargaan yaitu Direktorat Bina KUA Kementerian Agama.", {}},
      {"Humas menerima penghargaan Kategori Siaran Pers Terbaik.", {}},
      {"Penerima penghargaan tersebut adalah Yayasan Lentera Bangsa dari Bali.", {}},
      // One title: the one written with its noun ("Anugerah") too.
      {"Balai itu meraih penghargaan Prayoga Sala. Anugerah Prayoga Sala diserahkan di Denpasar.",
       {"Anugerah Prayoga Sala", "Anugerah Prayoga Sala"}},
  };
  for (const auto& [body, expected] : cases) {
    SCOPED_TRACE(body);
    EXPECT_EQ(Awards(body), expected);
  }
}

// A unit's short name in brackets, however long, and its region after it
// belong to the name.
TEST_F(GazetteerTest, ALongShortNameThenItsRegion) {
  EXPECT_EQ(Names("Kepala Dinas Komunikasi dan Informatika, Persandian dan Statistik (Diskominfosanditik) Kabupaten "
                  "Sumedang hadir."),
            (std::vector<std::string>{"agency Dinas Komunikasi dan Informatika, Persandian dan Statistik Kabupaten Sumedang = "
                                      "Dinas Komunikasi dan Informatika, Persandian dan Statistik (Diskominfosanditik) "
                                      "Kabupaten Sumedang",
                                      "location Kabupaten Sumedang = Kabupaten Sumedang"}));
}

TEST_F(GazetteerTest, CapitalAcronymsMatchOnlyInCapitals) {
  EXPECT_EQ(Names("Laporan BPK diterima."), std::vector<std::string>{"agency Badan Pemeriksa Keuangan = BPK"});
  EXPECT_TRUE(Names("Laporan bpk diterima.").empty());
}

// Our regions.tsv against the official list in ../shared/data: every
// province, regency and city, with the same code and the same name (or the
// reference's spelling among our aliases).
TEST(RegionsCoverageTest, EveryOfficialRegionWithItsCode) {
  if (!HaveShared()) GTEST_SKIP() << "../shared is absent";
  std::map<std::string, std::pair<std::string, std::string>> ours;  // code -> name, aliases
  {
    std::ifstream in(RulesDirPath() + "/regions.tsv");
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
      ASSERT_GE(f.size(), 4u) << line;
      ours[f[0]] = {f[2], f.size() > 4 ? f[4] : ""};
    }
  }
  std::ifstream ref(SharedDir() + "/data/regions.tsv");
  ASSERT_TRUE(ref.good());
  std::string line;
  std::getline(ref, line);  // header
  int checked = 0;
  while (std::getline(ref, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    if (f.size() < 3) continue;
    SCOPED_TRACE(line);
    auto it = ours.find(f[0]);
    ASSERT_NE(it, ours.end()) << "missing code " << f[0];
    const auto& [name, aliases] = it->second;
    const bool same = name == f[2] || ("|" + aliases + "|").find("|" + f[2] + "|") != std::string::npos;
    EXPECT_TRUE(same) << "code " << f[0] << ": ours \"" << name << "\", official \"" << f[2] << "\"";
    ++checked;
  }
  EXPECT_EQ(checked, 552);
  EXPECT_EQ(ours.size(), 552u);
}

TEST(GazetteerRulesTest, MalformedLinesReportFileAndLine) {
  struct Case {
    const char* file;
    const char* line;
    const char* expected;
  } cases[] = {
      {"regions.tsv", "99.99\tregency\n", "rules/regions.tsv:"},
      {"regions.tsv", "35.25\tdistrict\tKabupaten X\t35\t\n", "level must be province, regency or city"},
      {"regions.tsv", "35.25\tregency\tKabupaten Gresik Lagi\t35\t\n", "duplicate code 35.25"},
      {"agencies.tsv", "Kementerian Perindustrian\tministry\t\t\t\n", "duplicate canonical name"},
      {"agencies.tsv", "Satu Kolom Saja\n", "expected 2 tab-separated fields"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.file) + ": " + c.line);
    const std::string dir = ::testing::TempDir() + "/warta_gazetteer_rules";
    std::filesystem::remove_all(dir);
    std::filesystem::copy(RulesDirPath(), dir);
    std::ofstream(dir + "/" + c.file, std::ios::app) << c.line;
    std::unique_ptr<Gazetteer> gazetteer;
    Status s = Gazetteer::Load(RulesDir(dir), &gazetteer);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find(std::string("rules/") + c.file + ":"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(c.expected), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace warta::testing
