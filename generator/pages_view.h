// The view model of policy pages (docs/themes.md: `pages`, and the `page` object of page.html).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `pages`: the policy pages in the menu of `view`'s locale, for a page at `root` (the prefix
// that leads to the site root); `current_slug` marks the page being rendered.
nlohmann::json menu_view(const SiteModel& model, const LocaleView& view, const std::string& root,
                         const std::string& current_slug);

// The page-specific members of the `page` object of a policy page shown from `source` in
// `view`'s locale: slug, title, heading, body (HTML), description, updated and, when `source`
// is another locale's file, `lang` and the not-translated notice (SPEC 3).
// The links of the body are appended to `links`.
void fill_policy_page(nlohmann::json& page, const Page& policy, const PageSource& source,
                      const LocaleView& view, std::vector<LinkUse>& links);

}  // namespace trustsite
