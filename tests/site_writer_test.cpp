#include "site_writer.h"

#include <doctest/doctest.h>

#include "diagnostics.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

TEST_CASE("write_site creates the output with a marker and replaces it atomically") {
  TempDir site;
  const fs::path out = site / "public";
  write_site(out, site.path(), {{"index.html", "one"}, {"en/index.html", "en"}});
  CHECK(read_file(out / "index.html") == "one");
  CHECK(read_file(out / "en/index.html") == "en");
  CHECK(fs::exists(out / kOutputMarker));
  CHECK((fs::status(out).permissions() & fs::perms::others_read) != fs::perms::none);

  write_site(out, site.path(), {{"index.html", "two"}});
  CHECK(read_file(out / "index.html") == "two");
  CHECK_FALSE(fs::exists(out / "en/index.html"));  // the old tree is gone, not merged
  // No temporary directories are left beside the output.
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(site.path())) entries += entry.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("write_site refuses dangerous output directories and deletes nothing") {
  TempDir site;
  write_file(site / "site.yaml", "title: x\n");
  write_file(site / "notes/keep.txt", "precious");

  CHECK_THROWS_AS(write_site(site.path(), site.path(), {{"index.html", "x"}}), FatalError);
  CHECK_THROWS_AS(write_site(site.path().parent_path(), site.path(), {{"index.html", "x"}}),
                  FatalError);
  CHECK_THROWS_AS(write_site(site / "notes", site.path(), {{"index.html", "x"}}), FatalError);
  CHECK_THROWS_AS(write_site(site / "site.yaml", site.path(), {{"index.html", "x"}}), FatalError);
  CHECK(read_file(site / "notes/keep.txt") == "precious");
  CHECK(read_file(site / "site.yaml") == "title: x\n");

  try {
    check_output_dir(site / "notes", site.path());
    FAIL("expected a refusal");
  } catch (const FatalError& error) {
    CHECK(std::string(error.what()).find("not empty and trustsite did not create it") !=
          std::string::npos);
  }
}

TEST_CASE("write_site accepts an existing empty directory") {
  TempDir site;
  fs::create_directories(site / "out");
  write_site(site / "out", site.path(), {{"a.txt", "a"}});
  CHECK(read_file(site / "out/a.txt") == "a");
}

TEST_CASE("write_site leaves the old output untouched when writing fails") {
  TempDir site;
  const fs::path out = site / "public";
  write_site(out, site.path(), {{"index.html", "old"}});
  CHECK_THROWS_AS(write_site(out, site.path(), {{"index.html", "new"}, {"../escape.html", "x"}}),
                  FatalError);
  CHECK_THROWS_AS(write_site(out, site.path(), {{"a.html", "1"}, {"a.html", "2"}}), FatalError);
  CHECK(read_file(out / "index.html") == "old");
  CHECK_FALSE(fs::exists(site / "escape.html"));
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(site.path())) entries += entry.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("write_site reports an unwritable location") {
  TempDir site;
  write_file(site / "blocker", "a file where a directory should be");
  CHECK_THROWS_AS(write_site(site / "blocker/out", site.path(), {{"index.html", "x"}}), FatalError);
}
