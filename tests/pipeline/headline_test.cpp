// Issues 21 and 22: the title line of a text (no title field) is read. Its
// entities are flagged `headline`, and a conferral it states makes a record
// where the body speaks of an award too. Through the binary, so that ingest
// decides what the title is, as for a user.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace warta {
namespace {

using nlohmann::json;

struct Article {
  const char* headline;
  const char* body;
  const char* record;  // "award year | recipient | organizer | date | location", or nullptr for none
};

// A headline that states the conferral, a body that refers back to it and
// says where and when it was handed over.
const Article kConfirmed[] = {
    {"Pemerintah Kota Depok meraih Piala Adipura 2019 atas kebersihan kota.",
     "Penghargaan diserahkan di Jakarta, Senin (10/6/2019).",
     "Adipura 2019 | Pemerintah Kota Depok | Kementerian Lingkungan Hidup dan Kehutanan | 2019-06-10 | DKI Jakarta"},
    {"Pemkab Banyuwangi memboyong Kalpataru 2021 berkat pelestarian hutan bakau.",
     "Penganugerahan berlangsung di Surabaya, Kamis (5/8/2021).",
     "Kalpataru 2021 | Pemerintah Kabupaten Banyuwangi | Kementerian Lingkungan Hidup dan Kehutanan | 2021-08-05 | "
     "Kota Surabaya"},
    {"Provinsi Jawa Tengah menyabet Anugerah Keterbukaan Informasi Publik 2020 karena datanya terbuka.",
     "Prestasi tersebut diumumkan oleh Komisi Informasi Pusat di Kota Bandung, Selasa (8/12/2020).",
     "Anugerah Keterbukaan Informasi Publik 2020 | Pemerintah Provinsi Jawa Tengah | Komisi Informasi Pusat | "
     "2020-12-08 | Kota Bandung"},
};

// Title Case headlines of plain text files, with a body that opens with the
// award's handover.
const Article kTextFiles[] = {
    {"Pemkot Padang Sabet Wahana Tata Nugraha 2018", "Trofi diterima wali kota di Jakarta, Rabu (12/12/2018).",
     "Wahana Tata Nugraha 2018 | Pemerintah Kota Padang | Kementerian Perhubungan | 2018-12-12 | DKI Jakarta"},
    {"Kabupaten Gianyar Raih Swasti Saba 2017", "Penyerahan dilakukan di Kota Denpasar, Jumat (24/11/2017).",
     "Swasti Saba 2017 | Pemerintah Kabupaten Gianyar | Kementerian Kesehatan | 2017-11-24 | Kota Denpasar"},
    {"Provinsi Lampung Boyong Anugerah Parahita Ekapraya 2016",
     "Piagam dianugerahkan dalam acara nasional di Kota Bogor, Sabtu (3/9/2016).",
     "Anugerah Parahita Ekapraya 2016 | Pemerintah Provinsi Lampung | Kementerian Pemberdayaan Perempuan dan "
     "Perlindungan Anak | 2016-09-03 | Kota Bogor"},
};

// A headline conferral over a body about something else: no record.
const Article kUnrelated[] = {
    {"Pemkot Bekasi Raih Adipura 2019", "Harga cabai di pasar tradisional naik tajam pekan ini.", nullptr},
    {"Kabupaten Sleman Sabet Kalpataru 2020",
     "Ribuan warga memadati alun-alun untuk menonton pawai budaya, Minggu (16/8/2020).", nullptr},
    {"Pemprov Riau menerima Innovative Government Award 2021.",
     "Banjir merendam puluhan rumah di Pekanbaru sejak Selasa malam.", nullptr},
};

std::string Folder(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/warta_headline_" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::vector<json> Extract(const std::string& inputs) {
  const testing::CommandResult r = testing::RunCommand(testing::WartaBinary() + " extract --quiet " + inputs);
  EXPECT_EQ(r.exit_code, 0);
  std::vector<json> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

std::vector<std::string> Records(const json& line) {
  std::vector<std::string> out;
  for (const json& a : line["awards"]) {
    auto text = [](const json& v) { return v.is_null() ? std::string("-") : v.get<std::string>(); };
    out.push_back(a["award"].get<std::string>() + " " + (a["year"].is_null() ? "-" : std::to_string(a["year"].get<int>())) +
                  " | " + text(a["recipient"]) + " | " + text(a["organizer"]) + " | " + text(a["date"]) + " | " +
                  text(a["location"]));
  }
  return out;
}

std::vector<std::string> Expected(const Article& a) {
  return a.record ? std::vector<std::string>{a.record} : std::vector<std::string>{};
}

// A JSONL file of `articles`, headline and body as one text, with or
// without a title field.
std::string Jsonl(const std::string& dir, const std::vector<Article>& articles, bool title_field) {
  const std::string path = dir + "/articles.jsonl";
  std::ofstream out(path);
  for (const Article& a : articles) {
    json j = {{"text", std::string(a.headline) + "\n" + a.body}};
    if (title_field) j["title"] = "Berita Daerah";
    out << j.dump() << "\n";
  }
  return path;
}

TEST(HeadlineTest, JsonlWithoutTitleFieldGivesTheHeadlinesRecord) {
  const std::vector<Article> articles(std::begin(kConfirmed), std::end(kConfirmed));
  const std::vector<json> lines = Extract(Jsonl(Folder("jsonl"), articles, false));
  ASSERT_EQ(lines.size(), articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE(articles[i].headline);
    EXPECT_EQ(Records(lines[i]), Expected(articles[i]));
    // The headline is the evidence, in offsets of the original text.
    ASSERT_FALSE(lines[i]["awards"].empty());
    const json& first = lines[i]["awards"][0]["evidence"][0];
    EXPECT_EQ(first["start"], 0);
    EXPECT_EQ(first["end"], json::string_t(articles[i].headline).size());  // ASCII: bytes are code points
  }
}

// With a title field the text has no title line: all of it is body, as before.
TEST(HeadlineTest, JsonlWithTitleFieldIsUnchanged) {
  const std::vector<Article> articles(std::begin(kConfirmed), std::end(kConfirmed));
  const std::vector<json> lines = Extract(Jsonl(Folder("titled"), articles, true));
  ASSERT_EQ(lines.size(), articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE(articles[i].headline);
    EXPECT_EQ(Records(lines[i]), Expected(articles[i]));
    for (const json& e : lines[i]["entities"]) EXPECT_FALSE(e.contains("headline")) << e.dump();
  }
}

TEST(HeadlineTest, TextFileWithTheAwardOnlyInItsFirstLine) {
  const std::string dir = Folder("text");
  std::string paths;
  for (size_t i = 0; i < std::size(kTextFiles); ++i) {
    const std::string path = dir + "/" + std::to_string(i) + ".txt";
    std::ofstream(path) << kTextFiles[i].headline << "\n\n" << kTextFiles[i].body << "\n";
    paths += " " + path;
  }
  const std::vector<json> lines = Extract(paths);
  ASSERT_EQ(lines.size(), std::size(kTextFiles));
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(kTextFiles[i].headline);
    EXPECT_EQ(Records(lines[i]), Expected(kTextFiles[i]));
  }
}

TEST(HeadlineTest, HeadlineConferralOverAnUnrelatedBodyGivesNone) {
  const std::vector<Article> articles(std::begin(kUnrelated), std::end(kUnrelated));
  const std::vector<json> lines = Extract(Jsonl(Folder("unrelated"), articles, false));
  ASSERT_EQ(lines.size(), articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE(articles[i].headline);
    EXPECT_TRUE(Records(lines[i]).empty()) << lines[i].dump();
    // Its entities are still found, as headline ones.
    EXPECT_TRUE(std::any_of(lines[i]["entities"].begin(), lines[i]["entities"].end(),
                            [](const json& e) { return e["type"] == "award" && e.value("headline", false); }));
  }
}

// Entities of the title line carry "headline": true and offsets into the
// original text; those of the body do not.
TEST(HeadlineTest, HeadlineEntitiesAreFlaggedBodyEntitiesAreNot) {
  const std::vector<Article> articles(std::begin(kConfirmed), std::end(kConfirmed));
  const std::vector<json> lines = Extract(Jsonl(Folder("flags"), articles, false));
  ASSERT_EQ(lines.size(), articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE(articles[i].headline);
    const std::string text = std::string(articles[i].headline) + "\n" + articles[i].body;
    const size_t title_end = std::string(articles[i].headline).size();
    int headline = 0, body = 0;
    for (const json& e : lines[i]["entities"]) {
      const size_t start = e["start"], end = e["end"];
      EXPECT_EQ(text.substr(start, end - start), e["text"]);
      const bool in_title = end <= title_end;
      EXPECT_EQ(e.value("headline", false), in_title) << e.dump();
      (in_title ? headline : body) += 1;
    }
    EXPECT_GE(headline, 2);  // the recipient and the award
    EXPECT_GE(body, 2);      // the place and the date
  }
}

// warta eval scores the body only: headline entities the gold lacks cost
// no precision. The articles' gold names the body's entities alone.
TEST(HeadlineTest, EvalDoesNotScoreHeadlineEntities) {
  const std::string dir = Folder("eval");
  const std::vector<Article> articles(std::begin(kConfirmed), std::end(kConfirmed));
  const std::string input = Jsonl(dir, articles, false);
  {
    std::ofstream gold(dir + "/gold.jsonl");
    const json golds[] = {
        {{"id", input + ":1"}, {"location", {{{"names", {"DKI Jakarta"}}}}}, {"date", {{{"value", "2019-06-10"}}}}},
        {{"id", input + ":2"}, {"location", {{{"names", {"Kota Surabaya"}}}}}, {"date", {{{"value", "2021-08-05"}}}}},
        {{"id", input + ":3"},
         {"agency", {{{"names", {"Komisi Informasi Pusat"}}}}},
         {"location", {{{"names", {"Kota Bandung"}}}}},
         {"date", {{{"value", "2020-12-08"}}}}},
    };
    for (json g : golds) {
      g["published"] = nullptr;
      for (const char* key : {"agency", "award", "date", "location", "count", "awards"})
        if (!g.contains(key)) g[key] = json::array();
      gold << g.dump() << "\n";
    }
  }
  const testing::CommandResult r =
      testing::RunCommand(testing::WartaBinary() + " eval --json --gold " + dir + "/gold.jsonl " + input);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json report = json::parse(r.out);
  for (const char* type : {"agency", "award", "date", "location", "count"}) {
    SCOPED_TRACE(type);
    EXPECT_EQ(report["types"][type]["fp"], 0);
    EXPECT_EQ(report["types"][type]["fn"], 0);
  }
  EXPECT_EQ(report["types"]["location"]["tp"], 3);
}

}  // namespace
}  // namespace warta
