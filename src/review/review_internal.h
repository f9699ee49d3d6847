// Pieces the review sources share; not part of the review API.
#pragma once

#include <optional>
#include <string>

namespace warta::review {

// An http(s) URL as a link; any other (javascript:, data:) as plain text.
std::string SafeLink(const std::optional<std::string>& url);
// The id of record `record` of the article at `anchor` ("a12r0").
std::string RecordAnchor(const std::string& anchor, size_t record);

extern const char* const kSiteCss;
extern const char* const kSiteJs;

}  // namespace warta::review
