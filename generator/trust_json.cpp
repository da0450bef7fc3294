#include "trust_json.h"

#include "site_paths.h"

namespace trustsite {

namespace {

using ojson = nlohmann::ordered_json;

// {"en": "...", "sv": "..."} in locale order, only the locales that have the text.
ojson localized(const SiteConfig& config, const LocalizedText& text) {
  ojson out = ojson::object();
  for (const auto& locale : config.locales)
    if (auto it = text.by_locale.find(locale); it != text.by_locale.end()) out[locale] = it->second;
  return out;
}

// Sets `key` to the localized object unless the field is absent.
void put_localized(ojson& object, const char* key, const SiteConfig& config,
                   const LocalizedText& text) {
  if (!text.empty()) object[key] = localized(config, text);
}

// {"en": "<home url>#<id>", ...}: where an element with `id` is, per locale.
ojson anchors(const SiteConfig& config, const std::string& id) {
  ojson out = ojson::object();
  for (const auto& locale : config.locales)
    out[locale] = page_url(config.base_url, locale) + "#" + id;
  return out;
}

ojson site_json(const SiteConfig& config, const Content& content) {
  ojson site = ojson::object();
  site["title"] = localized(config, config.title);
  put_localized(site, "tagline", config, config.tagline);
  site["base_url"] = config.base_url;
  site["default_locale"] = config.default_locale;
  site["locales"] = config.locales;
  ojson company = ojson::object();
  company["name"] = config.company.name;
  if (!config.company.contact.empty()) company["contact"] = config.company.contact;
  if (!config.company.security_contact.empty())
    company["security_contact"] = config.company.security_contact;
  if (!config.company.privacy_contact.empty())
    company["privacy_contact"] = config.company.privacy_contact;
  site["company"] = std::move(company);
  ojson urls = ojson::object();
  for (const auto& locale : config.locales) urls[locale] = page_url(config.base_url, locale);
  site["urls"] = std::move(urls);
  if (content.subprocessors.present) {
    ojson feeds = ojson::object();
    for (const auto& locale : config.locales)
      feeds[locale] = absolute_url(config.base_url, subprocessor_feed_path(locale));
    site["feeds"] = std::move(feeds);
  }
  if (config.security_txt) site["security_txt"] = absolute_url(config.base_url, kSecurityTxtFile);
  return site;
}

ojson control_json(const SiteConfig& config, const Control& control) {
  ojson out = ojson::object();
  out["id"] = control.id;
  out["title"] = localized(config, control.title);
  put_localized(out, "description", config, control.description);
  out["status"] = to_string(control.status);
  out["frameworks"] = control.frameworks;
  if (control.updated) out["updated"] = format_date(*control.updated);
  if (!control.monitor.empty()) {
    out["monitor"] = control.monitor;
    if (const LiveStatus* item = control.live) {
      ojson status = ojson::object();
      status["status"] = item->status;
      if (!item->checked_at.empty()) status["checked_at"] = item->checked_at;
      if (!item->detail.empty()) status["detail"] = item->detail;
      status["stale"] = item->stale;
      if (item->stale && !item->reported_status.empty())
        status["reported_status"] = item->reported_status;
      out["live"] = std::move(status);
    }
  }
  out["urls"] = anchors(config, control.id);
  return out;
}

ojson category_json(const SiteConfig& config, const Category& category) {
  ojson out = ojson::object();
  out["id"] = category.id;
  out["order"] = category.order;
  if (!category.icon.empty()) out["icon"] = category.icon;
  out["title"] = localized(config, category.title);
  put_localized(out, "summary", config, category.summary);
  out["urls"] = anchors(config, category.id);
  ojson controls = ojson::array();
  for (const auto& control : category.controls) controls.push_back(control_json(config, control));
  out["controls"] = std::move(controls);
  return out;
}

ojson subprocessor_json(const SiteConfig& config, const Subprocessor& subprocessor) {
  ojson out = ojson::object();
  out["id"] = subprocessor.id;
  out["name"] = subprocessor.name;
  put_localized(out, "purpose", config, subprocessor.purpose);
  put_localized(out, "location", config, subprocessor.location);
  if (!subprocessor.website.empty()) out["website"] = subprocessor.website;
  out["dpa"] = to_string(subprocessor.dpa);
  if (subprocessor.since) out["since"] = format_date(*subprocessor.since);
  out["urls"] = anchors(config, subprocessor.id);
  return out;
}

ojson change_json(const SiteConfig& config, const SubprocessorChange& change) {
  ojson out = ojson::object();
  out["date"] = format_date(change.date);
  out["type"] = to_string(change.type);
  out["subprocessor"] = change.subprocessor;
  out["name"] = change.display_name;
  out["listed"] = change.listed != nullptr;
  put_localized(out, "note", config, change.note);
  return out;
}

ojson disclosure_json(const SiteConfig& config, const Disclosure& disclosure) {
  ojson out = ojson::object();
  out["id"] = disclosure.id;
  out["title"] = localized(config, disclosure.title);
  put_localized(out, "description", config, disclosure.description);
  out["status"] = to_string(disclosure.status);
  out["provider"] = disclosure.provider;
  out["opt_in"] = disclosure.opt_in;
  put_localized(out, "data_sent", config, disclosure.data_sent);
  put_localized(out, "data_excluded", config, disclosure.data_excluded);
  out["used_for_training"] = disclosure.used_for_training;
  put_localized(out, "human_oversight", config, disclosure.human_oversight);
  out["urls"] = anchors(config, disclosure.id);
  return out;
}

ojson page_json(const SiteConfig& config, const Page& page) {
  ojson out = ojson::object();
  out["slug"] = page.slug;
  const PageSource* main = shown_page_source(page, config.default_locale, config.default_locale);
  if (main && main->order) out["order"] = *main->order;
  out["menu"] = main ? main->menu : true;
  ojson locales = ojson::object();
  for (const auto& locale : config.locales) {
    const PageSource* source = shown_page_source(page, locale, config.default_locale);
    if (source == nullptr) continue;
    ojson entry = ojson::object();
    entry["url"] = page_url(config.base_url, locale, page.slug);
    entry["translated"] = source->locale == locale;
    entry["lang"] = source->locale;
    entry["title"] = source->title;
    if (!source->description.empty()) entry["description"] = source->description;
    if (source->updated) entry["updated"] = format_date(*source->updated);
    locales[locale] = std::move(entry);
  }
  out["locales"] = std::move(locales);
  return out;
}

}  // namespace

nlohmann::ordered_json make_trust_json(const SiteConfig& config, const Content& content,
                                       const Date& stamp) {
  ojson doc = ojson::object();
  doc["schema"] = kTrustJsonSchema;
  doc["site"] = site_json(config, content);
  doc["stamp"] = format_date(stamp);
  ojson categories = ojson::array();
  for (const auto& category : content.categories)
    categories.push_back(category_json(config, category));
  doc["categories"] = std::move(categories);
  if (content.subprocessors.present) {
    ojson subprocessors = ojson::array();
    for (const auto& subprocessor : content.subprocessors.items)
      subprocessors.push_back(subprocessor_json(config, subprocessor));
    doc["subprocessors"] = std::move(subprocessors);
    ojson changes = ojson::array();
    for (const auto& change : content.subprocessors.changes)
      changes.push_back(change_json(config, change));
    doc["subprocessor_changes"] = std::move(changes);
  }
  if (content.disclosures.present) {
    ojson disclosures = ojson::array();
    for (const auto& disclosure : content.disclosures.items)
      disclosures.push_back(disclosure_json(config, disclosure));
    doc["ai_disclosures"] = std::move(disclosures);
  }
  ojson pages = ojson::array();
  for (const auto& page : content.pages) {
    ojson entry = page_json(config, page);
    if (!entry["locales"].empty()) pages.push_back(std::move(entry));
  }
  doc["pages"] = std::move(pages);
  return doc;
}

std::string render_trust_json(const SiteConfig& config, const Content& content, const Date& stamp) {
  return make_trust_json(config, content, stamp)
             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace trustsite
