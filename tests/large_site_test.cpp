// A generated large site (the example site plus 2 000 controls in 20 more category files, issue
// 15): a build on one thread and a build on several give the same files byte for byte and the
// same diagnostics in the same order, and two parallel builds agree with each other (SPEC 4:
// reproducible output), however the threads happen to interleave.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>

#include "build.h"
#include "parallel.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::diagnostics_text;
using trustsite::testing::file_tree;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = fs::path(TRUSTSITE_TESTS_DIR).parent_path();

// Category file `index` of `count` controls: Markdown descriptions with links to other controls,
// some controls without a Swedish description (a missing translation each, reported as a
// warning, so that every file reports something) and some with theme data under `extra`.
std::string category_file(int index, int count) {
  std::string out = "category:\n  order: " + std::to_string(100 + index) +
                    "\n  title: {en: Generated " + std::to_string(index) + ", sv: Genererad " +
                    std::to_string(index) + "}\ncontrols:\n";
  for (int i = 0; i < count; ++i) {
    const std::string id = "gen-" + std::to_string(index) + "-" + std::to_string(i);
    const std::string other =
        "gen-" + std::to_string((index + 7) % 20) + "-" + std::to_string((i * 13) % count);
    out += "  - id: " + id + "\n";
    out += "    title: {en: Control " + std::to_string(i) + " of group " + std::to_string(index) +
           ", sv: Åtgärd " + std::to_string(i) + " i grupp " + std::to_string(index) + "}\n";
    out += "    description:\n      en: >-\n        Backups of **system " + std::to_string(i) +
           "** are encrypted with AES-256 and tested every quarter; see [the related control](#" +
           other + ") and the table below.\n\n        | a | b |\n        |---|---|\n        | " +
           std::to_string(i) + " | ok |\n";
    if (i % 17 != 3)
      out += "      sv: >-\n        Säkerhetskopior av **system " + std::to_string(i) +
             "** krypteras med AES-256 och testas varje kvartal; se [den andra åtgärden](#" +
             other + ").\n";
    out += std::string("    status: ") + (i % 5 == 0 ? "in_progress" : "implemented") + "\n";
    out += "    updated: 2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "\n";
    out += "    frameworks: [\"ISO 27001 A.8." + std::to_string(i % 30) + "\"]\n";
    if (i % 23 == 5) out += "    extra: {colour: blue}\n";
  }
  return out;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The example site plus 20 generated category files of 100 controls, built with at most
// `threads` threads into `dir`/public<threads>.
BuildReport build_large(const TempDir& dir, std::size_t threads) {
  const fs::path site = dir / "site";
  if (!fs::exists(site)) {
    fs::create_directories(site);
    fs::copy_file(kRepo / "site.yaml", site / "site.yaml");
    copy_tree(kRepo / "content", site / "content");
    if (fs::exists(kRepo / "monitoring")) copy_tree(kRepo / "monitoring", site / "monitoring");
    for (int index = 0; index < 20; ++index)
      write(site / "content" / "controls" / ("generated-" + std::to_string(index) + ".yaml"),
            category_file(index, 100));
  }
  BuildOptions options;
  options.site_dir = site;
  options.out_dir = dir / ("public" + std::to_string(threads));
  set_parallel_threads(threads);
  BuildReport report = run_build(options, trustsite::testing::test_environment());
  set_parallel_threads(0);
  return report;
}

}  // namespace

TEST_CASE("large site: one thread and several threads build the same bytes and diagnostics") {
  TempDir dir;
  const BuildReport one = build_large(dir, 1);
  REQUIRE_MESSAGE(one.exit_code == 0, diagnostics_text(one.diagnostics));
  const BuildReport four = build_large(dir, 4);
  const BuildReport again = build_large(dir, 3);
  REQUIRE(four.exit_code == 0);
  REQUIRE(again.exit_code == 0);

  // Every generated file reported its missing translations and unknown fields, in file order.
  const std::string diagnostics = diagnostics_text(one.diagnostics);
  CHECK(diagnostics.find("content/controls/generated-0.yaml:") != std::string::npos);
  CHECK(diagnostics.find("content/controls/generated-19.yaml:") != std::string::npos);
  CHECK(diagnostics.find("generated-7.yaml:50:7: warning: field 'description' of control "
                         "'gen-7-3' has no sv translation") != std::string::npos);
  CHECK(diagnostics.find("generated-0.yaml:") < diagnostics.find("generated-1.yaml:"));
  CHECK(diagnostics_text(four.diagnostics) == diagnostics);
  CHECK(diagnostics_text(again.diagnostics) == diagnostics);

  const auto files = file_tree(dir / "public1");
  CHECK(files.size() > 20);
  // All 2 000 generated controls (and the example's) are on the home page and in trust.json.
  const std::string& home = files.at("en/index.html");
  CHECK(home.find("id=\"gen-0-0\"") != std::string::npos);
  CHECK(home.find("id=\"gen-19-99\"") != std::string::npos);
  CHECK(files.at("trust.json").find("\"gen-19-99\"") != std::string::npos);
  for (const char* other : {"public4", "public3"}) {
    const auto parallel = file_tree(dir / other);
    REQUIRE(parallel.size() == files.size());
    for (const auto& [path, content] : files) {
      INFO(other << "/" << path);
      REQUIRE(parallel.count(path) == 1);
      CHECK(parallel.at(path) == content);
    }
  }
}
