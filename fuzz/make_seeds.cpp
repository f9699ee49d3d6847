// Writes the seed corpora of the fuzz targets from the project's own
// articles (corpus/articles) and rules (rules/), so the fuzzers start from
// real-looking input. Usage: make_seeds OUT_DIR   (writes OUT_DIR/<target>/)
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SeedDir {
 public:
  explicit SeedDir(fs::path dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
  void Add(const std::string& content) {
    std::ofstream(dir_ / ("seed-" + std::to_string(n_++)), std::ios::binary) << content;
  }

 private:
  fs::path dir_;
  int n_ = 0;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seeds OUT_DIR\n";
    return 2;
  }
  const fs::path out = argv[1];
  const fs::path source = WARTA_SOURCE_DIR;
  std::vector<fs::path> articles;
  for (const auto& e : fs::directory_iterator(source / "corpus/articles")) articles.push_back(e.path());
  std::sort(articles.begin(), articles.end());

  SeedDir ingest(out / "fuzz_ingest"), normalize(out / "fuzz_normalize"), extract(out / "fuzz_extract"),
      rules(out / "fuzz_rules");
  std::string feed;
  for (const fs::path& path : articles) {
    const std::string text = ReadFile(path);
    const std::vector<std::string> lines = Lines(text);
    // ingest: the mode byte (see fuzz_ingest.cpp), then a file.
    nlohmann::json record = {{"id", path.stem().string()},
                             {"title", lines.empty() ? "" : lines[0]},
                             {"date_publish", "2023-12-13 09:41:00"},
                             {"maintext", text}};
    const std::string line = record.dump() + "\n";
    feed += line;
    ingest.Add(std::string(1, '\x00') + line);         // .jsonl
    ingest.Add(std::string(1, '\x01') + text);         // .txt
    ingest.Add(std::string(1, '\x02') + line);         // no extension: sniffed
    ingest.Add(std::string(1, '\x21') + text);         // text forced
    normalize.Add(text);
    // extract: "date field\ntext", one paragraph at a time.
    for (const std::string& l : lines)
      if (l.size() > 40) extract.Add("2023-12-13\n" + l);
  }
  ingest.Add(std::string(1, '\x00') + feed.substr(0, 20000));
  ingest.Add(std::string(1, '\x04') + feed.substr(0, 4000));  // gzip
  std::string utf16 = "\x01\xFF\xFE";
  for (char c : ReadFile(articles.front()).substr(0, 600)) utf16 += std::string{c, '\0'};
  ingest.Add(utf16);

  std::vector<fs::path> rule_files;
  for (const auto& e : fs::directory_iterator(source / "rules")) rule_files.push_back(e.path());
  std::sort(rule_files.begin(), rule_files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();  // the order fuzz_rules.cpp numbers them in
  });
  for (size_t i = 0; i < rule_files.size(); ++i) {
    const std::string content = ReadFile(rule_files[i]);
    rules.Add(std::string(1, static_cast<char>(i)) + content);
    // Tab-separated files are long: their first rows load faster and mutate better.
    if (rule_files[i].extension() == ".tsv") rules.Add(std::string(1, static_cast<char>(i)) + content.substr(0, content.find('\n', 3000) + 1));
  }
  std::cout << "seeds from " << articles.size() << " articles and " << rule_files.size() << " rule files in "
            << out.string() << "\n";
  return 0;
}
