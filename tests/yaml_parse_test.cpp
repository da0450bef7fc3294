// parse_yaml: positions, yaml-cpp workarounds, duplicate keys, alias bombs.
#include "yaml_parse.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("parse_yaml names a tab used for indentation") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml("category:\n\ttitle: x\n", "content/controls/a.yaml", sink));
  auto out = messages(sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "content/controls/a.yaml:2:1: error: tab character in indentation; expected spaces "
        "(YAML does not allow tabs for indentation)");
}

TEST_CASE("parse_yaml: one problem of the parsed tree is reported, the gravest") {
  // An unclosed quote hides the duplicate keys before it (the text after the quote is not what
  // the editor meant), and in a map key too; the first unclosed quote is the one named.
  DiagnosticSink quote;
  CHECK_FALSE(parse_yaml("a: 1\na: 2\nb:\n  'k: x\nc: \"y\n", "q.yaml", quote));
  auto out = messages(quote);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("q.yaml:4:3: error: unclosed quote: the text starting with '", 0) == 0);
  // Too many values hides everything else.
  std::string text = "a: 1\na: 2\nl0: &l0 [x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 10; ++level) {
    const std::string name = std::to_string(level), alias = "*l" + std::to_string(level - 1);
    text += 'l' + name + ": &l" + name + " [" + alias + ", " + alias + ", " + alias + ", " + alias +
            "]\n";
  }
  text += "z: 'open\n";
  DiagnosticSink bomb;
  CHECK_FALSE(parse_yaml(text, "b.yaml", bomb));
  out = messages(bomb);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("b.yaml:1:1: error: this YAML expands to more values", 0) == 0);
  // Keys written twice inside a map that is itself a key are not looked for; in values they are.
  DiagnosticSink keys;
  CHECK_FALSE(parse_yaml("? {k: 1, k: 2}\n: {v: 1, v: 2}\n", "k.yaml", keys));
  out = messages(keys);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("k.yaml:2:10: error: duplicate key 'v'", 0) == 0);
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
