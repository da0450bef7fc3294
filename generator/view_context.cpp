#include "view_context.h"

#include <array>
#include <utility>
#include <vector>

#include "company_view.h"
#include "language_marks.h"
#include "markdown.h"

namespace trustsite {

using nlohmann::json;

namespace {

void fill_table(json& table, const std::vector<std::pair<std::string, std::string>>& values) {
  for (auto& value : table) {
    if (value.is_object()) {
      fill_table(value, values);
    } else if (value.is_string()) {
      value = fill_placeholders(value.get<std::string>(), values);
    }
  }
}

// One string from a nested table by path; empty when absent.
std::string lookup(const json& table, std::initializer_list<std::string_view> path) {
  const json* node = &table;
  for (std::string_view part : path) {
    if (!node->is_object()) return {};
    auto it = node->find(part);
    if (it == node->end()) return {};
    node = &*it;
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

// A validated contact e-mail address as {address, href: "mailto:..."}.
json contact_json(const std::string& address) {
  return {{"address", address}, {"href", "mailto:" + address}};
}

}  // namespace

std::string LocaleView::ui(std::initializer_list<std::string_view> path) const {
  return lookup(t, path);
}

std::string LocaleView::fallback_marker(const std::string& lang) const {
  std::string language = ui({"languages", lang});
  if (language.empty()) language = lang;
  return fill_placeholders(ui({"fallback", "marker"}), {{"language", language}});
}

LocaleView make_locale_view(const SiteModel& model, const std::string& code) {
  const SiteConfig& config = model.config;
  LocaleView view;
  view.code = code;
  view.default_locale = config.default_locale;
  view.t = model.strings.has(code) ? model.strings.table(code) : json::object();
  // UI strings filled in from the default locale are in its language: wrapped so that the
  // rendered page marks them with `lang` (language_marks.h; SPEC 2).
  for (const std::string& dotted : model.strings.fallback_keys(code)) {
    json* node = &view.t;
    for (std::size_t start = 0; node != nullptr && node->is_object();) {
      const std::size_t dot = dotted.find('.', start);
      auto it = node->find(dotted.substr(start, dot == std::string::npos ? dot : dot - start));
      node = it == node->end() ? nullptr : &*it;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    if (node != nullptr && node->is_string())
      *node = wrap_language(node->get<std::string>(), config.default_locale);
  }
  const ResolvedText title = resolve(config.title, code, config.default_locale);
  fill_table(view.t, {{"company", config.company.name}, {"site_title", title.text}});
  view.language_name = view.ui({"language_name"});
  if (view.language_name.empty()) view.language_name = code;

  json company = {{"name", config.company.name}};
  json contacts = json::array();
  const std::array<std::pair<const char*, const std::string*>, 3> kinds = {{
      {"contact", &config.company.contact},
      {"security_contact", &config.company.security_contact},
      {"privacy_contact", &config.company.privacy_contact},
  }};
  const std::array<const char*, 3> labels = {"general", "security", "privacy"};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i].second->empty()) continue;
    json contact = contact_json(*kinds[i].second);
    company[kinds[i].first] = contact;
    contact["kind"] = labels[i];
    contact["label"] = view.ui({"contact", labels[i]});
    contacts.push_back(std::move(contact));
  }
  if (!config.company.extra.is_null()) company["extra"] = config.company.extra;
  // site.yaml's further company details and contacts (SPEC 2).
  add_company_details(company, config.company);
  for (auto& contact : role_contacts_view(config.company, view))
    contacts.push_back(std::move(contact));
  const bool has_company_details = company["has_details"].get<bool>();
  json locale_list = json::array();
  for (const auto& other : config.locales) {
    std::string name = model.strings.get(other, "language_name");
    locale_list.push_back({{"code", other}, {"name", name.empty() ? other : name}});
  }
  view.site = {
      {"title", localized_json(config.title, view)},
      {"tagline", localized_json(config.tagline, view)},
      {"base_url", config.base_url},
      {"default_locale", config.default_locale},
      {"locales", std::move(locale_list)},
      {"company", std::move(company)},
      {"contacts", contacts},
      {"has_contacts", !contacts.empty() || has_company_details},
      {"has_contact_list", !contacts.empty()},
      {"has_vulnerability_disclosure", config.vulnerability_disclosure.has_value()},
  };
  if (config.tagline.empty()) view.site.erase("tagline");
  if (!config.extra.is_null()) view.site["extra"] = config.extra;
  if (config.security_txt && !config.security_txt->extra.is_null())
    view.site["security_txt"] = {{"extra", config.security_txt->extra}};
  if (config.monitoring && !config.monitoring->extra.is_null())
    view.site["monitoring"] = {{"extra", config.monitoring->extra}};
  view.locale = {
      {"code", code}, {"name", view.language_name}, {"is_default", code == config.default_locale}};
  view.stamp = {{"date", format_date(model.stamp)}, {"label", view.ui({"stamp", "updated"})}};
  return view;
}

namespace {

// Adds `lang` and the visible marker to a field that fell back to another locale.
void mark_fallback(json& out, std::string lang, const LocaleView& view) {
  if (lang.empty()) return;
  if (std::string marker = view.fallback_marker(lang); !marker.empty())
    out["marker"] = std::move(marker);
  out["lang"] = std::move(lang);
}

}  // namespace

json localized_json(const LocalizedText& field, const LocaleView& view) {
  ResolvedText resolved = resolve(field, view.code, view.default_locale);
  json out = {{"text", std::move(resolved.text)}};
  mark_fallback(out, std::move(resolved.lang), view);
  return out;
}

json text_in_json(std::string text, const std::string& lang, const LocaleView& view) {
  json out = {{"text", std::move(text)}};
  mark_fallback(out, lang, view);
  return out;
}

void add_link_uses(const std::vector<MarkdownLink>& found, const TextOrigin& origin,
                   const std::string& locale, std::vector<LinkUse>& links) {
  for (const MarkdownLink& link : found)
    links.push_back({link.destination, origin.at(link.line, link.column), locale});
}

json markdown_json(const LocalizedText& field, const LocaleView& view, int parent_level,
                   std::vector<LinkUse>* links) {
  ResolvedText resolved = resolve(field, view.code, view.default_locale);
  std::vector<MarkdownLink> found;
  json out = {
      {"html", render_markdown_below(resolved.text, parent_level, links ? &found : nullptr)}};
  if (links != nullptr && !found.empty()) {
    const std::string& locale = resolved.lang.empty() ? view.code : resolved.lang;
    auto origin = field.origins.find(locale);
    add_link_uses(found,
                  origin != field.origins.end() ? origin->second : TextOrigin{field.location},
                  locale, *links);
  }
  mark_fallback(out, std::move(resolved.lang), view);
  return out;
}

std::string status_label(const LocaleView& view, const std::string& status) {
  return view.ui({"status", status});
}

}  // namespace trustsite
