// One article as HTML: the original text with its marks, the records table
// and the gold misses. Marks may overlap in any way (an agency inside an
// award title, evidence across entities), so the text is cut at every
// boundary and a mark that crosses another's end is closed and reopened:
// the elements nest, and each code point sits in exactly the marks whose
// offsets hold it.
#include <algorithm>
#include <set>

#include "output/writers.h"
#include "review/review.h"
#include "review/review_internal.h"

namespace warta::review {
namespace {

// Length of the UTF-8 sequence a lead byte starts (the text is valid UTF-8).
size_t SequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

struct Mark {
  uint32_t start = 0, end = 0;
  int layer = 0;      // at equal offsets, the lower layer is the outer element
  std::string open;   // the first element's opening tag
  std::string again;  // the opening tag of a piece reopened after a crossing
  const char* close = "";
};

constexpr int kEvidenceLayer = 0, kRemovedLayer = 1, kEntityLayer = 2;

std::string Tip(const Entity& e) {
  std::string tip = std::string(EntityTypeName(e.type)) + ": " + (e.type == EntityType::kCount ? e.value + " " + e.unit : e.value);
  if (!e.acronym.empty()) tip += " (" + e.acronym + ")";
  if (!e.code.empty()) tip += ", code " + e.code;
  if (e.year) tip += ", year " + std::to_string(*e.year);
  tip += "\nrule: " + e.rule + "\noffsets: " + std::to_string(e.start) + "-" + std::to_string(e.end);
  if (e.headline) tip += " (title line)";
  return tip;
}

// The text of `pieces` with `marks` as elements; a gap between pieces (text
// the output does not quote) is shown as such.
std::string RenderText(const std::vector<TextPiece>& pieces, std::vector<Mark> marks) {
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.layer < b.layer;
  });
  std::string out;
  std::vector<size_t> open;  // indices of `marks`, outermost first
  size_t next = 0;
  // Closes the marks that end at or before `at`, reopening those above them
  // that go on; then opens the marks that start at or before `at`.
  auto step = [&](uint32_t at) {
    size_t lowest = open.size();
    for (size_t i = 0; i < open.size(); ++i)
      if (marks[open[i]].end <= at) {
        lowest = i;
        break;
      }
    if (lowest < open.size()) {
      std::vector<size_t> going_on;
      while (open.size() > lowest) {
        out += marks[open.back()].close;
        if (marks[open.back()].end > at) going_on.push_back(open.back());
        open.pop_back();
      }
      for (auto it = going_on.rbegin(); it != going_on.rend(); ++it) {
        out += marks[*it].again;
        open.push_back(*it);
      }
    }
    for (; next < marks.size() && marks[next].start <= at; ++next) {
      if (marks[next].end <= at) continue;  // empty, or wholly in a gap
      out += marks[next].open;
      open.push_back(next);
    }
  };
  uint32_t previous_end = 0;
  for (const TextPiece& piece : pieces) {
    if (piece.start > previous_end) {
      // Marks do not go on across text that is not there.
      const std::vector<size_t> across = open;
      for (auto it = across.rbegin(); it != across.rend(); ++it) out += marks[*it].close;
      out += "<span class=\"gap\">[&hellip; " + std::to_string(piece.start - previous_end) +
             " characters not in the output &hellip;]</span>";
      for (size_t i : across) out += marks[i].again;
    }
    uint32_t at = piece.start;
    size_t run = 0;  // bytes of plain text not yet written
    const std::string_view text = piece.text;
    for (size_t b = 0; b < text.size(); ++at) {
      const bool boundary = (next < marks.size() && marks[next].start <= at) ||
                            std::any_of(open.begin(), open.end(), [&](size_t i) { return marks[i].end <= at; });
      if (boundary) {
        out += Escape(text.substr(b - run, run));
        run = 0;
        step(at);
      }
      const size_t n = std::min(SequenceLength(static_cast<unsigned char>(text[b])), text.size() - b);
      b += n;
      run += n;
    }
    out += Escape(text.substr(text.size() - run, run));
    step(at);
    previous_end = at;
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) out += marks[*it].close;
  return out;
}

std::string Cell(const std::optional<std::string>& value) {
  return value ? Escape(*value) : "<span class=\"null\">&ndash;</span>";
}

std::string YearCell(const std::optional<int>& year, const std::optional<int>& given) {
  if (!year) return "<span class=\"null\">&ndash;</span>";
  std::string cell = std::to_string(*year);
  if (given) cell += " <span class=\"null\">(given " + std::to_string(*given) + ")</span>";
  return cell;
}

eval::PredictedEntity Predicted(const Entity& e) {
  eval::PredictedEntity p;
  p.type = e.type;
  p.value = e.value;
  p.number = e.number;
  p.unit = e.unit;
  return p;
}

std::string ScoreLine(const char* name, const eval::TypeScore& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "<tr><th>%s</th><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%d</td><td>%d</td><td>%d</td></tr>",
                name, s.Precision(), s.Recall(), s.F1(), s.tp, s.fp, s.fn);
  return buf;
}

// The article's scores and every miss the scorer names.
std::string GoldHtml(const eval::Report& report) {
  std::string html = "<section class=\"gold\"><h3>Against gold</h3><table class=\"scores\"><tr><th></th><th>P</th><th>R</th>"
                     "<th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr>";
  for (EntityType t : eval::kEntityTypes) html += ScoreLine(EntityTypeName(t), report.Type(t));
  html += ScoreLine("record", report.records) + "</table><ul class=\"misses\">";
  auto misses = [&](const char* what, const std::vector<eval::Mistake>& list, const char* cls) {
    for (const eval::Mistake& m : list)
      html += "<li class=\"" + std::string(cls) + "\"><b>" + (std::string(cls) == "fn" ? "FN" : "FP") + "</b> " + what +
              ": " + Escape(m.value) + "</li>";
  };
  for (EntityType t : eval::kEntityTypes) misses(EntityTypeName(t), report.Type(t).false_negatives, "fn");
  misses("record", report.records.false_negatives, "fn");
  for (EntityType t : eval::kEntityTypes) misses(EntityTypeName(t), report.Type(t).false_positives, "fp");
  misses("record", report.records.false_positives, "fp");
  for (const auto& [name, accuracy] : {std::pair<const char*, const eval::Accuracy*>{"published", &report.published},
                                       {"organizer", &report.organizer},
                                       {"date", &report.record_date},
                                       {"place", &report.record_location}})
    for (const eval::Mismatch& m : accuracy->wrong)
      html += "<li class=\"fp\"><b>wrong</b> " + std::string(name) + (m.subject.empty() ? "" : " of " + Escape(m.subject)) +
              ": gold " + Escape(m.expected) + ", warta " + Escape(m.got) + "</li>";
  return html + "</ul></section>";
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SafeLink(const std::optional<std::string>& url) {
  if (!url || url->empty()) return "";
  std::string lower = url->substr(0, 8);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool web = lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
  // Any other scheme (javascript:, data:) is shown, never followed.
  if (!web) return "<span class=\"url\">" + Escape(*url) + "</span>";
  return "<a class=\"url\" rel=\"noreferrer noopener\" href=\"" + Escape(*url) + "\">" + Escape(*url) + "</a>";
}

std::string RecordAnchor(const std::string& anchor, size_t record) {
  return anchor + "r" + std::to_string(record);
}

std::string ArticleHtml(const Article& a, const std::string& anchor) {
  std::set<std::string> fp_values[eval::kEntityTypeCount];
  std::set<std::string> fp_records;
  if (a.gold) {
    for (EntityType t : eval::kEntityTypes)
      for (const eval::Mistake& m : a.gold->Type(t).false_positives) fp_values[static_cast<size_t>(t)].insert(m.value);
    for (const eval::Mistake& m : a.gold->records.false_positives) fp_records.insert(m.value);
  }

  std::vector<Mark> marks;
  for (const Entity& e : a.entities) {
    const char* type = EntityTypeName(e.type);
    // Headline entities are not scored (annotation.md: the body only).
    const bool fp = !e.headline && fp_values[static_cast<size_t>(e.type)].count(eval::ShownValue(Predicted(e)));
    const std::string cls = std::string("e t-") + type + (fp ? " fp" : "");
    const std::string tip = Escape((fp ? "FALSE POSITIVE against gold\n" : "") + Tip(e));
    marks.push_back({e.start, e.end, kEntityLayer, "<mark class=\"" + cls + "\" tabindex=\"0\" data-tip=\"" + tip + "\">",
                     "<mark class=\"" + cls + " cont\" data-tip=\"" + tip + "\">", "</mark>"});
  }
  for (size_t r = 0; r < a.awards.size(); ++r) {
    const std::string id = RecordAnchor(anchor, r);
    for (size_t k = 0; k < a.awards[r].evidence.size(); ++k) {
      const Range& ev = a.awards[r].evidence[k];
      marks.push_back({ev.begin, ev.end, kEvidenceLayer,
                       "<span class=\"ev\" data-r=\"" + id + "\" id=\"" + id + "e" + std::to_string(k) + "\">",
                       "<span class=\"ev\" data-r=\"" + id + "\">", "</span>"});
    }
  }
  for (const Range& r : a.removed)
    marks.push_back({r.begin, r.end, kRemovedLayer, "<span class=\"rm\" title=\"removed by normalisation\">",
                     "<span class=\"rm\">", "</span>"});

  std::string html = "<article id=\"" + anchor + "\" data-id=\"" + Escape(a.id) + "\"><header><h2>" +
                     Escape(a.title.value_or(a.id)) + "</h2><p class=\"meta\"><span class=\"id\">" + Escape(a.id) +
                     "</span> &middot; published " + Cell(a.published) + " " + SafeLink(a.url) + "</p></header>";
  if (!a.error.empty()) html += "<p class=\"error\">error: " + Escape(a.error) + "</p>";
  if (!a.warnings.empty()) {
    html += "<ul class=\"warnings\">";
    for (const std::string& w : a.warnings) html += "<li>" + Escape(w) + "</li>";
    html += "</ul>";
  }

  html += "<table class=\"records\"><thead><tr><th>#</th><th>award</th><th>year</th><th>tier</th><th>recipient</th>"
          "<th>organizer</th><th>date</th><th>place</th><th>frame / rule</th><th>evidence</th></tr></thead><tbody>";
  for (size_t r = 0; r < a.awards.size(); ++r) {
    const AwardRecord& rec = a.awards[r];
    const std::string id = RecordAnchor(anchor, r);
    const bool fp = fp_records.count(eval::RecordLabel(rec.award, rec.year, rec.recipient)) > 0;
    std::string recipient = Escape(rec.recipient);
    if (rec.parent) recipient += " <span class=\"null\">of " + Escape(*rec.parent) + "</span>";
    if (!rec.units.empty()) recipient += "<br><span class=\"null\">units: " + Escape(JoinList(rec.units)) + "</span>";
    if (!rec.innovations.empty())
      recipient += "<br><span class=\"null\">innovations: " + Escape(JoinList(rec.innovations)) + "</span>";
    std::string evidence;
    for (size_t k = 0; k < rec.evidence.size(); ++k)
      evidence += "<a href=\"#" + id + "e" + std::to_string(k) + "\">" + std::to_string(rec.evidence[k].begin) + "&ndash;" +
                  std::to_string(rec.evidence[k].end) + "</a> ";
    html += "<tr class=\"rec" + std::string(fp ? " fp" : "") + "\" id=\"" + id + "\" tabindex=\"0\" data-r=\"" + id +
            "\"><td>" + std::to_string(r + 1) + (fp ? " <b class=\"fp\">FP</b>" : "") + "</td><td>" + Escape(rec.award) +
            "</td><td>" + YearCell(rec.year, rec.year_given) + "</td><td>" + Cell(rec.tier) + "</td><td>" + recipient +
            "</td><td>" + Cell(rec.organizer) + "</td><td>" + Cell(rec.date) + "</td><td>" + Cell(rec.location) +
            "</td><td class=\"rule\">" + Escape(rec.rule) + "</td><td>" + evidence + "</td></tr>";
  }
  if (a.awards.empty()) html += "<tr><td colspan=\"10\" class=\"null\">no award record</td></tr>";
  html += "</tbody></table>";
  if (a.gold) html += GoldHtml(*a.gold);
  html += "<div class=\"text\">" + RenderText(a.text, std::move(marks)) + "</div>";
  if (!a.draft_gold.empty())
    html += "<details class=\"draft\"><summary>draft gold line (warta gold-draft; also in draft.gold.jsonl)</summary>"
            "<textarea readonly rows=\"6\">" + Escape(a.draft_gold) + "</textarea></details>";
  return html + "</article>\n";
}

}  // namespace warta::review
