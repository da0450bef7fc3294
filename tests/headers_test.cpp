// _headers (Netlify / Cloudflare Pages) and the CSP shared with the pages' <meta>.
#include "headers.h"

#include <doctest/doctest.h>

#include "theme.h"

using namespace trustsite;

TEST_CASE("the header CSP is the page CSP plus frame-ancestors, which <meta> cannot carry") {
  // The default theme's policy (themes/default/theme.yaml declares the same).
  const std::string meta = kDefaultContentSecurityPolicy;
  CHECK(meta.rfind("default-src 'none'", 0) == 0);
  CHECK(meta.find("frame-ancestors") == std::string::npos);
  CHECK(meta.find("report-uri") == std::string::npos);
  CHECK(meta.find("sandbox") == std::string::npos);
  CHECK(meta.find("'unsafe-inline'") == std::string::npos);
  CHECK(header_content_security_policy(kDefaultContentSecurityPolicy) ==
        meta + "; frame-ancestors 'none'");
}

TEST_CASE("_headers: security headers for every path, caching for fingerprinted assets") {
  const std::string file = render_headers_file(kDefaultContentSecurityPolicy,
                                               {"en/subprocessors.atom", "sv/subprocessors.atom"});
  const std::size_t all = file.find("\n/*\n");
  const std::size_t assets = file.find("\n/assets/*\n");
  REQUIRE(all != std::string::npos);
  REQUIRE(assets != std::string::npos);
  const std::string block = file.substr(all, assets - all);
  CHECK(block.find("\n  Content-Security-Policy: " +
                   header_content_security_policy(kDefaultContentSecurityPolicy) + "\n") !=
        std::string::npos);
  CHECK(block.find("\n  Strict-Transport-Security: max-age=63072000; includeSubDomains\n") !=
        std::string::npos);
  CHECK(block.find("\n  X-Content-Type-Options: nosniff\n") != std::string::npos);
  CHECK(block.find("\n  Referrer-Policy: strict-origin-when-cross-origin\n") != std::string::npos);
  CHECK(block.find("\n  Permissions-Policy: ") != std::string::npos);
  CHECK(block.find("camera=()") != std::string::npos);
  CHECK(block.find("\n  X-Frame-Options: DENY\n") != std::string::npos);
  CHECK(file.find("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n") !=
        std::string::npos);
  CHECK(file.find("\n/sv/subprocessors.atom\n  Content-Type: application/atom+xml; "
                  "charset=utf-8\n") != std::string::npos);
  CHECK(file.find("\n/.well-known/security.txt\n  Content-Type: text/plain; charset=utf-8\n") !=
        std::string::npos);
  // Every line is a comment, a path, a blank line or an indented "Name: value".
  std::size_t start = 0;
  while (start < file.size()) {
    const std::size_t end = file.find('\n', start);
    const std::string line = file.substr(start, end - start);
    const bool ok = line.empty() || line[0] == '#' || line[0] == '/' ||
                    (line.rfind("  ", 0) == 0 && line.find(": ") != std::string::npos);
    CHECK_MESSAGE(ok, line);
    start = end + 1;
  }
}
