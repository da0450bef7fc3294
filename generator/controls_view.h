// The view model of the controls (docs/themes.md: `categories`, `status_legend`).
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// Per-status counts of the controls shown, keyed by status spelling.
using StatusCounts = std::map<std::string, int>;

// `categories`: every category with its controls (title, status, description as HTML,
// frameworks, updated, live badge); counts every control's status into `counts` and appends
// the links of its Markdown to `links`.
nlohmann::json categories_view(const SiteModel& model, const LocaleView& view, StatusCounts& counts,
                               std::vector<LinkUse>& links);

// `status_legend`: every status with its label, description and count (from categories_view).
nlohmann::json status_legend_view(const LocaleView& view, const StatusCounts& counts);

// A live badge: {status, label, checked_at, checked_at_display, detail}.
nlohmann::json live_view(const LocaleView& view, const LiveStatus& item);

}  // namespace trustsite
