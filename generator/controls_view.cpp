#include "controls_view.h"

#include "locales.h"

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

json control_view(const LocaleView& view, const Control& control, StatusCounts& counts,
                  std::vector<LinkUse>& links) {
  const std::string status = to_string(control.status);
  ++counts[status];
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
  json live = {{"status", item.status}, {"label", label}};
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

json categories_view(const SiteModel& model, const LocaleView& view, StatusCounts& counts,
                     std::vector<LinkUse>& links) {
  json categories = json::array();
  for (const auto& category : model.content.categories) {
    json controls = json::array();
    for (const auto& control : category.controls)
      controls.push_back(control_view(view, control, counts, links));
    json item = {{"id", category.id},
                 {"href", "#" + category.id},
                 {"title", localized_json(category.title, view)},
                 {"control_count", category.controls.size()},
                 {"controls", std::move(controls)}};
    if (!category.icon.empty()) item["icon"] = category.icon;
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
    legend.push_back({{"status", status},
                      {"label", status_label(view, status)},
                      {"description", view.ui({"status_description", status})},
                      {"count", count},
                      {"count_label", count_label(view, count)}});
  }
  return legend;
}

}  // namespace trustsite
