// content/compliance.yaml: the loader (generator/frameworks.cpp), the expiry judged at "now" and
// the mappings resolved by validation (generator/validate.cpp), the view (frameworks_view.cpp)
// and the default theme's rendering of every status, expired included.
#include "frameworks.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "frameworks_view.h"
#include "mustache.h"
#include "output_fixture.h"
#include "stamp.h"
#include "validate.h"
#include "view_model.h"

using namespace trustsite;
using namespace trustsite::testing;
using nlohmann::json;

namespace {

struct Loaded {
  FrameworkList list;
  std::vector<std::string> messages;
};

// Loads `yaml` as content/compliance.yaml of an en/sv site held in memory.
Loaded load(const std::string& yaml) {
  SiteConfig config = output_config();
  config.site_dir = "/site";
  MemoryFileSystem files;
  files.add("/site/content/compliance.yaml", yaml);
  DiagnosticSink sink;
  MissingTranslations missing;
  Loaded loaded;
  loaded.list = load_frameworks(LoadContext{config, files, sink, missing});
  for (const auto& diagnostic : sink.sorted()) loaded.messages.push_back(format_text(diagnostic));
  return loaded;
}

Framework achieved(const std::string& id, FrameworkType type, std::optional<Date> expires) {
  Framework framework;
  framework.id = id;
  framework.name = id;
  framework.type = type;
  framework.status = FrameworkStatus::achieved;
  framework.issued = ymd(2024, 1, 1);
  framework.expires = expires;
  framework.expires_location = {"content/compliance.yaml", 7, 14};
  return framework;
}

std::vector<std::string> judged(FrameworkList& list, const Date& today, bool strict = false) {
  DiagnosticSink sink(strict);
  judge_framework_dates(list, today, sink);
  std::vector<std::string> out;
  for (const auto& diagnostic : sink.sorted()) out.push_back(format_text(diagnostic));
  return out;
}

UiStrings strings() {
  json en = {
      {"framework",
       {{"type",
         {{"certification", "Certification"},
          {"attestation", "Attestation report"},
          {"self_assessment", "Self-assessment"},
          {"regulation", "Regulation"}}},
        {"status",
         {{"in_progress", "In progress"},
          {"planned", "Planned"},
          {"not_pursued", "Not pursued"},
          {"not_applicable", "Not applicable"},
          {"expired", "Expired"}}},
        {"achieved",
         {{"certification", "Certified"},
          {"attestation", "Report available"},
          {"self_assessment", "Self-assessed"},
          {"regulation", "Compliant"}}},
        {"valid_until", "Valid until"},
        {"expired_on", "Expired on"},
        {"since", "Since"},
        {"expected", "Expected"},
        {"certificate", "Certificate"},
        {"report", "Report"},
        {"certificate_pending", "once issued"},
        {"report_pending", "once issued"}}},
      {"access", {{"public", "Public"}, {"on_request", "On request"}, {"under_nda", "Under NDA"}}},
      {"date", {{"quarter", {{"2", "Q2 {year}"}}}, {"month", {{"6", "June {year}"}}}}},
      {"control", {{"mapped_to", "Mapped to"}, {"status", "Status"}}},
  };
  json sv = en;
  sv["framework"]["achieved"]["certification"] = "Certifierad";
  sv["framework"]["achieved"]["regulation"] = "Efterlevs";
  sv["framework"]["status"]["expired"] = "Har gått ut";
  sv["framework"]["expired_on"] = "Gick ut";
  sv["date"]["quarter"]["2"] = "andra kvartalet {year}";
  sv["date"]["month"]["6"] = "juni {year}";
  return UiStrings::from_tables({{"en", en}, {"sv", sv}});
}

const json& by_id(const json& list, const std::string& id) {
  for (const auto& item : list)
    if (item.value("id", "") == id) return item;
  FAIL("no item " << id);
  static const json none;
  return none;
}

// One framework of every status (and type for achieved), judged at 2026-12-01.
Content posture() {
  Content content;
  Category access;
  access.id = "access";
  access.title = en_sv("Access", "Åtkomst");
  Control mfa;
  mfa.id = "mfa";
  mfa.title = en_sv("MFA", "MFA");
  mfa.frameworks = {"ISO 27001 A.8.5", "SOC 2 CC6.1", "SOC 22 draft", "ISO 27001:2022 A.5.17"};
  access.controls.push_back(mfa);
  content.categories.push_back(access);

  content.frameworks.present = true;
  Framework iso = achieved("iso-27001", FrameworkType::certification, ymd(2029, 11, 26));
  iso.name = "ISO/IEC 27001:2022";
  iso.report = Access::on_request;
  iso.mapping = "ISO 27001";
  Framework iso_2022 = achieved("iso-2022", FrameworkType::certification, std::nullopt);
  iso_2022.mapping = "ISO 27001:2022";  // longer than "ISO 27001": wins for its labels
  Framework soc1 = achieved("soc-2-type-1", FrameworkType::attestation, ymd(2026, 6, 30));
  soc1.mapping = "SOC 2";
  soc1.report = Access::under_nda;
  Framework soc2;
  soc2.id = "soc-2-type-2";
  soc2.name = "SOC 2 Type II";
  soc2.type = FrameworkType::attestation;
  soc2.status = FrameworkStatus::in_progress;
  soc2.expected = parse_partial_date("2027-Q2");
  soc2.report = Access::under_nda;
  Framework saq;
  saq.id = "cyber-essentials";
  saq.name = "Cyber Essentials";
  saq.type = FrameworkType::self_assessment;
  saq.status = FrameworkStatus::planned;
  saq.expected = parse_partial_date("2027-06");
  Framework pci;
  pci.id = "pci-dss";
  pci.name = "PCI DSS";
  pci.type = FrameworkType::self_assessment;
  pci.status = FrameworkStatus::not_applicable;
  Framework hipaa;
  hipaa.id = "hipaa";
  hipaa.name = "HIPAA";
  hipaa.type = FrameworkType::regulation;
  hipaa.status = FrameworkStatus::not_pursued;
  Framework gdpr = achieved("gdpr", FrameworkType::regulation, std::nullopt);
  gdpr.issued.reset();
  content.frameworks.items = {iso, iso_2022, soc1, soc2, saq, pci, hipaa, gdpr};
  DiagnosticSink sink;
  validate_content(output_config(), content, Theme{}, MonitoringResult{}, ymd(2026, 12, 1), sink);
  judge_framework_dates(content.frameworks, ymd(2026, 12, 1), sink);
  return content;
}

struct Site {
  SiteConfig config = output_config();
  Content content = posture();
  UiStrings ui = strings();
  MonitoringResult live;
  std::vector<PagePlan> pages = plan_pages(
      SiteModel{config, content, ui, live, ymd(2026, 11, 27), {}, kDefaultContentSecurityPolicy});

  const json& home(const std::string& locale) const {
    for (const auto& page : pages)
      if (page.output_path == locale + "/index.html") return page.context;
    FAIL("no home page");
    static const json none;
    return none;
  }
};

}  // namespace

TEST_CASE("compliance.yaml: every field is read, expected accepts a year, quarter, month or day") {
  const auto loaded = load(
      "frameworks:\n"
      "  - id: soc-2\n"
      "    name: SOC 2 Type II\n"
      "    type: attestation\n"
      "    status: in_progress\n"
      "    scope: {en: \"Security **and** availability\", sv: \"Säkerhet och tillgänglighet\"}\n"
      "    issuer: Example Assurance LLP\n"
      "    expected: 2027-Q2\n"
      "    report: under_nda\n"
      "    document: soc-2-report\n"
      "    note: {en: Note, sv: Anteckning}\n"
      "    mapping: SOC 2\n"
      "  - {id: a, name: A, type: certification, status: planned, expected: 2027}\n"
      "  - {id: b, name: B, type: certification, status: planned, expected: 2027-06}\n"
      "  - {id: c, name: C, type: certification, status: planned, expected: 2027-06-30}\n"
      "  - {id: d, name: D, type: regulation, status: achieved, issued: 2025-01-01, expires: "
      "2027-12-31}\n");
  CHECK(loaded.messages.empty());
  REQUIRE(loaded.list.items.size() == 5);
  const Framework& soc = loaded.list.items[0];
  CHECK(soc.name == "SOC 2 Type II");
  CHECK(soc.type == FrameworkType::attestation);
  CHECK(soc.status == FrameworkStatus::in_progress);
  CHECK(soc.scope.by_locale.at("en") == "Security **and** availability");
  CHECK(soc.issuer == "Example Assurance LLP");
  REQUIRE(soc.expected);
  CHECK(format_partial_date(*soc.expected) == "2027-Q2");
  CHECK(soc.report == Access::under_nda);
  CHECK(soc.document == "soc-2-report");
  CHECK(soc.mapping == "SOC 2");
  CHECK(format_partial_date(*loaded.list.items[1].expected) == "2027");
  CHECK(format_partial_date(*loaded.list.items[2].expected) == "2027-06");
  CHECK(format_partial_date(*loaded.list.items[3].expected) == "2027-06-30");
  CHECK(loaded.list.items[4].expires == ymd(2027, 12, 31));
}

TEST_CASE("compliance.yaml: expiry is judged at now, valid through the expires day") {
  FrameworkList list;
  list.present = true;
  list.items = {achieved("iso-27001", FrameworkType::certification, ymd(2026, 12, 31))};

  CHECK(judged(list, ymd(2026, 11, 30)).empty());  // 31 days ahead: nothing yet
  CHECK_FALSE(list.items[0].expired);
  CHECK(judged(list, ymd(2026, 12, 1)) ==
        std::vector<std::string>{
            "content/compliance.yaml:7:14: warning: framework 'iso-27001' expires on 2026-12-31, "
            "in 30 days; from the day after, the page shows it as expired (expected the renewed "
            "certificate's or report's 'issued' and 'expires' by then)"});
  CHECK_FALSE(list.items[0].expired);
  CHECK(judged(list, ymd(2026, 12, 31), true).size() == 1);  // the last valid day: a warning
  CHECK_FALSE(list.items[0].expired);
  CHECK(list.items[0].shown_status() == "achieved");

  const auto messages = judged(list, ymd(2027, 1, 1));
  CHECK(list.items[0].expired);
  CHECK(list.items[0].shown_status() == "expired");
  CHECK(messages == std::vector<std::string>{
                        "content/compliance.yaml:7:14: warning: framework 'iso-27001' expired on "
                        "2026-12-31 (today is 2027-01-01), so the page shows it as expired, not "
                        "achieved; expected the renewed certificate's or report's 'issued' and "
                        "'expires', or another status"});
  // --strict: expired is an error, expiring soon stays a warning.
  CHECK(judged(list, ymd(2027, 1, 1), true)[0].find(": error: framework 'iso-27001' expired") !=
        std::string::npos);
  CHECK(judged(list, ymd(2026, 12, 20), true)[0].find(": warning: ") != std::string::npos);

  // Judging again at an earlier now clears it (the flag is a function of now only).
  judged(list, ymd(2026, 1, 1));
  CHECK_FALSE(list.items[0].expired);

  // Only achieved entries expire.
  list.items[0].status = FrameworkStatus::in_progress;
  CHECK(judged(list, ymd(2030, 1, 1)).empty());
  CHECK_FALSE(list.items[0].expired);
}

TEST_CASE("compliance.yaml: mappings link labels to frameworks, never by a bare prefix") {
  const Content content = posture();
  const Control& mfa = content.categories[0].controls[0];
  REQUIRE(mfa.framework_refs.size() == 4);
  REQUIRE(mfa.framework_refs[0] != nullptr);
  CHECK(mfa.framework_refs[0]->id == "iso-27001");  // "ISO 27001 A.8.5"
  REQUIRE(mfa.framework_refs[1] != nullptr);
  CHECK(mfa.framework_refs[1]->id == "soc-2-type-1");  // "SOC 2 CC6.1"
  CHECK(mfa.framework_refs[2] == nullptr);             // "SOC 22 draft" is not SOC 2
  REQUIRE(mfa.framework_refs[3] != nullptr);
  CHECK(mfa.framework_refs[3]->id == "iso-2022");  // the longest mapping wins
}

TEST_CASE("frameworks view: every status, with the achieved label by type and expired") {
  Site site;
  const json& en = site.home("en");
  CHECK(en["has_compliance"] == true);
  CHECK(en["has_glance"] == true);
  const json& list = en["compliance"]["frameworks"];
  REQUIRE(list.size() == 8);
  // File order.
  CHECK(list[0]["id"] == "iso-27001");
  CHECK(list[7]["id"] == "gdpr");

  const json& iso = by_id(list, "iso-27001");
  CHECK(iso["status"] == "achieved");
  CHECK(iso["status_label"] == "Certified");
  CHECK(iso["type_label"] == "Certification");
  CHECK(iso["href"] == "#iso-27001");
  CHECK(iso["when"] ==
        json{{"label", "Valid until"}, {"text", "2029-11-26"}, {"datetime", "2029-11-26"}});
  CHECK(iso["report"] == json{{"access", "on_request"},
                              {"heading", "Certificate"},
                              {"label", "On request"},
                              {"pending", false}});

  // Achieved, but past its expiry at now (2026-12-01): never shown as achieved.
  const json& soc1 = by_id(list, "soc-2-type-1");
  CHECK(soc1["status"] == "expired");
  CHECK(soc1["declared_status"] == "achieved");
  CHECK(soc1["expired"] == true);
  CHECK(soc1["status_label"] == "Expired");
  CHECK(soc1["when"]["label"] == "Expired on");
  CHECK(soc1["expires"]["label"] == "Expired on");
  CHECK(soc1["report"]["heading"] == "Report");

  const json& soc2 = by_id(list, "soc-2-type-2");
  CHECK(soc2["status"] == "in_progress");
  CHECK(soc2["status_label"] == "In progress");
  CHECK(soc2["when"] == json{{"label", "Expected"}, {"text", "Q2 2027"}});  // no <time> form
  CHECK(soc2["expected"] == json{{"text", "Q2 2027"}, {"value", "2027-Q2"}});
  CHECK(soc2["report"]["pending"] == true);
  CHECK(soc2["report"]["pending_note"] == "once issued");

  const json& saq = by_id(list, "cyber-essentials");
  CHECK(saq["status"] == "planned");
  CHECK(saq["status_label"] == "Planned");
  CHECK(saq["expected"]["datetime"] == "2027-06");
  CHECK(saq["when"]["text"] == "June 2027");
  CHECK_FALSE(saq.contains("report"));

  CHECK(by_id(list, "pci-dss")["status_label"] == "Not applicable");
  CHECK_FALSE(by_id(list, "pci-dss").contains("when"));
  CHECK(by_id(list, "hipaa")["status"] == "not_pursued");
  CHECK(by_id(list, "hipaa")["status_label"] == "Not pursued");
  CHECK(by_id(list, "gdpr")["status_label"] == "Compliant");
  CHECK_FALSE(by_id(list, "gdpr").contains("when"));
  CHECK(by_id(list, "iso-2022")["when"] ==
        json{{"label", "Since"}, {"text", "2024-01-01"}, {"datetime", "2024-01-01"}});

  const json& sv = site.home("sv")["compliance"]["frameworks"];
  CHECK(by_id(sv, "iso-27001")["status_label"] == "Certifierad");
  CHECK(by_id(sv, "gdpr")["status_label"] == "Efterlevs");
  CHECK(by_id(sv, "soc-2-type-1")["status_label"] == "Har gått ut");
  CHECK(by_id(sv, "soc-2-type-2")["when"]["text"] == "andra kvartalet 2027");

  // The control's labels as "mapped to" references.
  const json& mappings = en["categories"][0]["controls"][0]["mappings"];
  CHECK(mappings[0] == json{{"label", "ISO 27001 A.8.5"},
                            {"linked", true},
                            {"framework_href", "#iso-27001"},
                            {"framework_name", "ISO/IEC 27001:2022"}});
  CHECK(mappings[2] == json{{"label", "SOC 22 draft"}, {"linked", false}});
}

TEST_CASE("frameworks: the default theme shows every status as text, expired never as achieved") {
  Site site;
  const auto templates =
      std::filesystem::path(TRUSTSITE_TESTS_DIR) / ".." / "themes" / "default" / "templates";
  mustache::TemplateLibrary library(mustache::directory_loader({{templates, "templates"}}),
                                    mustache::TemplateLibrary::MissingPartial::throw_error);
  std::string html;
  for (const auto& page : site.pages)
    if (page.output_path == "en/index.html") html = library.render("home", page.context);
  REQUIRE_FALSE(html.empty());
  auto has = [&](const std::string& needle) { return html.find(needle) != std::string::npos; };
  CHECK(
      has("<article id=\"iso-27001\" class=\"framework status-achieved\" "
          "data-status=\"achieved\">"));
  CHECK(
      has("<article id=\"soc-2-type-1\" class=\"framework status-expired\" "
          "data-status=\"expired\">"));
  const auto expired_at = html.find("<article id=\"soc-2-type-1\"");
  const std::string expired =
      html.substr(expired_at, html.find("</article>", expired_at) - expired_at);
  CHECK(expired.find("achieved") == std::string::npos);
  CHECK(expired.find("Report available") == std::string::npos);
  CHECK(expired.find("Expired") != std::string::npos);
  CHECK(has("data-status=\"in_progress\""));
  CHECK(has("data-status=\"planned\""));
  CHECK(has("data-status=\"not_applicable\""));
  CHECK(has("data-status=\"not_pursued\""));
  // Status in words, next to a symbol.
  CHECK(has("<span class=\"visually-hidden\">Status: </span>Expired</p>"));
  CHECK(has("<span class=\"visually-hidden\">Status: </span>Certified</p>"));
  CHECK(has("Expired on <time datetime=\"2026-06-30\">2026-06-30</time>"));
  CHECK(has("Expected Q2 2027"));
  CHECK(has("Expected <time datetime=\"2027-06\">June 2027</time>"));
  CHECK(has("Report: Under NDA (once issued)"));
  // At a glance comes right after the hero, before the legend; the full section after the
  // categories; both the compact and the full entry link or carry the id once.
  const auto glance = html.find("<section class=\"glance\"");
  REQUIRE(glance != std::string::npos);
  CHECK(glance < html.find("id=\"status-legend\""));
  CHECK(html.find("id=\"compliance\"") > html.find("id=\"access\""));
  CHECK(has("<a class=\"glance-framework__name\" href=\"#iso-27001\">ISO/IEC 27001:2022</a>"));
  CHECK(std::count(html.begin(), html.end(), '\n') > 0);
  CHECK(html.find("id=\"iso-27001\"") == html.rfind("id=\"iso-27001\""));
  CHECK(has("<li><a href=\"#compliance\">"));
  // Framework labels on controls: references that link to the entry, not claims.
  CHECK(has("<p class=\"frameworks__label\">Mapped to</p>"));
  CHECK(has("<li><a href=\"#iso-27001\">ISO 27001 A.8.5</a></li>"));
  CHECK(has("<li>SOC 22 draft</li>"));
}

TEST_CASE("partial dates: YYYY, YYYY-QN, YYYY-MM and YYYY-MM-DD, their periods and HTML forms") {
  auto parse = [](const char* text) { return parse_partial_date(text); };
  REQUIRE(parse("2027"));
  CHECK(parse("2027")->precision == PartialDate::Precision::year);
  CHECK(parse("2027")->last_day() == ymd(2027, 12, 31));
  REQUIRE(parse("2027-Q1"));
  CHECK(parse("2027-Q1")->first_day() == ymd(2027, 1, 1));
  CHECK(parse("2027-Q1")->last_day() == ymd(2027, 3, 31));
  CHECK(parse("2028-Q1")->last_day() == ymd(2028, 3, 31));
  CHECK(parse("2027-q4")->last_day() == ymd(2027, 12, 31));
  CHECK(format_partial_date(*parse("2027-q4")) == "2027-Q4");
  CHECK(parse("2028-02")->last_day() == ymd(2028, 2, 29));
  CHECK(parse("2027-06-30")->last_day() == ymd(2027, 6, 30));
  CHECK(html_datetime(*parse("2027")) == "2027");
  CHECK(html_datetime(*parse("2027-Q2")).empty());
  CHECK(html_datetime(*parse("2027-06")) == "2027-06");
  CHECK(html_datetime(*parse("2027-06-30")) == "2027-06-30");
  for (const char* bad : {"", "27", "0999", "2027-Q0", "2027-Q5", "2027-13", "2027-6", "Q2 2027",
                          "2027-02-30", "2027-Q2 ", "2027/06", "2027-06-30T00:00:00Z"})
    CHECK_MESSAGE(!parse(bad), bad);
}

TEST_CASE(
    "stamp: a framework's issued and a document's updated count, expires and expected never") {
  Content content;
  Category category;
  Control control;
  control.updated = ymd(2026, 3, 14);
  category.controls.push_back(control);
  content.categories.push_back(category);
  CHECK(latest_content_date(content, ymd(2026, 12, 1)) == ymd(2026, 3, 14));

  Framework iso = achieved("iso-27001", FrameworkType::certification, ymd(2029, 11, 26));
  iso.issued = ymd(2026, 11, 27);
  Framework soc;
  soc.status = FrameworkStatus::in_progress;
  soc.expected = parse_partial_date("2027-Q2");
  content.frameworks.items = {iso, soc};
  CHECK(latest_content_date(content, ymd(2026, 12, 1)) == ymd(2026, 11, 27));

  Document document;
  document.updated = ymd(2026, 11, 30);
  content.documents.items.push_back(document);
  CHECK(latest_content_date(content, ymd(2026, 12, 1)) == ymd(2026, 11, 30));

  // Without issued or updated dates, the expiry and expected period are not taken.
  content.frameworks.items[0].issued.reset();
  content.documents.items.clear();
  CHECK(latest_content_date(content, ymd(2026, 12, 1)) == ymd(2026, 3, 14));
}

TEST_CASE("ids: frameworks, documents and highlights share the page's id namespace") {
  Content content;
  Category access;
  access.id = "access";
  access.id_location = {"content/controls/access.yaml", 2, 7};
  Control mfa;
  mfa.id = "mfa";
  mfa.id_location = {"content/controls/access.yaml", 4, 9};
  access.controls.push_back(mfa);
  content.categories.push_back(access);
  Framework framework;
  framework.id = "mfa";
  framework.id_location = {"content/compliance.yaml", 2, 9};
  content.frameworks.items.push_back(framework);
  Document document;
  document.id = "access";
  document.id_location = {"content/documents.yaml", 2, 9};
  document.access = Access::public_;
  content.documents.items.push_back(document);
  Highlight highlight;
  highlight.id = "compliance";  // the theme's own section
  highlight.id_location = {"content/highlights.yaml", 2, 9};
  content.highlights.items.push_back(highlight);
  Theme theme;
  theme.reserved_ids = {"compliance", "documents"};
  SiteConfig config = output_config();
  config.security_txt.reset();
  DiagnosticSink sink;
  validate_content(config, content, theme, MonitoringResult{}, ymd(2026, 12, 1), sink);
  std::vector<std::string> messages;
  for (const auto& diagnostic : sink.sorted()) messages.push_back(format_text(diagnostic));
  const std::string kinds =
      "; expected ids unique across categories, controls, sub-processors, disclosures, "
      "frameworks, documents, highlights and questions";
  CHECK(messages ==
        std::vector<std::string>{
            "content/compliance.yaml:2:9: error: duplicate id 'mfa': this framework uses the id "
            "of the control at content/controls/access.yaml:4:9" +
                kinds,
            "content/documents.yaml:2:9: error: duplicate id 'access': this document uses the id "
            "of the category at content/controls/access.yaml:2:7" +
                kinds,
            "content/highlights.yaml:2:9: error: id 'compliance' is reserved by the theme (it is "
            "an id on the page itself); expected another id (see docs/themes.md)"});
}
