// The one document every stage works on: ingest fills the raw fields,
// normalize the working text and its offset map, segment the structure,
// extract the entities, assemble the award records; output writes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/offset_map.h"

namespace warta {

// A byte range [begin, end) in the working text.
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Sentence {
  Range range;
  uint32_t paragraph = 0;  // index of the paragraph (input line) it lies in
  bool is_title = false;
};

enum class EntityType { kAgency, kAward, kDate, kLocation, kCount };
const char* EntityTypeName(EntityType type);

struct Entity {
  EntityType type = EntityType::kAgency;
  Range range;           // in the working text
  uint32_t start = 0;    // in the original text, code points
  uint32_t end = 0;      // exclusive
  std::string text;      // original text between start and end
  std::string value;     // normalised value (count: as written by FormatNumber)
  double number = 0;     // count value
  std::string acronym;   // agency, optional
  std::string code;      // location, optional
  std::string unit;      // count
  std::optional<int> year;  // award
  std::string rule;      // "rules/file:line" or "rules/file:name"
  bool headline = false; // found in the title line of the text, not the body
};

// Where a record's organizer, date or place was read: its own sentence, a
// later sentence that refers back to it, elsewhere in the article (the body
// shown giving the award), the ceremony sentence, or the award's default in
// rules/awards.tsv (organizer only: the article named none).
enum class ValueSource { kSentence, kReference, kArticle, kCeremony, kRules };
const char* ValueSourceName(ValueSource source);

struct AwardRecord {
  std::string award;
  std::optional<int> year;        // audit opinions: the fiscal year (rules/records.toml fiscal_year_awards)
  std::optional<int> year_given;  // and then the year it was given, where it differs
  std::string recipient;
  std::optional<std::string> parent;  // the body the recipient is a unit of, where the article names it
  std::vector<std::string> units;
  std::vector<std::string> innovations;
  std::optional<std::string> organizer, date, location;
  std::optional<ValueSource> organizer_from, date_from, location_from;  // set with the value
  std::optional<std::string> tier;  // a grade of the award: "Nindya", "Informatif", "I" (peringkat I)
  std::vector<Range> evidence;  // original code point ranges
  std::string rule;             // what made it: a frame ("rules/frames.toml:LINE:name") or a clause rule
};

struct Warning {
  std::string kind;     // short key for summaries: "invalid-utf8", "weekday-mismatch", ...
  std::string message;  // what a reader sees
};

struct Document {
  // --- ingest
  std::string id;
  std::string origin;        // "file:line" for JSONL, the path for text files
  std::string original;      // input text, valid UTF-8 (ingest repairs bad bytes)
  std::optional<std::string> title_field, date_field, url;
  std::string error;         // non-empty: the record could not be read or processed

  // --- normalize
  std::string text;          // working text: one paragraph per line
  OffsetMap map;             // working bytes -> original code points

  // --- segment
  std::optional<std::string> title;
  std::optional<std::string> published; // YYYY-MM-DD
  std::optional<Range> dateline;        // place name of a dateline ("JAKARTA")
  std::vector<Range> paragraphs;        // body lines, header lines excluded
  std::vector<Sentence> sentences;

  // --- extract, assemble
  std::vector<Entity> entities;
  std::vector<AwardRecord> awards;

  std::vector<Warning> warnings;

  void Warn(std::string kind, std::string message) {
    warnings.push_back({std::move(kind), std::move(message)});
  }
  // Working-text slice.
  std::string_view Slice(Range r) const {
    return std::string_view(text).substr(r.begin, r.end - r.begin);
  }
};

}  // namespace warta
