#include "view_context.h"

#include <array>
#include <utility>
#include <vector>

#include "company_view.h"
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

LocaleView make_locale_view(const SiteModel& model, const std::string& code) {
  const SiteConfig& config = model.config;
  LocaleView view;
  view.code = code;
  view.default_locale = config.default_locale;
  view.t = model.strings.has(code) ? model.strings.table(code) : json::object();
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
  view.locale = {
      {"code", code}, {"name", view.language_name}, {"is_default", code == config.default_locale}};
  view.stamp = {{"date", format_date(model.stamp)}, {"label", view.ui({"stamp", "updated"})}};
  return view;
}

json localized_json(const LocalizedText& field, const LocaleView& view) {
  ResolvedText resolved = resolve(field, view.code, view.default_locale);
  json out = {{"text", std::move(resolved.text)}};
  if (!resolved.lang.empty()) out["lang"] = std::move(resolved.lang);
  return out;
}

json markdown_json(const LocalizedText& field, const LocaleView& view, int parent_level) {
  ResolvedText resolved = resolve(field, view.code, view.default_locale);
  json out = {{"html", render_markdown_below(resolved.text, parent_level)}};
  if (!resolved.lang.empty()) out["lang"] = std::move(resolved.lang);
  return out;
}

std::string status_label(const LocaleView& view, const std::string& status) {
  return view.ui({"status", status});
}

}  // namespace trustsite
