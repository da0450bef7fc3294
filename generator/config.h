// site.yaml -> SiteConfig (SPEC 2).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostics.h"
#include "localized.h"

namespace trustsite {

struct CompanyInfo {
  std::string name;
  std::string contact;           // e-mail address
  std::string security_contact;  // e-mail address
  std::string privacy_contact;   // e-mail address
};

// security.txt settings (RFC 9116); present only when site.yaml has `security_txt`.
struct SecurityTxtConfig {
  std::vector<std::string> contact;  // URIs (mailto:, https:, tel:)
  int expires_after_days = 365;      // Expires = stamp date + this many days
  std::string policy_page;           // a page slug, may be empty
  std::vector<std::string> preferred_languages;
  SourceLocation location;
  SourceLocation policy_page_location;
};

enum class MonitoringFormat { trustsite, statuspage, gatus };
enum class MonitoringOnError { warn, fail };

// Live-status settings (SPEC 6); present only when site.yaml has `monitoring`.
struct MonitoringConfig {
  std::string source;  // https URL, loopback http URL, or a path relative to the site dir
  MonitoringFormat format = MonitoringFormat::trustsite;
  std::string token_env;  // name of the environment variable holding the token; may be empty
  int timeout_seconds = 10;
  int max_age_hours = 168;
  MonitoringOnError on_error = MonitoringOnError::warn;
  SourceLocation location;         // of the `monitoring` key
  SourceLocation source_location;  // of the `source` value
};

enum class UpdatedMode { automatic, git, fixed };

struct SiteConfig {
  std::filesystem::path site_dir;  // absolute
  LocalizedText title;
  LocalizedText tagline;
  std::string base_url;  // absolute http(s) URL, normalised to end with '/'
  std::string default_locale;
  std::vector<std::string> locales;  // language-switcher order; contains default_locale
  SourceLocation locales_location;   // of the `locales` value in site.yaml
  std::string theme = "default";
  SourceLocation theme_location{"site.yaml", 0, 0};  // of the `theme` value, when given
  UpdatedMode updated_mode = UpdatedMode::automatic;
  std::optional<Date> updated_date;  // set when updated_mode == fixed
  CompanyInfo company;
  std::optional<SecurityTxtConfig> security_txt;
  std::optional<MonitoringConfig> monitoring;
  // Missing translations of site.yaml's localized fields, by locale (for the summary line).
  std::map<std::string, int> missing_translations;
};

// The field names the site.yaml loader knows, per mapping (kept in agreement with
// schemas/site.schema.json by tests/check_test.cpp).
struct ConfigFields {
  std::vector<std::string> site, company, security_txt, monitoring;
};
const ConfigFields& config_fields();

// Checks that `url` is an absolute http(s) URL without query or fragment (RFC 3986) and returns
// it with a trailing '/', or nullopt when it is not usable as a base URL.
std::optional<std::string> normalize_base_url(const std::string& url);

// The path part of a normalized base_url, with a trailing '/': "https://x.example/trust/" ->
// "/trust/", "https://x.example/" -> "/". Root-relative links (404.html, which hosts serve at
// any URL) and feed ids start with it.
std::string base_url_path(const std::string& base_url);

// Loads `<site_dir>/site.yaml`. Problems in the file are reported to `sink` with their
// positions; a file that cannot be read or parsed at all throws FatalError.
SiteConfig load_config(const std::filesystem::path& site_dir, DiagnosticSink& sink);

}  // namespace trustsite
