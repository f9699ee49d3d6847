// Pieces used by gold reading, prediction parsing and scoring alike.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <charconv>
#include <limits>
#include <stdexcept>

#include "eval/eval.h"
#include "eval/eval_internal.h"

namespace warta::eval {

std::string ComparisonKey(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) {
    folded = nfkc_casefold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                          text.data(), static_cast<int32_t>(text.size()))),
                                      status);
  }
  // The ICU data is part of the library: failing here means a broken install,
  // and comparing unnormalised text would silently change every figure.
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));

  icu::UnicodeString key;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == '-' || c == '.' || c == '(' || c == ')') {
      pending_space = !key.isEmpty();
      continue;
    }
    if (pending_space) key.append(u' ');
    pending_space = false;
    key.append(c);
  }
  std::string utf8;
  return key.toUTF8String(utf8);
}

namespace internal {

Status ParseJsonLine(std::string_view line, nlohmann::json* out) {
  try {
    *out = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix: the reader
    // wants the position and the reason.
    std::string_view what = e.what();
    if (size_t close = what.find("] "); close != std::string_view::npos)
      what.remove_prefix(close + 2);
    return Status::Error("not valid JSON: " + std::string(what));
  }
  return {};
}

bool IsDate(std::string_view s, bool allow_month) {
  if (s.size() != 10 && !(allow_month && s.size() == 7)) return false;
  auto number = [&](size_t from, size_t len, int* value) {
    *value = 0;
    for (char c : s.substr(from, len)) {
      if (c < '0' || c > '9') return false;
      *value = *value * 10 + (c - '0');
    }
    return true;
  };
  int year = 0, month = 0, day = 0;
  if (!number(0, 4, &year) || s[4] != '-' || !number(5, 2, &month)) return false;
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !number(8, 2, &day)) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= last;
}

std::string FormatNumber(double number) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number);
  return std::string(buf, end);
}

bool IsInt(const nlohmann::json& j) {
  if (j.is_number_unsigned())
    return j.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max());
  if (!j.is_number_integer()) return false;
  int64_t v = j.get<int64_t>();
  return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
}

}  // namespace internal
}  // namespace warta::eval
