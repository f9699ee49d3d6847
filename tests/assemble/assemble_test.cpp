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
      {"two_clauses_each_with_its_recipient",
       "Pemerintah Kota Bontang meraih Piala Adipura, sedangkan Pemerintah Kabupaten Paser memperoleh Sertifikat "
       "Adipura.",
       "2023-03-01",
       {"Adipura 2023 | Pemerintah Kota Bontang | Kementerian Lingkungan Hidup dan Kehutanan | - | -",
        "Adipura 2023 | Pemerintah Kabupaten Paser | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      {"a_clause_without_subject_shares_the_one_before",
       "Pemerintah Kota Madiun meraih Adipura dan menerima Opini WTP pada tahun yang sama.",
       "2023-03-01",
       {"Adipura 2023 | Pemerintah Kota Madiun | Kementerian Lingkungan Hidup dan Kehutanan | - | -",
        "Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kota Madiun | Badan Pemeriksa Keuangan | - | -"}},
      {"passive_verb_after_a_word_that_points_back",
       "Pemerintah Provinsi Jawa Timur meraih Anugerah Meritokrasi 2023 dengan predikat Sangat Baik. Predikat yang "
       "sama diraih Pemerintah Kota Malang dan Pemerintah Kabupaten Banyuwangi.",
       nullptr,
       {"Anugerah Meritokrasi 2023 | Pemerintah Provinsi Jawa Timur | Komisi Aparatur Sipil Negara | - | -",
        "Anugerah Meritokrasi 2023 | Pemerintah Kota Malang | Komisi Aparatur Sipil Negara | - | -",
        "Anugerah Meritokrasi 2023 | Pemerintah Kabupaten Banyuwangi | Komisi Aparatur Sipil Negara | - | -"}},
      {"bodies_after_disusul_share_the_award",
       "Kementerian Agama meraih Anugerah Keterbukaan Informasi Publik 2022, disusul Kementerian Perhubungan.",
       nullptr,
       {"Anugerah Keterbukaan Informasi Publik 2022 | Kementerian Agama | Komisi Informasi Pusat | - | -",
        "Anugerah Keterbukaan Informasi Publik 2022 | Kementerian Perhubungan | Komisi Informasi Pusat | - | -"}},
      {"organizer_is_never_a_recipient_of_the_sentence",
       "Dari kategori provinsi, Pemerintah Provinsi Riau meraih Anugerah Keterbukaan Informasi Publik 2021, bersama "
       "Pemerintah Provinsi Jambi.",
       nullptr,
       {"Anugerah Keterbukaan Informasi Publik 2021 | Pemerintah Provinsi Riau | Komisi Informasi Pusat | - | -",
        "Anugerah Keterbukaan Informasi Publik 2021 | Pemerintah Provinsi Jambi | Komisi Informasi Pusat | - | -"}},
      {"place_of_the_subject_is_not_the_ceremony",
       "Kantor Imigrasi Kelas I TPI Bogor di Kota Bogor meraih predikat Wilayah Bebas dari Korupsi.\n\n"
       "Penghargaan diterima kepala kantor di Jakarta, Rabu (13/12/2023).",
       nullptr,
       {"Wilayah Bebas dari Korupsi 2023 | Kantor Imigrasi Kelas I TPI Bogor | Kementerian Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi | 2023-12-13 | DKI Jakarta"}},
      {"head_of_region_receives_for_its_government",
       "Bupati Banyuwangi menerima penghargaan Kabupaten Layak Anak kategori Nindya pada 2022.",
       nullptr,
       {"Kabupaten/Kota Layak Anak 2022 | Pemerintah Kabupaten Banyuwangi | Kementerian Pemberdayaan Perempuan dan "
        "Perlindungan Anak | - | -"}},
      {"province_in_apposition_is_no_second_recipient",
       "Pemerintah Kabupaten Gresik, Jawa Timur, meraih Top 99 Inovasi Pelayanan Publik 2019.",
       nullptr,
       {"Top 99 Inovasi Pelayanan Publik 2019 | Pemerintah Kabupaten Gresik | Kementerian Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi | - | -"}},
      {"span_of_time_is_no_subject",
       "Dua bulan kemudian, Pemerintah Kota Blitar menerima Opini WTP dari BPK.",
       "2023-05-30",
       {"Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kota Blitar | Badan Pemeriksa Keuangan | - | -"}},
      {"awards_listed_after_a_count_of_awards",
       "Pemerintah Kota Cimahi mengumpulkan dua penghargaan nasional. Keduanya adalah Adipura dan Opini WTP.\n\n"
       "Opini WTP diterima dari Badan Pemeriksa Keuangan Perwakilan Provinsi Jawa Barat.",
       "2023-06-01",
       {"Adipura 2023 | Pemerintah Kota Cimahi | Kementerian Lingkungan Hidup dan Kehutanan | - | -",
        "Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kota Cimahi | Badan Pemeriksa Keuangan Perwakilan "
        "Provinsi Jawa Barat | - | -"}},
      {"count_subject_listed_after_ialah",
       "Dua kementerian yang memperoleh opini WDP ialah Kementerian Pertanian serta Kementerian Perdagangan.",
       nullptr,
       {"Opini Wajar Dengan Pengecualian - | Kementerian Pertanian | Badan Pemeriksa Keuangan | - | -",
        "Opini Wajar Dengan Pengecualian - | Kementerian Perdagangan | Badan Pemeriksa Keuangan | - | -"}},
      {"award_after_dalam_is_the_event",
       "Pemerintah Kota Probolinggo ditetapkan sebagai salah satu Top 45 Inovasi Pelayanan Publik dalam Kompetisi "
       "Inovasi Pelayanan Publik 2022.",
       nullptr,
       {"Top 45 Inovasi Pelayanan Publik 2022 | Pemerintah Kota Probolinggo | Kementerian Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi | - | -"}},
      {"relative_clause_belongs_to_the_name_before_yang",
       "Inspektorat menelaah temuan BPK atas laporan keuangan Pemerintah Kabupaten Sleman yang memperoleh opini WDP.",
       "2024-06-01",
       {"Opini Wajar Dengan Pengecualian 2024 | Pemerintah Kabupaten Sleman | Badan Pemeriksa Keuangan | - | -"}},
      {"a_copula_keeps_the_first_name",
       "Kementerian Pertanian merupakan mitra Komisi IV DPR yang pernah mendapatkan opini WDP.",
       "2024-06-01",
       {"Opini Wajar Dengan Pengecualian 2024 | Kementerian Pertanian | Badan Pemeriksa Keuangan | - | -"}},
      {"who_appreciates_does_not_receive",
       "Ketua DPRD Provinsi Jambi mengapresiasi Pemerintah Provinsi Jambi yang meraih predikat WTP.",
       "2024-06-01",
       {"Opini Wajar Tanpa Pengecualian 2024 | Pemerintah Provinsi Jambi | Badan Pemeriksa Keuangan | - | -"}},
      {"a_rank_refers_to_the_award_just_named_and_keeps_its_year",
       "Dalam penilaian IKPA, Sekretariat Jenderal Kementerian Sosial meraih peringkat I pada Semester II 2024. "
       "Direktorat Jenderal Rehabilitasi Sosial menempati peringkat III.",
       "2025-02-01",
       {"Indikator Kinerja Pelaksanaan Anggaran 2024 | Sekretariat Jenderal Kementerian Sosial | Kementerian Keuangan | "
        "- | -",
        "Indikator Kinerja Pelaksanaan Anggaran 2024 | Direktorat Jenderal Rehabilitasi Sosial | Kementerian Keuangan | "
        "- | -"}},
      {"a_rank_far_from_the_award_may_be_of_a_category_that_is_no_title",
       "Kementerian Sosial meraih predikat WTP. Laporan itu disusun tepat waktu. Anggaran terserap baik. Sentra "
       "Terpadu Pangudi Luhur Bekasi menempati peringkat III pengguna kartu kredit.",
       "2024-06-01",
       {"Opini Wajar Tanpa Pengecualian 2024 | Kementerian Sosial | Badan Pemeriksa Keuangan | - | -"}},
      {"an_undated_sentence_that_says_where_the_ceremony_was_held",
       "Bertempat di Aula Gedung Pakuan, Kota Bandung, para kepala daerah menerima penghargaan dari panitia. "
       "Pemerintah Kabupaten Garut meraih Opini Wajar Tanpa Pengecualian dari BPK.",
       "2023-06-01",
       {"Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kabupaten Garut | Badan Pemeriksa Keuangan | - | "
        "Kota Bandung"}},
      {"an_online_ceremony_is_placed_where_it_was_run_from",
       "Pemerintah Kota Madiun meraih predikat Wilayah Bebas dari Korupsi. Penganugerahan digelar secara virtual "
       "dari Jakarta, Rabu (6/12/2023).",
       nullptr,
       {"Wilayah Bebas dari Korupsi 2023 | Pemerintah Kota Madiun | Kementerian Pendayagunaan Aparatur Negara dan "
        "Reformasi Birokrasi | 2023-12-06 | DKI Jakarta"}},
      // A province, then a city or regency of it: the place is the nearer one.
      {"a_province_then_its_city_places_the_ceremony_in_the_city",
       "Pemerintah Kabupaten Sleman meraih Adipura di Ruang Rapat Kantor Wilayah Kementerian Agama (Kanwil Kemenag) "
       "Provinsi Jawa Timur, Kota Surabaya, Senin (3/6/2024).",
       nullptr,
       {"Adipura 2024 | Pemerintah Kabupaten Sleman | Kementerian Lingkungan Hidup dan Kehutanan | 2024-06-03 | "
        "Kota Surabaya"}},
      {"a_province_then_its_regency_places_the_ceremony_in_the_regency",
       "Penyerahan Anugerah Meritokrasi 2023 berlangsung di Pendopo Provinsi Bali, Kabupaten Gianyar, Jumat (8/12/2023). "
       "Pemerintah Kota Denpasar menerima Anugerah Meritokrasi.",
       nullptr,
       {"Anugerah Meritokrasi 2023 | Pemerintah Kota Denpasar | Komisi Aparatur Sipil Negara | 2023-12-08 | "
        "Kabupaten Gianyar"}},
      {"a_city_of_another_province_after_a_province_is_not_taken",
       "Pemerintah Kota Bogor meraih Adipura di Aula Provinsi Jawa Barat, Kota Semarang, Selasa (4/6/2024).",
       nullptr,
       {"Adipura 2024 | Pemerintah Kota Bogor | Kementerian Lingkungan Hidup dan Kehutanan | 2024-06-04 | Jawa Barat"}},
      // "serupa", "yang sama": the award just named, received by another.
      {"a_similar_opinion_obtained_is_the_award_before",
       "Kabupaten Badung mendapat Opini WTP dari BPK. Opini serupa diperoleh Kabupaten Gianyar.",
       "2024-05-02",
       {"Opini Wajar Tanpa Pengecualian 2024 | Pemerintah Kabupaten Badung | Badan Pemeriksa Keuangan | - | -",
        "Opini Wajar Tanpa Pengecualian 2024 | Pemerintah Kabupaten Gianyar | Badan Pemeriksa Keuangan | - | -"}},
      // An official who takes an award already given takes it for the recipient.
      {"an_official_taking_an_award_given_before_is_no_recipient",
       "Pemprov Jawa Tengah menerima Provinsi Layak Anak 2024. Penghargaan itu diterima Kepala Dinas Pemberdayaan "
       "Perempuan dan Perlindungan Anak Provinsi Jawa Tengah.",
       nullptr,
       {"Provinsi Layak Anak 2024 | Pemerintah Provinsi Jawa Tengah | Kementerian Pemberdayaan Perempuan dan "
        "Perlindungan Anak | - | -"}},
      {"an_official_taking_an_award_given_to_nobody_yet_receives_for_the_office",
       "Anugerah Meritokrasi 2023 diserahkan KASN pekan lalu. Penghargaan itu diterima Kepala Badan Kepegawaian "
       "Daerah Provinsi Bali.",
       nullptr,
       {"Anugerah Meritokrasi 2023 | Badan Kepegawaian Daerah Provinsi Bali | Komisi Aparatur Sipil Negara | - | -"}},
      // A hall of a body, with no region outside a name: the body's region.
      {"a_hall_of_a_body_places_the_ceremony_in_its_region",
       "Pemkot Batu meraih Adipura. Penyerahan berlangsung di Aula KPPN Malang, Kamis (25/1/2024).",
       nullptr,
       {"Adipura 2024 | Pemerintah Kota Batu | Kementerian Lingkungan Hidup dan Kehutanan | 2024-01-25 | Kota Malang"}},
      {"a_pendopo_of_a_regency_places_the_ceremony_in_the_regency",
       "Pemkab Bantul menerima Anugerah Meritokrasi. Acara digelar di Pendopo Pemkab Sleman, Senin (3/6/2024).",
       nullptr,
       {"Anugerah Meritokrasi 2024 | Pemerintah Kabupaten Bantul | Komisi Aparatur Sipil Negara | 2024-06-03 | "
        "Kabupaten Sleman"}},
      // Where the bodies who receive are is not where the award was given.
      {"public_bodies_in_a_province_are_not_the_ceremony_place",
       "Komisi Informasi Provinsi Bali menggelar Anugerah Keterbukaan Informasi Publik 2023 bagi badan publik di Bali, "
       "di Denpasar, Selasa (5/12/2023). Pemkab Badung meraih kualifikasi Informatif.",
       nullptr,
       {"Anugerah Keterbukaan Informasi Publik 2023 | Pemerintah Kabupaten Badung | Komisi Informasi Provinsi Bali | "
        "2023-12-05 | Kota Denpasar"}},
      {"regional_offices_in_a_province_are_not_the_ceremony_place",
       "Penghargaan Manggala Karya Bakti Husada diserahkan kepada perangkat daerah di Sulawesi Selatan di Makassar, "
       "Rabu (4/9/2024). Dinas Kesehatan Kota Parepare meraih Manggala Karya Bakti Husada.",
       nullptr,
       {"Manggala Karya Bakti Husada 2024 | Dinas Kesehatan Kota Parepare | Kementerian Kesehatan | 2024-09-04 | "
        "Kota Makassar"}},
      // What a sentence says of one award is not said of the one set against it.
      {"an_award_after_selain_takes_nothing_from_its_sentence",
       "Pemerintah Kota Bogor meraih Adipura 2024. Selain Adipura, kota itu juga menerima Anugerah Meritokrasi dari "
       "Komisi Aparatur Sipil Negara di Kota Surabaya.",
       nullptr,
       // "kota itu" received the other award (frame referred_recipient).
       {"Adipura 2024 | Pemerintah Kota Bogor | Kementerian Lingkungan Hidup dan Kehutanan | - | -",
        "Anugerah Meritokrasi - | Pemerintah Kota Bogor | Komisi Aparatur Sipil Negara | - | Kota Surabaya"}},
      {"an_award_one_word_after_selain_takes_nothing_from_its_sentence",
       "Kementerian Agama meraih predikat WTP. Selain opini WTP, kementerian tersebut juga mendapat Anugerah "
       "Keterbukaan Informasi Publik dari Komisi Informasi Pusat di Jakarta.",
       nullptr,
       {"Opini Wajar Tanpa Pengecualian - | Kementerian Agama | Badan Pemeriksa Keuangan | - | -",
        "Anugerah Keterbukaan Informasi Publik - | Kementerian Agama | Komisi Informasi Pusat | - | DKI Jakarta"}},
      // Audit opinions are for a fiscal year, not the year they were handed over.
      {"an_audit_opinion_takes_the_fiscal_year_the_article_names",
       "Badan Pemeriksa Keuangan Perwakilan Provinsi Jawa Tengah menyerahkan LHP atas LKPD Tahun Anggaran 2023 kepada "
       "Pemkab Kudus. Pemerintah Kabupaten Kudus meraih opini WTP.",
       "2024-05-20",
       {"Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kabupaten Kudus | Badan Pemeriksa Keuangan Perwakilan Provinsi "
        "Jawa Tengah | - | -"}},
      {"a_fiscal_year_after_laporan_keuangan_tahun",
       "Kementerian Agama kembali memperoleh opini WDP atas laporan keuangan tahun 2021 yang diserahkan Senin (6/6).",
       "2022-06-07",
       {"Opini Wajar Dengan Pengecualian 2021 | Kementerian Agama | Badan Pemeriksa Keuangan | 2022-06-06 | -"}},
      {"no_fiscal_year_named_leaves_the_year_of_the_handover",
       "Pemerintah Kota Medan meraih opini WTP, diserahkan di Kota Medan, Selasa (14/5/2024).",
       nullptr,
       {"Opini Wajar Tanpa Pengecualian 2024 | Pemerintah Kota Medan | Badan Pemeriksa Keuangan | 2024-05-14 | Kota Medan"}},
      // A body that only shares the organizer's first words is no branch of it.
      {"a_giver_that_is_no_branch_leaves_the_listed_organizer",
       "Badan Pemeriksa Keuangan Moermahadi menyerahkan hasil pemeriksaan. Kementerian Sosial meraih opini WTP.",
       "2019-05-28",
       {"Opini Wajar Tanpa Pengecualian 2019 | Kementerian Sosial | Badan Pemeriksa Keuangan | - | -"}},
      // The organizer named after an award before the article lists its recipients.
      {"an_organizer_named_after_the_award_before_its_recipients",
       "Anugerah Parahita Ekapraya digelar oleh Kementerian Sosial. Penerima Anugerah Parahita Ekapraya tahun ini: Kota "
       "Madiun dan Kabupaten Ngawi.",
       nullptr,
       {"Anugerah Parahita Ekapraya - | Pemerintah Kota Madiun | Kementerian Sosial | - | -",
        "Anugerah Parahita Ekapraya - | Pemerintah Kabupaten Ngawi | Kementerian Sosial | - | -"}},
      // A unit's parent written right after it is part of its name, no recipient.
      {"a_units_parent_after_it_receives_nothing_passive",
       "Penghargaan Anugerah Meritokrasi 2023 diberikan kepada Biro Sumber Daya Manusia Kementerian Perhubungan.",
       nullptr,
       {"Anugerah Meritokrasi 2023 | Biro Sumber Daya Manusia | Komisi Aparatur Sipil Negara | - | -"}},
      {"a_units_parent_after_it_receives_nothing_active",
       "Direktorat Jenderal Pajak Kementerian Keuangan meraih predikat WBK, diumumkan Selasa (10/12/2024).",
       nullptr,
       {"Wilayah Bebas dari Korupsi 2024 | Direktorat Jenderal Pajak | Kementerian Pendayagunaan Aparatur Negara dan "
        "Reformasi Birokrasi | 2024-12-10 | -"}},
      // A grade with a title of its own is its own award (annotation.md).
      {"a_grade_with_its_own_title_is_its_own_award",
       "Pemerintah Provinsi Kalimantan Selatan kembali menerima Anugerah Wahana Tata Nugraha (WTN) Wiratama 2019 dari "
       "Kementerian Perhubungan.",
       nullptr,
       {"Wahana Tata Nugraha Wiratama 2019 | Pemerintah Provinsi Kalimantan Selatan | Kementerian Perhubungan | - | -"}},
      {"passive_disandang_and_dimenangkan_oleh",
       "Gelar Kota Layak Anak kategori Nindya disandang Kota Surakarta tahun ini. Adapun Adipura 2024 dimenangkan oleh "
       "Kota Madiun.",
       "2024-07-23",
       {"Kabupaten/Kota Layak Anak 2024 | Pemerintah Kota Surakarta | Kementerian Pemberdayaan Perempuan dan "
        "Perlindungan Anak | - | -",
        "Adipura 2024 | Pemerintah Kota Madiun | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      // Where those who receive are is not where the award was given.
      {"a_region_of_the_recipients_is_no_ceremony_place",
       "Sejumlah kabupaten/kota di Kalsel, yakni Kota Banjarmasin dan Kabupaten Tabalong, meraih penghargaan WTN di "
       "Jakarta, Senin (9/9/2019).",
       nullptr,
       {"Wahana Tata Nugraha 2019 | Pemerintah Kota Banjarmasin | Kementerian Perhubungan | 2019-09-09 | DKI Jakarta",
        "Wahana Tata Nugraha 2019 | Pemerintah Kabupaten Tabalong | Kementerian Perhubungan | 2019-09-09 | DKI Jakarta"}},
      {"satker_di_a_province_is_no_ceremony_place",
       "Lima satker di Maluku menerima Anugerah Meritokrasi 2023, yaitu Kepolisian Daerah Maluku dan Kejaksaan Tinggi "
       "Maluku.",
       nullptr,
       {"Anugerah Meritokrasi 2023 | Kepolisian Daerah Maluku | Komisi Aparatur Sipil Negara | - | -",
        "Anugerah Meritokrasi 2023 | Kejaksaan Tinggi Maluku | Komisi Aparatur Sipil Negara | - | -"}},
      // A title's short name in brackets after the competition is that one again, no second award.
      {"the_competitions_short_name_is_no_second_award",
       "Pemkab Bojonegoro meraih Top 99 Inovasi Pelayanan Publik 2024 dalam Kompetisi Inovasi Pelayanan Publik (KIPP).",
       nullptr,
       {"Top 99 Inovasi Pelayanan Publik 2024 | Pemerintah Kabupaten Bojonegoro | Kementerian Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi | - | -"}},
      // A body renamed or split gives the award by year (awards.tsv Name@FROM-TO).
      {"the_organizer_of_the_records_year",
       "Kota Metro meraih Adipura 2025. Kota Balikpapan meraih Adipura 2019.",
       nullptr,
       {"Adipura 2025 | Pemerintah Kota Metro | Kementerian Lingkungan Hidup | - | -",
        "Adipura 2019 | Pemerintah Kota Balikpapan | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      {"other_regions_di_a_province_is_no_ceremony_place",
       "Dua kota lain di Jawa Tengah juga menerima Adipura 2023, yakni Kota Salatiga dan Kota Magelang.",
       nullptr,
       {"Adipura 2023 | Pemerintah Kota Salatiga | Kementerian Lingkungan Hidup dan Kehutanan | - | -",
        "Adipura 2023 | Pemerintah Kota Magelang | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      {"an_undated_place_of_no_award_is_no_ceremony",
       "Pemerintah Kabupaten Garut meraih Opini Wajar Tanpa Pengecualian dari BPK. Bupati mengatakan kegiatan "
       "berlangsung di Kabupaten Garut setiap tahun.",
       "2023-06-01",
       {"Opini Wajar Tanpa Pengecualian 2023 | Pemerintah Kabupaten Garut | Badan Pemeriksa Keuangan | - | -"}},
      // A programme after a role in it (records.toml role_before) is not received.
      {"a_body_driving_a_programme_receives_none_of_it",
       "Kota Bogor meraih Adiwiyata 2023. Pemkab Sleman mendapat apresiasi sebagai kabupaten penggerak Adiwiyata.",
       nullptr, {"Adiwiyata 2023 | Pemerintah Kota Bogor | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      {"a_host_of_an_award_receives_none_of_it",
       "Pemkab Badung meraih Anugerah Meritokrasi 2023. Pemprov Bali menerima piagam sebagai tuan rumah Anugerah "
       "Meritokrasi.",
       nullptr, {"Anugerah Meritokrasi 2023 | Pemerintah Kabupaten Badung | Komisi Aparatur Sipil Negara | - | -"}},
      {"a_mentor_of_a_programme_receives_none_of_it",
       "Kota Madiun meraih KLA Nindya 2022. Dinas Sosial Kota Madiun mendapat apresiasi sebagai pembina KLA.", nullptr,
       {"Kabupaten/Kota Layak Anak 2022 | Pemerintah Kota Madiun | Kementerian Pemberdayaan Perempuan dan "
        "Perlindungan Anak | - | -"}},
      // Verbs one space apart are one phrase; a clause with no subject of its
      // own shares the one before.
      {"a_verb_phrase_of_two_verbs", "Kota Bogor terpilih sebagai peraih Adipura 2021.", nullptr,
       {"Adipura 2021 | Pemerintah Kota Bogor | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      {"a_verb_phrase_of_two_verbs_after_a_passive", "Pemkab Lumajang ditetapkan sebagai penerima Adipura 2021.", nullptr,
       {"Adipura 2021 | Pemerintah Kabupaten Lumajang | Kementerian Lingkungan Hidup dan Kehutanan | - | -"}},
      // The body an innovation is of (records.toml innovation_of) receives.
      {"an_innovation_of_a_body", "Inovasi milik RSUD Sleman meraih Top 45 Inovasi Pelayanan Publik 2020.", nullptr,
       {"Top 45 Inovasi Pelayanan Publik 2020 | RSUD Sleman | Kementerian Pendayagunaan Aparatur Negara dan "
        "Reformasi Birokrasi | - | -"}},
      {"a_counted_innovation_of_a_body_listed_in_an_award",
       "Satu inovasi lain dari Dinas Perpustakaan Kota Blitar, yakni \"Baca Keliling\", tercatat dalam Top 99 "
       "Inovasi Pelayanan Publik 2022.",
       nullptr,
       {"Top 99 Inovasi Pelayanan Publik 2022 | Dinas Perpustakaan Kota Blitar | Kementerian Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi | - | -"}},
      // A bound of a period (records.toml period_before) is not the day an
      // award was given; the ceremony sentence after it gives that.
      {"a_period_since_a_month_is_no_ceremony_date",
       "Pemerintah Kota Bogor meraih Adipura. Penilaian yang berlangsung sejak Maret 2023 itu ketat. Piala "
       "diserahkan di Kota Bandung, Senin (5/6/2023).",
       nullptr,
       {"Adipura 2023 | Pemerintah Kota Bogor | Kementerian Lingkungan Hidup dan Kehutanan | 2023-06-05 | "
        "Kota Bandung"}},
      {"a_deadline_is_no_ceremony_date",
       "Pendaftaran Anugerah Keterbukaan Informasi Publik berlangsung hingga 30 Juni 2022. Pemkab Sleman meraih "
       "Anugerah Keterbukaan Informasi Publik pada malam anugerah, Kamis (15/12/2022).",
       nullptr,
       {"Anugerah Keterbukaan Informasi Publik 2022 | Pemerintah Kabupaten Sleman | Komisi Informasi Pusat | "
        "2022-12-15 | -"}},
      {"the_start_of_an_evaluation_is_no_ceremony_date",
       "Verifikasi lapangan Swasti Saba digelar mulai Agustus 2021. Kabupaten Kudus akhirnya menerima Swasti "
       "Saba Wistara.",
       nullptr,
       {"Swasti Saba Wistara - | Pemerintah Kabupaten Kudus | Kementerian Kesehatan | - | -"}},
  };
  for (const RecordCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Records(c.body, c.published ? std::optional<std::string>(c.published) : std::nullopt), c.expected);
  }
}

// A grade of one programme's award is the record's tier (annotation.md).
TEST_F(AssembleTest, TiersOfRecords) {
  struct TierCase {
    const char* body;
    std::vector<std::string> expected;  // "recipient: tier"
  };
  const TierCase cases[] = {
      {"Pemkab Kulon Progo meraih predikat Kabupaten Layak Anak tingkat Nindya.",
       {"Pemerintah Kabupaten Kulon Progo: Nindya"}},
      {"Kota Pontianak meraih UHC Awards kategori Utama, sedangkan Kabupaten Kubu Raya memperoleh UHC Awards kategori "
       "Madya.",
       {"Pemerintah Kota Pontianak: Utama", "Pemerintah Kabupaten Kubu Raya: Madya"}},
      {"Berikut peraih IKPA Award 2023:\nPeringkat II: Kepolisian Daerah Maluku (98,9)",
       {"Kepolisian Daerah Maluku: II"}},
      {"Pemkot Bogor meraih Adipura tahun ini.", {"Pemerintah Kota Bogor: -"}},
      // Those after "disusul" share the award, not the leader's grade.
      {"Kabupaten Gresik meraih peringkat pertama Innovative Government Award 2023, disusul Kabupaten Sidoarjo.",
       {"Pemerintah Kabupaten Gresik: pertama", "Pemerintah Kabupaten Sidoarjo: -"}},
      {"Kota Solo meraih KLA kategori Utama, diikuti Kota Surabaya di kategori Nindya.",
       {"Pemerintah Kota Surakarta: Utama", "Pemerintah Kota Surabaya: Nindya"}},
  };
  for (const TierCase& c : cases) {
    SCOPED_TRACE(c.body);
    std::vector<std::string> got;
    for (const AwardRecord& a : Run(c.body).awards) got.push_back(a.recipient + ": " + a.tier.value_or("-"));
    EXPECT_EQ(got, c.expected);
  }
}

// A headline's conferral that the body states in its own words is the
// body's record only; one the body only refers to is the headline's.
TEST_F(AssembleTest, HeadlineRecordsOnlyWhereTheBodyStatesNone) {
  auto records = [&](const std::string& text) {
    Document doc;
    doc.original = text;
    pipeline_->Process(&doc);
    std::vector<std::string> out;
    for (const AwardRecord& a : doc.awards) out.push_back(a.award + " | " + a.recipient);
    return out;
  };
  EXPECT_EQ(records("Pemkot Bogor Boyong Adipura\n\nKota Bogor meraih Adipura Kencana 2024 dari KLHK di Jakarta."),
            (std::vector<std::string>{"Adipura Kencana | Pemerintah Kota Bogor"}));
  EXPECT_EQ(records("Kementerian Sosial Raih Anugerah Meritokrasi\n\nPenghargaan itu diserahkan Ketua KASN di Jakarta."),
            (std::vector<std::string>{"Anugerah Meritokrasi | Kementerian Sosial"}));
}

// An audit opinion's year is the fiscal year, the year it was given kept beside it.
TEST_F(AssembleTest, AnAuditOpinionKeepsTheYearItWasGiven) {
  auto years = [&](const std::string& body, std::optional<std::string> published) {
    std::vector<std::string> out;
    for (const AwardRecord& a : Run(body, published).awards)
      out.push_back(std::to_string(a.year.value_or(0)) + " given " +
                    (a.year_given ? std::to_string(*a.year_given) : std::string("-")));
    return out;
  };
  EXPECT_EQ(years("Pemerintah Kota Medan meraih opini WTP atas LKPD Tahun Anggaran 2023, Senin (20/5/2024).", std::nullopt),
            (std::vector<std::string>{"2023 given 2024"}));
  EXPECT_EQ(years("Kementerian Sosial meraih opini WTP atas laporan keuangan tahun 2022.", "2022-12-30"),
            (std::vector<std::string>{"2022 given -"}));
  EXPECT_EQ(years("Pemerintah Kota Bogor meraih Adipura 2024 dari KLHK.", "2025-01-10"),
            (std::vector<std::string>{"2024 given -"}));
}

// A unit keeps the parent the article writes after its name.
TEST_F(AssembleTest, AUnitsRecordKeepsItsParent) {
  const Document doc = Run("Biro Sumber Daya Manusia Kementerian Perhubungan meraih Anugerah Meritokrasi 2023, "
                           "sedangkan Kementerian Agama meraih Adipura.");
  std::vector<std::string> got;
  for (const AwardRecord& a : doc.awards) got.push_back(a.recipient + " < " + a.parent.value_or("-"));
  EXPECT_EQ(got, (std::vector<std::string>{"Biro Sumber Daya Manusia < Kementerian Perhubungan", "Kementerian Agama < -"}));
}

// Each of organizer, date and place says where it was read (issue #21 2b):
// a default of rules/awards.tsv is told from what the article says.
TEST_F(AssembleTest, EachAttributeSaysWhereItWasRead) {
  auto sources = [&](const std::string& body) {
    std::vector<std::string> got;
    for (const AwardRecord& a : Run(body).awards) {
      std::string line = a.recipient + ":";
      for (const auto& from : {a.organizer_from, a.date_from, a.location_from})
        line += std::string(" ") + (from ? ValueSourceName(*from) : "-");
      got.push_back(line);
    }
    return got;
  };
  EXPECT_EQ(sources("Pemkab Sleman meraih Adipura dari KLHK di Kota Yogyakarta, Rabu (24/5/2023)."),
            std::vector<std::string>{"Pemerintah Kabupaten Sleman: sentence sentence sentence"});
  EXPECT_EQ(sources("Pemkab Sleman meraih Adipura tahun ini."), std::vector<std::string>{"Pemerintah Kabupaten Sleman: rules - -"});
  EXPECT_EQ(sources("Pemkab Sleman meraih Adipura tahun ini.\n\nPenghargaan itu diserahkan di Kota Yogyakarta, Rabu (24/5/2023)."),
            std::vector<std::string>{"Pemerintah Kabupaten Sleman: rules reference reference"});
  EXPECT_EQ(sources("Penganugerahan berlangsung di Kota Bandung, Senin (5/6/2023).\n\nPemkab Garut meraih Adipura."),
            std::vector<std::string>{"Pemerintah Kabupaten Garut: rules ceremony ceremony"});
  EXPECT_EQ(sources("KLHK menyerahkan piala Adipura tahun ini.\n\nPemkab Garut meraih Adipura."),
            std::vector<std::string>{"Pemerintah Kabupaten Garut: article - -"});
}

// A word capitalised for opening the sentence is no name the region ends;
// a capitalised word that is one keeps the region out ("Bank Kalsel").
TEST_F(AssembleTest, ARegionAfterASentenceOpenerReceives) {
  auto recipients = [](const std::string& body) {
    std::vector<std::string> out;
    for (const AwardRecord& a : Run(body).awards) out.push_back(a.recipient);
    return out;
  };
  EXPECT_EQ(recipients("Adapun Kota Cirebon dan Kabupaten Kuningan meraih Adipura."),
            (std::vector<std::string>{"Pemerintah Kota Cirebon", "Pemerintah Kabupaten Kuningan"}));
  EXPECT_EQ(recipients("Sementara Kabupaten Sleman menerima Anugerah Parahita Ekapraya."),
            std::vector<std::string>{"Pemerintah Kabupaten Sleman"});
  EXPECT_EQ(recipients("Kemudian Kota Ambon memperoleh predikat WBK dari Kementerian PANRB."),
            std::vector<std::string>{"Pemerintah Kota Ambon"});
  EXPECT_TRUE(recipients("Bank Kalsel meraih Top Bank Award 2023.").empty());
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
      // A verb of receiving used as a noun.
      "Provinsi Jawa Barat menjadi daerah dengan peraih Adipura terbanyak tahun ini.",
      // What did not happen, or has not yet.
      "Pemkab Bogor gagal meraih Adipura tahun ini karena pengelolaan sampah yang buruk.",
      "Pemkot Bandung menargetkan meraih Adipura Kencana tahun depan.",
      "Kementerian Sosial belum pernah menerima Anugerah Meritokrasi dari KASN.",
      "Pemprov Jawa Timur akan menerima Innovative Government Award pada pekan depan.",
      // A candidacy is no win.
      "Pemkab Bojonegoro masuk nominasi Innovative Government Award 2023.",
      "Kota Bitung masuk babak final Kompetisi Inovasi Pelayanan Publik tahun ini.",
      "Dinas Kesehatan Kota Kediri meraih tiket final Anugerah Parahita Ekapraya.",
      // A bare "penghargaan" before a passive verb may be another award
      // (a category's is the award named: frame category_won_by).
      "Kementerian PANRB menyelenggarakan Kompetisi Inovasi Pelayanan Publik. Tahun ini peserta bertambah. "
      "Penghargaan diberikan kepada Pemerintah Kota Bekasi atas kerja samanya.",
      // A region inside a name is no recipient: a category, an office, a dateline.
      "Penyanyi itu meraih Anugerah Musik Indonesia untuk kategori Penyanyi Solo Wanita.",
      "Yang menyabet penghargaan Customs Award terbaik adalah dari Kantor Bea Cukai Semarang.",
      "Pengembang itu diganjar Realestate Creative Awards untuk kategori Best Green Apartment in Cilegon.",
      "TEMPO.CO, Jakarta - Aplikasi belajar itu mendapatkan penghargaan Global Industry Awards di Budapest.",
      // Things counted are no recipients, and their list names places.
      "Dua proyek perusahaan itu meraih Indonesia Property Awards 2019. Kedua proyek itu adalah Kota Baru di "
      "Cakung, Jakarta Timur, dan Kawasan Industri di Cikande, Serang.",
      // The giver does not receive.
      "Kementerian Keuangan memberikan apresiasi kepada kementerian yang memperoleh opini WTP.",
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

// Evidence is what a record was built from: a sentence that refers back
// and fills nothing is none; the ceremony sentence that gave the date is.
TEST_F(AssembleTest, EvidenceHoldsTheSentencesThatGaveValuesOnly) {
  auto texts = [](const Document& doc) {
    std::vector<std::string> out;
    for (const Range& r : doc.awards.at(0).evidence) out.push_back(doc.original.substr(r.begin, r.end - r.begin));
    return out;
  };
  Document doc = Run("Pemkot Bogor meraih Adipura 2024 dari KLHK di Jakarta, Senin (3/6/2024). Penghargaan itu "
                     "membanggakan warga. Penghargaan tersebut dipajang di balai kota.");
  ASSERT_EQ(doc.awards.size(), 1u);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"Pemkot Bogor meraih Adipura 2024 dari KLHK di Jakarta, Senin (3/6/2024)."}));
  doc = Run("Malam penganugerahan digelar di Kota Surabaya, Jumat (7/6/2024). Dalam acara itu Pemkab Gresik meraih "
            "Adipura Kencana.");
  ASSERT_EQ(doc.awards.size(), 1u);
  EXPECT_EQ(doc.awards[0].date, "2024-06-07");
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"Malam penganugerahan digelar di Kota Surabaya, Jumat (7/6/2024).",
                                                  "Dalam acara itu Pemkab Gresik meraih Adipura Kencana."}));
}

}  // namespace
}  // namespace warta::testing
