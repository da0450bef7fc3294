// Tests of the Mustache engine (generator/mustache.*): the official spec suite
// (tests/mustache_spec/, MIT-licensed data from github.com/mustache/spec) and trustsite's own
// behaviour: escaping, errors with positions, limits, the library's caching and thread-safety,
// and the directory loader.
#include "mustache.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <fstream>
#include <string>

namespace ms = trustsite::mustache;
using nlohmann::json;

namespace {

json load_spec(const std::string& file) {
  std::ifstream in(std::string(TRUSTSITE_TESTS_DIR) + "/mustache_spec/" + file);
  REQUIRE_MESSAGE(in, "cannot open tests/mustache_spec/" << file);
  return json::parse(in);
}

// Runs every test of one spec file; each must render exactly its `expected`.
void run_spec_file(const std::string& file) {
  const json spec = load_spec(file);
  REQUIRE(spec.at("tests").size() > 0);
  std::size_t passed = 0;
  for (const json& test : spec.at("tests")) {
    const std::string name = test.at("name");
    INFO(file << ": " << name);
    std::string actual;
    try {
      actual = ms::render_string(test.at("template").get<std::string>(), test.at("data"),
                                 test.value("partials", json::object()));
    } catch (const std::exception& error) {
      actual = std::string("exception: ") + error.what();
    }
    const std::string expected = test.at("expected");
    CHECK(actual == expected);
    if (actual == expected) ++passed;
  }
  MESSAGE(file << ": " << passed << "/" << spec.at("tests").size() << " passed");
}

}  // namespace

TEST_CASE("mustache spec: interpolation") {
  run_spec_file("interpolation.json");
}
TEST_CASE("mustache spec: sections") {
  run_spec_file("sections.json");
}
TEST_CASE("mustache spec: inverted") {
  run_spec_file("inverted.json");
}
TEST_CASE("mustache spec: comments") {
  run_spec_file("comments.json");
}
TEST_CASE("mustache spec: partials") {
  run_spec_file("partials.json");
}
TEST_CASE("mustache spec: delimiters") {
  run_spec_file("delimiters.json");
}
TEST_CASE("mustache spec: inheritance") {
  run_spec_file("~inheritance.json");
}

// ---------------------------------------------------------------------------------------------
// trustsite's own tests

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

namespace {

namespace fs = std::filesystem;

std::string render(std::string_view source, const json& context = json::object(),
                   const json& partials = json::object()) {
  return ms::render_string(source, context, partials);
}

// The what() of the TemplateError that parsing `source` as "t.mustache" throws.
std::string parse_error(std::string_view source) {
  try {
    ms::parse(source, "t.mustache");
  } catch (const ms::TemplateError& error) {
    return error.what();
  }
  return "(no error)";
}

// A loader over an in-memory map that counts how often each name is asked for.
struct MapLoader {
  std::map<std::string, std::string> templates;
  std::shared_ptr<std::map<std::string, int>> calls =
      std::make_shared<std::map<std::string, int>>();
  std::shared_ptr<std::mutex> mutex = std::make_shared<std::mutex>();

  ms::TemplateLoader loader() const {
    return [templates = templates, calls = calls, mutex = mutex](
               const std::string& name) -> std::optional<std::pair<std::string, std::string>> {
      {
        std::lock_guard lock(*mutex);
        ++(*calls)[name];
      }
      auto found = templates.find(name);
      if (found == templates.end()) return std::nullopt;
      return std::make_pair(found->second, "templates/" + name + ".mustache");
    };
  }
  int calls_for(const std::string& name) const {
    std::lock_guard lock(*mutex);
    auto found = calls->find(name);
    return found == calls->end() ? 0 : found->second;
  }
};

using trustsite::testing::TempDir;
using trustsite::testing::write_file;

}  // namespace

TEST_CASE("mustache: {{x}} escapes & < > \" ' for element and attribute contexts") {
  const json data = {{"x", "Tom & Jerry <b>\"hi\"</b> it's"}};
  CHECK(render("{{x}}", data) == "Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; it&#39;s");
  // A value cannot break out of a quoted attribute, double or single quoted.
  CHECK(render("<a title=\"{{t}}\">", {{"t", "\" onmouseover=\"alert(1)"}}) ==
        "<a title=\"&quot; onmouseover=&quot;alert(1)\">");
  CHECK(render("<a title='{{t}}'>", {{"t", "' onclick='x"}}) == "<a title='&#39; onclick=&#39;x'>");
  // Escaping is not applied twice, and other characters pass through untouched.
  CHECK(render("{{x}}", {{"x", "&amp; åäö € /"}}) == "&amp;amp; åäö € /");
  std::string out = "prefix:";
  ms::append_html_escaped(out, "<'&\">");
  CHECK(out == "prefix:&lt;&#39;&amp;&quot;&gt;");
}

TEST_CASE("mustache: {{{x}}} and {{&x}} insert raw text") {
  const json data = {{"html", "<p class='a'>A &amp; B</p>"}};
  CHECK(render("{{{html}}}|{{&html}}|{{{ html }}}", data) ==
        "<p class='a'>A &amp; B</p>|<p class='a'>A &amp; B</p>|<p class='a'>A &amp; B</p>");
  // With other delimiters, the triple form is the new delimiters around {…}.
  CHECK(render("{{=<% %>=}}<%{html}%>", data) == "<p class='a'>A &amp; B</p>");
}

TEST_CASE("mustache: value formatting") {
  const json data = {{"int", 42},         {"negative", -7},      {"big", 18446744073709551615ull},
                     {"decimal", 1.21},   {"whole_double", 2.0}, {"yes", true},
                     {"no", false},       {"nothing", nullptr},  {"object", {{"a", "<1>"}}},
                     {"list", {1, "two"}}};
  CHECK(render("{{int}} {{negative}} {{big}} {{decimal}}", data) ==
        "42 -7 18446744073709551615 1.21");
  CHECK(render("{{whole_double}}", data) == "2.0");
  CHECK(render("{{yes}}/{{no}}/[{{nothing}}]/[{{missing}}]", data) == "true/false/[]/[]");
  // Objects and lists render as their (escaped) JSON text; sections are how to use them.
  CHECK(render("{{object}}", data) == "{&quot;a&quot;:&quot;&lt;1&gt;&quot;}");
  CHECK(render("{{{list}}}", data) == "[1,\"two\"]");
}

TEST_CASE("mustache: truthiness follows the spec, not JavaScript") {
  // Only false, null, missing and [] are falsy; "", 0 and {} are truthy.
  const json data = {{"empty_string", ""},          {"zero", 0},  {"empty_object", json::object()},
                     {"empty_list", json::array()}, {"f", false}, {"n", nullptr}};
  for (const char* name : {"empty_string", "zero", "empty_object"}) {
    INFO(name);
    const std::string name_s = name;
    CHECK(
        render("{{#" + name_s + "}}yes{{/" + name_s + "}}{{^" + name_s + "}}no{{/" + name_s + "}}",
               data) == "yes");
  }
  for (const char* name : {"empty_list", "f", "n", "missing"}) {
    INFO(name);
    const std::string name_s = name;
    CHECK(
        render("{{#" + name_s + "}}yes{{/" + name_s + "}}{{^" + name_s + "}}no{{/" + name_s + "}}",
               data) == "no");
  }
  // A truthy scalar is pushed: {{.}} is the value itself.
  CHECK(render("{{#zero}}[{{.}}]{{/zero}}", data) == "[0]");
}

TEST_CASE("mustache: context stack and dotted names") {
  const json data = {{"company", {{"name", "Nordlys AB"}, {"contact", "hello@nordlys.example"}}},
                     {"title", "Trust Center"},
                     {"controls", {{{"id", "mfa"}, {"title", "MFA"}}, {{"id", "sso"}}}}};
  // Names missing in a list element are found further down the stack.
  CHECK(render("{{#controls}}{{id}}:{{title}};{{/controls}}", data) == "mfa:MFA;sso:Trust Center;");
  CHECK(render("{{company.name}} <{{company.contact}}>", data) ==
        "Nordlys AB <hello@nordlys.example>");
  // The rest of a dotted name is resolved only inside the first part's value.
  CHECK(render("{{#controls}}{{company.name}}|{{/controls}}", data) == "Nordlys AB|Nordlys AB|");
  CHECK(render("{{company.title}}", data) == "");
}

TEST_CASE("mustache: spec v1.3 cases missing from the stored spec snapshot") {
  // interpolation.yml
  CHECK(render("I ({{cannot}}) be seen!", {{"cannot", nullptr}}) == "I () be seen!");
  CHECK(render("I ({{{cannot}}}) be seen!", {{"cannot", nullptr}}) == "I () be seen!");
  CHECK(render("{{a.b}}", {{"a.b", "c"}}) == "");                        // never single keys
  CHECK(render("{{a.b}}", {{"a.b", "c"}, {"a", {{"b", "d"}}}}) == "d");  // no masking
  CHECK(render("Hello, {{.}}!\n", "world") == "Hello, world!\n");
  CHECK(render("{{.}}|{{{.}}}|{{&.}}", "& \" < >") == "&amp; &quot; &lt; &gt;|& \" < >|& \" < >");
  CHECK(render("\"{{.}} miles an hour!\"", 85) == "\"85 miles an hour!\"");
  // sections.yml "Implicit Iterator - Root-level"
  CHECK(render("\"{{#.}}({{value}}){{/.}}\"", json::array({{{"value", "a"}}, {{"value", "b"}}})) ==
        "\"(a)(b)\"");
  // partials.yml "Nested"
  CHECK(render("{{>outer}}", {{"a", "hello"}, {"b", "world"}},
               {{"outer", "*{{a}} {{>inner}}*"}, {"inner", "{{b}}!"}}) == "*hello world!*");
  // comments.yml "Variable Name Collision"
  CHECK(render("comments never show: >{{! comment }}<",
               {{"! comment", 1}, {"! comment ", 2}, {"!comment", 3}, {"comment", 4}}) ==
        "comments never show: ><");
  // partials.yml "Standalone Indentation" (the revision with text after the values): newlines
  // inside interpolated values are not indented, only lines of the partial's own text.
  CHECK(render("\\\n {{>partial}}\n/\n", {{"content", "<\n->"}},
               {{"partial", "|\n{{{content}}}a b{{{content}}}c\n|\n"}}) ==
        "\\\n |\n <\n->a b<\n->c\n |\n/\n");
}

TEST_CASE("mustache: standalone partial indentation nests, inline partials are not indented") {
  const json partials = {
      {"list", "<ul>\n  {{>item}}\n</ul>\n"}, {"item", "<li>\n  x\n</li>\n"}, {"inline", "a\nb"}};
  CHECK(render("<nav>\n  {{>list}}\n</nav>\n", json::object(), partials) ==
        "<nav>\n  <ul>\n    <li>\n      x\n    </li>\n  </ul>\n</nav>\n");
  // An inline partial inside an indented partial is inserted as is (as if its text were
  // pasted into the partial after indenting it).
  CHECK(render("  {{>outer}}", json::object(),
               {{"outer", "[{{>inline}}]\nz"}, {"inline", "a\nb"}}) == "  [a\nb]\n  z");
  // Standalone lines inside an indented partial disappear; blank lines keep the indentation.
  CHECK(render("  {{>p}}", {{"on", true}}, {{"p", "{{#on}}\nA\n\nB\n{{/on}}\n"}}) ==
        "  A\n  \n  B\n");
  // CRLF line ends.
  CHECK(render("x\r\n  {{>p}}\r\ny", json::object(), {{"p", "a\r\nb\r\n"}}) ==
        "x\r\n  a\r\n  b\r\ny");
}

TEST_CASE("mustache: inheritance, a site template overriding a theme layout") {
  const json partials = {
      {"layout",
       "<html>\n<head><title>{{$title}}{{site}}{{/title}}</title></head>\n<body>\n  {{>header}}\n"
       "  <main>\n    {{$content}}\n    <p>No content</p>\n    {{/content}}\n  </main>\n</body>\n"
       "</html>\n"},
      {"header", "<header>{{$brand}}{{site}}{{/brand}}</header>\n"}};
  const json data = {{"site", "Nordlys"}, {"controls", {"MFA", "SSO"}}};
  // Default blocks.
  CHECK(render("{{<layout}}{{/layout}}", data, partials) ==
        "<html>\n<head><title>Nordlys</title></head>\n<body>\n  <header>Nordlys</header>\n"
        "  <main>\n    <p>No content</p>\n  </main>\n</body>\n</html>\n");
  // Overrides: the content block is re-indented to where the layout expands it, and a block of
  // a partial inside the layout (brand) can be overridden too.
  CHECK(render("{{<layout}}\n{{$title}}Controls · "
               "{{site}}{{/title}}\n{{$brand}}<b>{{site}}</b>{{/brand}}\n"
               "{{$content}}\n<ul>\n  {{#controls}}\n  <li>{{.}}</li>\n  {{/controls}}\n</ul>\n"
               "{{/content}}\n{{/layout}}\n",
               data, partials) ==
        "<html>\n<head><title>Controls · Nordlys</title></head>\n<body>\n"
        "  <header><b>Nordlys</b></header>\n  <main>\n    <ul>\n      <li>MFA</li>\n"
        "      <li>SSO</li>\n    </ul>\n  </main>\n</body>\n</html>\n");
}

TEST_CASE("mustache: syntax errors name the file, line, column and what was expected") {
  CHECK(parse_error("Hello {{name") ==
        "t.mustache:1:7: unclosed tag: found '{{' but no closing '}}'; expected the tag to end "
        "with '}}'");
  CHECK(parse_error("a\n  {{{raw}}") ==
        "t.mustache:2:3: unclosed tag: found '{{{' but no closing '}}}'; expected the tag to end "
        "with '}}}'");
  CHECK(parse_error("{{! never closed") ==
        "t.mustache:1:1: unclosed comment: found '{{!' but no closing '}}'; expected the tag to "
        "end with '}}'");
  CHECK(parse_error("<ul>\n{{#controls}}\n  <li>{{title}}</li>\n") ==
        "t.mustache:2:1: unclosed section 'controls': it is never closed (the template ends at "
        "4:1); expected {{/controls}} before the end of the template");
  CHECK(parse_error("{{<layout}}\n{{$main}}x") ==
        "t.mustache:2:1: unclosed block 'main': it is never closed (the template ends at 2:11); "
        "expected {{/main}} before the end of the template");
  CHECK(parse_error("{{#bar}}\n  {{^baz}}{{/baz}}\n{{/foo}}") ==
        "t.mustache:3:1: mismatched closing tag {{/foo}}; expected {{/bar}} (section opened at "
        "1:1)");
  CHECK(parse_error("text {{/foo}}") ==
        "t.mustache:1:6: closing tag {{/foo}} has no open section; expected a matching opening "
        "tag before it");
  CHECK(parse_error("{{=<% =}}") ==
        "t.mustache:1:1: bad set-delimiter tag '{{=<% =}}'; expected two delimiters separated by "
        "whitespace, neither containing whitespace or '=', e.g. '{{=<% %>=}}'");
  CHECK(parse_error("{{=a= b=}}") ==
        "t.mustache:1:1: bad set-delimiter tag '{{=a= b=}}'; expected two delimiters separated by "
        "whitespace, neither containing whitespace or '=', e.g. '{{=<% %>=}}'");
  CHECK(parse_error("x {{=<% %>}}") ==
        "t.mustache:1:3: unclosed set-delimiter tag: found '{{=' but no closing '=}}'; expected "
        "the tag to end with '=}}'");
  CHECK(parse_error("\n\n   {{#}}") ==
        "t.mustache:3:4: empty tag name in '{{#}}'; expected a name, e.g. '{{#name}}'");
  CHECK(parse_error("{{ }}") ==
        "t.mustache:1:1: empty tag name in '{{ }}'; expected a name, e.g. '{{name}}'");
  CHECK(parse_error("{{> }}") ==
        "t.mustache:1:1: empty tag name in '{{> }}'; expected a name, e.g. '{{>name}}'");
  CHECK(parse_error("{{first name}}") ==
        "t.mustache:1:1: tag name 'first name' in '{{first name}}' contains whitespace; expected a "
        "single name such as 'title' or 'company.name'");
  // Columns count characters, not bytes; messages use the delimiters in force.
  CHECK(parse_error("åäö {{=<% %>=}}<%#a%>x<%/b%>") ==
        "t.mustache:1:23: mismatched closing tag <%/b%>; expected <%/a%> (section opened at 1:16)");
}

TEST_CASE("mustache: TemplateError carries its parts") {
  try {
    ms::parse("ok\n{{#a}}", "themes/default/templates/page.mustache");
    FAIL("expected a TemplateError");
  } catch (const ms::TemplateError& error) {
    CHECK(error.file() == "themes/default/templates/page.mustache");
    CHECK(error.line() == 2);
    CHECK(error.column() == 1);
    CHECK(error.message() ==
          "unclosed section 'a': it is never closed (the template ends at 2:7); expected {{/a}} "
          "before the end of the template");
    CHECK(std::string(error.what()) ==
          "themes/default/templates/page.mustache:2:1: " + error.message());
  }
  CHECK(std::string(ms::TemplateError("x.mustache", 0, 0, "gone").what()) == "x.mustache: gone");
}

TEST_CASE("mustache: nesting deeper than max_nesting_depth is a syntax error") {
  std::string ok, too_deep;
  for (int i = 0; i < ms::max_nesting_depth; ++i) ok += "{{#a}}";
  for (int i = 0; i < ms::max_nesting_depth; ++i) ok += "{{/a}}";
  CHECK_NOTHROW(ms::parse(ok, "t.mustache"));
  for (int i = 0; i <= ms::max_nesting_depth; ++i) too_deep += "{{#a}}";
  CHECK(parse_error(too_deep) == "t.mustache:1:" + std::to_string(6 * ms::max_nesting_depth + 1) +
                                     ": sections, parents and blocks nested more than 100 levels "
                                     "deep; expected at most 100");
}

TEST_CASE("mustache: missing partials, spec mode and build mode") {
  MapLoader templates;
  templates.templates = {{"home", "<h1>{{title}}</h1>\n  {{>nav}}\n{{<layout}}{{/layout}}"}};
  // The spec's behaviour: missing partials and parents render as "".
  ms::TemplateLibrary lenient(templates.loader());
  CHECK(lenient.render("home", {{"title", "T"}}) == "<h1>T</h1>\n");
  CHECK(lenient.check("home").empty());

  // A site build: an error at the referencing tag, naming the partial and where it was sought.
  ms::TemplateLibrary strict(templates.loader(), ms::TemplateLibrary::MissingPartial::throw_error,
                             "templates/ or themes/default/templates/");
  try {
    strict.render("home", {{"title", "T"}});
    FAIL("expected a TemplateError");
  } catch (const ms::TemplateError& error) {
    CHECK(std::string(error.what()) ==
          "templates/home.mustache:2:3: partial 'nav' not found; expected nav.mustache in "
          "templates/ or themes/default/templates/");
  }
  const auto problems = strict.check("home");
  REQUIRE(problems.size() == 2);
  CHECK(std::string(problems[0].what()) ==
        "templates/home.mustache:2:3: partial 'nav' not found; expected nav.mustache in "
        "templates/ or themes/default/templates/");
  CHECK(std::string(problems[1].what()) ==
        "templates/home.mustache:3:1: parent 'layout' not found; expected layout.mustache in "
        "templates/ or themes/default/templates/");
  CHECK_THROWS_WITH_AS(strict.preload("home"), problems[0].what(), ms::TemplateError);
  // A missing top-level template: get() says nullptr, render() throws.
  CHECK(strict.get("nope") == nullptr);
  CHECK_NOTHROW(strict.preload("nope"));
  CHECK_THROWS_WITH_AS(strict.render("nope", json::object()),
                       "nope: template 'nope' not found; expected nope.mustache in templates/ or "
                       "themes/default/templates/",
                       ms::TemplateError);
}

TEST_CASE("mustache: check() reports syntax errors of every reachable template") {
  MapLoader templates;
  templates.templates = {{"page", "{{>head}}\n{{#items}}{{>item}}{{/items}}\n{{>head}}"},
                         {"head", "<title>{{title}</title>"},
                         {"item", "{{>missing}}{{>deeper}}"},
                         {"deeper", "{{/x}}"}};
  ms::TemplateLibrary library(templates.loader(), ms::TemplateLibrary::MissingPartial::throw_error);
  const auto problems = library.check("page");
  REQUIRE(problems.size() == 3);
  CHECK(std::string(problems[0].what()) ==
        "templates/head.mustache:1:8: unclosed tag: found '{{' but no closing '}}'; expected the "
        "tag to end with '}}'");
  CHECK(std::string(problems[1].what()) ==
        "templates/item.mustache:1:1: partial 'missing' not found; expected missing.mustache");
  CHECK(std::string(problems[2].what()) ==
        "templates/deeper.mustache:1:1: closing tag {{/x}} has no open section; expected a "
        "matching opening tag before it");
  // Syntax errors are cached: get() keeps throwing, without asking the loader again.
  CHECK_THROWS_AS(library.get("head"), ms::TemplateError);
  CHECK_THROWS_AS(library.get("head"), ms::TemplateError);
  CHECK(templates.calls_for("head") == 1);
}

TEST_CASE("mustache: recursion is capped at max_partial_depth") {
  // A partial that includes itself unconditionally.
  try {
    render("{{>loop}}", json::object(), {{"loop", "x{{>loop}}"}});
    FAIL("expected a TemplateError");
  } catch (const ms::TemplateError& error) {
    CHECK(error.file() == "loop");
    CHECK(error.line() == 1);
    CHECK(error.column() == 2);
    CHECK(error.message() ==
          "partial 'loop' nested more than 100 levels deep (a template that includes itself); "
          "expected the recursion to end within 100 levels");
  }
  // Parents that inherit from each other.
  CHECK_THROWS_WITH_AS(
      render("{{<a}}{{/a}}", json::object(), {{"a", "{{<b}}{{/b}}"}, {"b", "{{<a}}{{/a}}"}}),
      doctest::Contains("nested more than 100 levels deep"), ms::TemplateError);
  // Recursion that ends (a tree 60 levels deep) is fine.
  json tree = {{"name", "leaf"}, {"children", json::array()}};
  for (int i = 0; i < 60; ++i) tree = {{"name", "n"}, {"children", {tree}}};
  const std::string out =
      render("{{>node}}", tree, {{"node", "{{name}}({{#children}}{{>node}}{{/children}})"}});
  CHECK(out.find("leaf") != std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '(') == 61);
}

TEST_CASE("mustache: runaway rendering is stopped, not hung") {
  // 10^9 iterations of nested loops would take many minutes; the step budget stops them.
  std::string nested;
  for (int i = 0; i < 9; ++i) nested += "{{#l}}";
  for (int i = 0; i < 9; ++i) nested += "{{/l}}";
  const json data = {{"l", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}};
  // The exception is the proof that rendering stopped; how long the budget takes is a matter of
  // the machine (about 1 s in Release, over 10 s under ASan on a loaded CI machine), so it is not
  // timed here.
  CHECK_THROWS_WITH_AS(render(nested, data),
                       doctest::Contains("rendering took more than 100000000 steps"),
                       ms::TemplateError);
  // Output larger than max_output_bytes.
  const json big = {{"l", json::array()}, {"text", std::string(1 << 20, 'x')}};
  json many = big;
  for (std::size_t i = 0; i <= ms::max_output_bytes >> 20; ++i) many["l"].push_back(i);
  CHECK_THROWS_WITH_AS(render("{{#l}}{{text}}{{/l}}", many),
                       doctest::Contains("rendered output is larger than 268435456 bytes (256 MiB"),
                       ms::TemplateError);
}

TEST_CASE("mustache: output of several MiB comes out whole and in order") {
  // The renderer keeps large output in 1 MiB chunks; values smaller than a chunk, one larger
  // than a chunk and escaped text all cross chunk boundaries here.
  json items = json::array();
  std::string expected;
  for (int i = 0; i < 40000; ++i) {
    std::string text =
        "item " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), 'a');
    if (i == 20000) text = std::string(3 << 20, 'b');
    items.push_back({{"text", text}, {"mark", i % 3 == 0 ? "<&>" : ""}});
    expected += "[" + text + "|" + (i % 3 == 0 ? std::string("&lt;&amp;&gt;") : "") + "]\n";
  }
  const std::string rendered =
      render("{{#items}}[{{text}}|{{mark}}]\n{{/items}}", {{"items", items}});
  CHECK(rendered.size() > 5u << 20);
  CHECK(rendered.size() == expected.size());
  CHECK(rendered == expected);
}

TEST_CASE("mustache: TemplateLibrary parses each template once") {
  MapLoader templates;
  templates.templates = {{"page", "{{>header}}{{#items}}{{>item}}{{/items}}{{>header}}{{>gone}}"},
                         {"header", "<h1>{{title}}</h1>"},
                         {"item", "<li>{{.}}</li>"}};
  ms::TemplateLibrary library(templates.loader());
  const json data = {{"title", "T"}, {"items", {"a", "b", "c"}}};
  for (int i = 0; i < 50; ++i)
    REQUIRE(library.render("page", data) == "<h1>T</h1><li>a</li><li>b</li><li>c</li><h1>T</h1>");
  CHECK(templates.calls_for("page") == 1);
  CHECK(templates.calls_for("header") == 1);
  CHECK(templates.calls_for("item") == 1);
  CHECK(templates.calls_for("gone") == 1);  // misses are cached too
  // get() hands out the cached template.
  CHECK(library.get("header") == library.get("header"));
  CHECK(library.get("header")->display_path() == "templates/header.mustache");
}

TEST_CASE("mustache: deferred values are resolved when used and only then") {
  std::string alternating;
  for (int i = 0; i <= ms::max_deferred_resolutions; ++i)
    alternating += "{{#first}}{{label}}{{/first}}{{#lazy_list}}{{/lazy_list}}";
  MapLoader templates;
  templates.templates = {
      {"page",
       "{{#groups}}[{{name}}:{{#items}}{{label}} {{/items}}{{^items}}none{{/items}}]{{/groups}}"
       "|{{first.label}}|{{#lazy_list}}<{{.}}>{{/lazy_list}}|{{unused_is_never_asked}}"},
      {"quiet", "{{#groups}}{{name}} {{/groups}}"},
      {"nested",
       "{{#first}}{{#first}}{{#first}}{{label}}{{^first}}-{{/first}}{{/first}}{{/first}}{{/"
       "first}}"},
      {"print", "{{#groups}}{{{.}}}|{{/groups}}"},
      {"alternating", alternating}};
  ms::TemplateLibrary library(templates.loader());
  const json context = {{"groups",
                         {{{"name", "a"}, {"items", ms::deferred_value(1)}},
                          {{"name", "b"}, {"items", ms::deferred_value(2)}}}},
                        {"first", ms::deferred_value(3)},
                        {"lazy_list", {ms::deferred_value(4), "plain", ms::deferred_value(5)}}};
  std::map<std::uint64_t, int> calls;
  const ms::DeferredValues resolve = [&](std::uint64_t key) -> json {
    ++calls[key];
    switch (key) {
      case 1:
        return {{{"label", "x"}}, {{"label", "y"}}};
      case 2:
        return json::array();  // empty: the inverted section shows
      case 3:
        return {{"label", "<first>"}};
      case 4:
        return "four";
      default:
        return ms::deferred_value(6);  // a chain: rendered as missing
    }
  };
  CHECK(library.render("page", context, resolve) ==
        "[a:x y ][b:none]|&lt;first&gt;|<four><plain><>|");
  // The next use of a value shares its resolution: `items` is used by the section and by the
  // inverted section of each group, and built once for each.
  CHECK(calls == std::map<std::uint64_t, int>{{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}});
  // A template that does not name a deferred value never resolves it.
  calls.clear();
  CHECK(library.render("quiet", context, resolve) == "a b ");
  CHECK(calls.empty());
  // Without a resolver (render-template, spec tests) deferred values render as missing.
  CHECK(library.render("page", context) == "[a:none][b:none]||<><plain><>|");
  // What a resolver throws reaches the caller.
  CHECK_THROWS_AS(
      library.render("page", context,
                     [](std::uint64_t) -> json { throw std::runtime_error("resolver failed"); }),
      std::runtime_error);
  // Uses inside a use of the same value share it, however deep.
  calls.clear();
  CHECK(library.render("page", {{"groups", {{{"name", "n"}, {"items", ms::deferred_value(1)}}}}},
                       resolve) == "[n:x y ]|||");
  calls.clear();
  CHECK(library.render("nested", context, resolve) == "&lt;first&gt;");
  CHECK(calls == std::map<std::uint64_t, int>{{3, 1}});
  // Printed as JSON text, an object shows its deferred values resolved, not the marker.
  CHECK(library.render("print", context, resolve) ==
        R"({"items":[{"label":"x"},{"label":"y"}],"name":"a"}|{"items":[],"name":"b"}|)");
  // A template that goes back to the same value again and again (here: two values used in turn)
  // builds it anew each time; past max_deferred_resolutions that is an error at the tag, so that
  // no template can take hours within the step budget.
  calls.clear();
  CHECK_THROWS_WITH_AS(library.render("alternating", context, resolve),
                       doctest::Contains("'first' is built anew at each use, and this page uses "
                                         "the same value more than 4 times"),
                       ms::TemplateError);
  CHECK(calls[3] == ms::max_deferred_resolutions);
  // The marker round-trips its key and is not mistaken for other values.
  CHECK(ms::deferred_key(ms::deferred_value(0xfedcba9876543210u)) == 0xfedcba9876543210u);
  CHECK_FALSE(ms::deferred_key(json::binary({1, 2, 3, 4, 5, 6, 7, 8})).has_value());
  CHECK_FALSE(ms::deferred_key(json("text")).has_value());
}

TEST_CASE("mustache: rendering from several threads at once") {
  MapLoader templates;
  templates.templates = {{"page", "{{#controls}}{{>control}}{{/controls}}"},
                         {"control", "<li id=\"{{id}}\">{{>status}}</li>\n"},
                         {"status", "{{status}}"}};
  ms::TemplateLibrary library(templates.loader());
  json controls = json::array();
  std::string expected;
  for (int i = 0; i < 50; ++i) {
    std::string id = "c";
    id += std::to_string(i);
    controls.push_back({{"id", id}, {"status", i % 2 ? "planned" : "implemented"}});
    expected.append("<li id=\"").append(id).append("\">");
    expected.append(i % 2 ? "planned" : "implemented").append("</li>\n");
  }
  const json data = {{"controls", controls}};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i)
        if (library.render("page", data) != expected) ++wrong;
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
  CHECK(templates.calls_for("page") == 1);
  CHECK(templates.calls_for("control") == 1);
  CHECK(templates.calls_for("status") == 1);
}

TEST_CASE("mustache: directory_loader looks in order and refuses path traversal") {
  TempDir dir;
  const fs::path site = dir.path() / "site" / "templates";
  const fs::path theme = dir.path() / "theme" / "templates";
  write_file(site / "header.mustache", "site header");
  write_file(theme / "header.mustache", "theme header");
  write_file(theme / "footer.mustache", "theme footer");
  write_file(dir.path() / "site" / "secret.mustache", "secret");
  write_file(theme / "sub" / "x.mustache", "in a subdirectory");
  fs::create_directories(theme / "dir.mustache");  // a directory is not a template file
  const std::vector<std::pair<fs::path, std::string>> dirs = {{site, "templates"},
                                                              {theme, "themes/default/templates/"}};
  const ms::TemplateLoader load = ms::directory_loader(dirs);

  // The site's templates/ comes first (SPEC 8); the display path is the caller's prefix.
  auto header = load("header");
  REQUIRE(header);
  CHECK(header->first == "site header");
  CHECK(header->second == "templates/header.mustache");
  auto footer = load("footer");
  REQUIRE(footer);
  CHECK(footer->first == "theme footer");
  CHECK(footer->second == "themes/default/templates/footer.mustache");
  CHECK_FALSE(load("nothing"));
  // A directory where a template should be is refused, never skipped silently.
  CHECK_THROWS_WITH_AS(load("dir"),
                       doctest::Contains("this file is not a regular file (a directory, FIFO, "
                                         "socket or device); expected a readable template file"),
                       ms::TemplateError);

  // Names that could leave the template directories are never found, even if the file exists.
  for (const std::string& name :
       {std::string("../secret"), std::string("..\\secret"), std::string("sub/x"),
        std::string("sub\\x"), std::string(".."), std::string("header\0x", 8), std::string()}) {
    INFO(name);
    CHECK_FALSE(ms::is_valid_template_name(name));
    CHECK_FALSE(load(name));
  }
  CHECK(ms::is_valid_template_name("control-card_2.v1"));

  CHECK(ms::describe_directories(dirs) == "templates/ or themes/default/templates/");
  // The library names the directories in "not found" messages by itself.
  ms::TemplateLibrary library(ms::directory_loader(dirs),
                              ms::TemplateLibrary::MissingPartial::throw_error);
  CHECK_THROWS_WITH_AS(
      library.render(*ms::parse("{{>../secret}}", "t.mustache"), json::object()),
      "t.mustache:1:1: partial '../secret' not found; expected a name without '/', "
      "'\\' or '..'",
      ms::TemplateError);
  CHECK_THROWS_WITH_AS(library.render(*ms::parse("\n {{>nav}}", "t.mustache"), json::object()),
                       "t.mustache:2:2: partial 'nav' not found; expected nav.mustache in "
                       "templates/ or themes/default/templates/",
                       ms::TemplateError);
  CHECK(library.render(*ms::parse("{{>header}}/{{>footer}}", "t.mustache"), json::object()) ==
        "site header/theme footer");
}

TEST_CASE("mustache: Template::references lists every partial and parent tag") {
  const auto tmpl = ms::parse("{{>a}}\n{{#s}}  {{>b}}{{/s}}\n{{<c}}{{$x}}{{>d}}{{/x}}{{/c}}", "t");
  const auto refs = tmpl->references();
  REQUIRE(refs.size() == 4);
  CHECK((refs[0].name == "a" && !refs[0].parent && refs[0].line == 1 && refs[0].column == 1));
  CHECK((refs[1].name == "b" && refs[1].line == 2 && refs[1].column == 9));
  CHECK((refs[2].name == "c" && refs[2].parent && refs[2].line == 3));
  CHECK((refs[3].name == "d" && !refs[3].parent && refs[3].column == 13));
}

TEST_CASE("mustache: a 1 MB template and hostile inputs of that size render in linear time") {
  std::string source;
  const std::string unit =
      "<section id=\"{{id}}\">\n  {{#controls}}\n  <article data-status=\"{{status}}\">{{title}} "
      "{{>badge}}</article>\n  {{/controls}}\n  {{^controls}}none{{/controls}} {{! note }}\n"
      "</section>\n";
  while (source.size() < (1 << 20)) source += unit;
  json controls = json::array();
  for (int i = 0; i < 3; ++i)
    controls.push_back({{"title", "T<" + std::to_string(i)}, {"status", "implemented"}});
  const json data = {{"id", "cat"}, {"controls", controls}};
  const auto start = std::chrono::steady_clock::now();
  const std::string out = render(source, data, {{"badge", "<b>{{status}}</b>"}});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  MESSAGE(
      "1 MB template: " << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                        << " ms, " << out.size() << " bytes out");
  // A guard against quadratic behaviour (which would take minutes), generous enough for
  // sanitizer and debug builds on a loaded machine; the speed itself is measured by bench/.
  CHECK(elapsed < std::chrono::seconds(15));
  const std::size_t units = source.size() / unit.size();
  CHECK(out.size() > units * 200);
  CHECK(out.find("<article data-status=\"implemented\">T&lt;2 <b>implemented</b></article>") !=
        std::string::npos);

  // Hostile shapes of the same size stay linear: one long line of tags, a long unclosed tag,
  // many lines, and long runs of delimiters.
  for (const std::string& hostile : {std::string(1 << 20, '\n'), std::string(1 << 20, '{'),
                                     "{{" + std::string(1 << 20, 'a'), [] {
                                       std::string s;
                                       while (s.size() < (1 << 20)) s += "{{a}}{{#b}}x{{/b}}";
                                       return s;
                                     }()}) {
    const auto t0 = std::chrono::steady_clock::now();
    try {
      render(hostile, {{"a", 1}, {"b", true}});
    } catch (const ms::TemplateError&) {
    }
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(15));
  }
}

TEST_CASE("mustache: random garbage never crashes") {
  // Random concatenations of template fragments: each either renders or throws TemplateError.
  const std::vector<std::string> pieces = {
      "{{",      "}}",          "{{{",    "}}}",    "{{#a}}", "{{/a}}", "{{^a}}",
      "{{>p}}",  "{{<p}}",      "{{/p}}", "{{$b}}", "{{/b}}", "{{!c}}", "{{=<% %>=}}",
      "<%a%>",   "<%={{ }}=%>", "\n",     "  ",     "\r\n",   "x",      "{{.}}",
      "{{a.b}}", "{{&a}}",      "{{#l}}", "{{/l}}", "{{>q}}"};
  const json data = {{"a", {{"b", "<&>"}}}, {"l", {1, 2, 3}}};
  const json partials = {{"p", "{{$b}}d{{/b}}{{>p}}"}, {"q", "  {{#l}}\n{{.}}\n{{/l}}\n"}};
  std::mt19937 random(12345);
  int rendered = 0, rejected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string source;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int j = 0; j < length; ++j) source += pieces[random() % pieces.size()];
    try {
      render(source, data, partials);
      ++rendered;
    } catch (const ms::TemplateError&) {
      ++rejected;
    }
  }
  CHECK(rendered + rejected == 3000);
  CHECK(rendered > 100);
  CHECK(rejected > 100);
}

TEST_CASE("mustache: the examples of docs/mustache.md") {
  // Names and the context stack.
  const json page = {{"site", {{"title", "Nordlys Trust Center"}}},
                     {"status", {{"label", "page label"}}},
                     {"controls", {{{"title", "MFA"}, {"status", {{"code", "x"}}}}}}};
  CHECK(render("{{#controls}}\n  {{title}}|{{site.title}}|{{status.label}}|\n{{/controls}}\n",
               page) == "  MFA|Nordlys Trust Center||\n");
  // Standalone lines.
  CHECK(render("<ul>\n  {{#controls}}\n  <li>{{title}}</li>\n  {{/controls}}\n</ul>\n",
               {{"controls", {{{"title", "MFA"}}, {{"title", "SSO"}}}}}) ==
        "<ul>\n  <li>MFA</li>\n  <li>SSO</li>\n</ul>\n");
  // Indented blocks.
  const json partials = {
      {"base", "<main>\n  {{$main}}\n  <p>Nothing here.</p>\n  {{/main}}\n</main>\n"}};
  CHECK(render("{{<base}}\n{{$main}}\n<h1>{{site.title}}</h1>\n{{/main}}\n{{/base}}\n", page,
               partials) == "<main>\n  <h1>Nordlys Trust Center</h1>\n</main>\n");
  CHECK(render("{{<base}}{{/base}}", page, partials) ==
        "<main>\n  <p>Nothing here.</p>\n</main>\n");
  // A block pair alone on its line keeps the line break (~inheritance "Standalone block").
  const json pair = {{"base", "<main>\n  {{$main}}{{/main}}\n</main>\n"}};
  CHECK(render("{{<base}}{{/base}}", page, pair) == "<main>\n\n</main>\n");
  CHECK(render("{{<base}}{{$main}}<p>x</p>{{/main}}{{/base}}", page, pair) ==
        "<main>\n  <p>x</p>\n</main>\n");
  CHECK(render("{{<base}}\n{{$main}}\n<p>x</p>\n{{/main}}\n{{/base}}", page, pair) ==
        "<main>\n  <p>x</p>\n\n</main>\n");
  // The value's text is never parsed again.
  CHECK(render("{{a}}", {{"a", "{{title}}"}, {"title", "no"}}) == "{{title}}");
}

TEST_CASE("mustache: deep templates and deep data fail cleanly") {
  // Sections inside a recursive partial: the renderer's own depth guard stops it before the
  // partial limit, with an error instead of a stack overflow.
  std::string open, close;
  for (int i = 0; i < 20; ++i) {
    open += "{{#a}}";
    close += "{{/a}}";
  }
  CHECK_THROWS_WITH_AS(render("{{>p}}", {{"a", true}}, {{"p", open + "{{>p}}" + close}}),
                       "p: templates nested more than 1000 levels deep while rendering; expected "
                       "recursion to end",
                       ms::TemplateError);
  // A value nested 100 000 levels deep is not printed recursively. (Built by moves only: copying
  // such a json value would itself recurse.)
  json context = json::object();
  json& deep = context["deep"];
  for (int i = 0; i < 100000; ++i) {
    json outer = json::array();
    outer.push_back(std::move(deep));
    deep = std::move(outer);
  }
  CHECK_THROWS_WITH_AS(render("\n {{deep}}", context),
                       "<template>:2:2: value of 'deep' is nested more than 100 levels deep to "
                       "print; expected a section over it or a simpler value",
                       ms::TemplateError);
  CHECK(render("{{#deep}}{{#.}}x{{/.}}{{/deep}}", context) == "x");
  CHECK(render("{{v}}", {{"v", {{"a", {1, {{"b", nullptr}}}}}}}) ==
        "{&quot;a&quot;:[1,{&quot;b&quot;:null}]}");
}
