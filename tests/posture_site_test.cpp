// The fixture site tests/fixtures/sites/posture (a small hotel-booking company, English and
// Swedish): certifications of every status, a document library and highlights, built at a fixed
// "now" (TRUSTSITE_NOW) and asserted on the files it writes (SPEC 3, 4, 5).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "assets.h"
#include "build.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::element_with_id;
using trustsite::testing::has;
using trustsite::testing::read_file;
using trustsite::testing::ScopedEnv;
using trustsite::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kPosture = fs::path(TRUSTSITE_TESTS_DIR) / "fixtures" / "sites" / "posture";

// The compact row (<details>) whose body carries `id`: summary (name, status) and body.
std::string row(const std::string& html, const std::string& id) {
  const std::size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return {};
  const std::size_t open = html.rfind("<details", at);
  const std::size_t close = html.find("</details>", at);
  if (open == std::string::npos || close == std::string::npos) return {};
  return html.substr(open, close + 10 - open);
}

struct Built {
  TempDir dir;
  BuildReport report;
  std::string text;  // the diagnostics
  fs::path out() const { return dir / "site/public"; }
  std::string file(const std::string& path) const { return read_file(out() / path); }
};

std::unique_ptr<Built> build(const char* now, bool strict = false) {
  auto built = std::make_unique<Built>();
  copy_tree(kPosture, built->dir / "site");
  ScopedEnv at("TRUSTSITE_NOW", now);
  BuildOptions options;
  options.site_dir = built->dir / "site";
  options.strict = strict;
  built->report = run_build(options, read_environment());
  for (const auto& d : built->report.diagnostics) built->text += format_text(d) + "\n";
  return built;
}

}  // namespace

TEST_CASE("posture site: builds at a fixed now and reports the expired attestation") {
  auto site = build("2026-12-01T09:00:00Z");
  INFO(site->text);
  REQUIRE(site->report.exit_code == 0);
  CHECK(site->text ==
        "content/compliance.yaml:21:14: warning: framework 'soc-2-type-1' expired on 2026-06-30 "
        "(today is 2026-12-01), so the page shows it as expired, not achieved; expected the "
        "renewed certificate's or report's 'issued' and 'expires', or another status\n"
        "warning: TRUSTSITE_NOW is set: \"now\" is 2026-12-01T09:00:00Z, not the clock; "
        "freshness, expiry and upcoming changes are judged at that time (SPEC 2)\n");
  // --strict: the expired entry fails the build, and the output is not written.
  auto strict = build("2026-12-01T09:00:00Z", true);
  CHECK(strict->report.exit_code == 1);
  CHECK_FALSE(fs::exists(strict->out()));
  // Before its expiry, the same entry is simply achieved; 30 days before, a warning.
  auto earlier = build("2026-06-10T00:00:00Z");
  CHECK(earlier->report.exit_code == 0);
  CHECK(has(earlier->text, "framework 'soc-2-type-1' expires on 2026-06-30, in 20 days"));
  CHECK(has(element_with_id(earlier->file("en/index.html"), "soc-2-type-1"),
            "data-status=\"achieved\""));
}

TEST_CASE("posture site: certifications and highlights at the top, every status in words") {
  auto site = build("2026-12-01T09:00:00Z");
  REQUIRE(site->report.exit_code == 0);
  const std::string en = site->file("en/index.html");
  const std::string sv = site->file("sv/index.html");

  // Right after the title, before the legend and the first category.
  const auto hero = en.find("class=\"hero\"");
  const auto glance = en.find("<section class=\"glance\"");
  REQUIRE(glance != std::string::npos);
  CHECK(hero < glance);
  CHECK(glance < en.find("id=\"status-legend\""));
  CHECK(glance < en.find("<nav class=\"toc\""));

  // Every framework's entry with its shown status.
  const std::vector<std::pair<std::string, std::string>> statuses = {
      {"iso-27001", "achieved"},
      {"soc-2-type-1", "expired"},
      {"soc-2-type-2", "in_progress"},
      {"cyber-essentials", "planned"},
      {"pci-dss", "not_applicable"},
      {"hipaa", "not_pursued"},
      {"gdpr", "achieved"}};
  for (const auto& [id, status] : statuses) {
    CAPTURE(id);
    const std::string article = row(en, id);
    REQUIRE_FALSE(article.empty());
    CHECK(article.rfind("<details class=\"control framework status-" + status + "\">", 0) == 0);
    CHECK(has(article,
              "<div id=\"" + id + "\" class=\"control__body\" data-status=\"" + status + "\">"));
  }
  CHECK(has(row(en, "iso-27001"), "Certified</span>"));
  CHECK(has(row(en, "gdpr"), "Compliant</span>"));
  CHECK(has(row(en, "soc-2-type-1"), "Expired</span>"));
  CHECK_FALSE(has(row(en, "soc-2-type-1"), "Report available"));
  CHECK(has(row(sv, "soc-2-type-1"), "Har gått ut</span>"));
  CHECK(has(row(sv, "iso-27001"), "Certifierad</span>"));
  CHECK(has(row(sv, "gdpr"), "Efterlevs</span>"));
  CHECK(has(row(sv, "hipaa"), "Eftersträvas inte</span>"));
  CHECK(has(row(en, "iso-27001"), "<dd><time datetime=\"2028-03-09\">2028-03-09</time></dd>"));
  CHECK(has(row(en, "iso-27001"), "<dd>Example Certifiering AB</dd>"));
  CHECK(has(row(en, "iso-27001"), "<strong>Östersund</strong>"));
  CHECK(has(row(en, "iso-27001"), "<a href=\"#iso-certificate\">ISO/IEC 27001 certificate</a>"));
  // The compact entries at the top: status, the one date line, who may have the report.
  CHECK(has(en, "Expected Q2 2027"));
  CHECK(has(sv, "Väntas andra kvartalet 2027"));
  CHECK(has(sv, "Väntas <time datetime=\"2027-09\">september 2027</time>"));
  CHECK(has(en, "Valid until <time datetime=\"2028-03-09\">2028-03-09</time>"));
  CHECK(has(en, "Expired on <time datetime=\"2026-06-30\">2026-06-30</time>"));
  CHECK(has(en, "Report: Under NDA (once issued)"));
  CHECK(has(sv, "Rapport: Under sekretessavtal (när den är klar)"));
  CHECK(has(en, "Certificate: On request"));

  // Highlights: ids, links to an item and to a page in the same locale.
  CHECK(has(element_with_id(en, "data-in-sweden"),
            "<a href=\"#staff-mfa\">Sweden only (Stockholm)</a>"));
  CHECK(has(element_with_id(sv, "privacy-notice"),
            "<a href=\"../sv/privacy/\">Så behandlar vi dem</a>"));
  CHECK(has(element_with_id(sv, "no-ai-training"), "<dd class=\"highlight__value\">Aldrig</dd>"));

  // Framework labels on controls: "Mapped to", linked only where a mapping matches.
  const std::string mfa = row(en, "staff-mfa");
  CHECK(has(mfa, "Mapped to:"));
  CHECK(has(mfa, "<a href=\"#iso-27001\">ISO 27001 A.8.5</a>"));
  CHECK(has(mfa, "<a href=\"#soc-2-type-1\">SOC 2 CC6.1</a>"));
  CHECK(has(mfa, "<span class=\"frameworks__item\">NIS2 Art. 21</span>"));
  CHECK(has(row(en, "access-reviews"), "<span class=\"frameworks__item\">SOC 22 draft</span>"));
  CHECK(has(row(sv, "staff-mfa"), "Kopplad till:"));

  // Both sections in the table of contents.
  CHECK(has(en, "<li><a href=\"#compliance\">Certifications and compliance</a></li>"));
  CHECK(has(sv, "<li><a href=\"#documents\">Dokument</a></li>"));

  // The stamp takes the document's `updated` (2026-10-02), never an expiry (2028-03-09).
  CHECK(has(en, "<span class=\"stamp\">Updated <time datetime=\"2026-10-02\">"));
}

TEST_CASE("posture site: the document library publishes, links and asks for access") {
  auto site = build("2026-12-01T09:00:00Z");
  REQUIRE(site->report.exit_code == 0);
  const std::string source = read_file(kPosture / "content/documents/pentest-summary-2026.txt");
  const std::string sha = hex_encode(sha256(source));
  const std::string published = "documents/pentest-summary-2026." + sha.substr(0, 10) + ".txt";
  REQUIRE(fs::exists(site->out() / published));
  CHECK(site->file(published) == source);  // byte for byte
  CHECK_FALSE(fs::exists(site->out() / "documents/pentest-summary-2026.txt"));

  const std::string en = site->file("en/index.html");
  const std::string sv = site->file("sv/index.html");
  const std::string pentest = element_with_id(en, "pentest-summary-2026");
  CHECK(pentest.rfind("<article id=\"pentest-summary-2026\" class=\"document access-public\" "
                      "data-status=\"public\">",
                      0) == 0);
  CHECK(has(pentest, "<a class=\"document__button\" href=\"../" + published +
                         "\" type=\"text/plain\" hreflang=\"en\">Download"));
  CHECK(has(pentest, "TXT, " + std::to_string(source.size()) + " bytes"));
  CHECK(has(pentest, "<code class=\"checksum__value\">" + sha + "</code>"));
  CHECK(has(element_with_id(sv, "pentest-summary-2026"), "Språk: engelska"));

  const std::string policy = element_with_id(en, "security-policy");
  CHECK(has(policy,
            "href=\"https://fjallgard.example/security-policy\" rel=\"noopener noreferrer\""
            " hreflang=\"sv\">Open"));
  CHECK(has(policy, "data-status=\"public\""));

  // Non-public: the site's request form, as it is; never a file.
  const std::string certificate = element_with_id(sv, "iso-certificate");
  CHECK(has(certificate, "data-status=\"on_request\""));
  CHECK(has(certificate,
            "<a class=\"document__button document__button--request\" "
            "href=\"https://fjallgard.example/request-access\">Begär åtkomst"));
  CHECK(has(certificate, "På begäran</p>"));
  CHECK(has(element_with_id(en, "soc-2-report"), "data-status=\"under_nda\""));
  CHECK(has(element_with_id(en, "soc-2-report"), "Under NDA</p>"));

  // trust.json: frameworks, documents with the file's SHA-256 and size, highlights.
  const auto trust = nlohmann::json::parse(site->file("trust.json"));
  const auto& frameworks = trust["frameworks"];
  REQUIRE(frameworks.size() == 7);
  CHECK(frameworks[1]["id"] == "soc-2-type-1");
  CHECK(frameworks[1]["status"] == "expired");
  CHECK(frameworks[2]["expected"] == "2027-Q2");
  CHECK(frameworks[0]["document"] == "iso-certificate");
  CHECK(frameworks[0]["report"] == "on_request");
  const auto& documents = trust["documents"];
  REQUIRE(documents.size() == 4);
  CHECK(documents[0]["file"] ==
        nlohmann::json{{"url", "https://trust.fjallgard.example/" + published},
                       {"media_type", "text/plain"},
                       {"size", source.size()},
                       {"sha256", sha}});
  CHECK(documents[1]["url"] == "https://fjallgard.example/security-policy");
  CHECK(documents[2]["request"] == "https://fjallgard.example/request-access");
  CHECK_FALSE(documents[2].contains("file"));
  CHECK(trust["highlights"][1]["link"]["sv"] == "https://trust.fjallgard.example/sv/privacy/");
  CHECK(trust["highlights"][0]["link"]["en"] == "https://trust.fjallgard.example/en/#staff-mfa");
  CHECK(trust["stamp"] == "2026-10-02");

  // _headers: fingerprinted documents are immutable and served with their type.
  const std::string headers = site->file("_headers");
  CHECK(has(headers, "\n/documents/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
  CHECK(has(headers, "\n/" + published + "\n  Content-Type: text/plain; charset=utf-8\n"));
  // The sitemap lists pages only.
  CHECK_FALSE(has(site->file("sitemap.xml"), "documents/"));
}
