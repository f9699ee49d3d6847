// output: writes Documents as JSONL records (../shared/spec/output.md), CSV
// tables and an SQLite dataset.
//
//   std::unique_ptr<warta::RecordWriter> out;
//   if (auto s = warta::OpenWriter(warta::OutputFormat::kSqlite, "awards.sqlite", &out); !s.ok()) ...
//   if (auto s = out->Write(doc); !s.ok()) ...   // stop: the destination failed
//   if (auto s = out->Close(); !s.ok()) ...      // SQLite: nothing is committed unless this succeeds
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace warta {

// The output record of one document as one line of JSON (no line break),
// fields in the order of the spec.
std::string RecordJson(const Document& doc);

enum class OutputFormat { kJsonl, kCsv, kSqlite };

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual Status Write(const Document& doc) = 0;
  virtual Status Close() = 0;
};

// Where each of `formats` writes, given `-o` (nullopt: not given), one path
// per format for OpenWriter:
// - jsonl alone: standard output ("-") unless -o names a file;
// - jsonl or sqlite alone: -o is the file, as given;
// - csv, or several formats: -o is a base name, without a trailing
//   extension of one of the formats (both.sqlite -> both); each format adds
//   its own: BASE.jsonl, BASE.sqlite, the CSV prefix BASE. The default base
//   is "warta".
// Refused: "-" for anything but jsonl alone, and an -o ending in the
// extension of a format not asked for (records.jsonl with --format csv).
Status OutputPaths(const std::vector<OutputFormat>& formats, const std::optional<std::string>& output,
                   std::vector<std::string>* paths);

struct WriterOptions {
  // SQLite: a run writes in one transaction, so a second writer of the same
  // dataset waits until the first commits, at most this long; then it fails
  // with a busy Status (Status::busy()).
  double lock_timeout_seconds = kDefaultLockTimeoutSeconds;
  static constexpr int kDefaultLockTimeoutSeconds = 600;
};

// Opens a writer. `path`: the JSONL file ("" or "-": standard output), the
// prefix of the CSV files (PREFIX.articles.csv, PREFIX.entities.csv,
// PREFIX.awards.csv), or the SQLite database (created, or updated in place).
Status OpenWriter(OutputFormat format, const std::string& path, std::unique_ptr<RecordWriter>* out,
                  const WriterOptions& options = {});

}  // namespace warta
