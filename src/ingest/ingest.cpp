#include "ingest/ingest.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <set>
#include <unordered_set>
#include <simdjson.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace fs = std::filesystem;

namespace warta {
namespace {

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

// A file named on the command line.
InputFile NamedFile(const std::string& path) {
  InputFile file{path, path == "-" ? "stdin" : FileStem(path)};
  std::error_code ec;
  if (path != "-" && fs::is_regular_file(path, ec)) file.size = fs::file_size(path, ec);
  return file;
}

// Ids seen so far, as 64-bit hashes in one open-addressing table allocated
// once: memory is flat whatever the input (its pages are touched as ids
// arrive, 8 MiB at most), and up to kMaxCheckedIds ids are checked; a false
// duplicate needs two ids with the same 64-bit hash.
class SeenIds {
 public:
  // True when `id` was seen before; false for a new id or when the table is full.
  bool Seen(std::string_view id) {
    if (count_ >= Reader::kMaxCheckedIds) {
      ++unchecked_;
      return false;
    }
    if (!slots_) {
      slots_.reset(static_cast<uint64_t*>(std::calloc(kSlots, sizeof(uint64_t))));
      if (!slots_) throw std::bad_alloc();
    }
    const uint64_t h = std::max<uint64_t>(1, std::hash<std::string_view>()(id));  // 0 marks a free slot
    for (size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++count_;
        return false;
      }
    }
  }
  uint64_t unchecked() const { return unchecked_; }

 private:
  static constexpr size_t kSlots = size_t{1} << 20;  // kMaxCheckedIds fills 3/4
  struct Free {
    void operator()(uint64_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint64_t[], Free> slots_;
  uint64_t count_ = 0, unchecked_ = 0;
};

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

// The error of a record over IngestOptions::max_article_bytes.
std::string TooLong(uint64_t bytes, uint64_t limit) {
  char text[96];
  std::snprintf(text, sizeof text, "article of %.1f MB is over --max-article-mb %g; not read", bytes / 1e6, limit / 1e6);
  return text;
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

bool MatchesAny(const std::string& name, const std::vector<std::string>& globs) {
  for (const std::string& glob : globs)
    if (::fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

// Adds the files under `dir` whose names match `globs` to `found` (the rest
// to `skipped`). Hidden entries (".git") are skipped; symbolic links are
// followed, each folder listed once. A folder that cannot be listed is added
// all the same, so that reading it reports why instead of it being left out
// without a word.
void ListFolder(const fs::path& dir, const std::vector<std::string>& globs, std::set<fs::path>* listed,
                std::vector<std::string>* found, uint64_t* skipped) {
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
    if (fs::is_directory(entry, ec)) ListFolder(entry, globs, listed, found, skipped);
    else if (MatchesAny(name, globs)) found->push_back(entry.string());
    else ++*skipped;
  }
}

}  // namespace

void ReadText(std::string bytes, Document* doc) {
  SetOriginal(std::move(bytes), doc);
  if (IsHtmlPage(doc->original)) {
    doc->error = doc->origin + ": " + kHtmlPageError;
    doc->original.clear();
  }
}

const FieldKeys kFieldKeys = {
    .text = {"maintext", "text", "content", "body", "isi_berita", "isi"},
    .title = {"title", "judul"},
    .date = {"date_publish", "date", "published", "date_published", "tanggal_publikasi", "tanggal"},
    .id = {"id"},
    .url = {"url", "link", "tautan"},
};

const std::vector<std::string> kDefaultGlobs = {"*.txt", "*.md", "*.jsonl", "*.json",
                                               "*.txt.gz", "*.md.gz", "*.jsonl.gz", "*.json.gz"};

InputList ExpandInputs(const std::vector<std::string>& inputs, const std::vector<std::string>& globs) {
  InputList list;
  list.total_bytes = 0;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-") list.total_bytes.reset();
    if (input == "-" || !fs::is_directory(input, ec)) {
      list.files.push_back(NamedFile(input));
      continue;
    }
    std::set<fs::path> listed;
    std::vector<std::string> found;
    ListFolder(input, globs.empty() ? kDefaultGlobs : globs, &listed, &found, &list.skipped_by_name);
    std::sort(found.begin(), found.end());
    for (const std::string& path : found) {
      if (path == input) {  // the folder itself, which could not be listed
        list.files.push_back(NamedFile(input));
        continue;
      }
      // "d/sub/x.txt.gz" under "d" -> "sub/x"
      const fs::path relative = fs::path(WithoutGz(path)).lexically_relative(input);
      InputFile file{path, (relative.parent_path() / relative.stem()).string(), true};
      if (fs::is_regular_file(path, ec)) file.size = fs::file_size(path, ec);
      list.files.push_back(std::move(file));
    }
  }
  if (list.total_bytes)
    for (const InputFile& file : list.files) *list.total_bytes += file.size;
  return list;
}

class Reader::Impl {
 public:
  Impl(std::vector<InputFile> files, IngestOptions options)
      : files_(std::move(files)), options_(std::move(options)),
        picked_(options_.ids.begin(), options_.ids.end()) {}
  ~Impl() { Close(); }

  bool Next(Document* doc) {
    while (NextRecord(doc)) {
      if (seen_.Seen(doc->id))
        doc->Warn("duplicate-id", "id \"" + doc->id + "\" is the id of an earlier record too");
      if (picked_.empty()) return true;
      if (picked_.count(doc->id)) {
        found_.insert(doc->id);
        return true;
      }
      ++not_picked_;
    }
    return false;
  }

  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t file_bytes_read() const {
    const z_off_t at = file_ && path_ != "-" ? gzoffset(file_) : 0;
    return file_bytes_done_ + static_cast<uint64_t>(std::max<z_off_t>(at, 0));
  }
  uint64_t blank_lines() const { return blank_lines_; }
  uint64_t skipped_binary() const { return skipped_binary_; }
  uint64_t records_not_picked() const { return not_picked_; }
  std::vector<std::string> ids_not_found() const {
    std::vector<std::string> missing;
    for (const std::string& id : options_.ids)
      if (!found_.count(id) && std::find(missing.begin(), missing.end(), id) == missing.end()) missing.push_back(id);
    return missing;
  }
  uint64_t ids_unchecked() const { return seen_.unchecked(); }

 private:
  bool NextRecord(Document* doc) {
    for (;;) {
      if (!file_) {
        if (next_file_ >= files_.size()) return false;
        if (!Open(doc)) return true;  // `doc` carries why the file could not be opened
        if (!file_) continue;         // skipped: binary
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

  // Opens the next file; false when it cannot be opened (`doc` says why).
  // A binary-looking file found in a folder is skipped: true, no file open.
  bool Open(Document* doc) {
    *doc = Document();
    const InputFile& input = files_[next_file_++];
    path_ = input.path;
    id_ = input.id;
    size_ = input.size;
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
      doc->id = id_;
      doc->origin = path_;
      doc->error = path_ + ": cannot open: " + why;
      file_bytes_done_ += size_;
      return false;
    }
    gzbuffer(file_, 1 << 17);
    DecodeByteOrderMark();
    // An executable, an image, a database in a folder of articles: a NUL
    // byte early on, which text (UTF-16 is converted by now) does not have.
    if (input.in_folder && !charset_ && buffer_.find('\0', buffer_pos_) != std::string::npos) {
      ++skipped_binary_;
      Close();
      return true;
    }
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
    if (!file_) return;
    gzclose(file_);
    file_ = nullptr;
    file_bytes_done_ += size_;
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
  // linear time. A line longer than max_article_bytes is read through but
  // not kept: `line` is left empty and `*too_long` gets its length.
  bool GetLine(std::string* line, uint64_t* too_long) {
    *too_long = 0;
    const uint64_t limit = options_.max_article_bytes;
    for (;;) {
      size_t nl = buffer_.find('\n', std::max(buffer_pos_, scanned_));
      if (nl != std::string::npos) {
        const uint64_t length = *too_long + (nl - buffer_pos_);
        if (*too_long || (limit && length > limit)) {  // the last read may have brought a whole long line
          *too_long = length;
          line->clear();
        } else {
          line->assign(buffer_, buffer_pos_, nl - buffer_pos_);
        }
        buffer_pos_ = nl + 1;
        return true;
      }
      scanned_ = buffer_.size();
      Compact();
      if (limit && buffer_.size() > limit) {  // Compact left only this line in the buffer
        *too_long += buffer_.size();
        buffer_.clear();
        scanned_ = 0;
      }
      if (!Fill()) break;
    }
    // A line cut by a read error is not a record: the error is reported at its number.
    if ((buffer_pos_ >= buffer_.size() && !*too_long) || !read_error_.empty()) return false;
    const uint64_t length = *too_long + (buffer_.size() - buffer_pos_);
    if (*too_long || (limit && length > limit)) {
      *too_long = length;
      line->clear();
    } else {
      line->assign(buffer_, buffer_pos_);
    }
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
    if (options_.dates_only) {  // a text file has no date field
      doc->id = id_;
      doc->origin = path_;
      return;
    }
    const uint64_t limit = options_.max_article_bytes;
    uint64_t dropped = 0;  // bytes of a file over the limit, read and let go
    while (Fill())
      if (limit && buffer_.size() - buffer_pos_ > limit) {
        dropped += buffer_.size() - buffer_pos_;
        buffer_.clear();
        buffer_pos_ = 0;
      }
    doc->id = id_;
    doc->origin = path_;
    if (!read_error_.empty()) {
      doc->error = path_ + ": " + read_error_;
      return;
    }
    if (dropped) {
      doc->error = path_ + ": " + TooLong(dropped + buffer_.size() - buffer_pos_, limit);
      return;
    }
    ReadText(buffer_.substr(buffer_pos_), doc);
    if (charset_) doc->Warn("utf16", std::string("input was ") + charset_ + ", converted to UTF-8");
  }

  // Reads the next non-blank line into `doc`; false at end of file (with
  // doc->error set when the file ended in a read error).
  bool ReadJsonlRecord(Document* doc) {
    *doc = Document();
    std::string& line = line_;
    uint64_t too_long = 0;
    for (;;) {
      if (!GetLine(&line, &too_long)) {
        if (!read_error_.empty()) {
          doc->id = path_ + ":" + std::to_string(line_no_ + 1);
          doc->origin = doc->id;
          doc->error = doc->id + ": " + read_error_;
        }
        return false;
      }
      ++line_no_;
      if (too_long) break;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") != std::string::npos) break;
      ++blank_lines_;
    }
    doc->origin = path_ + ":" + std::to_string(line_no_);
    if (too_long) doc->error = doc->origin + ": " + TooLong(too_long, options_.max_article_bytes);
    else ParseJsonLine(line, doc);
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
      const FieldNames& f = options_.fields;
      for (auto field : object) {
        std::string key(std::string_view(field.unescaped_key()));
        if (options_.dates_only && (f.date.empty() ? std::find(kFieldKeys.date.begin(), kFieldKeys.date.end(), key) ==
                                                         kFieldKeys.date.end()
                                                   : key != f.date))
          continue;  // on-demand parsing skips the value unread
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
    int id = find(f.id, kFieldKeys.id);
    if (id >= 0 && values[id]) doc->id = *values[id];
    auto optional_string = [&](int k, std::optional<std::string>* out) {
      if (k < 0 || !values[k]) return;
      if (kinds[k] == "string") *out = *values[k];
      else doc->Warn("field-type", "field \"" + keys[k] + "\" is " + Described(kinds[k]) + ", not a string; ignored");
    };
    optional_string(find(f.title, kFieldKeys.title), &doc->title_field);
    optional_string(find(f.date, kFieldKeys.date), &doc->date_field);
    optional_string(find(f.url, kFieldKeys.url), &doc->url);
    if (options_.dates_only) return "";  // only the date keys were read

    int text = find(f.text, kFieldKeys.text);
    if (text < 0) {
      std::string looked = f.text.empty() ? "maintext, text, content, body, isi_berita, isi" : f.text;
      return "no text field (looked for " + looked + ")";
    }
    if (kinds[text] != "string") return "field \"" + keys[text] + "\" is " + Described(kinds[text]) + ", not a string";
    if (IsHtmlPage(*values[text])) return "field \"" + keys[text] + "\" is " + kHtmlPageError;
    doc->original = std::move(*values[text]);
    return "";
  }

  std::vector<InputFile> files_;
  IngestOptions options_;
  std::unordered_set<std::string> picked_, found_;  // IngestOptions::ids, and those seen
  SeenIds seen_;
  size_t next_file_ = 0;
  std::string path_, id_;  // of the file being read
  uint64_t size_ = 0;
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
  uint64_t file_bytes_done_ = 0;  // sizes of the files done
  uint64_t blank_lines_ = 0;
  uint64_t skipped_binary_ = 0;
  uint64_t not_picked_ = 0;
  std::string line_, padded_;
  simdjson::ondemand::parser parser_;
};

Reader::Reader(std::vector<InputFile> files, IngestOptions options)
    : impl_(std::make_unique<Impl>(std::move(files), std::move(options))) {}
Reader::Reader(const std::vector<std::string>& paths, IngestOptions options) {
  std::vector<InputFile> files;
  for (const std::string& path : paths) files.push_back(NamedFile(path));
  impl_ = std::make_unique<Impl>(std::move(files), std::move(options));
}
Reader::~Reader() = default;
bool Reader::Next(Document* doc) { return impl_->Next(doc); }
uint64_t Reader::bytes_read() const { return impl_->bytes_read(); }
uint64_t Reader::blank_lines() const { return impl_->blank_lines(); }
uint64_t Reader::file_bytes_read() const { return impl_->file_bytes_read(); }
uint64_t Reader::skipped_binary() const { return impl_->skipped_binary(); }
uint64_t Reader::records_not_picked() const { return impl_->records_not_picked(); }
std::vector<std::string> Reader::ids_not_found() const { return impl_->ids_not_found(); }
uint64_t Reader::ids_unchecked() const { return impl_->ids_unchecked(); }

}  // namespace warta
