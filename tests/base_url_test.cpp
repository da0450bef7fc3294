// base_url handling (SPEC 2): validation and normalization, and its path part.
#include <doctest/doctest.h>

#include "locales.h"
#include "url.h"

using namespace trustsite;

TEST_CASE("normalize_base_url accepts absolute http(s) URLs and adds the trailing slash") {
  CHECK(normalize_base_url("https://trust.example.com") ==
        std::optional<std::string>("https://trust.example.com/"));
  CHECK(normalize_base_url("https://example.com/trust") ==
        std::optional<std::string>("https://example.com/trust/"));
  CHECK(normalize_base_url("http://localhost:8080/a/b/") ==
        std::optional<std::string>("http://localhost:8080/a/b/"));
  CHECK_FALSE(normalize_base_url("ftp://example.com/"));
  CHECK_FALSE(normalize_base_url("javascript:alert(1)"));
  CHECK_FALSE(normalize_base_url("example.com"));
  CHECK_FALSE(normalize_base_url("https://example.com/?q=1"));
  CHECK_FALSE(normalize_base_url("https://example.com/#top"));
  CHECK_FALSE(normalize_base_url("https://exa mple.com/"));
  CHECK_FALSE(normalize_base_url("https://example.com/\"><script>"));
}

TEST_CASE("base_url_path is the path part with a trailing slash") {
  CHECK(base_url_path("https://x.example/") == "/");
  CHECK(base_url_path("https://x.example/trust/") == "/trust/");
  CHECK(base_url_path("https://x.example:8443/a/b/") == "/a/b/");
}

TEST_CASE("fill_placeholders replaces known names and leaves other braces") {
  CHECK(fill_placeholders("{company} and {company}: {count} {other}",
                          {{"company", "Acme {count}"}, {"count", "3"}}) ==
        "Acme {count} and Acme {count}: 3 {other}");
}
