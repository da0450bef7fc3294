// security.txt per RFC 9116.
#include "security_txt.h"

#include <doctest/doctest.h>

#include "output_fixture.h"
#include "validate.h"

using namespace trustsite;
using namespace trustsite::testing;

TEST_CASE("security.txt: Contact, Expires, Preferred-Languages, Policy, Canonical") {
  DiagnosticSink sink;
  const auto text = render_security_txt(output_config(), ymd(2026, 10, 29));
  validate_outputs(output_config(), output_content(), ymd(2026, 10, 29), ymd(2026, 11, 21), sink);
  REQUIRE(text);
  CHECK(*text ==
        "# Security contact information for Acme & Co AB (RFC 9116), written by trustsite\n"
        "Contact: mailto:security@acme.example\n"
        "Contact: https://acme.example/security\n"
        "Expires: 2027-10-29T00:00:00Z\n"
        "Preferred-Languages: en, sv\n"
        "Policy: https://acme.example/trust/en/responsible-disclosure/\n"
        "Canonical: https://acme.example/trust/.well-known/security.txt\n");
  CHECK(sink.sorted().empty());
}

TEST_CASE("security.txt: Expires counts days across a leap day, no policy page means no Policy") {
  SiteConfig config = output_config();
  config.security_txt->expires_after_days = 30;
  config.security_txt->policy_page.clear();
  config.security_txt->preferred_languages.clear();
  DiagnosticSink sink;
  const auto text = render_security_txt(config, ymd(2028, 2, 15));
  REQUIRE(text);
  CHECK(text->find("Expires: 2028-03-16T00:00:00Z\n") != std::string::npos);
  CHECK(text->find("Policy:") == std::string::npos);
  CHECK(text->find("Preferred-Languages:") == std::string::npos);
}

TEST_CASE("security.txt: an Expires already past at build time is a warning") {
  SiteConfig config = output_config();
  config.security_txt->expires_after_days = 10;
  DiagnosticSink sink;
  CHECK(render_security_txt(config, ymd(2026, 1, 1)));
  validate_outputs(config, output_content(), ymd(2026, 1, 1), ymd(2026, 3, 1), sink);
  const auto diagnostics = sink.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::warning);
  CHECK(diagnostics[0].message.find("2026-01-11T00:00:00Z") != std::string::npos);
}

TEST_CASE("security.txt: no section -> no file, and a warning when a disclosure page exists") {
  SiteConfig config = output_config();
  config.security_txt.reset();
  DiagnosticSink sink;
  CHECK_FALSE(render_security_txt(config, ymd(2026, 1, 1)));
  validate_outputs(config, output_content(), ymd(2026, 1, 1), ymd(2026, 1, 1), sink);
  auto diagnostics = sink.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::warning);
  CHECK(diagnostics[0].location.file == "content/pages/x.en.md");
  CHECK(diagnostics[0].message.find("responsible-disclosure") != std::string::npos);
  CHECK(diagnostics[0].message.find("security_txt") != std::string::npos);

  Content without = output_content();
  without.pages.erase(without.pages.begin());  // only incident-response left
  DiagnosticSink quiet;
  validate_outputs(config, without, ymd(2026, 1, 1), ymd(2026, 1, 1), quiet);
  CHECK(quiet.sorted().empty());

  CHECK(is_disclosure_page_slug("security"));
  CHECK(is_disclosure_page_slug("vulnerability-disclosure"));
  CHECK_FALSE(is_disclosure_page_slug("privacy"));
}

TEST_CASE("security.txt: a line break in the company name cannot add a field") {
  SiteConfig config = output_config();
  config.company.name = "Evil\nContact: mailto:attacker@evil.example\r\nCo";
  DiagnosticSink sink;
  const auto text = render_security_txt(config, ymd(2026, 10, 29));
  REQUIRE(text);
  CHECK(text->find("\nContact: mailto:attacker") == std::string::npos);
  CHECK(text->rfind(
            "# Security contact information for Evil Contact: mailto:attacker@evil.example  Co",
            0) == 0);
}

TEST_CASE("security.txt: Encryption after Contact, Acknowledgments and Hiring after Policy") {
  SiteConfig config = output_config();
  config.security_txt->encryption = "https://acme.example/pgp-key.txt";
  config.security_txt->acknowledgments = "https://acme.example/hall-of-fame";
  config.security_txt->hiring = "https://acme.example/jobs";
  const auto text = render_security_txt(config, ymd(2026, 10, 29));
  REQUIRE(text);
  // RFC 9116 sections 2.5.4, 2.5.1, 2.5.6; Contact, Encryption, Policy and Acknowledgments in
  // the order of the RFC's examples (sections 2.6 and 2.7).
  CHECK(*text ==
        "# Security contact information for Acme & Co AB (RFC 9116), written by trustsite\n"
        "Contact: mailto:security@acme.example\n"
        "Contact: https://acme.example/security\n"
        "Encryption: https://acme.example/pgp-key.txt\n"
        "Expires: 2027-10-29T00:00:00Z\n"
        "Preferred-Languages: en, sv\n"
        "Policy: https://acme.example/trust/en/responsible-disclosure/\n"
        "Acknowledgments: https://acme.example/hall-of-fame\n"
        "Hiring: https://acme.example/jobs\n"
        "Canonical: https://acme.example/trust/.well-known/security.txt\n");
}
