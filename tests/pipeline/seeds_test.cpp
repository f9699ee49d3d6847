// The five seed articles of ../shared, end to end through the binary.
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace warta {
namespace {

TEST(SeedsTest, IdsTitlesPublishedAndNoBoilerplate) {
  if (!testing::HaveShared()) GTEST_SKIP() << "../shared is absent";
  auto [status, out] = testing::RunCommand(testing::WartaBinary() + " extract -q " + testing::SharedDir() + "/seeds");
  ASSERT_EQ(status, 0);
  std::map<std::string, nlohmann::json> records;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    records[j["id"]] = j;
  }
  ASSERT_EQ(records.size(), 5u);
  const struct {
    const char* id;
    const char* title;
    const char* published;  // nullptr: none
  } expected[] = {
      {"000_ffb1eda5c875ab1d", "Kemenperin Sabet Tiga Penghargaan Inovasi Pelayanan Publik", nullptr},
      {"001_49efbc39208b1a42", "Kemenperin Raih Nilai Tertinggi Layanan Publik", "2015-12-18"},
      {"002_8c354bbbb1ee8e4f", "Tingkatkan Kualitas Pelayanan Publik, Kementerian PANRB Dorong Budaya Berinovasi",
       "2024-11-21"},
      {"003_3d60c09db22f6006", "Dua UPT Kemsos Raih Penghargaan Inovasi Pelayanan Publik", nullptr},
      {"004_af5b380e3946a571", "Pemkot Boyong Tiga Penghargaan Inovasi Publik", "2019-07-18"},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.id);
    ASSERT_TRUE(records.count(e.id));
    const auto& r = records[e.id];
    EXPECT_EQ(r["title"], e.title);
    if (e.published) EXPECT_EQ(r["published"], e.published);
    else EXPECT_TRUE(r["published"].is_null());
    EXPECT_TRUE(r["entities"].is_array());
    EXPECT_TRUE(r["awards"].is_array());
    EXPECT_FALSE(r.contains("error"));
  }
}

TEST(SeedsTest, NoBoilerplateInsideAnySentence) {
  if (!testing::HaveShared()) GTEST_SKIP() << "../shared is absent";
  auto [status, out] = testing::RunCommand(testing::WartaBinary() + " show " + testing::SharedDir() + "/seeds");
  ASSERT_EQ(status, 0);
  // Lines of the seeds' page furniture, each of which must be gone.
  for (const char* boilerplate :
       {"Loading", "CATEGORIES", "TAGS", "A A A", "facebook", "URL berhasil dicopy", "See also", "Berita Terkait",
        "Wujudkan Ketahanan Pangan", "Menteri Rini Sampaikan", "Tuesday, 1 July 2025", "Berita Terbaru",
        "LEAVE A REPLY", "Please enter your", "Copyright", "All Rights Reserved", "rendering in", "Dibaca",
        "Artikel Terkait", "Komentar", "Captcha"}) {
    SCOPED_TRACE(boilerplate);
    EXPECT_EQ(out.find(boilerplate), std::string::npos);
  }
  EXPECT_NE(out.find("Haris menjelaskan"), std::string::npos);  // the article itself is there
}

}  // namespace
}  // namespace warta
