// `extra:` on every object of compliance.yaml, documents.yaml, highlights.yaml, faq.yaml and the
// introduction's front matter (SPEC 2): loaded as written, passed to the templates of the home
// page untouched (docs/themes.md "Extra data"), while a misspelt field stays an error.
#include <doctest/doctest.h>

#include <algorithm>

#include "content.h"
#include "live_status.h"
#include "locales.h"
#include "output_fixture.h"
#include "view_model.h"

using namespace trustsite;
using namespace trustsite::testing;
using nlohmann::json;

namespace {

// A site with each kind's file, every object carrying an `extra:` that names it.
MemoryFileSystem site_with_extra() {
  MemoryFileSystem files;
  files.add("/site/content/compliance.yaml",
            "frameworks:\n"
            "  - id: iso-27001\n"
            "    name: ISO/IEC 27001:2022\n"
            "    type: certification\n"
            "    status: planned\n"
            "    extra: {badge: iso.svg, auditors: [A, B]}\n"
            "extra: {layout: grid}\n");
  files.add("/site/content/documents.yaml",
            "documents:\n"
            "  - id: dpa\n"
            "    title: {en: DPA, sv: PUB-avtal}\n"
            "    access: on_request\n"
            "    extra: {pages: 12}\n"
            "extra: {intro: Ask us}\n");
  files.add("/site/content/highlights.yaml",
            "highlights:\n"
            "  - id: data-in-eu\n"
            "    label: {en: Data location, sv: Dataplats}\n"
            "    value: {en: EU only, sv: Endast EU}\n"
            "    extra: {icon: eu-flag}\n"
            "extra: {columns: 3}\n");
  files.add("/site/content/faq.yaml",
            "questions:\n"
            "  - id: where\n"
            "    question: {en: \"Where?\", sv: \"Var?\"}\n"
            "    answer: {en: Here., sv: Här.}\n"
            "    extra: {topic: hosting}\n"
            "extra: {collapsed: true}\n");
  files.add("/site/content/intro.en.md",
            "---\ntitle: How we work\nextra: {hero: lighthouse.jpg}\n---\nWe are Acme.\n");
  files.add("/site/content/intro.sv.md",
            "---\ntitle: Så arbetar vi\nextra: {hero: fyr.jpg}\n---\nVi är Acme.\n");
  return files;
}

std::vector<std::string> messages(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.sorted()) out.push_back(format_text(d));
  return out;
}

}  // namespace

TEST_CASE("extra: compliance documents highlights faq and intro pass it to the home page") {
  SiteConfig config = output_config();
  config.site_dir = "/site";
  const MemoryFileSystem files = site_with_extra();
  DiagnosticSink sink;
  MissingTranslations missing;
  Content content = load_content(config, files, sink, missing);
  // Nothing about `extra` is reported (no controls is the only complaint a bare site may get).
  for (const auto& message : messages(sink)) CHECK(message.find("extra") == std::string::npos);
  CHECK(content.frameworks.extra == json{{"layout", "grid"}});
  CHECK(content.documents.extra == json{{"intro", "Ask us"}});
  CHECK(content.highlights.extra == json{{"columns", 3}});
  CHECK(content.faq.extra == json{{"collapsed", true}});

  const UiStrings strings =
      UiStrings::from_tables({{"en", json::object()}, {"sv", json::object()}});
  const MonitoringResult live;
  const SiteModel model{config, content, strings, live, ymd(2026, 12, 1), {}, ""};
  const std::vector<PagePlan> plans = plan_pages(model);
  for (const std::string locale : {"en", "sv"}) {
    CAPTURE(locale);
    const auto home = std::find_if(plans.begin(), plans.end(), [&](const PagePlan& plan) {
      return plan.output_path == locale + "/index.html";
    });
    REQUIRE(home != plans.end());
    const json& context = home->context;
    CHECK(context["compliance"]["extra"] == json{{"layout", "grid"}});
    CHECK(context["compliance"]["frameworks"][0]["extra"] ==
          json{{"badge", "iso.svg"}, {"auditors", {"A", "B"}}});
    CHECK(context["documents"]["extra"] == json{{"intro", "Ask us"}});
    CHECK(context["documents"]["items"][0]["extra"] == json{{"pages", 12}});
    CHECK(context["highlights_extra"] == json{{"columns", 3}});
    CHECK(context["highlights"][0]["extra"] == json{{"icon", "eu-flag"}});
    CHECK(context["faq_extra"] == json{{"collapsed", true}});
    CHECK(context["faq"][0]["extra"] == json{{"topic", "hosting"}});
    // The shown introduction's own front matter.
    CHECK(context["intro"]["extra"] ==
          json{{"hero", locale == "en" ? "lighthouse.jpg" : "fyr.jpg"}});
  }
}

TEST_CASE("extra: a misspelt field next to it is still an unknown field with a did-you-mean") {
  SiteConfig config = output_config();
  config.site_dir = "/site";
  MemoryFileSystem files;
  files.add("/site/content/compliance.yaml",
            "frameworks:\n"
            "  - id: iso-27001\n"
            "    name: ISO/IEC 27001:2022\n"
            "    type: certification\n"
            "    status: planned\n"
            "    extar: {badge: iso.svg}\n");
  files.add("/site/content/faq.yaml",
            "questions:\n"
            "  - id: where\n"
            "    question: {en: \"Where?\", sv: \"Var?\"}\n"
            "    answer: {en: Here., sv: Här.}\n"
            "exrta: {collapsed: true}\n");
  files.add("/site/content/intro.en.md", "---\nextras: {hero: a.jpg}\n---\nWe are Acme.\n");
  DiagnosticSink sink;
  MissingTranslations missing;
  const Content content = load_content(config, files, sink, missing);
  const std::vector<std::string> all = messages(sink);
  const auto has = [&](const std::string& text) {
    return std::any_of(all.begin(), all.end(),
                       [&](const std::string& m) { return m.find(text) != std::string::npos; });
  };
  INFO(all.size());
  CHECK(
      has("content/compliance.yaml:6:5: error: unknown field 'extar' in framework 'iso-27001'; "
          "did you mean 'extra'?"));
  CHECK(
      has("content/faq.yaml:5:1: error: unknown field 'exrta' in content/faq.yaml; did you "
          "mean 'extra'?"));
  CHECK(
      has("content/intro.en.md:2:1: error: unknown field 'extras' in the front matter; did you "
          "mean 'extra'?"));
  CHECK(content.frameworks.items.at(0).extra.is_null());
}
