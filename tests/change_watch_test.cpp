// ChangeWatch (serve's inotify wake-up): which file system events wake it, and that trees and
// directories created after it started are watched too. A positive case waits at most 10 s
// (an event arrives in microseconds; the bound only keeps a broken watch from hanging the
// test); a negative case waits 100 ms and must time out.
#include "change_watch.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "test_util.h"

using trustsite::ChangeWatch;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds kEventBound{10000};
constexpr std::chrono::milliseconds kQuiet{100};

}  // namespace

TEST_CASE("change watch: a file written in a watched tree wakes it and nothing else does") {
  TempDir site;
  write_file(site / "content/controls/access.yaml", "controls: []\n");
  fs::create_directories(site / "public");
  ChangeWatch watch({site / "content"}, {site.path()});
  REQUIRE(watch.active());
  CHECK_FALSE(watch.wait(kQuiet));

  // Written and closed in a subdirectory of the tree.
  write_file(site / "content/controls/access.yaml", "controls: []\n# edited\n");
  CHECK(watch.wait(kEventBound));
  CHECK_FALSE(watch.wait(kQuiet));  // every event of that write was drained

  // Saved as editors do: a temporary file renamed over the original.
  write_file(site / "content/controls/.access.yaml.swp", "controls: []\n");
  CHECK(watch.wait(kEventBound));
  fs::rename(site / "content/controls/.access.yaml.swp", site / "content/controls/access.yaml");
  CHECK(watch.wait(kEventBound));

  // site.yaml, in the directory watched on its own.
  write_file(site / "site.yaml", "title: x\n");
  CHECK(watch.wait(kEventBound));

  // Below the site directory but outside every tree (the output): not an input.
  write_file(site / "public/index.html", "<p>built</p>");
  CHECK_FALSE(watch.wait(kQuiet));

  // A deletion.
  fs::remove(site / "content/controls/access.yaml");
  CHECK(watch.wait(kEventBound));
}

TEST_CASE("change watch: directories and trees created after the start are watched too") {
  TempDir site;
  fs::create_directories(site / "content");
  ChangeWatch watch({site / "content", site / "templates"}, {site.path()});
  REQUIRE(watch.active());

  // A new category directory inside a watched tree.
  fs::create_directories(site / "content/pages");
  CHECK(watch.wait(kEventBound));
  write_file(site / "content/pages/privacy.en.md", "---\ntitle: Privacy\n---\n");
  CHECK(watch.wait(kEventBound));

  // A tree that did not exist at the start (templates/ of the site), created in the site
  // directory.
  fs::create_directories(site / "templates");
  CHECK(watch.wait(kEventBound));
  write_file(site / "templates/home.mustache", "{{title}}");
  CHECK(watch.wait(kEventBound));
}

TEST_CASE("change watch: a file created but not yet written does not wake it") {
  TempDir site;
  fs::create_directories(site / "content");
  ChangeWatch watch({site / "content"}, {});
  REQUIRE(watch.active());
  // Open for writing and keep it open: only IN_CREATE so far, the content is not there yet.
  std::FILE* file = std::fopen((site / "content/faq.yaml").c_str(), "w");
  REQUIRE(file != nullptr);
  CHECK_FALSE(watch.wait(kQuiet));
  std::fputs("questions: []\n", file);
  std::fclose(file);
  CHECK(watch.wait(kEventBound));
}

TEST_CASE("change watch: a tree that is a symbolic link is not followed") {
  TempDir dir;
  fs::create_directories(dir / "elsewhere/deep");
  fs::create_directories(dir / "site");
  fs::create_directory_symlink(dir / "elsewhere", dir / "site/templates");
  ChangeWatch watch({dir / "site/templates"}, {});
  REQUIRE(watch.active());
  write_file(dir / "elsewhere/deep/home.mustache", "{{title}}");
  CHECK_FALSE(watch.wait(kQuiet));
}
