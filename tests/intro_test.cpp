// load_intro and intro_view: content/intro.<locale>.md, its optional front matter, headings
// and the fallback to the default locale's file (SPEC 3).
#include "intro.h"

#include <doctest/doctest.h>

#include "intro_view.h"
#include "live_status.h"
#include "locales.h"
#include "output_fixture.h"

using namespace trustsite;
using namespace trustsite::testing;
using nlohmann::json;

namespace {

struct Loaded {
  SiteConfig config = output_config();
  MemoryFileSystem files;
  DiagnosticSink sink;
  MissingTranslations missing;
  Intro intro;

  void load() {
    config.site_dir = "/site";
    intro = load_intro(LoadContext{config, files, sink, missing});
  }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& d : sink.sorted()) out.push_back(format_text(d));
    return out;
  }
};

json view_of(const SiteConfig& config, const Intro& intro, const std::string& locale) {
  Content content;
  const UiStrings strings = UiStrings::from_tables(
      {{"en",
        {{"languages", {{"en", "English"}, {"sv", "Swedish"}}},
         {"intro", {{"not_translated", "Not in {language}; shown in {source_language}."}}}}},
       {"sv",
        {{"languages", {{"en", "engelska"}, {"sv", "svenska"}}},
         {"intro", {{"not_translated", "Inte på {language}; visas på {source_language}."}}}}}});
  const MonitoringResult live;
  const SiteModel model{config, content, strings, live, ymd(2026, 12, 1), {}, ""};
  return intro_view(intro, make_locale_view(model, locale));
}

}  // namespace

TEST_CASE("intro: without front matter or title the text's headings start below the page's h1") {
  Loaded site;
  site.files.add("/site/content/intro.en.md", "\xEF\xBB\xBF# Who we are\n\nWe are **Acme**.\n");
  site.files.add("/site/content/intro.sv.md", "---\n---\n## Vilka vi är\n\nVi är Acme.\n");
  site.load();
  CHECK(site.messages().empty());
  REQUIRE(site.intro.by_locale.size() == 2);
  CHECK(site.intro.by_locale.at("sv").body_line == 3);
  const json en = view_of(site.config, site.intro, "en");
  CHECK_FALSE(en.contains("title"));
  CHECK_FALSE(en.contains("not_translated"));
  CHECK(en["body"] ==
        json{{"html", "<h2>Who we are</h2>\n<p>We are <strong>Acme</strong>.</p>\n"}});
  CHECK(view_of(site.config, site.intro, "sv")["body"]["html"].get<std::string>().rfind(
            "<h2>Vilka vi är</h2>", 0) == 0);
}

TEST_CASE("intro: a title is the h2 and a missing translation falls back with a notice") {
  Loaded site;
  site.files.add("/site/content/intro.en.md", "---\ntitle: Our approach\n---\n# How we work\n");
  site.files.add("/site/content/introduction.md", "Not an intro file: ignored.\n");
  site.load();
  CHECK(site.messages() ==
        std::vector<std::string>{"content/intro.en.md:1:1: warning: the introduction has no sv "
                                 "translation (intro.sv.md); the en text is shown with a "
                                 "not-translated notice"});
  CHECK(site.missing["sv"] == 1);
  const json en = view_of(site.config, site.intro, "en");
  CHECK(en["title"] == json{{"text", "Our approach"}});
  CHECK(en["body"]["html"] == "<h3>How we work</h3>\n");
  const json sv = view_of(site.config, site.intro, "sv");
  CHECK(sv["title"] == json{{"text", "Our approach"}, {"lang", "en"}});
  CHECK(sv["body"]["lang"] == "en");
  CHECK(sv["lang"] == "en");
  CHECK(sv["not_translated"] ==
        json{{"lang", "en"}, {"notice", "Inte på svenska; visas på engelska."}});
}

TEST_CASE("intro: no file, no introduction") {
  Loaded site;
  site.load();
  CHECK_FALSE(site.intro.present());
  CHECK(site.messages().empty());
  CHECK(view_of(site.config, site.intro, "en").is_null());
}
