#include "assemble/frames.h"

#include <filesystem>
#include <fstream>

#include "../extract/extract_fixture.h"

namespace warta::testing {
namespace {

namespace fs = std::filesystem;

// A rules folder holding only frames.toml with `content`.
class FrameFile {
 public:
  explicit FrameFile(const std::string& content) {
    dir_ = fs::temp_directory_path() / ("warta_frames_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "frames.toml") << content;
  }
  ~FrameFile() { fs::remove_all(dir_); }
  Status Load(std::unique_ptr<FrameSet>* out) const { return FrameSet::Load(RulesDir(dir_.string()), out); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

constexpr const char* kClasses = R"toml(
[classes]
JOIN = ["dan", "serta"]
RECEIVE = ["meraih", "menerima", "diterima oleh"]
[define]
RECIPIENT = "(AGENCY | LOCATION)"
)toml";

// A frame with one example, which FrameSet only stores.
std::string Frame(const std::string& name, const std::string& pattern, const std::string& extra = "") {
  return "[[frame]]\nname = \"" + name + "\"\npattern = \"" + pattern + "\"\n" + extra +
         "examples = [{ text = \"x\", records = [] }]\n";
}

// `text` with the entities named in `entities` (type, exact words) as a sentence's tokens.
struct Sentence {
  std::string text;
  std::vector<Entity> entities;
  Sentence(std::string t, const std::vector<std::pair<EntityType, std::string>>& named) : text(std::move(t)) {
    for (const auto& [type, words] : named) {
      Entity e;
      e.type = type;
      const size_t at = text.find(words);
      e.range = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
      e.value = words;
      entities.push_back(e);
    }
  }
  // "slot=words" for every slot of every match, "frame:" before each match.
  std::vector<std::string> Matches(const FrameSet& frames) const {
    std::vector<const Entity*> inside;
    for (const Entity& e : entities) inside.push_back(&e);
    const std::vector<FrameToken> tokens = frames.Tokenize(text, {0, static_cast<uint32_t>(text.size())}, inside);
    std::vector<std::string> out;
    for (const FrameMatch& m : frames.Match(tokens)) {
      out.push_back(frames.name(m.frame) + ":");
      for (const FrameMatch::Slot& s : m.slots)
        out.push_back(s.name + "=" +
                      text.substr(tokens[s.begin].range.begin, tokens[s.end - 1].range.end - tokens[s.begin].range.begin));
    }
    return out;
  }
};

using E = EntityType;

TEST(Frames, SequenceOptionalAlternationAndGaps) {
  FrameFile file(std::string(kClasses) +
                 Frame("active", "{recipients:RECIPIENT} ('berhasil' | 'kembali')? RECEIVE WORD{0,2} {award:AWARD}"));
  std::unique_ptr<FrameSet> frames;
  ASSERT_TRUE(file.Load(&frames).ok());
  const Sentence plain("Pemkot Bogor meraih Adipura.", {{E::kAgency, "Pemkot Bogor"}, {E::kAward, "Adipura"}});
  EXPECT_EQ(plain.Matches(*frames), (std::vector<std::string>{"active:", "recipients=Pemkot Bogor", "award=Adipura"}));
  // An optional word and a gap of two words before the award.
  const Sentence gap("Kabupaten Sleman kembali menerima penghargaan bergengsi Anugerah Meritokrasi",
                     {{E::kLocation, "Kabupaten Sleman"}, {E::kAward, "Anugerah Meritokrasi"}});
  EXPECT_EQ(gap.Matches(*frames),
            (std::vector<std::string>{"active:", "recipients=Kabupaten Sleman", "award=Anugerah Meritokrasi"}));
  // Three words are more than the gap allows, and a date is no recipient.
  const Sentence far("Kota Batu meraih satu dua tiga Adipura", {{E::kLocation, "Kota Batu"}, {E::kAward, "Adipura"}});
  EXPECT_TRUE(far.Matches(*frames).empty());
  const Sentence date("Senin (3/6) meraih Adipura", {{E::kDate, "Senin (3/6)"}, {E::kAward, "Adipura"}});
  EXPECT_TRUE(date.Matches(*frames).empty());
}

TEST(Frames, PhrasesOfTheLexiconAreOneToken) {
  FrameFile file(std::string(kClasses) + Frame("passive", "{award:AWARD} RECEIVE {recipients:RECIPIENT}"));
  std::unique_ptr<FrameSet> frames;
  ASSERT_TRUE(file.Load(&frames).ok());
  const Sentence s("Piala Adipura diterima oleh Pemkab Gresik", {{E::kAward, "Piala Adipura"}, {E::kAgency, "Pemkab Gresik"}});
  EXPECT_EQ(s.Matches(*frames), (std::vector<std::string>{"passive:", "award=Piala Adipura", "recipients=Pemkab Gresik"}));
}

TEST(Frames, ListOperatorTakesCommasAndTheLastJoin) {
  FrameFile file(std::string(kClasses) + Frame("colon", "{award:AWARD} ':' {recipients:list(RECIPIENT)}"));
  std::unique_ptr<FrameSet> frames;
  ASSERT_TRUE(file.Load(&frames).ok());
  const Sentence three("Penerima WTP: Pemkab Garut, Kota Cimahi, dan Pemkot Banjar.",
                       {{E::kAward, "WTP"}, {E::kAgency, "Pemkab Garut"}, {E::kLocation, "Kota Cimahi"},
                        {E::kAgency, "Pemkot Banjar"}});
  EXPECT_EQ(three.Matches(*frames), (std::vector<std::string>{"colon:", "award=WTP",
                                                               "recipients=Pemkab Garut, Kota Cimahi, dan Pemkot Banjar"}));
  // A list stops at a word that joins nothing ("Kota A atau Kota B").
  const Sentence stop("KLA: Kota Solo atau Kota Blitar", {{E::kAward, "KLA"}, {E::kLocation, "Kota Solo"},
                                                          {E::kLocation, "Kota Blitar"}});
  EXPECT_EQ(stop.Matches(*frames), (std::vector<std::string>{"colon:", "award=KLA", "recipients=Kota Solo"}));
}

TEST(Frames, AFrameAboveWinsOverlapsAndAnchorsHold) {
  FrameFile file(std::string(kClasses) + Frame("row", "^ NUM '|' {recipients:RECIPIENT} '|'", "inherit = [\"award\"]\n") +
                 Frame("any_recipient", "{recipients:RECIPIENT}", "inherit = [\"award\"]\n"));
  std::unique_ptr<FrameSet> frames;
  ASSERT_TRUE(file.Load(&frames).ok());
  EXPECT_TRUE(frames->inherits_award(0));
  const Sentence row("1 | Pemkot Samarinda | 94,20", {{E::kAgency, "Pemkot Samarinda"}});
  // The frame above has the tokens first: the later one's overlapping match is dropped.
  EXPECT_EQ(row.Matches(*frames), (std::vector<std::string>{"row:", "recipients=Pemkot Samarinda"}));
  // "^": a row's number opens the sentence.
  const Sentence inside("Nilai 1 | Pemkot Samarinda |", {{E::kAgency, "Pemkot Samarinda"}});
  EXPECT_EQ(inside.Matches(*frames), (std::vector<std::string>{"any_recipient:", "recipients=Pemkot Samarinda"}));
}

struct BrokenCase {
  const char* name;
  std::string content;
  const char* message;  // part of the error
};

TEST(Frames, BrokenFramesNameTheirLine) {
  const BrokenCase cases[] = {
      {"unknown_name", std::string(kClasses) + Frame("a", "{recipients:RECIPIENT} MENERIMA {award:AWARD}"),
       "rules/frames.toml:7: frame a: unknown name MENERIMA"},
      {"unclosed_group", std::string(kClasses) + Frame("b", "({recipients:RECIPIENT} RECEIVE {award:AWARD}"),
       "rules/frames.toml:7: frame b: missing ')'"},
      {"no_recipients", std::string(kClasses) + Frame("c", "RECEIVE {award:AWARD}"), "frame c: a frame needs a {recipients"},
      {"no_award", std::string(kClasses) + Frame("d", "RECEIVE {recipients:RECIPIENT}"), "frame d: a frame needs an {award"},
      {"bad_repeat", std::string(kClasses) + Frame("e", "{recipients:RECIPIENT} WORD{x} {award:AWARD}"),
       "frame e: '{' must open a slot"},
      {"same_slot_twice", std::string(kClasses) + Frame("f", "{award:AWARD} {award:AWARD} {recipients:AGENCY}"),
       "frame f: slot award twice"},
      {"bad_inherit", std::string(kClasses) + Frame("g", "{recipients:AGENCY}", "inherit = [\"date\"]\n"),
       "frame g: inherit can name only"},
      {"duplicate_frame", std::string(kClasses) + Frame("h", "{recipients:AGENCY} {award:AWARD}") +
                              Frame("h", "{award:AWARD} {recipients:AGENCY}"),
       "frame h: a frame of this name already stands at rules/frames.toml:7"},
      {"no_examples", std::string(kClasses) + "[[frame]]\nname = \"i\"\npattern = \"{recipients:AGENCY} {award:AWARD}\"\n",
       "frame i: a frame needs examples"},
      {"unknown_key", std::string(kClasses) + Frame("j", "{recipients:AGENCY} {award:AWARD}", "priority = 2\n"),
       "unknown key \"priority\""},
      {"slot_inside_list", std::string(kClasses) + Frame("m", "{award:AWARD} list(({recipients:AGENCY}))"),
       "frame m: list() cannot hold a slot"},
      {"unknown_slot", std::string(kClasses) + Frame("l", "{recipients:AGENCY} {prize:AWARD}"), "frame l: unknown slot prize"},
      {"list_without_join", Frame("k", "{award:AWARD} {recipients:list(AGENCY)}"), "list() needs a class JOIN"},
      {"bad_frame_inherit_sentences",
       std::string(kClasses) + Frame("n", "{recipients:AGENCY} RECEIVE WORD", "inherit = [\"award\"]\ninherit_sentences = -1\n"),
       "rules/frames.toml:11: inherit_sentences must be a whole number of sentences"},
  };
  for (const BrokenCase& c : cases) {
    SCOPED_TRACE(c.name);
    FrameFile file(c.content);
    std::unique_ptr<FrameSet> frames;
    const Status s = file.Load(&frames);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
}

// The shipped frames through the whole pipeline: each example gives exactly
// the records it lists (what `warta rules check` runs).
TEST_F(ExtractTest, EveryShippedFrameExampleGivesItsRecords) {
  const std::vector<std::string> failures = pipeline_->CheckFrameExamples();
  EXPECT_TRUE(failures.empty()) << failures.front();
}

// A frame's own inherit_sentences and its slot of grades load; the slot is
// matched like any other.
TEST(Frames, AFrameMayNameItsOwnInheritWindowAndAGradeSlot) {
  FrameFile file(std::string(kClasses) +
                 Frame("graded", "{recipients:AGENCY} RECEIVE 'kategori' {tiers:WORD{1,2}}",
                       "inherit = [\"award\"]\ninherit_sentences = 9\n"));
  std::unique_ptr<FrameSet> frames;
  ASSERT_TRUE(file.Load(&frames).ok());
  EXPECT_EQ(frames->inherit_sentences(0), 9u);
  const Sentence s("Pemkab Tabanan meraih kategori Sangat Baik.", {{E::kAgency, "Pemkab Tabanan"}});
  EXPECT_EQ(s.Matches(*frames), (std::vector<std::string>{"graded:", "recipients=Pemkab Tabanan", "tiers=Sangat Baik"}));
}

// `warta rules check` on a copy of the shipped rules with one more frame,
// named `name`, whose example expects `expected` of `text`.
CommandResult CheckWithFrame(const std::string& name, const std::string& text, const std::string& expected) {
  const fs::path dir = fs::temp_directory_path() / ("warta_frame_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(RulesDirPath(), dir);
  std::ofstream(dir / "frames.toml", std::ios::app)
      << "\n[[frame]]\nname = \"" << name << "\"\npattern = \"{recipients:RECIPIENT} RECEIVE {award:AWARD}\"\n"
      << "examples = [\n  { text = \"" << text << "\", records = [\"" << expected << "\"] },\n]\n";
  CommandResult r = RunCommand(WartaBinary() + " rules check --rules " + dir.string() + " 2>&1");
  fs::remove_all(dir);
  return r;
}

// An example that names a grade fails when the record has another.
TEST(FrameExamples, AnExpectedGradeIsChecked) {
  const CommandResult r = CheckWithFrame("grade_on_purpose", "Kota Madiun meraih Adipura Kencana kategori Utama.",
                                         "Adipura Kencana: Pemerintah Kota Madiun [Madya]");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find(": frame grade_on_purpose: expected [Adipura Kencana: Pemerintah Kota Madiun [Madya]], got "
                       "[Adipura Kencana: Pemerintah Kota Madiun [Utama]]"),
            std::string::npos)
      << r.out;
}

TEST(FrameExamples, AWrongExpectationFailsRulesCheckWithItsLine) {
  const CommandResult r = CheckWithFrame("wrong_on_purpose", "Kota Madiun meraih Adipura tahun ini.", "Adipura: Kota Madiun");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("frames.toml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": frame wrong_on_purpose: expected [Adipura: Kota Madiun], got [Adipura: Pemerintah Kota Madiun]"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace warta::testing
