// A broken rule file stops warta at start with `rules/<file>:<line>: reason`
// (the binary: the file as the user named it) pointing at the user's line: malformed regexes, duplicate rule names, TSV
// rows with too few columns, unknown keys, for every rule file the
// normalize and CLI tests do not already cover.
#include <algorithm>
#include <chrono>

#include "pipeline/pipeline.h"
#include "robustness.h"

namespace warta::robustness {
namespace {

struct Case {
  const char* name;
  const char* file;
  // The edit: the first line of the shipped file that starts with `anchor`
  // gets `text` inserted after it, or is replaced by it; an empty anchor
  // appends `text` to the file.
  const char* anchor;
  bool replace;
  const char* text;
  int line_in_text;  // the reported line: this line of `text` (1 = its first)
  const char* reason;
};

const Case kCases[] = {
    {"regions_too_few_columns", "regions.tsv", "", false, "99\tprovince\n", 1, "expected 4 tab-separated fields, found 2"},
    {"regions_duplicate_code", "regions.tsv", "", false, "11\tprovince\tAceh Lagi\t\t\n", 1, "duplicate code 11"},
    {"agencies_too_few_columns", "agencies.tsv", "", false, "Badan Contoh Saja\n", 1,
     "expected 2 tab-separated fields, found 1"},
    {"agencies_duplicate_name", "agencies.tsv", "", false, "Kementerian Dalam Negeri\tministry\t\t\t\n", 1,
     "duplicate canonical name \"Kementerian Dalam Negeri\""},
    {"gazetteer_unknown_key", "gazetteer.toml", "[agencies]", false, "positons = [\"Menteri\"]\n", 1,
     "unknown key \"positons\""},
    {"counts_unknown_key", "counts.toml", "[words]", false, "persen = [\"persen\"]\n", 1, "unknown key \"persen\""},
    {"counts_duplicate_key", "counts.toml", "percent = ", false, "percent = [\"%\"]\n", 1,
     "Error while parsing key-value pair: cannot redefine existing array 'percent'"},
    {"dates_bad_regex", "dates.toml", "", false,
     "\n[[date]]\nname = \"rusak\"\npattern = '(?P<day>\\d{1,2}) (?P<mname>{MONTH}'\n", 2, "rule \"rusak\": bad regex"},
    {"dates_duplicate_name", "dates.toml", "", false,
     "\n[[date]]\nname = \"iso_date\"\npattern = '(?P<year>\\d{4})/(?P<month>\\d{2})/(?P<day>\\d{2})'\n", 2,
     "duplicate rule name \"iso_date\""},
    {"dates_unknown_key", "dates.toml", "", false,
     "\n[[published]]\nname = \"slash\"\npattern = '(?P<day>\\d{2})/(?P<month>\\d{2})/(?P<year>\\d{4})'\norder = \"dmy\"\n",
     5, "unknown key \"order\""},
    {"dates_backreference", "dates.toml", "", false,
     "\n[[date]]\nname = \"ulang\"\npattern = '(?P<day>\\d{2})/(?P<month>\\d{2})/(?P<year>\\d{4}) \\1'\n", 2,
     "rule \"ulang\": bad regex: invalid escape sequence: \\1"},
    {"segment_bad_regex", "segment.toml", "not_dateline = ", true, "not_dateline = '^(?:FOTO|VIDEO$'\n", 1,
     "not_dateline: bad regex: missing )"},
    {"awards_bad_known_name", "awards.toml", "", false,
     "\n[[title]]\nname = \"sebelum\"\nknown_name = \"before\"\npattern = '(?P<title>Piala \\p{Lu}\\pL+)'\n", 2,
     "rule \"sebelum\": known_name must be \"opens\" or \"ends\", not \"before\""},
    {"awards_organizer_years", "awards.tsv", "", false, "Piala Contoh\tKementerian Dalam Negeri@2020\t\n", 1,
     "organizer \"Kementerian Dalam Negeri@2020\": write Name@YYYY-YYYY, Name@YYYY- or Name@-YYYY"},
    {"abbreviations_tab", "abbreviations.txt", "", false, "Kab.\tKabupaten\n", 1, "expected one entry per line, found a tab"},
};

// Number of the line of `content` that starts at byte `at`.
int LineAt(const std::string& content, size_t at) {
  return 1 + static_cast<int>(std::count(content.begin(), content.begin() + at, '\n'));
}

TEST(RuleFiles, EachBrokenFileStopsLoadingAtItsLine) {
  Scratch s;
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const fs::path dir = s.dir() / c.name;
    fs::copy(testing::RulesDirPath(), dir);
    const fs::path file = dir / c.file;
    std::string content = ReadFile(file.string());
    ASSERT_FALSE(content.empty());
    if (content.back() != '\n') content += '\n';
    size_t at = content.size();
    if (*c.anchor) {
      const std::string anchor = c.anchor;
      at = content.starts_with(anchor) ? 0 : content.find("\n" + anchor);
      ASSERT_NE(at, std::string::npos) << "the shipped file has no line starting " << anchor;
      if (at > 0) ++at;
      const size_t end = content.find('\n', at) + 1;
      if (c.replace) content.erase(at, end - at);
      else at = end;
    }
    content.insert(at, c.text);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
    const int line = LineAt(content, at) + c.line_in_text - 1;

    std::unique_ptr<Pipeline> pipeline;
    const Status status = Pipeline::Load(RulesDir(dir.string()), &pipeline);
    ASSERT_FALSE(status.ok());
    const std::string expected = "rules/" + std::string(c.file) + ":" + std::to_string(line) + ": " + c.reason;
    EXPECT_EQ(status.message().rfind(expected, 0), 0u) << status.message() << "\nexpected: " << expected;
  }
}

// The pattern that makes a backtracking engine run for ever on a line of
// a's that does not end as it wants is, in RE2, as fast as any other.
TEST(RuleFiles, NestedQuantifiersStayLinear) {
  Scratch s;
  const fs::path dir = s.dir() / "rules";
  fs::copy(testing::RulesDirPath(), dir);
  std::ofstream(dir / "boilerplate.toml", std::ios::app)
      << "\n[[rule]]\nname = \"bencana\"\npattern = '^(a+)+$'\naction = \"line\"\n";
  std::unique_ptr<Pipeline> pipeline;
  const Status status = Pipeline::Load(RulesDir(dir.string()), &pipeline);
  ASSERT_TRUE(status.ok()) << status.message();
  Document doc;
  doc.id = "a";
  doc.original = "Judul\n\n" + std::string(20000, 'a') + "!\n\nPemkot Semarang meraih tiga penghargaan.";
  const auto started = std::chrono::steady_clock::now();
  pipeline->Process(&doc);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_NE(doc.text.find(std::string(20000, 'a') + "!"), std::string::npos);  // not a match: kept
}

TEST(RuleFiles, TheBinaryStopsWithOneLineAndExitCode2) {
  Scratch s;
  const fs::path dir = s.dir() / "rules";
  fs::copy(testing::RulesDirPath(), dir);
  const std::string regions = (dir / "regions.tsv").string();
  const int lines = LineAt(ReadFile(regions), ReadFile(regions).size());
  std::ofstream(regions, std::ios::app) << "35.99\tregency\n";
  const std::string input = s.Write("berita.txt", "Judul\n\nPemkot Gresik meraih tiga penghargaan.");
  for (const std::string& command : {std::string("rules check"), "extract " + input}) {
    SCOPED_TRACE(command);
    WartaRun r = Warta(s, command + " --rules " + dir.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty()) << r.out;  // no record is written with broken rules
    // Named as the user's file, the one to edit.
    EXPECT_EQ(r.err, "warta: " + regions + ":" + std::to_string(lines) +
                         ": expected 4 tab-separated fields, found 2\n");
  }
}

}  // namespace
}  // namespace warta::robustness
