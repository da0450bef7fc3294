#include "security_txt.h"

#include <chrono>

#include "atom_feed.h"
#include "sitemap.h"

namespace trustsite {

namespace {

// `text` with every control character (CR and LF included) replaced by a space, so a value
// can never start a field line of its own in the RFC 9116 line format.
std::string single_line(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return out;
}

}  // namespace

bool is_disclosure_page_slug(const std::string& slug) {
  return slug == "responsible-disclosure" || slug == "security" ||
         slug == "vulnerability-disclosure" || slug == "security-policy" ||
         slug == "coordinated-disclosure";
}

std::optional<std::string> render_security_txt(const SiteConfig& config, const Content& content,
                                               const Date& stamp, const Date& today,
                                               DiagnosticSink& sink) {
  if (!config.security_txt) {
    for (const auto& page : content.pages) {
      if (!is_disclosure_page_slug(page.slug)) continue;
      const PageSource* source =
          shown_page_source(page, config.default_locale, config.default_locale);
      sink.warning({source ? source->file : "site.yaml", 0, 0},
                   "page '" + page.slug +
                       "' looks like a vulnerability disclosure policy, but site.yaml has no "
                       "security_txt section, so no .well-known/security.txt is generated; "
                       "expected security_txt with contact, expires_after_days and policy_page: " +
                       page.slug + " (RFC 9116)");
      break;
    }
    return std::nullopt;
  }
  const SecurityTxtConfig& security = *config.security_txt;
  const Date expires{std::chrono::sys_days(stamp) + std::chrono::days(security.expires_after_days)};
  if (std::chrono::sys_days(expires) <= std::chrono::sys_days(today))
    sink.warning(security.location,
                 "security.txt Expires (" + rfc3339_midnight(expires) +
                     ") is not after the build date " + format_date(today) + " (update stamp " +
                     format_date(stamp) + " + expires_after_days " +
                     std::to_string(security.expires_after_days) +
                     "); expected a later update stamp or a larger expires_after_days");

  std::string out = "# Security contact information for " + single_line(config.company.name) +
                    " (RFC 9116), written by trustsite\n";
  for (const auto& contact : security.contact) out += "Contact: " + contact + "\n";
  out += "Expires: " + rfc3339_midnight(expires) + "\n";
  if (!security.preferred_languages.empty()) {
    out += "Preferred-Languages: ";
    for (std::size_t i = 0; i < security.preferred_languages.size(); ++i)
      out += (i ? ", " : "") + security.preferred_languages[i];
    out += "\n";
  }
  if (!security.policy_page.empty())
    out += "Policy: " + page_url(config, config.default_locale, security.policy_page) + "\n";
  out += "Canonical: " + config.base_url + kSecurityTxtPath + "\n";
  return out;
}

}  // namespace trustsite
