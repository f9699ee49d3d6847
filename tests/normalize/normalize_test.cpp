#include "normalize/normalize.h"

#include <cstring>
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
      {"trailing_spaces_per_line", "Judul   \n   Isi berita", "Judul\nIsi berita"},
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
// to exactly that span, repaired mojibake included. (Character level: a
// normalizer without boilerplate rules, so that a lone number is not taken
// for a page counter.)
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
      "\tPe\u0301mkot Tangerang — Kota\u00a0Semarang (18/7) malam. “Kami bangga,” ujarnya.\n"
      "‚ÄúSiap¬†melayani,‚Äù kata Wali Kota ‚Äì Selasa (9/7).";  // mojibake (Mac OS Roman)
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

// Single spaces between ASCII words are copied one for one; a space that
// stands for a run of them points at the run's first.
TEST_F(NormalizeTest, CollapsedSpacesPointAtTheFirstOfTheRun) {
  Document doc = Run("  Kota Bandung   raih Top 99 \t ");
  ASSERT_EQ(doc.text, "Kota Bandung raih Top 99");
  for (size_t b : {0, 4, 9}) EXPECT_EQ(doc.map.SpanStart(b), b + 2) << "byte " << b;  // after two leading spaces
  EXPECT_EQ(doc.map.SpanStart(12), 14u);  // the space for "   " after "Bandung"
  EXPECT_EQ(doc.map.SpanEnd(13), 15u);
  for (size_t b : {13, 17, 21, 23}) EXPECT_EQ(doc.map.SpanStart(b), b + 4) << "byte " << b;  // and two collapsed
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
      {"share_buttons_short_names", "Judul\nBagikan: f | t | wa | copy link\nShare: FB | X | WA\nBagikan: [f] [t] [wa]\nIsi berita.",
       "Judul\nIsi berita."},
      {"loading_and_font_buttons", "Judul\nLoading\nA A A\nIsi berita.", "Judul\nIsi berita."},
      {"view_counter_in_header", "Kamis, 18 Juli 2019 23:23 WIB | Dibaca : 571\nJudul", "Kamis, 18 Juli 2019 23:23 WIB\nJudul"},
      {"title_repeated_at_top", "Judul Berita\nJudul Berita\nJudul Berita\nIsi berita.", "Judul Berita\nIsi berita."},
      {"see_also_line", "Paragraf satu.\n\nSee also Wujudkan Ketahanan Pangan\n\nParagraf dua.", "Paragraf satu.\n\nParagraf dua."},
      {"baca_juga_line", "Paragraf satu.\nBaca juga: Pemkot Raih Adipura 2019\nParagraf dua.", "Paragraf satu.\nParagraf dua."},
      {"berita_terkait_to_the_end",
       "Isi berita.\n\nBerita Terkait\n\nMenteri Rini Sampaikan Strategi\n\nTuesday, 1 July 2025 - 19:02 WIB\nKemenpar Raih 3 Penghargaan",
       "Isi berita."},
      {"related_to_the_end", "Isi berita.\n\nRelated:\n\nBupati Terima Penghargaan Adipura\nGubernur Resmikan Jembatan",
       "Isi berita."},
      {"related_inside_a_sentence_kept", "Isi berita related dengan anggaran.\nParagraf dua.",
       "Isi berita related dengan anggaran.\nParagraf dua."},
      {"comment_form", "Isi berita.\n\nLEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here", "Isi berita."},
      {"captcha_line", "Isi berita.\nPastikan Google Captcha Sudah Tercentang !!!", "Isi berita."},
      {"copyright_footer", "Isi berita.\n(izz)\nCopyright ©2024 SINDOnews.com\nAll Rights Reserved\nberita/ rendering in 0.6140 seconds",
       "Isi berita."},
      {"categories_tags", "Isi berita.\n\n\u00a0\n\nCATEGORIES\nTAGS", "Isi berita."},
      // A footer's words in a header, above the body: its line goes, the body stays.
      {"footer_words_in_header",
       "Judul\nKategori: Ekonomi | Penulis: Rina\n\nJAYAPURA - Pemerintah Provinsi Papua menerima laporan hasil pemeriksaan "
       "dari perwakilan BPK pada Kamis pagi.\n\nTags: BPK, WTP",
       "Judul\n\nJAYAPURA - Pemerintah Provinsi Papua menerima laporan hasil pemeriksaan dari perwakilan BPK pada Kamis pagi."},
      {"related_heading_above_the_body",
       "Judul\nBerita Terkait\nBupati Bantul menyerahkan bantuan alat pertanian kepada kelompok tani di tiga kecamatan, Senin.",
       "Judul\nBupati Bantul menyerahkan bantuan alat pertanian kepada kelompok tani di tiga kecamatan, Senin."},
      {"scroll_and_advertisement", "Paragraf satu.\nSCROLL TO CONTINUE WITH CONTENT\nADVERTISEMENT\nParagraf dua.",
       "Paragraf satu.\nParagraf dua."},
      {"editor_line", "Isi berita.\nEditor: Budi Santoso\nPenulis : Sari", "Isi berita."},
      {"lone_comment_counter", "Judul\n\n0\n\nJAKARTA - Isi.", "Judul\n\nJAKARTA - Isi."},
      {"baca_juga_with_space_before_colon", "Paragraf satu.\nBaca Juga : Bupati Resmikan Pasar\nParagraf dua.",
       "Paragraf satu.\nParagraf dua."},
      {"baca_juga_then_headline", "Paragraf satu.\nBaca juga:\nWali Kota Tinjau Banjir di Cengkareng\nParagraf dua.",
       "Paragraf satu.\nParagraf dua."},
      {"no_words", "Paragraf satu.\n---\n-\n\"\n***\nParagraf dua.", "Paragraf satu.\nParagraf dua."},
      {"scroll_to_resume", "Paragraf satu.\nADVERTISEMENT\nSCROLL TO RESUME CONTENT\nParagraf dua.", "Paragraf satu.\nParagraf dua."},
      {"scroll_down_date_field_text", "Paragraf satu.\nScroll ke bawah untuk membaca berita\nParagraf dua.",
       "Paragraf satu.\nParagraf dua."},
      {"null_line", "Isi berita.\nnull", "Isi berita."},
      {"read_more_prompt", "Isi berita.\nSimak berita selengkapnya di halaman selanjutnya.\nBaca kisah inspiratif guru teladan di sini\nSelengkapnya",
       "Isi berita."},
      {"video_promo", "Isi berita.\nSimak juga Video 'Banjir Rob di Pesisir Utara':\n[Gambas:Video 20detik]\nParagraf dua.",
       "Isi berita.\nParagraf dua."},
      {"follow_prompt", "Isi berita.\nIkuti kami di Google News\nhttps://www.whatsapp.com/channel/AbCd123\nParagraf dua.",
       "Isi berita.\nParagraf dua."},
      {"news_channel_prompts", "Isi berita.\n- Baca Berita Terbaru Lainnya di GOOGLE NEWS- Dapatkan Berita Viral Via Saluran WhatsApp\n"
       "Update berita lainnya di Serambinews.com dan Google News\n[Cek kunci jawaban lainnya KLIK DISINI]\nBaca selengkapnyadi sini.\n"
       "Berita terbaru Tribun Manado: klik di sini.\nAkses TribunJakarta.com di Google News atau WhatsApp Channel TribunJakarta.com.\n"
       "kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel :",
       "Isi berita."},
      {"follow_prompt_glued_to_a_paragraph", "Longsor terjadi pada Selasa.Ikuti Whatsapp Channel Republika",
       "Longsor terjadi pada Selasa."},
      {"rating_widget", "Aduk hingga matang.\nBerikan Rating Untuk Resep Ini\nThanks For Rating!", "Aduk hingga matang."},
      {"table_hint", "Berikut datanya.\nGeser untuk melihat tabel lengkap\nKota | Nilai", "Berikut datanya.\nKota | Nilai"},
      {"syndication_note", "Isi berita.\nArtikel ini telah tayang di Kompas.com dengan judul Banjir Surut", "Isi berita."},
      {"slogan", "Isi berita.\n!!!Membaca Bagi Pikiran Seperti Olahraga Bagi Tubuh!!!", "Isi berita."},
      {"hashtag_line", "Isi berita.\n#GrowFearless with FIMELA", "Isi berita."},
      {"trailing_hashtags", "Tetap jaga kesehatan ya. #StayHealthy #JagaJarak", "Tetap jaga kesehatan ya."},
      {"appended_summary_heading", "Isi berita.\n\n---\n## Ringkasan\n\nRingkasan buatan mesin.", "Isi berita."},
      {"appended_summary_lead", "Isi berita.\n\nBerikut adalah ringkasan berita tersebut dalam satu paragraf: Pemkot meraih WTP.",
       "Isi berita."},
      {"editor_initials_footer", "Isi berita.\n(rdh/mea)\nbanjir\njakarta\nHoegeng Awards 2025", "Isi berita."},
      {"byline_in_brackets", "Isi berita.\n(Arief Setyadi )\n(SIS)", "Isi berita."},
      {"more_byline_labels", "Isi berita.\nKontributor: Dedi Kurnia\nSumber : Antara", "Isi berita."},
      {"photo_credit", "Isi berita.\nBupati meninjau lokasi banjir, Selasa pagi. Foto: dok. Humas Pemkab\n(Foto: dok. Istimewa)\nParagraf dua.",
       "Isi berita.\nParagraf dua."},
      {"social_embed", "Isi berita.\nA post shared by Pemkot Bandung (@pemkotbandung)\nParagraf dua.", "Isi berita.\nParagraf dua."},
      {"markdown_fence_and_placeholder", "Isi berita.\n::: gtx-trans-icon\n\\[img.2\\]\n****\\[video.1\\]****\nParagraf dua.",
       "Isi berita.\nParagraf dua."},
  };
  for (const BoilerplateCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Run(c.original).text, c.working);
  }
}

// Text in the shape of the boilerplate rules that is article text.
TEST_F(NormalizeTest, BoilerplateLookalikesStay) {
  const char* texts[] = {
      "Kepala Dinas menyebut foto: semua bukti sudah diserahkan kepada penyidik kemarin sore.",
      "Ikutilah petunjuk petugas saat mengantre di loket pelayanan.",
      "Warga diminta mengikuti kanal resmi pemerintah, bukan akun di Google News yang belum jelas sumbernya, kata Kepala Dinas Kominfo kepada wartawan.",
      "Rangkuman hasil rapat dibacakan oleh sekretaris daerah.",
      "Berikut ringkasan jadwal pelayanan selama libur Lebaran:",
      "Dr. H. Ahmad Yani, S.H.,M.H. menyerahkan piagam WTP.",
      "Acara ditutup dengan doa (Ustaz Ahmad memimpin) bersama warga.",
      "Tagar #JakartaBersih ramai dibicarakan warganet sejak Senin.",
      "Harga Rp 5.000,- per kilogram berlaku hingga Juni.",
      "Nilai indeks naik dari 2,5 menjadi 3,1 pada 2024.",
      "Berikut rangkuman berita Bandung Raya pekan ini",
      "Bagikan: informasi ini kepada tetangga yang belum terdaftar.",
      "Share: sepertiga anggaran dialokasikan untuk pendidikan.",
      "Pemkot meraih penghargaan. Foto bersama dilakukan usai acara di Balai Kota.",
      "Wali Kota menyampaikan ringkasan: capaian WTP diraih delapan kali berturut-turut.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Run(text).text, text);
  }
}

struct RewriteCase {
  const char* name;
  const char* original;
  const char* working;
};

// Paragraphs joined with commas, Markdown, and line breaks left inside a
// sentence all become plain paragraphs.
TEST_F(NormalizeTest, Rewrites) {
  const RewriteCase cases[] = {
      {"comma_after_sentence", "Penghargaan diserahkan Kamis (12/09/2019).,“Kami bangga,” kata Bupati.,Kata dia, ini hasil kerja keras.",
       "Penghargaan diserahkan Kamis (12/09/2019).\n“Kami bangga,” kata Bupati.\nKata dia, ini hasil kerja keras."},
      {"comma_after_a_space", "Acara dihadiri Ibu Negara. ,Iriana tiba bersama rombongan.",
       "Acara dihadiri Ibu Negara.\nIriana tiba bersama rombongan."},
      {"runs_of_commas", "Pemkot meraih WTP.,,,,Wali Kota bersyukur.,,\"Ini kerja bersama,\" ujarnya.",
       "Pemkot meraih WTP.\nWali Kota bersyukur.\n\"Ini kerja bersama,\" ujarnya."},
      {"two_commas_before_a_capital", "acara pembukaan Archie,,,,Pemkot Bogor menyiapkan panggung.",
       "acara pembukaan Archie\nPemkot Bogor menyiapkan panggung."},
      {"commas_at_line_edges", ",,,Pemkot meraih WTP.,", "Pemkot meraih WTP."},
      {"comma_inside_a_quote_stays", "\"Kami siap bekerja,\" kata dia. \"Sudah selesai!,\" tutupnya.",
       "\"Kami siap bekerja,\" kata dia. \"Sudah selesai!,\" tutupnya."},
      {"dropped_link_commas_stay", "Setelah resmi menikah,,dan,memutuskan pindah ke Bali.",
       "Setelah resmi menikah,,dan,memutuskan pindah ke Bali."},
      {"baca_juga_joined_by_a_comma", "Liga Indonesia.,Baca Juga: Musim Baru Jadi Harapan di Madrid,\"Semua bisa main,\" ucapnya.",
       "Liga Indonesia.\n\"Semua bisa main,\" ucapnya."},
      {"markdown_link_and_image", "![Gedung Sate](https://asset.example.com/a.jpg)\n\nMenurut [BMKG](https://bmkg.go.id/x), hujan turun.",
       "Menurut BMKG, hujan turun."},
      {"markdown_emphasis", "**JAKARTA, KOMPAS.com** -- Lulusan baru (*fresh graduate*) bisa mendaftar.",
       "JAKARTA, KOMPAS.com - Lulusan baru (fresh graduate) bisa mendaftar."},
      {"markdown_heading_escapes_dashes", "## Jadwal Libur\n\n\\\"Diskon berlaku 6--9 Juni 2025,\\\" kata dia.\\",
       "Jadwal Libur\n\n\"Diskon berlaku 6-9 Juni 2025,\" kata dia."},
      {"markdown_table", "| Kota | Nilai |\n|---|---|\n| Bogor | 90 |", "Kota | Nilai\nBogor | 90"},
      {"spreadsheet_escape", "Isi berita.,_x000D_\n\t\t", "Isi berita."},
      {"sentence_broken_at_links", "Polisi menangkap lima pelaku\nwarga negara asing\nasal Kamerun di Bogor.\nParagraf baru.",
       "Polisi menangkap lima pelaku warga negara asing asal Kamerun di Bogor.\nParagraf baru."},
      {"line_ending_with_a_comma", "kata eks Direktur Kementerian Kominfo,\nSemuel Pangerapan, di Jakarta.",
       "kata eks Direktur Kementerian Kominfo, Semuel Pangerapan, di Jakarta."},
      {"title_line_is_not_joined", "Pemkab Trenggalek Raih Penghargaan\nTRENGGALEK - Isi berita.",
       "Pemkab Trenggalek Raih Penghargaan\nTRENGGALEK - Isi berita."},
      {"list_items_by_letter_are_not_joined", "Peraih WBK:\na. Kota Bima\nb. Kota Dompu\nc) Kabupaten Bima",
       "Peraih WBK:\na. Kota Bima\nb. Kota Dompu\nc) Kabupaten Bima"},
      {"a_word_after_a_break_is_joined_still", "Acara digelar\ndi Aula KPPN Bima.", "Acara digelar di Aula KPPN Bima."},
      {"blank_line_is_not_joined", "Daftar penerima\n\nkelurahan yang meraih penghargaan", "Daftar penerima\n\nkelurahan yang meraih penghargaan"},
  };
  for (const RewriteCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Run(c.original).text, c.working);
  }
}

// Markup and joins are cut out of the working text; what stays points at the
// same characters in the original.
TEST_F(NormalizeTest, RewritesKeepOffsets) {
  const std::string original = "Hujan deras.,Menurut [BMKG](https://bmkg.go.id/x) **Jakarta** aman\nsepekan.";
  Document doc = Run(original);
  ASSERT_EQ(doc.text, "Hujan deras.\nMenurut BMKG Jakarta aman sepekan.");
  ASSERT_EQ(doc.map.size(), doc.text.size());
  for (const char* word : {"Hujan", "deras.", "Menurut", "BMKG", "Jakarta", "aman", "sepekan."}) {
    SCOPED_TRACE(word);
    const size_t at = doc.text.find(word);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(SliceCodePoints(original, doc.map.SpanStart(at), doc.map.SpanEnd(at + std::strlen(word))), word);
  }
  const size_t brk = doc.text.find('\n');  // the paragraph break stands for the comma
  EXPECT_EQ(SliceCodePoints(original, doc.map.SpanStart(brk), doc.map.SpanEnd(brk + 1)), ",");
  const size_t join = doc.text.find(" sepekan");  // the joining space stands for the line break
  EXPECT_EQ(SliceCodePoints(original, doc.map.SpanStart(join), doc.map.SpanEnd(join + 1)), "\n");
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
       "rules/boilerplate.toml:1: action must be line, rest, span, break, unwrap or join"},
      {"break_without_group", "[[rule]]\nname = \"x\"\npattern = ',,'\naction = \"break\"\n",
       "rules/boilerplate.toml:1: rule \"x\": action \"break\" needs a group"},
      {"then_with_unwrap", "[[rule]]\nname = \"x\"\npattern = 'a'\naction = \"unwrap\"\nthen = 'b'\n",
       "rules/boilerplate.toml:1: \"then\" goes with action \"line\""},
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
