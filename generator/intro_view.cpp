#include "intro_view.h"

#include "locales.h"
#include "markdown.h"

namespace trustsite {

using nlohmann::json;

json intro_view(const Intro& intro, const LocaleView& view, std::vector<LinkUse>* links) {
  const IntroSource* source = shown_intro_source(intro, view.code, view.default_locale);
  if (source == nullptr) return nullptr;
  const std::string lang = source->locale == view.code ? std::string() : source->locale;
  json out = json::object();
  if (!source->title.empty()) {
    out["title"] = {{"text", source->title}};
    if (!lang.empty()) out["title"]["lang"] = lang;
  }
  // Below the introduction's own h2, or below the page's h1 when it has no title.
  const int parent = source->title.empty() ? 1 : 2;
  std::vector<MarkdownLink> found;
  out["body"] = {{"html", render_markdown_below(source->body, parent, links ? &found : nullptr)}};
  if (links != nullptr) {
    TextOrigin origin;
    origin.value = {source->file, source->body_line, 1};
    add_link_uses(found, origin, source->locale, *links);
  }
  if (!lang.empty()) {
    out["body"]["lang"] = lang;
    out["lang"] = lang;
    const std::string language = view.ui({"languages", view.code});
    const std::string source_language = view.ui({"languages", lang});
    out["not_translated"] = {
        {"lang", lang},
        {"notice", fill_placeholders(
                       view.ui({"intro", "not_translated"}),
                       {{"language", language.empty() ? view.language_name : language},
                        {"source_language", source_language.empty() ? lang : source_language}})}};
  }
  return out;
}

}  // namespace trustsite
