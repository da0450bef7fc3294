// Parsing YAML input with yaml-cpp, and the workarounds that make its errors point at the place
// to fix: positions as file:line:col, tabs in indentation, unclosed quotes and brackets (which
// yaml-cpp 0.7 misplaces or accepts), stray commas (issue 1040: an endless loop), more than one
// document, duplicate keys, and alias bombs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace trustsite {

// Position of a yaml-cpp node or mark, converted to 1-based line/column in `file`.
SourceLocation location_of(const YAML::Mark& mark, const std::string& file);
SourceLocation location_of(const YAML::Node& node, const std::string& file);

// Parses YAML text (UTF-8, an optional BOM is skipped) as the document of `file`, reporting to
// `sink`: invalid UTF-8, tabs used as indentation, syntax errors (yaml-cpp's message with its
// mark, or the opening quote/bracket for unclosed ones), stray commas, more than one document,
// documents that expand to more nodes than their text holds (aliases), and duplicate keys in
// any mapping. `first_line` is the file line of the text's first line (front matter starts on
// line 2). Returns nullopt on errors that leave no usable document; an empty document yields a
// Null node. Never hangs: yaml-cpp 0.7's LoadAll() endless loop (issue 1040) is avoided.
// Thread-safe.
std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     DiagnosticSink& sink, int first_line = 1);

// What an untagged plain scalar means under the YAML 1.2 core schema (quoted scalars are text).
enum class PlainScalarType { text, null, boolean, number };
PlainScalarType plain_scalar_type(const YAML::Node& node);

// A node as JSON: maps as objects (keys as text), lists as arrays, plain scalars typed by the
// YAML 1.2 core schema (null, true/false, integers and floats that fit a double), everything
// else as text. Nesting deeper than 64 levels is cut off (null). Never throws.
nlohmann::json yaml_to_json(const YAML::Node& node);

// How a node reads to a human: "a map", "a list", "a number (42)", "the text '…'", "nothing".
std::string describe_node(const YAML::Node& node);

}  // namespace trustsite
