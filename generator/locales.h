// UI strings (locales/<code>.yaml): status labels, headings, "Updated", language names, ...
// Looked up per SPEC 1 (trustsite's data dir, overridden key by key by the site's own file) and
// resolved per locale with fallback to the default locale.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "config.h"
#include "diagnostics.h"
#include "file_system.h"

namespace trustsite {

// Replaces each `{name}` in `text` by its value from `values` ({company}, {site_title},
// {count} ...); other braces stay as they are.
std::string fill_placeholders(std::string text,
                              const std::vector<std::pair<std::string, std::string>>& values);

class UiStrings {
 public:
  // Loads the strings of every locale in `config.locales`: locales/<code>.yaml from trustsite's
  // data dir, then the site's own file on top of it (deep merge, key by key). A locale with no
  // file anywhere is an error (at site.yaml; it still gets a table, filled from the default
  // locale); YAML errors and non-text values are errors at their position; a key present in the
  // default locale but missing in another is a strict warning, and falls back to the default.
  // Diagnostic paths are relative to the site dir for the site's own files ("locales/sv.yaml")
  // and "<trustsite>/locales/sv.yaml" for trustsite's built-in files.
  static UiStrings load(const SiteConfig& config, const FileSystem& files, DiagnosticSink& sink);

  // Strings given directly, one nested table per locale (tests, tools); no fallback applied.
  static UiStrings from_tables(std::map<std::string, nlohmann::json> tables) {
    UiStrings strings;
    strings.tables_ = std::move(tables);
    return strings;
  }

  // Whether `locale` has a table.
  bool has(const std::string& locale) const { return tables_.count(locale) != 0; }

  // Every string for `locale` as a nested JSON object (YAML nesting kept), with missing keys
  // filled from the default locale. Throws std::out_of_range for an unknown locale.
  const nlohmann::json& table(const std::string& locale) const;

  // One string by dotted key ("status.implemented"); empty string when absent everywhere.
  std::string get(const std::string& locale, const std::string& dotted_key) const;

  // The dotted keys of `locale` whose strings were filled in from the default locale (shown in
  // the default locale's language, so marked with its `lang`; SPEC 2).
  const std::vector<std::string>& fallback_keys(const std::string& locale) const;

 private:
  std::map<std::string, nlohmann::json> tables_;
  std::map<std::string, std::vector<std::string>> fallback_keys_;
};

}  // namespace trustsite
