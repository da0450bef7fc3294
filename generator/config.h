// site.yaml -> SiteConfig (SPEC 2).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "diagnostics.h"
#include "file_system.h"
#include "localized.h"
#include "vocabulary.h"

namespace trustsite {

// The role of a further company contact (site.yaml `company.contacts[].role`, SPEC 2).
enum class ContactRole { legal, abuse, dpo, sales, support, press, other };
inline constexpr Vocabulary<ContactRole, 7> kContactRoles{{{
    {ContactRole::legal, "legal"},
    {ContactRole::abuse, "abuse"},
    {ContactRole::dpo, "dpo"},
    {ContactRole::sales, "sales"},
    {ContactRole::support, "support"},
    {ContactRole::press, "press"},
    {ContactRole::other, "other"},
}}};

// One entry of `company.contacts`: exactly one of `email` and `url` is set.
struct CompanyContact {
  ContactRole role = ContactRole::other;
  LocalizedText label;     // role other only (required there, refused for the named roles)
  std::string email;       // a plain e-mail address (no mailto:)
  std::string url;         // an https URL or a mailto: URI
  nlohmann::json extra{};  // `extra:` for the theme (SPEC 2), null when absent
  SourceLocation location;
};

struct CompanyInfo {
  std::string name;
  std::string contact;                     // e-mail address
  std::string security_contact;            // e-mail address
  std::string privacy_contact;             // e-mail address
  std::string legal_name{};                // the registered name, when it differs from `name`
  std::string registration_number{};       // organisationsnummer, EIN, ... as written
  std::string website{};                   // https URL of the company's own site
  std::vector<std::string> address{};      // postal address, one entry per line, no empty ones
  std::vector<CompanyContact> contacts{};  // further contacts, site.yaml order
  nlohmann::json extra{};                  // `extra:` for the theme (SPEC 2), null when absent
};

// security.txt settings (RFC 9116); present only when site.yaml has `security_txt`.
struct SecurityTxtConfig {
  std::vector<std::string> contact;  // URIs (mailto:, https:, tel:)
  int expires_after_days = 365;      // Expires = stamp date + this many days
  std::string policy_page;           // a page slug, may be empty
  std::vector<std::string> preferred_languages;
  std::string encryption{};       // https URL of the key (RFC 9116 section 2.5.4), may be empty
  std::string acknowledgments{};  // https URL (section 2.5.1), may be empty
  std::string hiring{};           // https URL (section 2.5.6), may be empty
  nlohmann::json extra{};
  SourceLocation location;
  SourceLocation policy_page_location;
};

// A paid bug bounty: whole amounts in `currency` (ISO 4217 code), 0 <= min <= max, max > 0.
struct Bounty {
  std::string currency;
  long long min = 0;
  long long max = 0;
  nlohmann::json extra{};  // `extra:` for the theme (SPEC 2), null when absent
};

// The vulnerability disclosure programme shown on the Trust Center (site.yaml
// `vulnerability_disclosure`, SPEC 2); present only when site.yaml has the section.
struct VulnerabilityDisclosure {
  std::optional<int> acknowledge_within_days;  // business days to acknowledge a report
  std::optional<int> triage_within_days;       // business days to a first assessment
  bool safe_harbor = false;                    // good-faith research is authorised
  std::optional<Bounty> bounty;                // absent: no paid bounty is offered
  std::vector<LocalizedText> out_of_scope;
  nlohmann::json extra{};   // `extra:` for the theme (SPEC 2), null when absent
  SourceLocation location;  // of the `vulnerability_disclosure` key
};

enum class MonitoringFormat { trustsite, statuspage, gatus };
inline constexpr Vocabulary<MonitoringFormat, 3> kMonitoringFormats{{{
    {MonitoringFormat::trustsite, "trustsite"},
    {MonitoringFormat::statuspage, "statuspage"},
    {MonitoringFormat::gatus, "gatus"},
}}};
enum class MonitoringOnError { warn, fail };
inline constexpr Vocabulary<MonitoringOnError, 2> kMonitoringOnError{{{
    {MonitoringOnError::warn, "warn"},
    {MonitoringOnError::fail, "fail"},
}}};

// Live-status settings (SPEC 6); present only when site.yaml has `monitoring`.
struct MonitoringConfig {
  std::string source;  // https URL, loopback http URL, or a path relative to the site dir
  MonitoringFormat format = MonitoringFormat::trustsite;
  std::string token_env;  // name of the environment variable holding the token; may be empty
  int timeout_seconds = 10;
  int max_age_hours = 168;
  MonitoringOnError on_error = MonitoringOnError::warn;
  nlohmann::json extra{};
  SourceLocation location;         // of the `monitoring` key
  SourceLocation source_location;  // of the `source` value
};

enum class UpdatedMode { automatic, git, fixed };

struct SiteConfig {
  std::filesystem::path site_dir;  // absolute
  std::filesystem::path data_dir;  // trustsite's own data directory (SPEC 1), from Environment
  LocalizedText title;
  LocalizedText tagline;
  std::string base_url;  // absolute http(s) URL, normalised to end with '/'
  std::string default_locale;
  std::vector<std::string> locales;  // language-switcher order; contains default_locale
  SourceLocation locales_location;   // of the `locales` value in site.yaml
  std::string theme = "default";
  SourceLocation theme_location{"site.yaml", 0, 0};  // of the `theme` value, when given
  UpdatedMode updated_mode = UpdatedMode::automatic;
  std::optional<Date> updated_date;                    // set when updated_mode == fixed
  SourceLocation updated_location{"site.yaml", 0, 0};  // of the `updated` value, when given
  CompanyInfo company;
  std::optional<SecurityTxtConfig> security_txt;
  std::optional<MonitoringConfig> monitoring;
  std::optional<VulnerabilityDisclosure> vulnerability_disclosure;
  nlohmann::json extra{};  // site.yaml's top-level `extra:` for the theme (SPEC 2)
};

// Where the site takes vulnerability reports (the programme's "report to"): the
// security_txt.contact URIs (RFC 9116 section 2.5.3), else "mailto:" + company.security_contact,
// else none.
std::vector<std::string> vulnerability_report_uris(const SiteConfig& config);

// The field names the site.yaml loader knows, per mapping (kept in agreement with
// schemas/site.schema.json by tests/check_test.cpp).
struct ConfigFields {
  std::vector<std::string> site, company, security_txt, monitoring;
  std::vector<std::string> contact, vulnerability_disclosure, bounty;
};
const ConfigFields& config_fields();

// Loads `<site_dir>/site.yaml` through `files`; `data_dir` is trustsite's own data directory.
// Problems in the file are reported to `sink` with their positions, missing translations of
// its localized fields counted in `missing`; a file that cannot be read or parsed at all
// throws FatalError.
SiteConfig load_config(const std::filesystem::path& site_dir, const std::filesystem::path& data_dir,
                       const FileSystem& files, DiagnosticSink& sink, MissingTranslations& missing);

}  // namespace trustsite
