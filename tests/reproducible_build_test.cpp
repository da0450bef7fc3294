// The example site (the repository's site.yaml, content/, monitoring/) built end to end: two
// builds with the same SOURCE_DATE_EPOCH are byte-identical (SPEC 4), and the output carries
// every file of SPEC 4 with the CSP, feed links and SRI the pages need.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <string>

#include "assets.h"
#include "build.h"
#include "headers.h"
#include "test_util.h"
#include "theme.h"
#include "view_model.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::diagnostics_text;
using trustsite::testing::file_tree;
using trustsite::testing::read_file;
using trustsite::testing::ScopedEnv;
using trustsite::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = fs::path(TRUSTSITE_TESTS_DIR).parent_path();

// A copy of the example site in `dir`/site (theme and UI strings come from trustsite's data
// dir), built into `dir`/public.
BuildReport build_example(const TempDir& dir) {
  const fs::path site = dir / "site";
  fs::create_directories(site);
  fs::copy_file(kRepo / "site.yaml", site / "site.yaml");
  copy_tree(kRepo / "content", site / "content");
  if (fs::exists(kRepo / "monitoring")) copy_tree(kRepo / "monitoring", site / "monitoring");
  BuildOptions options;
  options.site_dir = site;
  options.out_dir = dir / "public";
  return run_build(options, trustsite::testing::test_environment());
}

}  // namespace

TEST_CASE("reproducible builds: the example site twice, same SOURCE_DATE_EPOCH, same bytes") {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", "1790000000");
  TempDir first, second;
  const BuildReport a = build_example(first);
  const BuildReport b = build_example(second);
  REQUIRE_MESSAGE(a.exit_code == 0, diagnostics_text(a.diagnostics));
  REQUIRE_MESSAGE(b.exit_code == 0, diagnostics_text(b.diagnostics));

  const auto files_a = file_tree(first / "public");
  const auto files_b = file_tree(second / "public");
  std::vector<std::string> names_a, names_b;
  for (const auto& [name, _] : files_a) names_a.push_back(name);
  for (const auto& [name, _] : files_b) names_b.push_back(name);
  CHECK(names_a == names_b);
  CHECK(files_a.size() >= 20);
  for (const auto& [name, bytes] : files_a) {
    auto other = files_b.find(name);
    REQUIRE_MESSAGE(other != files_b.end(), name);
    CHECK_MESSAGE(bytes == other->second, (name + " differs between two builds"));
  }
  // The in-memory file list is in the same (deterministic) order too.
  REQUIRE(a.files.size() == b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].path == b.files[i].path);
  // Nothing in the output names the temporary directories the sites were built from.
  for (const auto& [name, bytes] : files_a)
    CHECK_MESSAGE(bytes.find(first.path().string()) == std::string::npos, name);
}

TEST_CASE("example site: every output of SPEC 4, CSP in every page, feed links, SRI") {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", "1790000000");
  TempDir dir;
  const BuildReport report = build_example(dir);
  REQUIRE_MESSAGE(report.exit_code == 0, diagnostics_text(report.diagnostics));
  const auto files = file_tree(dir / "public");
  for (const char* name :
       {"index.html", "404.html", "en/index.html", "sv/index.html", "sitemap.xml", "robots.txt",
        "trust.json", "_headers", ".well-known/security.txt", "en/subprocessors.atom",
        "sv/subprocessors.atom", "en/responsible-disclosure/index.html",
        "sv/responsible-disclosure/index.html"})
    CHECK_MESSAGE(files.count(name) == 1, name);

  // One CSP, produced once: the <meta> of every page and the _headers header agree.
  const std::string meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                           std::string(kDefaultContentSecurityPolicy) + "\">";
  std::size_t pages = 0;
  for (const auto& [name, html] : files) {
    if (name.size() < 5 || name.substr(name.size() - 5) != ".html") continue;
    ++pages;
    std::string escaped = meta;
    for (std::size_t at = escaped.find('\''); at != std::string::npos; at = escaped.find('\'', at))
      escaped.replace(at, 1, "&#39;");
    CHECK_MESSAGE((html.find(meta) != std::string::npos || html.find(escaped) != std::string::npos),
                  (name + " lacks the CSP <meta>"));
    CHECK_MESSAGE(html.find("frame-ancestors") == std::string::npos, name);
  }
  CHECK(pages >= 12);
  CHECK(files.at("_headers")
            .find("Content-Security-Policy: " +
                  header_content_security_policy(kDefaultContentSecurityPolicy)) !=
        std::string::npos);

  // The feed is announced in the head and linked next to the sub-processor table.
  for (const std::string locale : {"en", "sv"}) {
    const std::string& home = files.at(locale + "/index.html");
    // The href is relative to the page: "../en/subprocessors.atom" (or "subprocessors.atom").
    const std::string href = "(\\.\\./" + locale + "/)?subprocessors\\.atom";
    CHECK(std::regex_search(
        home, std::regex("<link rel=\"alternate\" type=\"application/atom\\+xml\" href=\"" + href +
                         "\"")));
    const std::size_t table = home.find("id=\"subprocessors\"");
    REQUIRE(table != std::string::npos);
    const std::string section = home.substr(table, home.find("</section>", table) - table);
    CHECK(std::regex_search(section, std::regex("<a href=\"" + href + "\"[^>]*>[^<]+</a>")));
  }

  // SRI: the stylesheet's integrity is the sha384 of the bytes written under that name.
  const std::string& home = files.at("en/index.html");
  std::smatch match;
  REQUIRE(std::regex_search(
      home, match,
      std::regex("<link rel=\"stylesheet\" href=\"\\.\\./(assets/style\\.[0-9a-f]{10}\\.css)\" "
                 "integrity=\"(sha384-[A-Za-z0-9+/=]+)\" crossorigin=\"anonymous\">")));
  const std::string css_path = match[1];
  REQUIRE(files.count(css_path) == 1);
  CHECK(match[2] == "sha384-" + base64_encode(sha384(files.at(css_path))));
  CHECK(css_path.find(hex_encode(sha384(files.at(css_path))).substr(0, 10)) != std::string::npos);

  // 404.html links back to each locale with root-relative links.
  const std::string& not_found = files.at("404.html");
  CHECK(not_found.find("href=\"/en/\"") != std::string::npos);
  CHECK(not_found.find("href=\"/sv/\"") != std::string::npos);

  // security.txt from site.yaml: Expires = stamp + 365 days.
  const std::string& security = files.at(".well-known/security.txt");
  CHECK(security.find("Contact: mailto:security@nordlys.example\n") != std::string::npos);
  CHECK(std::regex_search(security, std::regex("\nExpires: \\d{4}-\\d{2}-\\d{2}T00:00:00Z\n")));
  CHECK(security.find("Policy: https://trust.nordlys.example/en/responsible-disclosure/\n") !=
        std::string::npos);
  CHECK(files.at("robots.txt").find("Sitemap: https://trust.nordlys.example/sitemap.xml") !=
        std::string::npos);
}

TEST_CASE("--base-url with a path: sitemap, feeds, security.txt and 404 links carry it") {
  TempDir dir;
  const fs::path site = dir / "site";
  fs::create_directories(site);
  fs::copy_file(kRepo / "site.yaml", site / "site.yaml");
  copy_tree(kRepo / "content", site / "content");
  BuildOptions options;
  options.site_dir = site;
  options.out_dir = dir / "public";
  options.offline = true;
  options.base_url = "https://nordlys.example/trust";
  const BuildReport report = run_build(options, trustsite::testing::test_environment());
  REQUIRE_MESSAGE(report.exit_code == 0, diagnostics_text(report.diagnostics));
  const auto files = file_tree(dir / "public");
  CHECK(files.at("sitemap.xml").find("<loc>https://nordlys.example/trust/sv/</loc>") !=
        std::string::npos);
  CHECK(files.at("sitemap.xml").find("<loc>https://nordlys.example/en/") == std::string::npos);
  CHECK(files.at("en/subprocessors.atom").find("tag:nordlys.example,") != std::string::npos);
  CHECK(files.at("en/subprocessors.atom").find(":/trust/en/subprocessors/") != std::string::npos);
  CHECK(files.at(".well-known/security.txt")
            .find("Canonical: https://nordlys.example/trust/.well-known/security.txt\n") !=
        std::string::npos);
  CHECK(files.at("robots.txt").find("Sitemap: https://nordlys.example/trust/sitemap.xml") !=
        std::string::npos);
  CHECK(files.at("404.html").find("href=\"/trust/sv/\"") != std::string::npos);
}
