// The view model of the introduction (docs/themes.md: `intro`).
#pragma once

#include <nlohmann/json.hpp>

#include "intro.h"
#include "view_context.h"

namespace trustsite {

// `intro` in `view`'s locale: {title (localized, when the shown file has one), body (Markdown;
// its headings below the title's h2, or below the page's h1 without a title), lang and
// not_translated {lang, notice} when the default locale's file stands in for a missing
// translation (SPEC 3, as for policy pages)}. Null when the site has no introduction. When
// `links` is given, the body's Markdown links are appended to it with their file positions (for
// the link check, SPEC 3 "Links").
nlohmann::json intro_view(const Intro& intro, const LocaleView& view,
                          std::vector<LinkUse>* links = nullptr);

}  // namespace trustsite
