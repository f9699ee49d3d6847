// output: writes Documents as JSONL records (../shared/spec/output.md), CSV
// tables and an SQLite dataset.
//
//   std::unique_ptr<warta::RecordWriter> out;
//   if (auto s = warta::OpenWriter(warta::OutputFormat::kSqlite, "awards.sqlite", &out); !s.ok()) ...
//   if (auto s = out->Write(doc); !s.ok()) ...   // stop: the destination failed
//   if (auto s = out->Close(); !s.ok()) ...      // SQLite: nothing is committed unless this succeeds
#pragma once

#include <memory>
#include <string>

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

// Opens a writer. `path`: the JSONL file ("" or "-": standard output), the
// prefix of the CSV files (PREFIX.entities.csv, PREFIX.awards.csv), or the
// SQLite database (created, or updated in place).
Status OpenWriter(OutputFormat format, const std::string& path, std::unique_ptr<RecordWriter>* out);

}  // namespace warta
