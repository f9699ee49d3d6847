#include "core/document.h"

namespace warta {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kAgency: return "agency";
    case EntityType::kAward: return "award";
    case EntityType::kDate: return "date";
    case EntityType::kLocation: return "location";
    case EntityType::kCount: return "count";
  }
  return "unknown";
}

const char* ValueSourceName(ValueSource source) {
  switch (source) {
    case ValueSource::kSentence: return "sentence";
    case ValueSource::kReference: return "reference";
    case ValueSource::kArticle: return "article";
    case ValueSource::kCeremony: return "ceremony";
    case ValueSource::kRules: return "rules";
  }
  return "unknown";
}

}  // namespace warta
