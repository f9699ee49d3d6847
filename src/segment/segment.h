// segment: finds the page structure in the working text.
//
//   std::unique_ptr<warta::Segmenter> segmenter;
//   if (auto s = warta::Segmenter::Load(rules, calendar, &segmenter); !s.ok()) ...
//   segmenter->Process(&doc);
//
// Reads doc.text (normalised) and fills doc.title, doc.published (from the
// input's date field, else a header line such as "Jum'at, 18 Desember 2015 -
// 11:53 WIB"), doc.dateline, doc.paragraphs (body lines: header lines left
// out) and doc.sentences (ICU sentence breaks that never fall after an
// abbreviation of rules/abbreviations.txt).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/date_patterns.h"
#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

enum class DateOrder { kAuto, kDayFirst, kMonthFirst };

// Reads publication dates from date fields and header lines with the
// [[published]] patterns of rules/dates.toml.
class PublishedDateParser {
 public:
  static Status Load(const RulesDir& rules, const Calendar& calendar,
                     std::unique_ptr<PublishedDateParser>* out);
  ~PublishedDateParser();

  struct Result {
    CivilDate date;
    std::string rule;          // pattern name
    size_t begin = 0, end = 0; // bytes of `s` matched
  };
  // The first date found in `s`. Numeric day/month pairs are read in
  // `order`; kAuto takes the reading that is a valid date, day first when
  // both are.
  std::optional<Result> Parse(std::string_view s, DateOrder order = DateOrder::kAuto) const;

 private:
  PublishedDateParser(const Calendar& calendar, std::vector<DatePattern> patterns);
  const Calendar& calendar_;
  std::vector<DatePattern> patterns_;
};

class Segmenter {
 public:
  static Status Load(const RulesDir& rules, const Calendar& calendar,
                     std::unique_ptr<Segmenter>* out);
  ~Segmenter();

  // Thread-safe.
  void Process(Document* doc) const;

 private:
  struct Rules;
  explicit Segmenter(std::unique_ptr<Rules> rules);
  std::unique_ptr<Rules> rules_;
};

}  // namespace warta
