#include "ingest/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
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

// The charset a UTF-16 byte order mark at the start of `bytes` names, or null.
const char* Utf16Charset(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  return nullptr;
}

// True when `text` is a whole HTML page rather than the article's text: a
// scraper saved the page instead of extracting it. Reading it as text would
// give tags, scripts and menus as "sentences", so the record fails instead.
bool IsHtmlPage(std::string_view text) {
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  std::string head(text.substr(start, 16));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::string_view opening : {"<!doctype html", "<html", "<head>", "<body"})
    if (head.starts_with(opening)) return true;
  return false;
}

// "a number", "an object or array", "null": a JSON value's kind in a message.
std::string Described(const std::string& kind) {
  if (kind == "null") return kind;
  return (kind[0] == 'o' ? "an " : "a ") + kind;
}

const char kHtmlPageError[] = "an HTML page, not article text (extract the text first, e.g. with trafilatura)";

void SetOriginal(std::string bytes, Document* doc) {
  size_t repaired = 0;
  doc->original = RepairUtf8(bytes, &repaired);
  if (repaired > 0)
    doc->Warn("invalid-utf8", std::to_string(repaired) +
                                  " byte(s) of invalid UTF-8 read as Windows-1252");
}

// Adds the files under `dir` to `found`. Hidden entries (".git") are
// skipped; symbolic links are followed, each folder listed once. What
// cannot be listed or is not a file is added all the same, so that reading
// it reports why instead of it being left out without a word.
void ListFolder(const fs::path& dir, std::set<fs::path>* listed, std::vector<std::string>* found) {
  std::error_code ec;
  const fs::path real = fs::canonical(dir, ec);
  if (!ec && !listed->insert(real).second) return;  // a link back into a listed folder
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path());
  if (ec) {
    found->push_back(dir.string());
    return;
  }
  for (const fs::path& entry : entries) {
    const std::string name = entry.filename().string();
    if (!name.empty() && name[0] == '.') continue;
    if (fs::is_directory(entry, ec)) ListFolder(entry, listed, found);
    else found->push_back(entry.string());
  }
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
    // A folder named on the command line that cannot be listed stops at
    // start, as a missing one does; one found inside becomes an error record.
    fs::directory_iterator probe(input, ec);
    if (ec) return Status::Error(input + ": cannot read folder: " + ec.message());
    std::set<fs::path> listed;
    std::vector<std::string> found;
    ListFolder(input, &listed, &found);
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
  uint64_t blank_lines() const { return blank_lines_; }

 private:
  // Opens the next file; false when it cannot be opened (`doc` says why).
  bool Open(Document* doc) {
    *doc = Document();
    path_ = files_[next_file_++];
    line_no_ = 0;
    buffer_.clear();
    buffer_pos_ = 0;
    scanned_ = 0;
    eof_ = false;
    read_error_.clear();
    charset_ = nullptr;
    std::string why;
    const int fd = path_ == "-" ? 0 : OpenFile(&why);
    if (fd >= 0) {
      file_ = gzdopen(fd, "rb");
      if (!file_) {
        why = std::strerror(errno);
        if (fd != 0) ::close(fd);
      }
    }
    if (!file_) {
      doc->id = path_ == "-" ? "stdin" : FileStem(path_);
      doc->origin = path_;
      doc->error = path_ + ": cannot open: " + why;
      return false;
    }
    gzbuffer(file_, 1 << 17);
    DecodeByteOrderMark();
    jsonl_ = DetectJsonl();
    return true;
  }

  // open(2) with a reason a person can act on when it fails or when the
  // path is not a file at all (a socket, a folder).
  int OpenFile(std::string* why) {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
      const int err = errno;
      std::error_code ec;
      if (err == ENXIO && ::stat(path_.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) {
        *why = "it is a socket, not a file";
      } else {
        *why = std::strerror(err);
        if (err == ENOENT && fs::is_symlink(fs::symlink_status(path_, ec)))
          *why += " (a symbolic link to " + fs::read_symlink(path_, ec).string() + ")";
      }
      return -1;
    }
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      *why = "it is a folder, not a file";
      ::close(fd);
      return -1;
    }
    return fd;
  }

  void Close() {
    if (file_) gzclose(file_);
    file_ = nullptr;
  }

  // A UTF-8 byte order mark is dropped. UTF-16 (with its mark) is converted
  // to UTF-8 as a whole, and every record of the file says so.
  void DecodeByteOrderMark() {
    Fill();
    const std::string_view head = std::string_view(buffer_).substr(buffer_pos_);
    if (head.starts_with("\xEF\xBB\xBF")) {
      buffer_pos_ += 3;
      return;
    }
    charset_ = Utf16Charset(head);
    if (!charset_) return;
    while (Fill()) {
    }
    const std::string_view utf16 = std::string_view(buffer_).substr(buffer_pos_ + 2);
    icu::UnicodeString u(utf16.data(), static_cast<int32_t>(utf16.size()), charset_);
    std::string utf8;
    u.toUTF8String(utf8);
    buffer_ = std::move(utf8);
    buffer_pos_ = 0;
    scanned_ = 0;
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
    size_t i = buffer_pos_;
    while (i < buffer_.size() && std::isspace(static_cast<unsigned char>(buffer_[i]))) ++i;
    return i < buffer_.size() && buffer_[i] == '{';
  }

  // Reads more bytes into the buffer; false at end of file or on error.
  bool Fill() {
    if (eof_) return false;
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

  // Next line without its '\n'; false at end of file. Bytes already searched
  // for '\n' are not searched again, so a line of any length is read in
  // linear time.
  bool GetLine(std::string* line) {
    for (;;) {
      size_t nl = buffer_.find('\n', std::max(buffer_pos_, scanned_));
      if (nl != std::string::npos) {
        line->assign(buffer_, buffer_pos_, nl - buffer_pos_);
        buffer_pos_ = nl + 1;
        return true;
      }
      scanned_ = buffer_.size();
      Compact();
      if (!Fill()) break;
    }
    // A line cut by a read error is not a record: the error is reported at its number.
    if (buffer_pos_ >= buffer_.size() || !read_error_.empty()) return false;
    line->assign(buffer_, buffer_pos_);
    buffer_pos_ = buffer_.size();
    return true;
  }

  // Drops the lines already read from the buffer.
  void Compact() {
    if (buffer_pos_ == 0) return;
    buffer_.erase(0, buffer_pos_);
    scanned_ -= std::min(scanned_, buffer_pos_);
    buffer_pos_ = 0;
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
    SetOriginal(buffer_.substr(buffer_pos_), doc);
    if (charset_) doc->Warn("utf16", std::string("input was ") + charset_ + ", converted to UTF-8");
    if (IsHtmlPage(doc->original)) {
      doc->error = path_ + ": " + kHtmlPageError;
      doc->original.clear();
    }
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
      ++blank_lines_;
    }
    doc->origin = path_ + ":" + std::to_string(line_no_);
    ParseJsonLine(line, doc);
    if (doc->id.empty()) doc->id = doc->origin;
    if (charset_) doc->Warn("utf16", std::string("input was ") + charset_ + ", converted to UTF-8");
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
      if (json.type() != simdjson::ondemand::json_type::object)
        return "not a JSON object (each line must be one {...} record)";
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
      // On-demand parsing stops after the object: a second record or other
      // text on the same line would otherwise be dropped without a word.
      if (json.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return "not valid JSON: more than one value on the line";
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
      else doc->Warn("field-type", "field \"" + keys[k] + "\" is " + Described(kinds[k]) + ", not a string; ignored");
    };
    optional_string(find(f.title, kTitleKeys), &doc->title_field);
    optional_string(find(f.date, kDateKeys), &doc->date_field);
    optional_string(find(f.url, kUrlKeys), &doc->url);

    int text = find(f.text, kTextKeys);
    if (text < 0) {
      std::string looked = f.text.empty() ? "maintext, text, content, body, isi_berita, isi" : f.text;
      return "no text field (looked for " + looked + ")";
    }
    if (kinds[text] != "string") return "field \"" + keys[text] + "\" is " + Described(kinds[text]) + ", not a string";
    if (IsHtmlPage(*values[text])) return "field \"" + keys[text] + "\" is " + kHtmlPageError;
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
  size_t scanned_ = 0;              // buffer_ before this holds no '\n' after buffer_pos_
  const char* charset_ = nullptr;   // "UTF-16LE"/"UTF-16BE" when the file was converted
  uint64_t line_no_ = 0;
  uint64_t bytes_read_ = 0;
  uint64_t blank_lines_ = 0;
  std::string line_, padded_;
  simdjson::ondemand::parser parser_;
};

Reader::Reader(std::vector<std::string> files, IngestOptions options)
    : impl_(std::make_unique<Impl>(std::move(files), std::move(options))) {}
Reader::~Reader() = default;
bool Reader::Next(Document* doc) { return impl_->Next(doc); }
uint64_t Reader::bytes_read() const { return impl_->bytes_read(); }
uint64_t Reader::blank_lines() const { return impl_->blank_lines(); }

}  // namespace warta
