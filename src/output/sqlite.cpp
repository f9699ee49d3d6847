// The SQLite dataset: articles, their entities, and award records merged
// across articles. One award (award, year, recipient) reported by several
// articles is one row of `awards` with a row per article in `award_sources`;
// where sources disagree on date, place or organizer, `awards` keeps NULL
// and sets the conflict flag, and every source keeps its own value, the
// rule that made its record, and its sentences as rows of `evidence`.
//
// Re-running on the same or overlapping input replaces each article's rows
// (upsert by article id), so a dataset can be refreshed in place. Within one
// run an id never replaces: a later article with an id already written is
// stored as "ID~2" (~3, ...), with a warning. The whole run is one
// transaction: a failed run commits nothing. Another run writing the same
// dataset holds its lock until it commits; this one waits for it, up to the
// lock timeout, and then fails with a busy Status.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "core/utf8.h"
#include "output/writers.h"

namespace warta {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  title TEXT,
  published TEXT,             -- YYYY-MM-DD
  url TEXT,
  error TEXT,                 -- why the record could not be processed
  warnings TEXT               -- JSON array of strings
);
CREATE TABLE IF NOT EXISTS entities (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,       -- position in the article's entity list
  type TEXT NOT NULL,         -- agency, award, date, location, count
  text TEXT NOT NULL,         -- the original text between start and end
  start INTEGER NOT NULL,     -- code points into the original text
  end INTEGER NOT NULL,
  value TEXT,                 -- normalised value (count: the number)
  unit TEXT, code TEXT, acronym TEXT, year INTEGER,
  rule TEXT NOT NULL,
  headline INTEGER NOT NULL DEFAULT 0,  -- 1: in the title line of the text, not the body
  PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS entities_type_value ON entities(type, value);
CREATE TABLE IF NOT EXISTS awards (
  id INTEGER PRIMARY KEY,
  award TEXT NOT NULL,
  year INTEGER NOT NULL,      -- 0 when no source gives one
  recipient TEXT NOT NULL,
  organizer TEXT, date TEXT, location TEXT,   -- NULL when sources disagree
  organizer_conflict INTEGER NOT NULL DEFAULT 0,
  date_conflict INTEGER NOT NULL DEFAULT 0,
  location_conflict INTEGER NOT NULL DEFAULT 0,
  UNIQUE (award, year, recipient)
);
CREATE INDEX IF NOT EXISTS awards_recipient ON awards(recipient);
CREATE INDEX IF NOT EXISTS awards_year ON awards(year);
CREATE TABLE IF NOT EXISTS award_sources (
  award_id INTEGER NOT NULL REFERENCES awards(id),
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  organizer TEXT, date TEXT, location TEXT,
  units TEXT, innovations TEXT,   -- "a; b"
  evidence TEXT,                  -- JSON array of {start, end}
  rule TEXT,                      -- what made this article's record: a frame or clause rule
  tier TEXT,                      -- the grade this article gives: "Nindya", "II"
  parent TEXT,                    -- the body the recipient is a unit of, as this article names it
  year_given INTEGER,             -- audit opinions: the year given, beside the fiscal year of awards.year
  organizer_from TEXT, date_from TEXT, location_from TEXT,  -- where each was read: sentence, reference, article, ceremony, rules
  PRIMARY KEY (award_id, article_id)
);
CREATE INDEX IF NOT EXISTS award_sources_article ON award_sources(article_id);
CREATE TABLE IF NOT EXISTS evidence (
  award_id INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  seq INTEGER NOT NULL,       -- position in the record's evidence list
  start INTEGER NOT NULL,     -- code points into the original text
  end INTEGER NOT NULL,
  text TEXT NOT NULL,         -- the original text between start and end
  PRIMARY KEY (award_id, article_id, seq),
  -- Goes with its source row: an article's re-run, or a later record of the
  -- same award in one article (INSERT OR REPLACE), clears the old sentences.
  FOREIGN KEY (award_id, article_id) REFERENCES award_sources(award_id, article_id) ON DELETE CASCADE
);
)sql";

// Awards left without sources are dropped; the agreed values and conflict
// flags are recomputed from the sources.
constexpr const char* kReconcile = R"sql(
DELETE FROM awards WHERE id NOT IN (SELECT award_id FROM award_sources);
UPDATE awards SET
  organizer_conflict = (SELECT COUNT(DISTINCT organizer) FROM award_sources WHERE award_id = awards.id) > 1,
  date_conflict = (SELECT COUNT(DISTINCT date) FROM award_sources WHERE award_id = awards.id) > 1,
  location_conflict = (SELECT COUNT(DISTINCT location) FROM award_sources WHERE award_id = awards.id) > 1;
UPDATE awards SET
  organizer = CASE WHEN organizer_conflict THEN NULL ELSE (SELECT MAX(organizer) FROM award_sources WHERE award_id = awards.id) END,
  date = CASE WHEN date_conflict THEN NULL ELSE (SELECT MAX(date) FROM award_sources WHERE award_id = awards.id) END,
  location = CASE WHEN location_conflict THEN NULL ELSE (SELECT MAX(location) FROM award_sources WHERE award_id = awards.id) END;
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement& Text(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Maybe(int i, const std::optional<std::string>& v) {
    if (v) return Text(i, *v);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Statement& Int(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& Null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // Runs to completion; SQLITE_ROW gives the first column of the first row.
  int Run(int64_t* first_column = nullptr) {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW && first_column) *first_column = sqlite3_column_int64(stmt_, 0);
    while (rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc;
  }
  bool ok() const { return stmt_ != nullptr; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteWriter : public RecordWriter {
 public:
  ~SqliteWriter() override {
    statements_.clear();
    if (db_) {
      if (open_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close(db_);
    }
  }

  Status Open(const std::string& path, double lock_timeout_seconds) {
    path_ = path;
    lock_timeout_seconds_ = lock_timeout_seconds;
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Error("cannot open");
    // SQLite's own busy handler: every statement below, BEGIN IMMEDIATE and
    // COMMIT most of all, retries while another connection holds the lock.
    sqlite3_busy_timeout(db_, static_cast<int>(std::min(lock_timeout_seconds * 1000, double(INT32_MAX))));
    if (Status s = Exec(kSchema); !s.ok()) return s;
    // A dataset written before these columns existed gets them; its rows keep
    // NULL (or 0) there, and no evidence rows, until their articles are re-run.
    for (const auto& [table, column] : {std::pair<std::string, std::string>{"award_sources", "rule TEXT"},
                                        {"award_sources", "tier TEXT"}, {"award_sources", "parent TEXT"},
                                        {"award_sources", "year_given INTEGER"},
                                        {"award_sources", "organizer_from TEXT"}, {"award_sources", "date_from TEXT"},
                                        {"award_sources", "location_from TEXT"},
                                        {"entities", "headline INTEGER NOT NULL DEFAULT 0"}}) {
      int64_t has = 0;
      const std::string name = column.substr(0, column.find(' '));
      Statement(db_, ("SELECT COUNT(*) FROM pragma_table_info('" + table + "') WHERE name = '" + name + "'").c_str())
          .Run(&has);
      if (!has)
        if (Status s = Exec(("ALTER TABLE " + table + " ADD COLUMN " + column).c_str()); !s.ok()) return s;
    }
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    open_transaction_ = true;
    for (const char* sql : {
             "INSERT OR REPLACE INTO articles (id, title, published, url, error, warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
             "DELETE FROM entities WHERE article_id = ?1",
             "DELETE FROM award_sources WHERE article_id = ?1",
             "INSERT INTO entities (article_id, seq, type, text, start, end, value, unit, code, acronym, year, rule, "
             "headline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
             "INSERT INTO awards (award, year, recipient) VALUES (?1, ?2, ?3) "
             "ON CONFLICT (award, year, recipient) DO UPDATE SET award = excluded.award RETURNING id",
             "INSERT OR REPLACE INTO award_sources (award_id, article_id, organizer, date, location, units, innovations, "
             "evidence, rule, tier, parent, year_given, organizer_from, date_from, location_from) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
             "INSERT INTO evidence (award_id, article_id, seq, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"}) {
      statements_.push_back(std::make_unique<Statement>(db_, sql));
      if (!statements_.back()->ok()) return Error("cannot prepare statement");
    }
    return {};
  }

  Status Write(const Document& doc) override {
    nlohmann::json warnings = nlohmann::json::array();
    for (const Warning& w : doc.warnings) warnings.push_back(w.message);
    std::string id = doc.id;
    for (int n = 2; !written_.insert(id).second; ++n) id = doc.id + "~" + std::to_string(n);
    if (id != doc.id)
      warnings.push_back("stored as \"" + id + "\": an earlier article of this run has id \"" + doc.id + "\"");
    Statement& article = *statements_[0];
    article.Text(1, id).Maybe(2, doc.title).Maybe(3, doc.published).Maybe(4, doc.url);
    if (doc.error.empty()) article.Null(5);
    else article.Text(5, doc.error);
    article.Text(6, (warnings.dump()));
    if (article.Run() != SQLITE_DONE) return Error("cannot write article " + id);
    statements_[1]->Text(1, id);
    statements_[2]->Text(1, id);
    if (statements_[1]->Run() != SQLITE_DONE || statements_[2]->Run() != SQLITE_DONE)
      return Error("cannot replace rows of article " + id);
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      Statement& entity = *statements_[3];
      entity.Text(1, id).Int(2, static_cast<int64_t>(i)).Text(3, EntityTypeName(e.type)).Text(4, e.text);
      entity.Int(5, e.start).Int(6, e.end);
      entity.Text(7, e.type == EntityType::kCount ? FormatNumber(e.number) : e.value);
      auto optional = [&](int index, const std::string& v) {
        if (v.empty()) entity.Null(index);
        else entity.Text(index, (v));
      };
      optional(8, e.unit);
      optional(9, e.code);
      optional(10, e.acronym);
      if (e.year) entity.Int(11, *e.year);
      else entity.Null(11);
      entity.Text(12, e.rule).Int(13, e.headline ? 1 : 0);
      if (entity.Run() != SQLITE_DONE) return Error("cannot write entities of " + id);
    }
    if (doc.awards.empty()) return {};
    const CodePointIndex original(doc.original);
    for (const AwardRecord& a : doc.awards) {
      int64_t award_id = 0;
      if (statements_[4]->Text(1, a.award).Int(2, a.year.value_or(0)).Text(3, a.recipient).Run(&award_id) != SQLITE_DONE)
        return Error("cannot write award of " + id);
      nlohmann::json evidence = nlohmann::json::array();
      for (const Range& r : a.evidence) evidence.push_back({{"start", r.begin}, {"end", r.end}});
      Statement& source = *statements_[5];
      source.Int(1, award_id).Text(2, id).Maybe(3, a.organizer).Maybe(4, a.date).Maybe(5, a.location);
      source.Text(6, (JoinList(a.units))).Text(7, (JoinList(a.innovations)));
      source.Text(8, (evidence.dump())).Text(9, a.rule).Maybe(10, a.tier).Maybe(11, a.parent);
      if (a.year_given) source.Int(12, *a.year_given);
      else source.Null(12);
      int column = 13;
      for (const auto& from : {a.organizer_from, a.date_from, a.location_from})
        source.Maybe(column++, from ? std::optional<std::string>(ValueSourceName(*from)) : std::nullopt);
      if (source.Run() != SQLITE_DONE) return Error("cannot write award source of " + id);
      for (size_t i = 0; i < a.evidence.size(); ++i) {
        const Range& r = a.evidence[i];
        Statement& sentence = *statements_[6];
        sentence.Int(1, award_id).Text(2, id).Int(3, static_cast<int64_t>(i)).Int(4, r.begin).Int(5, r.end);
        sentence.Text(6, original.Slice(r.begin, r.end));
        if (sentence.Run() != SQLITE_DONE) return Error("cannot write evidence of " + id);
      }
    }
    return {};
  }

  Status Close() override {
    if (!open_transaction_) return {};
    if (Status s = Exec(kReconcile); !s.ok()) return s;
    if (Status s = Exec("COMMIT"); !s.ok()) return s;
    open_transaction_ = false;
    return {};
  }

 private:
  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return {};
    std::string why = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return Failed(path_ + ": " + why);
  }
  Status Error(const std::string& what) { return Failed(path_ + ": " + what + ": " + sqlite3_errmsg(db_)); }
  // The busy handler gave up: another writer kept the dataset for the whole timeout.
  Status Failed(const std::string& message) {
    const int code = sqlite3_errcode(db_) & 0xFF;
    if (code != SQLITE_BUSY && code != SQLITE_LOCKED) return Status::Error(message);
    char waited[96];
    std::snprintf(waited, sizeof waited, " (another writer held it for the whole --lock-timeout of %g s)",
                  lock_timeout_seconds_);
    return Status::Busy(message + waited);
  }

  sqlite3* db_ = nullptr;
  std::string path_;
  double lock_timeout_seconds_ = 0;
  bool open_transaction_ = false;
  std::vector<std::unique_ptr<Statement>> statements_;
  std::unordered_set<std::string> written_;  // article ids of this run
};

}  // namespace

Status OpenSqliteWriter(const std::string& path, double lock_timeout_seconds, std::unique_ptr<RecordWriter>* out) {
  auto writer = std::make_unique<SqliteWriter>();
  if (Status s = writer->Open(path, lock_timeout_seconds); !s.ok()) return s;
  *out = std::move(writer);
  return {};
}

}  // namespace warta
