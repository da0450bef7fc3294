#include "front_matter.h"

#include <doctest/doctest.h>

using namespace trustsite;

TEST_CASE("split_front_matter separates YAML and body with line numbers") {
  auto split = split_front_matter("---\ntitle: Privacy\norder: 1\n---\n# Body\ntext\n");
  CHECK(split.has_front_matter);
  CHECK(split.terminated);
  CHECK(split.yaml == "title: Privacy\norder: 1\n");
  CHECK(split.body == "# Body\ntext\n");
  CHECK(split.yaml_first_line == 2);
  CHECK(split.body_first_line == 5);
}

TEST_CASE("split_front_matter: CRLF, BOM, '...' terminator, trailing spaces") {
  auto split = split_front_matter("\xEF\xBB\xBF---  \r\ntitle: x\r\n...\r\nbody");
  CHECK(split.terminated);
  CHECK(split.yaml == "title: x\r\n");
  CHECK(split.body == "body");
}

TEST_CASE("split_front_matter: missing and unterminated front matter") {
  auto none = split_front_matter("# Just Markdown\n---\n");
  CHECK_FALSE(none.has_front_matter);
  CHECK(none.body == "# Just Markdown\n---\n");

  auto open = split_front_matter("---\ntitle: x\nno end\n");
  CHECK(open.has_front_matter);
  CHECK_FALSE(open.terminated);

  auto only = split_front_matter("---");
  CHECK(only.has_front_matter);
  CHECK_FALSE(only.terminated);

  auto empty_body = split_front_matter("---\ntitle: x\n---");
  CHECK(empty_body.terminated);
  CHECK(empty_body.body.empty());
  CHECK_FALSE(split_front_matter("----\n").has_front_matter);
}
