// Tests of the Mustache engine (generator/mustache.*): the official spec suite
// (tests/mustache_spec/, MIT-licensed data from github.com/mustache/spec) and trustsite's own
// behaviour: escaping, errors with positions, limits, the library's caching and thread-safety,
// and the directory loader.
#include "mustache.h"

#include <doctest/doctest.h>

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
