// libFuzzer target: a policy page file through split_front_matter() and the page loader
// (front matter YAML shifted to file lines, fields, body limits), then the Markdown renderer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "front_matter.h"
#include "fuzz_site.h"
#include "markdown.h"
#include "pages.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto split = trustsite::split_front_matter(text);
  // The views must lie inside the input.
  if (split.yaml.data() && (split.yaml.data() < text.data() ||
                            split.yaml.data() + split.yaml.size() > text.data() + text.size()))
    __builtin_trap();
  trustsite::fuzzing::FuzzLoad load;
  if (auto page = trustsite::load_page_text(text, "content/pages/fuzz.en.md", "en", load.context)) {
    // Safe mode (SPEC 2): no raw HTML ever reaches the page.
    const std::string html = trustsite::render_markdown(page->body, 1);
    if (html.find("<script") != std::string::npos) __builtin_trap();
  }
  return 0;
}
