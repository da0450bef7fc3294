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

struct CompanyInfo {
  std::string name;
  std::string contact;           // e-mail address
  std::string security_contact;  // e-mail address
  std::string privacy_contact;   // e-mail address
  nlohmann::json extra;          // `extra:` for the theme (SPEC 2), null when absent
};

// security.txt settings (RFC 9116); present only when site.yaml has `security_txt`.
struct SecurityTxtConfig {
  std::vector<std::string> contact;  // URIs (mailto:, https:, tel:)
  int expires_after_days = 365;      // Expires = stamp date + this many days
  std::string policy_page;           // a page slug, may be empty
  std::vector<std::string> preferred_languages;
  nlohmann::json extra;
  SourceLocation location;
  SourceLocation policy_page_location;
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
  nlohmann::json extra;
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
  nlohmann::json extra;  // site.yaml's top-level `extra:` for the theme (SPEC 2)
};

// The field names the site.yaml loader knows, per mapping (kept in agreement with
// schemas/site.schema.json by tests/check_test.cpp).
struct ConfigFields {
  std::vector<std::string> site, company, security_txt, monitoring;
};
const ConfigFields& config_fields();

// Loads `<site_dir>/site.yaml` through `files`; `data_dir` is trustsite's own data directory.
// Problems in the file are reported to `sink` with their positions, missing translations of
// its localized fields counted in `missing`; a file that cannot be read or parsed at all
// throws FatalError.
SiteConfig load_config(const std::filesystem::path& site_dir, const std::filesystem::path& data_dir,
                       const FileSystem& files, DiagnosticSink& sink, MissingTranslations& missing);

}  // namespace trustsite
