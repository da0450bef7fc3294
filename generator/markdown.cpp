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

// Parses `markdown`, lets `shift` pick the heading offset from the parsed document, and
// renders it in safe mode; collects the link destinations into `links` when given.
template <typename Shift>
std::string render(std::string_view markdown, Shift shift,
                   std::vector<MarkdownLink>* links = nullptr) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    // cmark-gfm adds and removes the extensions' special characters in a global table while it
    // parses inlines (github/cmark-gfm#176): parsing is not thread-safe, so one parse at a time.
    // Rendering the tree into HTML is, and runs unlocked.
    static std::mutex parse_mutex;
    std::lock_guard lock(parse_mutex);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    document.reset(cmark_parser_finish(parser.get()));
  }
  if (const int offset = shift(document.get()); offset != 0) shift_headings(document.get(), offset);
  if (links != nullptr) collect_links(document.get(), markdown, *links);
  replace_external_images(document.get());
  std::unique_ptr<char, CStringDeleter> html(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  std::string result = html ? std::string(html.get()) : std::string();
  replace_align_attributes(result);
  return result;
}

}  // namespace

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
