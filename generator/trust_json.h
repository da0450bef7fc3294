// public/trust.json: everything on the site in one versioned, machine-readable document for
// customers' vendor-risk tools. Format "trustsite/v1", documented in docs/trust-json.md and
// schemas/trust-json.schema.json (JSON Schema draft 2020-12).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "config.h"
#include "content.h"
#include "date.h"
#include "live_status.h"

namespace trustsite {

// The value of the document's "schema" member; a breaking change of the format bumps it.
inline constexpr const char* kTrustJsonSchema = "trustsite/v1";

// The trust.json document. Keys appear in a fixed, documented order (nlohmann::ordered_json
// keeps insertion order), arrays in the site's order (categories by order then id, controls in
// file order, changes newest first, pages in menu order), and localized fields are objects from
// locale code to text in site.yaml `locales` order holding only the locales that have the text
// (a missing translation is absent, never filled with the fallback). Optional fields are left
// out when empty. A control whose `monitor` was resolved to a live item (validate.h) carries its
// monitoring fields.
nlohmann::ordered_json make_trust_json(const SiteConfig& config, const Content& content,
                                       const Date& stamp);

// make_trust_json() as UTF-8 text: two-space indentation, non-ASCII kept, a final newline
// (invalid UTF-8 is replaced with U+FFFD rather than failing).
std::string render_trust_json(const SiteConfig& config, const Content& content, const Date& stamp);

}  // namespace trustsite
