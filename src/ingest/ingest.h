// ingest: turns input paths into a stream of Documents with their raw fields.
//
//   warta::IngestOptions options;              // fields detected automatically
//   std::vector<std::string> files;
//   if (auto s = warta::ExpandInputs({"articles/", "feed.jsonl.gz", "-"}, &files); !s.ok()) ...
//   warta::Reader reader(files, options);
//   warta::Document doc;
//   while (reader.Next(&doc)) { ... doc.error is set for a record that could not be read ... }
//
// Inputs: plain text files (one article each, id = file name stem), JSONL
// files (one article per line), either of them gzip-compressed, folders
// (recursively, in name order) and "-" for standard input. A record that
// cannot be read still yields a Document, with `error` saying where and why.
#pragma once

#include <memory>
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

enum class InputFormat { kAuto, kJsonl, kText };

struct IngestOptions {
  FieldNames fields;
  InputFormat format = InputFormat::kAuto;
};

// Expands folders into their files; checks that every named path exists.
Status ExpandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* files);

class Reader {
 public:
  Reader(std::vector<std::string> files, IngestOptions options);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Fills `doc` (cleared first) with the next record; false when all input is read.
  bool Next(Document* doc);

  // Input bytes consumed so far (compressed size for gzip files is not known;
  // this counts the bytes handed to the parser).
  uint64_t bytes_read() const;

  // JSONL lines skipped so far because they were blank (spaces and tabs
  // only): with the records returned, they account for every line read.
  uint64_t blank_lines() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta
