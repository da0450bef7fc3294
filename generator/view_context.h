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
#include "markdown.h"
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
  // The visible marker of text shown in `lang` instead of this locale ("In English" on an
  // English page would never appear; "På engelska" on a Swedish one), from `fallback.marker`.
  std::string fallback_marker(const std::string& lang) const;
};

// Builds the LocaleView of `code`.
LocaleView make_locale_view(const SiteModel& model, const std::string& code);

// A link written in Markdown, as shown on one page: its destination, where it is written, and
// the locale whose text holds it (for the link check, SPEC 3 "Links").
struct LinkUse {
  std::string destination;
  SourceLocation location;
  std::string locale;  // the locale of the text (a fallback text is the default locale's)
};

// The heading level of the element that holds each Markdown field: its own headings must come
// right below it (WCAG 1.3.1: no skipped levels under the page's h1 / category's h2).
inline constexpr int kPageBodyParent = 1;         // the policy page's h1
inline constexpr int kCategorySummaryParent = 2;  // the category's h2
inline constexpr int kItemParent = 3;             // a control's or disclosure's h3

// A localized field for templates: {"text": ..., "lang": ..., "marker": ...}; `lang` and
// `marker` only when the text fell back to another locale (SPEC 2: mark just the element
// holding the fallback text with `lang`, and visibly with the localized marker, which the
// theme renders in the page's language).
nlohmann::json localized_json(const LocalizedText& field, const LocaleView& view);

// Text known to be in `lang` (empty: in the view's own locale) as {"text", "lang", "marker"},
// the shape localized_json() gives: a page title shown from another locale's file.
nlohmann::json text_in_json(std::string text, const std::string& lang, const LocaleView& view);

// A localized Markdown field: {"html": ..., "lang": ..., "marker": ...}, rendered in safe mode
// with headings below `parent_level`.
// When `links` is given, the links of the rendered text are appended to it with their file
// positions.
nlohmann::json markdown_json(const LocalizedText& field, const LocaleView& view, int parent_level,
                             std::vector<LinkUse>* links = nullptr);

// Appends `found` (links of a text written at `origin`, in `locale`) to `links`.
void add_link_uses(const std::vector<MarkdownLink>& found, const TextOrigin& origin,
                   const std::string& locale, std::vector<LinkUse>& links);

// The localized label of a status value ("Implemented" for "implemented").
std::string status_label(const LocaleView& view, const std::string& status);

}  // namespace trustsite
