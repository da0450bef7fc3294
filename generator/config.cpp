#include "config.h"

#include <algorithm>
#include <cctype>
#include <map>
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
       "security_txt", "monitoring", "vulnerability_disclosure", "extra"},
      {"name", "contact", "security_contact", "privacy_contact", "legal_name",
       "registration_number", "website", "address", "contacts", "extra"},
      {"contact", "expires_after_days", "policy_page", "preferred_languages", "encryption",
       "acknowledgments", "hiring", "extra"},
      {"source", "format", "token_env", "timeout_seconds", "max_age_hours", "on_error", "extra"},
      {"role", "label", "email", "url", "extra"},
      {"acknowledge_within_days", "triage_within_days", "safe_harbor", "bounty", "out_of_scope",
       "extra"},
      {"currency", "min", "max", "extra"},
  };
  return fields;
}

namespace {

const ConfigFields& fields() {
  return config_fields();
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

// The lines of a postal address as written (a block scalar or one line): each line trimmed,
// empty lines dropped.
std::vector<std::string> address_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos)
      lines.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
    start = end + 1;
  }
  return lines;
}

// `company.contacts` (SPEC 2): each with a role from kContactRoles, exactly one of `email` (an
// address) and `url` (https or mailto:), and a localized `label` for role `other` only. A named
// role used twice is an error at the second, naming the first.
void read_contacts(MapReader& company, SiteConfig& config, DiagnosticSink& sink,
                   MissingTranslations& missing) {
  auto list = company.raw("contacts", false);
  if (!list) return;
  if (!list->IsSequence()) {
    sink.error(company.at(*list), "field 'contacts' of company is " + describe_node(*list) +
                                      "; expected a list of contacts");
    return;
  }
  std::map<ContactRole, SourceLocation> first_use;
  for (const auto& item : *list) {
    // Named by its role once the role is a known one ("company contact 'legal'").
    std::string what = "company contact";
    if (item.IsMap() && item["role"] && item["role"].IsScalar() &&
        kContactRoles.parse(item["role"].Scalar()))
      what += " '" + item["role"].Scalar() + "'";
    MapReader reader(item, "site.yaml", sink, what, fields().contact);
    if (!reader.ok()) continue;
    CompanyContact contact;
    contact.location = reader.location();
    const auto role = reader.choice("role", true, kContactRoles);
    if (role) contact.role = *role;
    if (role == ContactRole::other) {
      contact.label =
          reader.localized("label", true, config.locales, config.default_locale, &missing);
    } else if (role && reader.has("label")) {
      reader.raw("label", false);
      sink.error(reader.location_of_key("label"),
                 "field 'label' of " + what +
                     " is only for role: other; expected no label (this role is shown with its "
                     "own localized name)");
    }
    const auto email = reader.text("email", false);
    const auto url = reader.text("url", false);
    auto given = [&](const char* key) { return reader.has(key) && !reader.node()[key].IsNull(); };
    if (given("email") && given("url")) {
      sink.error(reader.location_of_key("url"),
                 what + " has both email and url; expected exactly one of them");
    } else if (!given("email") && !given("url")) {
      sink.error(reader.location(),
                 what + " has neither email nor url; expected exactly one of them");
    } else if (email) {
      if (is_email_address(*email))
        contact.email = *email;
      else
        sink.error(reader.location_of_value("email"),
                   "email " + quoted_excerpt(*email, 100) + " of " + what +
                       " is not an e-mail address; expected name@domain (without mailto:)");
    } else if (url) {
      const bool mailto = url->starts_with("mailto:") && is_email_address(url->substr(7));
      if (mailto || is_web_url(*url, true))
        contact.url = *url;
      else
        sink.error(reader.location_of_value("url"),
                   "url " + quoted_excerpt(*url, 100) + " of " + what +
                       " is not an https URL or a mailto: address; expected e.g. "
                       "https://example.com/support or mailto:support@example.com");
    }
    if (role && *role != ContactRole::other) {
      const SourceLocation at = reader.location_of_value("role");
      auto [first, inserted] = first_use.emplace(*role, at);
      if (!inserted)
        sink.error(at, "contact role '" + std::string(kContactRoles.name(*role)) +
                           "' is listed twice (first at " + first->second.file + ":" +
                           std::to_string(first->second.line) + ":" +
                           std::to_string(first->second.column) +
                           "); expected each role once (only role: other may repeat, each with "
                           "its own label)");
    }
    contact.extra = reader.extra();
    reader.finish();
    if (role && (!contact.email.empty() || !contact.url.empty()) &&
        (*role != ContactRole::other || !contact.label.empty()))
      config.company.contacts.push_back(std::move(contact));
  }
}

void read_company(MapReader& site, SiteConfig& config, DiagnosticSink& sink,
                  MissingTranslations& missing) {
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
  config.company.extra = company.extra();
  if (auto legal_name = company.text("legal_name", false)) config.company.legal_name = *legal_name;
  if (auto number = company.text("registration_number", false))
    config.company.registration_number = *number;
  if (auto website = company.text("website", false)) {
    if (is_web_url(*website, true))
      config.company.website = *website;
    else
      sink.error(company.location_of_value("website"),
                 "company.website " + quoted_excerpt(*website, 100) +
                     " is not an https URL; expected the company's own site, e.g. "
                     "https://example.com");
  }
  if (auto address = company.text("address", false)) {
    config.company.address = address_lines(*address);
    if (config.company.address.empty())
      sink.error(company.location_of_value("address"),
                 "company.address is blank; expected the postal address, one line per line");
  }
  read_contacts(company, config, sink, missing);
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
        sink.error(reader.location_of_value("contact"),
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
  security.extra = reader.extra();
  // RFC 9116 sections 2.5.4, 2.5.1 and 2.5.6: URIs, and "https" where they are web URIs;
  // trustsite takes https URLs only.
  auto https_field = [&](const char* key, const char* section, std::string& out) {
    if (auto value = reader.text(key, false)) {
      if (is_web_url(*value, true))
        out = *value;
      else
        sink.error(reader.location_of_value(key),
                   "security_txt." + std::string(key) + " " + quoted_excerpt(*value, 100) +
                       " is not an https URL; expected e.g. https://example.com/... (RFC 9116 " +
                       section + ")");
    }
  };
  https_field("encryption", "2.5.4", security.encryption);
  https_field("acknowledgments", "2.5.1", security.acknowledgments);
  https_field("hiring", "2.5.6", security.hiring);
  reader.finish();
  config.security_txt = std::move(security);
}

// Response commitments above this many business days are refused as typos (four months).
constexpr long long kMaxResponseDays = 90;
// The largest bounty amount accepted, in whole units of its currency.
constexpr long long kMaxBountyAmount = 100'000'000;

// An ISO 4217 alphabetic currency code: three capital ASCII letters (the list itself changes,
// so only the form is checked).
bool is_currency_code(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// One localized text, item `index` (1-based) of the list `list`, the field `key` of `reader`
// (MapReader reads localized fields of a mapping, so the item is read as the one field of a
// mapping around it; every position reported is the item's own). yaml-cpp gives an empty item
// the position of whatever follows it, so that one is reported at the list, by number.
LocalizedText localized_item(const YAML::Node& list, std::size_t index, const YAML::Node& item,
                             const char* key, const MapReader& reader, const SiteConfig& config,
                             MissingTranslations& missing) {
  const std::string expected = "; expected a text or a map from locale to text";
  if (item.IsNull()) {
    reader.sink().error(reader.at(list), "item " + std::to_string(index) + " of '" + key + "' in " +
                                             reader.what() + " is empty" + expected);
    return {};
  }
  if (item.IsSequence()) {
    reader.sink().error(reader.at(item), "an item of '" + std::string(key) + "' in " +
                                             reader.what() + " is a list" + expected);
    return {};
  }
  YAML::Node wrapper(YAML::NodeType::Map);
  wrapper[key] = item;
  MapReader one(wrapper, reader.file(), reader.sink(), reader.what(), {key});
  return one.localized(key, true, config.locales, config.default_locale, &missing);
}

void read_bounty(MapReader& programme, VulnerabilityDisclosure& out, DiagnosticSink& sink) {
  auto node = programme.raw("bounty", false);
  if (!node) return;
  MapReader reader(*node, "site.yaml", sink, "vulnerability_disclosure.bounty", fields().bounty);
  if (!reader.ok()) return;
  Bounty bounty;
  bool usable = true;
  if (auto currency = reader.text("currency", true)) {
    bounty.currency = *currency;
    if (!is_currency_code(*currency)) {
      usable = false;
      sink.error(reader.location_of_value("currency"),
                 "bounty currency " + quoted_excerpt(*currency) +
                     " is not an ISO 4217 currency code; expected three capital letters such as "
                     "EUR, SEK or USD");
    }
  } else {
    usable = false;
  }
  const auto min = reader.integer("min", true, 0, kMaxBountyAmount);
  const auto max = reader.integer("max", true, 0, kMaxBountyAmount);
  if (!min || !max) usable = false;
  if (max && *max == 0) {
    usable = false;
    sink.error(reader.location_of_value("max"),
               "bounty max is 0; expected a positive amount (leave out 'bounty' when no paid "
               "bounty is offered: the page then says so)");
  } else if (min && max && *min > *max) {
    usable = false;
    sink.error(reader.location_of_value("min"), "bounty min " + std::to_string(*min) +
                                                    " is more than max " + std::to_string(*max) +
                                                    "; expected min <= max");
  }
  reader.finish();
  if (!usable) return;
  bounty.min = *min;
  bounty.max = *max;
  bounty.extra = reader.extra();
  out.bounty = std::move(bounty);
}

// `vulnerability_disclosure` (SPEC 2): the programme shown on the Trust Center.
void read_vulnerability_disclosure(MapReader& site, SiteConfig& config, DiagnosticSink& sink,
                                   MissingTranslations& missing) {
  auto node = site.raw("vulnerability_disclosure", false);
  if (!node) return;
  MapReader reader(*node, "site.yaml", sink, "vulnerability_disclosure",
                   fields().vulnerability_disclosure);
  if (!reader.ok()) return;
  VulnerabilityDisclosure programme;
  programme.location = site.location_of_key("vulnerability_disclosure");
  if (auto days = reader.integer("acknowledge_within_days", false, 1, kMaxResponseDays))
    programme.acknowledge_within_days = static_cast<int>(*days);
  if (auto days = reader.integer("triage_within_days", false, 1, kMaxResponseDays))
    programme.triage_within_days = static_cast<int>(*days);
  if (programme.acknowledge_within_days && programme.triage_within_days &&
      *programme.acknowledge_within_days > *programme.triage_within_days)
    sink.error(reader.location_of_value("acknowledge_within_days"),
               "acknowledge_within_days (" + std::to_string(*programme.acknowledge_within_days) +
                   ") is later than triage_within_days (" +
                   std::to_string(*programme.triage_within_days) +
                   "); expected a report to be acknowledged no later than its first assessment");
  if (auto safe_harbor = reader.boolean("safe_harbor", true)) programme.safe_harbor = *safe_harbor;
  read_bounty(reader, programme, sink);
  programme.extra = reader.extra();
  if (auto list = reader.raw("out_of_scope", false)) {
    if (!list->IsSequence()) {
      sink.error(reader.at(*list), "field 'out_of_scope' of vulnerability_disclosure is " +
                                       describe_node(*list) +
                                       "; expected a list of texts (each a text or a map from "
                                       "locale to text)");
    } else {
      std::size_t index = 0;
      for (const auto& item : *list) {
        LocalizedText text =
            localized_item(*list, ++index, item, "out_of_scope", reader, config, missing);
        if (!text.empty()) programme.out_of_scope.push_back(std::move(text));
      }
    }
  }
  reader.finish();
  // An invalid security_txt.contact has its own error already.
  if (vulnerability_report_uris(config).empty() && !site.has("security_txt"))
    sink.error(programme.location,
               "vulnerability_disclosure has nowhere to send reports; expected "
               "company.security_contact or security_txt.contact (the page lists them as the "
               "places to report)");
  config.vulnerability_disclosure = std::move(programme);
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
  monitoring.extra = reader.extra();
  reader.finish();
  config.monitoring = std::move(monitoring);
}

}  // namespace

std::vector<std::string> vulnerability_report_uris(const SiteConfig& config) {
  if (config.security_txt && !config.security_txt->contact.empty())
    return config.security_txt->contact;
  if (!config.company.security_contact.empty())
    return {"mailto:" + config.company.security_contact};
  return {};
}

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
    // Without a usable default locale no text can be judged (every fallback goes to it).
    config.default_locale.clear();
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
  if (site.has("updated")) config.updated_location = site.location_of_value("updated");
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
      sink.error(
          site.location_of_value("updated"),
          "updated is " + quoted_excerpt(*updated) + "; expected auto, git or a date YYYY-MM-DD");
    }
  }
  read_company(site, config, sink, missing);
  read_security_txt(site, config, sink);
  read_monitoring(site, config, sink);
  read_vulnerability_disclosure(site, config, sink, missing);
  config.extra = site.extra();
  site.finish();
  return config;
}

}  // namespace trustsite
