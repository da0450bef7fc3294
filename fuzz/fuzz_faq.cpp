// libFuzzer target: content/faq.yaml through the FAQ loader (questions, Markdown answers with
// their character-reference and table checks, order).
#include <cstddef>
#include <cstdint>
#include <string>

#include "faq.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  load.files.add(trustsite::fuzzing::fuzz_site_config().site_dir / "content/faq.yaml",
                 std::string(reinterpret_cast<const char*>(data), size));
  (void)trustsite::load_faq(load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
