#include "allocator.h"

#include <doctest/doctest.h>

#include <dlfcn.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#ifdef TRUSTSITE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

using namespace trustsite;

#ifdef TRUSTSITE_WITH_MIMALLOC

TEST_CASE("allocator: mimalloc serves malloc and new in our code, libc and the libraries") {
  CHECK(dlsym(RTLD_DEFAULT, "mi_malloc") != nullptr);
  // Our own allocations.
  auto ours = std::make_unique<char[]>(64);
  CHECK(mi_is_in_heap_region(ours.get()));
  std::string large(3 << 20, 'x');  // beyond the small and medium size classes
  CHECK(mi_is_in_heap_region(large.data()));
  // libc's own calls to malloc (strdup) and a library's (yaml-cpp's node tree, built inside
  // libyaml-cpp.so): every one goes through the replaced malloc.
  char* copy = strdup("control");
  REQUIRE(copy != nullptr);
  CHECK(mi_is_in_heap_region(copy));
  std::free(copy);
  YAML::Node node = YAML::Load("controls: [a, b]");
  const std::string& scalar = node["controls"][0].Scalar();
  CHECK(mi_is_in_heap_region(&scalar));
  // A pointer that is no allocation at all is not claimed, so the checks above can fail.
  static int not_allocated = 0;
  CHECK_FALSE(mi_is_in_heap_region(&not_allocated));
}

TEST_CASE("allocator: out of memory in operator new throws std::bad_alloc, it does not abort") {
  // main() turns any exception into a message and exit 1; mimalloc's own operator new aborts.
  volatile std::size_t impossible = PTRDIFF_MAX;
  CHECK_THROWS_AS(static_cast<void>(::operator new(impossible)), std::bad_alloc);
  CHECK_THROWS_AS(static_cast<void>(::operator new[](impossible)), std::bad_alloc);
  CHECK_THROWS_AS(static_cast<void>(::operator new (impossible, std::align_val_t{64})),
                  std::bad_alloc);
  CHECK(::operator new(impossible, std::nothrow) == nullptr);
  CHECK(::operator new[](impossible, std::align_val_t{64}, std::nothrow) == nullptr);
  CHECK_THROWS_AS(std::vector<char>().reserve(std::size_t{1} << 60), std::bad_alloc);
  // An aligned allocation is aligned and freed by mimalloc's delete.
  void* aligned = ::operator new (100, std::align_val_t{256});
  CHECK(reinterpret_cast<std::uintptr_t>(aligned) % 256 == 0);
  CHECK(mi_is_in_heap_region(aligned));
  ::operator delete (aligned, std::align_val_t{256});
}

TEST_CASE("allocator: freed memory goes back to the system at once") {
  configure_allocator();
  auto committed = [] {
    std::size_t elapsed, user, system, rss, peak_rss, commit, peak_commit, faults;
    mi_process_info(&elapsed, &user, &system, &rss, &peak_rss, &commit, &peak_commit, &faults);
    return commit;
  };
  const std::size_t before = committed();
  {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 64; ++i) {
      blocks.push_back(std::make_unique<char[]>(std::size_t{1} << 20));
      std::memset(blocks.back().get(), 'x', std::size_t{1} << 20);
    }
    CHECK(committed() >= before + (std::size_t{60} << 20));
  }
  release_free_memory();
  CHECK(committed() < before + (std::size_t{16} << 20));
}

#else

TEST_CASE("allocator: without mimalloc (sanitizer builds) glibc's malloc serves the process") {
  CHECK(dlsym(RTLD_DEFAULT, "mi_malloc") == nullptr);
  CHECK(dlsym(RTLD_DEFAULT, "malloc_trim") != nullptr);
}

#endif
