// Runs articles through the pipeline's rules up to extraction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "test_paths.h"

namespace warta::testing {

class ExtractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (pipeline_) return;
    Status s = Pipeline::Load(RulesDir(RulesDirPath()), &pipeline_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  // `body` becomes the article text below a title line; `published` the date field.
  static Document Run(const std::string& body, std::optional<std::string> published = std::nullopt) {
    Document doc;
    doc.original = "Judul Berita\n\n" + body;
    doc.date_field = std::move(published);
    pipeline_->Process(&doc);
    return doc;
  }
  static std::vector<const Entity*> OfType(const Document& doc, EntityType type) {
    std::vector<const Entity*> out;
    for (const Entity& e : doc.entities)
      if (e.type == type) out.push_back(&e);
    return out;
  }
  static std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace warta::testing
