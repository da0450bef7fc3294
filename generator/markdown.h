// CommonMark + GFM (tables, strikethrough, autolinks, task lists) to HTML with cmark-gfm, in
// safe mode (SPEC 2): raw HTML is dropped and javascript:/vbscript:/data: links are emptied.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trustsite {

// Renders `markdown` (UTF-8) to an HTML fragment. Safe by default: raw HTML blocks and inline
// HTML are replaced by comments, unsafe link schemes become empty hrefs (cmark's
// CMARK_OPT_SAFE behaviour, the default since it is not CMARK_OPT_UNSAFE). Images from other
// origins or with a scheme (https:, data:, javascript:, //host) become their alt text, since
// pages load nothing from other origins (SPEC 4). Headings are shifted
// down by `heading_offset` levels (1 turns `#` into <h2>), clamped to <h6>. Never throws on any
// input; invalid UTF-8 is replaced with U+FFFD.
std::string render_markdown(std::string_view markdown, int heading_offset = 0);

// A link or image destination found in Markdown, with its position in the Markdown text
// (1-based line; 1-based byte column of the destination, or of its block when it cannot be
// found verbatim, e.g. after entity decoding).
struct MarkdownLink {
  std::string destination;
  int line = 1;
  int column = 1;
};

// Renders `markdown` like render_markdown() with its headings shifted so that the highest one
// sits one level below `parent_level` (the heading of the element that holds the text: a
// page's h1, a category's h2), whatever level the author started at; headings already below
// it stay as written (WCAG 1.3.1: no skipped levels). The shift is made on the parsed
// document, which is parsed once.
// When `links` is given, every link and image destination is appended to it (for the link
// check, SPEC 3 "Links"), from the same parse.
std::string render_markdown_below(std::string_view markdown, int parent_level,
                                  std::vector<MarkdownLink>* links = nullptr);

}  // namespace trustsite
