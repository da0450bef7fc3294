// What every view-model builder shares (the view model: Content + locale -> the JSON context
// of each page, docs/themes.md): the per-locale data built once (UI strings, the `site`
// object, the stamp) and the shapes of localized fields. Pure: no I/O.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "config.h"
#include "content.h"
#include "date.h"
#include "live_status.h"
#include "locales.h"
#include "localized.h"
#include "theme.h"

namespace trustsite {

// A theme asset after fingerprinting: its path from the site root ("assets/style.1a2b3c4d.css")
// and its Subresource Integrity value ("sha384-<base64>").
struct AssetRef {
  std::string path;
  std::string integrity;
};

// Everything the view model is built from.
struct SiteModel {
  const SiteConfig& config;
  const Content& content;  // validated: references resolved (validate.h)
  const UiStrings& strings;
  const MonitoringResult& live;
  Date stamp;  // the update stamp (SPEC 5)
  // Theme assets keyed by their source name under static/ ("style.css", "favicon.svg").
  std::map<std::string, AssetRef> assets;
  std::string content_security_policy;  // the theme's (theme.h)
};

// Everything about one locale that every page of that locale shares, built once.
struct LocaleView {
  std::string code;
  std::string default_locale;
  nlohmann::json t;       // UI strings with {company} and {site_title} filled in
  nlohmann::json site;    // the `site` object
  nlohmann::json locale;  // {code, name, is_default}
  nlohmann::json stamp;
  std::string language_name;

  // One UI string by path ({"status", "implemented"}); empty when absent.
  std::string ui(std::initializer_list<std::string_view> path) const;
};

// Builds the LocaleView of `code`.
LocaleView make_locale_view(const SiteModel& model, const std::string& code);

// The heading level of the element that holds each Markdown field: its own headings must come
// right below it (WCAG 1.3.1: no skipped levels under the page's h1 / category's h2).
inline constexpr int kPageBodyParent = 1;         // the policy page's h1
inline constexpr int kCategorySummaryParent = 2;  // the category's h2
inline constexpr int kItemParent = 3;             // a control's or disclosure's h3

// A localized field for templates: {"text": ..., "lang": ...}, `lang` only when the text fell
// back to another locale (SPEC 2: mark just the element holding the fallback text).
nlohmann::json localized_json(const LocalizedText& field, const LocaleView& view);

// A localized Markdown field: {"html": ..., "lang": ...}, rendered in safe mode with headings
// below `parent_level`.
nlohmann::json markdown_json(const LocalizedText& field, const LocaleView& view, int parent_level);

// The localized label of a status value ("Implemented" for "implemented").
std::string status_label(const LocaleView& view, const std::string& status);

}  // namespace trustsite
