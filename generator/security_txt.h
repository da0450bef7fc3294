// public/.well-known/security.txt (RFC 9116) from site.yaml's `security_txt`.
#pragma once

#include <optional>
#include <string>

#include "config.h"
#include "content.h"
#include "date.h"
#include "diagnostics.h"

namespace trustsite {

// The file's path below the output directory (RFC 9116, section 3).
inline constexpr const char* kSecurityTxtPath = ".well-known/security.txt";

// The slugs of pages that look like a vulnerability disclosure policy; with one of them and no
// `security_txt` section, the build warns that security.txt is not generated.
bool is_disclosure_page_slug(const std::string& slug);

// The security.txt of the site per RFC 9116, or nullopt when site.yaml has no `security_txt`
// (then a warning goes to `sink` if a page named like a disclosure policy exists). Fields, in
// this order: Contact (one line per entry, section 2.5.3), Expires (`stamp` + expires_after_days
// at 00:00:00Z, RFC 3339, section 2.5.5), Preferred-Languages (comma-separated, 2.5.8), Policy
// (absolute URL of policy_page in the default locale, 2.5.7), Canonical (the file's own
// absolute URL, 2.5.2). `today` is the build date: an Expires that is already past is a warning.
std::optional<std::string> render_security_txt(const SiteConfig& config, const Content& content,
                                               const Date& stamp, const Date& today,
                                               DiagnosticSink& sink);

}  // namespace trustsite
