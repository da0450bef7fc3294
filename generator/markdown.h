// CommonMark + GFM (tables, strikethrough, autolinks, task lists) to HTML with cmark-gfm, in
// safe mode (SPEC 2): raw HTML is dropped and javascript:/vbscript:/data: links are emptied.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustsite {

// A numeric character reference in Markdown source (`&#x202E;`, `&#27;`).
struct CharacterReference {
  std::size_t offset = 0;  // byte offset of its '&' in the Markdown text
  std::size_t length = 0;  // bytes, up to and including the ';'
  char32_t code_point = 0;
};

// The first numeric character reference in `markdown` (CommonMark 0.30 section 2.5: `&#` and 1-7
// decimal digits, or `&#x` and 1-6 hex digits, then `;`) that decodes to a character the text
// rules forbid (text_rules.h: C0/C1 controls other than tab and line breaks, bidirectional
// controls) and that cmark-gfm really decodes into the rendered text (a reference inside a
// code span or block stays literal text and is not reported); nullopt when there is none.
// Parses the Markdown only when the text holds "&#".
std::optional<CharacterReference> find_forbidden_reference(std::string_view markdown);

// GFM tables (SPEC 2) render in time quadratic in the cells of a row in cmark-gfm 0.29 (each
// cell is appended to a linked list by walking it), so a Markdown text may hold tables of at most
// kMaxTableColumns cells per row and kMaxTableCells cells in all (docs/errors.md,
// docs/performance.md): at the limits a text renders in well under a second.
inline constexpr std::size_t kMaxTableColumns = 100;
inline constexpr std::size_t kMaxTableCells = 10000;

// An upper bound on the table work in `markdown`, counted in one pass without parsing: every
// block (lines between blank lines) that holds a delimiter-like line (only '|', '-', ':' and
// spaces, with a '-', after any block quote markers '>') counts as a table whose rows are all its
// lines, once per such line (the parser re-reads the block at each one); a row has one cell more
// than its '|' characters, less a leading and a trailing one (GFM).
struct TableExtent {
  std::size_t widest_row = 0;  // cells of the widest row
  std::size_t cells = 0;       // cells in all
};
TableExtent measure_tables(std::string_view markdown);

// What is wrong with the tables of `markdown` ("has a table row of 250 cells; expected at most
// 100 ..."), or "" when measure_tables() is within the limits.
std::string table_problem(std::string_view markdown);

// Renders `markdown` (UTF-8) to an HTML fragment. Safe by default: raw HTML blocks and inline
// HTML are replaced by comments, unsafe link schemes become empty hrefs (cmark's
// CMARK_OPT_SAFE behaviour, the default since it is not CMARK_OPT_UNSAFE). Images from other
// origins or with a scheme (https:, data:, javascript:, //host) become their alt text, since
// pages load nothing from other origins (SPEC 4). A forbidden character that a character
// reference put into the text (see find_forbidden_reference(), which loaders report as an
// error) is replaced by U+FFFD, so none reaches the HTML. A text over the table limits (which
// loaders report as an error) is rendered without the table extension, in linear time. Headings are
// shifted down by `heading_offset` levels (1 turns `#` into <h2>), clamped to <h6>. Never throws on
// any input; invalid UTF-8 is replaced with U+FFFD.
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
