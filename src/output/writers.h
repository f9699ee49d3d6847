// The CSV and SQLite writers behind OpenWriter (output.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "output/output.h"

namespace warta {

Status OpenCsvWriter(const std::string& prefix, std::unique_ptr<RecordWriter>* out);
Status OpenSqliteWriter(const std::string& path, double lock_timeout_seconds, std::unique_ptr<RecordWriter>* out);

// "a; b; c": lists (units, innovations) in one cell.
std::string JoinList(const std::vector<std::string>& items);

// A count's value as written: 3054, 37.93.
std::string FormatNumber(double number);

}  // namespace warta
