// warta's command line: parses flags with Boost.Program_options, turns them
// into a checked configuration, and runs one command. Exceptions stop here
// and become one line on stderr and an exit code:
//   0 all records processed, 1 some records failed, 2 usage or rule errors,
//   3 an SQLite dataset stayed locked by another writer (extract).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>

#include "core/utf8.h"
#include "eval/eval.h"
#include "extract/gazetteer_tools.h"
#include "ingest/ingest.h"
#include "output/output.h"
#include "pipeline/batch.h"
#include "pipeline/pipeline.h"
#include "review/review.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0, kExitRecordErrors = 1, kExitUsage = 2, kExitOutputLocked = 3;

const char* kUsage = R"(warta: structured records from Indonesian news articles

Usage:
  warta extract [options] INPUT...   articles in, one JSON line per article out
  warta show [options] INPUT...      the working text of each article: header,
                                     title, dateline and one sentence a line
  warta explain [options] INPUT...   each record with the rule and sentences that
                                     made it, and why sentences naming an award
                                     made none
  warta eval --gold GOLD.jsonl [--min T] [--json] INPUT...
                                     score output (warta's JSONL) or articles
                                     (extracted on the fly) against gold
  warta review [options] INPUT... -o DIR
                                     a static site to check records on: index.html
                                     and article pages (--from-output: INPUT is
                                     warta's JSONL; --gold: misses marked)
  warta gold-draft OUTPUT.jsonl...   draft gold lines (annotation.md) from warta's
                                     output, for a person to correct
  warta rules check [--rules DIR]    load and validate every rule file, and list
                                     gazetteer phrases that name two entries
                                     (--verbose: also those warta tells apart)
  warta rules import-regions LIST    a rules/regions.tsv for an official region
                                     list (code, level, name, parent), keeping
                                     our aliases; writes to standard output
  warta --version | -V | --help
  warta COMMAND --help               that command's options

INPUT is a text file (one article), a JSONL file (one article per line),
either one gzip-compressed (.gz), a folder (read recursively: the files that
match --glob, by default *.txt *.md *.jsonl *.json and each with .gz), or -
for standard input.

Examples:
  warta extract ../shared/seeds/*.txt
  warta eval --gold corpus/gold.jsonl corpus/articles --min date=0.95,count=0.9
  warta extract scraped.jsonl.gz -o records.jsonl
  warta extract articles/ --format jsonl,csv,sqlite -o awards   # awards.jsonl, awards.*.csv, awards.sqlite
  cat feed.jsonl | warta extract --text-field maintext -
)";

const char* kRulesHelp =
    "a folder of rule files that replace the shipped ones of the same name; the files it lacks are "
    "read from the rules/ shipped with warta";
// What every command that reads articles says about its inputs.
#define WARTA_INPUT_HELP \
  "INPUT: a text file (one article), a JSONL file (one article a line), either\n" \
  "gzip-compressed (.gz), a folder, or - for standard input. A folder is read\n" \
  "recursively, in name order, only files that match --glob (default: *.txt\n" \
  "*.md *.jsonl *.json and each with .gz); files skipped by name, or because\n" \
  "they look binary, are counted in the summary. An INPUT that cannot be read\n" \
  "becomes a record with an \"error\" naming it, and the rest is read.\n" \
  "\n" \
  "Ids: a JSONL record's id field; else FILE:LINE. A text file's id is its\n" \
  "name without folder and extension when named directly (x for d/x.txt), its\n" \
  "path below the folder without extension when found in one (sub/x for\n" \
  "d/sub/x.txt under d). A repeated id gets a duplicate-id warning.\n"

const char* kExtractUsage = "Usage: warta extract [options] INPUT...\n"
    "\n"
    "Articles in, one record per article out: JSON lines on standard output, or\n"
    "CSV tables and an SQLite dataset (--format, -o).\n"
    "\n" WARTA_INPUT_HELP
    "\n"
    "Output names (-o): jsonl alone goes to standard output, or to the file -o\n"
    "names; sqlite alone to -o as given (default warta.sqlite). For csv, or\n"
    "several formats, -o is a base name (default warta): a trailing .jsonl,\n"
    ".sqlite or .csv of a format asked for is dropped, and each format adds its\n"
    "own: BASE.jsonl, BASE.sqlite, BASE.articles.csv, BASE.entities.csv,\n"
    "BASE.awards.csv. -o - only with --format jsonl alone; an -o ending in the\n"
    "extension of a format not asked for is refused.\n"
    "\n"
    "SQLite: a run is one transaction. Runs writing the same dataset at once\n"
    "take turns: each waits for the one before to commit, up to --lock-timeout.\n"
    "\n"
    "Exit codes: 0 every record processed; 1 some records failed (an input that\n"
    "cannot be read, a bad line, an article over --max-article-mb) or an output\n"
    "could not be written; 2 a usage error or a broken rule file, before any\n"
    "record; 3 the SQLite dataset stayed locked by another writer for the whole\n"
    "--lock-timeout (nothing of this run is written to it).\n"
    "\n"
    "Examples:\n"
    "  warta extract ../shared/seeds/*.txt\n"
    "  warta extract scraped.jsonl.gz -o records.jsonl\n"
    "  warta extract articles/ --format jsonl,csv,sqlite -o awards\n"
    "  warta extract --only-awards --id berita-17 --id berita-18 feed.jsonl.gz\n"
    "  cat feed.jsonl | warta extract --text-field maintext -\n";

const char* kShowUsage = "Usage: warta show [options] INPUT...\n"
    "\n"
    "The working text of each article as warta reads it: header, title,\n"
    "publication date, dateline, warnings, and one sentence a line.\n"
    "\n" WARTA_INPUT_HELP
    "\n"
    "Exit codes: 0 shown; 2 a usage error or a broken rule file.\n"
    "\n"
    "Example:\n"
    "  warta show --id clickid-aw9 awards.jsonl\n";

const char* kExplainUsage = "Usage: warta explain [--id ID]... [options] INPUT...\n"
    "\n"
    "For each article (pick them with --id): every award record with the frame or\n"
    "rule that made it and the sentences it was built from, then every sentence\n"
    "that names an award and made no record, with the reason. The same pipeline\n"
    "as extract, with sentences split in every article.\n"
    "\n" WARTA_INPUT_HELP
    "\n"
    "Exit codes: 0 explained; 2 a usage error or a broken rule file.\n"
    "\n"
    "Example:\n"
    "  warta explain --id clickid-aw9 ../shared/corpus/awards.jsonl\n";

const char* kEvalUsage = "Usage: warta eval --gold GOLD.jsonl [--min T] [--json] INPUT...\n"
    "\n"
    "Scores warta's JSONL output, or articles (extracted on the fly), against\n"
    "gold annotations (../shared/spec/annotation.md).\n"
    "\n" WARTA_INPUT_HELP
    "\n"
    "Exit codes: 0 scored (and at or above --min); 1 a score below --min; 2 a\n"
    "usage error, unreadable gold or output, or a broken rule file.\n"
    "\n"
    "Example:\n"
    "  warta eval --gold corpus/gold.jsonl corpus/articles --min date=0.95,count=0.9\n";

const char* kReviewUsage = "Usage: warta review [options] INPUT... -o DIR\n"
    "\n"
    "Writes a static site to DIR for checking records against the articles:\n"
    "index.html (the batch's summary and the articles, filterable and sortable;\n"
    "more rows on index-2.html, ...), pages/NNNNN.html (the articles, each with\n"
    "its text, every entity highlighted, its records and their evidence),\n"
    "site.css, site.js and draft.gold.jsonl (draft gold of the articles that name\n"
    "an award). No network is needed: open DIR/index.html in a browser. Pages are\n"
    "written as the batch streams, so memory stays flat.\n"
    "\n" WARTA_INPUT_HELP
    "\n"
    "--from-output: the INPUTs are warta's JSONL output instead of articles; that\n"
    "holds only the text of entities and evidence, so pages show those pieces\n"
    "and mark the rest as missing. --gold GOLD.jsonl: each article with a gold\n"
    "line is scored (as warta eval does) and its false positives and negatives are\n"
    "marked on its page and counted on the index.\n"
    "\n"
    "Exit codes: 0 written; 1 some records failed or the site could not be\n"
    "written; 2 a usage error, unreadable gold, or a broken rule file.\n"
    "\n"
    "Examples:\n"
    "  warta review corpus/articles -o review && xdg-open review/index.html\n"
    "  warta review --gold corpus/gold.jsonl corpus/articles -o review\n"
    "  warta review --from-output --only-awards records.jsonl -o review\n";

const char* kGoldDraftUsage = "Usage: warta gold-draft OUTPUT.jsonl... > draft.gold.jsonl\n"
    "\n"
    "One gold line (../shared/spec/annotation.md) per article of warta's JSONL\n"
    "output: every value found with its surface forms as names, every record\n"
    "with its attributes, and a \"notes\" marking it a draft. Correct it (add what\n"
    "warta missed, delete what is wrong, mark doubtful items optional), then score\n"
    "with warta eval --gold. Articles with an error get no line.\n"
    "\n"
    "Exit codes: 0 written; 2 a usage error or a line that is not warta's output.\n";

const char* kRulesUsage = "Usage: warta rules check [--rules DIR] [--verbose]\n"
    "       warta rules import-regions LIST.tsv [--rules DIR]\n"
    "\n"
    "check: load and validate every rule file, run the examples of the frames\n"
    "(rules/frames.toml), and list gazetteer phrases that name two entries\n"
    "(--verbose: also the notes on phrases warta tells apart). import-regions: a\n"
    "rules/regions.tsv for an official region list (code, level, name, parent),\n"
    "keeping our aliases, on standard output.\n"
    "\n"
    "Exit codes: 0 loaded (or imported); 2 a usage error, a broken rule file\n"
    "(rules/FILE:LINE: reason, or DIR/FILE:LINE for a file of --rules DIR) or a\n"
    "frame example that gives other records than it lists.\n";

struct Failure {
  std::string message;
  int code;
};

std::string DefaultRulesDir(const char* argv0) {
  if (const char* env = std::getenv("WARTA_RULES")) return env;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  // Beside the binary, one up (build/warta), or as `make install` lays it out.
  for (const fs::path& candidate : {exe.parent_path() / "rules", exe.parent_path().parent_path() / "rules",
                                    exe.parent_path().parent_path() / "share/warta/rules"})
    if (fs::is_regular_file(candidate / "boilerplate.toml", ec)) return candidate.string();
  return WARTA_DEFAULT_RULES_DIR;
}

// --rules DIR holds the files a user changes; the others are the shipped ones.
warta::RulesDir RulesFor(const po::variables_map& vm, const char* argv0) {
  if (!vm.count("rules")) return warta::RulesDir(DefaultRulesDir(argv0));
  warta::RulesDir rules;
  if (warta::Status s = warta::RulesDir::Layered(vm["rules"].as<std::string>(), DefaultRulesDir(argv0), &rules);
      !s.ok())
    throw Failure{s.message(), kExitUsage};
  return rules;
}

std::unique_ptr<warta::Pipeline> LoadPipeline(const warta::RulesDir& rules, const warta::PipelineOptions& options = {}) {
  std::unique_ptr<warta::Pipeline> pipeline;
  if (warta::Status s = warta::Pipeline::Load(rules, options, &pipeline); !s.ok())
    throw Failure{rules.Locate(s).message(), kExitUsage};
  return pipeline;
}

po::variables_map Parse(const std::vector<std::string>& args, const po::options_description& visible,
                        const char* positional_name) {
  po::options_description all;
  all.add(visible).add_options()(positional_name, po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add(positional_name, -1);
  po::variables_map vm;
  try {
    // No prefix guessing: `--id x` must never be read as `--id-field x`.
    constexpr int kStyle = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(args).options(all).positional(positional).style(kStyle).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Failure{e.what(), kExitUsage};
  }
  return vm;
}

// Whether --help was asked: then the command's usage and options are printed.
bool HelpAsked(const po::variables_map& vm, const char* usage, const po::options_description& options) {
  if (!vm.count("help")) return false;
  std::cout << usage << "\n" << options;
  return true;
}

po::options_description InputOptions() {
  po::options_description options("input options");
  options.add_options()
      ("rules", po::value<std::string>(), kRulesHelp)
      ("input-format", po::value<std::string>()->default_value("auto"), "auto, jsonl or text")
      ("glob", po::value<std::vector<std::string>>()->composing()->value_name("PATTERN"),
       "in folders, read only files whose name matches (fnmatch; repeatable; replaces the "
       "default *.txt *.md *.jsonl *.json and each with .gz)")
      ("text-field", po::value<std::string>()->default_value(""), "JSON field holding the article text")
      ("title-field", po::value<std::string>()->default_value(""), "JSON field holding the title")
      ("date-field", po::value<std::string>()->default_value(""), "JSON field holding the publication date")
      ("id-field", po::value<std::string>()->default_value(""), "JSON field holding the record id")
      ("url-field", po::value<std::string>()->default_value(""), "JSON field holding the URL")
      ("max-article-mb", po::value<double>()->default_value(warta::IngestOptions::kDefaultMaxArticleMb),
       "an article (a JSONL line, a text file) of more megabytes than this becomes an error record and the "
       "rest is read; it bounds memory, since one article is processed whole in about five times its size "
       "(0: no limit)")
      ("date-order", po::value<std::string>()->default_value("auto"),
       "day/month order of numeric publication dates: auto (decided per shape of the date field), dmy or mdy");
  return options;
}

// What every command that reads articles needs: the files, how to read
// them, and the loaded rules.
struct Inputs {
  warta::InputList list;
  warta::IngestOptions ingest;
  std::unique_ptr<warta::Pipeline> pipeline;
};

Inputs CheckInputs(const po::variables_map& vm, const char* argv0, const char* command) {
  if (!vm.count("input"))
    throw Failure{std::string(command) + ": no INPUT given (see warta " + command + " --help)", kExitUsage};
  Inputs in;
  const std::string format = vm["input-format"].as<std::string>();
  if (format == "jsonl") in.ingest.format = warta::InputFormat::kJsonl;
  else if (format == "text") in.ingest.format = warta::InputFormat::kText;
  else if (format != "auto") throw Failure{"--input-format must be auto, jsonl or text", kExitUsage};
  in.ingest.fields = {vm["text-field"].as<std::string>(), vm["title-field"].as<std::string>(),
                      vm["date-field"].as<std::string>(), vm["id-field"].as<std::string>(),
                      vm["url-field"].as<std::string>()};
  in.list = warta::ExpandInputs(vm["input"].as<std::vector<std::string>>(),
                                vm.count("glob") ? vm["glob"].as<std::vector<std::string>>() : std::vector<std::string>());
  if (vm.count("id")) in.ingest.ids = vm["id"].as<std::vector<std::string>>();
  const double max_mb = vm["max-article-mb"].as<double>();
  if (!(max_mb >= 0)) throw Failure{"--max-article-mb must be 0 (no limit) or more", kExitUsage};
  in.ingest.max_article_bytes = static_cast<uint64_t>(max_mb * 1e6);
  const std::optional<warta::DateOrder> order = warta::ParseDateOrder(vm["date-order"].as<std::string>());
  if (!order) throw Failure{"--date-order must be auto, dmy or mdy", kExitUsage};
  warta::PipelineOptions options;
  options.segment.date_order = *order;
  const warta::RulesDir rules = RulesFor(vm, argv0);
  std::future<std::unique_ptr<warta::Pipeline>> loading =
      std::async(std::launch::async, [&] { return LoadPipeline(rules, options); });
  // Auto order reads all date fields first, so that every record of a shape
  // is read the same way whatever the order or threads (stdin is read once).
  // The rules compile meanwhile; the date fields read before they are ready
  // (a few thousand) wait in memory.
  if (*order == warta::DateOrder::kAuto && in.list.total_bytes) {  // no stdin
    constexpr size_t kMaxWaiting = 100000;
    std::vector<std::string> waiting;
    auto loaded = [&] {
      in.pipeline = loading.get();  // a rule error is thrown here
      for (const std::string& field : waiting) in.pipeline->Survey(field);
      waiting = {};
    };
    // Every record, not only those --id picks: dates of a shape read alike in any run.
    warta::IngestOptions all = in.ingest;
    all.ids.clear();
    all.dates_only = true;
    warta::Reader survey(in.list.files, all);
    for (warta::Document doc; survey.Next(&doc);) {
      if (!in.pipeline && (waiting.size() >= kMaxWaiting ||
                           loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready))
        loaded();
      if (in.pipeline) in.pipeline->Survey(doc);
      else if (doc.date_field) waiting.push_back(*doc.date_field);
    }
    if (!in.pipeline) loaded();
  } else {
    in.pipeline = loading.get();
  }
  return in;
}

// The summary's lines about what was read: files skipped, records picked
// by --id, ids too many to check for duplicates.
void ReportInputs(const Inputs& in, const warta::Reader& reader) {
  if (in.list.skipped_by_name > 0 || reader.skipped_binary() > 0)
    std::fprintf(stderr, "warta:   skipped in folders: %llu file(s) by name (see --glob), %llu that look binary\n",
                 static_cast<unsigned long long>(in.list.skipped_by_name),
                 static_cast<unsigned long long>(reader.skipped_binary()));
  if (!in.ingest.ids.empty()) {
    const std::vector<std::string> missing = reader.ids_not_found();
    std::string names;
    for (const std::string& id : missing) names += (names.empty() ? ": " : ", ") + id;
    std::fprintf(stderr, "warta:   --id: %zu of %zu id(s) found, %zu not found%s; %llu other record(s) skipped\n",
                 in.ingest.ids.size() - missing.size(), in.ingest.ids.size(), missing.size(), names.c_str(),
                 static_cast<unsigned long long>(reader.records_not_picked()));
  }
  if (reader.ids_unchecked() > 0)
    std::fprintf(stderr, "warta:   ids after the first %llu distinct ones not checked for duplicates\n",
                 static_cast<unsigned long long>(warta::Reader::kMaxCheckedIds));
}

const char* kIdHelp = "only the records with this id (repeatable)";

// show and explain: their options, then `print` for every article read.
int EachArticle(const std::vector<std::string>& args, const char* argv0, const char* command, const char* usage,
                const std::function<void(const Inputs&, warta::Document*)>& print) {
  po::options_description options(std::string(command) + " options");
  options.add_options()("help,h", "show this help")(
      "id", po::value<std::vector<std::string>>()->composing()->value_name("ID"), kIdHelp);
  options.add(InputOptions());
  po::variables_map vm = Parse(args, options, "input");
  if (HelpAsked(vm, usage, options)) return kExitOk;
  Inputs in = CheckInputs(vm, argv0, command);
  warta::Reader reader(in.list.files, in.ingest);
  warta::Document doc;
  while (reader.Next(&doc)) print(in, &doc);
  std::cout.flush();
  ReportInputs(in, reader);
  return kExitOk;
}

int Show(const std::vector<std::string>& args, const char* argv0) {
  return EachArticle(args, argv0, "show", kShowUsage, [](const Inputs& in, warta::Document* d) {
    const warta::Document& doc = *d;
    in.pipeline->Process(d);
    if (doc.error.empty()) in.pipeline->SplitSentences(d);
    std::cout << "=== " << doc.id << "\n";
    if (!doc.error.empty()) std::cout << "error: " << doc.error << "\n";
    std::cout << "title: " << doc.title.value_or("(none)") << "\n"
              << "published: " << doc.published.value_or("(none)") << "\n";
    if (doc.dateline) std::cout << "dateline: " << doc.Slice(*doc.dateline) << "\n";
    for (const warta::Warning& w : doc.warnings) std::cout << "warning: " << w.message << "\n";
    uint32_t paragraph = UINT32_MAX;
    for (const warta::Sentence& s : doc.sentences) {
      if (s.paragraph != paragraph && !s.is_title) std::cout << "\n";
      paragraph = s.is_title ? paragraph : s.paragraph;
      std::cout << (s.is_title ? "T| " : " | ") << doc.Slice(s.range) << "\n";
    }
  });
}

int Explain(const std::vector<std::string>& args, const char* argv0) {
  return EachArticle(args, argv0, "explain", kExplainUsage, [](const Inputs& in, warta::Document* d) {
    const warta::Document& doc = *d;
    std::vector<warta::Explanation> why;
    in.pipeline->Explain(d, &why);
    std::cout << "=== " << doc.id << "\n";
    if (!doc.error.empty()) std::cout << "error: " << doc.error << "\n";
    std::cout << "title: " << doc.title.value_or("(none)") << "\n";
    const warta::CodePointIndex original(doc.original);
    for (const warta::AwardRecord& a : doc.awards) {
      std::cout << "record: " << a.award << " " << (a.year ? std::to_string(*a.year) : "-") << " -> " << a.recipient
                << (a.tier ? " (" + *a.tier + ")" : "") << "\n  made by: " << a.rule
                << "\n  organizer " << a.organizer.value_or("-") << ", date " << a.date.value_or("-") << ", place "
                << a.location.value_or("-") << "\n";
      for (const warta::Range& r : a.evidence) std::cout << "  from: " << original.Slice(r.begin, r.end) << "\n";
    }
    for (const warta::Explanation& e : why) {
      if (e.sentence.end > e.sentence.begin) std::cout << "no record: " << doc.Slice(e.sentence) << "\n  why: ";
      else std::cout << "no record: ";
      std::cout << e.reason << "\n";
    }
  });
}

int Extract(const std::vector<std::string>& args, const char* argv0) {
  po::options_description options("extract options");
  options.add_options()
      ("help,h", "show this help")
      ("format,f", po::value<std::string>()->default_value("jsonl"),
       "jsonl, csv, sqlite, or several joined by commas")
      ("output,o", po::value<std::string>(),
       "where to write (see Output names above): the JSONL file (default: standard output), the SQLite "
       "file (default: warta.sqlite), or the base name of several (default: warta)")
      ("id", po::value<std::vector<std::string>>()->composing()->value_name("ID"), kIdHelp)
      ("only-awards", "write only the articles with at least one award record (the summary still counts all)")
      ("threads,j", po::value<int>()->default_value(0), "worker threads (0: one per core)")
      ("shard", po::value<std::string>(), "K/N: process only records K, K+N, K+2N, ... (1-based) of the input")
      ("lock-timeout", po::value<double>()->default_value(warta::WriterOptions::kDefaultLockTimeoutSeconds),
       "SQLite: seconds to wait for another run writing the same dataset to finish (exit 3 past it)")
      ("quiet,q", "no progress or summary on standard error");
  options.add(InputOptions());
  po::variables_map vm = Parse(args, options, "input");
  if (HelpAsked(vm, kExtractUsage, options)) return kExitOk;

  // The outputs, named before the rules load so that a wrong -o fails at once.
  std::vector<warta::OutputFormat> formats;
  {
    std::stringstream list(vm["format"].as<std::string>());
    for (std::string name; std::getline(list, name, ',');) {
      warta::OutputFormat format;
      if (name == "jsonl") format = warta::OutputFormat::kJsonl;
      else if (name == "csv") format = warta::OutputFormat::kCsv;
      else if (name == "sqlite") format = warta::OutputFormat::kSqlite;
      else throw Failure{"--format: \"" + name + "\" is not jsonl, csv or sqlite", kExitUsage};
      if (std::find(formats.begin(), formats.end(), format) != formats.end())
        throw Failure{"--format: \"" + name + "\" is given twice", kExitUsage};
      formats.push_back(format);
    }
  }
  std::vector<std::string> paths;
  if (warta::Status s = warta::OutputPaths(
          formats, vm.count("output") ? std::optional<std::string>(vm["output"].as<std::string>()) : std::nullopt,
          &paths);
      !s.ok())
    throw Failure{s.message(), kExitUsage};
  warta::WriterOptions writer_options;
  writer_options.lock_timeout_seconds = vm["lock-timeout"].as<double>();
  if (!(writer_options.lock_timeout_seconds >= 0)) throw Failure{"--lock-timeout must be 0 or more seconds", kExitUsage};
  Inputs in = CheckInputs(vm, argv0, "extract");
  // An output that failed: a dataset another writer kept locked has its own code.
  auto output_failure = [](const warta::Status& s) {
    return Failure{s.message(), s.busy() ? kExitOutputLocked : kExitRecordErrors};
  };
  std::vector<std::unique_ptr<warta::RecordWriter>> writers;
  for (size_t i = 0; i < formats.size(); ++i) {
    writers.emplace_back();
    if (warta::Status s = warta::OpenWriter(formats[i], paths[i], &writers.back(), writer_options); !s.ok())
      throw output_failure(s);
  }

  warta::BatchOptions batch;
  batch.threads = vm["threads"].as<int>();
  if (batch.threads <= 0) batch.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (vm.count("shard")) {
    const std::string shard = vm["shard"].as<std::string>();
    unsigned k = 0, n = 0;
    char slash = 0;
    std::istringstream parse(shard);
    if (!(parse >> k >> slash >> n) || slash != '/' || n == 0 || k == 0 || k > n || !parse.eof())
      throw Failure{"--shard must be K/N with 1 <= K <= N, not \"" + shard + "\"", kExitUsage};
    batch.shard_index = k - 1;
    batch.shard_count = n;
  }
  const bool quiet = vm.count("quiet") > 0;
  const auto started = std::chrono::steady_clock::now();
  auto seconds_since_start = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  warta::Reader reader(in.list.files, in.ingest);
  // Progress on a terminal only, once a chunk: articles, articles/s, and
  // with the input's size known (files, not stdin) the share of it read
  // (compressed bytes for gzip) and an ETA.
  if (!quiet && isatty(2)) {
    batch.progress = [&](uint64_t articles) {
      const double t = seconds_since_start();
      std::fprintf(stderr, "\rwarta: %llu articles, %.0f articles/s", static_cast<unsigned long long>(articles),
                   t > 0 ? articles / t : 0.0);
      const uint64_t done = reader.file_bytes_read();
      if (in.list.total_bytes > 0 && done > 0)
        std::fprintf(stderr, ", %.1f of %.1f MB (%.0f%%), ETA %.0f s ", done / 1e6, *in.list.total_bytes / 1e6,
                     100.0 * std::min<double>(done, *in.list.total_bytes) / *in.list.total_bytes,
                     std::max(0.0, t * (double(*in.list.total_bytes) / done - 1)));
      else
        std::fprintf(stderr, ", %.1f MB ", reader.bytes_read() / 1e6);
      std::fflush(stderr);
    };
  }

  // --only-awards: an article is written when assembly made at least one
  // award record for it (its "awards" list is not empty).
  const bool only_awards = vm.count("only-awards") > 0;
  uint64_t written = 0;
  warta::BatchCounts counts;
  std::map<std::string, uint64_t> warning_kinds;
  const warta::Status run = warta::RunBatch(
      reader, *in.pipeline, batch,
      [&](const warta::Document& doc) {
        if (!doc.error.empty() && !quiet) std::cerr << (batch.progress ? "\n" : "") << "warta: error: " << doc.error << "\n";
        if (only_awards && doc.awards.empty()) return warta::Status();
        ++written;
        for (auto& writer : writers)
          if (warta::Status s = writer->Write(doc); !s.ok()) return s;
        return warta::Status();
      },
      &counts, &warning_kinds);
  if (batch.progress) std::fprintf(stderr, "\n");
  if (!run.ok()) throw output_failure(run);
  for (auto& writer : writers)
    if (warta::Status s = writer->Close(); !s.ok()) throw output_failure(s);

  if (!quiet) {
    const double seconds = seconds_since_start();
    const double mb = reader.bytes_read() / 1e6;
    std::fprintf(stderr, "warta: %llu articles, %llu errors, %llu warnings, %.2f s, %.1f MB/s",
                 static_cast<unsigned long long>(counts.written), static_cast<unsigned long long>(counts.errors),
                 static_cast<unsigned long long>(counts.warnings), seconds, seconds > 0 ? mb / seconds : 0.0);
    if (reader.blank_lines() > 0)
      std::fprintf(stderr, ", %llu blank lines skipped", static_cast<unsigned long long>(reader.blank_lines()));
    if (batch.shard_count > 1)
      std::fprintf(stderr, ", shard %u/%u of %llu records", batch.shard_index + 1, batch.shard_count,
                   static_cast<unsigned long long>(counts.read));
    if (only_awards) std::fprintf(stderr, ", %llu written (--only-awards)", static_cast<unsigned long long>(written));
    std::fprintf(stderr, "\n");
    ReportInputs(in, reader);
    for (const auto& [kind, n] : warning_kinds)
      std::fprintf(stderr, "warta:   warning %s: %llu\n", kind.c_str(), static_cast<unsigned long long>(n));
    for (const warta::DateOrderChoice& c : in.pipeline->DateOrderChoices())
      std::fprintf(stderr, "warta:   %s\n", c.Describe().c_str());
  }
  const uint64_t errors = counts.errors;
  return errors > 0 ? kExitRecordErrors : kExitOk;
}

// True when `path` holds warta's output rather than articles: its first
// record has the output's "entities" list.
bool IsOutputFile(const std::string& path) {
  if (path == "-" || fs::is_directory(path)) return false;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line) && line.find_first_not_of(" \t\r") == std::string::npos) {
  }
  warta::eval::Prediction probe;
  return !line.empty() && line[0] == '{' && warta::eval::ParsePrediction(line, &probe).ok() &&
         line.find("\"entities\"") != std::string::npos;
}

int Eval(const std::vector<std::string>& args, const char* argv0) {
  po::options_description options("eval options");
  options.add_options()
      ("help,h", "show this help")
      ("gold", po::value<std::string>(), "gold annotations (JSONL, ../shared/spec/annotation.md)")
      ("min", po::value<std::string>(),
       "thresholds, e.g. agency=0.9,date.p=0.95 (exit 1 below them): a type (agency, award, date, "
       "location, count, record) alone is its F1, with .p its precision, with .r its recall; "
       "published, organizer, record_date, record_location are accuracies")
      ("json", "print the figures as one JSON object instead of the report");
  options.add(InputOptions());
  po::variables_map vm = Parse(args, options, "input");
  if (HelpAsked(vm, kEvalUsage, options)) return kExitOk;
  if (!vm.count("gold")) throw Failure{"eval: --gold GOLD.jsonl is required", kExitUsage};
  std::vector<warta::eval::GoldArticle> gold;
  if (warta::Status s = warta::eval::ReadGold(vm["gold"].as<std::string>(), &gold); !s.ok())
    throw Failure{s.message(), kExitUsage};
  warta::eval::Thresholds thresholds;
  if (vm.count("min"))
    if (warta::Status s = warta::eval::ParseThresholds(vm["min"].as<std::string>(), &thresholds); !s.ok())
      throw Failure{"--min: " + s.message(), kExitUsage};
  if (!vm.count("input")) throw Failure{"eval: no INPUT given (see warta eval --help)", kExitUsage};

  std::vector<warta::eval::Prediction> predictions;
  auto add = [&](const std::string& line, const std::string& where) {
    warta::eval::Prediction p;
    if (warta::Status s = warta::eval::ParsePrediction(line, &p); !s.ok()) throw Failure{where + ": " + s.message(), kExitUsage};
    predictions.push_back(std::move(p));
  };
  std::vector<std::string> articles;
  for (const std::string& input : vm["input"].as<std::vector<std::string>>()) {
    if (!IsOutputFile(input)) {
      articles.push_back(input);
      continue;
    }
    std::ifstream in(input);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") != std::string::npos) add(line, input + ":" + std::to_string(line_no));
    }
  }
  if (!articles.empty()) {
    po::variables_map article_vm = vm;
    article_vm.erase("input");
    article_vm.insert({"input", po::variable_value(articles, false)});
    Inputs in = CheckInputs(article_vm, argv0, "eval");
    warta::Reader reader(in.list.files, in.ingest);
    warta::Document doc;
    while (reader.Next(&doc)) {
      in.pipeline->Process(&doc);
      add(warta::RecordJson(doc), doc.origin);
    }
  }

  const warta::eval::Report report = warta::eval::Score(gold, predictions);
  std::cout << (vm.count("json") ? warta::eval::ReportJson(report) + "\n" : warta::eval::FormatReport(report));
  const std::vector<std::string> failed = warta::eval::FailedThresholds(report, thresholds);
  for (const std::string& f : failed) std::cerr << "warta: eval: below threshold: " << f << "\n";
  return failed.empty() ? kExitOk : kExitRecordErrors;
}

// Calls `each` with every non-blank line of warta's JSONL output files and
// where it is ("FILE:LINE").
void ForEachOutputLine(const std::vector<std::string>& paths,
                       const std::function<void(const std::string&, const std::string&)>& each) {
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Failure{path + ": cannot open", kExitUsage};
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") != std::string::npos) each(line, path + ":" + std::to_string(line_no));
    }
  }
}

int Review(const std::vector<std::string>& args, const char* argv0) {
  po::options_description options("review options");
  options.add_options()
      ("help,h", "show this help")
      ("output,o", po::value<std::string>(), "the folder to write the site to (created)")
      ("from-output", "the INPUTs are warta's JSONL output, not articles")
      ("gold", po::value<std::string>(), "gold annotations (JSONL): mark false positives and negatives")
      ("only-awards", "only the articles with at least one award record")
      ("per-page", po::value<int>()->default_value(20), "articles per page")
      ("id", po::value<std::vector<std::string>>()->composing()->value_name("ID"), kIdHelp)
      ("threads,j", po::value<int>()->default_value(0), "worker threads (0: one per core)")
      ("quiet,q", "no summary on standard output");
  options.add(InputOptions());
  po::variables_map vm = Parse(args, options, "input");
  if (HelpAsked(vm, kReviewUsage, options)) return kExitOk;
  if (!vm.count("output")) throw Failure{"review: -o DIR is required", kExitUsage};
  if (!vm.count("input")) throw Failure{"review: no INPUT given (see warta review --help)", kExitUsage};
  if (vm["per-page"].as<int>() < 1) throw Failure{"--per-page must be at least 1", kExitUsage};
  const std::string dir = vm["output"].as<std::string>();
  std::map<std::string, warta::eval::GoldArticle> gold;
  if (vm.count("gold")) {
    std::vector<warta::eval::GoldArticle> list;
    if (warta::Status s = warta::eval::ReadGold(vm["gold"].as<std::string>(), &list); !s.ok())
      throw Failure{s.message(), kExitUsage};
    for (warta::eval::GoldArticle& g : list) gold.emplace(g.id, std::move(g));
  }
  warta::review::SiteOptions site_options;
  site_options.articles_per_page = static_cast<size_t>(vm["per-page"].as<int>());
  site_options.with_gold = vm.count("gold") > 0;
  for (const std::string& input : vm["input"].as<std::vector<std::string>>())
    site_options.source += (site_options.source.empty() ? "read: " : " ") + input;
  std::unique_ptr<warta::review::SiteWriter> site;
  const bool from_output = vm.count("from-output") > 0;
  const bool only_awards = vm.count("only-awards") > 0;
  const auto started = std::chrono::steady_clock::now();
  uint64_t failed = 0;
  auto add = [&](warta::review::Article article, std::string_view line) {
    if (!article.error.empty()) ++failed;
    if (only_awards && article.awards.empty()) return warta::Status();
    auto g = gold.find(article.id);
    if (warta::Status s = warta::review::AddChecks(line, g == gold.end() ? nullptr : &g->second, &article); !s.ok())
      return warta::Status::Error(article.id + ": " + s.message());
    return site->Add(article);
  };
  auto open_site = [&] {
    if (warta::Status s = warta::review::SiteWriter::Open(dir, site_options, &site); !s.ok())
      throw Failure{s.message(), kExitRecordErrors};
  };
  if (from_output) {
    open_site();
    ForEachOutputLine(vm["input"].as<std::vector<std::string>>(), [&](const std::string& line, const std::string& where) {
      warta::review::Article article;
      warta::Status s = warta::review::FromOutputLine(line, &article);
      if (s.ok()) s = add(std::move(article), line);
      if (!s.ok()) throw Failure{where + ": " + s.message(), kExitUsage};
    });
  } else {
    Inputs in = CheckInputs(vm, argv0, "review");
    open_site();
    warta::BatchOptions batch;
    batch.threads = vm["threads"].as<int>();
    if (batch.threads <= 0) batch.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    warta::Reader reader(in.list.files, in.ingest);
    warta::BatchCounts counts;
    const warta::Status run = warta::RunBatch(reader, *in.pipeline, batch, [&](const warta::Document& doc) {
      return add(warta::review::FromDocument(doc), warta::RecordJson(doc));
    }, &counts);
    if (!run.ok()) throw Failure{run.message(), kExitRecordErrors};
    ReportInputs(in, reader);
  }
  if (warta::Status s = site->Close(); !s.ok()) throw Failure{s.message(), kExitRecordErrors};
  if (!vm.count("quiet")) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file()) bytes += entry.file_size();
    std::cout << warta::review::SummaryText(site->summary());
    std::printf("review page: %s (%.1f MB, %.2f s)\n", (fs::path(dir) / "index.html").c_str(), bytes / 1e6,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  return failed > 0 ? kExitRecordErrors : kExitOk;
}

int GoldDraft(const std::vector<std::string>& args) {
  po::options_description options("gold-draft options");
  options.add_options()("help,h", "show this help");
  po::variables_map vm = Parse(args, options, "input");
  if (HelpAsked(vm, kGoldDraftUsage, options)) return kExitOk;
  if (!vm.count("input")) throw Failure{"gold-draft: no OUTPUT.jsonl given (see warta gold-draft --help)", kExitUsage};
  uint64_t skipped = 0;
  ForEachOutputLine(vm["input"].as<std::vector<std::string>>(), [&](const std::string& line, const std::string& where) {
    warta::eval::Prediction p;
    if (warta::Status s = warta::eval::ParsePrediction(line, &p); !s.ok()) throw Failure{where + ": " + s.message(), kExitUsage};
    const std::string draft = warta::eval::DraftGoldLine(p);
    if (draft.empty()) ++skipped;
    else std::cout << draft << "\n";
  });
  if (skipped > 0) std::cerr << "warta: gold-draft: " << skipped << " article(s) with an error have no line\n";
  return kExitOk;
}

int Rules(const std::vector<std::string>& args, const char* argv0) {
  po::options_description options("rules options");
  options.add_options()("help,h", "show this help")("rules", po::value<std::string>(), kRulesHelp)(
      "verbose,v", "check: also list the notes, phrases that name two entries that warta tells apart");
  po::variables_map vm = Parse(args, options, "what");
  const auto what = vm.count("what") ? vm["what"].as<std::vector<std::string>>() : std::vector<std::string>();
  const bool check = what == std::vector<std::string>{"check"};
  const bool import = what.size() == 2 && what[0] == "import-regions";
  if (vm.count("help") || (!check && !import)) {
    std::cout << kRulesUsage << "\n" << options;
    return vm.count("help") ? kExitOk : kExitUsage;
  }
  const std::string dir = vm.count("rules") ? vm["rules"].as<std::string>() : DefaultRulesDir(argv0);
  const warta::RulesDir rules = RulesFor(vm, argv0);
  if (import) {
    std::vector<std::string> dropped;
    if (warta::Status s = warta::ImportRegions(rules, what[1], std::cout, &dropped); !s.ok())
      throw Failure{rules.Locate(s).message(), kExitUsage};
    for (const std::string& code : dropped) std::cerr << "warta: region " << code << " is not in the new list; dropped\n";
    return kExitOk;
  }
  const std::vector<std::string> failed_examples = LoadPipeline(rules)->CheckFrameExamples();
  for (const std::string& f : failed_examples) std::cerr << rules.Locate(warta::Status::Error(f)).message() << "\n";
  if (!failed_examples.empty())
    throw Failure{std::to_string(failed_examples.size()) + " frame example(s) give other records than they expect",
                  kExitUsage};
  std::vector<std::string> findings;
  size_t conflicts = 0;
  if (warta::Status s = warta::CheckGazetteers(rules, &findings, &conflicts); !s.ok())
    throw Failure{rules.Locate(s).message(), kExitUsage};
  // Notes are resolved by design (bare_name_levels, current names before
  // former ones): only conflicts need the user's attention.
  const bool verbose = vm.count("verbose") > 0;
  size_t notes = 0;
  for (const std::string& f : findings) {
    const bool note = f.rfind("note: ", 0) == 0;
    notes += note;
    if (verbose || !note) std::cout << f << "\n";
  }
  std::cout << "rules in " << dir << ": loaded; " << conflicts << " conflict(s), " << notes << " note(s)"
            << (verbose || notes == 0 ? "" : " (--verbose lists them)") << "\n";
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      std::cout << kUsage;
      return args.empty() ? kExitUsage : kExitOk;
    }
    if (args[0] == "--version" || args[0] == "-V") {
      std::cout << "warta " << WARTA_VERSION << "\n";
      return kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "extract") return Extract(args, argv[0]);
    if (command == "show") return Show(args, argv[0]);
    if (command == "explain") return Explain(args, argv[0]);
    if (command == "eval") return Eval(args, argv[0]);
    if (command == "rules") return Rules(args, argv[0]);
    if (command == "review") return Review(args, argv[0]);
    if (command == "gold-draft") return GoldDraft(args);
    throw Failure{"unknown command \"" + command + "\" (see warta --help)", kExitUsage};
  } catch (const Failure& f) {
    std::cerr << "warta: " << f.message << "\n";
    return f.code;
  } catch (const std::exception& e) {
    std::cerr << "warta: " << e.what() << "\n";
    return kExitUsage;
  }
}
