// libFuzzer target: one content/controls/<category>.yaml file through parse_yaml() and the
// category loader (types, identifiers, localized fields, limits, unknown fields).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const trustsite::SiteConfig config = [] {
    trustsite::SiteConfig c;
    c.site_dir = "/nonexistent-site";
    c.default_locale = "en";
    c.locales = {"en", "sv"};
    return c;
  }();
  trustsite::DiagnosticSink sink;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)trustsite::load_category_text(text, "content/controls/fuzz.yaml", config, sink);
  for (const auto& diagnostic : sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
