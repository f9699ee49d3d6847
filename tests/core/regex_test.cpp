#include "core/regex.h"

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace warta {
namespace {

std::unique_ptr<Regex> MustCompile(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  std::unique_ptr<Regex> regex;
  Status s = Regex::Compile(pattern, options, "test", &regex);
  EXPECT_TRUE(s.ok()) << s.message();
  return regex;
}

using Matcher = std::function<bool(std::string_view text, size_t pos, re2::StringPiece* groups, int n)>;

Matcher Plain(const RE2& re) {
  return [&re](std::string_view text, size_t pos, re2::StringPiece* groups, int n) {
    return re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, n);
  };
}

// Every match in `text` with all its groups, as byte offsets.
std::vector<std::vector<std::pair<int, int>>> AllMatches(const RE2& program, const Matcher& match, std::string_view text) {
  std::vector<re2::StringPiece> groups(program.NumberOfCapturingGroups() + 1);
  std::vector<std::vector<std::pair<int, int>>> out;
  for (size_t pos = 0; pos <= text.size() && match(text, pos, groups.data(), static_cast<int>(groups.size()));) {
    auto& m = out.emplace_back();
    for (const re2::StringPiece& g : groups)
      m.emplace_back(g.data() ? static_cast<int>(g.data() - text.data()) : -1, static_cast<int>(g.size()));
    const size_t end = groups[0].data() - text.data() + groups[0].size();
    pos = end > pos ? end : pos + 1;
  }
  return out;
}

// Patterns of the kinds rules/ holds: Unicode classes, case folding, curly
// quotes inside and outside classes, negated classes, named groups.
const char* const kPatterns[] = {
    R"((?:^|[\s(“"])[^\s.]*(?:[\p{Ll}\p{N})\]"”’,]|\p{Lu}{2})[.!?]+["”’]? ?(,+)(?:[^\s,"'”’]|["'][\p{L}\p{N}]))",
    R"(\b(Dinas|Badan)(?:\s*\([A-Z\d][A-Za-z\d-]{1,14}\))?\s+((?:\p{Lu}[\p{L}\p{N}'’-]*)(?:\s+(?:dan\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*))",
    R"((?i)\b(?P<weekday>senin|selasa|jum’at|jumat)\s*,?\s*(?P<day>\d{1,2})\s+(?P<mname>januari|mei|agustus)\s+(?P<year>\d{4}))",
    R"(\b(?P<title>(?:\p{Lu}[\p{L}\d&'’-]*\s+){1,5}Awards?)(?:\s+(?P<year>(?:19|20)\d\d))?\b)",
    // Non-ASCII characters that may be absent: each stays one atom in the byte program.
    R"((?i)\b(jum’?at|sabtu)\b)",
    R"((a)é*(b))",
    R"((?im)^(loading|memuat)…?$)",
    R"(\b(?P<day>\d{1,2})’?\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b)",
    R"((x)’?(y)[a-é]*)",
};

TEST(RegexTest, BytesAndUtf8FindTheSameOnAsciiText) {
  const std::vector<std::string> texts = {
      "Pemkot Bandung meraih penghargaan.,Dinas Komunikasi dan Informatika Kota Bandung juga.",
      "Kata Wali Kota: \"kami bangga\".,\"Ini hasil kerja,\" ujarnya. S.H.,M.H. tetap. OK.,,,Lanjut",
      "Pada Jumat, 12 Agustus 2022 dan SENIN 3 mei 2021, Badan (BPS) Pusat Statistik hadir.",
      "Top Digital Awards 2021 dan Public Service Award diberikan; CSR Awards juga.",
      "Jumat dan SABTU, ab, xy dan xyz digelar 12.08.2022.\nLoading\nmemuat",
      "",
  };
  for (const char* pattern : kPatterns) {
    auto regex = MustCompile(pattern);
    ASSERT_TRUE(regex->has_byte_program()) << pattern;
    if (std::string_view(pattern).find("\\p{") != std::string_view::npos) {
      EXPECT_LT(regex->For(true).ProgramSize(), regex->utf8().ProgramSize()) << pattern;
    }
    for (const std::string& text : texts) {
      ASSERT_TRUE(IsAscii(text));
      EXPECT_EQ(AllMatches(regex->utf8(), Plain(regex->For(true)), text), AllMatches(regex->utf8(), Plain(regex->utf8()), text))
          << pattern << "\n" << text;
    }
  }
}

TEST(RegexTest, BytesAndUtf8AgreeOnRandomAsciiText) {
  std::mt19937 random(11);
  const std::string alphabet = "aAbBdDiInNsSuU  ..,,,!?\"'()-0123456789\n";
  for (const char* pattern : kPatterns) {
    auto regex = MustCompile(pattern);
    for (int round = 0; round < 300; ++round) {
      std::string text(random() % 80, ' ');
      for (char& c : text) c = alphabet[random() % alphabet.size()];
      EXPECT_EQ(AllMatches(regex->utf8(), Plain(regex->For(true)), text), AllMatches(regex->utf8(), Plain(regex->utf8()), text))
          << pattern << "\n" << text;
    }
  }
}

// On mixed text, Match takes the groups of ASCII matches from the byte
// program: they must be the UTF-8 program's, matches with letters like "É"
// or quotes like "“" in them or beside them included.
TEST(RegexTest, MatchOnMixedTextFindsWhatUtf8Finds) {
  std::mt19937 random(5);
  const std::vector<std::string> alphabet = {"a", "A", "b", "D", "i", "n", "s", "u", " ", " ", ".", ",", ",", "!", "\"",
                                             "'", "(", ")", "1", "2", "\n", "É", "é", "“", "”", "’", "–"};
  for (const char* pattern : kPatterns) {
    auto regex = MustCompile(pattern);
    const Matcher mixed = [&](std::string_view text, size_t pos, re2::StringPiece* groups, int n) {
      return regex->Match(text, pos, IsAscii(text), RE2::UNANCHORED, groups, n);
    };
    for (int round = 0; round < 300; ++round) {
      std::string text;
      for (int k = random() % 60; k > 0; --k) text += alphabet[random() % alphabet.size()];
      EXPECT_EQ(AllMatches(regex->utf8(), mixed, text), AllMatches(regex->utf8(), Plain(regex->utf8()), text))
          << pattern << "\n" << text;
    }
  }
  // Seen through: a match the UTF-8 program finds on non-ASCII text, groups from either program.
  auto regex = MustCompile(kPatterns[0]);
  const std::string text = "Kata “Ébène” lalu pergi.,Dinas itu tutup. Dia bilang “cukup.,Besok”";
  ASSERT_FALSE(IsAscii(text));
  EXPECT_EQ(AllMatches(regex->utf8(), [&](std::string_view t, size_t pos, re2::StringPiece* g, int n) {
              return regex->Match(t, pos, false, RE2::UNANCHORED, g, n);
            }, text).size(), 2u);
}

TEST(RegexTest, NonAsciiTextGetsTheUtf8Program) {
  auto regex = MustCompile(R"(\p{Lu}\p{Ll}+)");
  EXPECT_EQ(&regex->For(false), &regex->utf8());
  const std::string text = "kata Ébène lalu";
  ASSERT_FALSE(IsAscii(text));
  re2::StringPiece m;
  ASSERT_TRUE(regex->For(IsAscii(text)).Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1));
  EXPECT_EQ(m, "Ébène");
}

TEST(RegexTest, OptionalNonAsciiCharactersStayOptional) {
  // "’" is three bytes: read as Latin-1 as it stands, "?" would make only
  // its last byte optional, and "Jumat" would not match.
  for (const char* pattern : {R"(Jum’?at)", R"((?i)jum[’']?at)", R"((?i)jum(?:’|')?at)"}) {
    auto regex = MustCompile(pattern);
    ASSERT_TRUE(regex->has_byte_program()) << pattern;
    EXPECT_TRUE(RE2::PartialMatch("pada Jumat pagi", regex->For(true))) << pattern;
    re2::StringPiece m;
    const std::string mixed = "“Jumat” pagi";
    EXPECT_TRUE(regex->Match(mixed, 0, false, RE2::UNANCHORED, &m, 1)) << pattern;
  }
}

TEST(RegexTest, PatternsTheBytesCannotReadAlikeKeepToUtf8) {
  // A code point Latin-1 has not; quoted text; a character case folding takes to ASCII.
  for (const char* pattern : {R"(\x{2019}s)", R"(\Q’\E?s)", "(?i)\u212A"}) {
    auto regex = MustCompile(pattern);
    EXPECT_FALSE(regex->has_byte_program()) << pattern;
    EXPECT_EQ(&regex->For(true), &regex->utf8());
  }
  EXPECT_TRUE(RE2::PartialMatch("k", MustCompile("(?i)\u212A")->For(true)));  // KELVIN SIGN folds to k
}

TEST(RegexTest, BadPatternIsReportedWithItsPlace) {
  std::unique_ptr<Regex> regex;
  Status s = Regex::Compile("(unclosed", RE2::Options(), "rules/x.toml:3: rule \"y\"", &regex);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("rules/x.toml:3: rule \"y\": bad regex"), std::string::npos) << s.message();
}

TEST(RegexTest, LoosenedOpensBoundedRepeatsOnly) {
  EXPECT_EQ(Loosened(R"((?i)^(?:baca\s+(?:\S+\s+){0,3}selengkapnya.{0,60})$)"),
            R"((?i)^(?:baca\s+(?:\S+\s+){0,}selengkapnya.{0,})$)");
  EXPECT_EQ(Loosened(R"(\p{Lu}{2,5}\d{4}x{1,}?y{2,3}?)"), R"(\p{Lu}{2,}\d{4}x{1,}?y{2,}?)");
  // Braces in classes, escapes and quoted text are literal.
  for (const char* literal : {R"([{1,3}])", R"([]{1,3}])", R"([^]{1,3}])", R"([[:alpha:]{1,3}])", R"(\{1,3})",
                              R"(\Qa{1,3}\E)", R"(\x{2019})", R"(a{,3})"})
    EXPECT_EQ(Loosened(literal), literal);
  EXPECT_EQ(Loosened(R"([x]{1,3}\]{2,4})"), R"([x]{1,}\]{2,})");
  // RE2 reads a repeat with a leading zero as text.
  for (const char* text : {R"(x{01,3})", R"(x{2,03})"}) EXPECT_EQ(Loosened(text), text);
}

// Loosened matches wherever the pattern matches: it may stand for it in a set.
TEST(RegexTest, LoosenedMatchesWhereverThePatternDoes) {
  std::mt19937 random(9);
  const std::vector<std::string> pieces = {"ab", "a", "b", " ", " ", "cd", ".", ":", "!", "1", "23", "\n"};
  for (const char* pattern : {R"((?m)^(?:ab\s+(?:\S+\s+){0,2}cd.{0,3}|a{2,3}b)[.:!]?$)", R"(\d{1,2}:\d{2,3})",
                              R"((?:a|b){1,4}[ c]{2,2})"}) {
    RE2 exact(pattern), loose(Loosened(pattern));
    ASSERT_TRUE(exact.ok() && loose.ok()) << pattern;
    int matched = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      for (int k = random() % 8; k > 0; --k) text += pieces[random() % pieces.size()];
      if (!RE2::PartialMatch(text, exact)) continue;
      ++matched;
      EXPECT_TRUE(RE2::PartialMatch(text, loose)) << pattern << "\n" << text;
    }
    EXPECT_GT(matched, 20) << pattern;  // the test saw matches
  }
}

// A RuleSet names, sorted, every rule that matches: a superset of them is
// allowed (its patterns are loosened), a rule left out is not.
TEST(RegexTest, RuleSetNamesEveryRuleThatMatches) {
  const std::vector<std::string> rules = {R"((?m)^baca juga\s*:.{0,20}$)", R"(\b\d{1,2} (?:mei|juni)\b)",
                                          R"(Awards?)", R"((?i)\bdinas\s+\p{Lu})", R"(\d{4})"};
  RuleSet set{RE2::Options()};
  for (const std::string& rule : rules) ASSERT_TRUE(set.Add(rule, nullptr)) << rule;
  std::string error;
  EXPECT_FALSE(set.Add("(unclosed", &error));  // refused, and takes no id
  EXPECT_NE(error.find("missing )"), std::string::npos) << error;
  ASSERT_TRUE(set.Compile());
  std::vector<int> ids;
  for (const std::string text : {"Pada 12 mei 2024 Dinas Kesehatan meraih Top Awards.\nBaca juga : hasilnya",
                                 "baca juga: x", "tidak ada apa-apa", ""}) {
    set.Match(text, &ids);
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())) << text;
    for (size_t k = 0; k < rules.size(); ++k)
      if (RE2::PartialMatch(text, rules[k])) {
        EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), static_cast<int>(k))) << text << "\n" << rules[k];
      }
  }
  set.Match("Pada 12 mei 2024 Dinas Kesehatan meraih Top Awards.", &ids);
  EXPECT_EQ(ids, (std::vector<int>{1, 2, 3, 4}));
}

TEST(RegexTest, IsAsciiLooksAtEveryByte) {
  for (size_t length = 1; length < 40; ++length)
    for (size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      EXPECT_TRUE(IsAscii(text));
      text[at] = '\xC3';
      EXPECT_FALSE(IsAscii(text)) << length << " " << at;
    }
  EXPECT_TRUE(IsAscii(""));
}

}  // namespace
}  // namespace warta
