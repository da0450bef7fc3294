// The output routes: every path the site writes below the output directory, and the absolute
// URLs of its pages. The one table of them (SPEC 4), so that renderers never rebuild a path
// or include each other for one.
#pragma once

#include <string>

namespace trustsite {

// Top-level files and directories of the output.
inline constexpr const char* kChooserFile = "index.html";
inline constexpr const char* kNotFoundFile = "404.html";
inline constexpr const char* kSitemapFile = "sitemap.xml";
inline constexpr const char* kRobotsFile = "robots.txt";
inline constexpr const char* kTrustJsonFile = "trust.json";
inline constexpr const char* kHeadersFile = "_headers";
inline constexpr const char* kSecurityTxtFile = ".well-known/security.txt";  // RFC 9116 section 3
inline constexpr const char* kAssetsDir = "assets";
inline constexpr const char* kDocumentsDir = "documents";  // public document files (SPEC 4)

// "<locale>/": the Trust Center page of a locale, as a path below base_url.
std::string home_path(const std::string& locale);

// "<locale>/<slug>/": a policy page, as a path below base_url.
std::string page_path(const std::string& locale, const std::string& slug);

// "<path>index.html": the file a directory path is written to.
std::string index_file(const std::string& path);

// "<locale>/subprocessors.atom": the Atom feed of sub-processor changes of a locale.
std::string subprocessor_feed_path(const std::string& locale);

// "documents/<stem>.<fingerprint><extension>": where a public document file is published,
// e.g. ("pentest-letter-2026", "3f2a9c1b0d", ".pdf") ->
// "documents/pentest-letter-2026.3f2a9c1b0d.pdf". `extension` keeps its dot and may be empty.
std::string document_file_path(const std::string& stem, const std::string& fingerprint,
                               const std::string& extension);

// `base_url` (normalized, ending in '/') + `path`: an absolute URL.
std::string absolute_url(const std::string& base_url, const std::string& path);

// The absolute URL of a page: the locale's Trust Center page when `slug` is empty
// ("https://x.example/trust/en/"), else the policy page ("https://x.example/trust/en/privacy/").
std::string page_url(const std::string& base_url, const std::string& locale,
                     const std::string& slug = {});

// "../" once per directory level of `output_path` ("en/privacy/index.html" -> "../../"): the
// prefix that makes a site-root path relative to that page.
std::string relative_root(const std::string& output_path);

// Whether a page slug would collide with a path the site itself writes next to pages
// ("assets", "documents", ...; SPEC 3). Page slugs are only checked against these and each other.
bool is_reserved_page_slug(const std::string& slug);

}  // namespace trustsite
