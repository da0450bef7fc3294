// The command line as users and CI see it (SPEC 7): exit codes, output streams, and
// render-template's byte-exact output. Runs the real binary.
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"

using trustsite::testing::copy_tree;
using trustsite::testing::run_cli;
using trustsite::testing::shell_quoted;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

TEST_CASE("cli: --version and usage errors exit 2") {
  TempDir dir;
  auto version = run_cli("--version", dir.path());
  CHECK(version.exit_code == 0);
  CHECK(version.out == std::string("trustsite ") + TRUSTSITE_VERSION + "\n");
  CHECK(run_cli("build --no-such-option", dir.path()).exit_code == 2);
  CHECK(run_cli("check --format xml", dir.path()).exit_code == 2);
  auto bad_url = run_cli("build --base-url ftp://example.com", dir.path());
  CHECK(bad_url.exit_code == 2);
  CHECK(bad_url.err.find("not an absolute http(s) URL") != std::string::npos);
  CHECK(run_cli("frobnicate", dir.path()).exit_code == 2);
  CHECK(run_cli("render-template", dir.path()).exit_code == 2);
  CHECK(run_cli("", dir.path()).exit_code == 2);
}

TEST_CASE("cli: check prints text to stderr, json and github to stdout, with exit 1 on errors") {
  TempDir dir;
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/sites/basic", dir / "site");
  write_file(dir / "site/content/controls/data.yaml",
             "category:\n  title: Data\ncontrols:\n  - id: BAD\n    title: x\n    description: y\n"
             "    status: planned\n");
  const std::string site = "--site '" + (dir / "site").string() + "'";

  auto text = run_cli("check " + site, dir.path());
  CHECK(text.exit_code == 1);
  CHECK(text.out.empty());
  CHECK(text.err.find("content/controls/data.yaml:4:9: error: invalid id 'BAD' in control 'BAD'") !=
        std::string::npos);

  auto github = run_cli("check --format github " + site, dir.path());
  CHECK(github.exit_code == 1);
  CHECK(github.out.find("::error file=content/controls/data.yaml,line=4,col=9::invalid id 'BAD'") !=
        std::string::npos);

  auto json = run_cli("check --format json " + site, dir.path());
  CHECK(json.exit_code == 1);
  CHECK(json.out.find("\"file\": \"content/controls/data.yaml\"") != std::string::npos);
  CHECK(json.out.find("\"severity\": \"error\"") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "site/public"));
}

TEST_CASE("cli: build writes the site and reports, a failed build says the output is unchanged") {
  TempDir dir;
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/sites/basic", dir / "site");
  const std::string args =
      "build --site '" + (dir / "site").string() + "' -o '" + (dir / "out").string() + "'";
  auto ok = run_cli(args, dir.path());
  CHECK(ok.exit_code == 0);
  CHECK(fs::exists(dir / "out/en/index.html"));
  write_file(dir / "site/site.yaml", "title: [broken\n");
  auto failed = run_cli(args, dir.path());
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find("site.yaml:") != std::string::npos);
  CHECK(failed.err.find("was not changed") != std::string::npos);
  CHECK(fs::exists(dir / "out/en/index.html"));
}

TEST_CASE("cli: render-template prints the rendering byte for byte with partials from --partials") {
  TempDir dir;
  write_file(dir / "t.mustache", "{{<layout}}{{$body}}Hi {{name}}!{{/body}}{{/layout}}");
  write_file(dir / "parts/layout.mustache", "<main>{{$body}}{{/body}}</main>{{>footer}}");
  write_file(dir / "parts/footer.mustache", "<footer>{{&raw}}</footer>");
  write_file(dir / "data.json", R"({"name": "<Åsa>", "raw": "<b>ok</b>"})");
  const std::string data = " --data " + shell_quoted(dir / "data.json");
  auto result = run_cli("render-template " + shell_quoted(dir / "t.mustache") + data +
                            " --partials " + shell_quoted(dir / "parts"),
                        dir.path());
  CHECK(result.exit_code == 0);
  CHECK(result.out == "<main>Hi &lt;Åsa&gt;!</main><footer><b>ok</b></footer>");

  write_file(dir / "bad.mustache", "line one\n  {{#open}}\n");
  auto bad = run_cli("render-template " + shell_quoted(dir / "bad.mustache") + data, dir.path());
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.mustache:2:3: unclosed section 'open': it is never closed") !=
        std::string::npos);
}

TEST_CASE("cli: new writes a site that check --strict and build accept, refusals exit 1") {
  TempDir dir;
  const std::string site = shell_quoted(dir / "acme");
  auto created = run_cli("new " + site + " --name 'Acme AB' --locales en,sv", dir.path());
  CHECK(created.exit_code == 0);
  CHECK(created.out.find("trustsite check --site . --strict") != std::string::npos);
  auto check = run_cli("check --strict --site " + site, dir.path());
  CHECK_MESSAGE(check.exit_code == 0, check.err);
  CHECK(check.err.find("0 errors, 0 warnings") != std::string::npos);
  auto build = run_cli("build --strict --site " + site, dir.path());
  CHECK_MESSAGE(build.exit_code == 0, build.err);
  CHECK(trustsite::testing::read_file(dir / "acme/public/sv/index.html")
            .find("Acme AB Trygghetscenter") != std::string::npos);

  // Again into the same directory: refused, nothing changed.
  const std::string before = trustsite::testing::read_file(dir / "acme/site.yaml");
  auto again = run_cli("new " + site, dir.path());
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("already has site.yaml, content/controls/access-control.yaml") !=
        std::string::npos);
  CHECK(trustsite::testing::read_file(dir / "acme/site.yaml") == before);

  write_file(dir / "a-file", "x");
  CHECK(run_cli("new " + shell_quoted(dir / "a-file"), dir.path()).exit_code == 1);
}

TEST_CASE("cli: new's usage errors exit 2 and write nothing") {
  TempDir dir;
  CHECK(run_cli("new", dir.path()).exit_code == 2);  // DIR is required
  const std::string site = shell_quoted(dir / "site");
  auto unknown = run_cli("new " + site + " --locales en,de", dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("not 'de'") != std::string::npos);
  CHECK(run_cli("new " + site + " --name ''", dir.path()).exit_code == 2);
  CHECK(run_cli("new " + site + " --locales ''", dir.path()).exit_code == 2);
  CHECK_FALSE(fs::exists(dir / "site"));
}
