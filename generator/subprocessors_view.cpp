#include "subprocessors_view.h"

#include "url.h"

namespace trustsite {

using nlohmann::json;

json subprocessors_view(const SubprocessorList& list, const LocaleView& view) {
  json items = json::array();
  for (const auto& sub : list.items) {
    const std::string dpa = to_string(sub.dpa);
    json item = {{"id", sub.id},
                 {"name", sub.name},
                 {"purpose", localized_json(sub.purpose, view)},
                 {"location", localized_json(sub.location, view)},
                 {"dpa", dpa},
                 {"dpa_label", view.ui({"dpa", dpa})}};
    if (!sub.website.empty())
      item["website"] = {{"href", sub.website}, {"display", link_text(sub.website)}};
    if (sub.since) item["since"] = format_date(*sub.since);
    if (!sub.extra.is_null()) item["extra"] = sub.extra;
    items.push_back(std::move(item));
  }
  json changes = json::array();
  for (const auto& change : list.changes) {
    const std::string type = to_string(change.type);
    json item = {{"date", format_date(change.date)},
                 {"type", type},
                 {"type_label", view.ui({"change", type})},
                 {"subprocessor", change.subprocessor},
                 {"name", change.display_name},
                 {"listed", change.listed != nullptr}};
    if (change.listed != nullptr) item["href"] = "#" + change.subprocessor;
    if (!change.note.empty()) item["note"] = localized_json(change.note, view);
    if (!change.extra.is_null()) item["extra"] = change.extra;
    changes.push_back(std::move(item));
  }
  json out = {{"items", std::move(items)},
              {"has_changes", !changes.empty()},
              {"changes", std::move(changes)}};
  if (!list.extra.is_null()) out["extra"] = list.extra;
  return out;
}

}  // namespace trustsite
