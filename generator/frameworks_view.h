// The view model of the certifications, attestations and regulations (docs/themes.md:
// `compliance`).
#pragma once

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `compliance.frameworks`: every entry of content/compliance.yaml in file order, with its shown
// status ("expired" for an achieved entry past its `expires`, never "achieved"), the localized
// status label (for achieved, by type: certified / report available / self-assessed /
// compliant), its dates, the localized `expected` period, who may have its report (with the
// document that holds it) and its Markdown scope and note. Pure.
// The links of their Markdown (scope, note) are appended to `links`.
nlohmann::json frameworks_view(const FrameworkList& list, const LocaleView& view,
                               std::vector<LinkUse>* links = nullptr);

// The localized text of a partial date in `view`'s locale: "2027", "Q2 2027" /
// "andra kvartalet 2027", "June 2027" / "juni 2027", or "2027-06-30" (UI strings
// `date.quarter.<n>` and `date.month.<n>`, with {year}).
std::string partial_date_text(const PartialDate& date, const LocaleView& view);

}  // namespace trustsite
