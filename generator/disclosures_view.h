// The view model of the AI disclosures (docs/themes.md: `disclosures`).
#pragma once

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `disclosures`: every disclosure with its status, provider (name and link to its row) and the
// answers to opt-in and training as localized yes/no.
// The links of their Markdown are appended to `links`.
nlohmann::json disclosures_view(const DisclosureList& list, const LocaleView& view,
                                std::vector<LinkUse>& links);

}  // namespace trustsite
