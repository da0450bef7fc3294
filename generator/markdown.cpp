#include "markdown.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "text_rules.h"

namespace trustsite {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CStringDeleter {
  void operator()(char* text) const { std::free(text); }
};

// The GFM extensions SPEC 2 names. "tagfilter" is included too: it is GitHub's own guard
// against raw-HTML tags, harmless in safe mode and a second line of defence.
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist",
                                       "tagfilter"};

void shift_headings(cmark_node* document, int offset) {
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(node) + offset;
      cmark_node_set_heading_level(node, level > 6 ? 6 : level);
    }
  }
  cmark_iter_free(iter);
}

// `text` with every character the text rules forbid replaced by U+FFFD; nullopt when it has
// none (the common case, without a copy).
std::optional<std::string> without_forbidden_characters(const char* text) {
  if (text == nullptr) return std::nullopt;
  std::string_view rest(text);
  if (!find_forbidden_character(rest)) return std::nullopt;
  std::string out;
  while (auto bad = find_forbidden_character(rest)) {
    out.append(rest.substr(0, bad->offset));
    out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    // The forbidden characters are U+0000..U+009F (1 or 2 bytes) and U+202A..U+2069 (3 bytes).
    const std::size_t length = bad->code_point < 0x80 ? 1 : bad->code_point < 0x800 ? 2 : 3;
    rest.remove_prefix(bad->offset + length);
  }
  out.append(rest);
  return out;
}

// Replaces forbidden characters in every text the renderer writes as it is (text, code,
// link and image titles): only character references can have put them there, since the
// loaders refuse them in the source.
void replace_forbidden_characters(cmark_node* document) {
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
        if (auto clean = without_forbidden_characters(cmark_node_get_literal(node)))
          cmark_node_set_literal(node, clean->c_str());
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (auto clean = without_forbidden_characters(cmark_node_get_title(node)))
          cmark_node_set_title(node, clean->c_str());
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

// Whether the parsed document holds a forbidden character in any text it renders as it is.
bool has_forbidden_character(cmark_node* document) {
  bool found = false;
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE && !found;
       event = cmark_iter_next(iter)) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    const char* text = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
                           ? cmark_node_get_title(node)
                           : cmark_node_get_literal(node);
    found = text != nullptr && find_forbidden_character(text).has_value();
  }
  cmark_iter_free(iter);
  return found;
}

// Whether an image URL would load something from another origin, or is a scheme safe mode
// empties (javascript:, data:, ...): anything with a scheme, and protocol-relative `//host`.
bool is_external_or_scheme(const char* url) {
  if (url == nullptr || *url == '\0') return true;
  const std::string_view text(url);
  if (text.substr(0, 2) == "//") return true;
  const auto colon = text.find(':');
  return colon != std::string_view::npos && colon < text.find_first_of("/?#");
}

void append_text(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (const char* literal = cmark_node_get_literal(child)) out += literal;
    append_text(child, out);
  }
}

// Pages load nothing from other origins (SPEC 4, enforced by the CSP too), and an emptied
// `src` is invalid HTML: such images are shown as their alt text instead.
void replace_external_images(cmark_node* document) {
  std::vector<cmark_node*> images;
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE &&
        is_external_or_scheme(cmark_node_get_url(node)))
      images.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* image : images) {
    std::string alt;
    append_text(image, alt);
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, alt.c_str());
    cmark_node_insert_before(image, text);
    cmark_node_free(image);  // unlinks it first
  }
}

// cmark-gfm writes table alignment as the obsolete `align` attribute (and a CSP forbids the
// `style` alternative); turn it into a class the theme styles. User text cannot forge these
// strings because safe mode escapes every '"' and '<' that comes from the input.
void replace_align_attributes(std::string& html) {
  static constexpr std::string_view kFrom[] = {" align=\"left\"", " align=\"center\"",
                                               " align=\"right\""};
  static constexpr std::string_view kTo[] = {" class=\"align-left\"", " class=\"align-center\"",
                                             " class=\"align-right\""};
  if (html.find(" align=\"") == std::string::npos) return;
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    bool replaced = false;
    if (html[i] == ' ') {
      for (std::size_t k = 0; k < 3; ++k) {
        if (html.compare(i, kFrom[k].size(), kFrom[k]) == 0) {
          out += kTo[k];
          i += kFrom[k].size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += html[i++];
  }
  html.swap(out);
}

// The highest heading level in `document` (1 for h1); 7 when it has no heading.
int top_heading_level(cmark_node* document) {
  int top = 7;
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING)
      top = std::min(top, cmark_node_get_heading_level(node));
  }
  cmark_iter_free(iter);
  return top;
}

// Every link and image destination of `document`, with the position of the destination in
// `markdown`: looked up verbatim from the start of the node's block (cmark gives inline nodes
// no position of their own), else the block's start.
void collect_links(cmark_node* document, std::string_view markdown,
                   std::vector<MarkdownLink>& links) {
  // Byte offset of the start of each line.
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < markdown.size(); ++i)
    if (markdown[i] == '\n') line_starts.push_back(i + 1);
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
      continue;
    const char* url = cmark_node_get_url(node);
    if (url == nullptr || *url == '\0') continue;
    cmark_node* block = node;
    while (block != nullptr && cmark_node_get_start_line(block) == 0)
      block = cmark_node_parent(block);
    MarkdownLink link{url, 1, 1};
    if (block != nullptr) {
      link.line = cmark_node_get_start_line(block);
      link.column = std::max(1, cmark_node_get_start_column(block));
    }
    const std::size_t from = line_starts[std::min<std::size_t>(link.line, line_starts.size()) - 1];
    const std::size_t at = markdown.find(url, from);
    if (at != std::string_view::npos) {
      const auto line = std::upper_bound(line_starts.begin(), line_starts.end(), at) - 1;
      link.line = static_cast<int>(line - line_starts.begin()) + 1;
      link.column = static_cast<int>(at - *line) + 1;
    }
    links.push_back(std::move(link));
  }
  cmark_iter_free(iter);
}

// A cmark-gfm parser with the GFM extensions SPEC 2 names, fed `markdown`. Tables only within
// the table limits (a larger text has already been reported by its loader).
std::unique_ptr<cmark_node, NodeDeleter> parse(
    std::string_view markdown, int options, std::unique_ptr<cmark_parser, ParserDeleter>& parser) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  parser.reset(cmark_parser_new(options));
  const bool tables = table_problem(markdown).empty();
  for (const char* name : kExtensions) {
    if (!tables && std::string_view(name) == "table") continue;
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  // cmark-gfm adds and removes the extensions' special characters in a global table while it
  // parses inlines (github/cmark-gfm#176): parsing is not thread-safe, so one parse at a time
  // (the controls loader checks Markdown in worker threads). Rendering a parsed tree is, and runs
  // unlocked.
  static std::mutex parse_mutex;
  std::lock_guard lock(parse_mutex);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser.get()));
}

constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG;

// Parses `markdown`, lets `shift` pick the heading offset from the parsed document, and
// renders it in safe mode; collects the link destinations into `links` when given.
template <typename Shift>
std::string render(std::string_view markdown, Shift shift,
                   std::vector<MarkdownLink>* links = nullptr) {
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  std::unique_ptr<cmark_node, NodeDeleter> document = parse(markdown, kOptions, parser);
  if (const int offset = shift(document.get()); offset != 0) shift_headings(document.get(), offset);
  if (links != nullptr) collect_links(document.get(), markdown, *links);
  replace_external_images(document.get());
  replace_forbidden_characters(document.get());
  std::unique_ptr<char, CStringDeleter> html(cmark_render_html(
      document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get())));
  std::string result = html ? std::string(html.get()) : std::string();
  replace_align_attributes(result);
  return result;
}

// The numeric character reference starting at `at` (text[at] == '&'), if there is one.
std::optional<CharacterReference> reference_at(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i >= text.size() || text[i] != '#') return std::nullopt;
  ++i;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const std::size_t digits_start = i, max_digits = hex ? 6 : 7;
  char32_t value = 0;
  while (i < text.size() && i - digits_start < max_digits) {
    const char c = text[i];
    int digit = -1;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (hex && c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    if (digit < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    ++i;
  }
  if (i == digits_start || i >= text.size() || text[i] != ';') return std::nullopt;
  return CharacterReference{at, i + 1 - at, value};
}

}  // namespace

TableExtent measure_tables(std::string_view markdown) {
  TableExtent extent;
  std::size_t block_cells = 0, block_widest = 0, delimiters = 0;
  auto end_block = [&] {
    if (delimiters > 0) {
      extent.cells += delimiters * block_cells;
      extent.widest_row = std::max(extent.widest_row, block_widest);
    }
    block_cells = block_widest = delimiters = 0;
  };
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      end_block();
      continue;
    }
    // GFM: cells are separated by '|'; a leading and a trailing '|' open and close the row. A
    // table may sit in block quotes ("> > |a|b|"): their markers come before the row.
    const std::size_t row_start = line.find_first_not_of(" \t\r>");
    if (row_start == std::string_view::npos) continue;  // only quote markers: no cells
    const std::string_view row = line.substr(row_start);
    const std::size_t last = row.find_last_not_of(" \t\r");
    std::size_t cells = 1 + static_cast<std::size_t>(std::count(row.begin(), row.end(), '|'));
    if (row.front() == '|' && cells > 1) --cells;
    if (row[last] == '|' && last != 0 && cells > 1) --cells;
    block_cells += cells;
    block_widest = std::max(block_widest, cells);
    if (row.find('-') != std::string_view::npos &&
        row.find_first_not_of("|-: \t\r") == std::string_view::npos)
      ++delimiters;
  }
  end_block();
  return extent;
}

std::string table_problem(std::string_view markdown) {
  if (markdown.find('|') == std::string_view::npos) return {};
  const TableExtent extent = measure_tables(markdown);
  if (extent.widest_row > kMaxTableColumns)
    return "has a table row of " + std::to_string(extent.widest_row) + " cells; expected at most " +
           std::to_string(kMaxTableColumns) +
           " columns per table (wider GFM tables take too long to render; split the table or "
           "use a list)";
  if (extent.cells > kMaxTableCells)
    return "has tables of about " + std::to_string(extent.cells) +
           " cells in all; expected at most " + std::to_string(kMaxTableCells) +
           " cells per text (larger GFM tables take too long to render; split the text or "
           "link to a document)";
  return {};
}

std::optional<CharacterReference> find_forbidden_reference(std::string_view markdown) {
  if (markdown.find("&#") == std::string_view::npos) return std::nullopt;
  std::optional<CharacterReference> first;
  for (std::size_t at = markdown.find("&#"); at != std::string_view::npos;
       at = markdown.find("&#", at + 1)) {
    auto reference = reference_at(markdown, at);
    // CommonMark turns U+0000 (and invalid code points) into U+FFFD itself.
    if (reference && reference->code_point != 0 && is_forbidden_character(reference->code_point)) {
      first = reference;
      break;
    }
  }
  if (!first) return std::nullopt;
  // Only a reference that cmark decodes matters: parse once to see whether any rendered text
  // holds a forbidden character.
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  std::unique_ptr<cmark_node, NodeDeleter> document = parse(markdown, kOptions, parser);
  if (!has_forbidden_character(document.get())) return std::nullopt;
  return first;
}

std::string render_markdown(std::string_view markdown, int heading_offset) {
  return render(markdown, [&](cmark_node*) { return heading_offset; });
}

std::string render_markdown_below(std::string_view markdown, int parent_level,
                                  std::vector<MarkdownLink>* links) {
  return render(
      markdown,
      [&](cmark_node* document) {
        const int top = top_heading_level(document);
        return top <= parent_level ? parent_level + 1 - top : 0;
      },
      links);
}

}  // namespace trustsite
