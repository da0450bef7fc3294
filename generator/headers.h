// public/_headers: HTTP response headers in the Netlify / Cloudflare Pages `_headers` format
// (a path pattern line, then indented "Name: value" lines). docs/publishing.md maps it to other
// hosts.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace trustsite {

// The Content-Security-Policy (W3C CSP Level 3) sent as an HTTP header: the theme's page policy
// `page_policy` (the one it repeats in <meta http-equiv>) plus the directives a <meta> element
// cannot carry (CSP3 section 3.3: frame-ancestors, report-uri and sandbox are ignored there),
// here `frame-ancestors 'none'`.
std::string header_content_security_policy(const std::string& page_policy);

// The `_headers` file: for `/*` the CSP above, Strict-Transport-Security (RFC 6797, two years,
// includeSubDomains), X-Content-Type-Options: nosniff, Referrer-Policy, Permissions-Policy (no
// powerful feature), Cross-Origin-Opener-Policy, X-Frame-Options: DENY (RFC 7034, for browsers
// without frame-ancestors); `/assets/*` (fingerprinted names) cached for a year, immutable;
// the Atom content type for each of `feed_paths` ("en/subprocessors.atom"), the one for
// security.txt; trust.json readable cross-origin. Paths are relative to the output directory
// as the host serves it. `documents` are the published document files as (path, media type):
// `/documents/*` (fingerprinted names) is cached for a year, immutable, and each file gets its
// Content-Type (text types with charset=utf-8), so no host has to guess it.
std::string render_headers_file(
    const std::string& page_policy, const std::vector<std::string>& feed_paths,
    const std::vector<std::pair<std::string, std::string>>& documents = {});

}  // namespace trustsite
