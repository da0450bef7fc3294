// Where themes and locale files come from (SPEC 1): the site first, then trustsite's data dir.
#include "data_dirs.h"

#include <doctest/doctest.h>

#include "environment.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::ScopedEnv;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;

TEST_CASE("data dirs: TRUSTSITE_DATA_DIR is searched after the site directory") {
  TempDir site, data;
  ScopedEnv env("TRUSTSITE_DATA_DIR", data.path().string());
  const auto data_dir = read_environment().data_dir;
  CHECK(data_dir == data.path());
  write_file(data / "locales/en.yaml", "from: data\n");
  write_file(data / "themes/default/templates/home.mustache", "data");
  CHECK(find_in_search_dirs(site.path(), data_dir, "locales/en.yaml") == data / "locales/en.yaml");
  write_file(site / "locales/en.yaml", "from: site\n");
  CHECK(find_in_search_dirs(site.path(), data_dir, "locales/en.yaml") == site / "locales/en.yaml");
  CHECK_FALSE(find_in_search_dirs(site.path(), data_dir, "locales/xx.yaml"));
  REQUIRE(search_dirs(site.path(), data_dir).size() == 2);
  CHECK(search_dirs(site.path(), data_dir)[0] == site.path());
}

TEST_CASE("data dirs: without the variable, a build-tree binary uses its source tree") {
  ScopedEnv env("TRUSTSITE_DATA_DIR", nullptr);
  const auto data_dir = read_environment().data_dir;
  CHECK(data_dir == std::filesystem::path(TRUSTSITE_SOURCE_DATA_DIR));
  // The source tree is the data dir of its own example site: searched once, not twice.
  CHECK(search_dirs(TRUSTSITE_SOURCE_DATA_DIR, data_dir).size() == 1);
}
