// The view model of the document library (docs/themes.md: `documents`).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `documents`: {items: [...]}, each document in file order with its access and label, its
// language and date, and what a reader can do: download the published `file` (its link from
// the page, `root` + its path, with format, localized size and SHA-256), follow its public
// `url`, or request access (a mailto: link whose subject names the document in this locale,
// RFC 6068, or the https form, as it is). `root` is the page's path to the site root ("../").
// The links of the descriptions are appended to `links`. Pure.
nlohmann::json documents_view(const DocumentList& list, const LocaleView& view,
                              const std::string& root, std::vector<LinkUse>* links = nullptr);

}  // namespace trustsite
