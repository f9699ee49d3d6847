// output: writes Documents as records of ../shared/spec/output.md.
//
//   warta::JsonlWriter out;
//   if (auto s = out.Open("out.jsonl"); !s.ok()) ...   // "" or "-": standard output
//   out.Write(doc);
//   if (auto s = out.Close(); !s.ok()) ...              // a failed write shows here
#pragma once

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "core/status.h"

namespace warta {

// The output record of one document, fields in the order of the spec.
nlohmann::ordered_json ToJson(const Document& doc);

class JsonlWriter {
 public:
  JsonlWriter() = default;
  ~JsonlWriter();
  JsonlWriter(const JsonlWriter&) = delete;
  JsonlWriter& operator=(const JsonlWriter&) = delete;

  Status Open(const std::string& path);
  void Write(const Document& doc);
  Status Close();

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  bool owned_ = false;
  std::string line_;
};

}  // namespace warta
