// libFuzzer target: content/documents.yaml through the document loader (access levels, the
// request address, file paths and types, URLs, languages, dates, Markdown descriptions), with
// two published files in content/documents/ of the in-memory site.
#include <cstddef>
#include <cstdint>
#include <string>

#include "documents.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustsite::fuzzing::FuzzLoad load;
  const auto content = trustsite::fuzzing::fuzz_site_config().site_dir / "content";
  load.files.add(content / "documents.yaml",
                 std::string(reinterpret_cast<const char*>(data), size));
  load.files.add(content / "documents/report.pdf", "%PDF-1.7\n%%EOF\n");
  load.files.add(content / "documents/policies/summary.txt", "A summary.\n");
  (void)trustsite::load_documents(load.context);
  for (const auto& diagnostic : load.sink.sorted()) (void)trustsite::format_text(diagnostic);
  return 0;
}
