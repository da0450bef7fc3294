// libFuzzer target: content/ai.yaml through the AI disclosure loader (statuses, booleans,
// localized and Markdown fields, character references).
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosures.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  load.files.add(trustsite::fuzzing::fuzz_site_config().site_dir / "content/ai.yaml",
                 std::string(reinterpret_cast<const char*>(data), size));
  (void)trustsite::load_disclosures(load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
