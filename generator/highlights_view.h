// The view model of the facts at a glance (docs/themes.md: `highlights`).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `highlights`: each highlight in file order with its label and value and, when it has a
// `link`, the link from the page: "#<id>" for an item on the Trust Center, `root` + the page's
// path in this locale for a page slug (`root`: the page's path to the site root, "../"). Pure.
nlohmann::json highlights_view(const HighlightList& list, const LocaleView& view,
                               const std::string& root);

}  // namespace trustsite
