// plan_pages: the pages of a site and the context each template gets (docs/themes.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "config.h"
#include "content.h"
#include "environment.h"
#include "file_system.h"
#include "live_status.h"
#include "load_context.h"
#include "locales.h"
#include "mustache.h"
#include "theme.h"
#include "validate.h"
#include "view_model.h"

using namespace trustsite;
using nlohmann::json;

namespace {

LocalizedText text(std::map<std::string, std::string> by_locale) {
  LocalizedText field;
  field.by_locale = std::move(by_locale);
  return field;
}

LocalizedText both(const std::string& en, const std::string& sv) {
  return text({{"en", en}, {"sv", sv}});
}

Date date(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

SiteConfig make_config(const std::string& base_url) {
  SiteConfig config;
  config.site_dir = "/nonexistent";
  config.title = both("Acme Trust Center", "Acme Trygghetscenter");
  config.tagline = both("How we protect your data", "Så skyddar vi era uppgifter");
  config.base_url = base_url;
  config.default_locale = "en";
  config.locales = {"en", "sv"};
  config.company = {"Acme AB", "hello@acme.example", "security@acme.example", "", {}};
  return config;
}

// A sub-processor as the loader reads it from YAML that gives a javascript: website: the
// loader refuses the link with an error, so no later stage ever sees it.
Subprocessor loaded_with_hostile_website() {
  SiteConfig config = make_config("https://acme.example/trust/");
  config.site_dir = "/site";
  MemoryFileSystem files;
  files.add("/site/content/subprocessors.yaml",
            "subprocessors:\n"
            "  - id: evil\n"
            "    name: Evil Corp\n"
            "    purpose: {en: Testing, sv: Test}\n"
            "    location: {en: EU, sv: EU}\n"
            "    website: \"javascript:alert(1)\"\n"
            "    dpa: in_progress\n");
  DiagnosticSink sink;
  MissingTranslations missing;
  SubprocessorList list = load_subprocessors(LoadContext{config, files, sink, missing});
  CHECK(sink.error_count() == 1);
  REQUIRE(list.items.size() == 1);
  return list.items.front();
}

Content make_content() {
  Content content;
  Category access;
  access.id = "access";
  access.icon = "🔐";
  access.title = both("Access", "Åtkomst");

  Control mfa;
  mfa.id = "mfa";
  mfa.title = both("Multi-factor authentication", "Tvåfaktorsautentisering");
  mfa.description = text({{"en", "Required for **all** staff. [x](javascript:alert(1))"}});
  mfa.status = Status::implemented;
  mfa.updated = date(2026, 3, 14);
  mfa.frameworks = {"SOC 2 CC6.1", "ISO 27001 A.5.17"};
  access.controls.push_back(mfa);

  Control encryption;
  encryption.id = "db-encryption";
  encryption.title = both("Database encryption", "Kryptering av databasen");
  encryption.description = both("AES-256.", "AES-256.");
  encryption.status = Status::in_progress;
  encryption.monitor = "db-enc";
  access.controls.push_back(encryption);
  content.categories.push_back(access);

  content.subprocessors.present = true;
  Subprocessor aws;
  aws.id = "aws";
  aws.name = "Amazon Web Services";
  aws.purpose = both("Hosting", "Drift");
  aws.location = text({{"en", "EU (Frankfurt)"}});
  aws.website = "https://aws.amazon.com/";
  aws.dpa = DpaStatus::signed_;
  aws.since = date(2024, 1, 10);
  content.subprocessors.items = {aws, loaded_with_hostile_website()};
  SubprocessorChange added;
  added.date = date(2026, 2, 1);
  added.type = ChangeType::added;
  added.subprocessor = "aws";
  added.note = both("Moved hosting", "Flyttade driften");
  SubprocessorChange removed;
  removed.date = date(2026, 1, 1);
  removed.type = ChangeType::removed;
  removed.subprocessor = "oldco";
  removed.name = "Old Co";
  content.subprocessors.changes = {added, removed};

  content.disclosures.present = true;
  Disclosure receipts;
  receipts.id = "receipt-scanning";
  receipts.title = both("Receipt scanning", "Kvittoläsning");
  receipts.status = Status::planned;
  receipts.provider = "aws";
  receipts.opt_in = true;
  receipts.data_sent = both("Receipt images", "Kvittobilder");
  content.disclosures.items = {receipts};

  Page privacy;
  privacy.slug = "privacy";
  privacy.by_locale["en"] = PageSource{"en",
                                       "Privacy notice",
                                       "How we handle personal data",
                                       1,
                                       date(2026, 4, 1),
                                       true,
                                       "# Scope\n\nAll of it.",
                                       5,
                                       "",
                                       {}};
  privacy.by_locale["sv"] = PageSource{"sv", "Integritetspolicy",      "", 1,  std::nullopt,
                                       true, "## Omfattning\n\nAllt.", 5,  "", {}};
  Page incident;
  incident.slug = "incident-response";
  incident.by_locale["en"] = PageSource{"en", "Incident response",    "", 2,  std::nullopt,
                                        true, "We respond **fast**.", 5,  "", {}};
  content.pages = {privacy, incident};
  return content;
}

UiStrings make_strings() {
  json en = {
      {"language_name", "English"},
      {"languages", {{"en", "English"}, {"sv", "Swedish"}}},
      {"fallback", {{"marker", "In {language}"}}},
      {"status",
       {{"implemented", "Implemented"},
        {"in_progress", "In progress"},
        {"planned", "Planned"},
        {"not_applicable", "Not applicable"}}},
      {"dpa", {{"signed", "Signed"}, {"in_progress", "In progress"}, {"not_required", "No"}}},
      {"change", {{"added", "Added"}, {"removed", "Removed"}, {"updated", "Updated"}}},
      {"live", {{"status", {{"passing", "passing"}}}}},
      {"ai", {{"answer_yes", "Yes"}, {"answer_no", "No"}}},
      {"legend", {{"count_one", "{count} control"}, {"count_other", "{count} controls"}}},
      {"status_counts",
       {{"intro", "{count} controls:"},
        {"one", {{"implemented", "{count} implemented"}}},
        {"other", {{"implemented", "{count} implemented"}, {"planned", "{count} planned"}}}}},
      {"stamp", {{"updated", "Updated"}}},
      {"subprocessors", {{"caption", "Sub-processors of {company}"}}},
      {"page", {{"not_translated", "Not in {language}; shown in {source_language}."}}},
      {"chooser", {{"continue", "Continue in English"}}},
      {"not_found", {{"title", "Page not found"}, {"back", "Go to {site_title}"}}},
  };
  json sv = en;
  sv["language_name"] = "Svenska";
  sv["languages"] = {{"en", "engelska"}, {"sv", "svenska"}};
  sv["fallback"]["marker"] = "På {language}";
  sv["status"]["implemented"] = "Införd";
  sv["live"]["status"]["passing"] = "godkänd";
  sv["stamp"]["updated"] = "Uppdaterad";
  sv["page"]["not_translated"] = "Inte på {language}; visas på {source_language}.";
  sv["chooser"]["continue"] = "Fortsätt på svenska";
  sv["not_found"] = {{"title", "Sidan hittades inte"}, {"back", "Gå till {site_title}"}};
  return UiStrings::from_tables({{"en", en}, {"sv", sv}});
}

MonitoringResult make_live() {
  MonitoringResult live;
  live.configured = true;
  live.have_data = true;
  LiveStatus item;
  item.id = "db-enc";
  item.status = "passing";
  item.checked_at = "2026-11-20T08:15:00Z";
  item.checked_at_unix = 1795162500;  // 2026-11-20T08:15:00Z
  live.items[item.id] = item;
  return live;
}

// Holds everything a SiteModel refers to.
struct Fixture {
  SiteConfig config;
  Content content = make_content();
  UiStrings strings = make_strings();
  MonitoringResult live = make_live();
  std::vector<PagePlan> pages;

  explicit Fixture(const std::string& base_url = "https://acme.example/trust/",
                   const std::string& hostile_title = "")
      : config(make_config(base_url)) {
    if (!hostile_title.empty())
      content.categories[0].controls[0].title.by_locale["en"] = hostile_title;
    DiagnosticSink sink;
    validate_content(config, content, Theme{}, live, date(2026, 5, 18), sink);
    SiteModel model{
        config, content, strings, live, date(2026, 5, 18), {}, kDefaultContentSecurityPolicy};
    model.assets["style.css"] = {"assets/style.0123456789.css", "sha384-abc"};
    pages = plan_pages(model);
  }

  const PagePlan& page(const std::string& output_path) const {
    auto it = std::find_if(pages.begin(), pages.end(),
                           [&](const PagePlan& p) { return p.output_path == output_path; });
    REQUIRE_MESSAGE(it != pages.end(), output_path);
    return *it;
  }
};

const json& find_by_id(const json& list, const std::string& id) {
  for (const auto& item : list)
    if (item.value("id", "") == id) return item;
  FAIL("no item with id " << id);
  static const json none;
  return none;
}

// Every object in `value` that has a "lang" key, as JSON pointers.
void collect_lang(const json& value, const std::string& pointer, std::vector<std::string>& out) {
  if (value.is_object()) {
    if (value.contains("lang")) out.push_back(pointer);
    for (const auto& [key, child] : value.items()) collect_lang(child, pointer + "/" + key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      collect_lang(value[i], pointer + "/" + std::to_string(i), out);
  }
}

}  // namespace

TEST_CASE("PagePlanner: a home page's controls are built one category at a time, as plan_pages") {
  Fixture fixture;
  fixture.content.categories[0].controls[0].description =
      text({{"en", "See [the policy](../privacy/) and [keys](#db-encryption)."}});
  SiteModel model{fixture.config,
                  fixture.content,
                  fixture.strings,
                  fixture.live,
                  date(2026, 5, 18),
                  {},
                  kDefaultContentSecurityPolicy};
  const std::vector<PagePlan> whole = plan_pages(model);
  const PagePlanner planner(model);
  REQUIRE(planner.size() == whole.size());
  auto destinations = [](const std::vector<LinkUse>& links) {
    std::vector<std::string> out;
    for (const LinkUse& link : links) out.push_back(link.locale + " " + link.destination);
    std::sort(out.begin(), out.end());
    return out;
  };
  int home_pages = 0;
  for (std::size_t i = 0; i < planner.size(); ++i) {
    PagePlan plan = planner.plan(i);
    INFO(plan.output_path);
    CHECK(plan.output_path == whole[i].output_path);
    if (plan.template_name != "home") {
      CHECK(plan.deferred == nullptr);
      CHECK(plan.context == whole[i].context);
      continue;
    }
    ++home_pages;
    REQUIRE(plan.deferred != nullptr);
    CHECK(whole[i].deferred == nullptr);  // plan_pages resolves them
    const json& categories = plan.context["categories"];
    REQUIRE(categories.size() == whole[i].context["categories"].size());
    // The theme's category fields are there at once; the controls are a deferred value that
    // resolves to exactly what plan_pages shows.
    CHECK(categories[0]["id"] == whole[i].context["categories"][0]["id"]);
    const auto key = trustsite::mustache::deferred_key(categories[0]["controls"]);
    REQUIRE(key.has_value());
    CHECK(plan.deferred->resolve(*key) == whole[i].context["categories"][0]["controls"]);
    CHECK(plan.deferred->resolve(*key) == whole[i].context["categories"][0]["controls"]);
    // The links of the controls join the page's links once, whether or not the page used them.
    plan.deferred->add_links(plan.links);
    CHECK(destinations(plan.links) == destinations(whole[i].links));
    PagePlan unused = planner.plan(i);
    unused.deferred->add_links(unused.links);
    CHECK(destinations(unused.links) == destinations(whole[i].links));
    CHECK(std::count_if(unused.links.begin(), unused.links.end(), [](const LinkUse& link) {
            return link.destination == "../privacy/";
          }) == 1);
  }
  CHECK(home_pages == 2);
}

TEST_CASE("plan_pages: one page per locale and policy page, plus chooser and 404") {
  Fixture site;
  std::vector<std::string> paths, templates;
  for (const auto& page : site.pages) {
    paths.push_back(page.output_path);
    templates.push_back(page.template_name);
  }
  CHECK(paths == std::vector<std::string>{"index.html", "en/index.html", "en/privacy/index.html",
                                          "en/incident-response/index.html", "sv/index.html",
                                          "sv/privacy/index.html",
                                          "sv/incident-response/index.html", "404.html"});
  CHECK(templates == std::vector<std::string>{"chooser", "home", "page", "page", "home", "page",
                                              "page", "not_found"});
}

TEST_CASE("plan_pages: relative links, absolute canonical and hreflang URLs under a base path") {
  Fixture site("https://acme.example/trust/");
  const json& page = site.page("en/privacy/index.html").context;
  CHECK(page["page"]["root"] == "../../");
  CHECK(page["page"]["canonical_url"] == "https://acme.example/trust/en/privacy/");
  CHECK(page["locale"]["code"] == "en");
  REQUIRE(page["alternates"].size() == 2);
  CHECK(page["alternates"][0] == json{{"locale", "en"},
                                      {"hreflang", "en"},
                                      {"name", "English"},
                                      {"href", "../../en/privacy/"},
                                      {"url", "https://acme.example/trust/en/privacy/"},
                                      {"current", true}});
  CHECK(page["alternates"][1]["href"] == "../../sv/privacy/");
  CHECK(page["alternates"][1]["url"] == "https://acme.example/trust/sv/privacy/");
  CHECK(page["alternates"][1]["name"] == "Svenska");
  CHECK(page["alternates"][1]["current"] == false);
  CHECK(page["x_default"]["url"] == "https://acme.example/trust/en/privacy/");
  CHECK(page["nav"]["home_href"] == "../../en/");
  CHECK(page["assets"]["stylesheet"]["href"] == "../../assets/style.0123456789.css");
  CHECK(page["assets"]["stylesheet"]["integrity"] == "sha384-abc");
  CHECK(page["pages"][0]["href"] == "../../en/privacy/");
  CHECK(page["pages"][0]["current"] == true);
  CHECK(page["pages"][1]["current"] == false);

  const json& sv_home = site.page("sv/index.html").context;
  CHECK(sv_home["page"]["root"] == "../");
  CHECK(sv_home["page"]["canonical_url"] == "https://acme.example/trust/sv/");
  CHECK(sv_home["alternates"][0]["href"] == "../en/");
  CHECK(sv_home["alternates"][1]["current"] == true);
  CHECK(sv_home["x_default"]["url"] == "https://acme.example/trust/en/");
  CHECK(sv_home["assets"]["stylesheet"]["href"] == "../assets/style.0123456789.css");
  CHECK(sv_home["nav"]["feed_href"] == "../sv/subprocessors.atom");

  const json& chooser = site.page("index.html").context;
  CHECK(chooser["page"]["root"] == "");
  CHECK(chooser["page"]["redirect_href"] == "en/");
  CHECK(chooser["page"]["canonical_url"] == "https://acme.example/trust/");
  CHECK(chooser["choices"][1]["href"] == "sv/");
  CHECK(chooser["choices"][1]["continue"] == "Fortsätt på svenska");
  CHECK(chooser["assets"]["stylesheet"]["href"] == "assets/style.0123456789.css");

  // 404.html is served at any URL, so its links carry base_url's path.
  const json& missing = site.page("404.html").context;
  CHECK(missing["page"]["root"] == "/trust/");
  CHECK(missing["choices"][0]["href"] == "/trust/en/");
  CHECK(missing["choices"][1]["not_found"]["back"] == "Gå till Acme Trygghetscenter");
  CHECK(missing["assets"]["stylesheet"]["href"] == "/trust/assets/style.0123456789.css");

  Fixture at_root("https://trust.acme.example/");
  CHECK(at_root.page("404.html").context["page"]["root"] == "/");
  CHECK(at_root.page("en/index.html").context["page"]["canonical_url"] ==
        "https://trust.acme.example/en/");
}

TEST_CASE("plan_pages: lang marks exactly the fields that fell back to the default locale") {
  Fixture site;
  const json& sv = site.page("sv/index.html").context;
  const json& mfa = find_by_id(sv["categories"][0]["controls"], "mfa");
  CHECK(mfa["title"] == json{{"text", "Tvåfaktorsautentisering"}});
  CHECK(mfa["description"]["lang"] == "en");
  CHECK(mfa["description"]["html"].get<std::string>().find("<strong>all</strong>") !=
        std::string::npos);

  std::vector<std::string> marked;
  collect_lang(sv["categories"], "/categories", marked);
  collect_lang(sv["subprocessors"], "/subprocessors", marked);
  collect_lang(sv["disclosures"], "/disclosures", marked);
  collect_lang(sv["site"], "/site", marked);
  CHECK(marked == std::vector<std::string>{"/categories/0/controls/0/description",
                                           "/subprocessors/items/0/location"});

  std::vector<std::string> none;
  const json& en = site.page("en/index.html").context;
  collect_lang(en["categories"], "/categories", none);
  collect_lang(en["subprocessors"], "/subprocessors", none);
  CHECK(none.empty());
}

TEST_CASE("plan_pages: Markdown is rendered in safe mode") {
  Fixture site;
  const json& mfa =
      find_by_id(site.page("en/index.html").context["categories"][0]["controls"], "mfa");
  const std::string html = mfa["description"]["html"];
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("<p>") == 0);
}

TEST_CASE("plan_pages: controls carry status labels, dates, frameworks and live badges") {
  Fixture site;
  const json& sv = site.page("sv/index.html").context;
  const json& controls = sv["categories"][0]["controls"];
  const json& mfa = find_by_id(controls, "mfa");
  CHECK(mfa["status"] == "implemented");
  CHECK(mfa["status_label"] == "Införd");
  CHECK(mfa["updated"] == "2026-03-14");
  CHECK(mfa["frameworks"] == json{"SOC 2 CC6.1", "ISO 27001 A.5.17"});
  CHECK(mfa["has_frameworks"] == true);
  CHECK(mfa["monitored"] == false);
  CHECK_FALSE(mfa.contains("live"));

  const json& db = find_by_id(controls, "db-encryption");
  CHECK(db["monitored"] == true);
  CHECK_FALSE(db.contains("updated"));
  CHECK(db["live"] == json{{"status", "passing"},
                           {"label", "godkänd"},
                           {"stale", false},
                           {"checked_at", "2026-11-20T08:15:00Z"},
                           {"checked_at_display", "2026-11-20 08:15 UTC"}});

  const json& legend = sv["status_legend"];
  REQUIRE(legend.size() == 4);
  CHECK(legend[0]["status"] == "implemented");
  CHECK(legend[0]["label"] == "Införd");
  CHECK(legend[0]["count_label"] == "1 control");
  CHECK(legend[2]["count_label"] == "0 controls");
  // The status counts at the top of the page: only statuses that occur, singular and plural.
  CHECK(legend[0]["count_text"] == "1 implemented");
  CHECK(legend[0]["shown"] == true);
  CHECK(legend[2]["count_text"] == "0 planned");
  CHECK(legend[2]["shown"] == false);
  CHECK(sv["status_total"] == "2 controls:");

  CHECK(sv["stamp"] == json{{"date", "2026-05-18"}, {"label", "Uppdaterad"}});
  CHECK(sv["t"]["subprocessors"]["caption"] == "Sub-processors of Acme AB");
}

TEST_CASE(
    "plan_pages: sub-processors keep only http(s) websites, changes and disclosures resolve "
    "names") {
  Fixture site;
  const json& en = site.page("en/index.html").context;
  CHECK(en["has_subprocessors"] == true);
  const json& items = en["subprocessors"]["items"];
  const json& aws = find_by_id(items, "aws");
  CHECK(aws["website"] == json{{"href", "https://aws.amazon.com/"}, {"display", "aws.amazon.com"}});
  CHECK(aws["dpa"] == "signed");
  CHECK(aws["dpa_label"] == "Signed");
  CHECK(aws["since"] == "2024-01-10");
  const json& evil = find_by_id(items, "evil");
  CHECK_FALSE(evil.contains("website"));
  CHECK(en.dump().find("javascript:") == std::string::npos);

  const json& changes = en["subprocessors"]["changes"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["name"] == "Amazon Web Services");
  CHECK(changes[0]["href"] == "#aws");
  CHECK(changes[0]["type_label"] == "Added");
  CHECK(changes[1]["name"] == "Old Co");
  CHECK(changes[1]["listed"] == false);
  CHECK_FALSE(changes[1].contains("href"));

  const json& receipts = en["disclosures"][0];
  CHECK(receipts["provider"] ==
        json{{"id", "aws"}, {"name", "Amazon Web Services"}, {"href", "#aws"}});
  CHECK(receipts["opt_in_label"] == "Yes");
  CHECK(receipts["used_for_training_label"] == "No");
  CHECK(receipts["status_label"] == "Planned");
  CHECK_FALSE(receipts.contains("data_excluded"));

  CHECK(en["site"]["company"]["security_contact"] ==
        json{{"address", "security@acme.example"}, {"href", "mailto:security@acme.example"}});
  CHECK_FALSE(en["site"]["company"].contains("privacy_contact"));
  CHECK(en["site"]["contacts"].size() == 2);
}

TEST_CASE("plan_pages: a page missing in a locale is shown from the default with a notice") {
  Fixture site;
  const json& sv = site.page("sv/incident-response/index.html").context["page"];
  CHECK(sv["heading"] == json{{"text", "Incident response"}, {"lang", "en"}});
  CHECK(sv["body"]["lang"] == "en");
  CHECK(sv["body"]["html"] == "<p>We respond <strong>fast</strong>.</p>\n");
  CHECK(sv["not_translated"] ==
        json{{"lang", "en"}, {"notice", "Inte på svenska; visas på engelska."}});

  const json& en = site.page("en/incident-response/index.html").context["page"];
  CHECK_FALSE(en.contains("not_translated"));
  CHECK_FALSE(en["heading"].contains("lang"));

  const json& translated = site.page("sv/privacy/index.html").context["page"];
  CHECK_FALSE(translated.contains("not_translated"));
  CHECK(translated["heading"] == json{{"text", "Integritetspolicy"}});
  CHECK(translated["title"] == "Integritetspolicy – Acme Trygghetscenter");
  // "##" as the top level works as well as "#": both become h2 below the h1.
  CHECK(translated["body"]["html"].get<std::string>().find("<h2>Omfattning</h2>") == 0);

  const json& privacy = site.page("en/privacy/index.html").context["page"];
  CHECK(privacy["updated"] == "2026-04-01");
  CHECK(privacy["description"] == "How we handle personal data");
  // Markdown headings start below the page's h1.
  CHECK(privacy["body"]["html"].get<std::string>().find("<h2>Scope</h2>") == 0);

  // The menu on the Swedish site marks the untranslated title too.
  const json& menu = site.page("sv/index.html").context["pages"];
  CHECK(menu[1]["title"] ==
        json{{"text", "Incident response"}, {"lang", "en"}, {"marker", "På engelska"}});
  CHECK_FALSE(menu[0]["title"].contains("lang"));
}

TEST_CASE("reserved ids: the default theme's own ids, sorted, every one a valid identifier") {
  SiteConfig config = make_config("https://acme.example/");
  config.site_dir = "/nonexistent";
  config.data_dir = read_environment().data_dir;
  DiagnosticSink sink;
  const auto theme = load_theme(config, DiskFileSystem({config.data_dir}), sink);
  REQUIRE(theme);
  CHECK(sink.sorted().empty());
  const auto& ids = theme->reserved_ids;
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  for (const char* id : {"main", "subprocessors", "ai", "status-legend", "pages", "contact",
                         "at-a-glance", "compliance", "documents"})
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
}

namespace {

// Renders every planned page with the real default theme, as `trustsite build` does.
std::map<std::string, std::string> render_site(const Fixture& site) {
  namespace fs = std::filesystem;
  const fs::path templates =
      fs::path(TRUSTSITE_TESTS_DIR) / ".." / "themes" / "default" / "templates";
  mustache::TemplateLibrary library(mustache::directory_loader({{templates, "templates"}}),
                                    mustache::TemplateLibrary::MissingPartial::throw_error);
  std::map<std::string, std::string> html;
  for (const auto& page : site.pages)
    html[page.output_path] = library.render(page.template_name, page.context);
  return html;
}

bool has(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("default theme: rendered pages carry lang, hreflang, ids, statuses and the stamp") {
  Fixture site;
  const auto html = render_site(site);
  REQUIRE(html.size() == site.pages.size());

  const std::string& en = html.at("en/index.html");
  CHECK(has(en, "<html lang=\"en\">"));
  CHECK(has(en, "<link rel=\"canonical\" href=\"https://acme.example/trust/en/\">"));
  CHECK(
      has(en, "<link rel=\"alternate\" hreflang=\"en\" href=\"https://acme.example/trust/en/\">"));
  CHECK(
      has(en, "<link rel=\"alternate\" hreflang=\"sv\" href=\"https://acme.example/trust/sv/\">"));
  CHECK(has(
      en,
      "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://acme.example/trust/en/\">"));
  CHECK(has(
      en,
      "<link rel=\"stylesheet\" href=\"../assets/style.0123456789.css\" integrity=\"sha384-abc\""));
  CHECK(has(en, "<a class=\"skip-link\" href=\"#main\">"));
  CHECK(has(en, "<main id=\"main\""));
  CHECK(has(en, "<a href=\"../sv/\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"));
  CHECK(
      has(en, "<a href=\"../en/\" hreflang=\"en\" lang=\"en\" aria-current=\"page\">English</a>"));
  CHECK(has(en, "<section id=\"access\" class=\"category\">"));
  // Each control a compact <details> row; the id, data-status and data-live on its body.
  CHECK(has(en, "<details class=\"control status-implemented\">"));
  CHECK(has(en, "<div id=\"mfa\" class=\"control__body\" data-status=\"implemented\">"));
  CHECK(has(en,
            "<div id=\"db-encryption\" class=\"control__body\" data-status=\"in_progress\" "
            "data-live=\"passing\">"));
  CHECK(has(en, "<time datetime=\"2026-11-20T08:15:00Z\">2026-11-20 08:15 UTC</time>"));
  CHECK(has(en, "<tr id=\"aws\" data-status=\"signed\" data-upcoming=\"false\">"));
  CHECK(has(en, "<tr id=\"evil\" data-status=\"in_progress\" data-upcoming=\"false\">"));
  CHECK(has(en, "<div id=\"receipt-scanning\" class=\"control__body\" data-status=\"planned\">"));
  CHECK(has(
      en, "<span class=\"stamp\">Updated <time datetime=\"2026-05-18\">2026-05-18</time></span>"));
  CHECK(has(en, "<time datetime=\"2026-03-14\">2026-03-14</time>"));
  CHECK(std::count(en.begin(), en.end(), '\n') > 50);
  CHECK(std::regex_search(en, std::regex("<h1[^>]*>Acme Trust Center</h1>")));

  const std::string& sv = html.at("sv/index.html");
  CHECK(has(sv, "<html lang=\"sv\">"));
  CHECK(has(sv, "<span class=\"stamp\">Uppdaterad <time datetime=\"2026-05-18\">"));
  CHECK(has(sv,
            "<span class=\"status status--implemented\"><span class=\"status__icon\" "
            "aria-hidden=\"true\"></span>"));
  CHECK(has(sv, ">Införd</span>"));
  // The untranslated description (and only that) is marked as English, for screen readers with
  // `lang` and for sighted readers with a marker in Swedish (SPEC 2).
  CHECK(has(sv,
            "<div class=\"control__description prose\" lang=\"en\"><p class=\"lang-marker "
            "lang-marker--block\" lang=\"sv\">På engelska</p><p>Required for"));
  CHECK(has(sv, "<h3 class=\"control__title\">Tvåfaktorsautentisering</h3>"));
  CHECK(has(sv,
            "<td data-label=\"\" lang=\"en\">EU (Frankfurt) <span class=\"lang-marker\" "
            "lang=\"sv\">På engelska</span></td>"));
  // The English page has no markers at all.
  CHECK_FALSE(has(html.at("en/index.html"), "lang-marker"));

  const std::string& untranslated = html.at("sv/incident-response/index.html");
  CHECK(has(untranslated, "<html lang=\"sv\">"));
  CHECK(has(untranslated, "<p id=\"not-translated\" class=\"notice\">"));
  CHECK(has(untranslated, "Inte på svenska; visas på engelska.</p>"));
  CHECK(has(untranslated, "<h1 class=\"policy__title\" lang=\"en\">Incident response</h1>"));
  CHECK(has(untranslated, "<div class=\"policy__body prose\" lang=\"en\">"));
  CHECK(has(untranslated, "<a href=\"../../en/incident-response/\" hreflang=\"en\" lang=\"en\">"));
  CHECK_FALSE(has(html.at("sv/privacy/index.html"), "not-translated"));

  const std::string& chooser = html.at("index.html");
  // No blind redirect: the reader chooses (issue 14; hosts negotiate, docs/publishing.md).
  CHECK_FALSE(has(chooser, "http-equiv=\"refresh\""));
  CHECK(has(chooser, "<a class=\"choice\" href=\"sv/\" hreflang=\"sv\">"));

  const std::string& missing = html.at("404.html");
  CHECK(has(missing, "<a href=\"/trust/sv/\" hreflang=\"sv\">Gå till Acme Trygghetscenter</a>"));
  CHECK(has(missing, "href=\"/trust/assets/style.0123456789.css\""));

  // CSP: no inline style or script anywhere; no duplicate ids on any page.
  const std::regex id_attribute(" id=\"([^\"]*)\"");
  for (const auto& [path, page] : html) {
    CAPTURE(path);
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, " style="));
    CHECK_FALSE(has(page, "<style"));
    CHECK_FALSE(has(page, "javascript:"));
    CHECK(has(page, "<meta http-equiv=\"Content-Security-Policy\""));
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), id_attribute);
         it != std::sregex_iterator(); ++it) {
      CHECK_MESSAGE(ids.insert((*it)[1]).second, "duplicate id " << (*it)[1]);
    }
  }
}

TEST_CASE("default theme: content text is HTML-escaped") {
  Fixture site("https://acme.example/", "\"><script>alert(1)</script>");
  const auto html = render_site(site);
  const std::string& en = html.at("en/index.html");
  CHECK_FALSE(has(en, "<script>"));
  CHECK(
      has(en, "<h3 class=\"control__title\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h3>"));
}
