// A small bilingual site as plain structs, for the tests of the machine-readable outputs
// (sitemap, Atom feed, security.txt, trust.json): no files, no loaders.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "config.h"
#include "content.h"
#include "date.h"
#include "live_status.h"
#include "locales.h"
#include "localized.h"
#include "theme.h"
#include "validate.h"

namespace trustsite::testing {

inline LocalizedText localized_text(std::map<std::string, std::string> by_locale) {
  LocalizedText field;
  field.by_locale = std::move(by_locale);
  return field;
}

inline LocalizedText en_sv(const std::string& en, const std::string& sv) {
  return localized_text({{"en", en}, {"sv", sv}});
}

inline Date ymd(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

// base_url with a path, so every absolute URL has to keep it.
inline SiteConfig output_config(const std::string& base_url = "https://acme.example/trust/") {
  SiteConfig config;
  config.site_dir = "/nonexistent";
  config.title = en_sv("Acme Trust Center", "Acme Trygghetscenter");
  config.base_url = base_url;
  config.default_locale = "en";
  config.locales = {"en", "sv"};
  config.company = {"Acme & Co AB", "hello@acme.example", "security@acme.example", "", {}};
  SecurityTxtConfig security;
  security.contact = {"mailto:security@acme.example", "https://acme.example/security"};
  security.expires_after_days = 365;
  security.policy_page = "responsible-disclosure";
  security.preferred_languages = {"en", "sv"};
  config.security_txt = security;
  return config;
}

inline PageSource page_source(const std::string& locale, const std::string& title,
                              std::optional<Date> updated = std::nullopt) {
  PageSource source;
  source.locale = locale;
  source.title = title;
  source.updated = updated;
  source.file = "content/pages/x." + locale + ".md";
  return source;
}

// The site's content, validated (references resolved) against output_config() and, when given,
// the live data `live` (which must outlive the content), with "now" on `today`.
inline Content output_content(const MonitoringResult* live = nullptr,
                              const Date& today = ymd(2026, 5, 1)) {
  Content content;
  Category access;
  access.id = "access";
  access.order = 10;
  access.title = en_sv("Access", "Åtkomst");
  Control mfa;
  mfa.id = "mfa";
  mfa.title = en_sv("Multi-factor authentication", "Tvåfaktorsautentisering");
  mfa.description = localized_text({{"en", "Required for **all** staff."}});  // no sv
  mfa.status = Status::implemented;
  mfa.updated = ymd(2026, 3, 14);
  mfa.frameworks = {"SOC 2 CC6.1", "ISO 27001 A.5.17"};
  mfa.monitor = "mfa-check";
  access.controls.push_back(mfa);
  Control keys;
  keys.id = "customer-keys";
  keys.title = en_sv("Customer-managed keys", "Kundhanterade nycklar");
  keys.status = Status::planned;
  access.controls.push_back(keys);
  content.categories.push_back(access);

  content.subprocessors.present = true;
  Subprocessor aws;
  aws.id = "aws";
  aws.name = "Amazon Web Services";
  aws.purpose = en_sv("Hosting", "Drift");
  aws.location = en_sv("EU", "EU");
  aws.website = "https://aws.amazon.com";
  aws.dpa = DpaStatus::signed_;
  aws.since = ymd(2024, 1, 10);
  content.subprocessors.items.push_back(aws);

  SubprocessorChange added;  // newest first, as load_content sorts them
  added.date = ymd(2026, 2, 1);
  added.type = ChangeType::added;
  added.subprocessor = "aws";
  added.note = localized_text({{"en", "Moved <hosting> & backups \"here\"\x01."}});  // no sv
  SubprocessorChange removed;
  removed.date = ymd(2025, 11, 3);
  removed.type = ChangeType::removed;
  removed.subprocessor = "oldmail";
  removed.name = "Old Mail Ltd";
  removed.note = en_sv("No longer used.", "Används inte längre.");
  content.subprocessors.changes = {added, removed};

  content.disclosures.present = true;
  Disclosure scan;
  scan.id = "receipt-scanning";
  scan.title = en_sv("Receipt scanning", "Kvittotolkning");
  scan.status = Status::in_progress;
  scan.provider = "aws";
  scan.opt_in = true;
  scan.used_for_training = false;
  content.disclosures.items.push_back(scan);

  Page policy;
  policy.slug = "responsible-disclosure";
  policy.by_locale["en"] = page_source("en", "Responsible disclosure", ymd(2026, 1, 5));
  policy.by_locale["sv"] = page_source("sv", "Ansvarsfullt avslöjande", ymd(2026, 1, 7));
  Page incidents;  // English only: the sv site shows the en text
  incidents.slug = "incident-response";
  incidents.by_locale["en"] = page_source("en", "Incident response");
  content.pages = {policy, incidents};
  DiagnosticSink sink;
  const MonitoringResult no_live;
  validate_content(output_config(), content, Theme{}, live ? *live : no_live, today, sink);
  return content;
}

inline UiStrings output_strings() {
  nlohmann::json en = {
      {"subprocessors",
       {{"feed_title", "{company}: sub-processor changes"},
        {"intro", "Who processes data."},
        {"effective", "Effective"},
        {"announced", "Announced"}}},
      {"change", {{"added", "Added"}, {"removed", "Removed"}, {"updated", "Updated"}}}};
  nlohmann::json sv = {
      {"subprocessors",
       {{"feed_title", "{company}: ändringar av underbiträden"},
        {"intro", "Vilka som behandlar."},
        {"effective", "Gäller från"},
        {"announced", "Aviserades"}}},
      {"change", {{"added", "Tillagt"}, {"removed", "Borttaget"}, {"updated", "Ändrat"}}}};
  return UiStrings::from_tables({{"en", en}, {"sv", sv}});
}

}  // namespace trustsite::testing
