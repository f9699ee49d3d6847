#include "ingest/ingest.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <simdjson.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace fs = std::filesystem;

namespace warta {
namespace {

// Candidate JSON keys, most specific first.
const std::vector<std::string> kTextKeys = {"maintext", "text", "content", "body", "isi_berita", "isi"};
const std::vector<std::string> kTitleKeys = {"title", "judul"};
const std::vector<std::string> kDateKeys = {"date_publish", "date", "published", "date_published",
                                            "tanggal_publikasi", "tanggal"};
const std::vector<std::string> kIdKeys = {"id"};
const std::vector<std::string> kUrlKeys = {"url", "link", "tautan"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string WithoutGz(const std::string& path) {
  return EndsWith(path, ".gz") ? path.substr(0, path.size() - 3) : path;
}

// "dir/000_abc.txt.gz" -> "000_abc"
std::string FileStem(const std::string& path) {
  return fs::path(WithoutGz(path)).stem().string();
}

// Decodes a UTF-16 or UTF-8 byte order mark; other text passes through.
std::string DecodeBom(std::string bytes, Document* doc) {
  auto starts = [&](std::string_view bom) { return bytes.compare(0, bom.size(), bom) == 0; };
  if (starts("\xEF\xBB\xBF")) return bytes.substr(3);
  const char* charset = starts("\xFF\xFE") ? "UTF-16LE" : starts("\xFE\xFF") ? "UTF-16BE" : nullptr;
  if (!charset) return bytes;
  icu::UnicodeString u(bytes.data() + 2, static_cast<int32_t>(bytes.size() - 2), charset);
  std::string out;
  u.toUTF8String(out);
  doc->Warn("utf16", std::string("input was ") + charset + ", converted to UTF-8");
  return out;
}

void SetOriginal(std::string bytes, Document* doc) {
  size_t repaired = 0;
  doc->original = RepairUtf8(bytes, &repaired);
  if (repaired > 0)
    doc->Warn("invalid-utf8", std::to_string(repaired) +
                                  " byte(s) of invalid UTF-8 read as Windows-1252");
}

}  // namespace

Status ExpandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* files) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      files->push_back(input);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) return Status::Error(input + ": no such file or folder");
    if (!fs::is_directory(st)) {
      files->push_back(input);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::Error(input + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Status::Error(input + ": " + ec.message());
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_directory()) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  return {};
}

class Reader::Impl {
 public:
  Impl(std::vector<std::string> files, IngestOptions options)
      : files_(std::move(files)), options_(std::move(options)) {}
  ~Impl() { Close(); }

  bool Next(Document* doc) {
    for (;;) {
      if (!file_) {
        if (next_file_ >= files_.size()) return false;
        if (!Open(doc)) return true;  // `doc` carries why the file could not be opened
      }
      if (!jsonl_) {
        ReadTextFile(doc);
        Close();
        return true;
      }
      if (ReadJsonlRecord(doc)) return true;
      Close();
      if (!doc->error.empty()) return true;  // a read error ended the file
    }
  }

  uint64_t bytes_read() const { return bytes_read_; }

 private:
  // Opens the next file; false when it cannot be opened (`doc` says why).
  bool Open(Document* doc) {
    *doc = Document();
    path_ = files_[next_file_++];
    file_ = path_ == "-" ? gzdopen(0, "rb") : gzopen(path_.c_str(), "rb");
    if (!file_) {
      doc->id = path_ == "-" ? "stdin" : FileStem(path_);
      doc->origin = path_;
      doc->error = path_ + ": cannot open: " + std::strerror(errno);
      return false;
    }
    gzbuffer(file_, 1 << 17);
    line_no_ = 0;
    buffer_.clear();
    buffer_pos_ = 0;
    eof_ = false;
    read_error_.clear();
    jsonl_ = DetectJsonl();
    return true;
  }

  void Close() {
    if (file_) gzclose(file_);
    file_ = nullptr;
  }

  bool DetectJsonl() {
    switch (options_.format) {
      case InputFormat::kJsonl: return true;
      case InputFormat::kText: return false;
      case InputFormat::kAuto: break;
    }
    const std::string plain = WithoutGz(path_);
    if (EndsWith(plain, ".jsonl") || EndsWith(plain, ".ndjson") || EndsWith(plain, ".json"))
      return true;
    if (EndsWith(plain, ".txt") || EndsWith(plain, ".text")) return false;
    // Unknown name (stdin, no extension): a JSON object starts with '{'.
    Fill();
    size_t i = buffer_pos_;
    while (i < buffer_.size() && std::isspace(static_cast<unsigned char>(buffer_[i]))) ++i;
    return i < buffer_.size() && buffer_[i] == '{';
  }

  // Reads more bytes into the buffer; false at end of file or on error.
  bool Fill() {
    if (eof_) return false;
    if (buffer_pos_ > 0) {
      buffer_.erase(0, buffer_pos_);
      buffer_pos_ = 0;
    }
    const size_t old = buffer_.size();
    buffer_.resize(old + (1 << 16));
    int n = gzread(file_, buffer_.data() + old, 1 << 16);
    buffer_.resize(old + std::max(n, 0));
    if (n > 0) {
      bytes_read_ += n;
      return true;
    }
    eof_ = true;
    if (n < 0 || !gzeof(file_)) {
      int code = 0;
      read_error_ = gzerror(file_, &code);
      if (read_error_.empty()) read_error_ = "read error";
    }
    return false;
  }

  // Next line without its '\n'; false at end of file.
  bool GetLine(std::string* line) {
    for (;;) {
      size_t nl = buffer_.find('\n', buffer_pos_);
      if (nl != std::string::npos) {
        line->assign(buffer_, buffer_pos_, nl - buffer_pos_);
        buffer_pos_ = nl + 1;
        return true;
      }
      if (!Fill()) break;
    }
    if (buffer_pos_ >= buffer_.size()) return false;
    line->assign(buffer_, buffer_pos_);
    buffer_pos_ = buffer_.size();
    return true;
  }

  void ReadTextFile(Document* doc) {
    while (Fill()) {
    }
    doc->id = path_ == "-" ? "stdin" : FileStem(path_);
    doc->origin = path_;
    if (!read_error_.empty()) {
      doc->error = path_ + ": " + read_error_;
      return;
    }
    SetOriginal(DecodeBom(buffer_.substr(buffer_pos_), doc), doc);
  }

  // Reads the next non-blank line into `doc`; false at end of file (with
  // doc->error set when the file ended in a read error).
  bool ReadJsonlRecord(Document* doc) {
    *doc = Document();
    std::string& line = line_;
    for (;;) {
      if (!GetLine(&line)) {
        if (!read_error_.empty()) {
          doc->id = path_ + ":" + std::to_string(line_no_ + 1);
          doc->origin = doc->id;
          doc->error = doc->id + ": " + read_error_;
        }
        return false;
      }
      ++line_no_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") != std::string::npos) break;
    }
    doc->origin = path_ + ":" + std::to_string(line_no_);
    ParseJsonLine(line, doc);
    if (doc->id.empty()) doc->id = doc->origin;
    return true;
  }

  void ParseJsonLine(const std::string& line, Document* doc) {
    std::string error = ParseJson(line, doc);
    if (error == "utf8") {
      // Scrapers write broken bytes too; read them as Windows-1252 and keep the record.
      size_t repaired = 0;
      std::string fixed = RepairUtf8(line, &repaired);
      *doc = Document();
      doc->origin = path_ + ":" + std::to_string(line_no_);
      error = ParseJson(fixed, doc);
      doc->Warn("invalid-utf8", std::to_string(repaired) +
                                    " byte(s) of invalid UTF-8 read as Windows-1252");
    }
    if (!error.empty()) doc->error = doc->origin + ": " + error;
  }

  // Fills `doc` from one JSON line; returns an error message, "utf8" for
  // invalid UTF-8 (which the caller repairs), or "" on success.
  std::string ParseJson(const std::string& line, Document* doc) {
    padded_.assign(line);
    padded_.resize(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::padded_string_view view(padded_.data(), line.size(), padded_.size());
    // Raw values by key; a key seen twice keeps the first.
    std::vector<std::string> keys;
    std::vector<std::optional<std::string>> values;  // nullopt: JSON null
    std::vector<std::string> kinds;
    try {
      simdjson::ondemand::document json = parser_.iterate(view);
      simdjson::ondemand::object object = json.get_object();
      for (auto field : object) {
        std::string key(std::string_view(field.unescaped_key()));
        simdjson::ondemand::value value = field.value();
        simdjson::ondemand::json_type type = value.type();
        keys.push_back(key);
        if (type == simdjson::ondemand::json_type::string) {
          values.emplace_back(std::string(std::string_view(value.get_string())));
          kinds.emplace_back("string");
        } else if (type == simdjson::ondemand::json_type::null) {
          values.emplace_back(std::nullopt);
          kinds.emplace_back("null");
        } else {
          std::string_view raw = simdjson::to_json_string(value);
          values.emplace_back(std::string(raw));
          kinds.emplace_back(type == simdjson::ondemand::json_type::number ? "number" : "object or array");
        }
      }
    } catch (const simdjson::simdjson_error& e) {
      if (e.error() == simdjson::UTF8_ERROR) return "utf8";
      return std::string("not valid JSON: ") + e.what();
    }

    const FieldNames& f = options_.fields;
    auto find = [&](const std::string& configured, const std::vector<std::string>& defaults) {
      for (const std::string& name : configured.empty() ? defaults : std::vector<std::string>{configured}) {
        auto it = std::find(keys.begin(), keys.end(), name);
        if (it != keys.end()) return static_cast<int>(it - keys.begin());
      }
      return -1;
    };
    int id = find(f.id, kIdKeys);
    if (id >= 0 && values[id]) doc->id = *values[id];
    auto optional_string = [&](int k, std::optional<std::string>* out) {
      if (k < 0 || !values[k]) return;
      if (kinds[k] == "string") *out = *values[k];
      else doc->Warn("field-type", "field \"" + keys[k] + "\" is a " + kinds[k] + ", not a string; ignored");
    };
    optional_string(find(f.title, kTitleKeys), &doc->title_field);
    optional_string(find(f.date, kDateKeys), &doc->date_field);
    optional_string(find(f.url, kUrlKeys), &doc->url);

    int text = find(f.text, kTextKeys);
    if (text < 0) {
      std::string looked = f.text.empty() ? "maintext, text, content, body, isi_berita, isi" : f.text;
      return "no text field (looked for " + looked + ")";
    }
    if (kinds[text] != "string")
      return "field \"" + keys[text] + "\" is " + (kinds[text] == "null" ? "null" : "a " + kinds[text]) +
             ", not a string";
    doc->original = std::move(*values[text]);
    return "";
  }

  std::vector<std::string> files_;
  IngestOptions options_;
  size_t next_file_ = 0;
  std::string path_;
  gzFile file_ = nullptr;
  bool jsonl_ = false;
  bool eof_ = false;
  std::string read_error_;
  std::string buffer_;
  size_t buffer_pos_ = 0;
  uint64_t line_no_ = 0;
  uint64_t bytes_read_ = 0;
  std::string line_, padded_;
  simdjson::ondemand::parser parser_;
};

Reader::Reader(std::vector<std::string> files, IngestOptions options)
    : impl_(std::make_unique<Impl>(std::move(files), std::move(options))) {}
Reader::~Reader() = default;
bool Reader::Next(Document* doc) { return impl_->Next(doc); }
uint64_t Reader::bytes_read() const { return impl_->bytes_read(); }

}  // namespace warta
