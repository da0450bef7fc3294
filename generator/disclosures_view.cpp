#include "disclosures_view.h"

#include <array>
#include <utility>

#include "subprocessors.h"

namespace trustsite {

using nlohmann::json;

json disclosures_view(const DisclosureList& list, const LocaleView& view,
                      std::vector<LinkUse>& links) {
  json disclosures = json::array();
  const std::string yes = view.ui({"ai", "answer_yes"});
  const std::string no = view.ui({"ai", "answer_no"});
  for (const auto& disclosure : list.items) {
    const std::string status = to_string(disclosure.status);
    json provider = {{"id", disclosure.provider}, {"name", disclosure.provider}};
    if (disclosure.provider_ref != nullptr) {
      provider["name"] = disclosure.provider_ref->name;
      provider["href"] = "#" + disclosure.provider;
    }
    json item = {{"id", disclosure.id},
                 {"title", localized_json(disclosure.title, view)},
                 {"status", status},
                 {"status_label", status_label(view, status)},
                 {"provider", std::move(provider)},
                 {"opt_in", disclosure.opt_in},
                 {"opt_in_label", disclosure.opt_in ? yes : no},
                 {"used_for_training", disclosure.used_for_training},
                 {"used_for_training_label", disclosure.used_for_training ? yes : no}};
    if (!disclosure.description.empty())
      item["description"] = markdown_json(disclosure.description, view, kItemParent, &links);
    const std::array<std::pair<const char*, const LocalizedText*>, 3> texts = {{
        {"data_sent", &disclosure.data_sent},
        {"data_excluded", &disclosure.data_excluded},
        {"human_oversight", &disclosure.human_oversight},
    }};
    for (const auto& [key, field] : texts)
      if (!field->empty()) item[key] = localized_json(*field, view);
    if (!disclosure.extra.is_null()) item["extra"] = disclosure.extra;
    disclosures.push_back(std::move(item));
  }
  return disclosures;
}

}  // namespace trustsite
