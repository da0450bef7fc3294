#include "diagnostics.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace trustsite;

TEST_CASE("diagnostics are formatted as text, GitHub annotations and JSON") {
  Diagnostic d;
  d.location = {"content/controls/a.yaml", 3, 7};
  d.message = "unknown status 'x', really: 100%";
  CHECK(format_text(d) == "content/controls/a.yaml:3:7: error: unknown status 'x', really: 100%");
  CHECK(format_github(d) ==
        "::error file=content/controls/a.yaml,line=3,col=7::unknown status 'x', really: 100%25");
  auto json = to_json(d);
  CHECK(json["severity"] == "error");
  CHECK(json["file"] == "content/controls/a.yaml");
  CHECK(json["line"] == 3);
  CHECK(json["column"] == 7);
  Diagnostic whole;
  whole.severity = Severity::warning;
  whole.location.file = "site.yaml";
  whole.message = "line one\nline two";
  CHECK(format_text(whole) == "site.yaml: warning: line one\nline two");
  CHECK(format_github(whole) == "::warning file=site.yaml::line one%0Aline two");
}

TEST_CASE("the sink sorts by file and line, removes duplicates, and --strict promotes") {
  DiagnosticSink sink(true);
  sink.warning({"b.yaml", 1, 1}, "w");
  sink.error({"a.yaml", 9, 1}, "e2");
  sink.error({"a.yaml", 2, 5}, "e1");
  sink.error({"a.yaml", 2, 5}, "e1");
  sink.strict_warning({"c.yaml", 1, 1}, "s");
  auto sorted = sink.sorted();
  REQUIRE(sorted.size() == 4);
  CHECK(sorted[0].message == "e1");
  CHECK(sorted[1].message == "e2");
  CHECK(sorted[2].message == "w");
  CHECK(sorted[3].severity == Severity::error);
  DiagnosticSink lenient;
  lenient.strict_warning({}, "s");
  CHECK_FALSE(lenient.has_errors());
  CHECK(lenient.warning_count() == 1);
}

TEST_CASE("DiagnosticSink keeps control characters of the input out of messages") {
  DiagnosticSink sink;
  sink.error({"x", 1, 1}, "bad \x1b[2J text \u202E here");
  CHECK(sink.sorted()[0].message == "bad ?[2J text ? here");
}
