// Helpers shared by the eval sources; not part of the eval API.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/status.h"

namespace warta::eval::internal {

// Parses one JSON line; a syntax error becomes "not valid JSON: <where and why>".
Status ParseJsonLine(std::string_view line, nlohmann::json* out);

// `YYYY-MM-DD` (a real calendar day) or, when `allow_month` is set, `YYYY-MM`.
bool IsDate(std::string_view s, bool allow_month);

// A count's number as written in reports: 3054, 37.93.
std::string FormatNumber(double number);

// A JSON integer that fits an int (years).
bool IsInt(const nlohmann::json& j);

}  // namespace warta::eval::internal
