#include "core/regex.h"

#include <cstdint>
#include <cstring>

#include "core/rules_file.h"

namespace warta {

Status Regex::Compile(const std::string& pattern, const RE2::Options& options, const std::string& where,
                      std::unique_ptr<Regex>* out) {
  auto regex = std::make_unique<Regex>();
  if (Status s = CompileRule(pattern, options, where, &regex->utf8_); !s.ok()) return s;
  RE2::Options bytes_options = options;
  bytes_options.set_encoding(RE2::Options::EncodingLatin1);
  bytes_options.set_log_errors(false);
  auto bytes = std::make_unique<RE2>(pattern, bytes_options);
  // The byte program must number its groups as the UTF-8 one does; a pattern
  // Latin-1 cannot read keeps to UTF-8.
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
  static const RE2 kBoundedRepeat("\\{(\\d+),\\d+\\}");
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
