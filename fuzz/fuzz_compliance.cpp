// libFuzzer target: content/compliance.yaml through the framework loader (types and statuses,
// dates and the partial `expected` date, reports, Markdown scope and note with their
// character-reference and table checks, mappings).
#include <cstddef>
#include <cstdint>
#include <string>

#include "frameworks.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  load.files.add(trustsite::fuzzing::fuzz_site_config().site_dir / "content/compliance.yaml",
                 std::string(reinterpret_cast<const char*>(data), size));
  (void)trustsite::load_frameworks(load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
