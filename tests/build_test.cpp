// Fixture-site integration tests: build a small bilingual site into a temporary directory and
// assert on the files it writes (SPEC 4, 5), and on what a failed build leaves behind.
#include "build.h"

#include <doctest/doctest.h>

#include "test_util.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::diagnostics_text;
using trustsite::testing::element_with_id;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(TRUSTSITE_TESTS_DIR) / "fixtures" / "sites";

struct BuiltSite {
  TempDir dir;
  BuildReport report;
  fs::path out() const { return dir / "site/public"; }
  std::string page(const std::string& path) const { return read_file(out() / path); }
};

std::unique_ptr<BuiltSite> build_fixture(const std::string& name, BuildOptions options = {}) {
  auto built = std::make_unique<BuiltSite>();
  copy_tree(kFixtures / name, built->dir / "site");
  options.site_dir = built->dir / "site";
  built->report = run_build(options, trustsite::testing::test_environment());
  return built;
}

}  // namespace

TEST_CASE("build: a bilingual site produces every page with lang, hreflang and canonical URLs") {
  auto site = build_fixture("basic");
  INFO(diagnostics_text(site->report.diagnostics));
  REQUIRE(site->report.exit_code == 0);
  for (const char* path :
       {"index.html", "404.html", "en/index.html", "sv/index.html", "en/privacy/index.html",
        "sv/privacy/index.html", "en/terms/index.html", "sv/terms/index.html", ".trustsite-output"})
    CHECK_MESSAGE(fs::exists(site->out() / path), path);

  const std::string sv = site->page("sv/index.html");
  CHECK(sv.find("<html lang=\"sv\"") != std::string::npos);
  CHECK(sv.find("hreflang=\"en\" href=\"https://trust.acme.example/security/en/\"") !=
        std::string::npos);
  CHECK(sv.find("hreflang=\"sv\" href=\"https://trust.acme.example/security/sv/\"") !=
        std::string::npos);
  CHECK(sv.find("hreflang=\"x-default\" href=\"https://trust.acme.example/security/en/\"") !=
        std::string::npos);
  CHECK(sv.find("rel=\"canonical\" href=\"https://trust.acme.example/security/sv/\"") !=
        std::string::npos);
  const std::string policy = site->page("en/privacy/index.html");
  CHECK(policy.find("<html lang=\"en\"") != std::string::npos);
  CHECK(policy.find("rel=\"canonical\" href=\"https://trust.acme.example/security/en/privacy/\"") !=
        std::string::npos);
  CHECK(policy.find("hreflang=\"sv\" href=\"https://trust.acme.example/security/sv/privacy/\"") !=
        std::string::npos);
}

TEST_CASE("build: categories, controls, sub-processors and disclosures carry ids and data-status") {
  auto site = build_fixture("basic");
  REQUIRE(site->report.exit_code == 0);
  const std::string en = site->page("en/index.html");
  CHECK(en.find("id=\"access\"") != std::string::npos);
  CHECK(en.find("id=\"data\"") != std::string::npos);
  CHECK(en.find("id=\"data\"") < en.find("id=\"access\""));  // order 5 before order 10
  const std::string mfa = element_with_id(en, "mfa");
  CHECK(mfa.find("data-status=\"implemented\"") != std::string::npos);
  // Status as text, not colour alone: in the row's summary, just before the body with the id.
  const std::size_t mfa_at = en.find("id=\"mfa\"");
  REQUIRE(en.rfind("Implemented</span>", mfa_at) != std::string::npos);
  CHECK(en.rfind("Implemented</span>", mfa_at) > en.rfind("<details", mfa_at));
  CHECK(element_with_id(en, "sso").find("data-status=\"in_progress\"") != std::string::npos);
  CHECK(element_with_id(en, "cloudhost").find("data-status=\"signed\"") != std::string::npos);
  CHECK(element_with_id(en, "summaries").find("data-status=\"implemented\"") != std::string::npos);
  CHECK(en.find("OldMail Ltd") != std::string::npos);  // a removed, unlisted sub-processor by name
}

TEST_CASE("build: fallback text is marked with lang exactly where it falls back") {
  auto site = build_fixture("basic");
  REQUIRE(site->report.exit_code == 0);
  const std::string sv = site->page("sv/index.html");
  const std::string sso = element_with_id(sv, "sso");
  REQUIRE_FALSE(sso.empty());
  CHECK(sso.find("lang=\"en\"") != std::string::npos);
  CHECK(sso.find("SAML for customers") != std::string::npos);
  CHECK(element_with_id(sv, "mfa").find("lang=\"en\"") == std::string::npos);
  // The English page needs no marker at all for content.
  CHECK(element_with_id(site->page("en/index.html"), "sso").find("lang=") == std::string::npos);
  // A page missing in Swedish: built from English with a notice, content marked lang="en".
  const std::string terms = site->page("sv/terms/index.html");
  CHECK(terms.find("<html lang=\"sv\"") != std::string::npos);
  CHECK(terms.find("English only, on purpose.") != std::string::npos);
  CHECK(terms.find("lang=\"en\"") != std::string::npos);
  CHECK(terms.find("Den här sidan finns ännu inte på svenska") != std::string::npos);
  CHECK(site->page("sv/privacy/index.html").find("finns ännu inte på svenska") ==
        std::string::npos);
}

TEST_CASE("build: the update stamp is the latest content date, localized") {
  auto site = build_fixture("basic");
  REQUIRE(site->report.exit_code == 0);
  CHECK(site->page("en/index.html").find("<time datetime=\"2026-04-01\"") != std::string::npos);
  CHECK(site->page("sv/index.html").find("Uppdaterad") != std::string::npos);
  CHECK(site->page("en/index.html").find("Updated") != std::string::npos);
}

TEST_CASE("build: hostile content is escaped, never executed") {
  auto site = build_fixture("basic");
  REQUIRE(site->report.exit_code == 0);
  const std::string en = site->page("en/index.html");
  CHECK(en.find("<script>alert(1)") == std::string::npos);
  CHECK(en.find("javascript:") == std::string::npos);
  CHECK(en.find("Database &lt;encryption&gt; &amp; &quot;keys&quot;") != std::string::npos);
}

TEST_CASE("build: a content error stops the build with file:line:col and leaves the output") {
  auto site = build_fixture("basic");
  REQUIRE(site->report.exit_code == 0);
  const std::string before = site->page("en/index.html");
  write_file(site->dir / "site/content/controls/access.yaml",
             "category:\n  title: {en: Access, sv: Åtkomst}\ncontrols:\n  - id: mfa\n"
             "    title: {en: MFA, sv: MFA}\n    description: {en: x, sv: x}\n    status: done\n");
  BuildOptions options;
  options.site_dir = site->dir / "site";
  BuildReport failed = run_build(options, trustsite::testing::test_environment());
  CHECK(failed.exit_code == 1);
  REQUIRE(failed.diagnostics.size() >= 1);
  CHECK(format_text(failed.diagnostics[0]) ==
        "content/controls/access.yaml:7:13: error: unknown status 'done' in control 'mfa'; "
        "expected one of: implemented, in_progress, planned, not_applicable");
  CHECK(site->page("en/index.html") == before);
}

TEST_CASE("build: refuses an output directory it did not create") {
  TempDir dir;
  copy_tree(kFixtures / "basic", dir / "site");
  write_file(dir / "site/public/keep.txt", "mine");
  BuildOptions options;
  options.site_dir = dir / "site";
  BuildReport report = run_build(options, trustsite::testing::test_environment());
  CHECK(report.exit_code == 1);
  CHECK(diagnostics_text(report.diagnostics).find("not empty and trustsite did not create it") !=
        std::string::npos);
  CHECK(read_file(dir / "site/public/keep.txt") == "mine");
  options.out_dir = dir / "site";
  CHECK(run_build(options, trustsite::testing::test_environment()).exit_code == 1);
  CHECK(fs::exists(dir / "site/site.yaml"));
}

TEST_CASE("check: validates everything and writes nothing") {
  TempDir dir;
  copy_tree(kFixtures / "basic", dir / "site");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  BuildReport report = run_build(options, trustsite::testing::test_environment());
  CHECK(report.exit_code == 0);
  CHECK_FALSE(report.files.empty());
  CHECK_FALSE(fs::exists(dir / "site/public"));
}

TEST_CASE("build: --strict turns the missing translations into errors") {
  BuildOptions options;
  options.strict = true;
  auto site = build_fixture("basic", options);
  CHECK(site->report.exit_code == 1);
  const std::string text = diagnostics_text(site->report.diagnostics);
  CHECK(text.find("content/controls/access.yaml:15:18: error: field 'description' of control 'sso' "
                  "has no sv translation") != std::string::npos);
  CHECK(text.find("error: 2 missing sv translations in total") != std::string::npos);
  CHECK_FALSE(fs::exists(site->out()));
}

TEST_CASE("build: --base-url overrides site.yaml and is validated") {
  BuildOptions options;
  options.base_url = "https://preview.example/pr-7";
  auto site = build_fixture("basic", options);
  REQUIRE(site->report.exit_code == 0);
  CHECK(site->page("en/index.html").find("https://preview.example/pr-7/en/") != std::string::npos);
  BuildOptions bad;
  bad.base_url = "javascript:alert(1)";
  CHECK(build_fixture("basic", bad)->report.exit_code == 1);
}

TEST_CASE("build: a failed monitoring fetch with on_error: fail exits 3, and 1 wins over 3") {
  TempDir dir;
  copy_tree(kFixtures / "basic", dir / "site");
  const std::string site_yaml = read_file(dir / "site/site.yaml");
  write_file(dir / "site/site.yaml", site_yaml +
                                         "monitoring:\n  source: monitoring/missing.json\n"
                                         "  format: trustsite\n  on_error: fail\n");
  BuildOptions options;
  options.site_dir = dir / "site";
  BuildReport report = run_build(options, trustsite::testing::test_environment());
  INFO(diagnostics_text(report.diagnostics));
  CHECK(report.exit_code == 3);
  CHECK_FALSE(fs::exists(dir / "site/public"));

  write_file(dir / "site/content/controls/data.yaml", "category: [not, a, map]\ncontrols: []\n");
  CHECK(run_build(options, trustsite::testing::test_environment()).exit_code == 1);

  // on_error: warn only warns.
  copy_tree(kFixtures / "basic/content", dir / "site/content");
  write_file(dir / "site/site.yaml",
             site_yaml + "monitoring:\n  source: monitoring/missing.json\n");
  report = run_build(options, trustsite::testing::test_environment());
  CHECK(report.exit_code == 0);
  CHECK(diagnostics_text(report.diagnostics).find("warning") != std::string::npos);
}

TEST_CASE("build: the missing-translation summary counts site.yaml's fields too") {
  TempDir dir;
  copy_tree(kFixtures / "basic", dir / "site");
  const std::string site_yaml = read_file(dir / "site/site.yaml");
  write_file(dir / "site/site.yaml",
             "tagline: Only English here\n" +
                 site_yaml.substr(site_yaml.find('\n', site_yaml.find("tagline:")) + 1));
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  // A plain string is English text (SPEC 2): untranslated in sv, counted like a missing key.
  const std::string text =
      diagnostics_text(run_build(options, trustsite::testing::test_environment()).diagnostics);
  CHECK(text.find("site.yaml:1:10: warning: field 'tagline' of site.yaml is a plain text, which is "
                  "en text, so it has no sv translation") != std::string::npos);
  CHECK(text.find("warning: 3 missing sv translations in total") != std::string::npos);
  write_file(dir / "site/site.yaml",
             "tagline: {en: Only English here}\n" +
                 site_yaml.substr(site_yaml.find('\n', site_yaml.find("tagline:")) + 1));
  const std::string counted =
      diagnostics_text(run_build(options, trustsite::testing::test_environment()).diagnostics);
  CHECK(
      counted.find("site.yaml:1:10: warning: field 'tagline' of site.yaml has no sv translation") !=
      std::string::npos);
  CHECK(counted.find("warning: 3 missing sv translations in total") != std::string::npos);
}

TEST_CASE("build: a category entry that is not a regular file is reported, not skipped") {
  TempDir dir;
  copy_tree(kFixtures / "basic", dir / "site");
  fs::create_directories(dir / "site/content/controls/folder.yaml");
  fs::create_symlink(dir / "site/nowhere.yaml", dir / "site/content/controls/dangling.yaml");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  BuildReport report = run_build(options, trustsite::testing::test_environment());
  CHECK(report.exit_code == 1);
  const std::string text = diagnostics_text(report.diagnostics);
  CHECK(text.find("content/controls/dangling.yaml:1:1: error: this is not a regular file") !=
        std::string::npos);
  CHECK(text.find("content/controls/folder.yaml:1:1: error: this is not a regular file") !=
        std::string::npos);
}

TEST_CASE("build: a Swedish-first site marks Swedish text on the English page and passes extra") {
  auto site = build_fixture("swedish-first");
  INFO(diagnostics_text(site->report.diagnostics));
  REQUIRE(site->report.exit_code == 0);
  const std::string en = site->page("en/index.html");
  // The untranslated description: `lang="sv"` on its element, and the marker in English.
  CHECK(en.find("<div class=\"control__description prose\" lang=\"sv\"><p class=\"lang-marker "
                "lang-marker--block\" lang=\"en\">In Swedish</p><p>Alla konton kräver en andra "
                "faktor.</p>") != std::string::npos);
  // A plain string is text in the default locale, sv here: marked on the English page too.
  CHECK(en.find("lang=\"sv\">Single sign-on <span class=\"lang-marker\" lang=\"en\">In "
                "Swedish</span></h3>") != std::string::npos);
  // Nothing on the Swedish page is marked.
  CHECK(site->page("sv/index.html").find("lang-marker") == std::string::npos);
  // The warnings name both untranslated fields, and the summary counts them.
  const std::string text = diagnostics_text(site->report.diagnostics);
  CHECK(text.find("content/controls/access.yaml:8:7: warning: field 'description' of control "
                  "'mfa' has no en translation") != std::string::npos);
  CHECK(text.find("content/controls/access.yaml:12:12: warning: field 'title' of control 'sso' "
                  "is a plain text, which is sv text") != std::string::npos);
  CHECK(text.find("warning: 2 missing en translations in total (shown in sv instead)") !=
        std::string::npos);
  // `extra:` reaches the templates as written (docs/themes.md).
  CHECK(en.find("<p class=\"control__owner\">Owner: IT-säkerhet, every 6 months</p>") !=
        std::string::npos);
  CHECK(en.find("<p class=\"control__brand\">Brand #0b6b61, phone +46 8 123 45 67</p>") !=
        std::string::npos);
}

TEST_CASE("build: a stamp that falls back to today warns that nothing backs it (SPEC 5)") {
  TempDir dir;
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/invalid/bom-accepted", dir / "site");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  Environment environment = read_environment();
  environment.source_date_epoch.reset();
  environment.now_unix = 1796126400;  // 2026-12-01T12:00:00Z
  const BuildReport report = run_build(options, environment);
  CHECK(report.exit_code == 0);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(format_text(report.diagnostics[0]) ==
        "site.yaml:1:1: warning: no content carries a date and SOURCE_DATE_EPOCH is not set, so "
        "the update stamp is today, 2026-12-01: the page claims to be current although no "
        "content backs that date; expected `updated:` dates on controls, pages or sub-processors, "
        "or `updated: YYYY-MM-DD` in site.yaml (SPEC 5)");
  // With SOURCE_DATE_EPOCH the stamp is its date, and nothing is said.
  environment.source_date_epoch = 1790000000;
  CHECK(run_build(options, environment).diagnostics.empty());
}

TEST_CASE("build: --offline with a missing local monitoring file only warns (SPEC 6)") {
  TempDir dir;
  copy_tree(kFixtures / "basic", dir / "site");
  write_file(dir / "site/site.yaml", read_file(dir / "site/site.yaml") +
                                         "monitoring:\n  source: monitoring/missing.json\n"
                                         "  on_error: fail\n");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.offline = true;
  const BuildReport offline = run_build(options, trustsite::testing::test_environment());
  CHECK(offline.exit_code == 0);
  CHECK(diagnostics_text(offline.diagnostics)
            .find("cannot read the monitoring source \"monitoring/missing.json\": "
                  "it does not exist") != std::string::npos);
  options.offline = false;
  CHECK(run_build(options, trustsite::testing::test_environment()).exit_code == 3);
}
