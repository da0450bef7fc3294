#include "yaml_reader.h"

#include <doctest/doctest.h>

using namespace trustsite;

namespace {

std::vector<std::string> messages(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.sorted()) out.push_back(format_text(d));
  return out;
}

}  // namespace

TEST_CASE("parse_yaml reports syntax errors with file:line:col") {
  DiagnosticSink sink;
  auto node = parse_yaml("locales: [en, sv\ntheme: x\n", "site.yaml", sink);
  CHECK_FALSE(node);
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  // yaml-cpp reports the missing ']' on line 2; the opening bracket is what the editor must fix.
  CHECK(out[0] ==
        "site.yaml:1:10: error: unclosed '[': this flow list is never closed; expected ']' at its "
        "end");
}

TEST_CASE("parse_yaml: unclosed brackets are found past quoted and commented brackets") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("a: [\"]\", ']', {b: c}]  # ]\nd: {e: [f, g]\nh: i\n", "x.yaml", sink));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "x.yaml:2:4: error: unclosed '{': this flow map is never closed; expected '}' at its end");
}

TEST_CASE("parse_yaml: an unclosed quote at the end of the file, which yaml-cpp accepts") {
  for (const char* text : {"a: 'x", "a: \"x", "a: b\nc: 'it''s\n"}) {
    DiagnosticSink sink;
    CAPTURE(text);
    CHECK_FALSE(parse_yaml(text, "x.yaml", sink));
    REQUIRE(sink.sorted().size() == 1);
    CHECK(sink.sorted()[0].message.rfind("unclosed quote: the text starting with", 0) == 0);
  }
  // Escaped quotes inside closed quotes are fine.
  DiagnosticSink sink;
  auto node = parse_yaml("a: 'it''s'\nb: \"say \\\"hi\\\"\"\n", "x.yaml", sink);
  REQUIRE(node);
  CHECK(sink.sorted().empty());
  CHECK((*node)["a"].Scalar() == "it's");
  CHECK((*node)["b"].Scalar() == "say \"hi\"");
}

TEST_CASE("parse_yaml: a stray ',' is an error, never yaml-cpp's endless loop (issue 1040)") {
  for (const char* text : {",", ",x", "\"a\",", "[a],", "{a: b},", "  a: 1\n,", "a: 1\n...\n,"}) {
    DiagnosticSink sink;
    CAPTURE(text);
    CHECK_FALSE(parse_yaml(text, "x.yaml", sink));
    REQUIRE(sink.sorted().size() == 1);
    CHECK(sink.sorted()[0].message.rfind("YAML syntax error: unexpected ','", 0) == 0);
  }
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("a: 1\n---\nb: 2\n", "x.yaml", sink));
  REQUIRE(sink.sorted().size() == 1);
  CHECK(format_text(sink.sorted()[0]) ==
        "x.yaml:2:1: error: a second YAML document starts here; expected a single document per "
        "file");
}

TEST_CASE("text_problem: length, control characters and bidirectional controls") {
  CHECK(text_problem("plain text\twith a tab\nand lines") == "");
  CHECK(text_problem("Svenska: åäö, emoji 🔒, RLM \u200F") == "");
  CHECK(text_problem(std::string(kMaxTextBytes, 'x')) == "");
  CHECK(text_problem(std::string(kMaxTextBytes + 1, 'x')).rfind("is 262145 bytes long", 0) == 0);
  CHECK(text_problem("a\x1b[31m").rfind("contains the control character U+001B at byte 2;", 0) ==
        0);
  CHECK(text_problem("a\u0085").rfind("contains the control character U+0085 at byte 2;", 0) == 0);
  for (const char* bidi :
       {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    CHECK(text_problem(std::string("x") + bidi).find("bidirectional control character") !=
          std::string::npos);
  CHECK(text_problem("\u2028\u2029\u2065\u206A") == "");  // neighbours are not bidi controls
}

TEST_CASE("DiagnosticSink keeps control characters of the input out of messages") {
  DiagnosticSink sink;
  sink.error({"x", 1, 1}, "bad \x1b[2J text \u202E here");
  CHECK(sink.sorted()[0].message == "bad ?[2J text ? here");
}

TEST_CASE("parse_yaml names a tab used for indentation") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("category:\n\ttitle: x\n", "content/controls/a.yaml", sink));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "content/controls/a.yaml:2:1: error: tab character in indentation; expected spaces "
        "(YAML does not allow tabs for indentation)");
}

TEST_CASE("parse_yaml reports duplicate keys at the second key, naming the first") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", "x.yaml", sink));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "x.yaml:4:3: error: duplicate key 'c' (first at line 3, column 3); expected each key "
        "once in a mapping");
}

TEST_CASE("parse_yaml rejects invalid UTF-8 and accepts a BOM") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("a: 1\nb: caf\xE9\n", "x.yaml", sink));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "x.yaml:2:7: error: invalid UTF-8 (byte 0xE9); expected a UTF-8 encoded text file");

  DiagnosticSink clean;
  auto node = parse_yaml("\xEF\xBB\xBFtitle: ok\n", "x.yaml", clean);
  REQUIRE(node);
  CHECK((*node)["title"].as<std::string>() == "ok");
  CHECK_FALSE(clean.has_errors());
}

TEST_CASE("parse_yaml shifts positions of front matter by first_line") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("a: 1\na: 2\n", "content/pages/p.en.md", sink, 2));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("content/pages/p.en.md:3:1:", 0) == 0);
}

TEST_CASE("find_invalid_utf8 rejects overlongs, surrogates and truncation") {
  CHECK_FALSE(find_invalid_utf8("åäö ✓ 📦"));
  CHECK(find_invalid_utf8("\xC0\xAF") == std::optional<std::size_t>(0));          // overlong '/'
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == std::optional<std::size_t>(2));    // surrogate
  CHECK(find_invalid_utf8("abc\xE2\x9C") == std::optional<std::size_t>(3));       // truncated
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));  // > U+10FFFF
}

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
        "c.yaml:4:1: warning: unknown field 'descripton' in control 'mfa'; did you mean "
        "'description'?");
  CHECK(out[4] ==
        "c.yaml:5:9: error: field 'opt_in' of control 'mfa' is the text 'yes'; expected true or "
        "false");
}

TEST_CASE("MapReader: missing required field, and --strict turns unknown fields into errors") {
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
  CHECK(out[1] == "c.yaml:1:1: error: unknown field 'colour' in category; expected one of: title");
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
  CHECK(a.plain);
  CHECK(a.by_locale.at("sv") == "Same");
  CHECK(b.by_locale.at("sv") == "Hej");
  CHECK_FALSE(c.has("sv"));
  CHECK(missing["sv"] == 2);  // c and d
  auto out = messages(sink);
  REQUIRE(out.size() == 3);
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

TEST_CASE("is_identifier: a lowercase letter or digit, then lowercase letters, digits or '-'") {
  CHECK(is_identifier("mfa"));
  CHECK(is_identifier("iso-27001"));
  CHECK(is_identifier("2fa"));
  CHECK_FALSE(is_identifier(""));
  CHECK_FALSE(is_identifier("-mfa"));
  CHECK_FALSE(is_identifier("MFA"));
  CHECK_FALSE(is_identifier("a_b"));
  CHECK_FALSE(is_identifier("a b"));
  CHECK_FALSE(is_identifier("\"><script>"));
}

TEST_CASE("parse_yaml refuses alias bombs quickly instead of expanding them") {
  // Built with append() only: GCC 12 warns falsely (-Wrestrict, GCC bug 105329) about some
  // chains of std::string operator+.
  std::string text;
  for (int level = 1; level <= 12; ++level) {
    const std::string name = std::to_string(level), previous = std::to_string(level - 1);
    text.append("l").append(name).append(": &l").append(name).append(" [");
    for (int i = 0; i < 9; ++i) {
      if (i > 0) text.append(", ");
      if (level == 1)
        text.append("lol");
      else
        text.append("*l").append(previous);
    }
    text.append("]\n");
  }
  text += "title: *l12\n";
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml(text, "bomb.yaml", sink));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("bomb.yaml:1:1: error: this YAML expands to more values than its text holds",
                     0) == 0);

  // Ordinary anchors and aliases that do not multiply are still accepted.
  DiagnosticSink ok;
  auto node = parse_yaml("base: &b {a: 1}\nother: *b\n", "ok.yaml", ok);
  REQUIRE(node);
  CHECK((*node)["other"]["a"].as<int>() == 1);
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
