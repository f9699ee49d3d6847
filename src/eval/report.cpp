// Presenting a Report (text and JSON) and checking it against thresholds.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace warta::eval {
namespace {

// Ratios of integers in one division each, so that a figure that is exactly
// a threshold (19/20 against 0.95) compares equal to it.
double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 1.0 : static_cast<double>(numerator) / denominator;
}

std::string Fixed(double value, int decimals = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string PadRight(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// Mention texts may span lines; a listing keeps one mistake per line.
std::string OneLine(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return s;
}

struct Row {
  std::string name;
  const TypeScore* score;
};

std::vector<Row> Rows(const Report& report) {
  std::vector<Row> rows;
  for (EntityType type : kEntityTypes)
    rows.push_back({std::string(EntityTypeName(type)), &report.Type(type)});
  rows.push_back({"record", &report.records});
  return rows;
}

struct AccuracyRow {
  std::string key;    // as in thresholds and JSON
  std::string label;  // as in the text report
  const Accuracy* accuracy;
};

std::vector<AccuracyRow> AccuracyRows(const Report& report) {
  return {{"published", "published", &report.published},
          {"organizer", "record organizer", &report.organizer},
          {"record_date", "record date", &report.record_date},
          {"record_location", "record location", &report.record_location}};
}

void AppendMistakes(const std::string& tag, const std::vector<Row>& rows, size_t id_width,
                    bool positives, std::string* out) {
  for (const Row& row : rows) {
    for (const Mistake& m : positives ? row.score->false_positives : row.score->false_negatives) {
      *out += "  " + tag + " " + PadRight(row.name, 9) + PadRight(m.article_id, id_width) + "  " +
              m.value;
      if (!m.text.empty()) *out += "  \"" + OneLine(m.text) + "\"";
      if (!m.rule.empty()) *out += "  " + m.rule;
      *out += "\n";
    }
  }
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string joined;
  for (const std::string& id : ids) joined += (joined.empty() ? "" : ", ") + id;
  return joined;
}

// The figure a threshold key names: `agency` (F1), `agency.p`, `agency.r`,
// and so for every type and `record`; the accuracies by their key.
struct Figure {
  std::string label;
  double value;
};

std::optional<Figure> FindFigure(const Report& report, std::string_view key) {
  for (const Row& row : Rows(report)) {
    const TypeScore& s = *row.score;
    if (key == row.name) return Figure{row.name + " F1", s.F1()};
    if (key == row.name + ".p") return Figure{row.name + " precision", s.Precision()};
    if (key == row.name + ".r") return Figure{row.name + " recall", s.Recall()};
  }
  for (const AccuracyRow& row : AccuracyRows(report)) {
    if (key == row.key) return Figure{row.key + " accuracy", row.accuracy->Value()};
  }
  return std::nullopt;
}

std::string KnownThresholdKeys() {
  const Report none;
  std::string types, accuracies;
  for (const Row& row : Rows(none)) types += (types.empty() ? "" : ", ") + row.name;
  for (const AccuracyRow& row : AccuracyRows(none))
    accuracies += (accuracies.empty() ? "" : ", ") + row.key;
  return types + " (F1; with .p or .r: precision or recall, e.g. agency.p), " + accuracies +
         " (accuracies)";
}

std::string_view Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

double TypeScore::Precision() const {
  return Ratio(tp, tp + fp);
}
double TypeScore::Recall() const {
  return Ratio(tp, tp + fn);
}
double TypeScore::F1() const {
  return Ratio(2 * tp, 2 * tp + fp + fn);
}
double Accuracy::Value() const {
  return Ratio(correct, total);
}

std::string FormatReport(const Report& report) {
  std::string out = std::to_string(report.gold_articles) + " gold articles, " +
                    std::to_string(report.missing.size()) + " without output, " +
                    std::to_string(report.not_in_gold.size()) + " output lines not in gold\n\n";

  std::vector<Row> rows = Rows(report);
  out += "type          P      R     F1     tp     fp     fn\n";
  for (const Row& row : rows) {
    const TypeScore& s = *row.score;
    out += PadRight(row.name, 9) + PadLeft(Fixed(s.Precision()), 6) +
           PadLeft(Fixed(s.Recall()), 7) + PadLeft(Fixed(s.F1()), 7) +
           PadLeft(std::to_string(s.tp), 7) + PadLeft(std::to_string(s.fp), 7) +
           PadLeft(std::to_string(s.fn), 7) + "\n";
  }
  out += "\n";
  for (const AccuracyRow& row : AccuracyRows(report)) {
    const Accuracy& a = *row.accuracy;
    std::string over = row.key == "published" ? " articles" : " matched records";
    out += PadRight(row.label, 17) + Fixed(a.Value()) + "  (" + std::to_string(a.correct) + "/" +
           std::to_string(a.total) + over + ")\n";
  }

  if (!report.missing.empty()) {
    out += "\nwithout output (every required item counted as missed):\n";
    for (const MissingArticle& m : report.missing) {
      out += "  " + m.id + "  " +
             (m.error.empty() ? "no output line" : "error: " + OneLine(m.error)) + "\n";
    }
  }
  if (!report.not_in_gold.empty())
    out += "\noutput lines not in gold (ignored): " + JoinIds(report.not_in_gold) + "\n";
  if (!report.duplicate_predictions.empty()) {
    out += "\nrepeated output lines (only the first scored): " +
           JoinIds(report.duplicate_predictions) + "\n";
  }

  size_t id_width = 0;
  for (const Row& row : rows) {
    for (const auto* list : {&row.score->false_positives, &row.score->false_negatives}) {
      for (const Mistake& m : *list) id_width = std::max(id_width, m.article_id.size());
    }
  }
  std::string positives, negatives;
  AppendMistakes("FP", rows, id_width, /*positives=*/true, &positives);
  AppendMistakes("FN", rows, id_width, /*positives=*/false, &negatives);
  if (!positives.empty()) out += "\nfalse positives:\n" + positives;
  if (!negatives.empty()) out += "\nfalse negatives:\n" + negatives;

  std::string wrong;
  for (const AccuracyRow& row : AccuracyRows(report)) {
    for (const Mismatch& m : row.accuracy->wrong) {
      wrong += "  " + PadRight(row.label, 17) + m.article_id + "  " +
               (m.subject.empty() ? "" : m.subject + "  ") + "expected " + m.expected + ", got " +
               m.got + "\n";
    }
  }
  if (!wrong.empty()) out += "\nwrong attributes:\n" + wrong;
  return out;
}

std::string ReportJson(const Report& report) {
  nlohmann::ordered_json j;
  j["gold_articles"] = report.gold_articles;
  j["missing_articles"] = report.missing.size();
  j["not_in_gold"] = report.not_in_gold.size();
  j["duplicate_predictions"] = report.duplicate_predictions.size();
  nlohmann::ordered_json& types = j["types"];
  for (const Row& row : Rows(report)) {
    const TypeScore& s = *row.score;
    types[row.name] = {{"p", s.Precision()}, {"r", s.Recall()}, {"f1", s.F1()},
                       {"tp", s.tp},         {"fp", s.fp},      {"fn", s.fn}};
  }
  for (const AccuracyRow& row : AccuracyRows(report)) {
    const Accuracy& a = *row.accuracy;
    nlohmann::ordered_json figures = {
        {"accuracy", a.Value()}, {"correct", a.correct}, {"n", a.total}};
    if (row.key == "published") {
      j["published"] = figures;
    } else {
      // "record_date" -> "date" inside "record_attributes".
      std::string name = row.key.starts_with("record_") ? row.key.substr(7) : row.key;
      j["record_attributes"][name] = figures;
    }
  }
  return j.dump();
}

Status ParseThresholds(std::string_view spec, Thresholds* out) {
  Thresholds parsed;
  size_t start = 0;
  while (true) {
    size_t comma = std::min(spec.find(',', start), spec.size());
    std::string_view item = Trim(spec.substr(start, comma - start));
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Status::Error("threshold \"" + std::string(item) +
                           "\": expected key=value, e.g. date=0.95");
    }
    std::string key(Trim(item.substr(0, eq)));
    std::string_view text = Trim(item.substr(eq + 1));
    if (!FindFigure(Report(), key)) {
      return Status::Error("threshold \"" + key + "\": unknown key (expected one of " +
                           KnownThresholdKeys() + ")");
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 ||
        value > 1) {
      return Status::Error("threshold \"" + key + "\": \"" + std::string(text) +
                           "\" is not a number between 0 and 1");
    }
    for (const auto& [seen, unused] : parsed.minimums) {
      if (seen == key) return Status::Error("threshold \"" + key + "\" given twice");
    }
    parsed.minimums.emplace_back(key, value);
    if (comma == spec.size()) break;
    start = comma + 1;
  }
  *out = std::move(parsed);
  return {};
}

std::vector<std::string> FailedThresholds(const Report& report, const Thresholds& thresholds) {
  std::vector<std::string> failed;
  for (const auto& [key, minimum] : thresholds.minimums) {
    const std::optional<Figure> figure = FindFigure(report, key);
    if (!figure) {
      failed.push_back("unknown threshold \"" + key + "\"");
    } else if (figure->value < minimum) {
      failed.push_back(figure->label + " " + Fixed(figure->value) + " < " + Fixed(minimum));
    }
  }
  return failed;
}

}  // namespace warta::eval
