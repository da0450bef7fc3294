#include "allocator.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include <yaml-cpp/yaml.h>

#ifdef TRUSTSITE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

using namespace trustsite;

#ifdef TRUSTSITE_WITH_MIMALLOC
TEST_CASE("allocator: mimalloc serves malloc and new in our code, libc and the libraries") {
  // Our own allocations.
  auto ours = std::make_unique<char[]>(64);
  CHECK(allocator_owns(ours.get()));
  std::string large(3 << 20, 'x');  // a huge block, beyond any size class
  CHECK(allocator_owns(large.data()));
  // libc's own calls to malloc (strdup) and a library's (yaml-cpp's node tree, built inside
  // libyaml-cpp.so): every one goes through the replaced malloc.
  char* copy = strdup("control");
  REQUIRE(copy != nullptr);
  CHECK(allocator_owns(copy));
  std::free(copy);
  YAML::Node node = YAML::Load("controls: [a, b]");
  const std::string& scalar = node["controls"][0].Scalar();
  CHECK(allocator_owns(&scalar));
  // A pointer that is no allocation at all is not claimed, so the checks above can fail.
  static int not_allocated = 0;
  CHECK_FALSE(allocator_owns(&not_allocated));
}

TEST_CASE("allocator: configure_allocator makes mimalloc return freed pages at once") {
  mi_option_set(mi_option_decommit_delay, 25);  // mimalloc's default
  configure_allocator();
  CHECK(mi_option_get(mi_option_decommit_delay) == 0);
}
#else
TEST_CASE("allocator: without mimalloc, glibc's malloc serves every allocation") {
  auto block = std::make_unique<char[]>(64);
  CHECK(allocator_owns(block.get()));
}
#endif
