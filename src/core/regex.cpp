#include "core/regex.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <cstring>
#include <optional>

#include "core/rules_file.h"

namespace warta {
namespace {

// The pattern for the byte program: every non-ASCII character becomes one
// byte that ASCII text never holds (\x{FF}), so that each stays one atom
// ("’?" must stay optional as a whole, not in its last byte) and matches,
// as in UTF-8, nothing of an ASCII text. None when that would not be the same
// on ASCII: text quoted with \Q...\E, or the two characters case folding
// takes to ASCII letters (KELVIN SIGN to k, LONG S to s).
std::optional<std::string> BytePattern(std::string_view pattern) {
  if (pattern.find("\\Q") != std::string_view::npos || pattern.find("\u212A") != std::string_view::npos ||
      pattern.find("\u017F") != std::string_view::npos)
    return std::nullopt;
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    const auto c = static_cast<unsigned char>(pattern[i]);
    if (c == '\\') {  // an escape: RE2 takes only ASCII ones
      out.append(pattern.substr(i, 2));
      i += 2;
    } else if (c >= 0x80) {
      out += "\\x{FF}";
      for (++i; i < pattern.size() && (static_cast<unsigned char>(pattern[i]) & 0xC0) == 0x80;) ++i;
    } else {
      out.push_back(pattern[i++]);
    }
  }
  return out;
}

}  // namespace

Status Regex::Compile(const std::string& pattern, const RE2::Options& options, const std::string& where,
                      std::unique_ptr<Regex>* out) {
  auto regex = std::make_unique<Regex>();
  if (Status s = CompileRule(pattern, options, where, &regex->utf8_); !s.ok()) return s;
  const std::optional<std::string> byte_pattern = BytePattern(pattern);
  if (!byte_pattern) {
    *out = std::move(regex);
    return {};
  }
  RE2::Options bytes_options = options;
  bytes_options.set_encoding(RE2::Options::EncodingLatin1);
  bytes_options.set_log_errors(false);
  auto bytes = std::make_unique<RE2>(*byte_pattern, bytes_options);
  // The byte program must number its groups as the UTF-8 one does; a pattern
  // Latin-1 cannot read (\x{2019}) keeps to UTF-8.
  if (bytes->ok() && bytes->NumberOfCapturingGroups() == regex->utf8_->NumberOfCapturingGroups())
    regex->bytes_ = std::move(bytes);
  *out = std::move(regex);
  return {};
}

bool Regex::Match(std::string_view text, size_t pos, bool ascii, RE2::Anchor anchor, re2::StringPiece* groups,
                  int n) const {
  if (ascii || n <= 1 || !bytes_) return For(ascii).Match(text, pos, text.size(), anchor, groups, n);
  re2::StringPiece whole;
  if (!utf8_->Match(text, pos, text.size(), anchor, &whole, 1)) return false;
  const size_t begin = static_cast<size_t>(whole.data() - text.data());
  return For(IsAscii(whole)).Match(text, begin, begin + whole.size(), RE2::ANCHOR_BOTH, groups, n);
}

std::string Loosened(std::string_view pattern) {
  // Copies escapes, \Q...\E and classes whole (their braces are literal)
  // and rewrites the rest's {m,n}.
  // As RE2 reads a repeat: no leading zeros (RE2 reads "{01,3}" as text).
  static const RE2 kBoundedRepeat("\\{(0|[1-9][0-9]{0,7}),(?:0|[1-9][0-9]{0,7})\\}");
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size();) {
    size_t to = i + 1;
    if (pattern.compare(i, 2, "\\Q") == 0) {
      const size_t end = pattern.find("\\E", i);
      to = end == std::string_view::npos ? pattern.size() : end + 2;
    } else if (pattern[i] == '\\') {
      to = i + 2;
    } else if (pattern[i] == '[') {
      to = i + 1;
      if (to < pattern.size() && pattern[to] == '^') ++to;
      if (to < pattern.size() && pattern[to] == ']') ++to;  // a leading ] is literal
      while (to < pattern.size() && pattern[to] != ']') {
        const size_t posix = pattern.compare(to, 2, "[:") == 0 ? pattern.find(":]", to + 2) : std::string_view::npos;
        to = pattern[to] == '\\' ? to + 2 : posix != std::string_view::npos ? posix + 2 : to + 1;
      }
      ++to;
    } else if (pattern[i] == '{') {
      re2::StringPiece rest(pattern.substr(i)), least;
      if (RE2::Consume(&rest, kBoundedRepeat, &least)) {
        out.append("{").append(least.data(), least.size()).append(",}");
        i = pattern.size() - rest.size();
        continue;
      }
    }
    to = std::min(to, pattern.size());
    out.append(pattern.substr(i, to - i));
    i = to;
  }
  return out;
}

bool RuleSet::Add(std::string_view pattern, std::string* error) {
  if (set_.Add(Loosened(pattern), error) < 0) return false;
  ++size_;
  return true;
}

void RuleSet::Match(std::string_view text, std::vector<int>* ids) const {
  ids->clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!set_.Match(text, ids, &info) && info.kind != RE2::Set::kNoError) {
    ids->resize(static_cast<size_t>(size_));
    std::iota(ids->begin(), ids->end(), 0);
    return;
  }
  std::sort(ids->begin(), ids->end());
}

bool IsAscii(std::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  for (uint64_t word; n >= 8; p += 8, n -= 8) {
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; n > 0; ++p, --n)
    if (static_cast<unsigned char>(*p) & 0x80) return false;
  return true;
}

}  // namespace warta
