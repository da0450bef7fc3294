// libFuzzer target: site.yaml through load_config() on an in-memory file system (every field
// reader, URLs, e-mail addresses, dates, security_txt, monitoring), then the monitoring rules
// (validate_monitoring_config()).
#include <cstddef>
#include <cstdint>
#include <string>

#include "config.h"
#include "file_system.h"
#include "monitoring.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::MemoryFileSystem files;
  files.add("/site/site.yaml", std::string(reinterpret_cast<const char*>(data), size));
  trustsite::DiagnosticSink sink;
  trustsite::MissingTranslations missing;
  try {
    const trustsite::SiteConfig config =
        trustsite::load_config("/site", "/data", files, sink, missing);
    if (config.monitoring) trustsite::validate_monitoring_config(*config.monitoring, sink);
  } catch (const trustsite::FatalError&) {
    // site.yaml that cannot be read or parsed at all: reported, nothing else checked.
  }
  for (const auto& diagnostic : sink.sorted()) (void)trustsite::format_github(diagnostic);
  return 0;
}
