// UiStrings::load: trustsite's own locales/<code>.yaml, a site's overrides and extra locales,
// fallback of missing keys to the default locale, and the errors of missing or broken files.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "config.h"
#include "data_dirs.h"
#include "diagnostics.h"
#include "environment.h"
#include "file_system.h"
#include "locales.h"

namespace fs = std::filesystem;
using namespace trustsite;

namespace {

// A fresh, empty site directory that is removed again at the end of the test.
struct TempSite {
  fs::path dir;
  TempSite() {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() / ("trustsite-locales-test-" + std::to_string(::getpid()) +
                                       "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir / "locales");
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(dir / relative, std::ios::binary) << text;
  }
};

SiteConfig config_for(const fs::path& site_dir, std::vector<std::string> locales,
                      std::string default_locale = "en") {
  SiteConfig config;
  config.site_dir = site_dir;
  config.locales = std::move(locales);
  config.default_locale = std::move(default_locale);
  config.locales_location = {"site.yaml", 5, 10};
  config.data_dir = read_environment().data_dir;
  return config;
}

// UiStrings::load() as a build calls it: through the file system of the site and data dir.
UiStrings load_strings(const SiteConfig& config, DiagnosticSink& sink) {
  return UiStrings::load(config, DiskFileSystem({config.site_dir, config.data_dir}), sink);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the built-in en and sv UI strings load without diagnostics and have the same keys") {
  TempSite site;
  DiagnosticSink sink(/*strict=*/true);
  const UiStrings strings = load_strings(config_for(site.dir, {"en", "sv"}), sink);
  for (const auto& d : sink.sorted()) MESSAGE(format_text(d));
  CHECK(sink.sorted().empty());
  CHECK(strings.get("en", "stamp.updated") == "Updated");
  CHECK(strings.get("sv", "stamp.updated") == "Uppdaterad");
  CHECK(strings.get("en", "language_name") == "English");
  CHECK(strings.get("sv", "language_name") == "Svenska");
  CHECK(strings.get("sv", "status.implemented") == "Införd");
  CHECK(strings.get("sv", "skip_link") == "Hoppa till innehållet");
  CHECK(strings.get("sv", "live.status.major_outage") == "större avbrott");
  CHECK(strings.get("en", "no.such.key").empty());
  CHECK(strings.table("sv")["status"]["planned"] == "Planerad");
  CHECK_THROWS_AS(strings.table("fi"), std::out_of_range);
}

TEST_CASE("a site's locale file overrides single keys and keeps the rest") {
  TempSite site;
  site.write("locales/en.yaml", "status:\n  planned: Scheduled\n");
  DiagnosticSink sink;
  const UiStrings strings = load_strings(config_for(site.dir, {"en", "sv"}), sink);
  CHECK(sink.sorted().empty());
  CHECK(strings.get("en", "status.planned") == "Scheduled");
  CHECK(strings.get("en", "status.implemented") == "Implemented");  // same map, not overridden
  CHECK(strings.get("en", "headings.subprocessors") == "Sub-processors");
  CHECK(strings.get("sv", "status.planned") == "Planerad");
}

TEST_CASE("a key missing in a non-default locale falls back with a strict warning") {
  TempSite site;
  // A German locale added by the site: a copy of en.yaml without status.planned.
  std::string english = read_file(read_environment().data_dir / "locales" / "en.yaml");
  const std::string line = "  planned: Planned\n";
  REQUIRE(english.find(line) != std::string::npos);
  english.erase(english.find(line), line.size());
  site.write("locales/de.yaml", english);

  DiagnosticSink sink;
  const UiStrings strings = load_strings(config_for(site.dir, {"en", "de"}), sink);
  const auto diagnostics = sink.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::warning);
  CHECK(diagnostics[0].location.file == "locales/de.yaml");
  CHECK(diagnostics[0].message ==
        "UI string 'status.planned' is missing in locales/de.yaml; falling back to en");
  CHECK(strings.get("de", "status.planned") == "Planned");

  DiagnosticSink strict(/*strict=*/true);
  (void)load_strings(config_for(site.dir, {"en", "de"}), strict);
  CHECK(strict.error_count() == 1);
}

TEST_CASE("a mostly empty new locale gets ten warnings and a summary, not one per key") {
  TempSite site;
  site.write("locales/de.yaml", "language_name: Deutsch\n");
  DiagnosticSink sink;
  const UiStrings strings = load_strings(config_for(site.dir, {"en", "de"}), sink);
  CHECK(sink.warning_count() == 11);
  CHECK(sink.error_count() == 0);
  CHECK(strings.get("de", "language_name") == "Deutsch");
  CHECK(strings.get("de", "skip_link") == "Skip to content");
  bool summary = false;
  for (const auto& d : sink.sorted())
    summary |=
        d.message.find("more UI strings are missing in locales/de.yaml") != std::string::npos;
  CHECK(summary);
}

TEST_CASE("a locale without any locales/<code>.yaml is an error at site.yaml's locales") {
  TempSite site;
  DiagnosticSink sink;
  const UiStrings strings = load_strings(config_for(site.dir, {"en", "fi"}), sink);
  const auto diagnostics = sink.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::error);
  CHECK(diagnostics[0].location.file == "site.yaml");
  CHECK(diagnostics[0].location.line == 5);
  CHECK(diagnostics[0].location.column == 10);
  CHECK(diagnostics[0].message.rfind(
            "locale 'fi' has no locales/fi.yaml (looked in locales/ and <trustsite>/locales/)",
            0) == 0);
  CHECK(diagnostics[0].message.find("expected one file per locale listed in site.yaml") !=
        std::string::npos);
  // Later stages still get a usable table, filled from the default locale.
  CHECK(strings.get("fi", "stamp.updated") == "Updated");
}

TEST_CASE("UI strings must be texts, and YAML errors carry file:line:col") {
  TempSite site;
  site.write("locales/en.yaml", "status:\n  planned: [a, b]\n");
  site.write("locales/sv.yaml", "skip_link: Hoppa\nstatus: {planned: Planerad\n");
  DiagnosticSink sink;
  (void)load_strings(config_for(site.dir, {"en", "sv"}), sink);
  const auto diagnostics = sink.sorted();
  for (const auto& d : diagnostics) MESSAGE(format_text(d));
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].location.file == "locales/en.yaml");
  CHECK(diagnostics[0].location.line == 2);
  CHECK(diagnostics[0].location.column == 12);
  CHECK(diagnostics[0].message.find("UI string 'status.planned' is a list") == 0);
  CHECK(diagnostics[1].location.file == "locales/sv.yaml");
  CHECK(diagnostics[1].location.line >= 2);
  CHECK(diagnostics[1].severity == Severity::error);
}
