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

struct PipelineOptions {
  SegmentOptions segment;
};

class Pipeline {
 public:
  // Loads and validates every rule file; the first problem is reported as
  // `rules/file:line: reason`.
  static Status Load(const RulesDir& rules, const PipelineOptions& options, std::unique_ptr<Pipeline>* out);
  static Status Load(const RulesDir& rules, std::unique_ptr<Pipeline>* out) { return Load(rules, {}, out); }

  // Sentences are split only in articles with an award title (the only ones
  // record assembly reads); SplitSentences splits them in any other.
  void Process(Document* doc) const;
  // The same, with sentences always split, and for each sentence that names
  // an award and made no record, why (warta explain).
  void Explain(Document* doc, std::vector<Explanation>* why) const;
  void SplitSentences(Document* doc) const { segmenter_->SplitSentences(doc); }

  // Runs every frame example of rules/frames.toml through the pipeline: one
  // line for each whose records differ from those it expects,
  // "rules/frames.toml:LINE: frame NAME: expected [...], got [...]".
  std::vector<std::string> CheckFrameExamples() const;

  // A first pass over a batch, before processing it: lets the day/month
  // order of numeric publication dates be decided per shape from all of
  // the batch (segment.h).
  void Survey(const Document& doc) const {
    if (doc.date_field) Survey(*doc.date_field);
  }
  void Survey(std::string_view date_field) const { segmenter_->Survey(date_field); }
  std::vector<DateOrderChoice> DateOrderChoices() const { return segmenter_->DateOrderChoices(); }

 private:
  Pipeline() = default;
  void Run(Document* doc, std::vector<Explanation>* why) const;
  std::unique_ptr<Calendar> calendar_;
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<Extractor> extractor_;
  std::unique_ptr<Assembler> assembler_;
};

}  // namespace warta
