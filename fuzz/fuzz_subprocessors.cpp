// libFuzzer target: content/subprocessors.yaml through the sub-processor loader (websites,
// DPA states, dates, the change history, notice days, the objection contact).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_site.h"
#include "subprocessors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  load.files.add(trustsite::fuzzing::fuzz_site_config().site_dir / "content/subprocessors.yaml",
                 std::string(reinterpret_cast<const char*>(data), size));
  (void)trustsite::load_subprocessors(load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
