#include "company_view.h"

#include "url.h"

namespace trustsite {

using nlohmann::json;

void add_company_details(json& company, const CompanyInfo& info) {
  company["display_name"] = info.legal_name.empty() ? info.name : info.legal_name;
  if (!info.legal_name.empty()) company["legal_name"] = info.legal_name;
  if (!info.registration_number.empty()) company["registration_number"] = info.registration_number;
  if (!info.website.empty())
    company["website"] = {{"href", info.website}, {"display", link_text(info.website)}};
  if (!info.address.empty()) {
    json lines = json::array();
    for (std::size_t i = 0; i < info.address.size(); ++i) {
      json line = {{"text", info.address[i]}};
      if (i + 1 < info.address.size()) line["br"] = true;
      lines.push_back(std::move(line));
    }
    company["address"] = {{"lines", std::move(lines)}};
  }
  company["has_details"] = !info.legal_name.empty() || !info.registration_number.empty() ||
                           !info.website.empty() || !info.address.empty();
}

json role_contacts_view(const CompanyInfo& info, const LocaleView& view) {
  json contacts = json::array();
  for (const auto& contact : info.contacts) {
    const std::string role(kContactRoles.name(contact.role));
    json entry = {{"kind", role}};
    if (contact.role == ContactRole::other) {
      const json label = localized_json(contact.label, view);
      entry["label"] = label["text"];
      if (label.contains("lang")) entry["label_lang"] = label["lang"];
      if (label.contains("marker")) entry["label_marker"] = label["marker"];
    } else {
      entry["label"] = view.ui({"contact", role});
    }
    if (!contact.email.empty()) {
      entry["address"] = contact.email;
      entry["href"] = "mailto:" + contact.email;
    } else if (contact.url.starts_with("mailto:")) {
      entry["address"] = contact.url.substr(7);
      entry["href"] = contact.url;
    } else {
      entry["address"] = link_text(contact.url);
      entry["href"] = contact.url;
    }
    if (!contact.extra.is_null()) entry["extra"] = contact.extra;
    contacts.push_back(std::move(entry));
  }
  return contacts;
}

}  // namespace trustsite
