// Fuzzes src/ingest: the input becomes a file that warta::Reader reads.
//
// Byte 0 chooses how: bits 0-1 the file name's extension (.jsonl, .txt,
// none: sniffed, .json), bit 2 gzip, bit 3 a gzip cut in half, bits 4-5 the
// format (auto, jsonl, text), bit 6 a configured text field ("isi"). The
// rest is the file's content.
//
// Checks: every record's text and fields are valid UTF-8 and its output
// record is valid JSON; a failed record says where; and nothing is dropped:
// a text file is one record, a JSONL file one record per non-blank line.
#include <zlib.h>

#include <fstream>

#include "fuzz_util.h"
#include "ingest/ingest.h"

namespace {

using namespace warta;

// Lines that hold a record: what the Reader skips is blank (spaces and tabs).
size_t NonBlankLines(std::string_view content) {
  size_t n = 0;
  while (!content.empty()) {
    size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) ++n;
  }
  return n;
}

void WriteGzip(const std::string& path, std::string_view content, bool cut) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  if (!cut) return;
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  static const char* const kExtensions[] = {".jsonl", ".txt", "", ".json"};
  const bool gzip = mode & 4, cut = gzip && (mode & 8);
  std::string path = (fuzz::ScratchDir() / "input").string() + kExtensions[mode & 3] + (gzip ? ".gz" : "");

  IngestOptions options;
  const int format = (mode >> 4) & 3;
  options.format = format == 1 ? InputFormat::kJsonl : format == 2 ? InputFormat::kText : InputFormat::kAuto;
  if (mode & 0x40) options.fields.text = "isi";

  if (gzip) WriteGzip(path, content, cut);
  else std::ofstream(path, std::ios::binary | std::ios::trunc).write(content.data(), content.size());

  Reader reader({path}, options);
  Document doc;
  size_t records = 0;
  while (reader.Next(&doc)) {
    ++records;
    fuzz::Check(fuzz::IsValidUtf8(doc.original), "original text is not valid UTF-8");
    for (const auto* field : {&doc.title_field, &doc.date_field, &doc.url})
      fuzz::Check(!*field || fuzz::IsValidUtf8(**field), "a field is not valid UTF-8");
    fuzz::Check(!doc.id.empty(), "record without id");
    if (!doc.error.empty())
      fuzz::Check(doc.error.rfind(path, 0) == 0, "error does not name the file: " + doc.error);
    fuzz::CheckRecord(doc);
  }

  // Nothing dropped. (Only for what is known exactly without re-implementing
  // the reader: uncompressed files read in an explicit format.)
  if (!gzip) {
    if (options.format == InputFormat::kText)
      fuzz::Check(records == 1, "a text file gave " + std::to_string(records) + " records");
    const bool bom = content.starts_with("\xEF\xBB\xBF") || content.starts_with("\xFF\xFE") ||
                     content.starts_with("\xFE\xFF");
    if (options.format == InputFormat::kJsonl && !bom)
      fuzz::Check(records == NonBlankLines(content),
                  std::to_string(NonBlankLines(content)) + " non-blank lines gave " + std::to_string(records) + " records");
  }
  return 0;
}
