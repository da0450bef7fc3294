// The facts at a glance: content/highlights.yaml (SPEC 3). Plain data and its loader.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"

namespace trustsite {

struct Page;

struct Highlight {
  std::string id;
  SourceLocation id_location;
  LocalizedText label;  // "Data location"
  LocalizedText value;  // "EU only (Stockholm)"
  // `link` as written: "#<id>" of an item on the Trust Center page, or a page slug; empty when
  // there is none.
  std::string link;
  SourceLocation link_location;
  SourceLocation location;
  // Resolved by validation: the id `#<id>` names (checked against the ids on the page), or the
  // page a slug names.
  std::string link_id;
  const Page* link_page = nullptr;
};

// content/highlights.yaml.
struct HighlightList {
  bool present = false;          // the file exists
  std::vector<Highlight> items;  // in file order
};

// The field names the loader knows (kept in agreement with schemas/highlights.schema.json).
struct HighlightFields {
  std::vector<std::string> file, highlight;
};
const HighlightFields& highlight_fields();

// Loads content/highlights.yaml when it exists. A `link` that is neither "#<identifier>" nor an
// identifier (a page slug) is an error here; whether it names something is validation's.
HighlightList load_highlights(const LoadContext& context);

}  // namespace trustsite
