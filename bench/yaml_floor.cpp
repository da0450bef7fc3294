// The floor of `trustsite build` (docs/performance.md): reads every content/**/*.yaml file of
// a site and parses each with YAML::Load() on one thread, nothing else. trustsite cannot avoid
// this parse, so its wall time is the yardstick that bench/build_scale.sh compares builds with.
// It uses the C library's allocator, as issue 15 defines the floor; trustsite links mimalloc
// (generator/allocator.h). For the floor with the same allocator:
//   LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libmimalloc.so.2 yaml_floor SITE_DIR
//
// Usage: yaml_floor SITE_DIR
// Prints the number of files, bytes and top-level nodes to stdout; exit 1 when a file cannot be
// read or parsed.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: yaml_floor SITE_DIR\n");
    return 2;
  }
  const fs::path content = fs::path(argv[1]) / "content";
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(content, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) {
    std::fprintf(stderr, "yaml_floor: cannot list %s: %s\n", content.c_str(), ec.message().c_str());
    return 1;
  }
  std::sort(files.begin(), files.end());

  std::size_t bytes = 0, nodes = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "yaml_floor: cannot read %s\n", path.c_str());
      return 1;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes += text.size();
    try {
      const YAML::Node root = YAML::Load(text);
      nodes += root.size();
    } catch (const YAML::Exception& error) {
      std::fprintf(stderr, "yaml_floor: %s: %s\n", path.c_str(), error.what());
      return 1;
    }
  }
  std::printf("%zu files, %zu bytes, %zu top-level nodes\n", files.size(), bytes, nodes);
  return 0;
}
