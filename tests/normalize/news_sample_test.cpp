// The real news sample (../shared/corpus) after normalisation: no working
// text holds mojibake, and each repaired article says so in a warning.
// Skipped when ../shared is absent.
#include <filesystem>
#include <iostream>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "test_paths.h"

namespace warta {
namespace {

TEST(NewsSampleNormalize, NoMojibakeLeftInAnyWorkingText) {
  const std::string sample = testing::SharedDir() + "/corpus/news-sample.jsonl.gz";
  if (!testing::HaveShared() || !std::filesystem::exists(sample)) GTEST_SKIP() << sample << " is absent";
  std::unique_ptr<Normalizer> normalizer;
  ASSERT_TRUE(Normalizer::Load(RulesDir(testing::RulesDirPath()), &normalizer).ok());

  // UTF-8 read as Mac OS Roman (“ ” – ’ no-break space é …) and as
  // Windows-1252 (“ ” é ’ no-break space).
  const char* kMojibake[] = {"‚Äú", "‚Äù", "‚Äì", "‚Äô", "‚Ä¶", "¬†", "√©", "â€œ", "â€™", "â€“", "Ã©", "Â\u00a0"};
  Reader reader({sample}, IngestOptions());
  Document doc;
  int articles = 0, repaired = 0;
  while (reader.Next(&doc)) {
    ++articles;
    normalizer->Process(&doc);
    for (const Warning& w : doc.warnings) repaired += w.kind == "mojibake";
    for (const char* sequence : kMojibake)
      EXPECT_EQ(doc.text.find(sequence), std::string::npos) << doc.id << " still holds " << sequence;
  }
  std::cout << "news sample: " << articles << " articles, " << repaired << " with mojibake repaired\n";
  EXPECT_EQ(articles, 32714);
  EXPECT_GT(repaired, 8000);  // about 8,000 articles of one scraper hold mojibake
}

}  // namespace
}  // namespace warta
