// Scoring (annotation.md, "Scoring"): per article and type, distinct
// predicted values are matched to gold items by comparison key; award records
// by award, recipient and year.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "eval/eval.h"
#include "eval/eval_internal.h"

namespace warta::eval {
namespace {

using internal::FormatNumber;

std::vector<std::string> Keys(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const std::string& name : names) keys.push_back(ComparisonKey(name));
  return keys;
}

bool Contains(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> words;
  for (size_t start = 0; start <= key.size();) {
    size_t space = std::min(key.find(' ', start), key.size());
    words.push_back(key.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// Units agree when one is a word of the other. An identical multi-word unit
// ("unit kerja") is not a word of itself, but is plainly the same unit.
bool UnitsMatch(const std::string& predicted, const std::string& gold) {
  return predicted == gold || Contains(Words(predicted), gold) || Contains(Words(gold), predicted);
}

// Augmenting-path (Kuhn) maximum bipartite matching. Left vertices are tried
// in index order; once matched, a left vertex stays matched, so the vertices
// tried first are matched as far as any maximum matching allows. Returns, per
// left vertex, the matched right vertex or -1.
class Matcher {
 public:
  Matcher(const std::vector<std::vector<int>>& edges, size_t right_count)
      : edges_(edges), left_of_(right_count, -1), right_of_(edges.size(), -1) {}

  std::vector<int> Run() {
    for (size_t left = 0; left < edges_.size(); ++left) {
      visited_.assign(left_of_.size(), false);
      Augment(static_cast<int>(left));
    }
    return right_of_;
  }

 private:
  bool Augment(int left) {
    for (int right : edges_[left]) {
      if (visited_[right]) continue;
      visited_[right] = true;
      if (left_of_[right] < 0 || Augment(left_of_[right])) {
        left_of_[right] = left;
        right_of_[left] = right;
        return true;
      }
    }
    return false;
  }

  const std::vector<std::vector<int>>& edges_;
  std::vector<int> left_of_, right_of_;
  std::vector<bool> visited_;
};

// A distinct predicted value of one type in one article, with the first
// mention that produced it.
struct Candidate {
  std::string key;  // count: the unit's key
  double number = 0;
  std::string shown;
  const PredictedEntity* mention = nullptr;
};

std::vector<Candidate> DistinctValues(EntityType type,
                                      const std::vector<PredictedEntity>& entities) {
  std::vector<Candidate> distinct;
  for (const PredictedEntity& e : entities) {
    if (e.type != type) continue;
    Candidate c;
    c.mention = &e;
    c.key = ComparisonKey(type == EntityType::kCount ? e.unit : e.value);
    if (type == EntityType::kCount) c.number = e.number;
    c.shown = ShownValue(e);
    bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const Candidate& d) {
      return d.key == c.key && d.number == c.number;
    });
    if (!seen) distinct.push_back(std::move(c));
  }
  return distinct;
}

struct GoldKeys {
  std::vector<std::string> names;  // count: the units
  double number = 0;
};

bool ItemMatches(EntityType type, const Candidate& c, const GoldKeys& gold) {
  if (type != EntityType::kCount) return Contains(gold.names, c.key);
  if (c.number != gold.number) return false;
  return std::any_of(gold.names.begin(), gold.names.end(),
                     [&](const std::string& unit) { return UnitsMatch(c.key, unit); });
}

std::string Shown(EntityType type, const GoldItem& item) {
  if (type == EntityType::kCount) return FormatNumber(item.number) + " " + item.units.front();
  return item.names.front();
}

void ScoreType(EntityType type, const std::string& article_id, const std::vector<GoldItem>& items,
               const std::vector<PredictedEntity>& entities, TypeScore* score) {
  std::vector<GoldKeys> gold;
  std::vector<int> required;  // gold index of each right vertex
  for (size_t i = 0; i < items.size(); ++i) {
    const GoldItem& item = items[i];
    gold.push_back({Keys(type == EntityType::kCount ? item.units : item.names), item.number});
    if (!item.optional) required.push_back(static_cast<int>(i));
  }

  std::vector<Candidate> candidates = DistinctValues(type, entities);
  std::vector<std::vector<int>> edges(candidates.size());
  std::vector<bool> matches_any(candidates.size(), false);
  for (size_t c = 0; c < candidates.size(); ++c) {
    for (size_t r = 0; r < required.size(); ++r) {
      if (ItemMatches(type, candidates[c], gold[required[r]]))
        edges[c].push_back(static_cast<int>(r));
    }
    for (const GoldKeys& g : gold)
      matches_any[c] = matches_any[c] || ItemMatches(type, candidates[c], g);
  }
  // The matching is maximum, so a value left unmatched that fits a required
  // item fits only items other values took: the figures are the same
  // whichever values are tried first.
  std::vector<int> matched = Matcher(edges, required.size()).Run();

  std::vector<bool> found(required.size(), false);
  for (size_t c = 0; c < candidates.size(); ++c) {
    if (matched[c] >= 0) {
      found[matched[c]] = true;
      ++score->tp;
    } else if (!matches_any[c]) {
      // Values that fit an optional item, or an item another value (another
      // name of the same thing) took, are set aside.
      ++score->fp;
      score->false_positives.push_back({article_id, candidates[c].shown,
                                        candidates[c].mention->text, candidates[c].mention->rule});
    }
  }
  for (size_t r = 0; r < required.size(); ++r) {
    if (found[r]) continue;
    ++score->fn;
    score->false_negatives.push_back({article_id, Shown(type, items[required[r]]), "", ""});
  }
}

bool RecordMatches(const PredictedRecord& p, const GoldRecord& g) {
  return Contains(Keys(g.award), ComparisonKey(p.award)) &&
         Contains(Keys(g.recipient), ComparisonKey(p.recipient)) && (!g.year || p.year == g.year);
}

void ScoreAttribute(const std::optional<std::vector<std::string>>& gold,
                    const std::optional<std::string>& predicted, const std::string& article_id,
                    const std::string& subject, Accuracy* accuracy) {
  if (!gold) return;
  ++accuracy->total;
  if (predicted && Contains(Keys(*gold), ComparisonKey(*predicted))) {
    ++accuracy->correct;
  } else {
    accuracy->wrong.push_back({article_id, subject, gold->front(), predicted.value_or("null")});
  }
}

void ScoreRecords(const std::string& article_id, const std::vector<GoldRecord>& gold,
                  const std::vector<PredictedRecord>& predicted, Report* report) {
  std::vector<int> required;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!gold[i].optional) required.push_back(static_cast<int>(i));
  }
  std::vector<std::vector<int>> edges(predicted.size());
  std::vector<bool> matches_any(predicted.size(), false);
  for (size_t p = 0; p < predicted.size(); ++p) {
    for (size_t r = 0; r < required.size(); ++r) {
      if (RecordMatches(predicted[p], gold[required[r]])) edges[p].push_back(static_cast<int>(r));
    }
    for (const GoldRecord& g : gold)
      matches_any[p] = matches_any[p] || RecordMatches(predicted[p], g);
  }
  // Tried in output order: of several records for one gold record, the first
  // counts (its attributes are scored).
  std::vector<int> matched = Matcher(edges, required.size()).Run();

  TypeScore& score = report->records;
  std::vector<bool> found(required.size(), false);
  for (size_t p = 0; p < predicted.size(); ++p) {
    const PredictedRecord& record = predicted[p];
    if (matched[p] < 0) {
      // Extra records for a matched gold record, and records matching an
      // optional one, are neither rewarded nor punished.
      if (matches_any[p]) continue;
      ++score.fp;
      score.false_positives.push_back(
          {article_id, RecordLabel(record.award, record.year, record.recipient), "", ""});
      continue;
    }
    found[matched[p]] = true;
    ++score.tp;
    const GoldRecord& g = gold[required[matched[p]]];
    std::string subject = RecordLabel(g.award.front(), g.year, g.recipient.front());
    ScoreAttribute(g.organizer, record.organizer, article_id, subject, &report->organizer);
    ScoreAttribute(g.location, record.location, article_id, subject, &report->record_location);
    std::optional<std::vector<std::string>> date;
    if (g.date) date = std::vector<std::string>{*g.date};
    ScoreAttribute(date, record.date, article_id, subject, &report->record_date);
  }
  for (size_t r = 0; r < required.size(); ++r) {
    if (found[r]) continue;
    ++score.fn;
    const GoldRecord& g = gold[required[r]];
    score.false_negatives.push_back(
        {article_id, RecordLabel(g.award.front(), g.year, g.recipient.front()), "", ""});
  }
}

template <typename T>
void SortById(std::vector<T>* list) {
  std::stable_sort(list->begin(), list->end(),
                   [](const T& a, const T& b) { return a.article_id < b.article_id; });
}

}  // namespace

std::string ShownValue(const PredictedEntity& entity) {
  return entity.type == EntityType::kCount ? FormatNumber(entity.number) + " " + entity.unit : entity.value;
}

std::string RecordLabel(const std::string& award, std::optional<int> year, const std::string& recipient) {
  return award + (year ? " " + std::to_string(*year) : "") + ": " + recipient;
}

Report Score(const std::vector<GoldArticle>& gold, const std::vector<Prediction>& predictions) {
  Report report;
  report.gold_articles = gold.size();

  std::unordered_set<std::string> gold_ids;
  for (const GoldArticle& article : gold) gold_ids.insert(article.id);
  std::unordered_map<std::string, const Prediction*> by_id;
  for (const Prediction& p : predictions) {
    if (!gold_ids.count(p.id)) {
      report.not_in_gold.push_back(p.id);
    } else if (!by_id.emplace(p.id, &p).second) {
      report.duplicate_predictions.push_back(p.id);
    }
  }

  static const Prediction kNoOutput;
  for (const GoldArticle& article : gold) {
    auto it = by_id.find(article.id);
    const Prediction* found = it == by_id.end() ? nullptr : it->second;
    bool usable = found && !found->error;
    if (!usable) report.missing.push_back({article.id, found ? *found->error : ""});
    const Prediction& prediction = usable ? *found : kNoOutput;

    for (EntityType type : kEntityTypes) {
      ScoreType(type, article.id, article.Items(type), prediction.entities,
                &report.types[static_cast<size_t>(type)]);
    }
    ScoreRecords(article.id, article.records, prediction.records, &report);

    if (article.published) {
      ++report.published.total;
      if (usable && prediction.published &&
          ComparisonKey(*prediction.published) == ComparisonKey(*article.published)) {
        ++report.published.correct;
      } else {
        std::string got = !usable ? "no output" : prediction.published.value_or("null");
        report.published.wrong.push_back({article.id, "", *article.published, got});
      }
    }
  }

  auto sort_mistakes = [](TypeScore* score) {
    SortById(&score->false_positives);
    SortById(&score->false_negatives);
  };
  for (TypeScore& score : report.types) sort_mistakes(&score);
  sort_mistakes(&report.records);
  for (Accuracy* accuracy :
       {&report.published, &report.organizer, &report.record_date, &report.record_location}) {
    SortById(&accuracy->wrong);
  }
  auto by_id_order = [](const MissingArticle& a, const MissingArticle& b) { return a.id < b.id; };
  std::sort(report.missing.begin(), report.missing.end(), by_id_order);
  std::sort(report.not_in_gold.begin(), report.not_in_gold.end());
  std::sort(report.duplicate_predictions.begin(), report.duplicate_predictions.end());
  return report;
}

}  // namespace warta::eval
