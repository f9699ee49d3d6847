#include "pipeline/pipeline.h"

namespace warta {

Status Pipeline::Load(const RulesDir& rules, const PipelineOptions& options, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  if (Status s = Calendar::Load(rules, &p->calendar_); !s.ok()) return s;
  if (Status s = Normalizer::Load(rules, &p->normalizer_); !s.ok()) return s;
  if (Status s = Segmenter::Load(rules, *p->calendar_, options.segment, &p->segmenter_); !s.ok()) return s;
  if (Status s = Extractor::Load(rules, *p->calendar_, &p->extractor_); !s.ok()) return s;
  if (Status s = Assembler::Load(rules, &p->assembler_); !s.ok()) return s;
  *out = std::move(p);
  return {};
}

void Pipeline::Process(Document* doc) const {
  if (!doc->error.empty()) return;  // nothing was read; the error line is the record
  if (doc->original.empty()) doc->Warn("empty", "article text is empty");
  normalizer_->Process(doc);
  segmenter_->Process(doc);
  extractor_->Process(doc);
  // Only record assembly reads sentences: articles it does not apply to skip
  // the sentence pass.
  if (!Assembler::Applies(*doc)) return;
  segmenter_->SplitSentences(doc);
  assembler_->Process(doc);
}

}  // namespace warta
