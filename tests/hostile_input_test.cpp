// Hostile input (issue 13): files that lead out of the site, FIFOs and devices, very long field
// values, file names that try to forge log lines, and base_url tricks. Each case builds a site in
// a temporary directory at run time (symbolic links and FIFOs are not kept in git) and asserts
// the exact diagnostics, or, through the real binary, the exact bytes printed.
#include <limits>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "build.h"
#include "date.h"
#include "environment.h"
#include "file_system.h"
#include "markdown.h"
#include "test_util.h"
#include "url.h"

using namespace trustsite;
using trustsite::testing::CliResult;
using trustsite::testing::copy_tree;
using trustsite::testing::read_file;
using trustsite::testing::run_cli;
using trustsite::testing::shell_quoted;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

namespace {

const fs::path kInvalid = fs::path(TRUSTSITE_TESTS_DIR) / "fixtures" / "invalid";

// A valid minimal site (en only) in `dir`/site, with a secret file beside it, outside the site.
struct HostileSite {
  TempDir dir;
  fs::path site = dir / "site";
  fs::path secret = dir / "secret.txt";
  HostileSite() {
    copy_tree(kInvalid / "output-safety", site);
    write_file(secret, "root:x:0:0:SECRET-BYTES:/root:/bin/bash\n");
  }
};

BuildReport check(const fs::path& site) {
  BuildOptions options;
  options.site_dir = site;
  options.write_output = false;
  return run_build(options, trustsite::testing::test_environment());
}

std::vector<std::string> lines(const BuildReport& report) {
  std::vector<std::string> out;
  for (const auto& diagnostic : report.diagnostics) out.push_back(format_text(diagnostic));
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("hostile input: links out of the site are refused unread for every kind of input file") {
  HostileSite s;
  fs::create_directories(s.site / "content/pages");
  fs::create_directories(s.site / "locales");
  fs::create_directories(s.site / "templates");
  fs::create_symlink(s.secret, s.site / "content/ai.yaml");
  fs::create_symlink(s.secret, s.site / "content/subprocessors.yaml");
  fs::create_symlink(s.secret, s.site / "content/pages/leak.en.md");
  fs::create_symlink(s.secret, s.site / "locales/en.yaml");
  fs::create_symlink(s.secret, s.site / "templates/page.mustache");
  // A relative link that climbs out works the same way.
  fs::create_symlink("../../../secret.txt", s.site / "content/pages/climb.en.md");

  const BuildReport report = check(s.site);
  const auto actual = lines(report);
  const std::string outside =
      "this file is a symbolic link to a place outside the site directory (trustsite reads no "
      "file outside it)";
  const std::vector<std::string> expected = {
      "content/ai.yaml:1:1: error: " + outside + "; expected a readable YAML file",
      "content/pages/climb.en.md:1:1: error: " + outside + "; expected a readable Markdown file",
      "content/pages/leak.en.md:1:1: error: " + outside + "; expected a readable Markdown file",
      "content/subprocessors.yaml:1:1: error: " + outside + "; expected a readable YAML file",
      "locales/en.yaml:1:1: error: " + outside + "; expected a readable YAML file of UI strings",
      "templates/page.mustache:1:1: error: " + outside + "; expected a readable template file",
  };
  INFO("actual:\n", joined(actual));
  CHECK(actual == expected);
  CHECK(report.exit_code == 1);
  for (const auto& line : actual) {
    CHECK(line.find("SECRET") == std::string::npos);
    CHECK(line.find(s.dir.path().string()) == std::string::npos);
  }
}

TEST_CASE("hostile input: theme assets that link out of the site or are FIFOs are refused") {
  // Assets are read after validation, so this site has no other error.
  HostileSite s;
  copy_tree(read_environment().data_dir / "themes/default", s.site / "themes/default");
  fs::create_symlink(s.secret, s.site / "themes/default/static/leak.css");
  REQUIRE(::mkfifo((s.site / "themes/default/static/pipe.css").c_str(), 0600) == 0);
  fs::create_directories(s.site / "themes/default/static/img");
  fs::create_symlink(s.secret, s.site / "themes/default/static/img/logo.svg");
  const BuildReport report = check(s.site);
  const std::vector<std::string> expected = {
      "themes/default/static/img/logo.svg:1:1: error: this file is a symbolic link to a place "
      "outside the site directory (trustsite reads no file outside it); expected a readable theme "
      "asset (a regular file)",
      "themes/default/static/leak.css:1:1: error: this file is a symbolic link to a place outside "
      "the site directory (trustsite reads no file outside it); expected a readable theme asset "
      "(a regular file)",
      "themes/default/static/pipe.css:1:1: error: this file is not a regular file (a directory, "
      "FIFO, socket or device); expected a readable theme asset (a regular file)",
  };
  INFO("actual:\n", joined(lines(report)));
  CHECK(lines(report) == expected);
  CHECK(report.exit_code == 1);
}

TEST_CASE("hostile input: FIFOs and devices are refused without reading so nothing hangs") {
  HostileSite s;
  fs::create_directories(s.site / "content/pages");
  fs::create_directories(s.site / "locales");
  fs::create_directories(s.site / "templates");
  for (const char* fifo : {"content/ai.yaml", "content/pages/wait.en.md", "locales/en.yaml",
                           "templates/page.mustache"})
    REQUIRE(::mkfifo((s.site / fifo).c_str(), 0600) == 0);
  // A device linked into the site is outside it: refused before it is opened.
  fs::create_symlink("/dev/zero", s.site / "content/subprocessors.yaml");

  const BuildReport report = check(s.site);
  const auto actual = lines(report);
  const std::string fifo = "this file is not a regular file (a directory, FIFO, socket or device)";
  const std::vector<std::string> expected = {
      "content/ai.yaml:1:1: error: " + fifo + "; expected a readable YAML file",
      "content/pages/wait.en.md:1:1: error: this is not a regular file (a directory, a broken "
      "link or a device); expected a .md file",
      "content/subprocessors.yaml:1:1: error: this file is a symbolic link to a place outside the "
      "site directory (trustsite reads no file outside it); expected a readable YAML file",
      "locales/en.yaml:1:1: error: " + fifo + "; expected a readable YAML file of UI strings",
      "templates/page.mustache:1:1: error: " + fifo + "; expected a readable template file",
  };
  INFO("actual:\n", joined(actual));
  CHECK(actual == expected);
  CHECK(report.exit_code == 1);
}

TEST_CASE("hostile input: very long website and contact and monitoring source are clear errors") {
  HostileSite s;
  const std::string long_host(50 * 1024, 'a');
  write_file(s.site / "content/subprocessors.yaml",
             "subprocessors:\n  - id: aws\n    name: AWS\n    purpose: Hosting\n"
             "    location: EU\n    website: https://" +
                 long_host + ".example\n    dpa: signed\n");
  const std::string long_contact(100 * 1024, 'b');
  const std::string long_source(100 * 1024, 'c');
  write_file(s.site / "site.yaml", read_file(s.site / "site.yaml") +
                                       "security_txt:\n  contact: [\"mailto:" + long_contact +
                                       "@example.com\"]\nmonitoring:\n  source: \"https://" +
                                       long_source + ".example/status.json\"\n");
  const BuildReport report = check(s.site);
  const auto actual = lines(report);
  INFO("actual:\n", joined(actual));
  CHECK(report.exit_code == 1);
  const std::vector<std::string> expected = {
      "content/subprocessors.yaml:6:14: error: website of sub-processor 'aws' is not an http(s) "
      "URL; expected e.g. https://example.com (other schemes are refused)",
      "site.yaml:8:12: error: security_txt.contact 'mailto:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…' is "
      "not a usable URI; expected mailto:, https:// or tel: (RFC 9116 2.5.3)",
      "site.yaml:10:11: error: `source` \"(an invalid URL)\" is not a valid URL; expected an https "
      "URL (plain http only to localhost, 127.0.0.0/8 or ::1) or a file path relative to the "
      "site directory",
  };
  CHECK(actual == expected);
}

TEST_CASE("hostile input: URLs longer than kMaxUrlBytes are refused before curl parses them") {
  const std::string host(kMaxUrlBytes, 'a');
  CHECK_FALSE(parse_url("https://" + host + ".example/"));
  CHECK_FALSE(is_web_url("https://" + host + ".example/"));
  CHECK(display_url("https://" + host + ".example/") == "(an invalid URL)");
  CHECK(parse_url("https://" + std::string(100, 'a') + ".example/"));
}

TEST_CASE(
    "hostile input: base_url must not start its path with // and needs a real host and port") {
  CHECK_FALSE(normalize_base_url("https://trust.example//evil.example/"));
  CHECK_FALSE(normalize_base_url("https://trust.example//evil.example"));
  CHECK_FALSE(normalize_base_url("https://trust.example:70000/"));
  CHECK_FALSE(normalize_base_url("https://trust.example:99999999999/"));
  CHECK_FALSE(normalize_base_url("https://-/"));
  CHECK_FALSE(normalize_base_url("https://-.example/"));
  CHECK_FALSE(normalize_base_url("https:/trust.example/"));
  CHECK_FALSE(normalize_base_url("https://user:pass@trust.example/"));
  CHECK(normalize_base_url("https://trust.example:8443/a//b/") ==
        std::optional<std::string>("https://trust.example:8443/a//b/"));
  CHECK(normalize_base_url("https://trust.example/trust") ==
        std::optional<std::string>("https://trust.example/trust/"));

  // Through site.yaml and --base-url: the same rule, an error at the value or a usage error.
  TempDir dir;
  copy_tree(kInvalid / "output-safety", dir / "site");
  write_file(dir / "site/site.yaml",
             "title: Acme Trust Center\nbase_url: "
             "https://trust.acme.example//evil.example/\n"
             "default_locale: en\nlocales: [en]\ncompany:\n  name: Acme AB\n");
  const CliResult from_file = run_cli("check --site " + shell_quoted(dir / "site"), dir.path());
  CHECK(from_file.exit_code == 1);
  CHECK(from_file.err ==
        "site.yaml:2:11: error: base_url 'https://trust.acme.example//evil.example…' has a path "
        "starting with '//', which browsers read as another host; expected a single '/' after "
        "the host, e.g. https://example.com/trust/\ntrustsite: 1 error, 0 warnings\n");
  for (const char* bad :
       {"https://x.example//evil.example/", "https://x.example:70000/", "https://-/"}) {
    const CliResult run =
        run_cli(std::string("build --site ") + shell_quoted(kInvalid / "output-safety") +
                    " --out " + shell_quoted(dir / "out") + " --base-url '" + bad + "'",
                dir.path());
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("is not an absolute http(s) URL") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out"));
  }
}

TEST_CASE("hostile input: file names cannot forge log lines or workflow commands or escapes") {
  TempDir dir;
  copy_tree(kInvalid / "output-safety", dir / "site");
  fs::create_directories(dir / "site/content/pages");
  // A page file whose name holds a newline with a workflow command, ESC and BEL, and a byte
  // that is not UTF-8: each gives an error naming the file.
  const std::string forged =
      "x\n::add-mask::leak\n::error file=forged::pwned\x1b]0;t\x07\xff.en.md";
  write_file(dir / "site/content/pages" / forged, "---\ntitle: X\n---\nBody\n");
  // A label cut at 64 bytes in the middle of a character (an id of 63 ASCII bytes and "é").
  write_file(dir / "site/content/controls/long.yaml",
             "category:\n  title: Long\ncontrols:\n  - id: \"" + std::string(63, 'a') +
                 "\xC3\xA9\"\n    title: T\n    description: D\n    status: implemented\n");

  for (const char* format : {"text", "github", "json"}) {
    CAPTURE(format);
    const CliResult run =
        run_cli(std::string("check --format ") + format + " --site " + shell_quoted(dir / "site"),
                dir.path());
    CHECK(run.exit_code == 1);
    const std::string printed = run.out + run.err;
    CHECK(printed.find('\x1b') == std::string::npos);
    CHECK(printed.find('\x07') == std::string::npos);
    CHECK(printed.find("\n::add-mask::") == std::string::npos);
    CHECK(printed.find("\n::error file=forged") == std::string::npos);
    CHECK(printed.find("::add-mask::") != std::string::npos);  // shown, as plain text
    if (std::string(format) == "json") {
      REQUIRE_FALSE(run.out.empty());
      const auto diagnostics = nlohmann::json::parse(run.out);
      REQUIRE(diagnostics.is_array());
      bool named = false;
      for (const auto& d : diagnostics) {
        const std::string file = d["file"];
        if (file.find("add-mask") != std::string::npos) {
          named = true;
          CHECK(file.find("\\xFF") != std::string::npos);
          CHECK(file.find('\n') == std::string::npos);
        }
      }
      CHECK(named);
      // The label is cut before "é" (at 64 bytes it would split it), not in its middle.
      CHECK(run.out.find("control '" + std::string(63, 'a') + "'") != std::string::npos);
    }
  }
}

TEST_CASE("hostile input: printable_text and quoted_excerpt keep output one valid UTF-8 line") {
  CHECK(printable_text("a\nb\x1b[31m\x07\xff\xe2\x80\xae") == "a?b?[31m?\\xFF?");
  CHECK(printable_text(std::string(5000, 'x'), 100) == std::string(100, 'x') + "…");
  CHECK(printable_text("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9…");
  // Cut before a character that would not fit whole (append(): GCC 12 bug 105329).
  const std::string a39(39, 'a');
  CHECK(quoted_excerpt(std::string(a39).append("\xC3\xA9"
                                               "b")) == std::string("'").append(a39).append("…'"));
  DiagnosticSink sink;
  sink.error({"content/x.yaml", 1, 1}, std::string(100 * 1024, 'm'));
  CHECK(sink.sorted().at(0).message.size() == kMaxMessageBytes + std::string("…").size());
}

TEST_CASE("hostile input: Markdown character references for forbidden characters") {
  CHECK_FALSE(find_forbidden_reference("plain text, &amp; and &#x2014; and &#233;"));
  const auto bidi = find_forbidden_reference("a &#x202E; b");
  REQUIRE(bidi);
  CHECK(bidi->offset == 2);
  CHECK(bidi->length == 8);
  CHECK(bidi->code_point == 0x202E);
  CHECK(find_forbidden_reference("&#27;")->code_point == 0x1B);
  CHECK(find_forbidden_reference("&#X9B;")->code_point == 0x9B);
  // U+0000 becomes U+FFFD in CommonMark itself; code spans and blocks keep references as text.
  CHECK_FALSE(find_forbidden_reference("&#0; and &#x0;"));
  CHECK_FALSE(find_forbidden_reference("`&#x202E;` in code"));
  CHECK_FALSE(find_forbidden_reference("    &#27; in an indented code block"));
  // Rendering never lets one through, even when no loader checked the text.
  for (const char* text :
       {"x &#x202E; y", "x &#27; y", "[a](/b \"&#x202E;\")", "![a](/i.png \"&#7;\")", "&#x85;"}) {
    CAPTURE(text);
    const std::string html = render_markdown(text);
    CHECK(html.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(html.find('\x1b') == std::string::npos);
    CHECK(html.find('\x07') == std::string::npos);
    CHECK(html.find("\xC2\x85") == std::string::npos);
  }
  CHECK(render_markdown("x &#x202E; y") == "<p>x \xEF\xBF\xBD y</p>\n");
}

TEST_CASE(
    "hostile input: dates outside 1970-2999 and TRUSTSITE_NOW or SOURCE_DATE_EPOCH beyond them") {
  using namespace std::chrono;
  CHECK(is_supported_date(Date{year{1970}, January, day{1}}));
  CHECK(is_supported_date(Date{year{2999}, December, day{31}}));
  CHECK_FALSE(is_supported_date(Date{year{1969}, December, day{31}}));
  CHECK_FALSE(is_supported_date(Date{year{3000}, January, day{1}}));
  CHECK_FALSE(is_supported_date(Date{year{9999}, December, day{31}}));
  CHECK(is_supported_time(0));
  CHECK(is_supported_time(32503680000 - 1));  // 2999-12-31T23:59:59Z
  CHECK_FALSE(is_supported_time(32503680000));
  CHECK_FALSE(is_supported_time(-1));
  CHECK_FALSE(is_supported_time(std::numeric_limits<std::int64_t>::max()));

  // Read at the edge: an error each (main.cpp exits 2), and the value is not used.
  struct OutOfRange {
    const char* variable;
    const char* value;
    const char* message;
    bool (*kept)(const Environment&);  // whether `environment` holds the value anyway
  };
  const OutOfRange out_of_range[] = {
      {"TRUSTSITE_NOW", "9999-12-31T00:00:00Z",
       "TRUSTSITE_NOW is '9999-12-31T00:00:00Z', outside the dates trustsite accepts; expected "
       "a date-time from 1970-01-01 to 2999-12-31",
       [](const Environment& environment) { return !environment.now_override.empty(); }},
      {"SOURCE_DATE_EPOCH", "253402214400",  // 9999-12-31
       "SOURCE_DATE_EPOCH is 253402214400, a time outside the dates trustsite accepts; "
       "expected seconds since 1970 up to the end of 2999",
       [](const Environment& environment) { return environment.source_date_epoch.has_value(); }},
  };
  for (const OutOfRange& row : out_of_range) {
    CAPTURE(row.variable);
    trustsite::testing::ScopedEnv variable(row.variable, row.value);
    std::vector<EnvironmentError> errors;
    const Environment environment = read_environment(&errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == row.message);
    CHECK_FALSE(row.kept(environment));
  }
  TempDir dir;
  trustsite::testing::ScopedEnv now("TRUSTSITE_NOW", "9999-12-31T00:00:00Z");
  const CliResult run =
      run_cli("check --site " + shell_quoted(kInvalid / "output-safety"), dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("outside the dates trustsite accepts") != std::string::npos);
}

TEST_CASE("hostile input: a monitoring source that is a FIFO or a device is refused unread") {
  HostileSite s;
  REQUIRE(::mkfifo((s.site / "status.json").c_str(), 0600) == 0);
  const std::string site_yaml = read_file(s.site / "site.yaml");
  for (const std::string source : {"status.json", "/dev/zero"}) {
    CAPTURE(source);
    write_file(s.site / "site.yaml", site_yaml + "monitoring:\n  source: " + source + "\n");
    const BuildReport report = check(s.site);
    CHECK(lines(report) ==
          std::vector<std::string>{"site.yaml:8:11: warning: cannot read the monitoring source \"" +
                                   source +
                                   "\": it is not a regular file (a directory, FIFO, socket or "
                                   "device); expected a file relative to the site directory"});
    CHECK(report.exit_code == 0);
  }
}

TEST_CASE("hostile input: trustsite's own lines print the output path without control characters") {
  TempDir dir;
  // An output directory whose name holds a newline with a workflow command, ESC and BEL.
  const fs::path out = dir / "out\n::add-mask::leak\x1b]0;t\x07";
  const CliResult run =
      run_cli("build --site " + shell_quoted(kInvalid / "output-safety") + " --out " +
                  shell_quoted(out) + " --base-url https://trust.acme.example",
              dir.path());
  CHECK(run.exit_code == 0);
  CHECK(fs::exists(out / "index.html"));
  CHECK(run.err.find('\x1b') == std::string::npos);
  CHECK(run.err.find('\x07') == std::string::npos);
  CHECK(run.err.find("\n::add-mask::") == std::string::npos);
  CHECK(run.err.find("out?::add-mask::leak?]0;t?") != std::string::npos);

  // render-template names the files it cannot read the same way.
  const CliResult render =
      run_cli("render-template " + shell_quoted(dir / "page\n::error::x.mustache") + " --data " +
                  shell_quoted(dir / "data\x1b[31m.json"),
              dir.path());
  CHECK(render.exit_code == 1);
  CHECK(render.err.find('\x1b') == std::string::npos);
  CHECK(render.err.find("data?[31m.json: error: the data file") != std::string::npos);
}
