// Publication dates of the real news sample (../shared/corpus): how many of
// the date fields that hold a date warta reads, which shapes it leaves
// unread, and the day/month order it decides per shape from a survey of the
// date fields. Skipped when ../shared is absent. The report goes to
// standard output:
//   build/tests/warta_tests --gtest_filter='NewsSampleDates*'
#include <filesystem>
#include <iostream>
#include <map>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace warta {
namespace {

struct Unread {
  int count = 0;
  std::string example;
};

TEST(NewsSampleDates, PublishedCoverageAndShapesLeftUnread) {
  const std::string sample = testing::SharedDir() + "/corpus/news-sample.jsonl.gz";
  if (!testing::HaveShared() || !std::filesystem::exists(sample)) GTEST_SKIP() << sample << " is absent";
  const RulesDir rules(testing::RulesDirPath());
  std::unique_ptr<Calendar> calendar;
  ASSERT_TRUE(Calendar::Load(rules, &calendar).ok());
  std::unique_ptr<Segmenter> segmenter;
  ASSERT_TRUE(Segmenter::Load(rules, *calendar, &segmenter).ok());

  // As the CLI does for files: a survey of the date fields first.
  Document in;
  for (Reader survey({sample}, IngestOptions()); survey.Next(&in);)
    if (in.date_field) segmenter->Survey(*in.date_field);
  Reader reader({sample}, IngestOptions());
  int records = 0, with_date = 0, read = 0;
  std::map<std::string, Unread> unread, no_date;  // by shape
  while (reader.Next(&in)) {
    ++records;
    // Only the date field: the text's own header lines are not asked.
    Document doc;
    doc.date_field = in.date_field;
    segmenter->Process(&doc);
    const std::string field = in.date_field.value_or("");
    // A field holds a date when it has a digit ("Tidak Ditemukan" and bare
    // labels do not).
    const bool holds_date = field.find_first_of("0123456789") != std::string::npos;
    with_date += holds_date;
    if (doc.published) {
      read += holds_date;
      continue;
    }
    Unread& bucket = (holds_date ? unread : no_date)[DateShape(field, *calendar)];
    if (bucket.count++ == 0) bucket.example = in.date_field ? "\"" + field + "\"" : "(no date field)";
  }

  const double coverage = with_date ? 100.0 * read / with_date : 0;
  std::cout << "news sample: " << records << " records, " << with_date << " with a date in the date field, "
            << read << " read (" << coverage << "%)\n";
  for (const auto& [shape, u] : unread)
    std::cout << "  unread shape \"" << shape << "\": " << u.count << " (e.g. " << u.example << ")\n";
  for (const auto& [shape, u] : no_date)
    std::cout << "  no date: \"" << shape << "\": " << u.count << " (e.g. " << u.example << ")\n";
  for (const DateOrderChoice& c : segmenter->DateOrderChoices()) std::cout << "  " << c.Describe() << "\n";

  EXPECT_EQ(records, 32714);
  EXPECT_GE(coverage, 99.0);
  // Within one shape every value that reads only one way reads the same way.
  for (const DateOrderChoice& c : segmenter->DateOrderChoices()) {
    SCOPED_TRACE(c.Describe());
    EXPECT_TRUE(c.day_first == 0 || c.month_first == 0);
  }
}

}  // namespace
}  // namespace warta
