// libFuzzer target: a site's own locales/sv.yaml over trustsite's built-in en and sv UI strings
// (read once from the source tree), through UiStrings::load(): nesting, text rules, the deep
// merge and the fallback to the default locale.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "config.h"
#include "file_system.h"
#include "locales.h"

namespace {

std::string source_file(const char* relative) {
  std::ifstream in(std::string(TRUSTSITE_SOURCE_DATA_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string en = source_file("locales/en.yaml");
  static const std::string sv = source_file("locales/sv.yaml");
  trustsite::MemoryFileSystem files;
  files.add("/data/locales/en.yaml", en);
  files.add("/data/locales/sv.yaml", sv);
  files.add("/site/locales/sv.yaml", std::string(reinterpret_cast<const char*>(data), size));
  trustsite::SiteConfig config;
  config.site_dir = "/site";
  config.data_dir = "/data";
  config.default_locale = "en";
  config.locales = {"en", "sv"};
  trustsite::DiagnosticSink sink;
  const auto strings = trustsite::UiStrings::load(config, files, sink);
  (void)strings.get("sv", "status.implemented");
  for (const auto& diagnostic : sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
