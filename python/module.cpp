// The Python module `warta` (its native part, warta._warta): the CLI's
// library behind a Python API. Articles become the same Documents, go through
// the same Pipeline and RunBatch, and come out through the same RecordJson, so
// a record is exactly one line of `warta extract`, decoded by json.loads.
//
//   p = warta.Pipeline(rules="rules/")          # warta.RuleError: rules/x.toml:3: reason
//   p.extract("Pemkot Semarang meraih ...", id="a1")              # one record, a dict
//   for record in p.extract_many(warta.read("feed.jsonl.gz"), threads=2): ...
//
// The GIL is held only while Python objects are read or made: loading the
// rules, reading input files and processing articles run without it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "ingest/ingest.h"
#include "output/output.h"
#include "pipeline/batch.h"
#include "pipeline/pipeline.h"

namespace py = pybind11;

namespace warta::python {
namespace {

// A rules folder that does not load: its message is `file:line: reason`.
struct RuleError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The rules used when none are named: $WARTA_RULES, else those of the
// source tree the module was built from (as the CLI falls back to).
std::string ShippedRules() {
  if (const char* env = std::getenv("WARTA_RULES")) return env;
  return WARTA_DEFAULT_RULES_DIR;
}

// UTF-8 of a str, or the bytes of a bytes object (read as a text file's:
// ReadText repairs what is not UTF-8). A str with lone surrogates raises
// UnicodeEncodeError, as str.encode does.
std::string TextBytes(py::handle text, const char* what) {
  if (PyUnicode_Check(text.ptr())) {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (!utf8) throw py::error_already_set();
    return std::string(utf8, static_cast<size_t>(size));
  }
  if (PyBytes_Check(text.ptr())) return std::string(PyBytes_AS_STRING(text.ptr()), PyBytes_GET_SIZE(text.ptr()));
  throw py::type_error(std::string(what) + " must be str or bytes, not " + std::string(py::str(text.get_type().attr("__name__"))));
}

// A field besides the text: a str, or None for none. Ids may be ints too
// (a DataFrame's index), written as JSONL writes a number id.
std::optional<std::string> OptionalField(py::handle value, const char* what, bool number_ok = false) {
  if (value.is_none()) return std::nullopt;
  if (PyUnicode_Check(value.ptr())) return TextBytes(value, what);
  if (number_ok && PyLong_Check(value.ptr())) return std::string(py::str(value));
  throw py::type_error(std::string(what) + " must be str or None, not " +
                       std::string(py::str(value.get_type().attr("__name__"))));
}

// The fields of an article besides its text, as those of a JSONL record.
void SetFields(py::handle title, py::handle date, py::handle id, Document* doc) {
  doc->id = OptionalField(id, "id", true).value_or("");
  doc->title_field = OptionalField(title, "title");
  doc->date_field = OptionalField(date, "date");
}

void SetText(py::handle text, Document* doc) {
  if (text.is_none()) throw py::type_error("text must be str or bytes, not None");
  ReadText(TextBytes(text, "text"), doc);
}

// What warta.read yields: one record as ingest read it, error or warnings
// (invalid UTF-8, a duplicate id) included.
struct Article {
  Document doc;
};

// The value under the first of `keys` that `item` has; nullopt when it has none.
std::optional<py::object> FirstPresent(const py::dict& item, const std::vector<std::string>& keys) {
  for (const std::string& key : keys)
    if (item.contains(key)) return item[py::str(key)];
  return std::nullopt;
}

// Fills `doc` from one item of extract_many: an Article of warta.read, a
// dict with the fields a JSONL record has (found under the same keys), or
// the text alone. An item that is no article gives an error record, as a
// bad JSONL line does: the batch goes on.
void FromItem(py::handle item, uint64_t position, Document* doc) {
  *doc = Document();
  doc->origin = "item " + std::to_string(position);
  try {
    if (py::isinstance<Article>(item)) {
      *doc = item.cast<const Article&>().doc;
    } else if (py::isinstance<py::dict>(item)) {
      const py::dict fields = py::reinterpret_borrow<py::dict>(item);
      auto field = [&](const std::vector<std::string>& keys) { return FirstPresent(fields, keys).value_or(py::none()); };
      SetFields(field(kFieldKeys.title), field(kFieldKeys.date), field(kFieldKeys.id), doc);
      doc->url = OptionalField(field(kFieldKeys.url), "url");
      const std::optional<py::object> text = FirstPresent(fields, kFieldKeys.text);
      if (!text) {
        std::string looked;
        for (const std::string& key : kFieldKeys.text) looked += (looked.empty() ? "" : ", ") + key;
        throw py::value_error("no text field (looked for " + looked + ")");
      }
      SetText(*text, doc);
    } else {
      SetText(item, doc);
    }
  } catch (const std::exception& e) {  // a builtin_exception of ours, or str.encode's UnicodeEncodeError
    doc->error = doc->origin + ": " + e.what();
  }
}

// The JSONL line of a processed document, as `warta extract` writes it; an
// id the caller did not give is null.
std::string RecordLine(const Document& doc) {
  std::string line = RecordJson(doc);
  if (doc.id.empty()) line.replace(0, std::string_view(R"({"id":"")").size(), R"({"id":null)");
  return line;
}

// A record as extract returns it: json.loads of its line, or the line itself (`raw`).
py::object Record(const std::string& line, const py::object& loads, bool raw) {
  return raw ? py::str(line) : loads(py::str(line));
}

class PyPipeline {
 public:
  PyPipeline(const std::optional<std::string>& rules_dir, const std::string& date_order) {
    PipelineOptions options;
    const std::optional<DateOrder> order = ParseDateOrder(date_order);
    if (!order) throw py::value_error("date_order must be \"auto\", \"dmy\" or \"mdy\", not \"" + date_order + "\"");
    options.segment.date_order = *order;
    RulesDir rules(ShippedRules());
    // A folder of the user's is read over the shipped rules, as --rules is.
    if (rules_dir)
      if (Status s = RulesDir::Layered(*rules_dir, ShippedRules(), &rules); !s.ok()) throw RuleError(s.message());
    Status loaded;
    {
      py::gil_scoped_release unlocked;
      loaded = Pipeline::Load(rules, options, &pipeline_);
    }
    if (!loaded.ok()) throw RuleError(rules.Locate(loaded).message());
    loads_ = py::module_::import("json").attr("loads");
  }

  py::object Extract(py::handle text, py::handle title, py::handle date, py::handle id, bool raw) const {
    Document doc;
    std::string line;
    SetFields(title, date, id, &doc);
    doc.origin = doc.id.empty() ? "article" : doc.id;
    SetText(text, &doc);
    {
      py::gil_scoped_release unlocked;
      pipeline_->Process(&doc);
      line = RecordLine(doc);
    }
    return Record(line, loads_, raw);
  }

  // The CLI's first pass for --date-order auto: every item's date field.
  void Survey(py::iterable items) const {
    for (py::handle item : items) {
      if (py::isinstance<Article>(item)) {
        pipeline_->Survey(item.cast<const Article&>().doc);
      } else if (py::isinstance<py::dict>(item)) {
        const std::optional<py::object> date = FirstPresent(py::reinterpret_borrow<py::dict>(item), kFieldKeys.date);
        if (date && PyUnicode_Check(date->ptr())) pipeline_->Survey(TextBytes(*date, "date"));
      }
    }
  }

  std::vector<std::string> DateOrderChoices() const {
    std::vector<std::string> lines;
    for (const DateOrderChoice& c : pipeline_->DateOrderChoices()) lines.push_back(c.Describe());
    return lines;
  }

  const Pipeline& pipeline() const { return *pipeline_; }
  const py::object& loads() const { return loads_; }

 private:
  std::unique_ptr<Pipeline> pipeline_;
  py::object loads_;
};

// extract_many's iterator. Items are read a chunk at a time (with the GIL)
// and each chunk runs through RunBatch on `threads` threads in the
// background (without it). While one chunk is processed, the next is read and
// the records of the one before are decoded and handed out, in input order:
// the Python side overlaps the C++ side instead of waiting for it.
class RecordStream {
 public:
  RecordStream(std::shared_ptr<const PyPipeline> pipeline, py::iterable items, int threads, bool raw)
      : pipeline_(std::move(pipeline)), items_(py::iter(items)), raw_(raw) {
    if (threads < 1) throw py::value_error("threads must be at least 1");
    options_.threads = threads;
  }
  ~RecordStream() {
    if (!processing_.valid()) return;
    py::gil_scoped_release unlocked;  // a stream dropped halfway waits for its chunk
    processing_.wait();
  }

  py::object Next() {
    if (at_ == records_.size()) NextChunk();
    if (at_ == records_.size()) {
      if (failure_) {
        py::error_already_set failure = *failure_;
        failure_.reset();
        throw failure;
      }
      throw py::stop_iteration();
    }
    return std::move(records_[at_++]);
  }

 private:
  void NextChunk() {
    records_.clear();
    at_ = 0;
    if (!processing_.valid()) Start(ReadChunk());  // the first chunk
    if (!processing_.valid()) return;
    std::vector<Document> next = ReadChunk();
    std::vector<std::string> lines;
    {
      py::gil_scoped_release unlocked;
      lines = processing_.get();
    }
    Start(std::move(next));
    records_.reserve(lines.size());
    for (const std::string& line : lines) records_.push_back(Record(line, pipeline_->loads(), raw_));
  }

  // Up to a chunk of items as documents. The iterable's own exception ends
  // the stream after the records of the items read before it.
  std::vector<Document> ReadChunk() {
    std::vector<Document> docs;
    const size_t capacity = options_.chunk * static_cast<size_t>(options_.threads);
    try {
      while (!done_ && docs.size() < capacity) {
        PyObject* item = PyIter_Next(items_.ptr());
        if (!item) {
          if (PyErr_Occurred()) throw py::error_already_set();
          done_ = true;
          break;
        }
        FromItem(py::reinterpret_steal<py::object>(item), ++position_, &docs.emplace_back());
      }
    } catch (py::error_already_set& e) {
      failure_ = std::move(e);
      done_ = true;
    }
    return docs;
  }

  void Start(std::vector<Document> docs) {
    if (docs.empty()) return;
    processing_ = std::async(std::launch::async, [this, docs = std::move(docs)]() mutable {
      std::vector<std::string> lines;
      lines.reserve(docs.size());
      size_t next = 0;
      BatchCounts counts;
      RunBatch(
          [&](Document* doc) {
            if (next == docs.size()) return false;
            *doc = std::move(docs[next++]);
            return true;
          },
          pipeline_->pipeline(), options_,
          [&](const Document& doc) {
            lines.push_back(RecordLine(doc));
            return Status();
          },
          &counts);
      return lines;
    });
  }

  std::shared_ptr<const PyPipeline> pipeline_;
  py::iterator items_;
  bool raw_;
  BatchOptions options_;
  std::future<std::vector<std::string>> processing_;  // the chunk in the background: its lines
  std::vector<py::object> records_;                  // the chunk before, handed out from at_
  size_t at_ = 0;
  uint64_t position_ = 0;
  bool done_ = false;
  std::optional<py::error_already_set> failure_;
};

// warta.read's iterator over ingest's Reader.
class ArticleStream {
 public:
  ArticleStream(const std::vector<std::string>& paths, const IngestOptions& options,
                const std::vector<std::string>& globs)
      : reader_(ExpandInputs(paths, globs).files, options) {}

  Article Next() {
    Article article;
    bool more;
    {
      py::gil_scoped_release unlocked;
      more = reader_.Next(&article.doc);
    }
    if (!more) throw py::stop_iteration();
    return article;
  }

 private:
  Reader reader_;
};

py::dict Evaluate(const std::string& gold_path, py::iterable lines) {
  std::vector<eval::GoldArticle> gold;
  if (Status s = eval::ReadGold(gold_path, &gold); !s.ok()) throw py::value_error(s.message());
  std::vector<eval::Prediction> predictions;
  uint64_t n = 0;
  for (py::handle line : lines) {
    ++n;
    eval::Prediction p;
    if (Status s = eval::ParsePrediction(line.cast<std::string>(), &p); !s.ok())
      throw py::value_error("record " + std::to_string(n) + ": " + s.message());
    predictions.push_back(std::move(p));
  }
  std::string report;
  {
    py::gil_scoped_release unlocked;
    report = eval::ReportJson(eval::Score(gold, predictions));
  }
  return py::module_::import("json").attr("loads")(report);
}

}  // namespace
}  // namespace warta::python

PYBIND11_MODULE(_warta, m) {
  using namespace warta::python;
  m.doc() = "warta's native part: use the package `warta`";
  py::register_exception<RuleError>(m, "RuleError", PyExc_ValueError);

  py::class_<Article>(m, "Article", "One input record as warta extract reads it (warta.read).")
      .def_property_readonly("id", [](const Article& a) { return a.doc.id; })
      .def_property_readonly("origin", [](const Article& a) { return a.doc.origin; },
                             "FILE:LINE for JSONL, the path for a text file")
      .def_property_readonly("text", [](const Article& a) { return a.doc.original; })
      .def_property_readonly("title", [](const Article& a) { return a.doc.title_field; })
      .def_property_readonly("date", [](const Article& a) { return a.doc.date_field; })
      .def_property_readonly("url", [](const Article& a) { return a.doc.url; })
      .def_property_readonly("error", [](const Article& a) -> std::optional<std::string> {
        if (a.doc.error.empty()) return std::nullopt;
        return a.doc.error;
      })
      .def_property_readonly("warnings", [](const Article& a) {
        std::vector<std::string> messages;
        for (const warta::Warning& w : a.doc.warnings) messages.push_back(w.message);
        return messages;
      })
      .def("__repr__", [](const Article& a) { return "<warta.Article " + a.doc.id + ">"; });

  py::class_<ArticleStream>(m, "ArticleStream")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &ArticleStream::Next);

  m.def(
      "read",
      [](const std::vector<std::string>& paths, const std::string& input_format, const std::vector<std::string>& glob,
         const std::string& text_field, const std::string& title_field, const std::string& date_field,
         const std::string& id_field, const std::string& url_field) {
        warta::IngestOptions options;
        if (input_format == "jsonl") options.format = warta::InputFormat::kJsonl;
        else if (input_format == "text") options.format = warta::InputFormat::kText;
        else if (input_format != "auto") throw py::value_error("input_format must be \"auto\", \"jsonl\" or \"text\"");
        options.fields = {text_field, title_field, date_field, id_field, url_field};
        return std::make_unique<ArticleStream>(paths, options, glob);
      },
      py::arg("paths"), py::arg("input_format") = "auto", py::arg("glob") = std::vector<std::string>(),
      py::arg("text_field") = "", py::arg("title_field") = "", py::arg("date_field") = "", py::arg("id_field") = "",
      py::arg("url_field") = "");

  py::class_<RecordStream>(m, "RecordStream")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &RecordStream::Next);

  py::class_<PyPipeline, std::shared_ptr<PyPipeline>>(m, "Pipeline")
      .def(py::init<const std::optional<std::string>&, const std::string&>(), py::arg("rules") = py::none(),
           py::arg("date_order") = "auto")
      .def("extract", &PyPipeline::Extract, py::arg("text"), py::arg("title") = py::none(),
           py::arg("date") = py::none(), py::arg("id") = py::none(), py::arg("raw") = false)
      .def(
          "extract_many",
          [](std::shared_ptr<PyPipeline> self, py::iterable items, int threads, bool raw) {
            return std::make_unique<RecordStream>(std::move(self), items, threads, raw);
          },
          py::arg("items"), py::arg("threads") = 1, py::arg("raw") = false)
      .def("survey", &PyPipeline::Survey, py::arg("items"))
      .def("date_order_choices", &PyPipeline::DateOrderChoices);

  m.def("evaluate_lines", &Evaluate, py::arg("gold_path"), py::arg("lines"));
}
