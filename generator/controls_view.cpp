#include "controls_view.h"

#include "locales.h"
#include "mustache.h"
#include "text_rules.h"

namespace trustsite {

using nlohmann::json;

namespace {

// "1 control" / "12 controls" from legend.count_one / legend.count_other.
std::string count_label(const LocaleView& view, int count) {
  const char* form = count == 1 ? "count_one" : "count_other";
  return fill_placeholders(view.ui({"legend", form}), {{"count", std::to_string(count)}});
}

// The control's framework labels as "mapped to" references (SPEC 3), each linked to the
// framework entry whose `mapping` it starts with.
json mappings_view(const Control& control) {
  json mappings = json::array();
  for (std::size_t i = 0; i < control.frameworks.size(); ++i) {
    json mapping = {{"label", control.frameworks[i]}, {"linked", false}};
    const Framework* framework =
        i < control.framework_refs.size() ? control.framework_refs[i] : nullptr;
    if (framework != nullptr) {
      mapping["linked"] = true;
      mapping["framework_href"] = "#" + framework->id;
      mapping["framework_name"] = framework->name;
    }
    mappings.push_back(std::move(mapping));
  }
  return mappings;
}

json control_view(const LocaleView& view, const Control& control, std::vector<LinkUse>& links) {
  const std::string status = to_string(control.status);
  json out = {{"id", control.id},
              {"href", "#" + control.id},
              {"title", localized_json(control.title, view)},
              {"status", status},
              {"status_label", status_label(view, status)},
              {"frameworks", control.frameworks},
              {"has_frameworks", !control.frameworks.empty()},
              {"monitored", !control.monitor.empty()}};
  if (!control.description.empty())
    out["description"] = markdown_json(control.description, view, kItemParent, &links);
  if (control.updated) out["updated"] = format_date(*control.updated);
  if (control.live != nullptr) out["live"] = live_view(view, *control.live);
  if (!control.extra.is_null()) out["extra"] = control.extra;
  out["mappings"] = mappings_view(control);
  return out;
}

}  // namespace

json live_view(const LocaleView& view, const LiveStatus& item) {
  std::string label = view.ui({"live", "status", item.status});
  if (label.empty()) label = item.status;
  // Stale data (older than max_age_hours) has status "unknown"; the theme then shows the last
  // check as "last reported" and leaves out the old detail (SPEC 6).
  json live = {{"status", item.status}, {"label", label}, {"stale", item.stale}};
  if (item.checked_at_unix != 0) {
    live["checked_at"] = format_rfc3339_utc(item.checked_at_unix);
    live["checked_at_display"] = format_utc_minutes(item.checked_at_unix);
  } else if (!item.checked_at.empty()) {
    live["checked_at"] = item.checked_at;
    live["checked_at_display"] = item.checked_at;
  }
  if (!item.detail.empty()) live["detail"] = item.detail;
  return live;
}

StatusCounts count_control_statuses(const Content& content) {
  StatusCounts counts;
  for (const auto& category : content.categories)
    for (const auto& control : category.controls) ++counts[to_string(control.status)];
  return counts;
}

DeferredControls::DeferredControls(const SiteModel& model, const LocaleView& view)
    : model_(model), view_(view), links_(model.content.categories.size()) {}

json DeferredControls::resolve(std::uint64_t key) {
  const Category& category = model_.content.categories.at(key);
  std::vector<LinkUse> links;
  json controls = json::array();
  for (const auto& control : category.controls)
    controls.push_back(control_view(view_, control, links));
  if (!links_[key]) links_[key] = std::move(links);
  return controls;
}

void DeferredControls::add_links(std::vector<LinkUse>& links) {
  for (std::size_t i = 0; i < links_.size(); ++i) {
    if (!links_[i]) resolve(i);
    links.insert(links.end(), links_[i]->begin(), links_[i]->end());
  }
}

json categories_view(const SiteModel& model, const LocaleView& view, std::vector<LinkUse>& links) {
  json categories = json::array();
  const auto& all = model.content.categories;
  for (std::size_t index = 0; index < all.size(); ++index) {
    const Category& category = all[index];
    json item = {{"id", category.id},
                 {"href", "#" + category.id},
                 {"title", localized_json(category.title, view)},
                 {"control_count", category.controls.size()},
                 {"controls", mustache::deferred_value(index)}};
    // A theme icon by name (`icon_is.<name>`, drawn by the theme's icon partial) or a symbol
    // shown as written (`icon_text`, e.g. an emoji).
    if (!category.icon.empty()) {
      item["icon"] = category.icon;
      if (is_identifier(category.icon))
        item["icon_is"] = {{category.icon, true}};
      else
        item["icon_text"] = category.icon;
    }
    if (!category.summary.empty())
      item["summary"] = markdown_json(category.summary, view, kCategorySummaryParent, &links);
    if (!category.extra.is_null()) item["extra"] = category.extra;
    if (!category.file_extra.is_null()) item["file_extra"] = category.file_extra;
    categories.push_back(std::move(item));
  }
  return categories;
}

json status_legend_view(const LocaleView& view, const StatusCounts& counts) {
  json legend = json::array();
  for (const std::string& status : kStatuses.names()) {
    const auto it = counts.find(status);
    const int count = it == counts.end() ? 0 : it->second;
    legend.push_back(
        {{"status", status},
         {"label", status_label(view, status)},
         {"description", view.ui({"status_description", status})},
         {"count", count},
         {"shown", count > 0},
         {"count_label", count_label(view, count)},
         {"count_text",
          fill_placeholders(view.ui({"status_counts", count == 1 ? "one" : "other", status}),
                            {{"count", std::to_string(count)}})}});
  }
  return legend;
}

}  // namespace trustsite
