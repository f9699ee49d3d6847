// The pipeline: rules loaded once, then every article goes
// normalize -> segment -> extract -> assemble.
//
//   std::unique_ptr<warta::Pipeline> pipeline;
//   if (auto s = warta::Pipeline::Load(warta::RulesDir("rules"), &pipeline); !s.ok()) ...
//   pipeline->Process(&doc);   // thread-safe; doc comes from warta::Reader
#pragma once

#include <memory>

#include "assemble/assemble.h"
#include "core/calendar.h"
#include "core/document.h"
#include "core/rules_file.h"
#include "core/status.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace warta {

class Pipeline {
 public:
  // Loads and validates every rule file; the first problem is reported as
  // `rules/file:line: reason`.
  static Status Load(const RulesDir& rules, std::unique_ptr<Pipeline>* out);

  void Process(Document* doc) const;

 private:
  Pipeline() = default;
  std::unique_ptr<Calendar> calendar_;
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<Extractor> extractor_;
  std::unique_ptr<Assembler> assembler_;
};

}  // namespace warta
