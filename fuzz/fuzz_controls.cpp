// libFuzzer target: one content/controls/<category>.yaml file through parse_yaml() and the
// category loader (types, identifiers, localized fields, limits, unknown fields).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "controls.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)trustsite::load_category_text(text, "content/controls/fuzz.yaml", load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
