#include "pages_view.h"

#include "locales.h"
#include "markdown.h"
#include "site_paths.h"

namespace trustsite {

using nlohmann::json;

namespace {

// The locale of `source` when it is not `locale` (the page fell back), else "".
std::string fallback_lang(const PageSource& source, const std::string& locale) {
  return source.locale == locale ? std::string() : source.locale;
}

}  // namespace

json menu_view(const SiteModel& model, const LocaleView& view, const std::string& root,
               const std::string& current_slug) {
  json items = json::array();
  for (const auto& page : model.content.pages) {
    const PageSource* source = shown_page_source(page, view.code, view.default_locale);
    if (source == nullptr || !source->menu) continue;
    const std::string lang = fallback_lang(*source, view.code);
    json item = {{"slug", page.slug},
                 {"href", root + page_path(view.code, page.slug)},
                 {"title", text_in_json(source->title, lang, view)},
                 {"current", page.slug == current_slug}};
    if (!source->description.empty())
      item["description"] = text_in_json(source->description, lang, view);
    if (!source->extra.is_null()) item["extra"] = source->extra;
    items.push_back(std::move(item));
  }
  return items;
}

void fill_policy_page(json& info, const Page& policy, const PageSource& source,
                      const LocaleView& view, std::vector<LinkUse>& links) {
  const std::string lang = fallback_lang(source, view.code);
  const std::string site_title = view.site["title"]["text"];
  info["slug"] = policy.slug;
  info["title"] = source.title + " – " + site_title;
  info["heading"] = {{"text", source.title}};
  std::vector<MarkdownLink> found;
  info["body"] = {{"html", render_markdown_below(source.body, kPageBodyParent, &found)}};
  TextOrigin origin;
  origin.value = {source.file, source.body_line, 1};
  add_link_uses(found, origin, source.locale, links);
  if (!source.description.empty()) {
    info["description"] = source.description;
  } else if (view.site.contains("tagline")) {
    info["description"] = view.site["tagline"]["text"];
  }
  if (source.updated) info["updated"] = format_date(*source.updated);
  if (!source.extra.is_null()) info["extra"] = source.extra;
  if (!lang.empty()) {
    // SPEC 3: shown from another locale's file, with a visible notice and `lang` set.
    info["heading"]["lang"] = lang;
    info["body"]["lang"] = lang;
    info["lang"] = lang;
    const std::string language = view.ui({"languages", view.code});
    const std::string source_language = view.ui({"languages", lang});
    info["not_translated"] = {
        {"lang", lang},
        {"notice", fill_placeholders(
                       view.ui({"page", "not_translated"}),
                       {{"language", language.empty() ? view.language_name : language},
                        {"source_language", source_language.empty() ? lang : source_language}})}};
  }
}

}  // namespace trustsite
