#include "headers.h"

#include "site_paths.h"

namespace trustsite {

std::string header_content_security_policy(const std::string& page_policy) {
  return page_policy + "; frame-ancestors 'none'";
}

std::string render_headers_file(const std::string& page_policy,
                                const std::vector<std::string>& feed_paths,
                                const std::vector<std::pair<std::string, std::string>>& documents) {
  std::string out =
      "# HTTP response headers (Netlify / Cloudflare Pages _headers format), written by "
      "trustsite.\n"
      "# See docs/publishing.md for other hosts.\n"
      "/*\n"
      "  Content-Security-Policy: " +
      header_content_security_policy(page_policy) + "\n";
  out +=
      "  Strict-Transport-Security: max-age=63072000; includeSubDomains\n"
      "  X-Content-Type-Options: nosniff\n"
      "  Referrer-Policy: strict-origin-when-cross-origin\n"
      "  Permissions-Policy: accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
      "magnetometer=(), microphone=(), payment=(), usb=()\n"
      "  Cross-Origin-Opener-Policy: same-origin\n"
      "  X-Frame-Options: DENY\n"
      "\n"
      "/" +
      std::string(kAssetsDir) +
      "/*\n"
      "  Cache-Control: public, max-age=31536000, immutable\n";
  if (!documents.empty()) {
    out += "\n/" + std::string(kDocumentsDir) + "/*\n" +
           "  Cache-Control: public, max-age=31536000, immutable\n";
    for (const auto& [path, media_type] : documents)
      out += "\n/" + path + "\n  Content-Type: " + media_type +
             (media_type.starts_with("text/") ? "; charset=utf-8" : "") + "\n";
  }
  for (const auto& path : feed_paths)
    out += "\n/" + path + "\n  Content-Type: application/atom+xml; charset=utf-8\n";
  out += "\n/" + std::string(kSecurityTxtFile) + "\n" +
         "  Content-Type: text/plain; charset=utf-8\n"
         "\n/" +
         kTrustJsonFile +
         "\n"
         "  Content-Type: application/json; charset=utf-8\n"
         "  Access-Control-Allow-Origin: *\n";
  return out;
}

}  // namespace trustsite
