// The view model of the controls (docs/themes.md: `categories`, `status_legend`).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// Per-status counts of the controls shown, keyed by status spelling.
using StatusCounts = std::map<std::string, int>;

// The status of every control of the site, counted per status.
StatusCounts count_control_statuses(const Content& content);

// `categories`: every category (id, title, summary as HTML, icon, counts) with its `controls`
// given as mustache::deferred_value(<the category's index in content.categories>), for
// DeferredControls to build while the page renders; appends the links of the summaries'
// Markdown to `links`.
nlohmann::json categories_view(const SiteModel& model, const LocaleView& view,
                               std::vector<LinkUse>& links);

// Builds the `controls` of one category at a time (title, status, description as HTML,
// frameworks, updated, live badge), the deferred values of categories_view(), so that a home
// page holds the JSON of at most two categories' controls at a time (the one being shown and the
// one shown last) instead of all of them (the view model of 10 000 controls is about 40 MiB).
// Not thread-safe: one page's render call uses it.
// `model` and `view` must outlive it.
class DeferredControls {
 public:
  DeferredControls(const SiteModel& model, const LocaleView& view);

  // The `controls` list of category `key` (an index into content.categories); notes the links
  // of their Markdown the first time. Throws std::out_of_range for another key.
  nlohmann::json resolve(std::uint64_t key);

  // Appends to `links` the Markdown links of every category's controls, in category order;
  // builds (for the links only) the categories no template used, so the link check (SPEC 3)
  // sees every link whatever the theme shows. Call once, after rendering.
  void add_links(std::vector<LinkUse>& links);

 private:
  const SiteModel& model_;
  const LocaleView& view_;
  std::vector<std::optional<std::vector<LinkUse>>> links_;  // per category, once built
};

// `status_legend`: every status with its label, description, count (count_control_statuses),
// `shown` (count > 0) and `count_text` ("44 implemented", from status_counts.<status>).
nlohmann::json status_legend_view(const LocaleView& view, const StatusCounts& counts);

// A live badge: {status, label, stale, checked_at, checked_at_display, detail}; `stale` is true
// when the item is older than max_age_hours (status is then "unknown", SPEC 6).
nlohmann::json live_view(const LocaleView& view, const LiveStatus& item);

}  // namespace trustsite
