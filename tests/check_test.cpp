// The `trustsite check` catalogue (issue 3): one fixture site per error class under
// tests/fixtures/invalid/, each with its exact expected diagnostics and exit code, plus the
// output formats, exit codes and output-directory safety through the real binary, and hostile
// content that must never reach the page as markup.
#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "build.h"
#include "config.h"
#include "content.h"
#include "data_dirs.h"
#include "test_util.h"
#include "theme.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::read_file;
using trustsite::testing::run_cli;
using trustsite::testing::shell_quoted;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

namespace {

const fs::path kInvalid = fs::path(TRUSTSITE_TESTS_DIR) / "fixtures" / "invalid";

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The report's diagnostics as text lines, with the temporary site directory shown as <site>
// and trustsite's data directory as <trustsite> (so expectations do not depend on paths).
std::vector<std::string> lines_of(const BuildReport& report, const fs::path& site) {
  std::vector<std::string> lines;
  for (const auto& diagnostic : report.diagnostics) {
    std::string line = format_text(diagnostic);
    replace_all(line, site.string(), "<site>");
    replace_all(line, read_environment().data_dir.string() + "/", "<trustsite>/");
    lines.push_back(line);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

// Runs `check` (run_build without writing) on a copy of fixture `name` and asserts the exact
// diagnostics, in order, and the exit code; `check` must write nothing. `environment` gives
// "now" for the fixtures whose diagnostics depend on it.
void expect_check(const std::string& name, bool strict, int exit_code,
                  const std::vector<std::string>& expected,
                  const Environment& environment = trustsite::testing::test_environment()) {
  REQUIRE(fs::is_directory(kInvalid / name));
  TempDir dir;
  copy_tree(kInvalid / name, dir / "site");
  // Copied files are modified "now" by the wall clock, which may be after the test's "now": a
  // local monitoring file modified after "now" would show no current result (issue 13).
  const auto before_now = std::chrono::file_clock::from_sys(
      std::chrono::sys_seconds{std::chrono::seconds{environment.now_unix - 3600}});
  for (const auto& entry : fs::recursive_directory_iterator(dir / "site"))
    if (entry.is_regular_file()) fs::last_write_time(entry.path(), before_now);
  BuildOptions options;
  options.site_dir = dir / "site";
  options.strict = strict;
  options.write_output = false;
  const BuildReport report = run_build(options, environment);
  const auto lines = lines_of(report, dir / "site");
  INFO("fixture ", name, "\nactual:\n", joined(lines), "expected:\n", joined(expected));
  CHECK(lines == expected);
  CHECK(report.exit_code == exit_code);
  CHECK_FALSE(fs::exists(dir / "site/public"));
}

// The environment of a build whose "now" is `rfc3339`, as if the clock said so (no
// TRUSTSITE_NOW warning).
Environment environment_at(const std::string& rfc3339) {
  Environment environment = trustsite::testing::test_environment();
  environment.now_unix = *parse_rfc3339(rfc3339);
  environment.now_override.clear();
  return environment;
}

// Every file under `dir` with its content, for "nothing changed" assertions.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      files[entry.path().lexically_relative(dir).string()] = read_file(entry.path());
  return files;
}

}  // namespace

// ---- The catalogue: one fixture per error class, exact diagnostics --------------------------

TEST_CASE("check: bad-identifier (identifiers that break the rule)") {
  expect_check(
      "bad-identifier", false, 1,
      {"content/controls/access.yaml:2:7: error: invalid id '-access' in category; expected "
       "lowercase letters, digits and '-', starting with a letter or digit (^[a-z0-9][a-z0-9-]*$)",
       "content/controls/access.yaml:5:9: error: invalid id 'MFA_login' in control 'MFA_login'; "
       "expected lowercase letters, digits and '-', starting with a letter or digit "
       "(^[a-z0-9][a-z0-9-]*$)"});
}

TEST_CASE("check: bidi-override (bidirectional override characters)") {
  expect_check(
      "bidi-override", false, 1,
      {"content/controls/access.yaml:6:18: error: field 'description' of control 'mfa' contains "
       "the bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) at byte 20, which can "
       "make text display in a different order than it reads; expected text without bidirectional "
       "overrides, embeddings or isolates (use U+200E/U+200F marks if needed)",
       "content/pages/privacy.en.md:5:10: error: the page body contains the bidirectional control "
       "character U+2066 (LEFT-TO-RIGHT ISOLATE), which can make text display in a different order "
       "than it reads; expected text without bidirectional overrides, embeddings or isolates"});
}

TEST_CASE("check: bom-accepted (a UTF-8 byte order mark is accepted)") {
  expect_check("bom-accepted", false, 0,
               {

               });
}

TEST_CASE("check: change-announced-after-date (a change announced after it takes effect)") {
  expect_check("change-announced-after-date", false, 1,
               {"content/subprocessors.yaml:10:16: error: change 'added posthog' on 2026-02-01 was "
                "announced 2026-02-05, after it takes effect; expected 'announced' on or before "
                "2026-02-01 (the day customers were told of the change)"});
}

TEST_CASE("check: change-announced-future (an announced date after now)") {
  expect_check("change-announced-future", false, 0,
               {"content/subprocessors.yaml:11:16: warning: change 'added scrive' on 2027-01-15 "
                "is announced 2026-12-10, after today (2026-12-01), but the page and the feed "
                "publish it now; expected the day customers were told, on or before 2026-12-01"},
               environment_at("2026-12-01T10:00:00Z"));
}

TEST_CASE("check: change-notice-late (added changes announced late or not at all)") {
  expect_check(
      "change-notice-late", false, 0,
      {"content/subprocessors.yaml:19:16: warning: change 'added posthog' on 2026-02-01 was "
       "announced 2026-01-20, 12 days before it takes effect; the DPA promises notice_days: 30; "
       "expected 'announced' on or before 2026-01-02",
       "content/subprocessors.yaml:25:5: warning: change 'added mixpanel' on 2024-06-10 has no "
       "'announced' date, so no advance notice is on record; the DPA promises notice_days: 30; "
       "expected 'announced' on or before 2024-05-11"});
}

TEST_CASE("check: change-notice-late (added changes announced late or not at all) --strict") {
  expect_check(
      "change-notice-late", true, 1,
      {"content/subprocessors.yaml:19:16: error: change 'added posthog' on 2026-02-01 was "
       "announced 2026-01-20, 12 days before it takes effect; the DPA promises notice_days: 30; "
       "expected 'announced' on or before 2026-01-02",
       "content/subprocessors.yaml:25:5: error: change 'added mixpanel' on 2024-06-10 has no "
       "'announced' date, so no advance notice is on record; the DPA promises notice_days: 30; "
       "expected 'announced' on or before 2024-05-11"});
}

TEST_CASE("check: change-notice-settings (notice_days and objection_contact values)") {
  expect_check("change-notice-settings", false, 1,
               {"content/subprocessors.yaml:9:14: error: field 'notice_days' of "
                "content/subprocessors.yaml is 0; expected a whole number from 1 to 365",
                "content/subprocessors.yaml:10:20: error: objection_contact is neither an e-mail "
                "address nor an https URL; expected e.g. privacy@example.com (without mailto:) "
                "or https://example.com/objections"});
}

TEST_CASE("check: change-removal (a removal before it takes effect and after)") {
  expect_check(
      "change-removal", false, 1,
      {"content/subprocessors.yaml:10:9: warning: sub-processor 'mixpanel' is still listed, but "
       "its change 'removed mixpanel' on 2026-11-01 (at content/subprocessors.yaml:21:5) has "
       "taken effect; expected its entry removed from 'subprocessors' (the change keeps the "
       "history, with 'name: Mixpanel')",
       "content/subprocessors.yaml:19:19: error: change 'removed sendgrid' on 2026-12-14 takes "
       "effect after today (2026-12-01), so 'sendgrid' still processes data until then; expected "
       "it to stay listed under 'subprocessors' until that day (it is shown marked \"until "
       "2026-12-14\")"},
      environment_at("2026-12-01T10:00:00Z"));
}

TEST_CASE("check: control-characters (control characters in fields and page bodies)") {
  expect_check("control-characters", false, 1,
               {"content/controls/access.yaml:2:10: error: field 'title' of category contains the "
                "control character U+0085 at byte 7; expected printable text (tab and line breaks "
                "are the only control characters allowed)",
                "content/controls/access.yaml:5:12: error: field 'title' of control 'mfa' contains "
                "the control character U+001B at byte 13; expected printable text (tab and line "
                "breaks are the only control characters allowed)",
                "content/pages/privacy.en.md:5:8: error: the page body contains the control "
                "character U+0007; expected printable text (tab and line breaks are the only "
                "control characters allowed)"});
}

TEST_CASE("check: category-icon-unknown (an icon name the theme does not draw)") {
  expect_check("category-icon-unknown", false, 1,
               {"content/controls/access.yaml:3:9: error: icon 'shiled' of category 'access' is "
                "not an icon of the theme 'default'; expected one of its icon names (did you mean "
                "'shield'?) or a symbol such as an emoji"});
}

TEST_CASE("check: duplicate-id (duplicate ids name both places)") {
  expect_check("duplicate-id", false, 1,
               {"content/controls/access.yaml:8:9: error: duplicate id 'access': this control uses "
                "the id of the category at content/controls/access.yaml:2:3; expected ids unique "
                "across categories, controls, sub-processors, disclosures, frameworks, documents, "
                "highlights and questions",
                "content/subprocessors.yaml:2:9: error: duplicate id 'mfa': this sub-processor "
                "uses the id of the control at content/controls/access.yaml:4:9; expected ids "
                "unique across categories, controls, sub-processors, disclosures, frameworks, "
                "documents, highlights and questions"});
}

TEST_CASE("check: empty-file (an empty controls file)") {
  expect_check("empty-file", false, 1,
               {"content/controls/access.yaml:1:1: error: the file is empty; expected a 'category' "
                "map and a 'controls' list"});
}

TEST_CASE("check: hostile-website (javascript:, data: and vbscript: sub-processor websites)") {
  expect_check("hostile-website", false, 1,
               {"content/subprocessors.yaml:7:14: error: website of sub-processor 'aws' is not an "
                "http(s) URL; expected e.g. https://example.com (other schemes are refused)",
                "content/subprocessors.yaml:13:14: error: website of sub-processor 'cdn' is not an "
                "http(s) URL; expected e.g. https://example.com (other schemes are refused)",
                "content/subprocessors.yaml:19:14: error: website of sub-processor 'vb' is not an "
                "http(s) URL; expected e.g. https://example.com (other schemes are refused)"});
}

TEST_CASE("check: invalid-date (impossible and unpadded dates)") {
  expect_check(
      "invalid-date", false, 1,
      {"content/controls/access.yaml:8:14: error: field 'updated' of control 'mfa' is the text "
       "'2026-02-30', which is not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)",
       "content/controls/access.yaml:13:14: error: field 'updated' of control 'sso' is the text "
       "'2026-3-1', which is not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)"});
}

TEST_CASE("check: locale-not-in-site (a locale key that site.yaml does not list)") {
  expect_check("locale-not-in-site", false, 1,
               {"content/controls/access.yaml:5:46: error: locale 'de' in field 'title' of control "
                "'mfa' is not in site.yaml's locales; expected one of: en"});
}

TEST_CASE("check: locale-without-ui-strings (a locale without locales/<code>.yaml)") {
  expect_check("locale-without-ui-strings", false, 1,
               {"site.yaml:4:10: error: locale 'fi' has no locales/fi.yaml (looked in locales/ and "
                "<trustsite>/locales/); expected one file per locale listed in site.yaml"});
}

TEST_CASE("check: missing-required (missing required fields)") {
  expect_check("missing-required", false, 1,
               {"content/controls/access.yaml:4:5: error: control 'mfa' has no 'description' "
                "field; expected one (it is required)",
                "content/controls/access.yaml:4:5: error: control 'mfa' has no 'status' field; "
                "expected one (it is required)"});
}

TEST_CASE("check: missing-theme (a missing theme)") {
  expect_check(
      "missing-theme", false, 1,
      {"site.yaml:7:8: error: theme 'corporate' not found (looked in themes/corporate/ and "
       "<trustsite>/themes/corporate/); expected a directory themes/corporate/ in the site"});
}

TEST_CASE("check: missing-translation (missing translations with the per-locale summary)") {
  expect_check("missing-translation", false, 0,
               {"content/controls/access.yaml:6:18: warning: field 'description' of control 'mfa' "
                "has no sv translation; the en text is shown instead",
                "content/pages/privacy.en.md:1:1: warning: page 'privacy' has no sv translation "
                "(privacy.sv.md); the en page is shown with a not-translated notice",
                "warning: 2 missing sv translations in total (shown in en instead)"});
}

TEST_CASE(
    "check: missing-translation (missing translations with the per-locale summary) --strict") {
  expect_check("missing-translation", true, 1,
               {"content/controls/access.yaml:6:18: error: field 'description' of control 'mfa' "
                "has no sv translation; the en text is shown instead",
                "content/pages/privacy.en.md:1:1: error: page 'privacy' has no sv translation "
                "(privacy.sv.md); the en page is shown with a not-translated notice",
                "error: 2 missing sv translations in total (shown in en instead)"});
}

TEST_CASE("check: monitoring-fetch-fail (a failed fetch with on_error: fail)") {
  expect_check("monitoring-fetch-fail", false, 3,
               {"site.yaml:8:11: error: fetching http://127.0.0.1:9/status.json failed: Failed to "
                "connect to 127.0.0.1 port 9: Couldn't connect to server; no cached response, so "
                "live badges are left out"});
}

TEST_CASE(
    "check: monitoring-fetch-fail-and-content-error (a failed fetch and a content error: 1 wins)") {
  expect_check("monitoring-fetch-fail-and-content-error", false, 1,
               {"content/controls/access.yaml:7:13: error: unknown status 'done' in control 'mfa'; "
                "expected one of: implemented, in_progress, planned, not_applicable",
                "site.yaml:8:11: error: fetching http://127.0.0.1:9/status.json failed: Failed to "
                "connect to 127.0.0.1 port 9: Couldn't connect to server; no cached response, so "
                "live badges are left out"});
}

TEST_CASE("check: not-utf8 (a Latin-1 byte)") {
  expect_check("not-utf8", false, 1,
               {"content/controls/access.yaml:2:13: error: invalid UTF-8 (byte 0xE8); expected a "
                "UTF-8 encoded text file"});
}

TEST_CASE("check: page-bad-name (page file names without locale or with a bad slug)") {
  expect_check(
      "page-bad-name", false, 1,
      {"content/pages/Privacy_Notice.en.md:1:1: error: page slug 'Privacy_Notice' is not a valid "
       "identifier; expected lowercase letters, digits and '-' (^[a-z0-9][a-z0-9-]*$)",
       "content/pages/privacy.md:1:1: error: page file name 'privacy.md' has no locale; expected "
       "<slug>.<locale>.md, e.g. privacy.en.md"});
}

TEST_CASE("check: page-front-matter-errors (front matter field types, positions in the .md file)") {
  expect_check("page-front-matter-errors", false, 1,
               {"content/pages/privacy.en.md:3:8: error: field 'order' of the front matter is the "
                "text 'first'; expected a whole number",
                "content/pages/privacy.en.md:4:7: error: field 'menu' of the front matter is the "
                "text 'maybe'; expected true or false",
                "content/pages/privacy.en.md:5:1: error: unknown field 'updatd' in the front "
                "matter; did you mean 'updated'?"});
}

TEST_CASE("check: page-front-matter-not-map (front matter that is a list)") {
  expect_check("page-front-matter-not-map", false, 1,
               {"content/pages/privacy.en.md:2:1: error: the front matter is a list; expected a "
                "map of fields"});
}

TEST_CASE("check: page-no-front-matter (a page without front matter)") {
  expect_check("page-no-front-matter", false, 1,
               {"content/pages/privacy.en.md:1:1: error: the page has no front matter; expected a "
                "first line '---', YAML with at least 'title', and a closing '---' line"});
}

TEST_CASE("check: page-only-non-default (a page only in a non-default locale)") {
  expect_check("page-only-non-default", false, 1,
               {"content/pages/privacy.en.md:1:1: warning: page 'privacy' has no sv translation "
                "(privacy.sv.md); the en page is shown with a not-translated notice",
                "content/pages/terms.sv.md:1:1: error: page 'terms' exists only in sv; expected "
                "terms.en.md too (the default locale's file is the fallback)",
                "warning: 1 missing sv translation in total (shown in en instead)"});
}

TEST_CASE("check: page-twin-case (privacy.en.md and privacy.EN.md)") {
  expect_check(
      "page-twin-case", false, 1,
      {"content/pages/privacy.EN.md:1:1: error: a second file for the same page and locale as "
       "content/pages/privacy.en.md (file names differ only in case or in .md/.markdown); "
       "expected one file named privacy.en.md"});
}

TEST_CASE("check: page-twin-markdown (privacy.en.md and privacy.en.markdown)") {
  expect_check("page-twin-markdown", false, 1,
               {"content/pages/privacy.en.markdown:1:1: error: a second file for the same page and "
                "locale as content/pages/privacy.en.md (file names differ only in case or in "
                ".md/.markdown); expected one file named privacy.en.md"});
}

TEST_CASE("check: page-unterminated-front-matter (front matter without its closing line)") {
  expect_check("page-unterminated-front-matter", false, 1,
               {"content/pages/privacy.en.md:1:1: error: the front matter is not closed; expected "
                "a '---' line after it"});
}

TEST_CASE("check: site-yaml-errors (site.yaml values)") {
  expect_check(
      "site-yaml-errors", false, 1,
      {"site.yaml:2:11: error: base_url 'trust.acme.example' is not an absolute http(s) URL; "
       "expected e.g. https://trust.example.com or https://example.com/trust/",
       "site.yaml:3:17: error: default_locale 'de' is not in locales; expected one of the listed "
       "locales",
       "site.yaml:4:10: error: locale 'en' is listed twice; expected each locale once",
       "site.yaml:5:8: error: invalid theme 'Default' in site.yaml; expected lowercase letters, "
       "digits and '-', starting with a letter or digit (^[a-z0-9][a-z0-9-]*$)",
       "site.yaml:6:10: error: updated is 'yesterday'; expected auto, git or a date YYYY-MM-DD",
       "site.yaml:9:12: error: company.contact 'hello at acme' is not an e-mail address; expected "
       "name@domain"});
}

TEST_CASE("check: site-yaml-not-a-map (site.yaml that is a list)") {
  expect_check("site-yaml-not-a-map", false, 1,
               {"site.yaml:1:1: error: site.yaml is a list; expected a map of fields"});
}

TEST_CASE("check: site-yaml-syntax (a syntax error in site.yaml stops the run)") {
  expect_check("site-yaml-syntax", false, 1,
               {"site.yaml:1:1: error: site.yaml could not be parsed, so nothing else was checked; "
                "expected well-formed YAML",
                "site.yaml:4:10: error: unclosed '[': this flow list is never closed; expected ']' "
                "at its end"});
}

TEST_CASE("check: template-bad-delimiter (a bad set-delimiter tag)") {
  expect_check("template-bad-delimiter", false, 1,
               {"templates/home.mustache:3:3: error: bad set-delimiter tag '{{=<%=}}'; expected "
                "two delimiters separated by whitespace, neither containing whitespace or '=', "
                "e.g. '{{=<% %>=}}'"});
}

TEST_CASE("check: template-mismatched-close (a mismatched closing tag)") {
  expect_check("template-mismatched-close", false, 1,
               {"templates/home.mustache:5:1: error: mismatched closing tag {{/controls}}; "
                "expected {{/categories}} (section opened at 3:1)"});
}

TEST_CASE("check: template-missing-partial (a missing partial)") {
  expect_check("template-missing-partial", false, 1,
               {"templates/home.mustache:3:1: error: partial 'sidebar' not found; expected "
                "sidebar.mustache in templates/ or <trustsite>/themes/default/templates/"});
}

TEST_CASE("check: template-unclosed-section (an unclosed section in a site template)") {
  expect_check("template-unclosed-section", false, 1,
               {"templates/home.mustache:3:1: error: unclosed section 'categories': it is never "
                "closed (the template ends at 5:1); expected {{/categories}} before the end of the "
                "template"});
}

TEST_CASE("check: type-list-for-map (a list where a map is expected)") {
  expect_check(
      "type-list-for-map", false, 1,
      {"content/controls/access.yaml:2:3: error: category is a list; expected a map of fields"});
}

TEST_CASE("check: type-number-for-title (a number for a title)") {
  expect_check("type-number-for-title", false, 1,
               {"content/controls/access.yaml:5:12: error: field 'title' of control 'mfa' is a "
                "number (2026); expected a text (quote it if it is meant as text: \"2026\")"});
}

TEST_CASE("check: ui-string-missing (UI strings missing in a site locale file)") {
  expect_check(
      "ui-string-missing", false, 0,
      {"locales/fi.yaml:1:1: warning: UI string 'access.on_request' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'access.public' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'access.under_nda' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.answer_no' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.answer_yes' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.data_excluded' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.data_sent' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.human_oversight' is missing in "
       "locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.intro' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: UI string 'ai.opt_in' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: warning: 194 more UI strings are missing in locales/fi.yaml; "
       "falling back to en"});
}

TEST_CASE("check: ui-string-missing (UI strings missing in a site locale file) --strict") {
  expect_check(
      "ui-string-missing", true, 1,
      {"locales/fi.yaml:1:1: error: UI string 'access.on_request' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'access.public' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'access.under_nda' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.answer_no' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.answer_yes' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.data_excluded' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.data_sent' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.human_oversight' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.intro' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: UI string 'ai.opt_in' is missing in locales/fi.yaml; "
       "falling back to en",
       "locales/fi.yaml:1:1: error: 194 more UI strings are missing in locales/fi.yaml; "
       "falling back to en"});
}

TEST_CASE("check: unknown-ai-provider (an AI provider that is not a sub-processor)") {
  expect_check("unknown-ai-provider", false, 1,
               {"content/ai.yaml:6:15: error: provider 'openai' of disclosure 'ticket-summaries' "
                "is not a sub-processor; expected an id listed in content/subprocessors.yaml"});
}

TEST_CASE("check: unknown-change-type (an unknown change type)") {
  expect_check("unknown-change-type", false, 1,
               {"content/subprocessors.yaml:9:11: error: unknown type 'replaced' in sub-processor "
                "change; expected one of: added, removed, updated"});
}

TEST_CASE("check: unknown-dpa (an unknown dpa value)") {
  expect_check("unknown-dpa", false, 1,
               {"content/subprocessors.yaml:6:10: error: unknown dpa 'yes' in sub-processor 'aws'; "
                "expected one of: signed, in_progress, not_required"});
}

TEST_CASE("check: unknown-field (unknown fields are errors with a suggestion)") {
  // SPEC 2: a misspelt optional field must never silently drop text, --strict or not.
  for (bool strict : {false, true}) {
    expect_check("unknown-field", strict, 1,
                 {"content/controls/access.yaml:3:3: error: unknown field 'colour' in category; "
                  "expected one of: id, order, icon, title, summary, extra (data that only a "
                  "custom theme uses goes under 'extra:')",
                  "content/controls/access.yaml:8:5: error: unknown field 'framworks' in control "
                  "'mfa'; did you mean 'frameworks'?"});
  }
}

TEST_CASE("check: unknown-monitor (a monitor id missing from the monitoring data)") {
  expect_check("unknown-monitor", false, 0,
               {"content/controls/access.yaml:8:14: warning: control \"mfa\": monitor "
                "\"mfa-enforcment\" is not in the monitoring data, so it shows no live badge; "
                "did you mean \"mfa-enforcement\"?"});
}

TEST_CASE("check: unknown-policy-page (security_txt.policy_page naming no page)") {
  expect_check("unknown-policy-page", false, 1,
               {"site.yaml:9:16: error: security_txt.policy_page 'disclosure' is not a page; "
                "expected the slug of a file in content/pages/ (e.g. disclosure.en.md)"});
}

TEST_CASE("check: unknown-status (an unknown status lists the allowed values)") {
  expect_check("unknown-status", false, 1,
               {"content/controls/access.yaml:7:13: error: unknown status 'done' in control 'mfa'; "
                "expected one of: implemented, in_progress, planned, not_applicable"});
}

TEST_CASE("check: unknown-subprocessor-change (changes naming unknown sub-processors)") {
  expect_check("unknown-subprocessor-change", false, 1,
               {"content/subprocessors.yaml:10:19: error: change names unknown sub-processor "
                "'posthog'; expected an id listed under 'subprocessors' (only a 'removed' change "
                "may name a former one, with its 'name')",
                "content/subprocessors.yaml:11:5: error: removed sub-processor 'mixpanel' is no "
                "longer listed, so the change needs its display name; expected a 'name' field"});
}

TEST_CASE("check: yaml-bad-indentation (a mis-indented key)") {
  expect_check("yaml-bad-indentation", false, 1,
               {"content/controls/access.yaml:6:4: error: YAML syntax error: end of sequence not "
                "found; expected this line indented like the other keys of its map or items of its "
                "list (check the spaces at the start)"});
}

TEST_CASE("check: yaml-duplicate-key (a duplicate key names the first one)") {
  expect_check("yaml-duplicate-key", false, 1,
               {"content/controls/access.yaml:8:5: error: duplicate key 'title' (first at line 5, "
                "column 5); expected each key once in a mapping"});
}

TEST_CASE("check: yaml-stray-comma (a ',' after a flow document (yaml-cpp would loop forever))") {
  expect_check("yaml-stray-comma", false, 1,
               {"content/controls/access.yaml:1:108: error: YAML syntax error: unexpected ','; "
                "expected a comma only between the items of a [ ] list or { } map (quote a text "
                "that starts with a comma)"});
}

TEST_CASE("check: yaml-stray-comma-block (a ',' on a line of its own)") {
  expect_check("yaml-stray-comma-block", false, 1,
               {"content/controls/access.yaml:8:1: error: YAML syntax error: unexpected ','; "
                "expected a comma only between the items of a [ ] list or { } map (quote a text "
                "that starts with a comma)"});
}

TEST_CASE("check: yaml-tab (a tab in indentation)") {
  expect_check("yaml-tab", false, 1,
               {"content/controls/access.yaml:2:1: error: tab character in indentation; expected "
                "spaces (YAML does not allow tabs for indentation)"});
}

TEST_CASE("check: yaml-two-documents (two YAML documents in one file)") {
  expect_check("yaml-two-documents", false, 1,
               {"content/controls/access.yaml:8:1: error: a second YAML document starts here; "
                "expected a single document per file"});
}

TEST_CASE("check: yaml-unclosed-bracket (an unclosed bracket is reported where it opens)") {
  expect_check("yaml-unclosed-bracket", false, 1,
               {"content/controls/access.yaml:7:17: error: unclosed '[': this flow list is never "
                "closed; expected ']' at its end"});
}

TEST_CASE(
    "check: yaml-unclosed-quote (an unclosed quote at the end of the file (yaml-cpp accepts it))") {
  expect_check("yaml-unclosed-quote", false, 1,
               {"content/controls/access.yaml:7:13: error: unclosed quote: the text starting with "
                "' here runs to the end of the file; expected a closing '"});
}

TEST_CASE("check: yaml-unclosed-quote-middle (an unclosed quote in the middle of the file)") {
  expect_check("yaml-unclosed-quote-middle", false, 1,
               {"content/controls/access.yaml:5:12: error: unclosed quote: the text starting with "
                "\" here runs to the end of the file; expected a closing \""});
}

TEST_CASE("check: yaml-unquoted-colon (an unquoted text with ': ' says to quote it)") {
  expect_check("yaml-unquoted-colon", false, 1,
               {"content/controls/access.yaml:5:12: error: YAML syntax error: the text of 'title' "
                "contains ': ', which YAML reads as the start of another key; expected the text "
                "in quotes: title: \"Read this: it matters\""});
}

TEST_CASE("check: yaml-comment-in-text (' #' inside an unquoted text drops the rest)") {
  const std::vector<std::string> message = {
      "content/controls/access.yaml:6:35: warning: '#12: every account uses a second factor.' "
      "is a YAML comment (' #' starts one, even inside an unquoted text), so the value of "
      "'description' ends with 'Tracked in issue'; expected the whole text in quotes if it "
      "belongs to the value (description: \"Tracked in issue #12: every account uses…\"), or "
      "'# ' with a space for a comment"};
  expect_check("yaml-comment-in-text", false, 0, message);
  std::vector<std::string> strict = message;
  strict[0].replace(strict[0].find("warning"), 7, "error");
  expect_check("yaml-comment-in-text", true, 1, strict);
}

TEST_CASE("check: ui-string-unknown (a key trustsite's UI strings do not have)") {
  expect_check("ui-string-unknown", false, 1,
               {"locales/en.yaml:2:3: error: unknown UI string 'status.implemeted' in "
                "locales/en.yaml; did you mean 'status.implemented'?",
                "locales/en.yaml:4:3: error: unknown UI string 'footer.built_wiht' in "
                "locales/en.yaml; did you mean 'footer.built_with'?"});
}

TEST_CASE("check: broken-link (internal Markdown links that lead nowhere or out of the site)") {
  expect_check(
      "broken-link", false, 1,
      {"content/controls/access.yaml:3:29: error: broken link 'responsible-disclosure/' (on "
       "/en/): it leads to /trust/en/responsible-disclosure/, which the site does not have; "
       "expected a page, a file or an id that the build writes",
       "content/controls/access.yaml:3:70: error: broken link '#contact-us' (on /en/): "
       "/trust/en/ has no id 'contact-us'; expected the id of a section, control or other item "
       "on it",
       "content/controls/access.yaml:8:64: error: broken link '../responsible-disclosure/' (on "
       "/en/): it leads to /trust/responsible-disclosure/, which the site does not have; "
       "expected a page, a file or an id that the build writes",
       "content/controls/access.yaml:9:62: error: broken link '#sso-login' (on /en/): /trust/en/ "
       "has no id 'sso-login'; expected the id of a section, control or other item on it",
       "content/controls/access.yaml:10:32: error: link '../../elsewhere/' (on /en/) leads to "
       "/elsewhere/, outside the site (/trust/); expected a link to a page or id of the site, or "
       "an absolute https URL for another site",
       "content/pages/privacy.en.md:5:47: error: broken link '../#nowhere' (on /en/privacy/): "
       "/trust/en/ has no id 'nowhere'; expected the id of a section, control or other item on "
       "it"});
}

// ---- Certifications, documents and highlights: one fixture per error class --------------

namespace {

// expect_check() at a fixed "now" (TRUSTSITE_NOW), for what is judged by the date.
void expect_check_at(const char* now, const std::string& name, bool strict, int exit_code,
                     const std::vector<std::string>& expected) {
  trustsite::testing::ScopedEnv at("TRUSTSITE_NOW", now);
  expect_check(name, strict, exit_code, expected);
}

const std::string kNowWarning =
    "warning: TRUSTSITE_NOW is set: \"now\" is 2026-12-01T12:00:00Z, not the clock; freshness, "
    "expiry and upcoming changes are judged at that time (SPEC 2)";

}  // namespace

TEST_CASE("check: framework-status-fields (dates and report the status does not allow)") {
  expect_check(
      "framework-status-fields", false, 1,
      {"content/compliance.yaml:7:14: error: expires 2026-11-26 of framework 'iso-27001' is before "
       "its issued date 2026-11-27; expected a date after it",
       "content/compliance.yaml:8:5: error: field 'expected' of framework 'iso-27001' is only for "
       "status in_progress or planned, but the status is achieved; expected no 'expected' (use "
       "'issued' and 'expires')",
       "content/compliance.yaml:13:5: error: field 'issued' of framework 'soc-2' is only for "
       "status "
       "achieved (a certificate or report that exists), but the status is in_progress; expected "
       "no 'issued' (use 'expected' for when it is due)",
       "content/compliance.yaml:14:5: error: field 'expires' of framework 'soc-2' is only for "
       "status achieved (a certificate or report that exists), but the status is in_progress; "
       "expected no 'expires' (use 'expected' for when it is due)",
       "content/compliance.yaml:20:5: error: field 'report' of framework 'pci-dss' says who may "
       "have its report, but the status is not_applicable, so there is no report; expected no "
       "'report'"},
      environment_at("2026-12-01T12:00:00Z"));
}

TEST_CASE("check: framework-expected-format (expected that is no year, quarter, month or date)") {
  const std::string expected =
      "; expected a year, a quarter, a month or a date: YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD "
      "(e.g. 2027, 2027-Q2, 2027-06 or 2027-06-30)";
  expect_check("framework-expected-format", false, 1,
               {"content/compliance.yaml:6:15: error: field 'expected' of framework 'soc-2' is "
                "the text '2099-Q5'" +
                    expected,
                "content/compliance.yaml:11:15: error: field 'expected' of framework 'iso-27701' "
                "is the text 'Q4 2099'" +
                    expected,
                "content/compliance.yaml:16:15: error: field 'expected' of framework "
                "'cyber-essentials' is the text '2099-6'" +
                    expected});
}

TEST_CASE("check: framework-unknown-values (unknown type, status and report list the values)") {
  expect_check("framework-unknown-values", false, 1,
               {"content/compliance.yaml:4:11: error: unknown type 'audit' in framework 'soc-2'; "
                "expected one of: certification, attestation, self_assessment, regulation",
                "content/compliance.yaml:5:13: error: unknown status 'done' in framework 'soc-2'; "
                "expected one of: achieved, in_progress, planned, not_pursued, not_applicable",
                "content/compliance.yaml:6:13: error: unknown report 'nda' in framework 'soc-2'; "
                "expected one of: public, on_request, under_nda"});
}

TEST_CASE("check: framework-document (unknown document, report against its access)") {
  expect_check(
      "framework-document", false, 1,
      {"content/compliance.yaml:6:13: error: report 'public' of framework 'iso-27001' does not "
       "match the access 'on_request' of its document 'iso-certificate' "
       "(content/documents.yaml:2:5); expected the same value, or no 'report' (it is then taken "
       "from the document)",
       "content/compliance.yaml:13:15: error: document 'soc-2-reprot' of framework 'soc-2' is not "
       "in content/documents.yaml; expected the id of a listed document (did you mean "
       "'soc-2-report'?)",
       "content/compliance.yaml:18:13: error: report of framework 'gdpr' is public, but no "
       "'document' says where readers find it; expected document: <the id of a public document "
       "in content/documents.yaml>"});
}

TEST_CASE("check: framework-expired (expired, expiring and overdue entries at a fixed now)") {
  const std::vector<std::string> lines = {
      "content/compliance.yaml:7:14: warning: framework 'iso-27001' expired on 2020-02-29 (today "
      "is 2026-12-01), so the page shows it as expired, not achieved; expected the renewed "
      "certificate's or report's 'issued' and 'expires', or another status",
      "content/compliance.yaml:12:15: warning: expected 2021-Q3 of framework 'soc-2' has passed "
      "(today is 2026-12-01); expected a new date, or the status it has reached",
      "content/compliance.yaml:18:14: warning: framework 'cyber-essentials' expires on "
      "2026-12-20, in 19 days; from the day after, the page shows it as expired (expected the "
      "renewed certificate's or report's 'issued' and 'expires' by then)",
      kNowWarning};
  expect_check_at("2026-12-01T12:00:00Z", "framework-expired", false, 0, lines);
  std::vector<std::string> strict = lines;
  strict[0].replace(strict[0].find(": warning: "), 11, ": error: ");
  expect_check_at("2026-12-01T12:00:00Z", "framework-expired", true, 1, strict);
}

TEST_CASE("check: framework-mapping (a mapping used twice, a mapping no label starts with)") {
  expect_check("framework-mapping", false, 1,
               {"content/compliance.yaml:11:14: error: mapping 'SOC 2' of framework 'soc-2-type-1' "
                "is already the mapping of framework 'soc-2' at content/compliance.yaml:6:14; "
                "expected each mapping once",
                "content/compliance.yaml:16:14: warning: mapping 'ISO27001' of framework "
                "'iso-27001' is the start of no control's 'frameworks' label, so no control links "
                "to it; expected the text such labels start with (e.g. \"SOC 2\" for \"SOC 2 "
                "CC6.1\")"});
}

TEST_CASE("check: document-file-path (absolute, .., names that are no plain names, file types)") {
  expect_check(
      "document-file-path", false, 1,
      {"content/documents.yaml:5:11: error: file '/etc/passwd.txt' of document 'absolute' is an "
       "absolute path; expected a path relative to content/documents/ (e.g. report.pdf)",
       "content/documents.yaml:9:11: error: file '../site.yaml' of document 'parent' leads out of "
       "content/documents/ ('..'); expected a file inside content/documents/",
       "content/documents.yaml:13:11: error: file 'Pentest Summary.pdf' of document 'spaces' is "
       "not a plain file name (it becomes part of the file's address); expected letters, digits, "
       "'.', '_' and '-', each name starting with a letter or digit, and '/' between directory "
       "names (at most 255 bytes)",
       "content/documents.yaml:17:11: error: file 'summary.html' of document 'page' has the file "
       "type '.html', which is not published as a document; expected one of: .pdf, .txt, .md, "
       ".csv, .json, .asc, .sig, .docx, .xlsx, .pptx, .odt, .ods, .odp, .png, .jpg, .jpeg, .zip"});
}

TEST_CASE("check: document-file-missing (a file that does not exist)") {
  expect_check("document-file-missing", false, 1,
               {"content/documents.yaml:5:11: error: file 'pentest-summary-2026.pdf' of document "
                "'pentest-summary' does not exist; expected the file "
                "content/documents/pentest-summary-2026.pdf"});
}

TEST_CASE("check: document-file-link-out (links out of content/documents/ are refused unread)") {
  // Git keeps symbolic links, but copying a fixture follows them: make them here.
  TempDir dir;
  copy_tree(kInvalid / "document-file-link-out", dir / "site");
  fs::create_directories(dir / "site/content/documents");
  fs::create_symlink("../../site.yaml", dir / "site/content/documents/site-config.txt");
  fs::create_symlink("/etc/hosts", dir / "site/content/documents/hosts.txt");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  const auto report = run_build(options, read_environment());
  const std::string refused =
      " is a symbolic link to a place outside content/documents/ (it is not read); expected a "
      "file inside content/documents/";
  CHECK(
      lines_of(report, dir / "site") ==
      std::vector<std::string>{
          "content/documents.yaml:5:11: error: file 'site-config.txt' of document 'config'" +
              refused,
          "content/documents.yaml:9:11: error: file 'hosts.txt' of document 'outside'" + refused});
  CHECK(report.exit_code == 1);
}

TEST_CASE("check: document-access-fields (file and url against access, https, request)") {
  expect_check(
      "document-access-fields", false, 1,
      {"content/documents.yaml:1:10: error: request 'mailto:security@acme.example?subject=Hi' is "
       "not mailto: followed by an e-mail address; expected e.g. mailto:security@example.com "
       "(without ?subject=: the page adds a subject naming the document)",
       "content/documents.yaml:3:5: error: public document 'nothing' has neither 'file' nor "
       "'url'; expected one of them (a file under content/documents/ to publish, or an https "
       "link to it)",
       "content/documents.yaml:10:5: error: document 'both' has both 'file' and 'url'; expected "
       "exactly one of them for a public document",
       "content/documents.yaml:14:5: error: field 'file' of document 'private-file' would publish "
       "it, but its access is on_request; expected no 'file' (only public documents are "
       "published; readers request the others)",
       "content/documents.yaml:18:5: error: field 'url' of document 'private-link' would link to "
       "it, but its access is under_nda; expected no 'url' (a link would make it public; readers "
       "request access through 'request' or the security contact)",
       "content/documents.yaml:22:10: error: url 'http://acme.example/policy.pdf' of document "
       "'plain-http' is not an https URL; expected e.g. https://example.com/policy.pdf",
       "content/documents.yaml:23:15: error: language 'en_GB' of document 'plain-http' is not a "
       "language tag; expected a locale code or a language tag such as en, sv or en-GB (RFC "
       "5646)"});
}

TEST_CASE("check: document-no-request (nowhere to request a non-public document)") {
  expect_check("document-no-request", false, 1,
               {"content/documents.yaml:8:13: error: document 'dpa' is on_request, but there is "
                "nowhere to request it: content/documents.yaml has no 'request' and site.yaml has "
                "no company.security_contact; expected one of them (a mailto: address or an "
                "https form for 'request')"});
}

TEST_CASE("check: document-unpublished-file (a file in content/documents/ nobody publishes)") {
  const std::string line =
      "content/documents/old/pentest-summary-2025.pdf:1:1: warning: this file is not the 'file' of "
      "any public document in content/documents.yaml, so it is not published; expected a "
      "document with file: old/pentest-summary-2025.pdf (or remove the file)";
  expect_check("document-unpublished-file", false, 0, {line});
  std::string strict = line;
  strict.replace(strict.find(": warning: "), 11, ": error: ");
  expect_check("document-unpublished-file", true, 1, {strict});
}

TEST_CASE("check: highlight-link (links to no id, no page, or neither form)") {
  expect_check(
      "highlight-link", false, 1,
      {"content/highlights.yaml:5:11: error: link '#mfaa' of highlight 'mfa-everywhere' names no "
       "item on the Trust Center page; expected '#' and the id of a category, control, "
       "sub-processor, disclosure, framework, document, highlight or question (did you mean "
       "'#mfa'?)",
       "content/highlights.yaml:9:11: error: link 'privacy-notice' of highlight 'privacy-policy' "
       "is not a page; expected the slug of a file in content/pages/ or '#' and the id of an item "
       "on the Trust Center page",
       "content/highlights.yaml:13:11: error: link 'https://status.acme.example' of highlight "
       "'external' is neither '#<id>' of an item on the Trust Center nor a page slug; expected "
       "e.g. \"#database-encryption\" or privacy",
       "content/highlights.yaml:17:5: error: link of highlight 'unquoted' is empty (an unquoted "
       "'#' starts a YAML comment); expected a quoted \"#<id>\" or a page slug, e.g. link: "
       "\"#database-encryption\""});
}

TEST_CASE("check: empty-content-files (empty compliance, documents and highlights files)") {
  expect_check("empty-content-files", false, 1,
               {"content/compliance.yaml:1:1: error: the file is empty; expected a 'frameworks' "
                "list",
                "content/documents.yaml:1:1: error: the file is empty; expected a 'documents' "
                "list",
                "content/highlights.yaml:1:1: error: the file is empty; expected a 'highlights' "
                "list"});
}

// ---- Issue 10: company details and contacts, the disclosure programme, intro, FAQ -------------

TEST_CASE("check: company-contacts (company details and contacts)") {
  expect_check("company-contacts", false, 1,
               {"site.yaml:7:12: error: company.website 'http://acme.example' is not an https "
                "URL; expected the company's own site, e.g. https://example.com",
                "site.yaml:8:12: error: company.address is blank; expected the postal address, "
                "one line per line",
                "site.yaml:12:13: error: contact role 'legal' is listed twice (first at "
                "site.yaml:10:13); expected each role once (only role: other may repeat, each "
                "with its own label)",
                "site.yaml:16:7: error: company contact 'dpo' has both email and url; expected "
                "exactly one of them",
                "site.yaml:17:7: error: company contact 'sales' has neither email nor url; "
                "expected exactly one of them",
                "site.yaml:19:12: error: url 'http://acme.example/support' of company contact "
                "'support' is not an https URL or a mailto: address; expected e.g. "
                "https://example.com/support or mailto:support@example.com",
                "site.yaml:21:7: error: field 'label' of company contact 'press' is only for "
                "role: other; expected no label (this role is shown with its own localized "
                "name)",
                "site.yaml:23:7: error: company contact 'other' has no 'label' field; expected "
                "one (it is required)",
                "site.yaml:25:13: error: unknown role 'marketing' in company contact; expected "
                "one of: legal, abuse, dpo, sales, support, press, other",
                "site.yaml:28:14: error: field 'label' of company contact 'other' has no en "
                "text; expected one in the default locale (en), which other locales fall back "
                "to",
                "site.yaml:31:14: error: email 'abuse at acme' of company contact 'abuse' is "
                "not an e-mail address; expected name@domain (without mailto:)"});
}

TEST_CASE(
    "check: faq-errors (FAQ questions with a shared or reserved id and missing or mistyped "
    "fields)") {
  expect_check("faq-errors", false, 1,
               {"content/faq.yaml:2:9: error: duplicate id 'mfa': this question uses the id of "
                "the control at content/controls/access.yaml:4:9; expected ids unique across "
                "categories, controls, sub-processors, disclosures, frameworks, documents, "
                "highlights and questions",
                "content/faq.yaml:5:9: error: id 'faq' is reserved by the theme (it is an id "
                "on the page itself); expected another id (see docs/themes.md)",
                "content/faq.yaml:8:5: error: question 'where-is-data-stored' has no 'answer' "
                "field; expected one (it is required)",
                "content/faq.yaml:10:12: error: field 'order' of question "
                "'where-is-data-stored' is the text 'first'; expected a whole number",
                "content/faq.yaml:12:15: warning: field 'question' of question "
                "'who-can-access-data' has no sv translation; the en text is shown instead",
                "content/faq.yaml:14:5: error: unknown field 'awnser' in question "
                "'who-can-access-data'; did you mean 'answer'?",
                "warning: 1 missing sv translation in total (shown in en instead)"});
}

TEST_CASE(
    "check: intro-content (an introduction without text and with misspelt or unclosed front "
    "matter)") {
  expect_check("intro-content", false, 1,
               {"content/intro.en.md:2:1: error: unknown field 'titel' in the front matter; "
                "did you mean 'title'?",
                "content/intro.en.md:4:1: error: the introduction is empty; expected Markdown "
                "text (delete the file to show no introduction)",
                "content/intro.sv.md:1:1: error: the front matter is not closed; expected a "
                "'---' line after it"});
}

TEST_CASE("check: intro-file-names (introduction file names)") {
  expect_check("intro-file-names", false, 1,
               {"content/intro.de.md:1:1: error: introduction locale 'de' is not in "
                "site.yaml's locales; expected one of: en, sv (file names are case-sensitive)",
                "content/intro.en.markdown:1:1: error: introduction files end in .md; expected "
                "intro.en.md",
                "content/intro.md:1:1: error: introduction file name 'intro.md' has no locale; "
                "expected intro.<locale>.md, e.g. intro.en.md",
                "content/intro.sv.md:1:1: error: the introduction exists only in sv; expected "
                "intro.en.md too (the default locale's file is the fallback)"});
}

TEST_CASE(
    "check: security-txt-fields (security.txt Encryption and Acknowledgments and Hiring that are "
    "not https URLs)") {
  expect_check("security-txt-fields", false, 1,
               {"site.yaml:9:15: error: security_txt.encryption "
                "'http://acme.example/pgp-key.txt' is not an https URL; expected e.g. "
                "https://example.com/... (RFC 9116 2.5.4)",
                "site.yaml:10:20: error: security_txt.acknowledgments "
                "'ftp://acme.example/thanks' is not an https URL; expected e.g. "
                "https://example.com/... (RFC 9116 2.5.1)",
                "site.yaml:11:11: error: security_txt.hiring 'acme.example/jobs' is not an "
                "https URL; expected e.g. https://example.com/... (RFC 9116 2.5.6)"});
}

TEST_CASE(
    "check: vulnerability-disclosure-errors (the programme with acknowledgement after triage and "
    "bad bounty and out-of-scope items)") {
  expect_check("vulnerability-disclosure-errors", false, 1,
               {"site.yaml:9:3: error: vulnerability_disclosure has no 'safe_harbor' field; "
                "expected one (it is required)",
                "site.yaml:9:28: error: acknowledge_within_days (10) is later than "
                "triage_within_days (5); expected a report to be acknowledged no later than "
                "its first assessment",
                "site.yaml:12:15: error: bounty currency 'usd' is not an ISO 4217 currency "
                "code; expected three capital letters such as EUR, SEK or USD",
                "site.yaml:13:10: error: bounty min 5000 is more than max 50; expected min <= "
                "max",
                "site.yaml:16:5: error: item 3 of 'out_of_scope' in vulnerability_disclosure "
                "is empty; expected a text or a map from locale to text",
                "site.yaml:16:7: warning: field 'out_of_scope' of vulnerability_disclosure has "
                "no sv translation; the en text is shown instead",
                "site.yaml:16:31: error: locale 'de' in field 'out_of_scope' of "
                "vulnerability_disclosure is not in site.yaml's locales; expected one of: en, "
                "sv",
                "site.yaml:17:7: error: an item of 'out_of_scope' in vulnerability_disclosure "
                "is a list; expected a text or a map from locale to text",
                "warning: 1 missing sv translation in total (shown in en instead)"});
}

TEST_CASE(
    "check: vulnerability-disclosure-limits (the programme out of its limits and with nowhere to "
    "report)") {
  expect_check("vulnerability-disclosure-limits", false, 1,
               {"site.yaml:7:1: error: vulnerability_disclosure has nowhere to send reports; "
                "expected company.security_contact or security_txt.contact (the page lists "
                "them as the places to report)",
                "site.yaml:8:28: error: field 'acknowledge_within_days' of "
                "vulnerability_disclosure is 0; expected a whole number from 1 to 90",
                "site.yaml:9:23: error: field 'triage_within_days' of vulnerability_disclosure "
                "is 365; expected a whole number from 1 to 90",
                "site.yaml:10:16: error: field 'safe_harbor' of vulnerability_disclosure is "
                "the text 'yes please'; expected true or false",
                "site.yaml:11:40: error: bounty max is 0; expected a positive amount (leave "
                "out 'bounty' when no paid bounty is offered: the page then says so)",
                "site.yaml:12:17: error: field 'out_of_scope' of vulnerability_disclosure is "
                "the text 'Denial of service'; expected a list of texts (each a text or a map "
                "from locale to text)"});
}

TEST_CASE("check: yaml-question-mark-in-flow (a question mark in unquoted text inside braces)") {
  expect_check("yaml-question-mark-in-flow", false, 1,
               {"content/faq.yaml:3:44: error: YAML syntax error: a '?' in unquoted text inside "
                "{ } or [ ] cannot be read; expected the text in quotes, e.g. {en: \"Where is "
                "our data stored?\"}"});
}

// Issue 13: hostile input that is refused with a clear error.
TEST_CASE("check: date-out-of-range (dates before 1970 or after 2999)") {
  expect_check(
      "date-out-of-range", false, 1,
      {"content/compliance.yaml:6:15: error: field 'expected' of framework 'soc-2' is a number "
       "(9999), outside the dates trustsite accepts; expected a year, quarter, month or date from "
       "1970-01-01 to 2999-12-31 (leave the field out when there is none)",
       "content/compliance.yaml:12:14: error: field 'expires' of framework 'iso-27001' is the text "
       "'9999-12-31', outside the dates trustsite accepts; expected a date from 1970-01-01 to "
       "2999-12-31 (leave the field out when there is none)",
       "content/controls/access.yaml:8:14: error: field 'updated' of control 'mfa' is the text "
       "'9999-12-31', outside the dates trustsite accepts; expected a date from 1970-01-01 to "
       "2999-12-31 (leave the field out when there is none)",
       "content/controls/access.yaml:13:14: error: field 'updated' of control 'sso' is the text "
       "'1969-12-31', outside the dates trustsite accepts; expected a date from 1970-01-01 to "
       "2999-12-31 (leave the field out when there is none)",
       "site.yaml:6:10: error: updated is 3000-01-01, outside the dates trustsite accepts; "
       "expected auto, git or a date from 1970-01-01 to 2999-12-31"});
}

TEST_CASE("check: markdown-character-reference (references to forbidden characters)") {
  const std::string bidi =
      ", which stands for the bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE), "
      "which can make text display in a different order than it reads; expected text without "
      "bidirectional overrides, embeddings or isolates (use U+200E/U+200F marks if needed)";
  const std::string control =
      "; expected printable text (tab and line breaks are the only control characters allowed)";
  expect_check("markdown-character-reference", false, 1,
               {"content/compliance.yaml:6:12: error: field 'scope' of framework 'iso-27001' "
                "contains the character reference '&#x85;' at byte 13, which stands for the "
                "control character U+0085" +
                    control,
                "content/controls/access.yaml:7:18: error: field 'description' of control 'mfa' "
                "contains the character reference '&#x202E;' at byte 9" +
                    bidi,
                "content/controls/access.yaml:12:7: error: the en text of 'description' of control "
                "'sso' contains the character reference '&#7;' at byte 5, which stands for the "
                "control character U+0007" +
                    control,
                "content/documents.yaml:5:18: error: field 'description' of document 'pentest' "
                "contains the character reference '&#x1B;' at byte 8, which stands for the "
                "control character U+001B" +
                    control,
                "content/faq.yaml:4:13: error: field 'answer' of question 'where' contains the "
                "character reference '&#x2066;' at byte 13, which stands for the bidirectional "
                "control character U+2066 (LEFT-TO-RIGHT ISOLATE), which can make text display in "
                "a different order than it reads; expected text without bidirectional overrides, "
                "embeddings or isolates (use U+200E/U+200F marks if needed)",
                "content/intro.en.md:3:8: error: the introduction contains the character reference "
                "'&#x202E;'" +
                    bidi,
                "content/pages/privacy.en.md:6:11: error: the page body contains the character "
                "reference '&#27;', which stands for the control character U+001B" +
                    control});
}

TEST_CASE("check: locale-forbidden-character (a site's UI strings obey the text rules)") {
  expect_check(
      "locale-forbidden-character", false, 1,
      {"locales/en.yaml:2:16: error: UI string 'status.implemented' contains the bidirectional "
       "control character U+202E (RIGHT-TO-LEFT OVERRIDE) at byte 9, which can make text display "
       "in a different order than it reads; expected text without bidirectional overrides, "
       "embeddings or isolates (use U+200E/U+200F marks if needed)",
       "locales/en.yaml:3:12: error: UI string 'skip_link' contains the control character U+001B "
       "at byte 5; expected printable text (tab and line breaks are the only control characters "
       "allowed)"});
}

TEST_CASE("check: markdown-table-too-large (GFM tables over the cell limits)") {
  expect_check(
      "markdown-table-too-large", false, 1,
      {"content/controls/access.yaml:6:18: error: field 'description' of control 'mfa' has a "
       "table row of 101 cells; expected at most 100 columns per table (wider GFM tables take "
       "too long to render; split the table or use a list)",
       "content/pages/retention.en.md:4:1: error: the page body has tables of about 10200 cells "
       "in all; expected at most 10000 cells per text (larger GFM tables take too long to render; "
       "split the text or link to a document)"});
}

// ---- Formats and exit codes through the real binary (SPEC 7) -------------------------------

TEST_CASE(
    "check: --format json prints every diagnostic as {severity,file,line,column,message} on "
    "stdout") {
  TempDir dir;
  auto result =
      run_cli("check --format json --site " + shell_quoted(kInvalid / "invalid-date"), dir.path());
  CHECK(result.exit_code == 1);
  CHECK(result.err.empty());
  const auto json = nlohmann::json::parse(result.out);
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 2);
  CHECK(json[0] ==
        nlohmann::json{{"severity", "error"},
                       {"file", "content/controls/access.yaml"},
                       {"line", 8},
                       {"column", 14},
                       {"message",
                        "field 'updated' of control 'mfa' is the text '2026-02-30', which is "
                        "not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)"}});
  CHECK(json[1]["line"] == 13);
}

TEST_CASE("check: --format github prints workflow annotations on stdout and text on stderr") {
  TempDir dir;
  auto github = run_cli("check --format github --site " + shell_quoted(kInvalid / "unknown-field"),
                        dir.path());
  CHECK(github.exit_code == 1);
  CHECK(github.out ==
        "::error file=content/controls/access.yaml,line=3,col=3::unknown field 'colour' in "
        "category; expected one of: id, order, icon, title, summary, extra (data that only a "
        "custom theme uses goes under 'extra:')\n"
        "::error file=content/controls/access.yaml,line=8,col=5::unknown field 'framworks' in "
        "control "
        "'mfa'; did you mean 'frameworks'?\n");
  auto warnings = run_cli(
      "check --format github --site " + shell_quoted(kInvalid / "missing-translation"), dir.path());
  CHECK(warnings.exit_code == 0);  // warnings only
  CHECK(warnings.out.find("::warning file=content/controls/access.yaml,line=6,col=18::") !=
        std::string::npos);

  auto text = run_cli("check --site " + shell_quoted(kInvalid / "unknown-status"), dir.path());
  CHECK(text.exit_code == 1);
  CHECK(text.out.empty());
  CHECK(text.err ==
        "content/controls/access.yaml:7:13: error: unknown status 'done' in control 'mfa'; "
        "expected one "
        "of: implemented, in_progress, planned, not_applicable\ntrustsite: 1 error, 0 warnings\n");
}

TEST_CASE("check: exit codes 0, 1, 2 and 3 from the binary") {
  TempDir dir;
  CHECK(run_cli("check --site " + shell_quoted(kInvalid / "bom-accepted"), dir.path()).exit_code ==
        0);
  CHECK(run_cli("check --site " + shell_quoted(kInvalid / "yaml-tab"), dir.path()).exit_code == 1);
  CHECK(run_cli("check --site " + shell_quoted(dir / "no-such-site"), dir.path()).exit_code == 1);
  auto usage = run_cli("check --format xml", dir.path());
  CHECK(usage.exit_code == 2);
  CHECK(usage.err.find("--format: xml not in {text,json,github}") != std::string::npos);
  CHECK(run_cli("check --no-such-flag", dir.path()).exit_code == 2);
  // A fetch that fails with on_error: fail is 3; with a content error as well, 1 wins.
  copy_tree(kInvalid / "monitoring-fetch-fail", dir / "fetch");
  CHECK(run_cli("check --site " + shell_quoted(dir / "fetch"), dir.path()).exit_code == 3);
  copy_tree(kInvalid / "monitoring-fetch-fail-and-content-error", dir / "both");
  CHECK(run_cli("check --site " + shell_quoted(dir / "both"), dir.path()).exit_code == 1);
}

TEST_CASE("check: every problem of a run is reported, sorted by file, line and column") {
  TempDir dir;
  copy_tree(kInvalid / "bom-accepted", dir / "site");
  write_file(dir / "site/content/controls/b.yaml",
             "category:\n  title: B\ncontrols:\n  - id: x\n    title: X\n    description: D\n    "
             "status: nope\n");
  write_file(dir / "site/content/controls/a.yaml",
             "category:\n  title: A\ncontrols:\n  - id: Y\n    title: 1\n    description: D\n    "
             "status: planned\n");
  write_file(dir / "site/content/pages/terms.en.md",
             "---\ntitle: Terms\nmenu: sometimes\n---\nText\n");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  const auto report = run_build(options, trustsite::testing::test_environment());
  const auto lines = lines_of(report, dir / "site");
  INFO(joined(lines));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].rfind("content/controls/a.yaml:4:9: error: invalid id 'Y'", 0) == 0);
  CHECK(lines[1].rfind(
            "content/controls/a.yaml:5:12: error: field 'title' of control 'Y' is a number (1)",
            0) == 0);
  CHECK(lines[2].rfind("content/controls/b.yaml:7:13: error: unknown status 'nope'", 0) == 0);
  CHECK(lines[3].rfind("content/pages/terms.en.md:3:7: error: field 'menu' of the front matter",
                       0) == 0);
}

// ---- Limits -------------------------------------------------------------------------------

TEST_CASE("check: a 1 MB single-line field is refused wherever text is read") {
  TempDir dir;
  copy_tree(kInvalid / "bom-accepted", dir / "site");
  const std::string huge(1'000'000, 'x');
  write_file(
      dir / "site/content/controls/access.yaml",
      "category:\n  title: Access\ncontrols:\n  - id: mfa\n    title: MFA\n    description: " +
          huge + "\n    status: implemented\n    frameworks: [" + huge + "]\n");
  write_file(dir / "site/content/subprocessors.yaml",
             "subprocessors:\n  - id: aws\n    name: AWS\n    purpose: {en: " + huge +
                 "}\n    location: EU\n    dpa: signed\n");
  write_file(dir / "site/content/pages/privacy.en.md", "---\ntitle: " + huge + "\n---\nBody\n");
  write_file(dir / "site/content/pages/terms.en.md",
             "---\ntitle: Terms\n---\n" + std::string(2 * 1024 * 1024, 'y') + "\n");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  const auto report = run_build(options, trustsite::testing::test_environment());
  const std::vector<std::string> expected = {
      "content/controls/access.yaml:6:18: error: field 'description' of control 'mfa' is 1000000 "
      "bytes "
      "long; expected at most 262144 bytes (256 KiB) per text",
      "content/controls/access.yaml:8:18: error: an item of 'frameworks' of control 'mfa' is "
      "1000000 "
      "bytes long; expected at most 262144 bytes (256 KiB) per text",
      "content/pages/privacy.en.md:2:8: error: field 'title' of the front matter is 1000000 bytes "
      "long; "
      "expected at most 262144 bytes (256 KiB) per text",
      "content/pages/terms.en.md:4:1: error: the page body is 2097153 bytes long; expected at most "
      "1048576 bytes (1 MiB) per page",
      "content/subprocessors.yaml:4:19: error: the en text of 'purpose' of sub-processor 'aws' is "
      "1000000 bytes long; expected at most 262144 bytes (256 KiB) per text",
  };
  const auto lines = lines_of(report, dir / "site");
  INFO(joined(lines));
  CHECK(lines == expected);
  CHECK(report.exit_code == 1);
}

TEST_CASE("check: thousands of controls load without trouble") {
  TempDir dir;
  copy_tree(kInvalid / "bom-accepted", dir / "site");
  std::string yaml = "category:\n  title: Many\ncontrols:\n";
  for (int i = 0; i < 20000; ++i)
    yaml += "  - id: c" + std::to_string(i) + "\n    title: Control " + std::to_string(i) +
            "\n    description: Text **" + std::to_string(i) + "**\n    status: planned\n";
  write_file(dir / "site/content/controls/many.yaml", yaml);
  BuildOptions options;
  options.site_dir = dir / "site";
  options.write_output = false;
  const auto report = run_build(options, trustsite::testing::test_environment());
  CHECK(report.exit_code == 0);
  CHECK(report.diagnostics.empty());
  const auto home = std::find_if(report.files.begin(), report.files.end(),
                                 [](const OutputFile& f) { return f.path == "en/index.html"; });
  REQUIRE(home != report.files.end());
  CHECK(home->content.find("id=\"c19999\"") != std::string::npos);
}

// ---- Output safety ------------------------------------------------------------------------

TEST_CASE("build: refuses unsafe output directories and deletes nothing") {
  TempDir dir;
  copy_tree(kInvalid / "output-safety", dir / "work/site");
  const fs::path site = dir / "work/site";
  write_file(dir / "work/mine/notes.txt", "keep me\n");
  write_file(dir / "work/file", "a file\n");
  const auto site_before = snapshot(site);
  const auto work_before = snapshot(dir / "work");

  struct Case {
    fs::path out;
    std::string message;
  };
  const std::vector<Case> cases = {
      {site,
       "refusing to write the site to " + site.string() +
           ": it is the site directory itself; expected a directory inside it such as public/"},
      {dir / "work",
       "refusing to write the site to " + (dir / "work").string() +
           ": it contains the site directory; expected a directory that does not hold "
           "your content, such as <site>/public"},
      {dir / "work/mine",
       "refusing to write the site to " + (dir / "work/mine").string() +
           ": it is not empty and trustsite did not create it (no .trustsite-output "
           "marker); expected an empty directory, a new path, or a previous trustsite output"},
      {dir / "work/file",
       "refusing to write the site to " + (dir / "work/file").string() +
           ": it exists and is not a directory; expected a directory or a new path"},
      {dir / "work/file/public", "refusing to write the site to " +
                                     (dir / "work/file/public").string() +
                                     ": cannot create its parent directory (Not a directory)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.out);
    BuildOptions options;
    options.site_dir = site;
    options.out_dir = c.out;
    const auto report = run_build(options, trustsite::testing::test_environment());
    CHECK(report.exit_code == 1);
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].message == c.message);
    CHECK(snapshot(dir / "work") == work_before);
  }
  CHECK(snapshot(site) == site_before);
  // The binary says the same and that nothing changed.
  auto result =
      run_cli("build --site " + shell_quoted(site) + " --out " + shell_quoted(dir / "work/mine"),
              dir.path());
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("was not changed") != std::string::npos);
  CHECK(read_file(dir / "work/mine/notes.txt") == "keep me\n");
}

// ---- Hostile content ----------------------------------------------------------------------

namespace {

struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The start tags of `html` with their attributes (enough of HTML5 tokenizing to check the
// generator's output: comments skipped, quoted and unquoted attribute values).
std::vector<Tag> start_tags(const std::string& html) {
  std::vector<Tag> tags;
  std::size_t i = 0;
  const std::size_t n = html.size();
  auto space = [&](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) break;
      continue;
    }
    ++i;
    if (i >= n || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
    Tag tag;
    while (i < n && !space(html[i]) && html[i] != '>' && html[i] != '/') tag.name += html[i++];
    tag.name = lower(tag.name);
    while (i < n && html[i] != '>') {
      while (i < n && (space(html[i]) || html[i] == '/')) ++i;
      std::string name;
      while (i < n && !space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/')
        name += html[i++];
      std::string value;
      while (i < n && space(html[i])) ++i;
      if (i < n && html[i] == '=') {
        ++i;
        while (i < n && space(html[i])) ++i;
        if (i < n && (html[i] == '"' || html[i] == '\'')) {
          const char quote = html[i++];
          while (i < n && html[i] != quote) value += html[i++];
          ++i;
        } else {
          while (i < n && !space(html[i]) && html[i] != '>') value += html[i++];
        }
      }
      if (!name.empty()) tag.attributes.emplace_back(lower(name), value);
    }
    tags.push_back(std::move(tag));
  }
  return tags;
}

}  // namespace

TEST_CASE("build: hostile content never becomes markup, scripts or script links") {
  TempDir dir;
  copy_tree(kInvalid / "hostile-markup", dir / "site");
  BuildOptions options;
  options.site_dir = dir / "site";
  options.out_dir = dir / "out";
  const auto report = run_build(options, trustsite::testing::test_environment());
  INFO(joined(lines_of(report, dir / "site")));
  REQUIRE(report.exit_code == 0);
  int pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "out")) {
    if (entry.path().extension() != ".html") continue;
    ++pages;
    const std::string html = read_file(entry.path());
    CAPTURE(entry.path());
    CHECK(lower(html).find("<script") == std::string::npos);
    for (const auto& tag : start_tags(html)) {
      CAPTURE(tag.name);
      CHECK(tag.name != "script");
      CHECK(tag.name != "iframe");
      CHECK(tag.name != "object");
      CHECK(tag.name != "embed");
      for (const auto& [name, value] : tag.attributes) {
        CAPTURE(name);
        CAPTURE(value);
        CHECK(name.rfind("on", 0) != 0);
        if (name == "href" || name == "src" || name == "action" || name == "formaction") {
          std::string scheme = lower(value);
          scheme.erase(0, scheme.find_first_not_of(" \t\n"));
          CHECK(scheme.rfind("javascript:", 0) != 0);
          CHECK(scheme.rfind("vbscript:", 0) != 0);
          CHECK(scheme.rfind("data:", 0) != 0);
        }
      }
    }
    // The page structure survives: one document, one main landmark.
    auto count = [&](const std::string& needle) {
      int c = 0;
      for (std::size_t at = html.find(needle); at != std::string::npos;
           at = html.find(needle, at + 1))
        ++c;
      return c;
    };
    CHECK(count("</html>") == 1);
    CHECK(count("</body>") == 1);
  }
  CHECK(pages >= 3);
  // The hostile text is still shown, as text.
  const std::string home = read_file(dir / "out/en/index.html");
  CHECK(home.find("&quot;&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;") !=
        std::string::npos);
  const std::string privacy = read_file(dir / "out/en/privacy/index.html");
  CHECK(privacy.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

// ---- Schemas and loaders agree ------------------------------------------------------------

namespace {

// schemas/<name>.schema.json of the source tree, parsed; fails the test when it is missing.
nlohmann::json load_schema(const std::string& name) {
  const fs::path file =
      fs::path(TRUSTSITE_TESTS_DIR).parent_path() / "schemas" / (name + ".schema.json");
  const std::string text = read_file(file);
  REQUIRE_MESSAGE(!text.empty(), name);
  return nlohmann::json::parse(text);
}

// The property names of an object schema.
std::set<std::string> keys(const nlohmann::json& object_schema) {
  std::set<std::string> names;
  for (const auto& [key, value] : object_schema.at("properties").items()) names.insert(key);
  return names;
}

std::set<std::string> set_of(const std::vector<std::string>& names) {
  return std::set<std::string>(names.begin(), names.end());
}

}  // namespace

TEST_CASE("schemas: every field the loaders know is in schemas/, and every schema field is known") {
  auto load = [](const std::string& name) { return load_schema(name); };
  auto enum_of = [](const nlohmann::json& property) {
    return property.at("enum").get<std::set<std::string>>();
  };

  const ContentFields& content = content_fields();
  const auto controls = load("controls");
  CHECK(keys(controls) == set_of(content.controls_file));
  CHECK(keys(controls["definitions"]["category"]) == set_of(content.category));
  CHECK(keys(controls["definitions"]["control"]) == set_of(content.control));
  const auto subprocessors = load("subprocessors");
  CHECK(keys(subprocessors) == set_of(content.subprocessors_file));
  CHECK(keys(subprocessors["definitions"]["subprocessor"]) == set_of(content.subprocessor));
  CHECK(keys(subprocessors["definitions"]["change"]) == set_of(content.change));
  const auto ai = load("ai");
  CHECK(keys(ai) == set_of(content.ai_file));
  CHECK(keys(ai["definitions"]["disclosure"]) == set_of(content.disclosure));
  const auto compliance = load("compliance");
  CHECK(keys(compliance) == set_of(content.compliance_file));
  CHECK(keys(compliance["definitions"]["framework"]) == set_of(content.framework));
  const auto documents = load("documents");
  CHECK(keys(documents) == set_of(content.documents_file));
  CHECK(keys(documents["definitions"]["document"]) == set_of(content.document));
  const auto highlights = load("highlights");
  CHECK(keys(highlights) == set_of(content.highlights_file));
  CHECK(keys(highlights["definitions"]["highlight"]) == set_of(content.highlight));
  const ConfigFields& config = config_fields();
  const auto site = load("site");
  CHECK(keys(site) == set_of(config.site));
  CHECK(keys(site["definitions"]["company"]) == set_of(config.company));
  CHECK(keys(site["definitions"]["security_txt"]) == set_of(config.security_txt));
  CHECK(keys(site["definitions"]["monitoring"]) == set_of(config.monitoring));
  CHECK(keys(site["definitions"]["contact"]) == set_of(config.contact));
  CHECK(keys(site["definitions"]["vulnerability_disclosure"]) ==
        set_of(config.vulnerability_disclosure));
  CHECK(keys(site["definitions"]["bounty"]) == set_of(config.bounty));
  CHECK(enum_of(site["definitions"]["contact"]["properties"]["role"]) ==
        set_of(kContactRoles.names()));
  const auto faq = load("faq");
  CHECK(keys(faq) == set_of(content.faq_file));
  CHECK(keys(faq["definitions"]["question"]) == set_of(content.question));

  // The closed value sets are the loaders' own.
  std::set<std::string> statuses, dpa, change_types;
  for (Status s :
       {Status::implemented, Status::in_progress, Status::planned, Status::not_applicable})
    statuses.insert(to_string(s));
  for (DpaStatus d : {DpaStatus::signed_, DpaStatus::in_progress, DpaStatus::not_required})
    dpa.insert(to_string(d));
  for (ChangeType t : {ChangeType::added, ChangeType::removed, ChangeType::updated})
    change_types.insert(to_string(t));
  CHECK(enum_of(controls["definitions"]["control"]["properties"]["status"]) == statuses);
  CHECK(enum_of(ai["definitions"]["disclosure"]["properties"]["status"]) == statuses);
  CHECK(enum_of(subprocessors["definitions"]["subprocessor"]["properties"]["dpa"]) == dpa);
  CHECK(enum_of(subprocessors["definitions"]["change"]["properties"]["type"]) == change_types);
  const auto vocabulary = [](const std::vector<std::string>& names) {
    return std::set<std::string>(names.begin(), names.end());
  };
  const nlohmann::json& framework = compliance["definitions"]["framework"]["properties"];
  CHECK(enum_of(framework["type"]) == vocabulary(kFrameworkTypes.names()));
  CHECK(enum_of(framework["status"]) == vocabulary(kFrameworkStatuses.names()));
  CHECK(enum_of(framework["report"]) == vocabulary(kAccessLevels.names()));
  CHECK(enum_of(documents["definitions"]["document"]["properties"]["access"]) ==
        vocabulary(kAccessLevels.names()));

  // Every field carries a description, for editor tooltips.
  for (const auto* schema :
       {&controls, &subprocessors, &ai, &site, &compliance, &documents, &highlights, &faq}) {
    for (const auto& [name, property] : (*schema)["properties"].items())
      CHECK_MESSAGE((property.contains("description") || property.contains("$ref")), name);
    for (const auto& [definition, body] : (*schema)["definitions"].items()) {
      if (!body.contains("properties")) continue;
      for (const auto& [name, property] : body["properties"].items()) {
        const std::string where = std::string(definition) + "." + name;
        const bool described = property.contains("description");
        CHECK_MESSAGE(described, where);
      }
    }
  }
}

// The schemas of page and introduction front matter, theme.yaml and a site's locales/<code>.yaml
// (SPEC 7 "Editor support"; docs/editors.md).
TEST_CASE("schemas: front matter, theme.yaml and UI strings files agree with their loaders") {
  const fs::path source = fs::path(TRUSTSITE_TESTS_DIR).parent_path();
  auto load = [](const std::string& name) { return load_schema(name); };
  const auto front_matter = load("front-matter");
  CHECK(keys(front_matter) == set_of(content_fields().front_matter));
  CHECK(front_matter["required"] == nlohmann::json{"title"});
  const auto intro = load("intro-front-matter");
  CHECK(keys(intro) == set_of(content_fields().intro_front_matter));
  CHECK_FALSE(intro.contains("required"));
  const auto theme = load("theme");
  CHECK(keys(theme) == set_of(theme_fields()));
  for (const auto* schema : {&front_matter, &intro, &theme}) {
    CHECK((*schema)["additionalProperties"] == false);
    for (const auto& [name, property] : (*schema)["properties"].items())
      CHECK_MESSAGE(property.contains("description"), name);
  }

  // locale.schema.json has exactly the keys of trustsite's own UI strings (nested maps of
  // texts), plus `extra` at the top; `node tests/schema/locale-schema.mjs` regenerates it.
  const auto locale = load("locale");
  std::function<void(const YAML::Node&, const nlohmann::json&, const std::string&)> same =
      [&](const YAML::Node& strings, const nlohmann::json& schema, const std::string& prefix) {
        INFO("UI strings '" << prefix << "': run node tests/schema/locale-schema.mjs");
        REQUIRE(schema.contains("properties"));
        CHECK(schema["additionalProperties"] == false);
        std::set<std::string> names;
        for (const auto& entry : strings) {
          const std::string key = entry.first.Scalar();
          names.insert(key);
          const std::string dotted = prefix.empty() ? key : prefix + "." + key;
          CHECK_MESSAGE(schema["properties"].contains(key), dotted);
          if (!schema["properties"].contains(key)) continue;
          const nlohmann::json& property = schema["properties"][key];
          CHECK_MESSAGE(property.contains("description"), dotted);
          if (entry.second.IsMap())
            same(entry.second, property, dotted);
          else
            CHECK_MESSAGE(property["type"] == "string", dotted);
        }
        if (prefix.empty()) names.insert("extra");
        CHECK(keys(schema) == names);
      };
  for (const char* code : {"en", "sv"}) {
    const YAML::Node strings =
        YAML::Load(read_file(source / "locales" / (std::string(code) + ".yaml")));
    same(strings, locale, "");
  }
  CHECK(locale["properties"]["extra"]["type"] == "object");
}
