// Reading YAML input files with positions: file loading with UTF-8 checks, duplicate-key
// detection, and a typed field reader that reports every problem as a diagnostic
// (path:line:col, what was found, what was expected) instead of throwing.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "date.h"
#include "diagnostics.h"
#include "localized.h"

namespace trustsite {

// Position of a yaml-cpp node or mark, converted to 1-based line/column in `file`.
SourceLocation location_of(const YAML::Mark& mark, const std::string& file);
SourceLocation location_of(const YAML::Node& node, const std::string& file);

// The byte offset (0-based) of the first invalid UTF-8 sequence in `text`, or nullopt when the
// whole text is valid UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Parses YAML text (UTF-8, an optional BOM is skipped) as the document of `file`, reporting to
// `sink`: invalid UTF-8, tabs used as indentation, syntax errors (yaml-cpp's message with its
// mark, or the opening quote/bracket for unclosed ones, which yaml-cpp misplaces or accepts),
// stray commas, more than one document, and duplicate keys in any mapping. `first_line` is the
// file line of the text's first line (front matter starts on line 2). Returns nullopt on
// errors that leave no usable document; an empty document yields a Null node. Never hangs:
// yaml-cpp 0.7's LoadAll() endless loop (issue 1040) is avoided. Thread-safe.
std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     DiagnosticSink& sink, int first_line = 1);

// Reads and parses `path`; `file` is the display path used in diagnostics.
std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& path, const std::string& file,
                                         DiagnosticSink& sink);

// How a node reads to a human: "a map", "a list", "a number (42)", "a text ("…")", "null".
std::string describe_node(const YAML::Node& node);

// The largest text accepted in any YAML field (bytes); a longer one is an error (docs/errors.md).
inline constexpr std::size_t kMaxTextBytes = 256 * 1024;

// A character that no text on the page may contain: a C0/C1 control character other than tab,
// LF and CR, or a Unicode bidirectional embedding/override/isolate control (U+202A..U+202E,
// U+2066..U+2069; "Trojan Source", CVE-2021-42574). `offset` is the byte offset in the text.
struct ForbiddenCharacter {
  std::size_t offset;
  char32_t code_point;
};
// The first forbidden character in `text` (valid UTF-8), or nullopt. Linear, no allocation.
std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text);
// "the control character U+0007", "the bidirectional control character U+202E (RIGHT-TO-LEFT
// OVERRIDE)".
std::string describe_character(char32_t code_point);
// What is wrong with `text` as a field value ("is 1048576 bytes long; expected at most ...",
// "contains the control character U+0007 at byte 5; expected ..."), or "" when it is fine.
std::string text_problem(std::string_view text);

// Whether `text` is an identifier: ^[a-z0-9][a-z0-9-]*$ (SPEC 3).
bool is_identifier(std::string_view text);

// The closest of `candidates` to `word` by Levenshtein distance, if it is at most
// `max_distance` edits away (0: a third of the word's length, at least 2); else nullopt.
std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates,
                                        std::size_t max_distance = 0);

// Reads one YAML mapping field by field. Every getter marks its key as known; finish() then
// reports the remaining keys as unknown fields (a strict warning with "did you mean ...?").
// Getters return nullopt (and report) on a wrong type or, for required fields, absence.
class MapReader {
 public:
  // `what` names the mapping in messages ("control 'mfa'", "site.yaml"). When `node` is not a
  // map an error is reported and ok() is false; every getter then returns nullopt.
  // `first_line` is the file line of the YAML text's first line (front matter: 2), as for
  // parse_yaml(); every position reported is shifted accordingly.
  MapReader(const YAML::Node& node, std::string file, DiagnosticSink& sink, std::string what,
            std::vector<std::string> known_fields, int first_line = 1);

  bool ok() const { return ok_; }
  const YAML::Node& node() const { return node_; }
  SourceLocation location() const { return at(node_); }
  SourceLocation location_of_key(const char* key) const;
  SourceLocation location_of_value(const char* key) const;
  bool has(const char* key) const;

  std::optional<YAML::Node> raw(const char* key, bool required);
  std::optional<std::string> text(const char* key, bool required);
  std::optional<std::string> identifier(const char* key, bool required);
  std::optional<long long> integer(const char* key, bool required, long long min, long long max);
  std::optional<bool> boolean(const char* key, bool required);
  std::optional<Date> date(const char* key, bool required);
  // One of `allowed` (a closed enum such as statuses); the message lists the allowed values.
  std::optional<std::string> one_of(const char* key, bool required,
                                    const std::vector<std::string>& allowed);
  std::optional<std::vector<std::string>> text_list(const char* key, bool required);
  // A localized field (SPEC 2): a plain text, or a map whose keys are in `locales`. A map
  // without `default_locale` is an error when `required`; a missing non-default locale is a
  // strict warning counted in `missing` (by locale).
  LocalizedText localized(const char* key, bool required, const std::vector<std::string>& locales,
                          const std::string& default_locale,
                          std::map<std::string, int>* missing = nullptr);

  // Reports the keys no getter asked for.
  void finish();

 private:
  std::optional<YAML::Node> lookup(const char* key, bool required);
  bool expect_scalar(const YAML::Node& value, const char* key, const char* expected);
  // Reports a scalar over kMaxTextBytes or with a forbidden character; `field` names it.
  bool check_text(const YAML::Node& value, const std::string& field);

  struct Entry {
    YAML::Node key, value;
  };
  const Entry* find(const char* key) const;
  SourceLocation at(const YAML::Node& node) const;  // location_of() with the line offset

  int line_offset_;

  YAML::Node node_;
  std::vector<Entry> entries_;
  std::string file_;
  DiagnosticSink& sink_;
  std::string what_;
  std::vector<std::string> known_fields_;
  std::set<std::string> seen_;
  bool ok_;
};

}  // namespace trustsite
