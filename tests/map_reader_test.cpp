// MapReader: the typed reader of one YAML mapping.
#include "map_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "yaml_parse.h"

using namespace trustsite;

namespace {

std::vector<std::string> messages(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.sorted()) out.push_back(format_text(d));
  return out;
}

}  // namespace

TEST_CASE("MapReader reports types, enums, dates and unknown fields precisely") {
  DiagnosticSink sink;
  auto node = parse_yaml(
      "title: 42\nstatus: done\nupdated: 2026-02-30\ndescripton: x\nopt_in: yes\n", "c.yaml", sink);
  REQUIRE(node);
  MapReader reader(*node, "c.yaml", sink, "control 'mfa'",
                   {"title", "status", "updated", "description", "opt_in"});
  CHECK_FALSE(reader.text("title", true));
  CHECK_FALSE(
      reader.one_of("status", true, {"implemented", "in_progress", "planned", "not_applicable"}));
  CHECK_FALSE(reader.date("updated", false));
  CHECK_FALSE(reader.boolean("opt_in", false));
  reader.finish();
  auto out = messages(sink);
  REQUIRE(out.size() == 5);
  CHECK(out[0] ==
        "c.yaml:1:8: error: field 'title' of control 'mfa' is a number (42); expected a text "
        "(quote it if it is meant as text: \"42\")");
  CHECK(out[1] ==
        "c.yaml:2:9: error: unknown status 'done' in control 'mfa'; expected one of: "
        "implemented, in_progress, planned, not_applicable");
  CHECK(out[2] ==
        "c.yaml:3:10: error: field 'updated' of control 'mfa' is the text '2026-02-30', which is "
        "not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)");
  CHECK(out[3] ==
        "c.yaml:4:1: error: unknown field 'descripton' in control 'mfa'; did you mean "
        "'description'?");
  CHECK(out[4] ==
        "c.yaml:5:9: error: field 'opt_in' of control 'mfa' is the text 'yes'; expected true or "
        "false");
}

TEST_CASE("MapReader: missing required field, and an unknown field is an error") {
  DiagnosticSink sink(/*strict=*/true);
  auto node = parse_yaml("colour: blue\n", "c.yaml", sink);
  REQUIRE(node);
  MapReader reader(*node, "c.yaml", sink, "category", {"title"});
  reader.localized("title", true, {"en", "sv"}, "en");
  reader.finish();
  auto out = messages(sink);
  REQUIRE(out.size() == 2);
  CHECK(out[0] ==
        "c.yaml:1:1: error: category has no 'title' field; expected one (it is required)");
  CHECK(out[1] ==
        "c.yaml:1:1: error: unknown field 'colour' in category; expected one of: title (data "
        "that only a custom theme uses goes under 'extra:')");
}

TEST_CASE("MapReader::localized: plain text, maps, unknown locales and missing translations") {
  DiagnosticSink sink;
  auto node =
      parse_yaml("a: Same\nb: {en: Hello, sv: Hej}\nc: {en: Only English}\nd: {en: x, de: y}\n",
                 "f.yaml", sink);
  REQUIRE(node);
  MapReader reader(*node, "f.yaml", sink, "control 'x'", {"a", "b", "c", "d"});
  std::map<std::string, int> missing;
  auto a = reader.localized("a", true, {"en", "sv"}, "en", &missing);
  auto b = reader.localized("b", true, {"en", "sv"}, "en", &missing);
  auto c = reader.localized("c", true, {"en", "sv"}, "en", &missing);
  auto d = reader.localized("d", true, {"en", "sv"}, "en", &missing);
  // SPEC 2: a plain string is default-locale text, untranslated in the other locales.
  CHECK(a.plain);
  CHECK(a.by_locale.at("en") == "Same");
  CHECK_FALSE(a.has("sv"));
  CHECK(resolve(a, "sv", "en").lang == "en");
  CHECK(b.by_locale.at("sv") == "Hej");
  CHECK_FALSE(c.has("sv"));
  CHECK(missing["sv"] == 3);  // a, c and d
  auto out = messages(sink);
  REQUIRE(out.size() == 4);
  CHECK(out[0] ==
        "f.yaml:1:4: warning: field 'a' of control 'x' is a plain text, which is en text, so it "
        "has no sv translation; expected {en: …, sv: …} (the same text under each locale if it is "
        "truly the same in every language)");
  out.erase(out.begin());
  CHECK(out[0] ==
        "f.yaml:3:4: warning: field 'c' of control 'x' has no sv translation; the en text is "
        "shown instead");
  CHECK(out[1] ==
        "f.yaml:4:4: warning: field 'd' of control 'x' has no sv translation; the en text is "
        "shown instead");
  CHECK(out[2] ==
        "f.yaml:4:12: error: locale 'de' in field 'd' of control 'x' is not in site.yaml's "
        "locales; expected one of: en, sv");
}

TEST_CASE("MapReader::localized: a refused translation is one error, not also a missing one") {
  DiagnosticSink sink;
  auto node = parse_yaml("title: {en: Fine, sv: \"Fel \xE2\x80\xAE text\"}\n", "f.yaml", sink);
  REQUIRE(node);
  MapReader reader(*node, "f.yaml", sink, "category", {"title"});
  std::map<std::string, int> missing;
  auto title = reader.localized("title", true, {"en", "sv"}, "en", &missing);
  CHECK_FALSE(title.has("sv"));
  CHECK(missing.empty());
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0].find("error:") != std::string::npos);
}

TEST_CASE("MapReader::extra: any data for the theme, as JSON, and unknown fields are errors") {
  DiagnosticSink sink;
  auto node = parse_yaml(
      "title: x\nextra:\n  owner: IT\n  months: 6\n  ratio: 0.5\n  on: true\n  tags: [a, \"7\"]\n"
      "  nested: {deep: ~}\n",
      "e.yaml", sink);
  REQUIRE(node);
  MapReader reader(*node, "e.yaml", sink, "control 'x'", {"title", "extra"});
  (void)reader.text("title", true);
  const nlohmann::json extra = reader.extra();
  reader.finish();
  CHECK(sink.sorted().empty());
  CHECK(extra ==
        nlohmann::json::parse(R"({"owner":"IT","months":6,"ratio":0.5,"on":true,"tags":["a","7"],)"
                              R"("nested":{"deep":null}})"));

  DiagnosticSink bad;
  auto list = parse_yaml("extra: [1, 2]\n", "e.yaml", bad);
  MapReader not_a_map(*list, "e.yaml", bad, "control 'x'", {"extra"});
  CHECK(not_a_map.extra().is_null());
  not_a_map.finish();
  REQUIRE(bad.sorted().size() == 1);
  CHECK(format_text(bad.sorted()[0]) ==
        "e.yaml:1:8: error: field 'extra' of control 'x' is a list; expected a map of data for "
        "the theme");

  // A reader that never asks for `extra` reports it like any unknown field: nothing written is
  // silently dropped.
  DiagnosticSink unread;
  auto again = parse_yaml("extra: {a: b}\n", "e.yaml", unread);
  MapReader ignoring(*again, "e.yaml", unread, "theme.yaml", {"reserved_ids"});
  ignoring.finish();
  REQUIRE(unread.sorted().size() == 1);
  CHECK(unread.sorted()[0].severity == Severity::error);
}
