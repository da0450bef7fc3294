#include "yaml_parse.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "utf8.h"

namespace trustsite {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool all_of_digits(std::string_view s, std::string_view digits) {
  return !s.empty() && s.find_first_not_of(digits) == std::string_view::npos;
}

// YAML 1.2 core schema integer: [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+.
bool looks_int(std::string_view s) {
  if (s.size() >= 64) return false;
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x')
    return all_of_digits(s.substr(2), "0123456789abcdefABCDEF");
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o') return all_of_digits(s.substr(2), "01234567");
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return all_of_digits(s, "0123456789");
}

// YAML 1.2 core schema float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? |
// [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN).
bool looks_float(std::string_view s) {
  if (s.size() >= 64) return false;
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF") return true;
  const std::size_t exponent = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, exponent);
  if (exponent != std::string_view::npos) {
    std::string_view power = s.substr(exponent + 1);
    if (!power.empty() && (power[0] == '-' || power[0] == '+')) power.remove_prefix(1);
    if (!all_of_digits(power, "0123456789")) return false;
  }
  const std::size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return all_of_digits(mantissa, "0123456789");
  const std::string_view whole = mantissa.substr(0, dot), fraction = mantissa.substr(dot + 1);
  if (whole.empty()) return all_of_digits(fraction, "0123456789");
  return all_of_digits(whole, "0123456789") &&
         (fraction.empty() || all_of_digits(fraction, "0123456789"));
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

// When `node` is a quoted scalar whose closing quote never comes, the offset of its opening
// quote. yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the input (`a: 'x` parses
// as "x"): a quoted scalar starts at its mark, and its closing quote must come before the end of
// the text.
std::optional<std::size_t> unclosed_quote_of(std::string_view text, const YAML::Node& node) {
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

// The checks of a parsed document that yaml-cpp does not make, in one walk over its tree (each
// walk over a yaml-cpp tree costs about a tenth of the parse): that it has no more nodes than
// its text can hold without aliases, the first quoted scalar that is never closed, and every key
// written twice in a mapping (into `duplicates`).
class TreeCheck {
 public:
  TreeCheck(std::string_view text, const std::string& file, DiagnosticSink& duplicates,
            std::size_t budget)
      : text_(text), file_(file), duplicates_(duplicates), budget_(budget) {}

  // Walks `node` as a tree (an alias counts its whole target again) in document order, keys
  // before their values. Returns false, at once, when the tree has more nodes than the budget or
  // is nested more than 200 levels deep; the other findings are then incomplete. Keys written
  // twice are looked for in the maps reached through values and list items (not inside keys).
  bool walk(const YAML::Node& node, int depth, bool inside_key) {
    if (budget_ == 0 || depth > 200) return false;
    --budget_;
    if (node.IsScalar()) {
      if (!unclosed_quote) unclosed_quote = unclosed_quote_of(text_, node);
    } else if (node.IsMap()) {
      std::map<std::string, YAML::Mark> seen;
      for (const auto& entry : node) {
        if (!inside_key && entry.first.IsScalar()) {
          const std::string& key = entry.first.Scalar();
          auto [it, inserted] = seen.emplace(key, entry.first.Mark());
          if (!inserted)
            duplicates_.error(location_of(entry.first, file_),
                              "duplicate key " + quoted_excerpt(key) + " (first at line " +
                                  std::to_string(it->second.line + 1) + ", column " +
                                  std::to_string(it->second.column + 1) +
                                  "); expected each key once in a mapping");
        }
        if (!walk(entry.first, depth + 1, true) || !walk(entry.second, depth + 1, inside_key))
          return false;
      }
    } else if (node.IsSequence()) {
      for (const auto& item : node)
        if (!walk(item, depth + 1, inside_key)) return false;
    }
    return true;
  }

  std::optional<std::size_t> unclosed_quote;  // the first in document order

 private:
  std::string_view text_;
  const std::string& file_;
  DiagnosticSink& duplicates_;
  std::size_t budget_;
};

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
// The line `index` (0-based) of `text`.
std::string_view line_at(std::string_view text, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// A line "key: value" whose value is an unquoted text (not a quote, flow collection, block
// scalar, anchor, alias or tag): the key and where the value starts (0-based), else nullopt.
struct PlainValueLine {
  std::string_view key;
  std::size_t value_start;
};
std::optional<PlainValueLine> plain_value_line(std::string_view line) {
  std::size_t i = line.find_first_not_of(' ');
  while (i != std::string_view::npos && i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ')
    i = line.find_first_not_of(' ', i + 2);
  if (i == std::string_view::npos) return std::nullopt;
  const std::size_t colon = line.find(": ", i);
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view key = line.substr(i, colon - i);
  if (key.empty() || key.find_first_of("\"'#[]{},") != std::string_view::npos) return std::nullopt;
  const std::size_t value = line.find_first_not_of(' ', colon + 1);
  if (value == std::string_view::npos ||
      std::string_view("\"'[{|>&*!%@`#").find(line[value]) != std::string_view::npos)
    return std::nullopt;
  return PlainValueLine{key, value};
}

struct Hint {
  int column;  // 1-based
  std::string message;
};

// For yaml-cpp's "illegal map value" on line `index`: when that line is "key: text" and the
// text holds ": ", a message that says to quote the text, at the start of the text.
std::optional<Hint> quoting_hint(std::string_view text, int index) {
  const std::string_view line = line_at(text, index);
  const auto parsed = plain_value_line(line);
  if (!parsed) return std::nullopt;
  const std::string_view value = line.substr(parsed->value_start);
  if (value.find(": ") == std::string_view::npos && !value.ends_with(":")) return std::nullopt;
  return Hint{static_cast<int>(parsed->value_start) + 1,
              "YAML syntax error: the text of '" + std::string(parsed->key) +
                  "' contains ': ', which YAML reads as the start of another key; expected the "
                  "text in quotes: " +
                  std::string(parsed->key) + ": \"" + std::string(truncate_utf8(value, 60)) +
                  (value.size() > 60 ? "…" : "") + "\""};
}

// Lines "key: text #word": ' #' starts a YAML comment even inside an unquoted text, so the
// rest of the line silently drops out of the value. Reported as strict warnings at the '#'
// (a comment written as "# …", with a space after '#', is taken as a comment).
void report_swallowed_comments(std::string_view text, const std::string& file, DiagnosticSink& sink,
                               int first_line) {
  int index = 0;
  for (std::size_t start = 0; start <= text.size(); ++index) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find(" #") == std::string_view::npos) continue;
    const auto parsed = plain_value_line(line);
    if (!parsed) continue;
    const std::size_t hash = line.find(" #", parsed->value_start);
    if (hash == std::string_view::npos || hash + 2 >= line.size() || line[hash + 2] == ' ' ||
        line[hash + 2] == '\r')
      continue;
    std::string_view value = line.substr(parsed->value_start);
    if (!value.empty() && value.back() == '\r') value.remove_suffix(1);
    const std::string_view kept = line.substr(parsed->value_start, hash - parsed->value_start);
    const std::string_view dropped = line.substr(hash + 1);
    // append(): GCC 12 warns falsely about "literal" + string chains here (bug 105329).
    std::string message("'");
    message.append(truncate_utf8(dropped, 40))
        .append(
            "' is a YAML comment (' #' starts one, even inside an unquoted text), so the "
            "value of '")
        .append(parsed->key)
        .append("' ends with '")
        .append(truncate_utf8(kept, 40))
        .append("'; expected the whole text in quotes if it belongs to the value (")
        .append(parsed->key)
        .append(": \"")
        .append(truncate_utf8(value, 40))
        .append(value.size() > 40 ? "…" : "")
        .append("\"), or '# ' with a space for a comment");
    sink.strict_warning({file, index + first_line, static_cast<int>(hash) + 2}, message);
  }
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

PlainScalarType plain_scalar_type(const YAML::Node& node) {
  if (!node.IsScalar() || node.Tag() == "!") return PlainScalarType::text;
  const std::string& s = node.Scalar();
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
    return PlainScalarType::null;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
    return PlainScalarType::boolean;
  // Numbers start with a sign, a digit or '.'; most texts do not.
  if (std::string_view("+-.0123456789").find(s[0]) != std::string_view::npos &&
      (looks_int(s) || looks_float(s)))
    return PlainScalarType::number;
  return PlainScalarType::text;
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
    // yaml-cpp reads a '?' in unquoted text inside { } or [ ] as the start of a key, so a
    // question written as {en: Where is our data stored?} fails at its '?' (YAML itself allows
    // it); say so, and how to write it.
    if (error_pos >= 0 && static_cast<std::size_t>(error_pos) < text.size() &&
        text[static_cast<std::size_t>(error_pos)] == '?' &&
        find_unclosed_flow(text.substr(0, static_cast<std::size_t>(error_pos)))) {
      sink.error(shift(location_of(error.mark, file)),
                 "YAML syntax error: a '?' in unquoted text inside { } or [ ] cannot be read; "
                 "expected the text in quotes, e.g. {en: \"Where is our data stored?\"}");
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
    // An unquoted text with ": " in it: yaml-cpp reads a second key on the line (SPEC 7: say
    // that the fix is quoting the text).
    if (error.msg == YAML::ErrorMsg::MAP_VALUE && !error.mark.is_null()) {
      if (auto hint = quoting_hint(text, error.mark.line)) {
        sink.error(shift({file, error.mark.line + 1, hint->column}), hint->message);
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
  // The walk stops as soon as the budget is used up.
  DiagnosticSink local(sink.strict()), comments(sink.strict());
  TreeCheck check(text, file, local, 2 * text.size() + 16);
  if (!check.walk(document, 0, false)) {
    sink.error(shift({file, 1, 1}),
               "this YAML expands to more values than its text holds (aliases '*name' that "
               "repeat anchored lists or maps); expected plain values without anchors and "
               "aliases");
    return std::nullopt;
  }
  if (const auto open = check.unclosed_quote) {
    auto [line_number, column] = line_column(text, *open);
    sink.error(shift({file, line_number, column}),
               std::string("unclosed quote: the text starting with ") + text[*open] +
                   " here runs to the end of the file; expected a closing " + text[*open]);
    return std::nullopt;
  }
  // The document stays usable with a swallowed comment: its warning never hides the rest.
  report_swallowed_comments(text, file, comments, 1);
  for (const DiagnosticSink* found : {&local, &comments})
    for (auto& diagnostic : found->sorted()) {
      diagnostic.location = shift(diagnostic.location);
      sink.report(std::move(diagnostic));
    }
  if (local.has_errors()) return std::nullopt;
  return document;
}

namespace {

nlohmann::json yaml_to_json_at(const YAML::Node& node, int depth) {
  if (depth > 64 || !node.IsDefined() || node.IsNull()) return nullptr;
  if (node.IsMap()) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& entry : node)
      object[entry.first.IsScalar() ? entry.first.Scalar() : describe_node(entry.first)] =
          yaml_to_json_at(entry.second, depth + 1);
    return object;
  }
  if (node.IsSequence()) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : node) array.push_back(yaml_to_json_at(item, depth + 1));
    return array;
  }
  const std::string& text = node.Scalar();
  switch (plain_scalar_type(node)) {
    case PlainScalarType::null:
      return nullptr;
    case PlainScalarType::boolean:
      return text[0] == 't' || text[0] == 'T';
    case PlainScalarType::number: {
      if (looks_int(text) && text.find_first_of("xo") == std::string::npos) {
        errno = 0;
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (errno == 0 && end != nullptr && *end == '\0') return value;
      }
      char* end = nullptr;
      const double value = std::strtod(text.c_str(), &end);
      if (end != nullptr && *end == '\0' && std::isfinite(value)) return value;
      return text;
    }
    case PlainScalarType::text:
      break;
  }
  return text;
}

}  // namespace

nlohmann::json yaml_to_json(const YAML::Node& node) {
  return yaml_to_json_at(node, 0);
}

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  const std::string& s = node.Scalar();
  switch (plain_scalar_type(node)) {
    case PlainScalarType::null:
      return "nothing";
    case PlainScalarType::boolean:
      return "a boolean (" + s + ")";
    case PlainScalarType::number:
      return "a number (" + s + ")";
    case PlainScalarType::text:
      break;
  }
  return "the text " + quoted_excerpt(s);
}

}  // namespace trustsite
