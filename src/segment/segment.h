// segment: finds the page structure in the working text.
//
//   std::unique_ptr<warta::Segmenter> segmenter;
//   if (auto s = warta::Segmenter::Load(rules, calendar, options, &segmenter); !s.ok()) ...
//   segmenter->Survey(*doc.date_field);     // optional first pass, every record
//   segmenter->Process(&doc);
//   for (const auto& c : segmenter->DateOrderChoices()) std::cerr << c.Describe() << "\n";
//
// Reads doc.text (normalised) and fills doc.title, doc.published (from the
// input's date field, else a header line such as "Jum'at, 18 Desember 2015 -
// 11:53 WIB"), doc.dateline, doc.paragraphs (body lines: header lines left
// out) and doc.sentences (ICU sentence breaks that never fall after an
// abbreviation of rules/abbreviations.txt).
//
// Numeric publication dates in date fields ("05/06/2025") are day first or
// month first by source. One Segmenter serves one batch and tells the two
// apart per shape of the field (digits, separators, labels: "Kompas.com-
// #/#/#, #:# WIB" is not "#/#/# #:#") from the values of that shape that
// read only one way (a number above 12); ambiguous values are read the way
// most of those do. The evidence is either a survey, Survey() called for
// every record's date field before any is processed (a first pass over the
// input: decisions then depend neither on order nor on threads), or, without
// one, the records processed so far, the current one included (for a
// stream that cannot be read twice). An ambiguous value whose shape has no
// evidence is read day first (the Indonesian order) with a
// "date-order-guessed" warning. SegmentOptions::date_order overrides;
// DateOrderChoices() reports the decisions for the batch summary. Dates in
// header lines of the text are read day first when both orders are valid.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/date_patterns.h"
#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"

namespace warta {

enum class DateOrder { kAuto, kDayFirst, kMonthFirst };

// Parses "dmy", "mdy" or "auto" (for a --date-order option).
std::optional<DateOrder> ParseDateOrder(std::string_view name);

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
    // Numeric day/month pairs: the only order in which the pair is a date
    // (kAuto when both are), and whether both orders give different dates.
    bool numeric = false;
    DateOrder only_order = DateOrder::kAuto;
    bool ambiguous = false;
  };
  // The first date found in `s`. Numeric day/month pairs are read in
  // `order`; kAuto takes the reading that is a valid date, day first when
  // both are.
  std::optional<Result> Parse(std::string_view s, DateOrder order = DateOrder::kAuto) const;

 private:
  PublishedDateParser(const Calendar& calendar, std::vector<DatePattern> patterns, std::unique_ptr<RuleSet> any);
  const Calendar& calendar_;
  std::vector<DatePattern> patterns_;
  std::unique_ptr<RuleSet> any_;  // which patterns may match: most header lines hold no date
};

struct SegmentOptions {
  // kAuto: decided per shape (above); kDayFirst, kMonthFirst: every numeric
  // publication date is read so.
  DateOrder date_order = DateOrder::kAuto;
};

// The day/month order a batch used for one shape of numeric date.
struct DateOrderChoice {
  std::string shape;    // "#/#/# #:#": digits are #, names W (weekday) and M (month)
  std::string example;  // the first value of this shape
  DateOrder order = DateOrder::kAuto;   // kAuto: nothing decided it, read day first
  bool by_option = false;               // set by SegmentOptions, not by the values
  uint64_t day_first = 0, month_first = 0;  // values that read only one way
  uint64_t ambiguous = 0;                   // values that read both ways
  uint64_t guessed = 0;                     // ambiguous values read with no evidence
  // One line for a summary: "date order: month first for "10/21/2025 20:43"
  // (shape #/#/# #:#): 0 values read only day first, 746 only month first,
  // 146 either way".
  std::string Describe() const;
};

class Segmenter {
 public:
  static Status Load(const RulesDir& rules, const Calendar& calendar,
                     std::unique_ptr<Segmenter>* out);
  static Status Load(const RulesDir& rules, const Calendar& calendar, const SegmentOptions& options,
                     std::unique_ptr<Segmenter>* out);
  ~Segmenter();

  // Title, publication date, dateline and body paragraphs; the title line
  // is the document's first sentence. Thread-safe; the per-shape day/month
  // evidence is shared under a lock.
  void Process(Document* doc) const;

  // Breaks each body paragraph of a processed document into sentences (ICU,
  // then the abbreviation list), replacing any body sentences it has. An
  // ICU pass over the whole text: the pipeline runs it only where sentences
  // are read.
  void SplitSentences(Document* doc) const;

  // Counts the day/month evidence of one record's date field. Call it for
  // every record of the batch before processing any; thread-safe.
  void Survey(std::string_view date_field) const;

  // The numeric date shapes seen so far, most frequent first.
  std::vector<DateOrderChoice> DateOrderChoices() const;

 private:
  struct Rules;
  class DateOrders;
  Segmenter(std::unique_ptr<Rules> rules, SegmentOptions options);
  // Reads the publication date of a date field with the day/month order
  // of its shape.
  std::optional<PublishedDateParser::Result> ReadDateField(std::string_view field, Document* doc) const;
  std::unique_ptr<Rules> rules_;
  SegmentOptions options_;
  std::unique_ptr<DateOrders> orders_;
};

// The shape of a date string: digit runs become #, weekday names W, month
// names M, other words lower case, spaces next to punctuation go and other
// runs of spaces become one.
std::string DateShape(std::string_view s, const Calendar& calendar);

}  // namespace warta
