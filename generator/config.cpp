#include "config.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "map_reader.h"
#include "text_rules.h"
#include "url.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;

const ConfigFields& config_fields() {
  static const ConfigFields fields{
      {"title", "tagline", "base_url", "default_locale", "locales", "theme", "updated", "company",
       "security_txt", "monitoring"},
      {"name", "contact", "security_contact", "privacy_contact"},
      {"contact", "expires_after_days", "policy_page", "preferred_languages"},
      {"source", "format", "token_env", "timeout_seconds", "max_age_hours", "on_error"},
  };
  return fields;
}

namespace {

const ConfigFields& fields() {
  return config_fields();
}

// RFC 5646 language tag, loosely: 2-8 letters, then '-' and 1-8 letters or digits, repeated.
bool is_language_tag(std::string_view tag) {
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view part = tag.substr(start, end - start);
    if (part.empty() || part.size() > 8 || (first && part.size() < 2)) return false;
    for (unsigned char c : part)
      if (!(std::isalpha(c) || (!first && std::isdigit(c)))) return false;
    if (end == tag.size()) return true;
    start = end + 1;
  }
}

// A POSIX environment variable name: [A-Za-z_][A-Za-z0-9_]*.
bool is_variable_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// An RFC 9116 Contact URI: mailto:<address>, an https URL, or tel:<number>.
bool is_contact_uri(std::string_view uri) {
  if (uri.starts_with("mailto:")) return is_email_address(uri.substr(7));
  if (uri.starts_with("tel:")) {
    std::string_view number = uri.substr(4);
    if (number.starts_with("+")) number.remove_prefix(1);
    return !number.empty() && number.find_first_not_of("0123456789 ()-") == std::string_view::npos;
  }
  return is_web_url(uri, true);
}

void read_company(MapReader& site, SiteConfig& config, DiagnosticSink& sink) {
  auto node = site.raw("company", true);
  if (!node) return;
  MapReader company(*node, "site.yaml", sink, "company", fields().company);
  if (auto name = company.text("name", true)) config.company.name = *name;
  auto email = [&](const char* key, std::string& out) {
    if (auto value = company.text(key, false)) {
      if (is_email_address(*value))
        out = *value;
      else
        sink.error(company.location_of_value(key),
                   "company." + std::string(key) + " " + quoted_excerpt(*value) +
                       " is not an e-mail address; expected name@domain");
    }
  };
  email("contact", config.company.contact);
  email("security_contact", config.company.security_contact);
  email("privacy_contact", config.company.privacy_contact);
  company.finish();
}

void read_security_txt(MapReader& site, SiteConfig& config, DiagnosticSink& sink) {
  auto node = site.raw("security_txt", false);
  if (!node) return;
  MapReader reader(*node, "site.yaml", sink, "security_txt", fields().security_txt);
  SecurityTxtConfig security;
  security.location = site.location_of_key("security_txt");
  if (auto contacts = reader.text_list("contact", true)) {
    // RFC 9116 section 2.5.3: Contact is a URI; mailto:, https: and tel: are the useful ones.
    for (const auto& contact : *contacts) {
      if (is_contact_uri(contact))
        security.contact.push_back(contact);
      else
        sink.error(
            reader.location_of_value("contact"),
            "security_txt.contact " + quoted_excerpt(contact) +
                " is not a usable URI; expected mailto:, https:// or tel: (RFC 9116 2.5.3)");
    }
    if (contacts->empty())
      sink.error(
          reader.location_of_value("contact"),
          "security_txt.contact is empty; expected at least one URI (RFC 9116 requires Contact)");
  }
  if (auto days = reader.integer("expires_after_days", false, 1, 3650)) {
    security.expires_after_days = static_cast<int>(*days);
    if (*days > 366)
      sink.warning(reader.location_of_value("expires_after_days"),
                   "security_txt.expires_after_days is " + std::to_string(*days) +
                       "; RFC 9116 recommends an Expires less than a year away (at most 366)");
  }
  if (auto page = reader.identifier("policy_page", false)) {
    security.policy_page = *page;
    security.policy_page_location = reader.location_of_value("policy_page");
  }
  if (auto languages = reader.text_list("preferred_languages", false)) {
    for (const auto& language : *languages) {
      if (is_language_tag(language))
        security.preferred_languages.push_back(language);
      else
        sink.error(reader.location_of_value("preferred_languages"),
                   "security_txt.preferred_languages has " + quoted_excerpt(language) +
                       "; expected language tags such as en or sv (RFC 5646)");
    }
  }
  reader.finish();
  config.security_txt = std::move(security);
}

void read_monitoring(MapReader& site, SiteConfig& config, DiagnosticSink& sink) {
  auto node = site.raw("monitoring", false);
  if (!node) return;
  MapReader reader(*node, "site.yaml", sink, "monitoring", fields().monitoring);
  MonitoringConfig monitoring;
  monitoring.location = site.location_of_key("monitoring");
  if (auto source = reader.text("source", true)) {
    monitoring.source = *source;
    monitoring.source_location = reader.location_of_value("source");
  }
  if (auto format = reader.choice("format", false, kMonitoringFormats)) monitoring.format = *format;
  if (auto name = reader.text("token_env", false)) {
    if (is_variable_name(*name))
      monitoring.token_env = *name;
    else
      sink.error(reader.location_of_value("token_env"),
                 "monitoring.token_env must name an environment variable (letters, digits, '_'); "
                 "never put the token itself in site.yaml");
  }
  if (auto seconds = reader.integer("timeout_seconds", false, 1, 300))
    monitoring.timeout_seconds = static_cast<int>(*seconds);
  if (auto hours = reader.integer("max_age_hours", false, 1, 24 * 366))
    monitoring.max_age_hours = static_cast<int>(*hours);
  if (auto on_error = reader.choice("on_error", false, kMonitoringOnError))
    monitoring.on_error = *on_error;
  reader.finish();
  config.monitoring = std::move(monitoring);
}

}  // namespace

SiteConfig load_config(const fs::path& site_dir, const fs::path& data_dir, const FileSystem& files,
                       DiagnosticSink& sink, MissingTranslations& missing) {
  SiteConfig config;
  std::error_code ec;
  config.site_dir = fs::absolute(site_dir, ec).lexically_normal();
  if (!config.site_dir.empty() && !config.site_dir.has_filename())
    config.site_dir = config.site_dir.parent_path();
  config.data_dir = data_dir;
  const fs::path path = config.site_dir / "site.yaml";
  const ReadResult file = files.read(path, kMaxInputFileBytes);
  if (file.failure == ReadFailure::missing)
    throw FatalError({"site.yaml", 0, 0}, "no site.yaml in " + config.site_dir.string() +
                                              "; expected a site directory (use --site DIR)");
  if (!file.ok())
    throw FatalError({"site.yaml", 0, 0}, "site.yaml " +
                                              describe_read_failure(file, kMaxInputFileBytes) +
                                              "; expected a readable YAML file");
  auto root = parse_yaml(file.text, "site.yaml", sink);
  if (!root)
    throw FatalError({"site.yaml", 0, 0},
                     "site.yaml could not be parsed, so nothing else was checked; expected "
                     "well-formed YAML");

  MapReader site(*root, "site.yaml", sink, "site.yaml", fields().site);
  // The same text as MapReader's report, so the sink keeps one of the two.
  if (!site.ok())
    throw FatalError(location_of(*root, "site.yaml"),
                     "site.yaml is " + describe_node(*root) + "; expected a map of fields");

  if (auto locale = site.identifier("default_locale", true)) config.default_locale = *locale;
  config.locales_location = site.location_of_value("locales");
  if (auto locales = site.text_list("locales", true)) {
    std::set<std::string> seen;
    for (const auto& locale : *locales) {
      if (!is_identifier(locale)) {
        sink.error(site.location_of_value("locales"),
                   "locale " + quoted_excerpt(locale) +
                       " is not a valid locale code; expected lowercase "
                       "letters, digits and '-' such as en or sv");
      } else if (!seen.insert(locale).second) {
        sink.error(site.location_of_value("locales"),
                   "locale '" + locale + "' is listed twice; expected each locale once");
      } else {
        config.locales.push_back(locale);
      }
    }
    if (config.locales.empty())
      sink.error(site.location_of_value("locales"),
                 "locales is empty; expected at least one locale");
  }
  if (!config.default_locale.empty() && !config.locales.empty() &&
      std::find(config.locales.begin(), config.locales.end(), config.default_locale) ==
          config.locales.end()) {
    sink.error(site.location_of_value("default_locale"),
               "default_locale '" + config.default_locale +
                   "' is not in locales; expected one of the listed locales");
  }

  config.title = site.localized("title", true, config.locales, config.default_locale, &missing);
  config.tagline =
      site.localized("tagline", false, config.locales, config.default_locale, &missing);
  if (auto url = site.text("base_url", true)) {
    if (auto normalized = normalize_base_url(*url))
      config.base_url = *normalized;
    else
      sink.error(site.location_of_value("base_url"),
                 "base_url " + quoted_excerpt(*url) + " " + base_url_problem(*url));
  }
  if (auto theme = site.identifier("theme", false)) {
    config.theme = *theme;
    config.theme_location = site.location_of_value("theme");
  }
  if (auto updated = site.text("updated", false)) {
    if (*updated == "auto") {
      config.updated_mode = UpdatedMode::automatic;
    } else if (*updated == "git") {
      config.updated_mode = UpdatedMode::git;
    } else if (auto date = parse_date(*updated); date && is_supported_date(*date)) {
      config.updated_mode = UpdatedMode::fixed;
      config.updated_date = date;
    } else if (date) {
      sink.error(site.location_of_value("updated"),
                 "updated is " + format_date(*date) +
                     ", outside the dates trustsite accepts; expected auto, git or a date " +
                     supported_dates_text());
    } else {
      sink.error(site.location_of_value("updated"),
                 "updated is " + quoted_excerpt(*updated) + "; expected auto, git or a date YYYY-MM-DD");
    }
  }
  read_company(site, config, sink);
  read_security_txt(site, config, sink);
  read_monitoring(site, config, sink);
  site.finish();
  return config;
}

}  // namespace trustsite
