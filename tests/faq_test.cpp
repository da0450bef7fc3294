// load_faq and faq_view: content/faq.yaml (SPEC 3).
#include "faq.h"

#include <doctest/doctest.h>

#include "faq_view.h"
#include "live_status.h"
#include "locales.h"
#include "output_fixture.h"

using namespace trustsite;
using namespace trustsite::testing;
using nlohmann::json;

TEST_CASE("faq: questions sorted by order (absent = 0), ties in file order, answers as Markdown") {
  SiteConfig config = output_config();
  config.site_dir = "/site";
  MemoryFileSystem files;
  files.add("/site/content/faq.yaml",
            "questions:\n"
            "  - id: later\n"
            "    order: 5\n"
            "    question: {en: \"Later?\", sv: \"Senare?\"}\n"
            "    answer: {en: Yes., sv: Ja.}\n"
            "  - id: first\n"
            "    order: -1\n"
            "    question: {en: \"First?\", sv: \"Först?\"}\n"
            "    answer: {en: \"# Heading\\n\\nText\", sv: Text}\n"
            "  - id: no-order-a\n"
            "    question: {en: \"A?\", sv: \"A?\"}\n"
            "    answer: {en: A., sv: A.}\n"
            "  - id: no-order-b\n"
            "    question: {en: \"B?\", sv: \"B?\"}\n"
            "    answer: {en: B., sv: B.}\n");
  DiagnosticSink sink;
  MissingTranslations missing;
  const QuestionList list = load_faq(LoadContext{config, files, sink, missing});
  CHECK(sink.sorted().empty());
  CHECK(list.present);
  std::vector<std::string> ids;
  for (const auto& question : list.items) ids.push_back(question.id);
  CHECK(ids == std::vector<std::string>{"first", "no-order-a", "no-order-b", "later"});
  CHECK(list.items[0].id_location.line == 6);

  Content content;
  const UiStrings strings =
      UiStrings::from_tables({{"en", json::object()}, {"sv", json::object()}});
  const MonitoringResult live;
  const SiteModel model{config, content, strings, live, ymd(2026, 12, 1), {}, ""};
  const json view = faq_view(list, make_locale_view(model, "en"));
  REQUIRE(view.size() == 4);
  CHECK(view[0]["id"] == "first");
  CHECK(view[0]["href"] == "#first");
  CHECK(view[0]["question"] == json{{"text", "First?"}});
  // An answer's headings come below the question's h3.
  CHECK(view[0]["answer"]["html"] == "<h4>Heading</h4>\n<p>Text</p>\n");
}

TEST_CASE("faq: no file means no questions, an empty file is an error") {
  SiteConfig config = output_config();
  config.site_dir = "/site";
  MemoryFileSystem files;
  DiagnosticSink sink;
  MissingTranslations missing;
  CHECK_FALSE(load_faq(LoadContext{config, files, sink, missing}).present);
  files.add("/site/content/faq.yaml", "");
  const QuestionList empty = load_faq(LoadContext{config, files, sink, missing});
  CHECK(empty.present);
  REQUIRE(sink.sorted().size() == 1);
  CHECK(format_text(sink.sorted()[0]) ==
        "content/faq.yaml:1:1: error: the file is empty; expected a 'questions' list");
}
