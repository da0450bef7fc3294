#include "trust_json.h"

#include "parallel.h"
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

// company: legal_name, registration_number, website, address and contacts (SPEC 2).
void add_company_details(ojson& company, const SiteConfig& config) {
  const CompanyInfo& info = config.company;
  if (!info.legal_name.empty()) company["legal_name"] = info.legal_name;
  if (!info.registration_number.empty()) company["registration_number"] = info.registration_number;
  if (!info.website.empty()) company["website"] = info.website;
  if (!info.address.empty()) {
    std::string address;
    for (const auto& line : info.address) address += (address.empty() ? "" : "\n") + line;
    company["address"] = address;
  }
  if (info.contacts.empty()) return;
  ojson contacts = ojson::array();
  for (const auto& contact : info.contacts) {
    ojson entry = ojson::object();
    entry["role"] = std::string(kContactRoles.name(contact.role));
    put_localized(entry, "label", config, contact.label);
    if (!contact.email.empty()) entry["email"] = contact.email;
    if (!contact.url.empty()) entry["url"] = contact.url;
    contacts.push_back(std::move(entry));
  }
  company["contacts"] = std::move(contacts);
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
  add_company_details(company, config);
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

// The introduction: its title (the locales whose file has one) and Markdown body per locale.
ojson intro_json(const SiteConfig& config, const Intro& intro) {
  ojson title = ojson::object(), body = ojson::object();
  for (const auto& locale : config.locales) {
    auto it = intro.by_locale.find(locale);
    if (it == intro.by_locale.end()) continue;
    if (!it->second.title.empty()) title[locale] = it->second.title;
    body[locale] = it->second.body;
  }
  ojson out = ojson::object();
  if (!title.empty()) out["title"] = std::move(title);
  out["body"] = std::move(body);
  return out;
}

// The vulnerability disclosure programme (site.yaml `vulnerability_disclosure`).
ojson vulnerability_disclosure_json(const SiteConfig& config, const Content& content) {
  const VulnerabilityDisclosure& programme = *config.vulnerability_disclosure;
  ojson out = ojson::object();
  out["contacts"] = vulnerability_report_uris(config);
  if (programme.acknowledge_within_days)
    out["acknowledge_within_days"] = *programme.acknowledge_within_days;
  if (programme.triage_within_days) out["triage_within_days"] = *programme.triage_within_days;
  out["safe_harbor"] = programme.safe_harbor;
  if (programme.bounty) {
    ojson bounty = ojson::object();
    bounty["currency"] = programme.bounty->currency;
    bounty["min"] = programme.bounty->min;
    bounty["max"] = programme.bounty->max;
    out["bounty"] = std::move(bounty);
  }
  ojson out_of_scope = ojson::array();
  for (const auto& item : programme.out_of_scope) out_of_scope.push_back(localized(config, item));
  out["out_of_scope"] = std::move(out_of_scope);
  if (config.security_txt) {
    if (!config.security_txt->encryption.empty())
      out["encryption"] = config.security_txt->encryption;
    if (!config.security_txt->acknowledgments.empty())
      out["acknowledgments"] = config.security_txt->acknowledgments;
  }
  if (const Page* policy = content.security_policy_page) {
    ojson urls = ojson::object();
    for (const auto& locale : config.locales)
      urls[locale] = page_url(config.base_url, locale, policy->slug);
    out["policy"] = std::move(urls);
  }
  return out;
}

ojson question_json(const SiteConfig& config, const Question& question) {
  ojson out = ojson::object();
  out["id"] = question.id;
  out["question"] = localized(config, question.question);
  out["answer"] = localized(config, question.answer);
  if (question.order) out["order"] = *question.order;
  out["urls"] = anchors(config, question.id);
  return out;
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
  // Change notices (SPEC 3), as judged at build time.
  out["upcoming"] = subprocessor.upcoming;
  if (subprocessor.from) out["from"] = format_date(*subprocessor.from);
  if (subprocessor.until) out["until"] = format_date(*subprocessor.until);
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
  // Change notices (SPEC 3; GDPR Art. 28(2)): when customers were told, when it takes effect,
  // and whether it had not yet at build time.
  if (change.announced) out["announced"] = format_date(*change.announced);
  out["effective"] = format_date(change.date);
  out["upcoming"] = change.upcoming;
  return out;
}

// {"notice_days": 30, "objection_contact": "privacy@…"}: what the DPA promises; empty when
// neither is set.
ojson notice_json(const SubprocessorList& list) {
  ojson out = ojson::object();
  if (list.notice_days) out["notice_days"] = *list.notice_days;
  const ObjectionContact& contact = list.objection_contact;
  if (!contact.empty())
    out["objection_contact"] = contact.email.empty() ? contact.url : contact.email;
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

ojson framework_json(const SiteConfig& config, const Framework& framework) {
  ojson out = ojson::object();
  out["id"] = framework.id;
  out["name"] = framework.name;
  out["type"] = to_string(framework.type);
  out["status"] = framework.shown_status();
  put_localized(out, "scope", config, framework.scope);
  if (!framework.issuer.empty()) out["issuer"] = framework.issuer;
  if (framework.issued) out["issued"] = format_date(*framework.issued);
  if (framework.expires) out["expires"] = format_date(*framework.expires);
  if (framework.expected) out["expected"] = format_partial_date(*framework.expected);
  if (framework.report) out["report"] = to_string(*framework.report);
  if (framework.document_ref != nullptr) out["document"] = framework.document_ref->id;
  put_localized(out, "note", config, framework.note);
  if (!framework.mapping.empty()) out["mapping"] = framework.mapping;
  out["urls"] = anchors(config, framework.id);
  return out;
}

ojson document_json(const SiteConfig& config, const DocumentList& list, const Document& document) {
  ojson out = ojson::object();
  out["id"] = document.id;
  out["title"] = localized(config, document.title);
  put_localized(out, "description", config, document.description);
  out["access"] = to_string(document.access);
  if (!document.language.empty()) out["language"] = document.language;
  if (document.updated) out["updated"] = format_date(*document.updated);
  if (document.file) {
    ojson file = ojson::object();
    file["url"] = absolute_url(config.base_url, document.file->output_path);
    file["media_type"] = document.file->media_type;
    file["size"] = document.file->size;
    file["sha256"] = document.file->sha256;
    out["file"] = std::move(file);
  } else if (!document.url.empty()) {
    out["url"] = document.url;
  } else if (document.access != Access::public_ && !list.request_target.empty()) {
    out["request"] = list.request_target.email.empty() ? list.request_target.url
                                                       : "mailto:" + list.request_target.email;
  }
  out["urls"] = anchors(config, document.id);
  return out;
}

ojson highlight_json(const SiteConfig& config, const Highlight& highlight) {
  ojson out = ojson::object();
  out["id"] = highlight.id;
  out["label"] = localized(config, highlight.label);
  out["value"] = localized(config, highlight.value);
  if (!highlight.link_id.empty()) {
    out["link"] = anchors(config, highlight.link_id);
  } else if (highlight.link_page != nullptr) {
    ojson link = ojson::object();
    for (const auto& locale : config.locales)
      link[locale] = page_url(config.base_url, locale, highlight.link_page->slug);
    out["link"] = std::move(link);
  }
  out["urls"] = anchors(config, highlight.id);
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

// Stands in for the categories in the document render_trust_json() dumps; no input text can
// dump to the same characters (texts never hold control characters, and a backslash in a text
// is dumped doubled).
constexpr const char* kCategoriesPlaceholder = "\u0001categories\u0001";

// make_trust_json(); unless `with_categories`, the categories are left out as a placeholder
// string, for render_trust_json() to write one category at a time.
ojson trust_json_document(const SiteConfig& config, const Content& content, const Date& stamp,
                          bool with_categories) {
  ojson doc = ojson::object();
  doc["schema"] = kTrustJsonSchema;
  doc["site"] = site_json(config, content);
  doc["stamp"] = format_date(stamp);
  if (content.intro.present()) doc["intro"] = intro_json(config, content.intro);
  if (config.vulnerability_disclosure)
    doc["vulnerability_disclosure"] = vulnerability_disclosure_json(config, content);
  if (content.highlights.present) {
    ojson highlights = ojson::array();
    for (const auto& highlight : content.highlights.items)
      highlights.push_back(highlight_json(config, highlight));
    doc["highlights"] = std::move(highlights);
  }
  if (content.frameworks.present) {
    ojson frameworks = ojson::array();
    for (const auto& framework : content.frameworks.items)
      frameworks.push_back(framework_json(config, framework));
    doc["frameworks"] = std::move(frameworks);
  }
  if (with_categories) {
    ojson categories = ojson::array();
    for (const auto& category : content.categories)
      categories.push_back(category_json(config, category));
    doc["categories"] = std::move(categories);
  } else {
    doc["categories"] = kCategoriesPlaceholder;
  }
  if (content.subprocessors.present) {
    ojson subprocessors = ojson::array();
    for (const auto& subprocessor : content.subprocessors.items)
      subprocessors.push_back(subprocessor_json(config, subprocessor));
    doc["subprocessors"] = std::move(subprocessors);
    ojson changes = ojson::array();
    for (const auto& change : content.subprocessors.changes)
      changes.push_back(change_json(config, change));
    doc["subprocessor_changes"] = std::move(changes);
    if (ojson notice = notice_json(content.subprocessors); !notice.empty())
      doc["subprocessor_notice"] = std::move(notice);
  }
  if (content.disclosures.present) {
    ojson disclosures = ojson::array();
    for (const auto& disclosure : content.disclosures.items)
      disclosures.push_back(disclosure_json(config, disclosure));
    doc["ai_disclosures"] = std::move(disclosures);
  }
  if (content.documents.present) {
    ojson documents = ojson::array();
    for (const auto& document : content.documents.items)
      documents.push_back(document_json(config, content.documents, document));
    doc["documents"] = std::move(documents);
  }
  if (content.faq.present) {
    ojson questions = ojson::array();
    for (const auto& question : content.faq.items)
      questions.push_back(question_json(config, question));
    doc["faq"] = std::move(questions);
  }
  ojson pages = ojson::array();
  for (const auto& page : content.pages) {
    ojson entry = page_json(config, page);
    if (!entry["locales"].empty()) pages.push_back(std::move(entry));
  }
  doc["pages"] = std::move(pages);
  return doc;
}

}  // namespace

nlohmann::ordered_json make_trust_json(const SiteConfig& config, const Content& content,
                                       const Date& stamp) {
  return trust_json_document(config, content, stamp, true);
}

std::string render_trust_json(const SiteConfig& config, const Content& content, const Date& stamp) {
  // The same text as make_trust_json().dump(), without ever holding the whole tree: a catalogue
  // of 100 000 controls is about 130 MB of JSON text and several times that as ordered_json.
  // The categories are dumped one at a time, in parallel, and spliced in at their level.
  auto dump = [](const ojson& value) {
    return value.dump(2, ' ', false, ojson::error_handler_t::replace);
  };
  const std::string document = dump(trust_json_document(config, content, stamp, false));
  const std::string placeholder = dump(ojson(kCategoriesPlaceholder));
  const std::size_t at = document.find(placeholder);
  std::vector<std::string> categories(content.categories.size());
  parallel_for(categories.size(), [&](std::size_t i) {
    // At depth 2 of the document: every line after the first indented by four more spaces (JSON
    // text has no raw newlines inside strings).
    const std::string text = dump(category_json(config, content.categories[i]));
    std::string& out = categories[i];
    out.reserve(text.size() + text.size() / 8);
    out += "    ";
    for (std::size_t line = 0; line < text.size();) {
      const std::size_t newline = text.find('\n', line);
      const std::size_t end = newline == std::string::npos ? text.size() : newline + 1;
      out.append(text, line, end - line);
      if (newline != std::string::npos) out += "    ";
      line = end;
    }
  });
  std::size_t size = document.size() + 8;
  for (const auto& text : categories) size += text.size() + 2;
  std::string out;
  out.reserve(size);
  out.append(document, 0, at);
  if (categories.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < categories.size(); ++i) {
      if (i > 0) out += ",\n";
      out += categories[i];
      std::string().swap(categories[i]);
    }
    out += "\n  ]";
  }
  out.append(document, at + placeholder.size());
  out += "\n";
  return out;
}

}  // namespace trustsite
