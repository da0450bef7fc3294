// The typed reader of one YAML mapping: every field is read by a getter that checks its type
// and reports problems as diagnostics (path:line:col, what was found, what was expected)
// instead of throwing; finish() reports the fields nobody asked for.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "date.h"
#include "diagnostics.h"
#include "localized.h"
#include "suggest.h"
#include "vocabulary.h"

namespace trustsite {

// Reads one YAML mapping field by field. Every getter marks its key as known; finish() then
// reports the remaining keys as unknown fields: errors with "did you mean ...?" (SPEC 2: a
// misspelt optional field must never silently drop text from the page). Every mapping may also
// hold `extra:`, data for a custom theme that extra() returns untouched. Getters return nullopt
// (and report) on a wrong type or, for required fields, absence.
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
  const std::string& file() const { return file_; }
  const std::string& what() const { return what_; }
  DiagnosticSink& sink() const { return sink_; }
  SourceLocation location() const { return at(node_); }
  SourceLocation location_of_key(const char* key) const;
  SourceLocation location_of_value(const char* key) const;
  // The position of `node` (a value inside this mapping) in the file.
  SourceLocation at(const YAML::Node& node) const;
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
  // One value of a vocabulary, as its enum.
  template <typename Enum, std::size_t N>
  std::optional<Enum> choice(const char* key, bool required,
                             const Vocabulary<Enum, N>& vocabulary) {
    auto spelling = one_of(key, required, vocabulary.names());
    if (!spelling) return std::nullopt;
    return vocabulary.parse(*spelling);
  }
  std::optional<std::vector<std::string>> text_list(const char* key, bool required);
  // The `extra:` map of this mapping as JSON (SPEC 2: data only a custom theme uses, passed to
  // templates as it is), or null when absent. Its meaning is never validated; its texts obey
  // the text rules like every text that can reach a page. A value that is not a map is an
  // error.
  nlohmann::json extra();
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
