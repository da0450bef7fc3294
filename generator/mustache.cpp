// The Mustache engine: tokenizer -> standalone-line pass -> node tree (parse), and a renderer
// that walks the tree with a context stack. Spec: https://github.com/mustache/spec v1.3 with
// the optional inheritance module (~inheritance.yml, including its block re-indentation).
#include "mustache.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

namespace trustsite::mustache {

namespace {

std::string format_what(const std::string& file, int line, int column, const std::string& message) {
  std::string what = file;
  if (line > 0) {
    what += ':' + std::to_string(line);
    if (column > 0) what += ':' + std::to_string(column);
  }
  if (!what.empty()) what += ": ";
  return what + message;
}

}  // namespace

TemplateError::TemplateError(std::string file, int line, int column, const std::string& message)
    : std::runtime_error(format_what(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(message) {}

namespace detail {

enum class NodeKind : unsigned char { text, variable, section, inverted, partial, parent, block };

struct Node {
  NodeKind kind = NodeKind::text;
  bool escape = true;       // variable: {{name}} escapes, {{{name}}} and {{&name}} do not
  bool standalone = false;  // partial/parent: the tag stood alone on its line
  int line = 0;
  int column = 0;
  std::string text;               // text: the literal text; every other kind: the name
  std::vector<std::string> path;  // variable/section/inverted: dotted name parts; {} for "."
  std::string indent;             // partial/parent: indentation of its standalone line;
                                  // block: the indentation its content is expanded with
  std::vector<Node> children;     // section/inverted/block: content; parent: block overrides
};

}  // namespace detail

using detail::Node;
using detail::NodeKind;
using nlohmann::json;

namespace {

constexpr std::size_t npos = std::string_view::npos;
// Recursion depth of the renderer (sections inside partials inside sections...).
constexpr int max_render_depth = 1000;

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}
bool is_space_char(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_blank_char);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_char(s.back())) s.remove_suffix(1);
  return s;
}

// `s` without its longest common prefix with `prefix` (both indentation strings).
std::string_view strip_common_prefix(std::string_view s, std::string_view prefix) {
  std::size_t n = 0;
  while (n < s.size() && n < prefix.size() && s[n] == prefix[n]) ++n;
  return s.substr(n);
}

// The tag as written, shortened for messages.
std::string excerpt(std::string_view tag) {
  constexpr std::size_t limit = 60;
  if (tag.size() <= limit) return std::string(tag);
  return std::string(tag.substr(0, limit - 3)) + "...";
}

std::string position(int line, int column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

enum class TokenKind : unsigned char {
  text,
  variable,
  section_open,
  inverted_open,
  close,
  comment,
  partial,
  delimiters,
  parent_open,
  block_open,
};

struct Token {
  TokenKind kind = TokenKind::text;
  bool escape = true;
  bool removed = false;       // whitespace belonging to a standalone line
  bool standalone = false;    // a tag on a standalone line
  bool pair_on_line = false;  // block_open whose closing tag is on the same standalone line
  int line = 0;
  int column = 0;
  std::size_t offset = 0;           // source offset of the text, or of the tag's delimiter
  std::size_t next_line = npos;     // block_open on a standalone line: start of the next line
  std::string_view text;            // text: the text (at most one '\n', at its end); tag: name
  std::string_view line_indent;     // standalone tag: the leading whitespace of its line
  std::string_view open_delimiter;  // the delimiters in force at the tag, for messages
  std::string_view close_delimiter;
};

// Tracks the 1-based line and column (in UTF-8 characters) of a source offset, moving forward.
class Cursor {
 public:
  explicit Cursor(std::string_view source) : source_(source) {}
  void advance_to(std::size_t offset) {
    for (; pos_ < offset; ++pos_) {
      const auto c = static_cast<unsigned char>(source_[pos_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;
      }
    }
  }
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  std::string_view source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

struct Tokens {
  std::vector<Token> tokens;
  int eof_line = 1;
  int eof_column = 1;
};

// Adds the text source[from, to) as at most three tokens: up to and including its first newline,
// the following whole lines, and the rest after its last newline. Only a text token that ends
// a line can end a standalone line, and whole lines without tags never are standalone.
void add_text(std::vector<Token>& tokens, std::string_view source, std::size_t from,
              std::size_t to) {
  const std::string_view text = source.substr(from, to - from);
  const std::size_t first = text.find('\n');
  const std::size_t last = first == npos ? npos : text.rfind('\n');
  auto add = [&](std::size_t begin, std::size_t end) {
    if (begin >= end) return;
    Token token;
    token.offset = from + begin;
    token.text = text.substr(begin, end - begin);
    tokens.push_back(token);
  };
  if (first == npos) {
    add(0, text.size());
    return;
  }
  add(0, first + 1);
  add(first + 1, last + 1);
  add(last + 1, text.size());
}

// Splits `source` into text tokens (split after each newline) and tags. Spec: the tag types of
// interpolation.yml, sections.yml, inverted.yml, comments.yml, partials.yml, delimiters.yml and
// ~inheritance.yml.
Tokens tokenize(std::string_view source, const std::string& path) {
  Tokens result;
  std::vector<Token>& tokens = result.tokens;
  std::string_view open = "{{";
  std::string_view close = "}}";
  Cursor cursor(source);
  std::size_t pos = 0;
  while (pos < source.size()) {
    const std::size_t start = source.find(open, pos);
    if (start == npos) {
      add_text(tokens, source, pos, source.size());
      break;
    }
    add_text(tokens, source, pos, start);
    cursor.advance_to(start);
    const int line = cursor.line();
    const int column = cursor.column();
    auto fail = [&](const std::string& message) -> void {
      throw TemplateError(path, line, column, message);
    };

    Token token;
    token.offset = start;
    token.line = line;
    token.column = column;
    token.open_delimiter = open;
    token.close_delimiter = close;
    const std::size_t inner = start + open.size();
    const char sigil = inner < source.size() ? source[inner] : '\0';
    std::size_t content_begin = inner + 1;
    std::string closing(close);
    switch (sigil) {
      case '!':
        token.kind = TokenKind::comment;
        break;
      case '=':
        token.kind = TokenKind::delimiters;
        closing = "=" + closing;
        break;
      case '{':
        token.kind = TokenKind::variable;
        token.escape = false;
        closing = "}" + closing;
        break;
      case '&':
        token.kind = TokenKind::variable;
        token.escape = false;
        break;
      case '#':
        token.kind = TokenKind::section_open;
        break;
      case '^':
        token.kind = TokenKind::inverted_open;
        break;
      case '/':
        token.kind = TokenKind::close;
        break;
      case '>':
        token.kind = TokenKind::partial;
        break;
      case '<':
        token.kind = TokenKind::parent_open;
        break;
      case '$':
        token.kind = TokenKind::block_open;
        break;
      default:
        token.kind = TokenKind::variable;
        content_begin = inner;
        break;
    }
    const std::string opening =
        std::string(open) + (content_begin > inner ? std::string(1, sigil) : "");
    const std::size_t content_end =
        content_begin <= source.size() ? source.find(closing, content_begin) : npos;
    if (content_end == npos) {
      const char* what = token.kind == TokenKind::comment      ? "unclosed comment"
                         : token.kind == TokenKind::delimiters ? "unclosed set-delimiter tag"
                                                               : "unclosed tag";
      fail(std::string(what) + ": found '" + opening + "' but no closing '" + closing +
           "'; expected the tag to end with '" + closing + "'");
    }
    const std::size_t tag_end = content_end + closing.size();
    const std::string_view tag = source.substr(start, tag_end - start);
    const std::string_view content = source.substr(content_begin, content_end - content_begin);

    if (token.kind == TokenKind::comment) {
      // Comments may contain anything but the closing delimiter (comments.yml).
    } else if (token.kind == TokenKind::delimiters) {
      // delimiters.yml: two non-whitespace sequences separated by whitespace, without '='.
      const std::string_view body = trim(content);
      const std::size_t gap = std::find_if(body.begin(), body.end(), is_space_char) - body.begin();
      const std::string_view new_open = body.substr(0, gap);
      const std::string_view new_close =
          gap < body.size() ? trim(body.substr(gap)) : std::string_view{};
      auto bad = [](std::string_view d) {
        return d.empty() || d.find('=') != npos || std::any_of(d.begin(), d.end(), is_space_char);
      };
      if (bad(new_open) || bad(new_close))
        fail("bad set-delimiter tag '" + excerpt(tag) +
             "'; expected two delimiters separated by whitespace, neither containing whitespace "
             "or '=', e.g. '" +
             std::string(open) + "=<% %>=" + std::string(close) + "'");
      if (new_open.size() > max_delimiter_length || new_close.size() > max_delimiter_length)
        fail("bad set-delimiter tag '" + excerpt(tag) + "': a delimiter is longer than " +
             std::to_string(max_delimiter_length) + " characters");
      open = new_open;
      close = new_close;
    } else {
      const std::string_view name = trim(content);
      if (name.empty())
        fail("empty tag name in '" + excerpt(tag) + "'; expected a name, e.g. '" + opening +
             "name" + closing + "'");
      if (std::any_of(name.begin(), name.end(), is_space_char))
        fail("tag name '" + excerpt(name) + "' in '" + excerpt(tag) +
             "' contains whitespace; expected a single name such as 'title' or 'company.name'");
      token.text = name;
    }
    tokens.push_back(token);
    pos = tag_end;
  }
  cursor.advance_to(source.size());
  result.eof_line = cursor.line();
  result.eof_column = cursor.column();
  return result;
}

// Standalone lines (spec: "Standalone Lines" in sections/inverted/comments/partials/delimiters,
// "Standalone parent/block" in ~inheritance): a line holding only whitespace and tags other
// than interpolations is removed from the output, newline included; its leading whitespace is
// the indentation of standalone partial, parent and block tags on it. A block whose opening and
// closing tags share such a line keeps the line's newline (~inheritance "Standalone block").
void mark_standalone_lines(std::vector<Token>& tokens) {
  std::size_t begin = 0;
  while (begin < tokens.size()) {
    std::size_t end = begin;  // inclusive: the token ending the line
    bool only_blank = true;
    bool has_tag = false;
    for (;; ++end) {
      const Token& token = tokens[end];
      if (token.kind == TokenKind::text) {
        std::string_view body = token.text;
        const bool ends_line = !body.empty() && body.back() == '\n';
        if (ends_line) {
          body.remove_suffix(1);
          if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
        }
        if (!is_blank(body)) only_blank = false;
        if (ends_line) break;
      } else if (token.kind == TokenKind::variable) {
        only_blank = false;
      } else {
        has_tag = true;
      }
      if (end + 1 == tokens.size()) break;
    }
    if (only_blank && has_tag) {
      const std::string_view indent =
          tokens[begin].kind == TokenKind::text ? tokens[begin].text : std::string_view{};
      std::size_t last_tag = begin;
      for (std::size_t i = begin; i <= end; ++i)
        if (tokens[i].kind != TokenKind::text) last_tag = i;
      bool keep_newline = false;
      for (std::size_t i = begin; i <= end; ++i) {
        Token& token = tokens[i];
        if (token.kind == TokenKind::text) continue;
        token.standalone = true;
        token.line_indent = indent;
        if (token.kind != TokenKind::block_open) continue;
        std::size_t next = i + 1;
        while (next <= end && tokens[next].kind == TokenKind::text) ++next;
        token.pair_on_line =
            next <= end && tokens[next].kind == TokenKind::close && tokens[next].text == token.text;
        if (token.pair_on_line && next == last_tag) keep_newline = true;
        if (!token.pair_on_line && tokens[end].kind == TokenKind::text &&
            tokens[end].text.back() == '\n')
          token.next_line = tokens[end].offset + tokens[end].text.size();
      }
      for (std::size_t i = begin; i <= end; ++i) {
        Token& token = tokens[i];
        if (token.kind != TokenKind::text) continue;
        if (i == end && keep_newline && token.text.back() == '\n') {
          const std::size_t size = token.text.size();
          const std::size_t newline = size >= 2 && token.text[size - 2] == '\r' ? 2 : 1;
          token.offset += size - newline;
          token.text = token.text.substr(size - newline);
        } else {
          token.removed = true;
        }
      }
    }
    begin = end + 1;
  }
}

std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> parts;
  if (name == ".") return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    parts.emplace_back(name.substr(start, dot == npos ? npos : dot - start));
    if (dot == npos) break;
    start = dot + 1;
  }
  return parts;
}

const char* container_word(NodeKind kind) {
  switch (kind) {
    case NodeKind::section:
      return "section";
    case NodeKind::inverted:
      return "inverted section";
    case NodeKind::parent:
      return "parent";
    case NodeKind::block:
      return "block";
    default:
      return "tag";
  }
}

// Builds the node tree from the tokens, checking that sections, parents and blocks nest
// properly, and removing each standalone block's indentation from its content (~inheritance
// "Block reindentation", "Intrinsic indentation", "Nested block reindentation": a block's
// content is stored without the indentation of its first line; the renderer adds back the
// indentation of the place where the block is expanded).
std::vector<Node> build_tree(const Tokens& tokens, std::string_view source,
                             const std::string& path) {
  struct Frame {
    std::vector<Node>* children;
    const Token* open;
    NodeKind kind;
    std::string strip;  // indentation removed at the start of each line of this content
  };
  std::vector<Node> root;
  std::vector<Frame> stack;
  stack.push_back({&root, nullptr, NodeKind::text, {}});

  for (const Token& token : tokens.tokens) {
    if (token.removed) continue;
    Frame& frame = stack.back();
    std::vector<Node>& children = *frame.children;
    switch (token.kind) {
      case TokenKind::comment:
      case TokenKind::delimiters:
        break;
      case TokenKind::text: {
        if (children.empty() || children.back().kind != NodeKind::text)
          children.push_back(Node{NodeKind::text, true, false, 0, 0, {}, {}, {}, {}});
        std::string& text = children.back().text;
        if (frame.strip.empty()) {
          text += token.text;
        } else {
          // Remove the enclosing blocks' indentation at the start of each line.
          bool starts_line = token.offset == 0 || source[token.offset - 1] == '\n';
          std::string_view rest = token.text;
          while (!rest.empty()) {
            if (starts_line) rest = strip_common_prefix(rest, frame.strip);
            const std::size_t newline = rest.find('\n');
            const std::size_t end = newline == npos ? rest.size() : newline + 1;
            text += rest.substr(0, end);
            rest.remove_prefix(end);
            starts_line = true;
          }
        }
        if (text.empty()) children.pop_back();
        break;
      }
      case TokenKind::variable: {
        Node node;
        node.kind = NodeKind::variable;
        node.escape = token.escape;
        node.line = token.line;
        node.column = token.column;
        node.text = std::string(token.text);
        node.path = split_name(token.text);
        children.push_back(std::move(node));
        break;
      }
      case TokenKind::partial: {
        Node node;
        node.kind = NodeKind::partial;
        node.standalone = token.standalone;
        node.line = token.line;
        node.column = token.column;
        node.text = std::string(token.text);
        if (token.standalone) node.indent = strip_common_prefix(token.line_indent, frame.strip);
        children.push_back(std::move(node));
        break;
      }
      case TokenKind::section_open:
      case TokenKind::inverted_open:
      case TokenKind::parent_open:
      case TokenKind::block_open: {
        if (static_cast<int>(stack.size()) > max_nesting_depth)
          throw TemplateError(
              path, token.line, token.column,
              "sections, parents and blocks nested more than " + std::to_string(max_nesting_depth) +
                  " levels deep; expected at most " + std::to_string(max_nesting_depth));
        Node node;
        node.line = token.line;
        node.column = token.column;
        node.text = std::string(token.text);
        std::string strip = frame.strip;
        switch (token.kind) {
          case TokenKind::section_open:
            node.kind = NodeKind::section;
            node.path = split_name(token.text);
            break;
          case TokenKind::inverted_open:
            node.kind = NodeKind::inverted;
            node.path = split_name(token.text);
            break;
          case TokenKind::parent_open:
            node.kind = NodeKind::parent;
            node.standalone = token.standalone;
            if (token.standalone) node.indent = strip_common_prefix(token.line_indent, frame.strip);
            break;
          default:
            node.kind = NodeKind::block;
            if (token.standalone && token.pair_on_line) {
              node.indent = strip_common_prefix(token.line_indent, frame.strip);
            } else if (token.standalone && token.next_line < source.size()) {
              std::size_t end = token.next_line;
              while (end < source.size() && is_blank_char(source[end])) ++end;
              node.indent = strip_common_prefix(
                  source.substr(token.next_line, end - token.next_line), frame.strip);
              strip += node.indent;
            }
            break;
        }
        children.push_back(std::move(node));
        stack.push_back(
            {&children.back().children, &token, children.back().kind, std::move(strip)});
        break;
      }
      case TokenKind::close: {
        const std::string closing_tag = std::string(token.open_delimiter) + "/" +
                                        std::string(token.text) +
                                        std::string(token.close_delimiter);
        if (stack.size() == 1)
          throw TemplateError(path, token.line, token.column,
                              "closing tag " + closing_tag +
                                  " has no open section; expected a matching opening tag "
                                  "before it");
        const Token& open = *frame.open;
        if (open.text != token.text)
          throw TemplateError(path, token.line, token.column,
                              "mismatched closing tag " + closing_tag + "; expected " +
                                  std::string(token.open_delimiter) + "/" + std::string(open.text) +
                                  std::string(token.close_delimiter) + " (" +
                                  container_word(frame.kind) + " opened at " +
                                  position(open.line, open.column) + ")");
        if (frame.kind == NodeKind::parent) {
          // ~inheritance "Text inside parent": only the blocks inside a parent tag count.
          std::vector<Node>& overrides = *frame.children;
          overrides.erase(std::remove_if(overrides.begin(), overrides.end(),
                                         [](const Node& n) { return n.kind != NodeKind::block; }),
                          overrides.end());
        }
        stack.pop_back();
        break;
      }
    }
  }
  if (stack.size() > 1) {
    const Frame& frame = stack.back();
    const Token& open = *frame.open;
    // Reported at the opening tag, the place the author has to fix (SPEC 7).
    throw TemplateError(path, open.line, open.column,
                        "unclosed " + std::string(container_word(frame.kind)) + " '" +
                            std::string(open.text) +
                            "': it is never closed (the template ends at " +
                            position(tokens.eof_line, tokens.eof_column) + "); expected " +
                            std::string(open.open_delimiter) + "/" + std::string(open.text) +
                            std::string(open.close_delimiter) + " before the end of the template");
  }
  return root;
}

void collect_references(const std::vector<Node>& nodes, std::vector<Template::Reference>& out) {
  for (const Node& node : nodes) {
    if (node.kind == NodeKind::partial || node.kind == NodeKind::parent)
      out.push_back({node.text, node.kind == NodeKind::parent, node.line, node.column});
    collect_references(node.children, out);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Template and parse()

Template::Template(Private, std::string display_path, std::size_t source_size,
                   std::vector<detail::Node> nodes)
    : display_path_(std::move(display_path)), source_size_(source_size), nodes_(std::move(nodes)) {}

Template::~Template() = default;

std::vector<Template::Reference> Template::references() const {
  std::vector<Reference> out;
  collect_references(nodes_, out);
  return out;
}

std::shared_ptr<const Template> parse(std::string_view source, std::string display_path) {
  Tokens tokens = tokenize(source, display_path);
  mark_standalone_lines(tokens.tokens);
  std::vector<Node> nodes = build_tree(tokens, source, display_path);
  return std::make_shared<const Template>(Template::Private{}, std::move(display_path),
                                          source.size(), std::move(nodes));
}

namespace {

// The escaping of `{{name}}` (append_html_escaped), into any output with append(string_view).
template <typename Output>
void append_escaped(Output& out, std::string_view text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t special = text.find_first_of("&<>\"'", start);
    if (special == npos) {
      out.append(text.substr(start));
      return;
    }
    out.append(text.substr(start, special - start));
    switch (text[special]) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      default:
        out.append("&#39;");
        break;
    }
    start = special + 1;
  }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  append_escaped(out, text);
}

namespace {
// The JSON binary subtype that marks a deferred value ("TS" in ASCII).
constexpr std::uint8_t kDeferredSubtype = 0x54;
}  // namespace

nlohmann::json deferred_value(std::uint64_t key) {
  json::binary_t::container_type bytes(sizeof key);
  for (std::size_t i = 0; i < sizeof key; ++i) bytes[i] = static_cast<std::uint8_t>(key >> (8 * i));
  return json::binary(std::move(bytes), kDeferredSubtype);
}

std::optional<std::uint64_t> deferred_key(const nlohmann::json& value) {
  if (!value.is_binary()) return std::nullopt;
  const json::binary_t& binary = value.get_binary();
  if (!binary.has_subtype() || binary.subtype() != kDeferredSubtype || binary.size() != 8)
    return std::nullopt;
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < binary.size(); ++i) key |= std::uint64_t{binary[i]} << (8 * i);
  return key;
}

// ---------------------------------------------------------------------------------------------
// Rendering

namespace {

// Whether `value` has more than `limit` levels of objects/lists (checked without recursion, so
// that a hostile context cannot overflow the stack; json::dump() recurses).
bool nested_deeper_than(const json& value, int limit) {
  std::vector<std::pair<const json*, int>> pending{{&value, 1}};
  while (!pending.empty()) {
    const auto [current, depth] = pending.back();
    pending.pop_back();
    if (depth > limit) return true;
    if (current->is_structured())
      for (const json& child : *current) pending.emplace_back(&child, depth + 1);
  }
  return false;
}

// The output of one render call, held in chunks of about kChunkBytes instead of one buffer that
// doubles: a 14 MB home page never briefly holds the 11 + 22 MB of the doubling's last copy
// (the peak of a large build), and no byte is copied more than once before take(). Chunks of
// 1 MiB go back to the system when take() has copied them (allocator.h: mimalloc decommits
// freed pages at once; glibc's mmap threshold is set to 1 MiB).
class RenderBuffer {
 public:
  static constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

  // Reserves `bytes` (at most kChunkBytes) for a buffer that holds nothing yet.
  void reserve(std::size_t bytes) {
    if (chunks_.empty()) chunks_.emplace_back().reserve(std::min(bytes, kChunkBytes));
  }

  void append(std::string_view text) {
    // A new chunk once the last is at least half full and `text` would not fit; the first one
    // grows as a string does, so small outputs take no more than they need.
    if (chunks_.empty() || (chunks_.back().size() + text.size() > kChunkBytes &&
                            chunks_.back().size() >= kChunkBytes / 2))
      chunks_.emplace_back().reserve(std::max(kChunkBytes, text.size()));
    chunks_.back().append(text);
    size_ += text.size();
  }

  std::size_t size() const { return size_; }

  // The whole output as one string (allocated once, at its size); empties the buffer, freeing
  // each chunk as soon as it is copied.
  std::string take() {
    std::string result;
    if (chunks_.size() == 1) {
      result = std::move(chunks_.front());
    } else {
      result.reserve(size_);
      for (std::string& chunk : chunks_) {
        result.append(chunk);
        std::string().swap(chunk);
      }
    }
    chunks_.clear();
    size_ = 0;
    return result;
  }

 private:
  std::vector<std::string> chunks_;
  std::size_t size_ = 0;
};

}  // namespace

namespace detail {

class Renderer {
 public:
  Renderer(TemplateLibrary& library, const Template& root, RenderBuffer& out,
           const DeferredValues& deferred)
      : library_(library), root_(root), current_(&root), out_(out), deferred_(deferred) {}

  void render(const nlohmann::json& context) {
    out_.reserve(root_.source_size_ * 2 + 256);
    stack_.push_back(&context);
    render_nodes(root_.nodes_);
  }

 private:
  // The blocks passed to a parent template (~inheritance): a chain from the innermost parent
  // expansion outwards. The outermost definition of a block name wins ("Multi-level
  // inheritance": top-level substitutions take precedence).
  struct Scope {
    const std::vector<Node>* blocks;
    const Template* origin;  // the template the blocks were written in
    const Scope* outer;
  };

  void render_nodes(const std::vector<Node>& nodes) {
    if (++depth_ > max_render_depth)
      fail(0, 0,
           "templates nested more than " + std::to_string(max_render_depth) +
               " levels deep while rendering; expected recursion to end");
    for (const Node& node : nodes) {
      count_step();
      switch (node.kind) {
        case NodeKind::text:
          emit_text(node.text);
          break;
        case NodeKind::variable:
          emit_variable(node);
          break;
        case NodeKind::section:
          render_section(node);
          break;
        case NodeKind::inverted:
          if (is_falsy(lookup(node).value)) render_nodes(node.children);
          break;
        case NodeKind::partial:
        case NodeKind::parent:
          render_partial(node);
          break;
        case NodeKind::block:
          render_block(node);
          break;
      }
    }
    --depth_;
  }

  [[noreturn]] void fail(int line, int column, const std::string& message) const {
    throw TemplateError(current_->display_path(), line, column, message);
  }

  // `{{name}}` of an object or list nested deeper than max_nesting_depth.
  [[noreturn]] void fail_too_deep_to_print(const Node& node) const {
    fail(node.line, node.column,
         "value of '" + node.text + "' is nested more than " + std::to_string(max_nesting_depth) +
             " levels deep to print; expected a section over it or a simpler value");
  }

  void count_step() {
    if (++steps_ > max_render_steps)
      throw TemplateError(root_.display_path(), 0, 0,
                          "rendering took more than " + std::to_string(max_render_steps) +
                              " steps; expected a template without runaway loops or recursion");
  }

  void check_output_size() const {
    if (out_.size() > max_output_bytes)
      throw TemplateError(root_.display_path(), 0, 0,
                          "rendered output is larger than " + std::to_string(max_output_bytes) +
                              " bytes (" + std::to_string(max_output_bytes >> 20) +
                              " MiB, the limit for one page); expected less content on one "
                              "page, or a template without runaway loops or recursion");
  }

  // Static text. Inside a standalone partial, parent or re-indented block, each line starting in
  // the template source gets the current indentation (partials.yml "Standalone Indentation").
  void emit_text(std::string_view text) {
    if (text.empty()) return;
    if (indent_.empty()) {
      out_.append(text);
    } else {
      std::size_t pos = 0;
      while (pos < text.size()) {
        if (at_line_start_) out_.append(indent_);
        const std::size_t newline = text.find('\n', pos);
        const std::size_t end = newline == npos ? text.size() : newline + 1;
        out_.append(text.substr(pos, end - pos));
        pos = end;
        at_line_start_ = newline != npos;
      }
    }
    at_line_start_ = text.back() == '\n';
    check_output_size();
  }

  // Interpolation (interpolation.yml). Newlines inside the value are not indented.
  void emit_variable(const Node& node) {
    const Found found = lookup(node);
    const json* value = found.value;
    if (at_line_start_ && !indent_.empty()) out_.append(indent_);
    at_line_start_ = false;
    if (value == nullptr) return;
    switch (value->type()) {
      case json::value_t::string: {
        const auto& text = value->get_ref<const std::string&>();
        if (node.escape)
          append_escaped(out_, text);
        else
          out_.append(text);
        break;
      }
      case json::value_t::boolean:
        out_.append(value->get<bool>() ? "true" : "false");
        break;
      case json::value_t::number_integer:
        out_.append(std::to_string(value->get<std::int64_t>()));
        break;
      case json::value_t::number_unsigned:
        out_.append(std::to_string(value->get<std::uint64_t>()));
        break;
      case json::value_t::number_float:
      case json::value_t::object:
      case json::value_t::array:
        // Shortest round-trip form for decimals ("1.21"); JSON text for objects and lists.
        if (value->is_structured() && nested_deeper_than(*value, max_nesting_depth))
          fail_too_deep_to_print(node);
        if (node.escape)
          append_escaped(out_, printable(*value, node, 0).dump());
        else
          out_.append(printable(*value, node, 0).dump());
        break;
      default:
        break;  // null, binary, discarded: the empty string
    }
    check_output_size();
  }

  // sections.yml: lists are iterated, other truthy values are pushed once.
  void render_section(const Node& node) {
    const Found found = lookup(node);
    const json* value = found.value;
    if (is_falsy(value)) return;
    if (value->is_array()) {
      for (const json& element : *value) {
        count_step();
        const Found item = resolve(&element, node);
        stack_.push_back(item.value != nullptr ? item.value : &null_);
        render_nodes(node.children);
        stack_.pop_back();
      }
    } else {
      stack_.push_back(value);
      render_nodes(node.children);
      stack_.pop_back();
    }
  }

  // partials.yml and ~inheritance.yml parents: rendered against the current context stack; a
  // standalone tag's indentation is added to every line of the expanded template.
  void render_partial(const Node& node) {
    const Template* tmpl = resolve(node);
    if (tmpl == nullptr) return;
    if (partial_depth_ >= max_partial_depth)
      fail(node.line, node.column,
           std::string(node.kind == NodeKind::parent ? "parent" : "partial") + " '" + node.text +
               "' nested more than " + std::to_string(max_partial_depth) +
               " levels deep (a template that includes itself); expected the recursion to end "
               "within " +
               std::to_string(max_partial_depth) + " levels");
    Scope scope{node.kind == NodeKind::parent ? &node.children : nullptr, current_, scope_};
    std::string saved_indent = indent_;
    const Template* saved_template = current_;
    const Scope* saved_scope = scope_;
    if (node.standalone)
      indent_ += node.indent;
    else
      indent_.clear();
    current_ = tmpl;
    if (scope.blocks != nullptr) scope_ = &scope;
    ++partial_depth_;
    render_nodes(tmpl->nodes_);
    --partial_depth_;
    scope_ = saved_scope;
    current_ = saved_template;
    indent_ = std::move(saved_indent);
  }

  // ~inheritance.yml blocks: the outermost override of this name, else the default content,
  // rendered with the block's indentation added to the current one.
  void render_block(const Node& node) {
    const Node* chosen = nullptr;
    const Scope* chosen_scope = nullptr;
    for (const Scope* scope = scope_; scope != nullptr; scope = scope->outer) {
      for (const Node& candidate : *scope->blocks) {
        if (candidate.text == node.text) {
          chosen = &candidate;
          chosen_scope = scope;
          break;
        }
      }
    }
    const std::size_t saved_indent_size = indent_.size();
    const Template* saved_template = current_;
    indent_ += node.indent;
    if (chosen != nullptr) current_ = chosen_scope->origin;
    render_nodes(chosen != nullptr ? chosen->children : node.children);
    current_ = saved_template;
    indent_.resize(saved_indent_size);
  }

  const Template* resolve(const Node& node) {
    if (auto found = partials_.find(node.text); found != partials_.end()) return found->second;
    const Template* tmpl = library_.find(node.text);
    if (tmpl == nullptr && library_.missing_ == TemplateLibrary::MissingPartial::throw_error)
      fail(node.line, node.column,
           library_.not_found_message(node.kind == NodeKind::parent ? "parent" : "partial",
                                      node.text));
    partials_.emplace(node.text, tmpl);
    return tmpl;
  }

  // A looked-up value: a pointer into the context, or into `owner` when the lookup went through
  // a deferred value (shared with the other uses of its resolution, and freed with the last).
  struct Found {
    const json* value = nullptr;
    std::shared_ptr<const json> owner;
  };

  // `value` itself, or what it resolves to when it is a deferred value (deferred_value()).
  // A resolution is shared by every use of its key that overlaps it (a section inside a section
  // over the same value) and by the next use after it; a key resolved more than
  // max_deferred_resolutions times is a TemplateError at `node`, since each resolution builds
  // the whole value anew and the step budget counts it as one step.
  Found resolve(const json* value, const Node& node) {
    if (value == nullptr) return {};
    const std::optional<std::uint64_t> key = deferred_key(*value);
    if (!key) return {value, nullptr};
    if (!deferred_) return {};
    Resolution& resolution = resolutions_[*key];
    if (std::shared_ptr<const json> shared = resolution.value.lock()) return {shared.get(), shared};
    if (++resolution.count > max_deferred_resolutions)
      fail(node.line, node.column,
           "'" + node.text +
               "' is built anew at each use, and this page uses the same value more "
               "than " +
               std::to_string(max_deferred_resolutions) +
               " times; expected a template that uses it at most " +
               std::to_string(max_deferred_resolutions) + " times");
    auto owner = std::make_shared<const json>(deferred_(*key));
    if (deferred_key(*owner)) return {};  // no chains of deferred values
    resolution.value = owner;
    last_resolved_ = owner;  // kept for the next use of the same key
    return {owner.get(), std::move(owner)};
  }

  // Name resolution (interpolation.yml "Dotted Names", "Context Precedence"): the first part of
  // `node`'s name is looked up from the top of the context stack down, the other parts only
  // inside the value found; deferred values on the way are resolved.
  Found lookup(const Node& node) {
    const std::vector<std::string>& path = node.path;
    if (path.empty()) return {stack_.back(), nullptr};
    const json* value = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const json& context = **it;
      if (!context.is_object()) continue;
      if (auto found = context.find(path.front()); found != context.end()) {
        value = &*found;
        break;
      }
    }
    Found found = resolve(value, node);
    for (std::size_t i = 1; found.value != nullptr && i < path.size(); ++i) {
      if (!found.value->is_object()) return {};
      auto next = found.value->find(path[i]);
      if (next == found.value->end()) return {};
      Found part = resolve(&*next, node);
      if (part.owner)
        found = std::move(part);  // resolved from a key copied out of the previous owner
      else
        found.value = part.value;  // inside the current owner, which stays
    }
    return found;
  }

  // `value` with every deferred value in it resolved, for printing as JSON text. `value` is
  // nested at most max_nesting_depth levels (checked by the caller); deeper resolved values
  // are a TemplateError at `node`, like deep values.
  json printable(const json& value, const Node& node, int depth) {
    if (depth > max_nesting_depth) fail_too_deep_to_print(node);
    if (deferred_key(value)) {
      const Found found = resolve(&value, node);
      return found.value != nullptr ? printable(*found.value, node, depth) : json();
    }
    if (value.is_object()) {
      json out = json::object();
      for (const auto& [name, child] : value.items()) out[name] = printable(child, node, depth + 1);
      return out;
    }
    if (value.is_array()) {
      json out = json::array();
      for (const json& child : value) out.push_back(printable(child, node, depth + 1));
      return out;
    }
    return value;
  }

  // Falsy per the spec: missing, null, false, and the empty list. Everything else (including
  // "", 0 and {}) is truthy.
  static bool is_falsy(const json* value) {
    return value == nullptr || value->is_null() || (value->is_boolean() && !value->get<bool>()) ||
           (value->is_array() && value->empty());
  }

  TemplateLibrary& library_;
  const Template& root_;
  const Template* current_;
  RenderBuffer& out_;
  const DeferredValues& deferred_;
  // Per deferred key: its resolution while some use (or last_resolved_) holds it, and how many
  // times it was resolved.
  struct Resolution {
    std::weak_ptr<const json> value;
    int count = 0;
  };
  std::unordered_map<std::uint64_t, Resolution> resolutions_;
  std::shared_ptr<const json> last_resolved_;
  const json null_;  // what a list element that is an unresolvable deferred value renders as
  std::vector<const json*> stack_;
  std::string indent_;
  bool at_line_start_ = true;
  const Scope* scope_ = nullptr;
  int partial_depth_ = 0;
  int depth_ = 0;
  std::size_t steps_ = 0;
  std::unordered_map<std::string_view, const Template*> partials_;
};

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Loaders and the library

bool is_valid_template_name(std::string_view name) {
  return !name.empty() && name.find_first_of(std::string_view("/\\\0", 3)) == npos &&
         name.find("..") == npos;
}

namespace {

std::string join_display(const std::string& prefix, const std::string& file) {
  if (prefix.empty()) return file;
  return prefix.back() == '/' ? prefix + file : prefix + "/" + file;
}

class DirectoryLoader {
 public:
  DirectoryLoader(std::vector<std::pair<std::filesystem::path, std::string>> dirs,
                  const FileSystem& files)
      : dirs_(std::move(dirs)), files_(&files) {}

  std::optional<std::pair<std::string, std::string>> operator()(const std::string& name) const {
    if (!is_valid_template_name(name)) return std::nullopt;
    const std::string file_name = name + ".mustache";
    for (const auto& [dir, prefix] : dirs_) {
      const std::filesystem::path file = dir / file_name;
      if (!files_->exists(file)) continue;
      ReadResult read = files_->read(file, kMaxInputFileBytes);
      if (read.failure == ReadFailure::missing) continue;  // a broken link
      std::string display = join_display(prefix, file_name);
      if (!read.ok())
        throw TemplateError(display, 0, 0,
                            "this file " + describe_read_failure(read, kMaxInputFileBytes) +
                                "; expected a readable template file");
      return std::make_pair(std::move(read.text), std::move(display));
    }
    return std::nullopt;
  }

  const std::vector<std::pair<std::filesystem::path, std::string>>& dirs() const { return dirs_; }

 private:
  std::vector<std::pair<std::filesystem::path, std::string>> dirs_;
  const FileSystem* files_;
};

}  // namespace

TemplateLoader directory_loader(std::vector<std::pair<std::filesystem::path, std::string>> dirs,
                                const FileSystem& files) {
  return DirectoryLoader(std::move(dirs), files);
}

TemplateLoader directory_loader(std::vector<std::pair<std::filesystem::path, std::string>> dirs) {
  static const DiskFileSystem anywhere({});
  return DirectoryLoader(std::move(dirs), anywhere);
}

std::string describe_directories(
    const std::vector<std::pair<std::filesystem::path, std::string>>& dirs) {
  std::string out;
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    if (i > 0) out += " or ";
    const std::string& prefix = dirs[i].second;
    out += prefix.empty() ? "./" : (prefix.back() == '/' ? prefix : prefix + "/");
  }
  return out;
}

TemplateLibrary::TemplateLibrary(TemplateLoader loader, MissingPartial missing,
                                 std::string search_description)
    : loader_(std::move(loader)),
      missing_(missing),
      search_description_(std::move(search_description)) {
  if (search_description_.empty())
    if (const auto* directories = loader_.target<DirectoryLoader>())
      search_description_ = describe_directories(directories->dirs());
}

std::string TemplateLibrary::not_found_message(const std::string& kind,
                                               const std::string& name) const {
  std::string message = kind + " '" + name + "' not found";
  if (!is_valid_template_name(name)) return message + "; expected a name without '/', '\\' or '..'";
  message += "; expected " + name + ".mustache";
  if (!search_description_.empty()) message += " in " + search_description_;
  return message;
}

const Template* TemplateLibrary::find(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto found = cache_.find(name);
  if (found == cache_.end()) {
    Entry entry;
    try {
      if (auto loaded = loader_(name)) entry.tmpl = parse(loaded->first, std::move(loaded->second));
    } catch (const TemplateError&) {
      entry.error = std::current_exception();
    }
    found = cache_.emplace(name, std::move(entry)).first;
  }
  if (found->second.error) std::rethrow_exception(found->second.error);
  return found->second.tmpl.get();
}

std::shared_ptr<const Template> TemplateLibrary::get(const std::string& name) {
  find(name);
  std::lock_guard lock(mutex_);
  return cache_.at(name).tmpl;
}

std::string TemplateLibrary::render(const std::string& name, const nlohmann::json& context,
                                    const DeferredValues& deferred) {
  const Template* tmpl = find(name);
  if (tmpl == nullptr) throw TemplateError(name, 0, 0, not_found_message("template", name));
  return render(*tmpl, context, deferred);
}

std::string TemplateLibrary::render(const Template& tmpl, const nlohmann::json& context,
                                    const DeferredValues& deferred) {
  RenderBuffer out;
  detail::Renderer renderer(*this, tmpl, out, deferred);
  renderer.render(context);
  return out.take();
}

std::vector<TemplateError> TemplateLibrary::check(const std::string& name) {
  std::vector<TemplateError> errors;
  std::unordered_set<std::string> seen{name};
  std::vector<const Template*> pending;
  try {
    if (const Template* root = find(name)) pending.push_back(root);
  } catch (const TemplateError& error) {
    errors.push_back(error);
  }
  while (!pending.empty()) {
    const Template* tmpl = pending.back();
    pending.pop_back();
    std::vector<const Template*> children;
    for (const Template::Reference& reference : tmpl->references()) {
      const bool first_time = seen.insert(reference.name).second;
      try {
        const Template* child = find(reference.name);
        if (child == nullptr && missing_ == MissingPartial::throw_error)
          errors.emplace_back(
              tmpl->display_path(), reference.line, reference.column,
              not_found_message(reference.parent ? "parent" : "partial", reference.name));
        if (child != nullptr && first_time) children.push_back(child);
      } catch (const TemplateError& error) {
        if (first_time) errors.push_back(error);
      }
    }
    // Depth-first, in source order.
    pending.insert(pending.end(), children.rbegin(), children.rend());
  }
  return errors;
}

void TemplateLibrary::preload(const std::string& name) {
  std::vector<TemplateError> errors = check(name);
  if (!errors.empty()) throw errors.front();
}

std::string render_string(std::string_view source, const nlohmann::json& context,
                          const nlohmann::json& partials) {
  TemplateLibrary library(
      [&partials](const std::string& name) -> std::optional<std::pair<std::string, std::string>> {
        if (!partials.is_object()) return std::nullopt;
        auto found = partials.find(name);
        if (found == partials.end() || !found->is_string()) return std::nullopt;
        return std::make_pair(found->get<std::string>(), name);
      });
  const auto tmpl = parse(source, "<template>");
  return library.render(*tmpl, context);
}

}  // namespace trustsite::mustache
