#include "sitemap.h"

#include <vector>

#include "site_paths.h"
#include "xml_text.h"

namespace trustsite {

namespace {

struct SitemapUrl {
  std::string loc;
  std::string lastmod;
};

// One group of pages that are translations of each other: a <url> per locale, each listing
// all of them as alternates.
void append_group(std::string& out, const std::vector<SitemapUrl>& urls,
                  const std::vector<std::string>& locales, const std::string& x_default) {
  for (const auto& url : urls) {
    out += "  <url>\n";
    out += "    <loc>" + xml_escape(url.loc) + "</loc>\n";
    out += "    <lastmod>" + url.lastmod + "</lastmod>\n";
    for (std::size_t i = 0; i < urls.size(); ++i)
      out += "    <xhtml:link rel=\"alternate\" hreflang=\"" + xml_escape(locales[i]) +
             "\" href=\"" + xml_escape(urls[i].loc) + "\"/>\n";
    out += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
           xml_escape(x_default) + "\"/>\n";
    out += "  </url>\n";
  }
}

}  // namespace

std::string render_sitemap(const SiteConfig& config, const Content& content, const Date& stamp) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  const std::string stamp_text = format_date(stamp);

  std::vector<SitemapUrl> homes;
  for (const auto& locale : config.locales)
    homes.push_back({page_url(config.base_url, locale), stamp_text});
  append_group(out, homes, config.locales, page_url(config.base_url, config.default_locale));

  for (const auto& page : content.pages) {
    std::vector<SitemapUrl> urls;
    std::vector<std::string> locales;
    for (const auto& locale : config.locales) {
      const PageSource* source = shown_page_source(page, locale, config.default_locale);
      if (source == nullptr) continue;
      urls.push_back({page_url(config.base_url, locale, page.slug),
                      source->updated ? format_date(*source->updated) : stamp_text});
      locales.push_back(locale);
    }
    if (urls.empty()) continue;
    const PageSource* fallback =
        shown_page_source(page, config.default_locale, config.default_locale);
    const std::string x_default =
        fallback ? page_url(config.base_url, config.default_locale, page.slug) : urls.front().loc;
    append_group(out, urls, locales, x_default);
  }
  out += "</urlset>\n";
  return out;
}

std::string render_robots_txt(const SiteConfig& config) {
  return "# robots.txt (RFC 9309), written by trustsite\n"
         "User-agent: *\n"
         "Allow: /\n"
         "\n"
         "Sitemap: " +
         absolute_url(config.base_url, kSitemapFile) + "\n";
}

}  // namespace trustsite
