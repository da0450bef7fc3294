// trust.json ("trustsite/v1"): content, order and omissions. The JSON Schema check of the
// example site's trust.json is the web_schema test (tests/web, Ajv).
#include "trust_json.h"

#include <doctest/doctest.h>

#include "controls_view.h"
#include "environment.h"
#include "file_system.h"
#include "locales.h"
#include "output_fixture.h"

using namespace trustsite;
using namespace trustsite::testing;
using ojson = nlohmann::ordered_json;

namespace {

std::vector<std::string> keys(const ojson& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

MonitoringResult live_mfa(bool stale) {
  MonitoringResult live;
  live.configured = live.have_data = true;
  LiveStatus item;
  item.id = "mfa-check";
  item.status = stale ? "unknown" : "passing";
  item.reported_status = "passing";
  item.stale = stale;
  item.checked_at = "2026-11-20T08:15:00Z";
  item.detail = "12/12 accounts";
  live.items["mfa-check"] = item;
  return live;
}

}  // namespace

TEST_CASE("trust.json: top-level members in the documented order") {
  const ojson doc = make_trust_json(output_config(), output_content(), ymd(2026, 3, 14));
  CHECK(keys(doc) == std::vector<std::string>{"schema", "site", "stamp", "categories",
                                              "subprocessors", "subprocessor_changes",
                                              "ai_disclosures", "pages"});
  CHECK(doc["schema"] == "trustsite/v1");
  CHECK(doc["stamp"] == "2026-03-14");
  const ojson& site = doc["site"];
  CHECK(keys(site) == std::vector<std::string>{"title", "base_url", "default_locale", "locales",
                                               "company", "urls", "feeds", "security_txt"});
  CHECK(site["title"]["sv"] == "Acme Trygghetscenter");
  CHECK(site["base_url"] == "https://acme.example/trust/");
  CHECK(site["locales"] == ojson::array({"en", "sv"}));
  CHECK(site["urls"]["sv"] == "https://acme.example/trust/sv/");
  CHECK(site["feeds"]["en"] == "https://acme.example/trust/en/subprocessors.atom");
  CHECK(site["security_txt"] == "https://acme.example/trust/.well-known/security.txt");
  CHECK_FALSE(site["company"].contains("privacy_contact"));  // empty: left out
}

TEST_CASE("trust.json: controls with every translation, status, frameworks, live fields") {
  const MonitoringResult live = live_mfa(false);
  const ojson doc = make_trust_json(output_config(), output_content(&live), ymd(2026, 3, 14));
  const ojson& category = doc["categories"][0];
  CHECK(category["id"] == "access");
  CHECK(category["urls"]["sv"] == "https://acme.example/trust/sv/#access");
  const ojson& mfa = category["controls"][0];
  CHECK(keys(mfa) == std::vector<std::string>{"id", "title", "description", "status", "frameworks",
                                              "updated", "monitor", "live", "urls"});
  CHECK(mfa["title"]["en"] == "Multi-factor authentication");
  CHECK(mfa["title"]["sv"] == "Tvåfaktorsautentisering");
  CHECK(keys(mfa["description"]) == std::vector<std::string>{"en"});  // no fallback filled in
  CHECK(mfa["status"] == "implemented");
  CHECK(mfa["frameworks"] == ojson::array({"SOC 2 CC6.1", "ISO 27001 A.5.17"}));
  CHECK(mfa["updated"] == "2026-03-14");
  CHECK(mfa["live"]["status"] == "passing");
  CHECK(mfa["live"]["checked_at"] == "2026-11-20T08:15:00Z");
  CHECK(mfa["live"]["detail"] == "12/12 accounts");
  CHECK(mfa["live"]["stale"] == false);
  CHECK_FALSE(mfa["live"].contains("reported_status"));
  CHECK(mfa["urls"]["en"] == "https://acme.example/trust/en/#mfa");

  const ojson& keys_control = category["controls"][1];
  CHECK_FALSE(keys_control.contains("live"));
  CHECK_FALSE(keys_control.contains("updated"));
  CHECK_FALSE(keys_control.contains("description"));
  CHECK(keys_control["frameworks"] == ojson::array());

  const MonitoringResult stale_data = live_mfa(true);
  const ojson stale =
      make_trust_json(output_config(), output_content(&stale_data), ymd(2026, 3, 14));
  const ojson& stale_live = stale["categories"][0]["controls"][0]["live"];
  CHECK(stale_live["status"] == "unknown");
  CHECK(stale_live["stale"] == true);
  CHECK(stale_live["reported_status"] == "passing");
}

TEST_CASE("trust.json: sub-processors, changes, disclosures, pages") {
  const ojson doc = make_trust_json(output_config(), output_content(), ymd(2026, 3, 14));
  CHECK(doc["subprocessors"][0]["dpa"] == "signed");
  CHECK(doc["subprocessors"][0]["since"] == "2024-01-10");
  CHECK(doc["subprocessors"][0]["website"] == "https://aws.amazon.com");
  const ojson& changes = doc["subprocessor_changes"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["date"] == "2026-02-01");
  CHECK(changes[0]["type"] == "added");
  CHECK(changes[0]["name"] == "Amazon Web Services");
  CHECK(changes[0]["listed"] == true);
  CHECK(changes[1]["name"] == "Old Mail Ltd");
  CHECK(changes[1]["listed"] == false);
  CHECK(changes[1]["note"]["sv"] == "Används inte längre.");
  const ojson& disclosure = doc["ai_disclosures"][0];
  CHECK(disclosure["provider"] == "aws");
  CHECK(disclosure["opt_in"] == true);
  CHECK(disclosure["used_for_training"] == false);
  CHECK(disclosure["status"] == "in_progress");

  const ojson& pages = doc["pages"];
  REQUIRE(pages.size() == 2);
  CHECK(pages[0]["slug"] == "responsible-disclosure");
  CHECK(pages[0]["locales"]["sv"]["title"] == "Ansvarsfullt avslöjande");
  CHECK(pages[0]["locales"]["sv"]["translated"] == true);
  CHECK(pages[0]["locales"]["sv"]["updated"] == "2026-01-07");
  CHECK(pages[0]["locales"]["sv"]["url"] ==
        "https://acme.example/trust/sv/responsible-disclosure/");
  const ojson& untranslated = pages[1]["locales"]["sv"];
  CHECK(untranslated["translated"] == false);
  CHECK(untranslated["lang"] == "en");
  CHECK(untranslated["title"] == "Incident response");
  CHECK(untranslated["url"] == "https://acme.example/trust/sv/incident-response/");
}

TEST_CASE("trust.json: no sub-processors or AI file -> no such members, and stable text") {
  Content content = output_content();
  content.subprocessors = {};
  content.disclosures = {};
  SiteConfig config = output_config();
  config.security_txt.reset();
  const ojson doc = make_trust_json(config, content, ymd(2026, 3, 14));
  CHECK_FALSE(doc.contains("subprocessors"));
  CHECK_FALSE(doc.contains("subprocessor_changes"));
  CHECK_FALSE(doc.contains("ai_disclosures"));
  CHECK_FALSE(doc["site"].contains("feeds"));
  CHECK_FALSE(doc["site"].contains("security_txt"));

  const std::string text = render_trust_json(config, content, ymd(2026, 3, 14));
  CHECK(text.rfind("{\n  \"schema\": \"trustsite/v1\",\n  \"site\": {", 0) == 0);
  CHECK(text.back() == '\n');
  CHECK(text.find("Åtkomst") != std::string::npos);  // UTF-8 kept, not \u-escaped
  CHECK(text == render_trust_json(config, content, ymd(2026, 3, 14)));
}

TEST_CASE("trust.json: live data without a believable check time has no checked_at") {
  // Issue 13: a cache or local file "from the future" leaves items unknown and without a time.
  MonitoringResult live = live_mfa(true);
  live.items["mfa-check"].checked_at.clear();
  live.items["mfa-check"].checked_at_unix = 0;
  const ojson doc = make_trust_json(output_config(), output_content(&live), ymd(2026, 3, 14));
  const ojson& item = doc["categories"][0]["controls"][0]["live"];
  CHECK(item["status"] == "unknown");
  CHECK(item["stale"] == true);
  CHECK_FALSE(item.contains("checked_at"));
}

TEST_CASE(
    "live badge: an item without a believable check time reads no current result and shows no "
    "time") {
  // The page's side of the case above: what controls_view gives the live-badge template.
  SiteConfig config = output_config();
  config.data_dir = read_environment().data_dir;
  DiagnosticSink sink;
  const UiStrings strings = UiStrings::load(config, DiskFileSystem({config.data_dir}), sink);
  REQUIRE(sink.sorted().empty());
  Content content;
  MonitoringResult live = live_mfa(true);
  LiveStatus& item = live.items["mfa-check"];
  item.checked_at.clear();
  item.checked_at_unix = 0;
  const SiteModel model{config, content, strings, live, ymd(2026, 12, 1), {}, ""};
  const nlohmann::json badge = live_view(make_locale_view(model, "en"), item);
  CHECK(badge == nlohmann::json{{"status", "unknown"},
                                {"label", "no current result"},
                                {"stale", true},
                                {"detail", "12/12 accounts"}});
}
