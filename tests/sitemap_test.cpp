// sitemap.xml and robots.txt (sitemaps.org 0.9, Google's xhtml:link hreflang alternates).
#include "sitemap.h"

#include <doctest/doctest.h>

#include "output_fixture.h"
#include "site_paths.h"

using namespace trustsite;
using namespace trustsite::testing;

namespace {

// The <url> element whose <loc> is `loc`.
std::string url_element(const std::string& xml, const std::string& loc) {
  const std::size_t at = xml.find("<loc>" + loc + "</loc>");
  if (at == std::string::npos) return {};
  const std::size_t start = xml.rfind("<url>", at);
  const std::size_t end = xml.find("</url>", at);
  return xml.substr(start, end + 6 - start);
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("page_url keeps the base_url path") {
  const SiteConfig config = output_config();
  CHECK(page_url(config.base_url, "sv") == "https://acme.example/trust/sv/");
  CHECK(page_url(config.base_url, "en", "privacy") == "https://acme.example/trust/en/privacy/");
}

TEST_CASE("sitemap: every page of every locale, absolute URLs, hreflang alternates, lastmod") {
  const SiteConfig config = output_config();
  const Content content = output_content();
  const std::string xml = render_sitemap(config, content, ymd(2026, 3, 14));

  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  CHECK(xml.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                 "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">") != std::string::npos);
  // 2 home pages + 2 locales x 2 policy pages (incident-response shown in sv from en).
  CHECK(count(xml, "<url>") == 6);
  CHECK(count(xml, "<loc>https://acme.example/trust/") == 6);

  const std::string home_sv = url_element(xml, "https://acme.example/trust/sv/");
  REQUIRE_FALSE(home_sv.empty());
  CHECK(home_sv.find("<lastmod>2026-03-14</lastmod>") != std::string::npos);  // the stamp
  CHECK(home_sv.find("<xhtml:link rel=\"alternate\" hreflang=\"en\" "
                     "href=\"https://acme.example/trust/en/\"/>") != std::string::npos);
  CHECK(home_sv.find("<xhtml:link rel=\"alternate\" hreflang=\"sv\" "
                     "href=\"https://acme.example/trust/sv/\"/>") != std::string::npos);
  CHECK(home_sv.find("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" "
                     "href=\"https://acme.example/trust/en/\"/>") != std::string::npos);

  // A policy page's lastmod is its own `updated` in that locale.
  const std::string policy_sv =
      url_element(xml, "https://acme.example/trust/sv/responsible-disclosure/");
  CHECK(policy_sv.find("<lastmod>2026-01-07</lastmod>") != std::string::npos);
  CHECK(url_element(xml, "https://acme.example/trust/en/responsible-disclosure/")
            .find("<lastmod>2026-01-05</lastmod>") != std::string::npos);
  CHECK(policy_sv.find("hreflang=\"x-default\" "
                       "href=\"https://acme.example/trust/en/responsible-disclosure/\"") !=
        std::string::npos);
  // Without `updated`: the stamp.
  CHECK(url_element(xml, "https://acme.example/trust/sv/incident-response/")
            .find("<lastmod>2026-03-14</lastmod>") != std::string::npos);
  // The chooser and 404.html are not pages of a locale.
  CHECK(xml.find("<loc>https://acme.example/trust/</loc>") == std::string::npos);
  CHECK(xml.find("404") == std::string::npos);
  CHECK(xml.substr(xml.size() - 10) == "</urlset>\n");
}

TEST_CASE("sitemap: URLs are XML-escaped") {
  SiteConfig config = output_config("https://acme.example/a&b/");
  Content content;
  const std::string xml = render_sitemap(config, content, ymd(2026, 1, 1));
  CHECK(xml.find("<loc>https://acme.example/a&amp;b/en/</loc>") != std::string::npos);
  CHECK(xml.find("a&b") == std::string::npos);
}

TEST_CASE("robots.txt names the absolute sitemap URL") {
  const std::string robots = render_robots_txt(output_config());
  CHECK(robots.find("User-agent: *\n") != std::string::npos);
  CHECK(robots.find("\nSitemap: https://acme.example/trust/sitemap.xml\n") != std::string::npos);
  CHECK(robots.find("Disallow: /") == std::string::npos);
}
