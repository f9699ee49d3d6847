// ingest: turns input paths into a stream of Documents with their raw fields.
//
//   warta::IngestOptions options;              // fields detected automatically
//   warta::InputList inputs = warta::ExpandInputs({"articles/", "feed.jsonl.gz", "-"});
//   warta::Reader reader(inputs.files, options);
//   warta::Document doc;
//   while (reader.Next(&doc)) { ... doc.error is set for a record that could not be read ... }
//
// Inputs: plain text files (one article each), JSONL files (one article per
// line), either of them gzip-compressed, folders (recursively, in name order,
// only the files that match the globs) and "-" for standard input. A record
// that cannot be read, or a file that cannot be opened (missing, a socket),
// still yields a Document, with `error` saying where and why.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace warta {

// JSON field names; an empty name means "detect": the first present of the
// names common scrapers write (news-please, trafilatura, plain dumps).
struct FieldNames {
  std::string text, title, date, id, url;
};

// The keys a field empty in FieldNames is looked for under, most specific
// first; the first present wins (JSONL records, the Python module's dicts).
struct FieldKeys {
  std::vector<std::string> text, title, date, id, url;
};
extern const FieldKeys kFieldKeys;

enum class InputFormat { kAuto, kJsonl, kText };

struct IngestOptions {
  FieldNames fields;
  InputFormat format = InputFormat::kAuto;
  // When not empty, only the records with one of these ids are returned.
  std::vector<std::string> ids;
  // A record (a JSONL line, a text file) of more bytes than this is not
  // kept in memory: it becomes an error record naming its size, and the rest
  // is read. 0: no limit. One article is processed whole, in about five
  // times its size, so this bounds the memory of any input.
  uint64_t max_article_bytes = kDefaultMaxArticleMb * 1000000;
  static constexpr uint64_t kDefaultMaxArticleMb = 4;
  // Only the publication date field is read from JSONL records (the CLI's
  // date-order survey): other fields are skipped unparsed, text files give
  // records without text.
  bool dates_only = false;
};

// One file to read.
struct InputFile {
  std::string path;
  // The id of its article when it is a text file, and of its error record
  // when it cannot be read: for a file named directly its name without
  // folder and extension ("x" for d/sub/x.txt.gz), for a file found in a
  // folder its path relative to that folder without extension ("sub/x").
  std::string id;
  bool in_folder = false;  // found in a folder: skipped when it looks binary
  uint64_t size = 0;       // bytes as stored (compressed for gzip)
};

struct InputList {
  std::vector<InputFile> files;
  uint64_t skipped_by_name = 0;         // files in folders that no glob matches
  std::optional<uint64_t> total_bytes;  // of all files as stored; unknown with stdin
};

// The globs a folder's files must match when none are given: the article
// formats warta reads.
extern const std::vector<std::string> kDefaultGlobs;

// Expands folders into their files, in name order, keeping those whose
// name matches one of `globs` (fnmatch(3) patterns on the file name; empty:
// kDefaultGlobs). Paths named directly are kept whatever their name, and
// ones that do not exist too: reading them gives their error record.
InputList ExpandInputs(const std::vector<std::string>& inputs, const std::vector<std::string>& globs = {});

// An article's text handed over in memory (the Python module) as a text
// file's content is read: doc->original set, invalid UTF-8 read as
// Windows-1252 with a warning, a whole HTML page an error naming doc->origin.
void ReadText(std::string bytes, Document* doc);

class Reader {
 public:
  Reader(std::vector<InputFile> files, IngestOptions options);
  // Files named directly (no folders): ids are the file names' stems.
  Reader(const std::vector<std::string>& paths, IngestOptions options);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Fills `doc` (cleared first) with the next record; false when all input
  // is read. A record whose id an earlier record had gets a `duplicate-id`
  // warning.
  bool Next(Document* doc);

  // Input bytes handed to the parser so far (decompressed for gzip).
  uint64_t bytes_read() const;

  // Bytes of the input files consumed so far as stored (compressed for
  // gzip), to set against InputList::total_bytes.
  uint64_t file_bytes_read() const;

  // Files found in folders that were skipped because they look binary (a
  // NUL byte in their first 64 KiB).
  uint64_t skipped_binary() const;

  // Records skipped because IngestOptions::ids does not hold their id, and
  // the ids asked for that no record had (so far).
  uint64_t records_not_picked() const;
  std::vector<std::string> ids_not_found() const;

  // Records whose ids were not checked for duplicates: the check remembers a
  // bounded number of ids (kMaxCheckedIds), so that memory stays flat.
  uint64_t ids_unchecked() const;
  static constexpr uint64_t kMaxCheckedIds = 786432;

  // JSONL lines skipped so far because they were blank (spaces and tabs
  // only): with the records returned, they account for every line read.
  uint64_t blank_lines() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta
