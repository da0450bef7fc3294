// Splitting a Markdown page into its YAML front matter and body (SPEC 3: front matter between
// `---` lines at the very top of the file, the Hugo/Jekyll convention).
#pragma once

#include <string_view>

namespace trustsite {

// The parts of a page file. Views point into the text passed to split_front_matter().
struct FrontMatterSplit {
  bool has_front_matter = false;  // the first line (after an optional BOM) is `---`
  bool terminated = false;        // a closing `---` (or `...`) line was found
  std::string_view yaml;          // between the delimiter lines
  std::string_view body;          // after the closing line (the whole text without front matter)
  int yaml_first_line = 2;        // 1-based file line of yaml's first line
  int body_first_line = 1;        // 1-based file line of body's first line
};

// Splits `text`. Delimiter lines may carry trailing spaces and CRLF endings. Never throws;
// linear in the size of the text.
FrontMatterSplit split_front_matter(std::string_view text);

}  // namespace trustsite
