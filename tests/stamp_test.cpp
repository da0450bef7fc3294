#include "stamp.h"

#include <cstdlib>

#include <doctest/doctest.h>

#include "build.h"
#include "git.h"
#include "test_util.h"

using namespace trustsite;

namespace {

// The stamp as a build computes it, from the environment and git read at the edge.
Date stamp_of(const SiteConfig& config, const Content& content) {
  return compute_stamp(config, content, read_stamp_inputs(config, read_environment())).date;
}

Date today_utc() {
  return read_environment().today();
}

// The date of the last commit touching content/, as `updated: git` reads it.
std::optional<Date> git_content_date(const SiteConfig& config) {
  return read_stamp_inputs(config, read_environment()).git_date;
}

Content content_with_dates() {
  Content content;
  Category category;
  Control a, b;
  a.updated = parse_date("2026-03-14");
  b.updated = parse_date("2025-12-01");
  category.controls = {a, b};
  content.categories.push_back(category);
  Subprocessor s;
  s.since = parse_date("2024-01-10");
  content.subprocessors.items.push_back(s);
  SubprocessorChange change;
  change.date = *parse_date("2026-04-02");
  content.subprocessors.changes.push_back(change);
  Page page;
  PageSource source;
  source.updated = parse_date("2026-01-01");
  page.by_locale["en"] = source;
  content.pages.push_back(page);
  return content;
}

}  // namespace

TEST_CASE("parse_date accepts only valid YYYY-MM-DD") {
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-3-1"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("26-03-01"));
  CHECK_FALSE(parse_date("2026-03-01T00:00"));
  CHECK(format_date(*parse_date("2026-03-04")) == "2026-03-04");
  CHECK(format_date(date_from_unix_seconds(1700000000)) == "2023-11-14");
}

TEST_CASE("stamp: a fixed date wins") {
  SiteConfig config;
  config.updated_mode = UpdatedMode::fixed;
  config.updated_date = parse_date("2020-05-05");
  CHECK(format_date(stamp_of(config, content_with_dates())) == "2020-05-05");
}

TEST_CASE("stamp: auto takes the latest content date") {
  SiteConfig config;
  CHECK(format_date(stamp_of(config, content_with_dates())) == "2026-04-02");
}

TEST_CASE("stamp: auto without dates uses SOURCE_DATE_EPOCH, then today") {
  SiteConfig config;
  {
    trustsite::testing::ScopedEnv env("SOURCE_DATE_EPOCH", "1700000000");
    CHECK(format_date(stamp_of(config, Content{})) == "2023-11-14");
  }
  {
    trustsite::testing::ScopedEnv env("SOURCE_DATE_EPOCH", nullptr);
    CHECK(stamp_of(config, Content{}) == today_utc());
  }
  {
    trustsite::testing::ScopedEnv env("SOURCE_DATE_EPOCH", "not-a-number");
    CHECK(stamp_of(config, Content{}) == today_utc());
  }
}

TEST_CASE("stamp: git outside a checkout falls back to auto") {
  trustsite::testing::TempDir dir;
  SiteConfig config;
  config.site_dir = dir.path();
  config.updated_mode = UpdatedMode::git;
  CHECK_FALSE(git_content_date(config));
  CHECK(format_date(stamp_of(config, content_with_dates())) == "2026-04-02");
}

TEST_CASE("stamp: git takes the UTC date of the last commit touching content/") {
  trustsite::testing::TempDir dir;
  trustsite::testing::write_file(dir / "content/controls/a.yaml", "x: 1\n");
  const std::string git =
      "cd '" + dir.path().string() +
      "' && git init -q && git add . && GIT_COMMITTER_DATE='2021-06-14T23:30:00-05:00' "
      "GIT_AUTHOR_DATE='2021-06-14T23:30:00-05:00' git -c user.name=t -c user.email=t@e "
      "commit -q -m c";
  REQUIRE(std::system(git.c_str()) == 0);
  SiteConfig config;
  config.site_dir = dir.path();
  config.updated_mode = UpdatedMode::git;
  REQUIRE(git_content_date(config));
  CHECK(format_date(stamp_of(config, content_with_dates())) == "2021-06-15");
}
