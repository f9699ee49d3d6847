// The review site's HTML: escaping, offsets to highlights, overlaps, astral
// characters and combining marks at span edges, pages and index paging.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "review/review.h"

namespace warta::review {
namespace {

std::string Unescape(std::string s) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  return s;
}

// Reads the HTML of a text the way a browser builds its tree: checks that
// elements nest, and gives, for each highlighted entity (named by its
// offsets in the tip), the text inside its marks.
struct Highlights {
  std::map<std::string, std::string> text_of;  // "offsets: S-E" -> text
  int marks = 0;                               // <mark> elements, pieces included
  bool nested = true;
};

Highlights Read(const std::string& html) {
  Highlights h;
  std::vector<std::pair<std::string, std::string>> open;  // tag, offsets
  for (size_t at = 0; at < html.size();) {
    if (html[at] != '<') {
      const size_t lt = std::min(html.find('<', at), html.size());
      const std::string text = Unescape(html.substr(at, lt - at));
      for (const auto& [tag, offsets] : open)
        if (!offsets.empty()) h.text_of[offsets] += text;
      at = lt;
      continue;
    }
    const size_t gt = html.find('>', at);
    const std::string tag = html.substr(at + 1, gt - at - 1);
    at = gt + 1;
    const std::string name = tag.substr(0, tag.find_first_of(" >"));
    if (name.empty() || name == "br") continue;
    if (name[0] == '/') {
      if (open.empty() || open.back().first != name.substr(1)) h.nested = false;
      else open.pop_back();
      continue;
    }
    std::string offsets;
    if (name == "mark") {
      ++h.marks;
      const size_t o = tag.find("offsets: ");
      offsets = tag.substr(o, tag.find_first_of(" &\"", o + 9) - o);
    }
    open.push_back({name, offsets});
  }
  if (!open.empty()) h.nested = false;
  return h;
}

Entity MakeEntity(EntityType type, const std::string& text, uint32_t start, uint32_t end, const std::string& value) {
  Entity e;
  e.type = type;
  e.start = start;
  e.end = end;
  e.text = std::string(SliceCodePoints(text, start, end));
  e.value = value;
  e.rule = "rules/test.tsv:1";
  return e;
}

Article WithText(const std::string& text) {
  Article a;
  a.id = "t1";
  a.text = {{0, text}};
  return a;
}

std::string TextPart(const std::string& html) {
  const size_t start = html.find("<div class=\"text\">");
  return html.substr(start + 18, html.find("</div>", start) - start - 18);
}

TEST(ReviewEscapeTest, EscapesEveryCharacterThatCouldOpenMarkup) {
  EXPECT_EQ(Escape("<script>a&b</script> \"x\" 'y'"),
            "&lt;script&gt;a&amp;b&lt;/script&gt; &quot;x&quot; &#39;y&#39;");
}

TEST(ReviewHtmlTest, HostileTitleTextAndUrlStayText) {
  Article a = WithText("<script>alert(1)</script></textarea>\"><img src=x onerror=alert(2)>");
  a.title = "</title><script>alert(3)</script>";
  a.url = "javascript:alert(4)";
  a.warnings = {"<b onmouseover=alert(5)>"};
  a.draft_gold = "{\"id\":\"</textarea><script>alert(6)</script>\"}";
  const std::string html = ArticleHtml(a, "a1");
  for (const char* raw : {"<script", "<img", "<b ", "href=\"javascript"})
    EXPECT_EQ(html.find(raw), std::string::npos) << raw << "\n" << html;
  EXPECT_EQ(html.find("</textarea>"), html.rfind("</textarea>")) << "only the draft's own textarea closes";
  EXPECT_NE(html.find("&lt;script&gt;alert(1)"), std::string::npos);
  EXPECT_NE(html.find("javascript:alert(4)"), std::string::npos) << "shown as text";
  a.url = "https://example.org/a?b=1&c=\"2\"";
  EXPECT_NE(ArticleHtml(a, "a1").find("href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\""), std::string::npos);
}

TEST(ReviewHtmlTest, OffsetsBecomeHighlightsOfExactlyThatText) {
  const std::string text = "Pemkot Tangerang meraih Adipura 2019.";
  Article a = WithText(text);
  a.entities = {MakeEntity(EntityType::kAgency, text, 0, 16, "Pemerintah Kota Tangerang"),
                MakeEntity(EntityType::kAward, text, 24, 36, "Adipura")};
  const std::string part = TextPart(ArticleHtml(a, "a1"));
  const Highlights h = Read(part);
  EXPECT_TRUE(h.nested) << part;
  EXPECT_EQ(h.marks, 2);
  EXPECT_EQ(h.text_of.at("offsets: 0-16"), "Pemkot Tangerang");
  EXPECT_EQ(h.text_of.at("offsets: 24-36"), "Adipura 2019");
  EXPECT_NE(part.find("class=\"e t-agency\""), std::string::npos);
  EXPECT_NE(part.find("rules/test.tsv:1"), std::string::npos) << "the rule is in the tip";
}

TEST(ReviewHtmlTest, OverlappingEntitiesNestAndKeepTheirText) {
  // A location inside an agency, and a crossing pair: [0,10) and [5,15).
  const std::string text = "Balai Besar Bandung dan seterusnya";
  Article a = WithText(text);
  a.entities = {MakeEntity(EntityType::kAgency, text, 0, 19, "Balai Besar Bandung"),
                MakeEntity(EntityType::kLocation, text, 12, 19, "Kota Bandung"),
                MakeEntity(EntityType::kCount, text, 6, 23, "1"),
                MakeEntity(EntityType::kDate, text, 20, 34, "2020-01-01")};
  AwardRecord r;
  r.evidence = {{3, 27}};
  a.awards = {r};
  const std::string part = TextPart(ArticleHtml(a, "a1"));
  const Highlights h = Read(part);
  EXPECT_TRUE(h.nested) << part;
  for (const Entity& e : a.entities)
    EXPECT_EQ(h.text_of.at("offsets: " + std::to_string(e.start) + "-" + std::to_string(e.end)), e.text) << part;
  EXPECT_GT(h.marks, 4) << "crossing marks are split into pieces";
}

TEST(ReviewHtmlTest, AstralCharactersAndCombiningMarksAtSpanEdges) {
  // U+1F3C6 (trophy, astral: one code point, two UTF-16 units) right before
  // and inside spans; "Pe" + U+0301 (combining acute) with a span ending
  // between the letter and its mark.
  const std::string text = "\xF0\x9F\x8F\x86Kota Malang\xF0\x9F\x8F\x86 Pe\xCC\x81mkot";
  ASSERT_EQ(CountCodePoints(text), 21u);
  Article a = WithText(text);
  a.entities = {MakeEntity(EntityType::kLocation, text, 1, 12, "Kota Malang"),
                MakeEntity(EntityType::kAward, text, 0, 1, "trophy"),
                MakeEntity(EntityType::kCount, text, 11, 13, "1"),
                MakeEntity(EntityType::kAgency, text, 14, 16, "P"),
                MakeEntity(EntityType::kDate, text, 16, 21, "x")};
  const std::string part = TextPart(ArticleHtml(a, "a1"));
  const Highlights h = Read(part);
  EXPECT_TRUE(h.nested);
  EXPECT_EQ(h.text_of.at("offsets: 1-12"), "Kota Malang");
  EXPECT_EQ(h.text_of.at("offsets: 0-1"), "\xF0\x9F\x8F\x86");
  EXPECT_EQ(h.text_of.at("offsets: 11-13"), "g\xF0\x9F\x8F\x86");
  EXPECT_EQ(h.text_of.at("offsets: 14-16"), "Pe") << "the mark is the next code point";
  EXPECT_EQ(h.text_of.at("offsets: 16-21"), "\xCC\x81mkot");
}

TEST(ReviewHtmlTest, RecordsTableLinksEachRecordToItsEvidence) {
  const std::string text = "Kalimat satu. Kalimat dua.";
  Article a = WithText(text);
  AwardRecord r;
  r.award = "Adipura";
  r.recipient = "Pemerintah Kota <Malang>";
  r.rule = "rules/records.toml:active_clause";
  r.evidence = {{0, 13}, {14, 26}};
  a.awards = {r, r};
  const std::string html = ArticleHtml(a, "a7");
  EXPECT_NE(html.find("<tr class=\"rec\" id=\"a7r1\" tabindex=\"0\" data-r=\"a7r1\">"), std::string::npos);
  EXPECT_NE(html.find("href=\"#a7r0e1\""), std::string::npos);
  EXPECT_NE(html.find("id=\"a7r0e1\""), std::string::npos);
  EXPECT_NE(html.find("Pemerintah Kota &lt;Malang&gt;"), std::string::npos);
  EXPECT_TRUE(Read(TextPart(html)).nested);
}

TEST(ReviewArticleTest, FromOutputLineShowsTheQuotedPiecesAndTheGaps) {
  Article a;
  ASSERT_TRUE(FromOutputLine(R"({"id":"x","title":"T","published":null,"entities":[
      {"type":"agency","text":"Pemkot Depok","start":10,"end":22,"value":"Pemerintah Kota Depok","rule":"r"},
      {"type":"count","text":"tiga penghargaan","start":40,"end":56,"value":3,"unit":"penghargaan","rule":"r"}],
      "awards":[{"award":"Adipura","year":2019,"year_given":null,"recipient":"Pemerintah Kota Depok","parent":null,
      "organizer":null,"date":null,"location":null,"tier":null,
      "evidence":[{"start":10,"end":30,"text":"Pemkot Depok meraih "}],"rule":"f"}],"warnings":["w"]})",
                             &a).ok());
  ASSERT_EQ(a.text.size(), 2u);
  EXPECT_EQ(a.text[0].start, 10u);
  EXPECT_EQ(a.text[0].text, "Pemkot Depok meraih ");
  EXPECT_EQ(a.entities[1].number, 3);
  const std::string part = TextPart(ArticleHtml(a, "a1"));
  EXPECT_NE(part.find("[&hellip; 10 characters not in the output &hellip;]"), std::string::npos) << part;
  EXPECT_NE(part.find("[&hellip; 10 characters not in the output &hellip;]</span><mark"), std::string::npos)
      << "the second gap, 30 to 40: " << part;
  const Highlights h = Read(part);
  EXPECT_EQ(h.text_of.at("offsets: 10-22"), "Pemkot Depok");
  EXPECT_EQ(h.text_of.at("offsets: 40-56"), "tiga penghargaan");
}

TEST(ReviewArticleTest, GoldMarksFalsePositivesInPlaceAndListsMisses) {
  const std::string line = R"({"id":"g1","title":null,"published":"2019-07-18","entities":[
      {"type":"agency","text":"Pemkot Bogor","start":0,"end":12,"value":"Pemerintah Kota Bogor","rule":"r"},
      {"type":"award","text":"Adipura","start":20,"end":27,"value":"Adipura","year":null,"rule":"r"}],
      "awards":[{"award":"Adipura","year":2019,"year_given":null,"recipient":"Pemerintah Kota Bogor","parent":null,
      "organizer":null,"date":null,"location":null,"tier":null,"evidence":[{"start":0,"end":27,"text":"Pemkot Bogor meraih Adipura"}],"rule":"f"}],
      "warnings":[]})";
  eval::GoldArticle gold;
  gold.id = "g1";
  gold.items[static_cast<size_t>(EntityType::kAward)].push_back({{"Adipura"}, 0, {}, false});
  gold.items[static_cast<size_t>(EntityType::kAgency)].push_back({{"Pemerintah Kota Depok"}, 0, {}, false});
  gold.records.push_back({{"Adipura"}, 2019, {"Pemerintah Kota Depok"}, std::nullopt, std::nullopt, std::nullopt, false});
  Article a;
  ASSERT_TRUE(FromOutputLine(line, &a).ok());
  ASSERT_TRUE(AddChecks(line, &gold, &a).ok());
  ASSERT_TRUE(a.gold);
  EXPECT_EQ(a.gold->Type(EntityType::kAgency).fp, 1);
  const std::string html = ArticleHtml(a, "a1");
  EXPECT_NE(html.find("<mark class=\"e t-agency fp\""), std::string::npos);
  EXPECT_EQ(html.find("<mark class=\"e t-award fp\""), std::string::npos) << "the award is right";
  EXPECT_NE(html.find("<tr class=\"rec fp\""), std::string::npos);
  EXPECT_NE(html.find("<b>FN</b> agency: Pemerintah Kota Depok"), std::string::npos);
  EXPECT_NE(html.find("<b>FN</b> record: Adipura 2019: Pemerintah Kota Depok"), std::string::npos);
  EXPECT_NE(a.draft_gold.find("\"notes\":\"DRAFT"), std::string::npos) << "an article naming an award gets a draft";
}

TEST(ReviewSiteTest, PagesAndIndexPagesAreWrittenAsTheBatchStreams) {
  const std::string dir = ::testing::TempDir() + "/review_site_test";
  std::filesystem::remove_all(dir);
  std::unique_ptr<SiteWriter> site;
  SiteOptions options;
  options.articles_per_page = 2;
  options.rows_per_index_page = 2;
  ASSERT_TRUE(SiteWriter::Open(dir, options, &site).ok());
  for (int i = 0; i < 5; ++i) {
    Article a = WithText("teks " + std::to_string(i));
    a.id = "id-" + std::to_string(i);
    a.title = "<judul " + std::to_string(i) + ">";
    AwardRecord r;
    r.award = "Adipura";
    r.year = 2019 + i % 2;
    r.recipient = "Pemkot " + std::to_string(i);
    a.awards = {r};
    ASSERT_TRUE(site->Add(a).ok());
  }
  ASSERT_TRUE(site->Close().ok());
  for (const char* f : {"index.html", "index-2.html", "index-3.html", "pages/00001.html", "pages/00003.html", "site.css",
                        "site.js", "draft.gold.jsonl"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/" + f)) << f;
  EXPECT_FALSE(std::filesystem::exists(dir + "/pages/00004.html"));
  std::stringstream index;
  index << std::ifstream(dir + "/index.html").rdbuf();
  EXPECT_NE(index.str().find("href=\"pages/00001.html#a2\">&lt;judul 1&gt;</a>"), std::string::npos);
  EXPECT_EQ(index.str().find("judul 2"), std::string::npos) << "row 3 is on index-2.html";
  EXPECT_NE(index.str().find("<a href=\"index-3.html\">3</a>"), std::string::npos);
  EXPECT_NE(index.str().find("records per award year"), std::string::npos);
  EXPECT_EQ(site->summary().records, 5u);
  EXPECT_EQ(site->summary().records_by_year.at(2019), 3u);
  EXPECT_NE(SummaryText(site->summary()).find("Adipura  2019  Pemkot 0"), std::string::npos) << SummaryText(site->summary());
}

}  // namespace
}  // namespace warta::review
