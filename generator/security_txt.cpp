#include "security_txt.h"

#include <chrono>

#include "site_paths.h"

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

std::optional<std::string> render_security_txt(const SiteConfig& config, const Date& stamp) {
  if (!config.security_txt) return std::nullopt;
  const SecurityTxtConfig& security = *config.security_txt;
  const Date expires{std::chrono::sys_days(stamp) + std::chrono::days(security.expires_after_days)};
  std::string out = "# Security contact information for " + single_line(config.company.name) +
                    " (RFC 9116), written by trustsite\n";
  for (const auto& contact : security.contact) out += "Contact: " + contact + "\n";
  if (!security.encryption.empty()) out += "Encryption: " + security.encryption + "\n";
  out += "Expires: " + rfc3339_midnight(expires) + "\n";
  if (!security.preferred_languages.empty()) {
    out += "Preferred-Languages: ";
    for (std::size_t i = 0; i < security.preferred_languages.size(); ++i)
      out += (i ? ", " : "") + security.preferred_languages[i];
    out += "\n";
  }
  if (!security.policy_page.empty())
    out +=
        "Policy: " + page_url(config.base_url, config.default_locale, security.policy_page) + "\n";
  if (!security.acknowledgments.empty())
    out += "Acknowledgments: " + security.acknowledgments + "\n";
  if (!security.hiring.empty()) out += "Hiring: " + security.hiring + "\n";
  out += "Canonical: " + absolute_url(config.base_url, kSecurityTxtFile) + "\n";
  return out;
}

}  // namespace trustsite
