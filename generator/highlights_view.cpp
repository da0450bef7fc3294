#include "highlights_view.h"

#include "pages.h"
#include "site_paths.h"

namespace trustsite {

using nlohmann::json;

json highlights_view(const HighlightList& list, const LocaleView& view, const std::string& root) {
  json highlights = json::array();
  for (const auto& highlight : list.items) {
    json item = {{"id", highlight.id},
                 {"label", localized_json(highlight.label, view)},
                 {"value", localized_json(highlight.value, view)},
                 {"linked", false}};
    if (!highlight.link_id.empty()) {
      item["link_href"] = "#" + highlight.link_id;
      item["linked"] = true;
    } else if (highlight.link_page != nullptr) {
      item["link_href"] = root + page_path(view.code, highlight.link_page->slug);
      item["linked"] = true;
    }
    highlights.push_back(std::move(item));
  }
  return highlights;
}

}  // namespace trustsite
