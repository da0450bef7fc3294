// The company details and further contacts of site.yaml for templates (docs/themes.md:
// `site.company`, `site.contacts`), shared by every page of a locale.
#pragma once

#include <nlohmann/json.hpp>

#include "config.h"
#include "view_context.h"

namespace trustsite {

// Adds to `company` (the `site.company` object) what site.yaml gives: `legal_name`,
// `display_name` (the legal name, else the name), `registration_number`, `website` {href,
// display} and `address`, the postal address as {lines: [{text, br}]} (`br` on every line but
// the last, for `<address>` with line breaks), and `has_details`.
void add_company_details(nlohmann::json& company, const CompanyInfo& info);

// The entries of `site.contacts` for company.contacts, in site.yaml order: {kind (the role),
// label (UI string contact.<role>, or the localized `label` of role other, with `label_lang`
// and the visible `label_marker` when it fell back), address (the e-mail address, the mailto:
// address or the URL without its scheme), href, extra (when written)}. `view` needs its UI
// strings and locale only.
nlohmann::json role_contacts_view(const CompanyInfo& info, const LocaleView& view);

}  // namespace trustsite
