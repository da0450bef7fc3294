#include "yaml_reader.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

namespace trustsite {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_plain(const YAML::Node& node) {
  return node.Tag() != "!";
}

bool looks_null(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
bool looks_bool(const std::string& s) {
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE";
}
// Numbers start with a sign, a digit or '.'; most texts do not, so skip the regex for them.
bool may_be_number(const std::string& s) {
  return !s.empty() && std::string_view("+-.0123456789").find(s[0]) != std::string_view::npos;
}
bool looks_int(const std::string& s) {
  static const std::regex pattern("[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+");
  return s.size() < 64 && may_be_number(s) && std::regex_match(s, pattern);
}
bool looks_float(const std::string& s) {
  static const std::regex pattern(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|"
      "NAN)");
  return s.size() < 64 && may_be_number(s) && std::regex_match(s, pattern);
}

std::string quoted_excerpt(const std::string& text) {
  constexpr std::size_t kMax = 40;
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < kMax; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    out += c < 0x20 ? ' ' : static_cast<char>(c);
  }
  // Do not cut a UTF-8 sequence in half.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
  return '\'' + out + (text.size() > kMax ? "…'" : "'");
}

// Line and column (1-based, counting bytes) of `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// Counts the nodes of `node` as a tree (an alias counts its whole target again), stopping as
// soon as `budget` is used up. Returns false when the tree has more nodes than the budget.
bool fits_node_budget(const YAML::Node& node, std::size_t& budget, int depth) {
  if (budget == 0 || depth > 200) return false;
  --budget;
  if (node.IsMap()) {
    for (const auto& entry : node)
      if (!fits_node_budget(entry.first, budget, depth + 1) ||
          !fits_node_budget(entry.second, budget, depth + 1))
        return false;
  } else if (node.IsSequence()) {
    for (const auto& item : node)
      if (!fits_node_budget(item, budget, depth + 1)) return false;
  }
  return true;
}

void report_duplicate_keys(const YAML::Node& node, const std::string& file, DiagnosticSink& sink,
                           int depth) {
  if (depth > 200) return;  // yaml-cpp itself refuses deeper documents
  if (node.IsMap()) {
    std::map<std::string, YAML::Mark> seen;
    for (const auto& entry : node) {
      if (entry.first.IsScalar()) {
        const std::string& key = entry.first.Scalar();
        auto [it, inserted] = seen.emplace(key, entry.first.Mark());
        if (!inserted) {
          sink.error(location_of(entry.first, file),
                     "duplicate key " + quoted_excerpt(key) + " (first at line " +
                         std::to_string(it->second.line + 1) + ", column " +
                         std::to_string(it->second.column + 1) +
                         "); expected each key once in a mapping");
        }
      }
      report_duplicate_keys(entry.second, file, sink, depth + 1);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) report_duplicate_keys(item, file, sink, depth + 1);
  }
}

// yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the input (`a: 'x` parses as
// "x"). Returns the offset of the opening quote of such a scalar in `node`, if any: a quoted
// scalar starts at its mark, and its closing quote must come before the end of the text.
std::optional<std::size_t> find_unclosed_quote(std::string_view text, const YAML::Node& node,
                                               int depth) {
  if (depth > 200) return std::nullopt;
  if (node.IsScalar()) {
    if (node.Tag() != "!") return std::nullopt;  // plain scalars need no closing quote
    const int pos = node.Mark().pos;
    if (pos < 0 || static_cast<std::size_t>(pos) >= text.size()) return std::nullopt;
    const std::size_t open = static_cast<std::size_t>(pos);
    const char quote = text[open];
    if (quote != '\'' && quote != '"') return std::nullopt;
    for (std::size_t i = open + 1; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;  // an escape: skip the escaped character
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;  // '' is an escaped ' inside single quotes
        } else {
          return std::nullopt;
        }
      }
    }
    return open;
  }
  if (node.IsMap()) {
    for (const auto& entry : node) {
      if (auto found = find_unclosed_quote(text, entry.first, depth + 1)) return found;
      if (auto found = find_unclosed_quote(text, entry.second, depth + 1)) return found;
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node)
      if (auto found = find_unclosed_quote(text, item, depth + 1)) return found;
  }
  return std::nullopt;
}

// For yaml-cpp's "illegal EOF in scalar": the offset of a quote that starts a quoted scalar
// (after ':', '-', '?', '[', '{', ',' or at the start of a line) and is never closed.
std::optional<std::size_t> find_unclosed_quote_in_text(std::string_view text) {
  char previous = '\n';  // the last non-blank character
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
      previous = '\n';
      continue;
    }
    if ((c == '\'' || c == '"') &&
        std::string_view(":-?[{,\n").find(previous) != std::string_view::npos) {
      const std::size_t open = i;
      bool closed = false;
      for (++i; i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\') {
          ++i;
        } else if (text[i] == c) {
          if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;
          } else {
            closed = true;
            break;
          }
        }
      }
      if (!closed) return open;
      previous = c;
      continue;
    }
    if (c == '\n') {
      previous = '\n';
    } else if (c != ' ' && c != '\t' && c != '\r') {
      previous = c;
    }
  }
  return std::nullopt;
}

// yaml-cpp reports a flow collection without its closing bracket ("end of sequence flow not
// found") at the end of the input or at the next key, far from the mistake. This scanner finds
// the opening '[' or '{' that is never closed: in block context a flow collection starts where
// a value starts (after "key:", "- " or "? ", or at the start of a line); inside one, quoted
// scalars and comments are skipped and brackets nest. Returns its offset, or nullopt.
std::optional<std::size_t> find_unclosed_flow(std::string_view text) {
  std::vector<std::size_t> open;
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto skip_quoted = [&](char quote) {
    for (++i; i < n; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < n && text[i + 1] == '\'') {
          ++i;
        } else {
          return;
        }
      }
    }
  };
  while (i < n) {
    if (open.empty()) {
      // Block context, at the start of a line.
      const std::size_t end = std::min(text.find('\n', i), n);
      std::size_t j = i;
      auto skip_spaces = [&] {
        while (j < end && (text[j] == ' ' || text[j] == '\t')) ++j;
      };
      skip_spaces();
      while (j + 1 < end && (text[j] == '-' || text[j] == '?') && text[j + 1] == ' ') {
        j += 2;
        skip_spaces();
      }
      if (j < end && text[j] != '[' && text[j] != '{') {
        // A "key: value" line: find the ': ' after the key (which may be quoted).
        std::size_t k = j;
        if (text[k] == '\'' || text[k] == '"') {
          std::size_t saved = i;
          i = k;
          skip_quoted(text[k]);
          k = i + 1;
          i = saved;
        }
        std::size_t colon = k;
        while (colon < end &&
               !(text[colon] == ':' &&
                 (colon + 1 == end || text[colon + 1] == ' ' || text[colon + 1] == '\t')) &&
               !(text[colon] == '#' && colon > 0 && text[colon - 1] == ' '))
          ++colon;
        j = colon < end && text[colon] == ':' ? colon + 1 : end;
        skip_spaces();
      }
      if (j < end && (text[j] == '[' || text[j] == '{')) {
        open.push_back(j);
        i = j + 1;
        continue;
      }
      i = end + 1;
      continue;
    }
    const char c = text[i];
    if (c == '\'' || c == '"') {
      skip_quoted(c);
    } else if (c == '#' && i > 0 &&
               (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      i = std::min(text.find('\n', i), n);
      continue;
    } else if (c == '[' || c == '{') {
      open.push_back(i);
    } else if (c == ']' || c == '}') {
      open.pop_back();
      if (open.empty()) {
        i = std::min(text.find('\n', i), n) + 1;  // the rest of the line is block context
        continue;
      }
    }
    ++i;
  }
  if (open.empty()) return std::nullopt;
  return open.front();
}

// Text that a page must not carry (SPEC 3, docs/errors.md): C0/C1 control characters other than
// tab, line feed and carriage return, and the Unicode bidirectional embedding, override and
// isolate controls (U+202A..U+202E, U+2066..U+2069), which can make text read differently from
// how it displays ("Trojan Source", CVE-2021-42574). `text` must be valid UTF-8.
}  // namespace

std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = s[i];
    if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') return ForbiddenCharacter{i, c};
    } else if (c == 0x7F) {
      return ForbiddenCharacter{i, c};
    } else if (c == 0xC2 && i + 1 < text.size() && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {
      return ForbiddenCharacter{i, s[i + 1]};  // C1 controls U+0080..U+009F
    } else if (c == 0xE2 && i + 2 < text.size()) {
      const char32_t cp = 0x2000 | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
        return ForbiddenCharacter{i, cp};
    }
  }
  return std::nullopt;
}

std::string describe_character(char32_t code_point) {
  static const std::map<char32_t, const char*> names = {
      {0x202A, "LEFT-TO-RIGHT EMBEDDING"},    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
      {0x202C, "POP DIRECTIONAL FORMATTING"}, {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
      {0x202E, "RIGHT-TO-LEFT OVERRIDE"},     {0x2066, "LEFT-TO-RIGHT ISOLATE"},
      {0x2067, "RIGHT-TO-LEFT ISOLATE"},      {0x2068, "FIRST STRONG ISOLATE"},
      {0x2069, "POP DIRECTIONAL ISOLATE"}};
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
  auto it = names.find(code_point);
  if (it != names.end())
    return std::string("the bidirectional control character ") + hex + " (" + it->second + ")";
  return std::string("the control character ") + hex;
}

std::string text_problem(std::string_view text) {
  if (text.size() > kMaxTextBytes)
    return "is " + std::to_string(text.size()) + " bytes long; expected at most " +
           std::to_string(kMaxTextBytes) + " bytes (256 KiB) per text";
  if (auto bad = find_forbidden_character(text)) {
    std::string message = "contains " + describe_character(bad->code_point) + " at byte " +
                          std::to_string(bad->offset + 1);
    if (bad->code_point >= 0x202A)
      return message +
             ", which can make text display in a different order than it reads; expected text "
             "without bidirectional overrides, embeddings or isolates (use U+200E/U+200F marks "
             "if needed)";
    return message +
           "; expected printable text (tab and line breaks are the only control "
           "characters allowed)";
  }
  return {};
}

namespace {

// Counts the documents of a YAML stream and remembers where the second one starts.
class DocumentCounter : public YAML::EventHandler {
 public:
  int documents = 0;
  YAML::Mark second_start = YAML::Mark::null_mark();

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents == 2) second_start = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Whether YAML::Load() may have stopped before the end of `text`: the first document is not a
// block collection (so a stray ',' or ']' may follow it), or a line starts with a document
// marker (--- or ...) after the first content line, or with a flow indicator (, ] }).
bool may_hold_more_than_one_document(std::string_view text, const YAML::Node& first) {
  if (!first.IsDefined() || first.IsNull() || first.IsScalar() ||
      first.Style() == YAML::EmitterStyle::Flow)
    return true;
  bool content_seen = false;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const bool marker = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (marker && content_seen) return true;
    const std::size_t first_char = line.find_first_not_of(" \t\r");
    if (first_char != std::string_view::npos) {
      const char c = line[first_char];
      if (c == ',' || c == ']' || c == '}') return true;
      if (!marker && c != '#' && c != '%') content_seen = true;
    }
    start = end + 1;
  }
  return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

}  // namespace

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};
  return location_of(node.Mark(), file);
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned int min_value;
    unsigned int value;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min_value = 0x80, value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min_value = 0x800, value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min_value = 0x10000, value = c & 0x07;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      value = (value << 6) | (s[i + k] & 0x3F);
    }
    if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     DiagnosticSink& sink, int first_line) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  auto shift = [&](SourceLocation location) {
    if (location.line > 0) location.line += first_line - 1;
    return location;
  };
  if (auto bad = find_invalid_utf8(text)) {
    auto [line, column] = line_column(text, *bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    sink.error(shift({file, line, column}), std::string("invalid UTF-8 (byte ") + byte +
                                                "); expected a UTF-8 encoded text file");
    return std::nullopt;
  }
  const std::string input(text);
  YAML::Node document;
  DocumentCounter counter;
  try {
    // YAML::LoadAll() loops forever, allocating, on a ',' outside any flow collection after
    // (or instead of) the first document (yaml-cpp issue #1040; fixed upstream in 0.8.0 by PR
    // #1319). So the first document is built with YAML::Load(), which parses one document
    // only, and, when anything could follow it, the documents are counted with the event
    // parser, stopping at the second one (a second full parse, so only when needed).
    document = YAML::Load(input);
    counter.documents = document.IsDefined() && !document.IsNull() ? 1 : 0;
    if (may_hold_more_than_one_document(text, document)) {
      counter = DocumentCounter();
      std::istringstream stream(input);
      YAML::Parser parser(stream);
      while (counter.documents < 2 && parser.HandleNextDocument(counter)) {
      }
    }
  } catch (const YAML::Exception& error) {
    // yaml-cpp's messages for tab indentation are obscure; name the tab when there is one on
    // or before the failing line.
    const int error_line = error.mark.is_null() ? 0 : error.mark.line + 1;
    std::istringstream lines{std::string(text)};
    std::string line;
    for (int number = 1; std::getline(lines, line) && (error_line == 0 || number <= error_line);
         ++number) {
      std::size_t indent = line.find_first_not_of(" \t");
      std::size_t tab = line.find('\t');
      if (tab != std::string::npos && (indent == std::string::npos || tab < indent)) {
        sink.error(shift({file, number, static_cast<int>(tab) + 1}),
                   "tab character in indentation; expected spaces (YAML does not allow tabs "
                   "for indentation)");
        return std::nullopt;
      }
    }
    if (error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
        error.msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
      if (auto open = find_unclosed_flow(text)) {
        auto [line_number, column] = line_column(text, *open);
        const bool list = text[*open] == '[';
        sink.error(shift({file, line_number, column}),
                   std::string("unclosed '") + text[*open] + "': this " +
                       (list ? "flow list" : "flow map") + " is never closed; expected '" +
                       (list ? ']' : '}') + "' at its end");
        return std::nullopt;
      }
    }
    const int error_pos = error.mark.is_null() ? -1 : error.mark.pos;
    if (error_pos >= 0 && static_cast<std::size_t>(error_pos) < text.size() &&
        text[static_cast<std::size_t>(error_pos)] == ',') {
      sink.error(shift(location_of(error.mark, file)),
                 "YAML syntax error: unexpected ','; expected a comma only between the items of "
                 "a [ ] list or { } map (quote a text that starts with a comma)");
      return std::nullopt;
    }
    if (error.msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
      if (auto open = find_unclosed_quote_in_text(text)) {
        auto [line_number, column] = line_column(text, *open);
        sink.error(shift({file, line_number, column}),
                   std::string("unclosed quote: the text starting with ") + text[*open] +
                       " here runs to the end of the file; expected a closing " + text[*open]);
        return std::nullopt;
      }
    }
    // yaml-cpp's messages for mis-indented lines name the parser state; say what to look at.
    const bool indentation =
        error.msg == YAML::ErrorMsg::MAP_VALUE || error.msg == YAML::ErrorMsg::END_OF_MAP ||
        error.msg == YAML::ErrorMsg::END_OF_SEQ || error.msg == YAML::ErrorMsg::BLOCK_ENTRY;
    sink.error(shift(location_of(error.mark, file)),
               "YAML syntax error: " + error.msg +
                   (indentation ? "; expected this line indented like the other keys of its map "
                                  "or items of its list (check the spaces at the start)"
                                : "; expected well-formed YAML"));
    return std::nullopt;
  }
  if (counter.documents == 0) return YAML::Node();
  if (counter.documents > 1) {
    const auto pos = static_cast<std::size_t>(std::max(0, counter.second_start.pos));
    if (pos < text.size() && text[pos] == ',')
      sink.error(shift(location_of(counter.second_start, file)),
                 "YAML syntax error: unexpected ','; expected a comma only between the items of "
                 "a [ ] list or { } map (quote a text that starts with a comma)");
    else
      sink.error(shift(location_of(counter.second_start, file)),
                 "a second YAML document starts here; expected a single document per file");
    return std::nullopt;
  }
  // Without aliases a document has fewer nodes than twice its bytes (every node but an empty
  // value takes at least one character). More means aliases that repeat anchored collections
  // (a "billion laughs" document): refuse it before anything walks the tree, so no input can
  // make the walks below, or the loaders, take exponential time or memory.
  std::size_t budget = 2 * text.size() + 16;
  if (!fits_node_budget(document, budget, 0)) {
    sink.error(shift({file, 1, 1}),
               "this YAML expands to more values than its text holds (aliases '*name' that "
               "repeat anchored lists or maps); expected plain values without anchors and "
               "aliases");
    return std::nullopt;
  }
  if (auto open = find_unclosed_quote(text, document, 0)) {
    auto [line_number, column] = line_column(text, *open);
    sink.error(shift({file, line_number, column}),
               std::string("unclosed quote: the text starting with ") + text[*open] +
                   " here runs to the end of the file; expected a closing " + text[*open]);
    return std::nullopt;
  }
  DiagnosticSink local(sink.strict());
  report_duplicate_keys(document, file, local, 0);
  for (auto& diagnostic : local.sorted()) {
    diagnostic.location = shift(diagnostic.location);
    sink.report(std::move(diagnostic));
  }
  if (local.has_errors()) return std::nullopt;
  return document;
}

std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& path, const std::string& file,
                                         DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.error({file, 0, 0}, "cannot read file; expected a readable YAML file");
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_yaml(text, file, sink);
}

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  const std::string& s = node.Scalar();
  if (is_plain(node)) {
    if (looks_null(s)) return "nothing";
    if (looks_bool(s)) return "a boolean (" + s + ")";
    if (looks_int(s) || looks_float(s)) return "a number (" + s + ")";
  }
  return "the text " + quoted_excerpt(s);
}

bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!allowed(text[0])) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) { return allowed(c) || c == '-'; });
}

std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates,
                                        std::size_t max_distance) {
  std::optional<std::string> best;
  std::size_t best_distance =
      (max_distance > 0 ? max_distance : std::max<std::size_t>(2, word.size() / 3)) + 1;
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

MapReader::MapReader(const YAML::Node& node, std::string file, DiagnosticSink& sink,
                     std::string what, std::vector<std::string> known_fields, int first_line)
    : line_offset_(first_line - 1),
      node_(node),
      file_(std::move(file)),
      sink_(sink),
      what_(std::move(what)),
      known_fields_(std::move(known_fields)),
      ok_(node.IsMap()) {
  if (!ok_) {
    sink_.error(at(node_), what_ + " is " + describe_node(node_) + "; expected a map of fields");
    return;
  }
  // yaml-cpp's map iteration copies nodes (shared pointers) at every step; iterate once.
  entries_.reserve(node_.size());
  for (const auto& entry : node_) entries_.push_back({entry.first, entry.second});
}

SourceLocation MapReader::at(const YAML::Node& node) const {
  SourceLocation location = location_of(node, file_);
  if (location.line > 0) location.line += line_offset_;
  return location;
}

const MapReader::Entry* MapReader::find(const char* key) const {
  for (const auto& entry : entries_)
    if (entry.key.IsScalar() && entry.key.Scalar() == key) return &entry;
  return nullptr;
}

SourceLocation MapReader::location_of_key(const char* key) const {
  if (const Entry* entry = find(key)) return at(entry->key);
  return location();
}

SourceLocation MapReader::location_of_value(const char* key) const {
  if (const Entry* entry = find(key)) return at(entry->value.IsNull() ? entry->key : entry->value);
  return location();
}

bool MapReader::has(const char* key) const {
  return find(key) != nullptr;
}

std::optional<YAML::Node> MapReader::lookup(const char* key, bool required) {
  seen_.insert(key);
  if (!ok_) return std::nullopt;
  if (const Entry* entry = find(key)) {
    if (entry->value.IsNull()) {
      if (required)
        sink_.error(at(entry->key),
                    "field '" + std::string(key) + "' of " + what_ + " is empty; expected a value");
      return std::nullopt;
    }
    return entry->value;
  }
  if (required)
    sink_.error(location(), what_ + " has no '" + key + "' field; expected one (it is required)");
  return std::nullopt;
}

bool MapReader::expect_scalar(const YAML::Node& value, const char* key, const char* expected) {
  if (value.IsScalar()) return true;
  sink_.error(at(value), "field '" + std::string(key) + "' of " + what_ + " is " +
                             describe_node(value) + "; expected " + expected);
  return false;
}

std::optional<YAML::Node> MapReader::raw(const char* key, bool required) {
  return lookup(key, required);
}

bool MapReader::check_text(const YAML::Node& value, const std::string& field) {
  const std::string problem = text_problem(value.Scalar());
  if (problem.empty()) return true;
  sink_.error(at(value), field + " of " + what_ + " " + problem);
  return false;
}

std::optional<std::string> MapReader::text(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a text")) return std::nullopt;
  if (!check_text(*value, "field '" + std::string(key) + "'")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (is_plain(*value) && (looks_bool(s) || looks_int(s) || looks_float(s))) {
    sink_.error(at(*value),
                "field '" + std::string(key) + "' of " + what_ + " is " + describe_node(*value) +
                    "; expected a text (quote it if it is meant as text: \"" + s + "\")");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> MapReader::identifier(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "an identifier")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (!is_identifier(s)) {
    sink_.error(at(*value),
                "invalid " + std::string(key) + " " + quoted_excerpt(s) + " in " + what_ +
                    "; expected lowercase letters, digits and '-', starting with a letter or "
                    "digit (^[a-z0-9][a-z0-9-]*$)");
    return std::nullopt;
  }
  return s;
}

std::optional<long long> MapReader::integer(const char* key, bool required, long long min,
                                            long long max) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a whole number")) return std::nullopt;
  const std::string& s = value->Scalar();
  static const std::regex decimal("[-+]?[0-9]{1,15}");
  if (!std::regex_match(s, decimal)) {
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                                describe_node(*value) + "; expected a whole number");
    return std::nullopt;
  }
  long long number = std::stoll(s);
  if (number < min || number > max) {
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " + s +
                                "; expected a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> MapReader::boolean(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "true or false")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (is_plain(*value) && looks_bool(s)) return s[0] == 't' || s[0] == 'T';
  sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                              describe_node(*value) + "; expected true or false");
  return std::nullopt;
}

std::optional<Date> MapReader::date(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a date (YYYY-MM-DD)")) return std::nullopt;
  if (auto date = parse_date(value->Scalar())) return date;
  sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                              describe_node(*value) +
                              ", which is not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)");
  return std::nullopt;
}

std::optional<std::string> MapReader::one_of(const char* key, bool required,
                                             const std::vector<std::string>& allowed) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, ("one of: " + join(allowed)).c_str()))
    return std::nullopt;
  const std::string& s = value->Scalar();
  if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return s;
  std::string message = "unknown " + std::string(key) + " " + quoted_excerpt(s) + " in " + what_ +
                        "; expected one of: " + join(allowed);
  if (auto near = nearest_name(s, allowed)) message += " (did you mean '" + *near + "'?)";
  sink_.error(at(*value), message);
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::text_list(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value) return std::nullopt;
  if (!value->IsSequence()) {
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                                describe_node(*value) + "; expected a list of texts");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& item : *value) {
    if (!item.IsScalar()) {
      sink_.error(at(item), "an item of '" + std::string(key) + "' in " + what_ + " is " +
                                describe_node(item) + "; expected a text");
      continue;
    }
    if (!check_text(item, "an item of '" + std::string(key) + "'")) continue;
    items.push_back(item.Scalar());
  }
  return items;
}

LocalizedText MapReader::localized(const char* key, bool required,
                                   const std::vector<std::string>& locales,
                                   const std::string& default_locale,
                                   std::map<std::string, int>* missing) {
  LocalizedText result;
  auto value = lookup(key, required);
  if (!value) return result;
  result.location = at(*value);
  if (value->IsScalar()) {
    if (auto s = text(key, required)) {
      result.plain = true;
      for (const auto& locale : locales) result.by_locale[locale] = *s;
    }
    return result;
  }
  if (!value->IsMap()) {
    sink_.error(result.location, "field '" + std::string(key) + "' of " + what_ + " is " +
                                     describe_node(*value) +
                                     "; expected a text or a map from locale to text");
    return result;
  }
  std::set<std::string> rejected;  // present but refused: already reported as errors
  for (const auto& entry : *value) {
    const std::string locale = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    if (std::find(locales.begin(), locales.end(), locale) == locales.end()) {
      sink_.error(at(entry.first),
                  "locale " + quoted_excerpt(locale) + " in field '" + key + "' of " + what_ +
                      " is not in site.yaml's locales; expected one of: " + join(locales));
      continue;
    }
    if (!entry.second.IsScalar()) {
      sink_.error(at(entry.second), "the " + locale + " text of '" + key + "' in " + what_ +
                                        " is " + describe_node(entry.second) + "; expected a text");
      rejected.insert(locale);
      continue;
    }
    if (!check_text(entry.second, "the " + locale + " text of '" + std::string(key) + "'")) {
      rejected.insert(locale);
      continue;
    }
    result.by_locale[locale] = entry.second.Scalar();
  }
  if (!result.has(default_locale)) {
    if (required && !result.empty()) {
      sink_.error(result.location, "field '" + std::string(key) + "' of " + what_ + " has no " +
                                       default_locale +
                                       " text; expected one in the default locale (" +
                                       default_locale + "), which other locales fall back to");
    }
    return result;
  }
  for (const auto& locale : locales) {
    if (locale == default_locale || result.has(locale) || rejected.count(locale)) continue;
    sink_.strict_warning(result.location, "field '" + std::string(key) + "' of " + what_ +
                                              " has no " + locale + " translation; the " +
                                              default_locale + " text is shown instead");
    if (missing) ++(*missing)[locale];
  }
  return result;
}

void MapReader::finish() {
  if (!ok_) return;
  for (const auto& entry : entries_) {
    if (!entry.key.IsScalar()) {
      sink_.error(at(entry.key), "a key of " + what_ + " is " + describe_node(entry.key) +
                                     "; expected a field name");
      continue;
    }
    const std::string& key = entry.key.Scalar();
    if (seen_.count(key)) continue;
    std::string message = "unknown field " + quoted_excerpt(key) + " in " + what_;
    if (auto near = nearest_name(key, known_fields_))
      message += "; did you mean '" + *near + "'?";
    else
      message += "; expected one of: " + join(known_fields_);
    sink_.strict_warning(at(entry.key), message);
  }
}

}  // namespace trustsite
