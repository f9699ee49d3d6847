// Scoring warta's output against annotated gold (shared/spec/annotation.md).
//
//   std::vector<warta::eval::GoldArticle> gold;
//   if (Status s = warta::eval::ReadGold("dev/real.gold.jsonl", &gold); !s.ok()) ...
//   std::vector<warta::eval::Prediction> predictions;
//   for (each line of warta's output) {
//     warta::eval::Prediction p;
//     if (Status s = warta::eval::ParsePrediction(line, &p); !s.ok()) ...
//     predictions.push_back(std::move(p));
//   }
//   warta::eval::Report report = warta::eval::Score(gold, predictions);
//   std::cout << warta::eval::FormatReport(report);
//   warta::eval::Thresholds min;
//   if (Status s = warta::eval::ParseThresholds("date=0.95,record=0.8", &min); !s.ok()) ...
//   for (const std::string& failure : warta::eval::FailedThresholds(report, min)) ...
//
// Figures with nothing to count are 1.0: precision without predictions (nothing
// wrongly found), recall without gold items (nothing to find), an accuracy over
// no cases. So a type with no gold and no predictions scores 1.0 everywhere.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace warta::eval {

using warta::EntityType;  // with EntityTypeName: the gold keys and output `type`s
inline constexpr size_t kEntityTypeCount = 5;
inline constexpr std::array<EntityType, kEntityTypeCount> kEntityTypes = {
    EntityType::kAgency, EntityType::kAward, EntityType::kDate, EntityType::kLocation,
    EntityType::kCount};


// The form in which strings are compared: NFKC with case folding, whitespace
// and the characters - . ( ) collapsed to single spaces, trimmed.
std::string ComparisonKey(std::string_view text);

struct GoldItem {
  // agency, award, location: the aliases. date: the value, then its alts.
  // count: empty.
  std::vector<std::string> names;
  double number = 0;               // count only
  std::vector<std::string> units;  // count only: the acceptable unit words
  bool optional = false;
};

struct GoldRecord {
  std::vector<std::string> award;      // aliases
  std::optional<int> year;             // null: any year matches
  std::vector<std::string> recipient;  // aliases
  // Null ones are not scored.
  std::optional<std::vector<std::string>> organizer;
  std::optional<std::string> date;
  std::optional<std::vector<std::string>> location;
  bool optional = false;
};

struct GoldArticle {
  std::string id;
  std::optional<std::string> published;
  std::array<std::vector<GoldItem>, kEntityTypeCount> items;  // indexed by EntityType
  std::vector<GoldRecord> records;

  const std::vector<GoldItem>& Items(EntityType t) const { return items[static_cast<size_t>(t)]; }
};

// Reads a gold JSONL file; blank lines are skipped. A line that breaks the
// format fails the whole read with `path:line: what is wrong`.
Status ReadGold(const std::string& path, std::vector<GoldArticle>* out);

struct PredictedEntity {
  EntityType type = EntityType::kAgency;
  std::string value;  // all types but count
  double number = 0;  // count
  std::string unit;   // count
  std::string text;   // shown in the report only; empty when absent
  std::string rule;   // shown in the report only; empty when absent
};

struct PredictedRecord {
  std::string award;
  std::optional<int> year;
  std::string recipient;
  std::optional<std::string> organizer, date, location;
};

struct Prediction {
  std::string id;
  std::optional<std::string> published;
  std::vector<PredictedEntity> entities;
  std::vector<PredictedRecord> records;
  std::optional<std::string> error;  // set: the article produced no output
};

// Parses one line of warta's output (shared/spec/output.md). Fields that are
// scored must be present and well typed; `text` and `rule` are optional.
// A line with `error` only needs its id.
Status ParsePrediction(std::string_view json_line, Prediction* out);

// How a predicted value is named in a Mistake's `value`: the value, for a
// count "3054 inovasi".
std::string ShownValue(const PredictedEntity& entity);
// How a record is named in a Mistake's `value`: "award 2019: recipient".
std::string RecordLabel(const std::string& award, std::optional<int> year, const std::string& recipient);

// A false positive or false negative, as shown to the reader.
struct Mistake {
  std::string article_id;
  std::string value;  // FP: the predicted value; FN: the gold item's first name / value
  std::string text;   // FP of an entity: the mention that produced it
  std::string rule;   // FP of an entity: the rule that produced it
};

struct TypeScore {
  int tp = 0, fp = 0, fn = 0;
  std::vector<Mistake> false_positives, false_negatives;  // sorted by article id

  double Precision() const;
  double Recall() const;
  double F1() const;
};

// A scored attribute (published, or a matched record's organizer, date,
// location) that came out wrong.
struct Mismatch {
  std::string article_id;
  std::string subject;  // records: "award year: recipient"; published: empty
  std::string expected, got;
};

struct Accuracy {
  int correct = 0, total = 0;
  std::vector<Mismatch> wrong;  // sorted by article id
  double Value() const;
};

struct MissingArticle {
  std::string id;
  std::string error;  // the prediction's `error`; empty when there was no line
};

struct Report {
  size_t gold_articles = 0;
  std::array<TypeScore, kEntityTypeCount> types;  // indexed by EntityType
  TypeScore records;
  Accuracy published;                                // over gold articles with a non-null published
  Accuracy organizer, record_date, record_location;  // over matched records
  std::vector<MissingArticle> missing;               // gold ids without usable output
  std::vector<std::string> not_in_gold;              // prediction ids, ignored
  std::vector<std::string> duplicate_predictions;    // ids seen again; only the first is scored

  const TypeScore& Type(EntityType t) const { return types[static_cast<size_t>(t)]; }
};

// Scores per annotation.md's Scoring section. Matching is a maximum matching
// of distinct predicted values to required gold items (most true positives).
// A value left unmatched is a false positive only when it fits no gold item:
// one fitting an optional item, or an item another value took (another name
// of the same thing), is set aside.
// Count units agree when equal or when one is a word of the other.
Report Score(const std::vector<GoldArticle>& gold, const std::vector<Prediction>& predictions);

// A readable table of the figures, then every miss with article id and value.
std::string FormatReport(const Report& report);

// The figures as one JSON object (no lists of mistakes).
std::string ReportJson(const Report& report);

// A gold line (annotation.md) drafted from one article's output, for a person
// to correct: every value with each surface form found as its names, every
// record with its attributes, and a `notes` that marks it a draft. An
// article with an error has none: returns "".
std::string DraftGoldLine(const Prediction& prediction);

// Minimum figures, in the order given. Keys: agency, award, date, location,
// count, record (F1 each), the same with .p or .r for precision or recall
// (agency.p, record.r); published, organizer, record_date, record_location
// (accuracies).
struct Thresholds {
  std::vector<std::pair<std::string, double>> minimums;
};

// Parses `agency=0.9,agency.p=0.95,date.r=0.9`; values lie in [0, 1]. An
// unknown key is an error that lists the known ones.
Status ParseThresholds(std::string_view spec, Thresholds* out);

// One message per figure below its minimum, e.g. `date F1 0.933 < 0.950`.
std::vector<std::string> FailedThresholds(const Report& report, const Thresholds& thresholds);

}  // namespace warta::eval
