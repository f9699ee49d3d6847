#include "pipeline/pipeline.h"

#include <algorithm>
#include <future>

namespace warta {

Status Pipeline::Load(const RulesDir& rules, const PipelineOptions& options, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  if (Status s = Calendar::Load(rules, &p->calendar_); !s.ok()) return s;
  // Compiling the extractor's rules takes as long as all the other stages'
  // together (mostly RE2): a second thread loads it meanwhile. The stages
  // share only read-only data (the calendar, the rule files) and the
  // libraries' thread-safe caches. Errors are reported in stage order, as
  // one thread would meet them; an exception from either thread (bad_alloc)
  // leaves Load after both are done, as std::async's future waits.
  std::future<Status> extractor =
      std::async(std::launch::async, [&] { return Extractor::Load(rules, *p->calendar_, &p->extractor_); });
  Status normalizer = Normalizer::Load(rules, &p->normalizer_), segmenter, assembler;
  if (normalizer.ok()) segmenter = Segmenter::Load(rules, *p->calendar_, options.segment, &p->segmenter_);
  if (normalizer.ok() && segmenter.ok()) assembler = Assembler::Load(rules, &p->assembler_);
  Status extracted = extractor.get();
  for (const Status* s : {&normalizer, &segmenter, &extracted, &assembler})
    if (!s->ok()) return *s;
  *out = std::move(p);
  return {};
}

void Pipeline::Process(Document* doc) const { Run(doc, nullptr); }

void Pipeline::Explain(Document* doc, std::vector<Explanation>* why) const { Run(doc, why); }

void Pipeline::Run(Document* doc, std::vector<Explanation>* why) const {
  if (!doc->error.empty()) return;  // nothing was read; the error line is the record
  if (doc->original.empty()) doc->Warn("empty", "article text is empty");
  normalizer_->Process(doc);
  segmenter_->Process(doc);
  extractor_->Process(doc);
  // Only record assembly reads sentences: articles it does not apply to skip
  // the sentence pass, unless asked why they made no record.
  if (!why && !Assembler::Applies(*doc)) return;
  segmenter_->SplitSentences(doc);
  assembler_->Process(doc, why);
}

std::vector<std::string> Pipeline::CheckFrameExamples() const {
  auto join = [](const std::vector<std::string>& records) {
    std::string out = "[";
    for (const std::string& r : records) out += (out.size() > 1 ? "; " : "") + r;
    return out + "]";
  };
  std::vector<std::string> failures;
  for (const FrameExample& example : assembler_->FrameExamples()) {
    Document doc;
    doc.id = "example";
    doc.original = example.text;
    doc.title_field = "";  // all of the text is body
    Process(&doc);
    // "Award: Recipient", or "Award: Recipient [tier]" where the example
    // asserts the grade too: each expected record takes one record made.
    std::vector<std::string> got, expected = example.records;
    for (const AwardRecord& r : doc.awards) got.push_back(r.award + ": " + r.recipient + (r.tier ? " [" + *r.tier + "]" : ""));
    std::vector<char> taken(got.size(), 0);
    size_t matched = 0;
    for (const std::string& e : expected) {
      const bool with_tier = e.find(" [") != std::string::npos;
      for (size_t i = 0; i < got.size(); ++i)
        if (!taken[i] && (with_tier ? got[i] : got[i].substr(0, got[i].find(" ["))) == e) {
          taken[i] = 1, ++matched;
          break;
        }
    }
    if (matched != expected.size() || matched != got.size()) {
      std::sort(got.begin(), got.end());
      std::sort(expected.begin(), expected.end());
      failures.push_back(example.where + ": expected " + join(expected) + ", got " + join(got));
    }
  }
  return failures;
}

}  // namespace warta
