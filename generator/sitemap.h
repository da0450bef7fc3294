// sitemap.xml (sitemaps.org protocol 0.9 with Google's xhtml:link hreflang alternates) and
// robots.txt, plus the absolute page URLs that every machine-readable output shares.
#pragma once

#include <string>

#include "config.h"
#include "content.h"
#include "date.h"

namespace trustsite {

// The absolute URL of a page: `slug` empty -> the locale's Trust Center page
// ("https://x.example/trust/en/"), else the policy page ("https://x.example/trust/en/privacy/").
// `config.base_url` ends with '/' (normalize_base_url) and may carry a path.
std::string page_url(const SiteConfig& config, const std::string& locale,
                     const std::string& slug = {});

// sitemap.xml: one <url> per HTML page of every locale (each Trust Center page and each policy
// page, in site.yaml locale order), with <lastmod> (the page's own `updated`, else `stamp`) and
// an xhtml:link rel="alternate" for every locale plus hreflang="x-default" (the default locale),
// the same alternates the pages' <head> lists. The language chooser (a redirect) and 404.html
// are left out. Deterministic; every text is XML-escaped.
std::string render_sitemap(const SiteConfig& config, const Content& content, const Date& stamp);

// robots.txt (RFC 9309): allows everything and names the absolute sitemap URL.
std::string render_robots_txt(const SiteConfig& config);

}  // namespace trustsite
