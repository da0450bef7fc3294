// public/.well-known/security.txt (RFC 9116) from site.yaml's `security_txt`.
#pragma once

#include <optional>
#include <string>

#include "config.h"
#include "date.h"

namespace trustsite {

// The security.txt of the site per RFC 9116, or nullopt when site.yaml has no `security_txt`.
// Fields, in this order: Contact (one line per entry, section 2.5.3), Encryption (2.5.4),
// Expires (`stamp` + expires_after_days at 00:00:00Z, RFC 3339, section 2.5.5),
// Preferred-Languages (comma-separated, 2.5.8), Policy (absolute URL of policy_page in the
// default locale, 2.5.7), Acknowledgments (2.5.1), Hiring (2.5.6), Canonical (the file's own
// absolute URL, 2.5.2); Contact, Encryption, Policy and Acknowledgments keep the order of the
// RFC's examples (sections 2.6 and 2.7). Optional fields are left out when not set. Validation
// (validate.h) has checked every value and warns about an Expires in the past. Pure.
std::optional<std::string> render_security_txt(const SiteConfig& config, const Date& stamp);

}  // namespace trustsite
