// Replays fuzz/regressions/<target>/ through the fuzz targets' own entry points, in the normal
// build (any compiler, no libFuzzer): `fuzz_replay TARGET DIR` calls the target once per file of
// DIR, in name order. A crash, a sanitizer report (in a sanitizer build) or a hang fails the CTest
// test; each file is named on stdout before it runs.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" {
int trustsite_replay_fuzz_controls(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_front_matter(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_mustache(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_site_yaml(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_subprocessors(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_ai(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_locales(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_status_formats(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_compliance(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_documents(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_faq(const std::uint8_t*, std::size_t);
int trustsite_replay_fuzz_highlights(const std::uint8_t*, std::size_t);
}

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  std::string_view name;
  Entry entry;
};

constexpr Target kTargets[] = {
    {"fuzz_controls", trustsite_replay_fuzz_controls},
    {"fuzz_front_matter", trustsite_replay_fuzz_front_matter},
    {"fuzz_mustache", trustsite_replay_fuzz_mustache},
    {"fuzz_site_yaml", trustsite_replay_fuzz_site_yaml},
    {"fuzz_subprocessors", trustsite_replay_fuzz_subprocessors},
    {"fuzz_ai", trustsite_replay_fuzz_ai},
    {"fuzz_locales", trustsite_replay_fuzz_locales},
    {"fuzz_status_formats", trustsite_replay_fuzz_status_formats},
    {"fuzz_compliance", trustsite_replay_fuzz_compliance},
    {"fuzz_documents", trustsite_replay_fuzz_documents},
    {"fuzz_faq", trustsite_replay_fuzz_faq},
    {"fuzz_highlights", trustsite_replay_fuzz_highlights},
};

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc != 3) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET DIR\n");
    return 2;
  }
  const std::string_view name = argv[1];
  const auto target = std::find_if(std::begin(kTargets), std::end(kTargets),
                                   [&](const Target& t) { return t.name == name; });
  if (target == std::end(kTargets)) {
    std::fprintf(stderr, "fuzz_replay: unknown target %s\n", argv[1]);
    return 2;
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(argv[2], ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "fuzz_replay: no regression inputs in %s\n", argv[2]);
    return 1;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::printf("%s: %s (%zu bytes)\n", argv[1], file.filename().c_str(), data.size());
    std::fflush(stdout);
    target->entry(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
  }
  std::printf("%s: %zu inputs replayed\n", argv[1], files.size());
  return 0;
}
