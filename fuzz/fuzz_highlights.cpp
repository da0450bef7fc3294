// libFuzzer target: content/highlights.yaml through the highlights loader (labels, values,
// links to ids, pages and URLs).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_site.h"
#include "highlights.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  load.files.add(trustsite::fuzzing::fuzz_site_config().site_dir / "content/highlights.yaml",
                 std::string(reinterpret_cast<const char*>(data), size));
  (void)trustsite::load_highlights(load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
