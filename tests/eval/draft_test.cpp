// warta gold-draft's lines: in the gold format, read by ReadGold, and the
// output they come from scores perfectly against them.
#include <fstream>

#include <gtest/gtest.h>

#include "eval/eval.h"

namespace warta::eval {
namespace {

constexpr const char* kOutput = R"J({"id":"d1","title":"T","published":"2019-07-18","entities":[
  {"type":"agency","text":"Pemkot Tangerang","start":0,"end":16,"value":"Pemerintah Kota Tangerang","rule":"r"},
  {"type":"agency","text":"Pemerintah Kota Tangerang","start":30,"end":55,"value":"Pemerintah Kota Tangerang","rule":"r"},
  {"type":"agency","text":"pemkot tangerang","start":60,"end":76,"value":"Pemerintah Kota Tangerang","rule":"r"},
  {"type":"award","text":"Top 99 Inovasi Pelayanan Publik 2019","start":80,"end":116,"value":"Top 99 Inovasi Pelayanan Publik","year":2019,"rule":"r"},
  {"type":"location","text":"Semarang","start":120,"end":128,"value":"Kota Semarang","code":"33.74","rule":"r"},
  {"type":"date","text":"Kamis (18/7)","start":130,"end":142,"value":"2019-07-18","rule":"r"},
  {"type":"count","text":"19 inovasi","start":150,"end":160,"value":19,"unit":"inovasi","rule":"r"},
  {"type":"agency","text":"Kemenkumham","start":0,"end":11,"value":"Kementerian Hukum dan Hak Asasi Manusia","rule":"r","headline":true}],
 "awards":[{"award":"Top 99 Inovasi Pelayanan Publik","year":2019,"year_given":null,"recipient":"Pemerintah Kota Tangerang",
  "parent":null,"organizer":null,"date":"2019-07-18","location":"Kota Semarang","tier":null,
  "evidence":[{"start":0,"end":160,"text":"..."}],"rule":"f"}],"warnings":[]})J";

TEST(DraftGoldTest, DraftIsGoldThatItsOwnOutputScoresPerfectlyOn) {
  Prediction p;
  ASSERT_TRUE(ParsePrediction(kOutput, &p).ok());
  const std::string draft = DraftGoldLine(p);
  EXPECT_NE(draft.find(R"("agency":[{"names":["Pemerintah Kota Tangerang","Pemkot Tangerang"]}])"), std::string::npos)
      << "aliases from each surface form, one per comparison key, headline entities left out: " << draft;
  EXPECT_NE(draft.find(R"("recipient":["Pemerintah Kota Tangerang","Pemkot Tangerang"])"), std::string::npos) << draft;
  EXPECT_NE(draft.find(R"("location":["Kota Semarang","Semarang"])"), std::string::npos) << draft;
  EXPECT_NE(draft.find(R"("count":[{"unit":"inovasi","value":19}])"), std::string::npos) << draft;
  EXPECT_NE(draft.find(R"("notes":"DRAFT)"), std::string::npos);
  EXPECT_EQ(draft.rfind(R"({"id":"d1","published":"2019-07-18","agency":)", 0), 0u) << draft;

  const std::string path = ::testing::TempDir() + "/draft.gold.jsonl";
  std::ofstream(path) << draft << "\n";
  std::vector<GoldArticle> gold;
  ASSERT_TRUE(ReadGold(path, &gold).ok());
  const Report report = Score(gold, {p});
  for (EntityType t : kEntityTypes) {
    EXPECT_EQ(report.Type(t).fp + report.Type(t).fn, 0) << EntityTypeName(t);
    EXPECT_GT(report.Type(t).tp, 0) << EntityTypeName(t);
  }
  EXPECT_EQ(report.records.tp, 1);
  EXPECT_EQ(report.record_location.correct, 1);
}

TEST(DraftGoldTest, AnArticleWithAnErrorHasNoDraft) {
  Prediction p;
  ASSERT_TRUE(ParsePrediction(R"({"id":"e","error":"x.jsonl:3: not JSON"})", &p).ok());
  EXPECT_EQ(DraftGoldLine(p), "");
}

}  // namespace
}  // namespace warta::eval
