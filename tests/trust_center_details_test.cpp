// Issue 10 end to end: the fixture site tests/fixtures/sites/details (company details and
// contacts, the vulnerability disclosure programme, security.txt's Encryption, Acknowledgments
// and Hiring, an English-only introduction, an FAQ) built with the default theme and the
// shipped UI strings, asserting on the HTML, security.txt and trust.json it writes.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "build.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::diagnostics_text;
using trustsite::testing::element_with_id;
using trustsite::testing::has;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kDetails = fs::path(TRUSTSITE_TESTS_DIR) / "fixtures" / "sites" / "details";
const std::string kNbsp = "\u00A0";

// The fixture built once for every test case of this file.
struct Built {
  TempDir dir;
  BuildReport report;

  Built() {
    copy_tree(kDetails, dir / "site");
    BuildOptions options;
    options.site_dir = dir / "site";
    options.out_dir = dir / "out";
    report = run_build(options, read_environment());
  }
  std::string page(const std::string& path) const { return read_file(dir / "out" / path); }
};

const Built& built() {
  static const Built site;
  return site;
}

// The text of the <dd> that follows <dt>`label`</dt> (the programme's facts).
std::string fact(const std::string& html, const std::string& label) {
  const std::string dt = "<dt>" + label + "</dt>";
  const std::size_t at = html.find(dt);
  if (at == std::string::npos) return "(no " + label + ")";
  const std::size_t open = html.find("<dd>", at + dt.size());
  const std::size_t close = html.find("</dd>", open);
  if (open == std::string::npos || close == std::string::npos) return "(no dd)";
  return html.substr(open + 4, close - open - 4);
}

}  // namespace

TEST_CASE("details: the fixture builds and warns only about its four missing translations") {
  const Built& site = built();
  INFO(diagnostics_text(site.report.diagnostics));
  REQUIRE(site.report.exit_code == 0);
  std::vector<std::string> lines;
  for (const auto& d : site.report.diagnostics) lines.push_back(format_text(d));
  CHECK(lines ==
        std::vector<std::string>{
            "content/faq.yaml:9:13: warning: field 'answer' of question 'do-you-train-ai' has no "
            "sv translation; the en text is shown instead",
            "content/intro.en.md:1:1: warning: the introduction has no sv translation "
            "(intro.sv.md); the en text is shown with a not-translated notice",
            "site.yaml:25:14: warning: field 'label' of company contact 'other' has no sv "
            "translation; the en text is shown instead",
            "site.yaml:40:7: warning: field 'out_of_scope' of vulnerability_disclosure has no sv "
            "translation; the en text is shown instead",
            "warning: 4 missing sv translations in total (shown in en instead)"});
}

TEST_CASE("details: the header links to the programme and back to the company website") {
  const Built& site = built();
  const std::string en = site.page("en/index.html");
  CHECK(has(en,
            "<a class=\"site-header__report\" href=\"#vulnerability-disclosure\">Report a "
            "vulnerability</a>"));
  CHECK(has(en, "<a class=\"site-header__website\" href=\"https://acme.example\">acme.example"));
  // On a policy page the link goes to the programme on this locale's Trust Center.
  const std::string policy = site.page("sv/security-policy/index.html");
  CHECK(has(policy,
            "<a class=\"site-header__report\" href=\"../../sv/#vulnerability-disclosure\">"
            "Rapportera en sårbarhet</a>"));
  CHECK(has(policy, "href=\"https://acme.example\""));
}

TEST_CASE("details: the programme section lists contacts, commitments, safe harbour and bounty") {
  const Built& site = built();
  const std::string en = element_with_id(site.page("en/index.html"), "vulnerability-disclosure");
  REQUIRE_FALSE(en.empty());
  CHECK(has(en, "<h2 class=\"section__title\">Report a vulnerability</h2>"));
  CHECK(has(en, "<li><a href=\"mailto:security@acme.example\">security@acme.example</a></li>"));
  CHECK(has(en, "<li><a href=\"tel:+46-8-123-456-78\">+46-8-123-456-78</a></li>"));
  // One business day is singular; ten plural.
  CHECK(fact(en, "Acknowledgement") == "Within 1 working day");
  CHECK(fact(en, "First assessment") == "Within 10 working days");
  CHECK(has(en, "<dd>Good-faith research that follows our policy is authorised.</dd>"));
  CHECK(fact(en, "Bounty") == "100–12,500" + kNbsp + "EUR");
  CHECK(fact(en, "Safe harbour") == "Good-faith research that follows our policy is authorised.");
  CHECK(has(en, "<a href=\"https://acme.example/pgp-key.txt\">acme.example/pgp-key.txt</a>"));
  CHECK(has(en, "<a href=\"https://acme.example/thanks\">acme.example/thanks</a>"));
  CHECK(has(en, "<li>Denial-of-service testing</li>"));
  CHECK(has(en, "Read the full policy: <a href=\"../en/security-policy/\">Security policy</a>"));

  const std::string sv = element_with_id(site.page("sv/index.html"), "vulnerability-disclosure");
  CHECK(fact(sv, "Mottagningsbekräftelse") == "Inom 1 arbetsdag");
  CHECK(fact(sv, "Första bedömning") == "Inom 10 arbetsdagar");
  CHECK(fact(sv, "Ersättning") == "100–12" + kNbsp + "500" + kNbsp + "EUR");
  CHECK(has(sv, "<li>Överbelastningstester</li>"));
  // The untranslated item, and only that one, is marked as English.
  CHECK(has(sv,
            "<li lang=\"en\">Physical attacks <span class=\"lang-marker\" lang=\"sv\">På "
            "engelska</span></li>"));
  CHECK(has(sv, "<a href=\"../sv/security-policy/\">Säkerhetspolicy</a>"));

  // Reached from the first screen (the header's "Report a vulnerability"); the section itself
  // follows the documents, before the FAQ, in the page and in the contents (issue 14).
  const std::string page = site.page("en/index.html");
  const auto programme = page.find("id=\"vulnerability-disclosure\"");
  CHECK(page.find("<a class=\"site-header__report\" href=\"#vulnerability-disclosure\">") <
        page.find("class=\"intro\""));
  CHECK(page.find("id=\"status-legend\"") < programme);
  CHECK(programme < page.find("id=\"faq\""));
  const std::string toc = page.substr(page.find("<nav class=\"toc\""));
  CHECK(toc.find("href=\"#vulnerability-disclosure\"") < toc.find("href=\"#faq\""));
}

TEST_CASE("details: contacts carry role labels, the address is an <address>, and the company") {
  const Built& site = built();
  const std::string en = element_with_id(site.page("en/index.html"), "contact");
  REQUIRE_FALSE(en.empty());
  CHECK(has(en,
            "<span class=\"contacts__label\">Security</span><a "
            "href=\"mailto:security@acme.example\">security@acme.example</a>"));
  CHECK(has(en,
            "<span class=\"contacts__label\">Legal</span><a "
            "href=\"mailto:legal@acme.example\">legal@acme.example</a>"));
  CHECK(has(en,
            "<span class=\"contacts__label\">Customer support</span><a "
            "href=\"https://acme.example/support\">acme.example/support</a>"));
  CHECK(has(en,
            "<span class=\"contacts__label\">Accessibility</span><a "
            "href=\"mailto:a11y@acme.example\">a11y@acme.example</a>"));
  CHECK(has(en,
            "<address class=\"contacts__address\">Acme Software AB<br>Drottninggatan 1<br>"
            "111 51 Stockholm<br>Sweden</address>"));
  CHECK(has(en,
            "<dt class=\"contacts__label\">Registration number</dt>\n          "
            "<dd>556677-8899</dd>"));

  const std::string sv = element_with_id(site.page("sv/index.html"), "contact");
  CHECK(has(sv, "<span class=\"contacts__label\">Juridiska frågor</span>"));
  CHECK(has(sv, "<span class=\"contacts__label\">Kundtjänst</span>"));
  CHECK(has(sv, "<span class=\"contacts__label\">Tillgänglighet</span>"));
  // A label without a Swedish text falls back to English, marked as such.
  CHECK(has(sv, "<span class=\"contacts__label\" lang=\"en\">Whistleblowing</span>"));
  CHECK(has(sv, "<dt class=\"contacts__label\">Organisationsnummer</dt>"));
  CHECK(has(sv, "<dt class=\"contacts__label\">Postadress</dt>"));
  // The contact section is in every page's footer, policy pages included.
  CHECK(has(site.page("en/security-policy/index.html"), "<address class=\"contacts__address\">"));
}

TEST_CASE("details: the introduction is at the top, and falls back to English with a notice") {
  const Built& site = built();
  const std::string en = site.page("en/index.html");
  CHECK(has(en, "<h2 class=\"intro__title section__title\">Our approach</h2>"));
  // The text's own "##" heading comes below the introduction's h2.
  CHECK(has(en, "<h3>How we work</h3>"));
  CHECK(has(en, "<strong>payroll software</strong>"));
  CHECK_FALSE(has(en, "class=\"notice\""));
  CHECK(en.find("class=\"layout__content\"") < en.find("class=\"intro\""));

  const std::string sv = site.page("sv/index.html");
  CHECK(has(sv,
            "<p class=\"notice\"><span class=\"notice__icon\" aria-hidden=\"true\"></span>Den "
            "här introduktionen finns ännu inte på svenska, så den visas på engelska.</p>"));
  CHECK(has(sv, "<h2 class=\"intro__title section__title\" lang=\"en\">Our approach</h2>"));
  CHECK(has(sv, "<div class=\"intro__body prose\" lang=\"en\">"));
}

TEST_CASE("details: FAQ questions in order and each deep link opens its answer") {
  const Built& site = built();
  const std::string en = site.page("en/index.html");
  const std::string faq = element_with_id(en, "faq");
  REQUIRE_FALSE(faq.empty());
  CHECK(has(faq, "<h2 class=\"section__title\">Frequently asked questions</h2>"));
  // No order (0) first, then 10, then 20.
  const auto report = faq.find("id=\"how-to-report\"");
  const auto train = faq.find("id=\"do-you-train-ai\"");
  const auto stored = faq.find("id=\"where-is-data-stored\"");
  CHECK(report < train);
  CHECK(train < stored);
  CHECK(stored != std::string::npos);
  // One <details> per question; the id on the answer inside it, so #<id> opens it.
  const std::string stored_item = element_with_id(en, "where-is-data-stored");
  CHECK(has(stored_item,
            "<div id=\"where-is-data-stored\" class=\"control__body faq__answer prose\">"));
  CHECK(has(stored_item, "<p>In the <strong>EU</strong>, see <a href=\"#mfa\">MFA</a>.</p>"));
  CHECK(has(en.substr(0, en.find("id=\"where-is-data-stored\"")),
            "<h3 class=\"control__title faq__question\">Where is our data stored?</h3>"));
  CHECK(has(faq, "<details class=\"control faq__item\">"));
  // Raw HTML in an answer is dropped (safe mode).
  CHECK_FALSE(has(faq, "<script"));
  CHECK(has(en, "<li><a href=\"#faq\">Frequently asked questions</a></li>"));

  const std::string sv_page = site.page("sv/index.html");
  CHECK(has(sv_page.substr(0, sv_page.find("id=\"do-you-train-ai\"")),
            "<h3 class=\"control__title faq__question\">Tränar Acme AI på våra uppgifter?</h3>"));
  CHECK(has(element_with_id(sv_page, "do-you-train-ai"),
            "<div id=\"do-you-train-ai\" class=\"control__body faq__answer prose\" lang=\"en\">"));
}

TEST_CASE("details: every page keeps unique ids and the theme's reserved ids") {
  const Built& site = built();
  const std::regex id_attribute(" id=\"([^\"]*)\"");
  for (const char* path : {"en/index.html", "sv/index.html", "en/security-policy/index.html"}) {
    CAPTURE(path);
    const std::string html = site.page(path);
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attribute);
         it != std::sregex_iterator(); ++it)
      CHECK_MESSAGE(ids.insert((*it)[1]).second, "duplicate id " << (*it)[1]);
  }
}

TEST_CASE("details: security.txt gains Encryption, Acknowledgments and Hiring") {
  const std::string text = built().page(".well-known/security.txt");
  CHECK(text ==
        "# Security contact information for Acme (RFC 9116), written by trustsite\n"
        "Contact: mailto:security@acme.example\n"
        "Contact: tel:+46-8-123-456-78\n"
        "Encryption: https://acme.example/pgp-key.txt\n"
        "Expires: 2027-11-02T00:00:00Z\n"
        "Policy: https://trust.acme.example/en/security-policy/\n"
        "Acknowledgments: https://acme.example/thanks\n"
        "Hiring: https://acme.example/jobs\n"
        "Canonical: https://trust.acme.example/.well-known/security.txt\n");
}

TEST_CASE("details: trust.json carries the company, contacts, programme, introduction and FAQ") {
  const auto doc = nlohmann::json::parse(built().page("trust.json"));
  const auto& company = doc["site"]["company"];
  CHECK(company["legal_name"] == "Acme Software AB");
  CHECK(company["registration_number"] == "556677-8899");
  CHECK(company["website"] == "https://acme.example");
  CHECK(company["address"] == "Drottninggatan 1\n111 51 Stockholm\nSweden");
  REQUIRE(company["contacts"].size() == 4);
  CHECK(company["contacts"][0] ==
        nlohmann::json{{"role", "legal"}, {"email", "legal@acme.example"}});
  CHECK(company["contacts"][2] ==
        nlohmann::json{{"role", "other"},
                       {"label", {{"en", "Accessibility"}, {"sv", "Tillgänglighet"}}},
                       {"url", "mailto:a11y@acme.example"}});
  CHECK(company["contacts"][3]["label"] == nlohmann::json{{"en", "Whistleblowing"}});

  const auto& programme = doc["vulnerability_disclosure"];
  CHECK(programme["contacts"] ==
        nlohmann::json{"mailto:security@acme.example", "tel:+46-8-123-456-78"});
  CHECK(programme["acknowledge_within_days"] == 1);
  CHECK(programme["triage_within_days"] == 10);
  CHECK(programme["safe_harbor"] == true);
  CHECK(programme["bounty"] == nlohmann::json{{"currency", "EUR"}, {"min", 100}, {"max", 12500}});
  CHECK(programme["out_of_scope"][1] == nlohmann::json{{"en", "Physical attacks"}});
  CHECK(programme["encryption"] == "https://acme.example/pgp-key.txt");
  CHECK(programme["policy"]["sv"] == "https://trust.acme.example/sv/security-policy/");

  CHECK(doc["intro"]["title"] == nlohmann::json{{"en", "Our approach"}});
  CHECK_FALSE(doc["intro"]["body"].contains("sv"));

  REQUIRE(doc["faq"].size() == 3);
  CHECK(doc["faq"][0]["id"] == "how-to-report");
  CHECK_FALSE(doc["faq"][0].contains("order"));
  CHECK(doc["faq"][2]["order"] == 20);
  CHECK(doc["faq"][1]["answer"] == nlohmann::json{{"en", "No. <script>alert(1)</script>"}});
  CHECK(doc["faq"][2]["urls"]["sv"] == "https://trust.acme.example/sv/#where-is-data-stored");
  // Members in the documented order (docs/trust-json.md).
  std::vector<std::string> keys;
  const auto ordered = nlohmann::ordered_json::parse(built().page("trust.json"));
  for (const auto& [key, value] : ordered.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"schema", "site", "stamp", "intro",
                                         "vulnerability_disclosure", "categories", "faq", "pages"});
}
