#include "assemble/assemble.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>

#include <re2/re2.h>

#include "assemble/frames.h"
#include "core/utf8.h"

namespace warta {
namespace {

struct PhraseList {
  std::vector<std::string> phrases;  // lower case

  // [begin, end) byte ranges in `lower` where a phrase stands as whole words, in order.
  std::vector<std::pair<size_t, size_t>> Spans(const std::string& lower) const {
    std::vector<std::pair<size_t, size_t>> spans;
    for (const std::string& p : phrases)
      for (size_t pos = lower.find(p); pos != std::string::npos; pos = lower.find(p, pos + 1)) {
        const bool starts = pos == 0 || !std::isalnum(static_cast<unsigned char>(lower[pos - 1]));
        const size_t end = pos + p.size();
        const bool ends = end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
        if (starts && ends) spans.emplace_back(pos, end);
      }
    std::sort(spans.begin(), spans.end());
    return spans;
  }
  // Where the phrases start.
  std::vector<size_t> Find(const std::string& lower) const {
    std::vector<size_t> at;
    for (const auto& [begin, end] : Spans(lower)) at.push_back(begin);
    return at;
  }
  bool In(const std::string& lower) const { return !Find(lower).empty(); }
  // Whether `lower` is one of the phrases, whole.
  bool Is(const std::string& lower) const { return std::find(phrases.begin(), phrases.end(), lower) != phrases.end(); }
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status ReadPhrases(const toml::table& table, std::string_view key, const std::string& display, PhraseList* out) {
  std::vector<std::string> phrases;
  if (Status s = GetStringList(table, key, display, &phrases); !s.ok()) return s;
  for (const std::string& p : phrases) out->phrases.push_back(Lower(p));
  return {};
}

bool Inside(const Range& r, const Range& outer) { return outer.begin <= r.begin && r.end <= outer.end; }

// The `rule` of records made by the clause logic of Assembler::Process (the
// word lists of rules/records.toml), not by a frame.
const std::string kActiveRule = "rules/records.toml:active_clause";
const std::string kPassiveRule = "rules/records.toml:passive_clause";

// The entities that may lie inside working range `r`, in order: those
// starting between its original ends. Entities are sorted by original start
// and the offset map keeps order, so a binary search finds them instead of a
// scan of the whole article for every sentence.
std::span<const Entity> Near(const Document& doc, const Range& r) {
  if (r.begin >= r.end) return {};  // nothing lies inside an empty range
  const std::vector<Entity>& all = doc.entities;
  const uint32_t from = doc.map.SpanStart(r.begin), to = doc.map.SpanEnd(r.end);
  auto lo = std::lower_bound(all.begin(), all.end(), from, [](const Entity& e, uint32_t v) { return e.start < v; });
  auto hi = std::upper_bound(lo, all.end(), to, [](uint32_t v, const Entity& e) { return v < e.start; });
  return {all.data() + (lo - all.begin()), static_cast<size_t>(hi - lo)};
}

// For each entity, whether it lies inside another agency mention ("Kota
// Tangerang" in "Pemerintah Kota Tangerang"): one sweep by working range,
// where asking every entity of the article for every candidate was quadratic.
std::vector<char> InsideAgencies(const std::vector<Entity>& entities) {
  std::vector<size_t> order(entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return entities[a].range.begin < entities[b].range.begin;
  });
  std::vector<char> inside(entities.size(), 0);
  uint32_t reach = 0;  // the furthest end of the agencies that start before the group
  bool any = false;
  for (size_t g = 0; g < order.size();) {
    size_t end = g;  // [g, end): the entities starting at the same byte
    while (end < order.size() && entities[order[end]].range.begin == entities[order[g]].range.begin) ++end;
    for (size_t x = g; x < end; ++x) {
      const Entity& e = entities[order[x]];
      bool held = any && reach >= e.range.end;
      for (size_t y = g; y < end && !held; ++y)
        held = y != x && entities[order[y]].type == EntityType::kAgency && entities[order[y]].range.end >= e.range.end;
      inside[order[x]] = held;
    }
    for (size_t x = g; x < end; ++x)
      if (entities[order[x]].type == EntityType::kAgency) {
        reach = any ? std::max(reach, entities[order[x]].range.end) : entities[order[x]].range.end;
        any = true;
      }
    g = end;
  }
  return inside;
}

// "... Adiwiyata ... tahun 2023": a year written after the award in its sentence.
std::optional<int> YearAfter(const Document& doc, uint32_t from, uint32_t to) {
  static const RE2 kYear("\\b((?:19|20)\\d\\d)\\b");
  re2::StringPiece year;
  if (from < to && RE2::PartialMatch(doc.Slice({from, to}), kYear, &year)) return std::atoi(std::string(year).c_str());
  return std::nullopt;
}

// The fiscal year an article names first: a year right after a phrase of
// `before` ("LKPD Tahun Anggaran 2022", "laporan keuangan tahun 2023").
std::optional<int> FiscalYear(const Document& doc, const std::vector<const Sentence*>& body, const PhraseList& before) {
  constexpr uint32_t kNear = 8;  // "(TA) 2022": a short name may stand between
  for (const Sentence* s : body)
    for (const auto& [b, e] : before.Spans(Lower(doc.Slice(s->range)))) {
      const uint32_t from = s->range.begin + static_cast<uint32_t>(e);
      if (std::optional<int> year = YearAfter(doc, from, std::min(s->range.end, from + kNear))) return year;
    }
  return std::nullopt;
}


// The words right before `pos`, from `floor` on: the last word, and the last
// two ("di bawah"), lower case.
std::pair<std::string, std::string> WordsBefore(const Document& doc, uint32_t floor, uint32_t pos) {
  size_t end = pos;
  while (end > floor && doc.text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > floor && std::isalpha(static_cast<unsigned char>(doc.text[begin - 1]))) --begin;
  size_t begin2 = begin;
  while (begin2 > floor && doc.text[begin2 - 1] == ' ') --begin2;
  while (begin2 > floor && std::isalpha(static_cast<unsigned char>(doc.text[begin2 - 1]))) --begin2;
  return {Lower(doc.Slice({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)})),
          Lower(doc.Slice({static_cast<uint32_t>(begin2), static_cast<uint32_t>(end)}))};
}

// Spans of `text` that overlap ("kembali meraih", "meraih") or stand one
// space apart ("ditetapkan sebagai" "penerima") as one: one verb phrase.
std::vector<std::pair<size_t, size_t>> Merged(const std::string& text, std::vector<std::pair<size_t, size_t>> spans) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& span : spans)
    if (!out.empty() && (span.first < out.back().second ||
                         (span.first == out.back().second + 1 && text[out.back().second] == ' ')))
      out.back().second = std::max(out.back().second, span.second);
    else
      out.push_back(span);
  return out;
}

// Whether the text between two names joins them: "", ",", "dan", "serta",
// "&", with asides in parentheses left out.
bool Joins(std::string gap) {
  for (size_t open; (open = gap.find('(')) != std::string::npos;) {
    const size_t close = gap.find(')', open);
    gap.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  std::string joint;
  for (char c : Lower(gap))
    if (c != ' ') joint.push_back(c);
  return joint.empty() || joint == "," || joint == "dan" || joint == ",dan" || joint == "serta" || joint == ",serta" ||
         joint == "&";
}

// Whether `e` stands inside parentheses opened after `floor`: an aside
// ("DENPASAR, (Bali Kini) –"), not a name of the sentence.
bool InParentheses(const Document& doc, uint32_t floor, const Entity& e) {
  const std::string_view before = doc.Slice({floor, e.range.begin});
  const size_t open = before.rfind('(');
  return open != std::string_view::npos && before.find(')', open) == std::string_view::npos;
}

// The region code of a body or region entity: its own, or that of a region
// inside its name ("Pemerintah Kabupaten Kulon Progo" -> 34.01).
std::string RegionCode(const Document& doc, const Entity& e) {
  if (!e.code.empty()) return e.code;
  for (const Entity& inner : doc.entities)
    if (inner.type == EntityType::kLocation && !inner.code.empty() && &inner != &e && Inside(inner.range, e.range))
      return inner.code;
  return {};
}

// The grade of `tiers` (lower case -> as written, longest first) that
// stands as whole words at `at` of lower-case `text`, if one does.
const std::pair<std::string, std::string>* TierAt(const std::vector<std::pair<std::string, std::string>>& tiers,
                                                  const std::string& text, size_t at) {
  for (const auto& tier : tiers) {
    const std::string& lower = tier.first;
    if (text.compare(at, lower.size(), lower) == 0 &&
        (at + lower.size() == text.size() || !std::isalnum(static_cast<unsigned char>(text[at + lower.size()]))))
      return &tier;
  }
  return nullptr;
}

}  // namespace

struct Assembler::Rules {
  PhraseList receive, recipient_after, organizer_after, refers_back, refers_to_two, refers_to_three, lists_after,
      place_not_after, subject_not_after, award_words, reporting, give, place_after, not_place_after, ceremony,
      unit_words, innovation_words, innovation_list_after, receive_passive, passive_refers, not_receive_after, candidacy_after,
      also_after, event_after, refers_back_opening, head_of_region, count_not_subject, relative, copula, rank_words,
      held_at, contrast, fiscal_year_before, branch_words, not_yet, tier_after, members_at, headline_counts, list_leads, period_before,
      innovation_of, role_before, measure_before, sentence_openers, hall_of_body, proxy_after;
  std::vector<std::pair<std::string, std::string>> tiers;  // lower case -> as written in records.toml, longest first
  std::set<std::string> fiscal_year_awards;
  // An award's organizer by rules/awards.tsv, for the years it gave it
  // ("Kementerian Lingkungan Hidup dan Kehutanan@2015-2024"); 0: open.
  struct Organizer {
    std::string name;
    int from = 0, to = 0;
  };
  std::map<std::string, std::vector<Organizer>> default_organizer;  // award -> organizers, in file order
  std::string government[3];                              // province, regency, city: "... {X}"
  std::vector<std::pair<std::string, std::string>> venues;  // lower-case venue -> region name
  std::unique_ptr<FrameSet> frames;                          // rules/frames.toml
};

Assembler::Assembler(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
Assembler::~Assembler() = default;

Status Assembler::Load(const RulesDir& dir, std::unique_ptr<Assembler>* out) {
  auto rules = std::make_unique<Rules>();
  const std::string display = RulesDir::Display("records.toml");
  toml::table table;
  if (Status s = ReadToml(dir.Path("records.toml"), display, &table); !s.ok()) return s;
  if (Status s = CheckKeys(table, {"receive", "recipient_after", "organizer_after", "refers_back", "refers_to_two",
                                   "refers_to_three", "lists_after", "place_not_after", "subject_not_after",
                                   "award_words", "reporting", "give", "place_after", "not_place_after", "ceremony",
                                   "unit_words", "innovation_words", "innovation_list_after", "receive_passive",
                                   "passive_refers", "also_after", "event_after", "not_receive_after", "candidacy_after",
                                   "refers_back_opening", "head_of_region", "count_not_subject", "relative", "copula", "rank_words",
                                   "held_at", "contrast", "fiscal_year_awards", "fiscal_year_before", "branch_words", "not_yet",
                                   "tier_after", "tiers", "members_at", "headline_counts", "list_leads", "period_before",
                                   "innovation_of", "role_before", "measure_before", "sentence_openers", "hall_of_body",
                                   "proxy_after"},
                           display);
      !s.ok())
    return s;
  for (auto [key, list] : {std::pair<const char*, PhraseList*>{"receive", &rules->receive},
                           {"recipient_after", &rules->recipient_after}, {"organizer_after", &rules->organizer_after},
                           {"refers_back", &rules->refers_back}, {"refers_to_two", &rules->refers_to_two},
                           {"refers_to_three", &rules->refers_to_three}, {"lists_after", &rules->lists_after},
                           {"place_not_after", &rules->place_not_after},
                           {"subject_not_after", &rules->subject_not_after}, {"award_words", &rules->award_words},
                           {"reporting", &rules->reporting}, {"give", &rules->give},
                           {"place_after", &rules->place_after}, {"not_place_after", &rules->not_place_after},
                           {"ceremony", &rules->ceremony}, {"unit_words", &rules->unit_words},
                           {"innovation_words", &rules->innovation_words},
                           {"innovation_list_after", &rules->innovation_list_after},
                           {"receive_passive", &rules->receive_passive}, {"passive_refers", &rules->passive_refers},
                           {"also_after", &rules->also_after}, {"event_after", &rules->event_after},
                           {"not_receive_after", &rules->not_receive_after},
                           {"candidacy_after", &rules->candidacy_after},
                           {"refers_back_opening", &rules->refers_back_opening},
                           {"head_of_region", &rules->head_of_region},
                           {"count_not_subject", &rules->count_not_subject}, {"relative", &rules->relative},
                           {"copula", &rules->copula}, {"rank_words", &rules->rank_words}, {"held_at", &rules->held_at},
                           {"contrast", &rules->contrast}, {"fiscal_year_before", &rules->fiscal_year_before},
                           {"branch_words", &rules->branch_words}, {"not_yet", &rules->not_yet},
                           {"tier_after", &rules->tier_after}, {"members_at", &rules->members_at},
                           {"headline_counts", &rules->headline_counts}, {"list_leads", &rules->list_leads},
                           {"period_before", &rules->period_before},
                           {"innovation_of", &rules->innovation_of},
                           {"role_before", &rules->role_before}, {"measure_before", &rules->measure_before},
                           {"sentence_openers", &rules->sentence_openers}, {"hall_of_body", &rules->hall_of_body},
                           {"proxy_after", &rules->proxy_after}})
    if (Status s = ReadPhrases(table, key, display, list); !s.ok()) return s;

  std::vector<std::string> tiers;
  if (Status s = GetStringList(table, "tiers", display, &tiers); !s.ok()) return s;
  for (const std::string& t : tiers) rules->tiers.emplace_back(Lower(t), t);
  std::stable_sort(rules->tiers.begin(), rules->tiers.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::set<std::string> titles;
  if (Status s = ForEachTsvRow(dir.Path("awards.tsv"), RulesDir::Display("awards.tsv"), 2,
                               [&](int, const std::vector<std::string_view>& f) {
                                 titles.emplace(f[0]);
                                 static const RE2 kYears("(.+)@(\\d{4})?-(\\d{4})?");
                                 for (std::string_view part : SplitList(f[1])) {
                                   Rules::Organizer o;
                                   std::string from, to;
                                   if (!RE2::FullMatch(part, kYears, &o.name, &from, &to)) o.name = std::string(part);
                                   if (o.name.find('@') != std::string::npos)
                                     return Status::Error("organizer \"" + std::string(part) +
                                                          "\": write Name@YYYY-YYYY, Name@YYYY- or Name@-YYYY");
                                   o.from = from.empty() ? 0 : std::stoi(from);
                                   o.to = to.empty() ? 0 : std::stoi(to);
                                   rules->default_organizer[std::string(f[0])].push_back(std::move(o));
                                 }
                                 return Status();
                               });
      !s.ok())
    return s;
  std::vector<std::string> fiscal;
  if (Status s = GetStringList(table, "fiscal_year_awards", display, &fiscal); !s.ok()) return s;
  for (const std::string& title : fiscal) {
    if (!titles.count(title))
      return Status::Error(display + ":" + std::to_string(TomlLine(*table.get("fiscal_year_awards"))) +
                           ": fiscal_year_awards: \"" + title + "\" is no title of rules/awards.tsv");
    rules->fiscal_year_awards.insert(title);
  }

  std::map<std::string, std::string> region_names;  // code -> name
  if (Status s = ForEachTsvRow(dir.Path("regions.tsv"), RulesDir::Display("regions.tsv"), 3,
                               [&](int, const std::vector<std::string_view>& f) {
                                 region_names.emplace(f[0], f[2]);
                                 return Status();
                               });
      !s.ok())
    return s;
  if (Status s = ForEachTsvRow(dir.Path("venues.tsv"), RulesDir::Display("venues.tsv"), 2,
                               [&](int, const std::vector<std::string_view>& f) {
                                 auto it = region_names.find(std::string(f[1]));
                                 if (it == region_names.end())
                                   return Status::Error("no region with code \"" + std::string(f[1]) + "\" in rules/regions.tsv");
                                 rules->venues.emplace_back(Lower(f[0]), it->second);
                                 return Status();
                               });
      !s.ok())
    return s;

  const std::string gazetteer = RulesDir::Display("gazetteer.toml");
  toml::table regions_file;
  if (Status s = ReadToml(dir.Path("gazetteer.toml"), gazetteer, &regions_file); !s.ok()) return s;
  const char* keys[] = {"province_government", "regency_government", "city_government"};
  for (int level = 0; level < 3; ++level) {
    const auto* first = regions_file["regions"][keys[level]][0].as_string();
    if (!first) return Status::Error(gazetteer + ": [regions] " + keys[level] + " needs at least one form");
    rules->government[level] = first->get();
  }
  if (Status s = FrameSet::Load(dir, &rules->frames); !s.ok()) return s;
  out->reset(new Assembler(std::move(rules)));
  return {};
}

std::string Assembler::RecipientName(const Document& doc, const Entity& e) const {
  if (e.type == EntityType::kAgency) return e.value;
  // "Kota Surakarta meraih ...": a region as recipient stands for its government.
  std::string x = e.value;
  int level = 0;
  for (auto [prefix, l] : {std::pair<std::string_view, int>{"Kabupaten Administrasi ", 1}, {"Kota Administrasi ", 2},
                           {"Kabupaten ", 1}, {"Kota ", 2}})
    if (x.rfind(prefix, 0) == 0) {
      x = x.substr(prefix.size());
      level = l;
      break;
    }
  std::string name = rules_->government[level];
  name.replace(name.find("{X}"), 3, x);
  (void)doc;
  return name;
}

std::vector<std::string> Assembler::Recipients(const Document& doc, size_t k, const std::vector<const Sentence*>& body,
                                               uint32_t from, uint32_t verb, const std::vector<char>& in_agency) const {
  const Rules& r = *rules_;
  const Range s{from, body[k]->range.end};
  // Counts, bodies and regions (not regions inside a body's name, not the
  // dateline) in [from, to).
  auto candidates = [&](uint32_t from, uint32_t to) {
    std::vector<const Entity*> found;
    for (const Entity& e : Near(doc, {from, to})) {
      if (e.range.begin < from || e.range.end > to) continue;
      if (e.type == EntityType::kCount) {
        found.push_back(&e);
        continue;
      }
      if (e.type != EntityType::kAgency && e.type != EntityType::kLocation) continue;
      if (doc.dateline && Inside(e.range, *doc.dateline)) continue;
      if (!in_agency[&e - doc.entities.data()]) found.push_back(&e);
    }
    return found;
  };
  auto word_before = [&](const Entity& e) { return WordsBefore(doc, s.begin, e.range.begin); };
  // A region in parentheses is an aside, and one after a capitalised word
  // ends a name ("Kartini Temanggung", "Bea Cukai Semarang", "Penyanyi Solo"),
  // unless that word is the head of the region's government ("Bupati
  // Lamongan menerima ...") or a word capitalised for opening the sentence
  // ("Adapun Kota Bontang ...").
  auto in_a_name = [&](const Entity& e) {
    if (e.type != EntityType::kLocation) return false;
    if (InParentheses(doc, s.begin, e)) return true;
    if (e.range.begin < s.begin + 2 || doc.text[e.range.begin - 1] != ' ' || r.head_of_region.In(word_before(e).first))
      return false;
    size_t w = e.range.begin - 1;
    while (w > s.begin && std::isalpha(static_cast<unsigned char>(doc.text[w - 1]))) --w;
    if (w == s.begin && r.sentence_openers.In(word_before(e).first)) return false;
    return w < e.range.begin - 1 && std::isupper(static_cast<unsigned char>(doc.text[w]));
  };
  // The names of a list: every body or region from `from` on, up to `to`.
  // Regions count only in a list of regions: in "A di Temanggung dan B,
  // Jambi" they say where the bodies are.
  auto list = [&](uint32_t from, uint32_t to) {
    const std::vector<const Entity*> found = candidates(from, to);
    const bool has_body = std::any_of(found.begin(), found.end(), [](const Entity* e) { return e->type == EntityType::kAgency; });
    std::vector<std::string> names;
    for (const Entity* e : found)
      if (e->type == (has_body ? EntityType::kAgency : EntityType::kLocation) && !in_a_name(*e) &&
          !r.place_not_after.In(word_before(*e).first) && !r.subject_not_after.In(word_before(*e).first) &&
          !r.subject_not_after.In(word_before(*e).second)) {
        std::string name = RecipientName(doc, *e);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    return names;
  };
  auto list_in = [&](const Range& range, uint32_t from) -> std::vector<std::string> {
    const std::vector<size_t> at = r.lists_after.Find(Lower(doc.Slice({from, range.end})));
    if (at.empty()) return {};
    return list(from + static_cast<uint32_t>(at.front()), range.end);
  };

  // The subject: the first body, region or count before the verb that is
  // not a modifier ("di bawah Ditjen ...", "selain RSUP ...", "milik ..."),
  // not an aside in parentheses, not the province after a regency ("Kabupaten
  // Kulon Progo, Daerah Istimewa Yogyakarta, meraih") and not a span of time
  // ("Tiga bulan kemudian, Pemkot Surabaya menerima ...").
  // The body an innovation is of ("Inovasi milik RSUD Sleman meraih ...",
  // "Satu inovasi lain dari Dinas X, yakni ..., tercatat dalam ..."): the
  // innovation won for it, so it receives; the count of innovations does not.
  auto owns_innovation = [&](const Entity& e, const std::string& one) {
    if (e.type != EntityType::kAgency || !r.innovation_of.In(one)) return false;
    const uint32_t from = e.range.begin > s.begin + 40 ? e.range.begin - 40 : s.begin;
    return r.innovation_words.In(Lower(doc.Slice({from, e.range.begin})));
  };
  std::vector<const Entity*> before;
  for (const Entity* e : candidates(s.begin, verb)) {
    const auto [one, two] = word_before(*e);
    if (owns_innovation(*e, one)) {
      before.erase(std::remove_if(before.begin(), before.end(), [&](const Entity* c) {
        return c->type == EntityType::kCount && r.innovation_words.In(Lower(c->unit));
      }), before.end());
      before.push_back(e);
      continue;
    }
    if (r.subject_not_after.In(one) || r.subject_not_after.In(two)) continue;
    if (e->type == EntityType::kCount && r.count_not_subject.In(Lower(e->unit))) continue;
    if (e->type == EntityType::kLocation) {
      if (in_a_name(*e)) continue;
      if (!before.empty() && !e->code.empty() && RegionCode(doc, *before.back()).rfind(e->code + ".", 0) == 0) continue;
    }
    before.push_back(e);
  }
  // What a reporting verb introduces is not its subject ("Kementerian PANRB
  // mencatat, ... 5 persen pemerintah kabupaten yang meraih ..."), nor is a
  // giver ("Kemenkeu memberikan apresiasi kepada K/L yang memperoleh ..."),
  // and a count nearer the verb is the subject ("... 18 satuan kerja di
  // lingkungan Kemenkes yang meraih WBK").
  for (size_t i = before.size(); i-- > 0;) {
    const uint32_t to = i + 1 < before.size() ? before[i + 1]->range.begin : verb;
    const std::string between = Lower(doc.Slice({before[i]->range.end, to}));
    if (r.reporting.In(between) || r.give.In(between)) {
      before.erase(before.begin(), before.begin() + static_cast<long>(i) + 1);
      break;
    }
  }
  for (size_t i = before.size(); i-- > 1;)
    if (before[i]->type == EntityType::kCount) {
      before.erase(before.begin(), before.begin() + static_cast<long>(i));
      break;
    }
  // "X ... atas laporan keuangan Pemprov Riau yang memperoleh ...": a verb in
  // a relative clause belongs to the names right before "yang", unless the
  // first name is what a copula describes ("Kemenpora merupakan mitra Komisi
  // X DPR yang pernah mendapatkan ...").
  if (before.size() > 1 && before.back()->type != EntityType::kCount &&
      r.relative.In(Lower(doc.Slice({before.back()->range.end, verb}))) &&
      !r.copula.In(Lower(doc.Slice({before.front()->range.end, before.back()->range.begin})))) {
    size_t i = before.size() - 1;
    while (i > 0 && Joins(std::string(doc.Slice({before[i - 1]->range.end, before[i]->range.begin})))) --i;
    before.erase(before.begin(), before.begin() + static_cast<long>(i));
  }
  if (before.empty()) {
    // "Peraih WBBM tahun ini adalah A dan B"; "... diserahkan kepada X".
    std::vector<std::string> names = list_in(s, verb);
    if (names.empty()) {
      // The recipient follows the marker closely: "untuk kategori Pioneer
      // of Green Concept Apartment in Cilegon" names none.
      const auto at = r.recipient_after.Spans(Lower(doc.Slice({verb, s.end})));
      if (!at.empty()) {
        const uint32_t marker_end = verb + static_cast<uint32_t>(at.front().second);
        const std::vector<const Entity*> found = candidates(marker_end, s.end);
        const auto first = std::find_if(found.begin(), found.end(), [](const Entity* e) { return e->type != EntityType::kCount; });
        if (first != found.end()) {
          const std::string_view gap = doc.Slice({marker_end, (*first)->range.begin});
          std::vector<std::string> after = list(marker_end, s.end);
          if (std::count(gap.begin(), gap.end(), ' ') <= 4 && gap.find_first_of(",.;()") == std::string_view::npos &&
              !after.empty())
            names.push_back(after.front());
        }
      }
    }
    return names;
  }
  if (before.front()->type == EntityType::kCount) {
    // "Dua kota, yakni A dan B, meraih ..."; "Tiga satuan kerja peraih WBBM
    // adalah A, B, serta C"; "Dua UPT ... meraih ... . Keduanya adalah A dan B."
    std::vector<std::string> names = list_in({s.begin, verb}, before.front()->range.end);
    if (names.empty()) names = list_in(s, verb);
    // The list may come a sentence later, after one on the ceremony.
    for (size_t j = k + 1; names.empty() && j < body.size() && j <= k + 2; ++j) {
      const Range next = body[j]->range;
      const bool has_award = std::any_of(doc.entities.begin(), doc.entities.end(), [&](const Entity& e) {
        return e.type == EntityType::kAward && Inside(e.range, next);
      });
      if (has_award) break;
      names = list_in(next, next.begin);
    }
    return names;
  }
  // A body (or region) and those joined to it by "dan", ",", "serta".
  std::vector<std::string> names{RecipientName(doc, *before.front())};
  for (size_t i = 1; i < before.size(); ++i) {
    if (!Joins(std::string(doc.Slice({before[i - 1]->range.end, before[i]->range.begin})))) break;
    const std::string name = RecipientName(doc, *before[i]);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::vector<std::string> Assembler::PassiveRecipients(const Document& doc, const Range& s, uint32_t from,
                                                      const std::vector<char>& in_agency) const {
  const Rules& r = *rules_;
  // Bodies and regions after the verb, not inside a body's name.
  std::vector<const Entity*> after;
  for (const Entity& e : Near(doc, {from, s.end})) {
    if ((e.type != EntityType::kAgency && e.type != EntityType::kLocation) || e.range.begin < from || e.range.end > s.end)
      continue;
    if (!in_agency[&e - doc.entities.data()]) after.push_back(&e);
  }
  if (after.empty()) return {};
  // The first must follow closely, within the clause ("diraih Pemerintah
  // Kabupaten Badung", "diterima Bupati Banyumas"), not after "dari", "di".
  const Entity& first = *after.front();
  const std::string_view gap = doc.Slice({from, first.range.begin});
  if (gap.size() > 60 || gap.find_first_of(",.;") != std::string_view::npos) return {};
  const auto [one, two] = WordsBefore(doc, from, first.range.begin);
  if (r.subject_not_after.In(one) || r.subject_not_after.In(two)) return {};
  if (first.type == EntityType::kLocation && !r.head_of_region.In(WordsBefore(doc, s.begin, first.range.begin).first)) {
    // A region after another capitalised word ends a name or a position
    // ("Sekretaris Daerah Provinsi Jawa Tengah").
    const std::string_view words = doc.Slice({from, first.range.begin});
    const size_t space = words.find_last_not_of(' ');
    if (space != std::string_view::npos) {
      size_t w = space;
      while (w > 0 && std::isalpha(static_cast<unsigned char>(words[w - 1]))) --w;
      if (std::isupper(static_cast<unsigned char>(words[w]))) return {};
    }
  }
  std::vector<std::string> names{RecipientName(doc, first)};
  for (size_t i = 1; i < after.size() && after[i]->type == first.type; ++i) {
    if (!Joins(std::string(doc.Slice({after[i - 1]->range.end, after[i]->range.begin})))) break;
    const std::string name = RecipientName(doc, *after[i]);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

void Assembler::AddUnitsAndInnovations(const Document& doc, const Range& s, const std::vector<size_t>& records,
                                       bool units, std::vector<AwardRecord>* built) const {
  const Rules& r = *rules_;
  if (records.empty()) return;
  const std::string lower = Lower(doc.Slice(s));
  // "capaian dari tiga unit kerja, yakni A, B, serta C": the units credited.
  const std::vector<size_t> list_at = r.lists_after.Find(lower);
  const std::vector<size_t> unit_at = r.unit_words.Find(lower);
  if (units && !list_at.empty() && !unit_at.empty() && unit_at.front() < list_at.front()) {
    for (const Entity& e : doc.entities) {
      if (e.type != EntityType::kAgency || !Inside(e.range, s) || e.range.begin < s.begin + list_at.front()) continue;
      // A body that received an award itself is a recipient, not a unit.
      const bool recipient = std::any_of(built->begin(), built->end(), [&](const AwardRecord& a) { return a.recipient == e.value; });
      if (recipient) continue;
      for (size_t i : records) {
        AwardRecord& rec = (*built)[i];
        if (std::find(rec.units.begin(), rec.units.end(), e.value) == rec.units.end()) rec.units.push_back(e.value);
      }
    }
  }
  // "inovasi ... antara lain A, B dan C", "inovasi yang disebut A atau ...":
  // the capitalised names after the marker.
  if (!r.innovation_words.In(lower)) return;
  const auto markers = r.innovation_list_after.Spans(lower);
  if (markers.empty()) return;
  std::string_view rest = doc.Slice({s.begin + static_cast<uint32_t>(markers.front().second), s.end});
  rest = rest.substr(0, rest.find_first_of(".;(\"“”"));
  if (const size_t atau = rest.find(" atau "); atau != std::string_view::npos) rest = rest.substr(0, atau);
  std::string text(rest);
  for (std::string_view joint : {", serta ", ", dan ", " serta ", " dan "})
    for (size_t p; (p = text.find(joint)) != std::string::npos;) text.replace(p, joint.size(), ", ");
  std::vector<std::string> names;
  for (size_t pos = 0; pos <= text.size();) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string name = text.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0])) || name.size() > 80) break;
    names.push_back(name);
    pos = comma + 1;
  }
  for (size_t i : records)
    for (const std::string& name : names)
      if (std::find((*built)[i].innovations.begin(), (*built)[i].innovations.end(), name) == (*built)[i].innovations.end())
        (*built)[i].innovations.push_back(name);
}

const std::vector<FrameExample>& Assembler::FrameExamples() const { return rules_->frames->examples(); }

bool Assembler::Applies(const Document& doc) {
  return std::any_of(doc.entities.begin(), doc.entities.end(), [](const Entity& e) { return e.type == EntityType::kAward; });
}

void Assembler::Process(Document* doc, std::vector<Explanation>* why) const {
  const Rules& r = *rules_;
  doc->awards.clear();
  const std::vector<Entity>& entities = doc->entities;
  if (!Applies(*doc)) {
    if (why) why->push_back({{0, 0}, "no award title in the article: no sentence is read for records"});
    return;
  }
  std::vector<char> in_agency = InsideAgencies(entities);
  // A body written right after a unit's name is the unit's parent, part of
  // its full name ("Direktorat Bina KUA dan Keluarga Sakinah Kementerian
  // Agama"): no recipient of its own there.
  // The record keeps it as the recipient's parent, so a ministry can be
  // counted with its units.
  std::map<std::string, std::string> parent_of;
  for (size_t i = 0, prev = entities.size(); i < entities.size(); ++i) {
    if (entities[i].type != EntityType::kAgency || in_agency[i]) continue;
    if (prev < entities.size() && entities[prev].range.end <= entities[i].range.begin &&
        doc->Slice({entities[prev].range.end, entities[i].range.begin}).find_first_not_of(' ') == std::string_view::npos) {
      in_agency[i] = 1;
      parent_of.emplace(entities[prev].value, entities[i].value);
    }
    prev = i;
  }

  std::vector<AwardRecord> built;
  std::vector<size_t> last_group;  // records of the latest sentence that made any
  size_t last_group_sentence = 0;
  const Entity* last_award = nullptr;  // the award mentioned last
  size_t last_award_sentence = 0;
  std::map<std::string, std::string> given_by;  // award -> the body that gives it
  std::vector<std::string> givers;               // bodies that give anything, in order
  std::optional<std::string> ceremony_date, ceremony_place;
  Range ceremony_date_from, ceremony_place_from;  // the sentences that said them, original offsets

  auto in_sentence = [&](const Range& s, EntityType type) {
    std::vector<const Entity*> found;
    for (const Entity& e : Near(*doc, s))
      if (e.type == type && Inside(e.range, s)) found.push_back(&e);
    return found;
  };
  // The body named right after a marker ("oleh X"): the first entity after
  // it, if that is a body ("dari Jawa Timur antara lain Pemkab ..." names none).
  auto body_after = [&](const std::vector<size_t>& markers, const Range& s) -> const Entity* {
    for (size_t m : markers) {
      const Entity* first = nullptr;
      for (const Entity& e : Near(*doc, s))
        if (Inside(e.range, s) && e.range.begin >= s.begin + m && e.type != EntityType::kCount &&
            (!first || e.range.begin < first->range.begin))
          first = &e;
      if (first && first->type == EntityType::kAgency && first->range.begin <= s.begin + m + 40) return first;
    }
    return nullptr;
  };
  // Where an event took place: the first region after "di" (within a few
  // words: "di Ballroom Hotel Gumaya Tower, Jl. Gajah Mada, Kota Semarang"),
  // not inside a body's name, not a position's region ("Wali Kota X"), not
  // in `skip` (a subject up to its verb).
  auto place = [&](const Range& s, const std::vector<Range>& skip) -> const Entity* {
    const std::string lower = Lower(doc->Slice(s));
    // "di Aula KPPN Malang": with no region outside a name, the hall's body says where.
    const Entity* office = nullptr;
    for (size_t at : r.place_after.Find(lower)) {
      if (r.not_place_after.In(lower.substr(at, 16))) continue;
      // "sejumlah kabupaten/kota di Kalsel meraih ...": where those who
      // receive are, not where the award was given.
      // A position's "kota" is no group of them ("wali kota di Jakarta").
      if (const auto [one, two] = WordsBefore(*doc, s.begin, s.begin + static_cast<uint32_t>(at));
          (r.members_at.In(one) || r.members_at.Is(two)) && !r.place_not_after.In(two.substr(0, two.find(' '))))
        continue;
      // The place is near "di"; a venue inside a body's office ("di Aula
      // Kantor Wilayah ... Provinsi Jawa Timur, Kota Surabaya") moves it on.
      uint32_t reach = s.begin + static_cast<uint32_t>(at) + 80;
      for (const Entity& e : Near(*doc, s)) {
        if (e.type == EntityType::kLocation && in_agency[&e - entities.data()] && e.range.begin <= reach)
          reach = std::max(reach, e.range.end + 40);
        if (e.type != EntityType::kLocation || !Inside(e.range, s) || e.range.begin < s.begin + at ||
            e.range.begin > reach ||
            std::any_of(skip.begin(), skip.end(), [&](const Range& k) { return Inside(e.range, k); }))
          continue;
        const bool inside_agency = in_agency[&e - entities.data()];
        size_t word_end = e.range.begin;
        while (word_end > s.begin && doc->text[word_end - 1] == ' ') --word_end;
        size_t word_begin = word_end;
        while (word_begin > s.begin && std::isalpha(static_cast<unsigned char>(doc->text[word_begin - 1]))) --word_begin;
        const bool position = r.place_not_after.In(Lower(doc->Slice({static_cast<uint32_t>(word_begin), static_cast<uint32_t>(word_end)})));
        if (inside_agency && !office && r.hall_of_body.In(lower.substr(at, 20))) office = &e;
        if (inside_agency || position) continue;
        // "di Aula Kanwil Provinsi Maluku, Kota Ambon": the city or regency
        // of that province right after it says where, more closely.
        const Entity* next = &e + 1;
        if (next < entities.data() + entities.size() && next->type == EntityType::kLocation && Inside(next->range, s) &&
            !e.code.empty() && next->code.rfind(e.code + ".", 0) == 0 &&
            doc->Slice({e.range.end, next->range.begin}).find_first_not_of(", ") == std::string_view::npos)
          return next;
        return &e;
      }
    }
    return office;
  };
  // ... else a known venue after "di", by its region ("di Istana Negara").
  auto venue_region = [&](const Range& s) -> std::optional<std::string> {
    const std::string lower = Lower(doc->Slice(s));
    for (size_t at : r.place_after.Find(lower))
      for (const auto& [venue, region] : r.venues) {
        const size_t v = lower.find(venue, at);
        if (v != std::string::npos && v <= at + 40) return region;
      }
    return std::nullopt;
  };
  auto evidence = [&](const Range& s) { return Range{doc->map.SpanStart(s.begin), doc->map.SpanEnd(s.end)}; };

  std::vector<const Sentence*> body;
  for (const Sentence& s : doc->sentences)
    if (!s.is_title) body.push_back(&s);
  // The title line is read as the sentence before the body where the body
  // too speaks of an award, by its title or by words that refer back to one
  // ("Penghargaan diserahkan ..."): a headline alone may read a conferral
  // into an article about something else.
  const bool body_confirms =
      std::any_of(entities.begin(), entities.end(), [](const Entity& e) { return e.type == EntityType::kAward && !e.headline; }) ||
      std::any_of(body.begin(), body.end(), [&](const Sentence* s) {
        const std::string lower = Lower(doc->Slice(s->range));
        const std::vector<size_t> opening = r.refers_back_opening.Find(lower);
        return r.refers_back.In(lower) || (!opening.empty() && opening.front() == 0);
      });
  // A headline that counts its subject ("Lima Satker Kemenkumham Bali Raih
  // WBK") sums up recipients the body names one by one: not read. Words, not
  // count entities: a Title Case headline's noun looks like a name.
  auto counts_subject = [&](const Sentence& t) {
    const std::string lower = Lower(doc->Slice(t.range));
    const std::vector<size_t> verbs = r.receive.Find(lower);
    return !verbs.empty() && r.headline_counts.In(lower.substr(0, verbs.front()));
  };
  if (body_confirms)
    for (auto t = doc->sentences.rbegin(); t != doc->sentences.rend(); ++t)
      if (t->is_title && !counts_subject(*t)) body.insert(body.begin(), &*t);
  // Records only the headline states; kept where the body states none of its
  // own (it then only refers to them), dropped where it does: the headline
  // sums up or rewords the body's, and a reworded one is a second, wrong record.
  std::set<size_t> headline_only;

  for (size_t k = 0; k < body.size(); ++k) {
    const Range s = body[k]->range;
    const std::string lower = Lower(doc->Slice(s));
    const std::vector<const Entity*> awards = in_sentence(s, EntityType::kAward);
    const std::vector<size_t> organizer_at = r.organizer_after.Find(lower);
    // Verbs of receiving, as absolute [begin, end); a verb used as a noun
    // ("daerah dengan peraih ...", "daftar penerima ...") is none.
    std::string negated;  // a verb of receiving that confers nothing here, for `why`
    auto verbs_of = [&](const PhraseList& list) {
      std::vector<std::pair<uint32_t, uint32_t>> found;
      for (const auto& [b, e] : Merged(lower, list.Spans(lower))) {
        const uint32_t begin = s.begin + static_cast<uint32_t>(b);
        const auto [one, two] = WordsBefore(*doc, s.begin, begin);
        const size_t next = lower.find_first_not_of(' ', e);
        const std::string after = next == std::string::npos ? "" : lower.substr(next, lower.find(' ', next) - next);
        if (!r.not_receive_after.In(one) && !r.not_yet.In(two) && !r.candidacy_after.In(after))
          found.emplace_back(begin, s.begin + static_cast<uint32_t>(e));
        else if (negated.empty())
          negated = two + " " + lower.substr(b, e - b);
      }
      return found;
    };
    bool no_recipient = false;  // an award conferred with nobody to receive it, for `why`
    const auto verbs = verbs_of(r.receive);
    const auto passives = verbs_of(r.receive_passive);
    // A clause's subject with what stands between it and the verb ("Tiga
    // unit ... di Makassar meraih ..."): a region there says where the subject
    // is, not where the award was given.
    std::vector<Range> subjects;
    for (size_t i = 0; i < verbs.size(); ++i) {
      const uint32_t from = i == 0 ? s.begin : verbs[i - 1].second;
      for (const Entity& e : entities)
        if ((e.type == EntityType::kAgency || e.type == EntityType::kCount) && e.range.begin >= from &&
            e.range.end <= verbs[i].first) {
          subjects.push_back({e.range.begin, verbs[i].first});
          break;
        }
    }

    // The organizer named in this sentence: a body after "oleh", "dari", ...
    const Entity* organizer = body_after(organizer_at, s);
    std::vector<const Entity*> dates = in_sentence(s, EntityType::kDate);
    std::erase_if(dates, [&](const Entity* d) {
      return r.period_before.In(WordsBefore(*doc, s.begin, d->range.begin).first);
    });
    const Entity* place_entity = place(s, subjects);
    const std::optional<std::string> location =
        place_entity ? std::optional<std::string>(place_entity->value) : venue_region(s);

    // "Komisi Informasi Provinsi Sumatera Barat menyerahkan Anugerah ...": the
    // giver of an award is its organizer wherever the article uses it.
    if (const std::vector<size_t> gives = r.give.Find(lower); !gives.empty()) {
      const uint32_t give = s.begin + static_cast<uint32_t>(gives.front());
      const Entity* giver = nullptr;
      for (const Entity& e : entities)
        if (e.type == EntityType::kAgency && Inside(e.range, s) && e.range.end <= give && !giver) giver = &e;
      if (giver) {
        givers.push_back(giver->value);
        for (const Entity* a : awards)
          if (a->range.begin > give) given_by.emplace(a->value, giver->value);
      }
    }
    // Not one set against another ("Selain IKPA Award, satker itu juga
    // menerima BMN Award dari KPKNL"): the sentence speaks of the other.
    auto contrasted = [&](const Entity* a) { return r.contrast.In(WordsBefore(*doc, s.begin, a->range.begin).second); };
    // The ceremony: the first sentence with a date that speaks of an award;
    // its place also from one without a date that names an award or refers
    // to one and says where it was held ("Bertempat di Gedung X, ...
    // menerima penghargaan"): a ceremony word alone ("berlangsung") may be
    // of any event.
    const bool names_award = !awards.empty() || r.refers_back.In(lower);
    if (!ceremony_date && !dates.empty() && (names_award || r.ceremony.In(lower))) {
      ceremony_date = dates.front()->value;
      ceremony_date_from = evidence(s);
      if (location) ceremony_place = location, ceremony_place_from = evidence(s);
    } else if (!ceremony_place && location && names_award && r.held_at.In(lower)) {
      ceremony_place = location;
      ceremony_place_from = evidence(s);
    }

    // The award a word of award_words stands for: the one named last before
    // `at`, in this sentence or before it.
    auto award_before = [&](uint32_t at) {
      const Entity* found = last_award;
      for (const Entity* a : awards)
        if (a->range.end <= at) found = a;
      return found;
    };
    bool made = false;  // whether this sentence made records
    const std::vector<size_t> group_before = k == last_group_sentence + 1 ? last_group : std::vector<size_t>{};
    // Who receives in this sentence: never its organizer ("Dari kategori
    // provinsi, Pemprov A meraih ..., bersama Pemprov B").
    std::vector<std::string> receiving;
    // `verb_end`: where the verb of receiving ends.
    // A grade after a word of tier_after: "kategori Nindya", "peringkat I".
    auto tier_in = [&](Range where) -> std::optional<std::string> {
      const std::string text = Lower(doc->Slice(where));
      for (const auto& [b, e] : r.tier_after.Spans(text)) {
        size_t at = e;
        while (at < text.size() && text[at] == ' ') ++at;
        if (const auto* tier = TierAt(r.tiers, text, at)) return tier->second;
      }
      return std::nullopt;
    };
    // `tier_from`: the grade is read only after this ("A meraih peringkat I,
    // disusul B": B's grade is not A's).
    auto confer = [&](const std::vector<const Entity*>& conferred, const std::vector<std::string>& recipients,
                      uint32_t verb_end, const std::string& rule, std::optional<uint32_t> tier_from = std::nullopt) {
      if (!made) last_group.clear();
      made = true;
      receiving.insert(receiving.end(), recipients.begin(), recipients.end());
      const bool organizer_receives =
          organizer && std::find(receiving.begin(), receiving.end(), organizer->value) != receiving.end();
      for (const Entity* award : conferred) {
        for (const std::string& recipient : recipients) {
          auto same = std::find_if(built.begin(), built.end(), [&](const AwardRecord& b) {
            return b.award == award->value && b.recipient == recipient;
          });
          if (same == built.end()) {
            built.push_back({});
            same = built.end() - 1;
            same->award = award->value;
            same->recipient = recipient;
            same->rule = rule;
            if (body[k]->is_title) headline_only.insert(built.size() - 1);
          } else if (!body[k]->is_title) {
            headline_only.erase(static_cast<size_t>(same - built.begin()));
          }
          AwardRecord& rec = *same;
          if (!rec.year && award->year) rec.year = award->year;
          if (!rec.year && Inside(award->range, s)) rec.year = YearAfter(*doc, award->range.end, s.end);
          // An award named earlier ("menempati peringkat II ... Semester I
          // 2024"): a year after the verb, else that of the records the
          // sentence before made of it, as the ranking goes on.
          if (!rec.year && !Inside(award->range, s)) rec.year = YearAfter(*doc, verb_end, s.end);
          for (size_t i : group_before)
            if (!rec.year && !Inside(award->range, s) && built[i].award == award->value) rec.year = built[i].year;
          if (!rec.organizer && organizer && !organizer_receives)
            rec.organizer = organizer->value, rec.organizer_from = ValueSource::kSentence;
          if (!rec.date && !dates.empty()) rec.date = dates.front()->value, rec.date_from = ValueSource::kSentence;
          if (!rec.location && location) rec.location = location, rec.location_from = ValueSource::kSentence;
          if (!rec.tier) rec.tier = tier_in({tier_from.value_or(verb_end), s.end});
          if (!rec.tier && !tier_from) rec.tier = tier_in({s.begin, verb_end});
          rec.evidence.push_back(evidence(s));
          const size_t index = static_cast<size_t>(same - built.begin());
          if (std::find(last_group.begin(), last_group.end(), index) == last_group.end()) last_group.push_back(index);
        }
      }
    };

    // Frames (rules/frames.toml) first: a verb inside a frame's match is not
    // read clause by clause too ("A dan B masing-masing meraih X dan Y" pairs
    // them); the rest of the sentence is ("..., sedangkan C memperoleh Z").
    std::vector<const Entity*> outer;
    for (const Entity& e : Near(*doc, s))
      if (Inside(e.range, s) && !in_agency[&e - entities.data()] &&
          (outer.empty() || e.range.begin >= outer.back()->range.end))
        outer.push_back(&e);
    // The body a sentence refers to ("Kabupaten itu meraih ..."): the first
    // named in the nearest sentence before that names one.
    auto antecedent = [&]() -> const Entity* {
      for (size_t j = k; j > 0 && j + 2 > k; --j)
        for (const Entity& e : Near(*doc, body[j - 1]->range))
          if (Inside(e.range, body[j - 1]->range) && !in_agency[&e - entities.data()] &&
              (e.type == EntityType::kAgency || e.type == EntityType::kLocation))
            return &e;
      return nullptr;
    };
    const std::vector<FrameToken> tokens = r.frames->Tokenize(doc->text, s, outer);
    std::vector<Range> framed;  // what frames that made records matched
    for (const FrameMatch& m : r.frames->Match(tokens)) {
      std::vector<const Entity*> awards_given;
      std::vector<std::string> recipients;
      std::vector<std::string> tiers;  // "kategori Baik dan Kurang": grades of records.toml tiers
      bool tier_slot = false;
      for (const FrameMatch::Slot& slot : m.slots) {
        if (slot.name == "antecedent")
          if (const Entity* e = antecedent()) recipients.push_back(RecipientName(*doc, *e));
        if (slot.name == "tiers" && slot.end > slot.begin) {
          tier_slot = true;
          const std::string text = Lower(doc->Slice({tokens[slot.begin].range.begin, tokens[slot.end - 1].range.end}));
          for (size_t at = 0; at < text.size();) {
            const auto* tier = at == 0 || text[at - 1] == ' ' ? TierAt(r.tiers, text, at) : nullptr;
            if (tier) tiers.push_back(tier->second);
            at += tier ? tier->first.size() : 1;
          }
        }
        for (size_t t = slot.begin; t < slot.end; ++t) {
          const Entity* e = tokens[t].entity;
          if (!e) continue;
          if ((slot.name == "award" && awards_given.empty()) || slot.name == "awards")
            if (e->type == EntityType::kAward) awards_given.push_back(e);
          // In brackets, a body is the acronym or seat of the one before:
          // "Balai POM (BPOM) di Palembang".
          const bool bracketed = t > slot.begin && doc->text[tokens[t - 1].range.begin] == '(';
          if (slot.name == "recipients" && !bracketed &&
              (e->type == EntityType::kAgency || e->type == EntityType::kLocation))
            recipients.push_back(RecipientName(*doc, *e));
        }
      }
      // A row or item under the lead that named the award, or under rows
      // before it that took it so.
      const bool inherited = awards_given.empty() && r.frames->inherits_award(m.frame) && last_award &&
                             k <= last_award_sentence + r.frames->inherit_sentences(m.frame);
      if (inherited) awards_given.push_back(award_before(tokens[m.begin].range.begin));
      // A tier slot holds grades, or the words are no grade ("masuk kategori
      // penilaian") and the match confers nothing.
      if (awards_given.empty() || recipients.empty() || (tier_slot && tiers.empty())) continue;
      const std::string rule = r.frames->rule(m.frame) + ":" + r.frames->name(m.frame);
      const uint32_t end = tokens[m.end - 1].range.end;
      // "masing-masing": as many awards as recipients go one to each, in order.
      if (awards_given.size() > 1 && awards_given.size() == recipients.size()) {
        for (size_t i = 0; i < recipients.size(); ++i) confer({awards_given[i]}, {recipients[i]}, end, rule);
      } else {
        confer(awards_given, recipients, end, rule);
      }
      // Grades go the same way: one to all, or as many as recipients one to each.
      if (tiers.size() == 1 || tiers.size() == recipients.size())
        for (size_t i = 0; i < recipients.size(); ++i)
          for (AwardRecord& rec : built)
            if (rec.recipient == recipients[i] &&
                std::any_of(awards_given.begin(), awards_given.end(), [&](const Entity* a) { return a->value == rec.award; }))
              rec.tier = tiers[tiers.size() == 1 ? 0 : i];
      framed.push_back({tokens[m.begin].range.begin, end});
      if (inherited) last_award_sentence = k;
    }

    // Active voice, clause by clause: "A meraih X, sedangkan B memperoleh Y".
    std::vector<std::string> previous;  // the recipients of the clause before
    auto in_frame = [&](uint32_t at) {
      return std::any_of(framed.begin(), framed.end(), [&](const Range& f) { return f.begin <= at && at < f.end; });
    };
    for (size_t i = 0; i < verbs.size(); ++i) {
      if (in_frame(verbs[i].first)) continue;
      // Plain names, not a structured binding: lambdas below capture them (clang 14 cannot).
      const uint32_t verb = verbs[i].first, verb_end = verbs[i].second;
      const uint32_t from = i == 0 ? s.begin : verbs[i - 1].second;
      const uint32_t to = i + 1 < verbs.size() ? verbs[i + 1].first : s.end;
      // The award follows the verb ("X meraih AWARD"); an award before it is
      // the subject ("Panitia KIPP menerima pendaftaran"), and one after
      // event_after behind another is where that one was given ("... Top 45
      // Inovasi Pelayanan Publik dalam Kompetisi Inovasi Pelayanan Publik").
      // A programme after a role in it is not what the clause confers
      // ("mendapat apresiasi sebagai provinsi penggerak KLA").
      // A title's short name in brackets after it ("Kompetisi ... (KIPP)") is
      // that mention again, read as it was.
      std::vector<const Entity*> conferred;
      const Entity* previous_award = nullptr;
      for (const Entity* a : awards) {
        const bool again = previous_award && previous_award->value == a->value &&
                           doc->Slice({previous_award->range.end, a->range.begin}).find_first_not_of(" (") ==
                               std::string_view::npos;
        previous_award = a;
        if (again) continue;
        const std::string before = WordsBefore(*doc, verb_end, a->range.begin).first;
        if (a->range.begin >= verb_end && a->range.begin < to && !r.role_before.In(before) &&
            (conferred.empty() || !r.event_after.In(before)))
          conferred.push_back(a);
      }
      const std::string after = Lower(doc->Slice({verb, std::min(to, verb + 60)}));
      const std::vector<size_t> refs = r.award_words.Find(after);
      const bool near =
          !refs.empty() && std::count(after.begin(), after.begin() + static_cast<long>(refs.front()), ' ') <= 3;
      if (conferred.empty() && near) {
        // "meraih tiga penghargaan. Ketiganya adalah A, B, dan C": the awards
        // listed after the count, in this sentence or the next.
        const Entity* count = nullptr;
        for (const Entity& e : entities)
          if (e.type == EntityType::kCount && e.range.begin >= verb_end && e.range.begin <= verb_end + 20 &&
              e.range.end <= to && r.award_words.In(Lower(e.unit)))
            count = &e;
        for (size_t j = k; count && conferred.empty() && j < body.size() && j <= k + 1; ++j) {
          const Range where{j == k ? count->range.end : body[j]->range.begin, body[j]->range.end};
          const std::vector<size_t> at = r.lists_after.Find(Lower(doc->Slice(where)));
          if (at.empty()) continue;
          for (const Entity& e : entities)
            if (e.type == EntityType::kAward && Inside(e.range, where) &&
                e.range.begin >= where.begin + at.front() &&
                std::none_of(conferred.begin(), conferred.end(), [&](const Entity* a) { return a->value == e.value; }))
              conferred.push_back(&e);
        }
        // "meraih predikat Nindya", "meraih predikat tersebut": a tier of, or a
        // reference to, the award the article spoke of last; a rank ("menempati
        // peringkat II") only in it, named in this sentence or the one before.
        const bool rank = r.rank_words.In(after.substr(refs.front(), 16));
        if (conferred.empty() && award_before(verb) &&
            (!rank || Inside(award_before(verb)->range, s) || last_award_sentence + 1 >= k))
          conferred.push_back(award_before(verb));
      }
      const bool has_subject = std::any_of(entities.begin(), entities.end(), [&](const Entity& e) {
        return e.type != EntityType::kAward && e.type != EntityType::kDate && e.range.begin >= from &&
               e.range.end <= verb;
      });
      // "A meraih X dan menerima Y", "A terpilih sebagai peraih X": a clause
      // without a subject of its own shares the one before.
      std::vector<std::string> recipients =
          i > 0 && !has_subject ? previous : Recipients(*doc, k, body, from, verb, in_agency);
      if (conferred.empty()) {
        previous = recipients;
        continue;
      }
      if (!recipients.empty()) confer(conferred, recipients, verb_end, kActiveRule);
      no_recipient |= recipients.empty();
      previous = recipients;
      // "A meraih X, disusul B": the bodies after also_after share the award.
      if (recipients.empty()) continue;
      const std::string clause = Lower(doc->Slice({verb_end, to}));
      for (const auto& span : r.also_after.Spans(clause)) {
        const uint32_t after = verb_end + static_cast<uint32_t>(span.second);
        const std::vector<std::string> also = PassiveRecipients(*doc, {s.begin, to}, after, in_agency);
        if (!also.empty()) confer(conferred, also, verb_end, kActiveRule, after);
      }
    }
    // Passive voice: "predikat yang sama diraih Pemerintah Kabupaten Badung
    // dan Pemerintah Kota Denpasar": the award before the verb, the
    // recipients right after it.
    for (const auto& [verb, verb_end] : passives) {
      if (in_frame(verb)) continue;
      std::vector<const Entity*> conferred;
      for (const Entity* a : awards)
        if (a->range.end <= verb) conferred.push_back(a);
      // "Penghargaan itu diterima ...": a word of award_words and a word
      // that points back (passive_refers) right before the verb.
      if (conferred.empty()) {
        const std::string before = Lower(doc->Slice({s.begin, verb}));
        const auto refs = r.award_words.Spans(before);
        if (!refs.empty()) {
          const std::string rest = before.substr(refs.back().second);
          const std::vector<size_t> points = r.passive_refers.Find(rest);
          if (!points.empty() && std::count(rest.begin(), rest.begin() + static_cast<long>(points.front()), ' ') <= 1 &&
              std::count(rest.begin(), rest.end(), ' ') <= 4 && award_before(verb))
            conferred.push_back(award_before(verb));
        }
      }
      if (conferred.empty()) continue;
      // "Pemprov X menerima Provila. Penghargaan itu diterima Kepala Dinas
      // ...": an official who takes an award already given receives it for
      // its recipient, not for the office.
      const std::string after_verb = Lower(doc->Slice({verb_end, s.end}));
      const std::vector<size_t> proxy = r.proxy_after.Find(after_verb);
      const bool given_before = std::any_of(built.begin(), built.end(), [&](const AwardRecord& a) {
        return std::any_of(conferred.begin(), conferred.end(), [&](const Entity* c) { return c->value == a.award; });
      });
      if (given_before && !proxy.empty() && after_verb.find_first_not_of(' ') == proxy.front()) continue;
      const std::vector<std::string> recipients = PassiveRecipients(*doc, s, verb_end, in_agency);
      if (!recipients.empty()) confer(conferred, recipients, verb_end, kPassiveRule);
      no_recipient |= recipients.empty();
    }
    // Why a sentence that names an award made no record (warta explain).
    if (why && !made && !awards.empty()) {
      std::string reason;
      if (!negated.empty())
        reason = "\"" + negated + "\": not (or not yet) conferred (rules/records.toml not_yet, not_receive_after, candidacy_after)";
      else if (no_recipient)
        reason = "an award is conferred but no body receives it here: the one who receives is a position, a person or "
                 "unnamed";
      else if (verbs.empty() && passives.empty())
        reason = "no verb of receiving (rules/records.toml receive, receive_passive) and no frame of rules/frames.toml "
                 "fits";
      else
        reason = "the award is not what the verb confers: it stands before the verb, or names the event of another";
      why->push_back({s, reason});
    }

    // "UHC Awards diselenggarakan Kemenko PMK ...": the organizer named after
    // an award, wherever the article names its records; never one who
    // receives ("Adipura diraih oleh Pemkot X").
    if (organizer && std::find(receiving.begin(), receiving.end(), organizer->value) == receiving.end())
      for (const Entity* a : awards)
        if (a->range.end <= organizer->range.begin && !contrasted(a)) given_by.emplace(a->value, organizer->value);

    // A lead that ends in a colon and speaks of an award by its kind or of
    // its winners ("Penerima penghargaan dibagi menurut pagu:", "Berikut
    // hasil penilaiannya:") opens a list of the last.
    if (!lower.empty() && lower.back() == ':' && (r.award_words.In(lower) || r.list_leads.In(lower)) && last_award)
      last_award_sentence = k;
    // The award a later list inherits: the last one named here, not one
    // scored ("Rata-rata nilai IKPA satker naik", "nilai Indikator ... (IKPA)").
    const Entity* named = nullptr;
    const Entity* scored = nullptr;
    for (const Entity* a : awards) {
      const bool is_scored = r.measure_before.In(WordsBefore(*doc, s.begin, a->range.begin).first) ||
                             (scored && scored->value == a->value && InParentheses(*doc, s.begin, *a));
      (is_scored ? scored : named) = a;
    }
    if (made) {
      if (named) last_award = named, last_award_sentence = k;
      last_group_sentence = k;
      AddUnitsAndInnovations(*doc, s, last_group, true, &built);
      continue;
    }
    if (named) last_award = named, last_award_sentence = k;
    // Units are named right after the award or where a sentence refers back
    // to it; innovations also where a sentence names the recipient or a unit.
    const bool names_member = std::any_of(entities.begin(), entities.end(), [&](const Entity& e) {
      return e.type == EntityType::kAgency && Inside(e.range, s) &&
             std::any_of(last_group.begin(), last_group.end(), [&](size_t i) {
               const AwardRecord& rec = built[i];
               return e.value == rec.recipient || std::find(rec.units.begin(), rec.units.end(), e.value) != rec.units.end();
             });
    });
    // "Penghargaan diterima ...", "Penyerahan berlangsung di ...": a sentence
    // that opens with the award or its handover, right after the records,
    // speaks of them.
    const std::vector<size_t> opening = r.refers_back_opening.Find(lower);
    const bool refers_back = r.refers_back.In(lower) || (!opening.empty() && opening.front() == 0 &&
                                                         !last_group.empty() && k == last_group_sentence + 1);
    const bool about_award = k <= last_group_sentence + 2 || refers_back;
    if (about_award || names_member) AddUnitsAndInnovations(*doc, s, last_group, about_award, &built);

    // A sentence that names awards already given fills what their records
    // lack ("Adipura Kencana diterima dari KLHK pada Februari 2023"); one that
    // refers back, what the latest records lack.
    std::vector<size_t> targets;
    for (size_t i = 0; i < built.size(); ++i)
      if (std::any_of(awards.begin(), awards.end(),
                      [&](const Entity* a) { return built[i].award == a->value && !contrasted(a); }))
        targets.push_back(i);
    if (targets.empty() && refers_back && !last_group.empty()) {
      size_t how_many = last_group.size();
      if (r.refers_to_two.In(lower)) how_many = 2;
      if (r.refers_to_three.In(lower)) how_many = 3;
      // The last `how_many` records made, in order.
      for (size_t i = built.size(); i > 0 && targets.size() < how_many; --i) targets.insert(targets.begin(), i - 1);
      if (how_many == last_group.size()) targets = last_group;
    }
    // Evidence is what a record was built from: a sentence that fills nothing is none.
    for (size_t i : targets) {
      AwardRecord& rec = built[i];
      bool filled = false;
      if (!rec.organizer && organizer && organizer->value != rec.recipient)
        rec.organizer = organizer->value, rec.organizer_from = ValueSource::kReference, filled = true;
      if (!rec.date && !dates.empty())
        rec.date = dates.front()->value, rec.date_from = ValueSource::kReference, filled = true;
      if (!rec.location && location) rec.location = location, rec.location_from = ValueSource::kReference, filled = true;
      if (filled) rec.evidence.push_back(evidence(s));
    }
  }

  if (headline_only.size() < built.size())
    for (auto i = headline_only.rbegin(); i != headline_only.rend(); ++i) built.erase(built.begin() + static_cast<long>(*i));

  const std::optional<std::string>& published = doc->published;
  // When a record's award was given: the year of its date, else of publication.
  auto given_year = [&](const AwardRecord& rec) -> std::optional<int> {
    if (rec.date) return std::atoi(rec.date->substr(0, 4).c_str());
    if (published) return std::atoi(published->substr(0, 4).c_str());
    return std::nullopt;
  };
  // The fiscal year the article names, read once for all its audit opinions.
  const bool any_fiscal = std::any_of(built.begin(), built.end(), [&](const AwardRecord& rec) {
    return r.fiscal_year_awards.count(rec.award) > 0;
  });
  const std::optional<int> fiscal = any_fiscal ? FiscalYear(*doc, body, r.fiscal_year_before) : std::nullopt;
  for (AwardRecord& rec : built) {
    if (auto parent = parent_of.find(rec.recipient); parent != parent_of.end()) rec.parent = parent->second;
    if (!rec.organizer) {
      if (auto giver = given_by.find(rec.award); giver != given_by.end())
        rec.organizer = giver->second, rec.organizer_from = ValueSource::kArticle;
    }
    // A value from the ceremony sentence brings that sentence as evidence.
    auto cite = [&](const Range& from) {
      if (std::none_of(rec.evidence.begin(), rec.evidence.end(),
                       [&](const Range& e) { return e.begin == from.begin && e.end == from.end; }))
        rec.evidence.push_back(from);
    };
    if (!rec.date && ceremony_date) rec.date = ceremony_date, rec.date_from = ValueSource::kCeremony, cite(ceremony_date_from);
    if (!rec.location && ceremony_place)
      rec.location = ceremony_place, rec.location_from = ValueSource::kCeremony, cite(ceremony_place_from);
    std::sort(rec.evidence.begin(), rec.evidence.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
    // The year: of the title, else of the same title with a year elsewhere in
    // the article ("APE Tahun 2020" ... "meraih APE kategori Utama"), else of
    // the ceremony, else of publication. A grade with a title of its own takes
    // its programme's ("Adipura Kencana" that of "Adipura Tahun 2022").
    if (!rec.year)
      for (const Entity& e : entities)
        if (e.type == EntityType::kAward && e.year &&
            (e.value == rec.award || rec.award.rfind(e.value + " ", 0) == 0)) {
          rec.year = e.year;
          break;
        }
    if (!rec.year) rec.year = given_year(rec);
    // An audit opinion's year is the fiscal year; the year it was given is kept beside it.
    if (fiscal && r.fiscal_year_awards.count(rec.award)) {
      rec.year = fiscal;
      if (given_year(rec) != fiscal) rec.year_given = given_year(rec);
    }
    // The award's organizer by rules/awards.tsv, or its branch that the
    // article shows giving ("BPK Perwakilan Provinsi Jawa Barat menyerahkan
    // LHP"): the organizer's name, then a word of branch_words.
    if (!rec.organizer) {
      auto it = r.default_organizer.find(rec.award);
      // The one of the record's year (given, for an audit opinion), else the last.
      const Rules::Organizer* chosen = nullptr;
      const std::optional<int> year = rec.year_given ? rec.year_given : rec.year;
      if (it != r.default_organizer.end()) {
        for (const Rules::Organizer& o : it->second)
          if (year && (!o.from || *year >= o.from) && (!o.to || *year <= o.to)) {
            chosen = &o;
            break;
          }
        if (!chosen) chosen = &it->second.back();
      }
      if (chosen) {
        rec.organizer = chosen->name, rec.organizer_from = ValueSource::kRules;
        for (const std::string& giver : givers) {
          if (giver.rfind(chosen->name + " ", 0) != 0) continue;
          const std::string rest = Lower(giver.substr(chosen->name.size() + 1));
          if (r.branch_words.In(rest.substr(0, rest.find(' ')))) {
            rec.organizer = giver, rec.organizer_from = ValueSource::kArticle;
            break;
          }
        }
      }
    }
    doc->awards.push_back(std::move(rec));
  }
}

}  // namespace warta
