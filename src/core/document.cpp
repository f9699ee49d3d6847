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

}  // namespace warta
