// sitemap.xml (sitemaps.org protocol 0.9 with Google's xhtml:link hreflang alternates) and
// robots.txt (RFC 9309).
#pragma once

#include <string>

#include "config.h"
#include "content.h"
#include "date.h"

namespace trustsite {

// sitemap.xml: one <url> per HTML page of every locale (each Trust Center page and each policy
// page, in site.yaml locale order), with <lastmod> (the page's own `updated`, else `stamp`) and
// an xhtml:link rel="alternate" for every locale plus hreflang="x-default" (the default locale),
// the same alternates the pages' <head> lists. The language chooser (a redirect) and 404.html
// are left out. Deterministic; every text is XML-escaped.
std::string render_sitemap(const SiteConfig& config, const Content& content, const Date& stamp);

// robots.txt (RFC 9309): allows everything and names the absolute sitemap URL.
std::string render_robots_txt(const SiteConfig& config);

}  // namespace trustsite
