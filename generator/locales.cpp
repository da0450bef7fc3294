#include "locales.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "data_dirs.h"
#include "suggest.h"
#include "text_rules.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// At most this many "missing UI string" warnings per locale file; the rest are summarised in
// one more warning so that a new, mostly empty locale does not bury other diagnostics.
constexpr int kMaxMissingWarnings = 10;

// Converts a YAML mapping of UI strings to JSON. Nested maps stay nested; every leaf must be a
// string scalar. Reports other values (lists, null, ...) at their position and skips them.
json to_table(const YAML::Node& node, const std::string& file, const std::string& prefix,
              DiagnosticSink& sink) {
  json table = json::object();
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const std::string dotted = prefix.empty() ? key : prefix + "." + key;
    const YAML::Node& value = entry.second;
    if (value.IsMap()) {
      table[key] = to_table(value, file, dotted, sink);
    } else if (value.IsScalar()) {
      // The site's own strings reach every page: the same character rules as content.
      if (const std::string problem = text_problem(value.Scalar()); !problem.empty())
        sink.error(location_of(value, file), "UI string '" + dotted + "' " + problem);
      else
        table[key] = value.Scalar();
    } else {
      sink.error(location_of(value, file), "UI string '" + dotted + "' is " + describe_node(value) +
                                               "; expected a text (or a map of texts)");
    }
  }
  return table;
}

// Reports every key of a site's own UI strings file (`node`) that `reference` (trustsite's own
// table for that locale, or the default locale's) does not have: an unknown field, as in every
// other file (SPEC 2), with the nearest known key. `extra` at the top holds a custom theme's own
// strings and is not checked.
void report_unknown_keys(const YAML::Node& node, const json& reference, const std::string& file,
                         const std::string& prefix, DiagnosticSink& sink) {
  if (!node.IsMap() || !reference.is_object()) return;
  std::vector<std::string> known;
  for (const auto& [key, value] : reference.items()) known.push_back(key);
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    if (prefix.empty() && key == "extra") continue;
    const std::string dotted = prefix.empty() ? key : prefix + "." + key;
    auto it = reference.find(key);
    if (it == reference.end()) {
      std::string message = "unknown UI string " + quoted_excerpt(dotted) + " in " + file;
      if (auto near = nearest_name(key, known))
        message += "; did you mean '" + (prefix.empty() ? *near : prefix + "." + *near) + "'?";
      else
        message +=
            "; expected a key of trustsite's own locales files (a custom theme's own "
            "strings go under 'extra:')";
      sink.error(location_of(entry.first, file), message);
      continue;
    }
    report_unknown_keys(entry.second, *it, file, dotted, sink);
  }
}

// Overrides `base` with `overrides` key by key, recursing into nested maps (SPEC 1: a site's
// locale file may override single strings).
void deep_merge(json& base, const json& overrides) {
  for (const auto& [key, value] : overrides.items()) {
    auto it = base.find(key);
    if (it != base.end() && it->is_object() && value.is_object()) {
      deep_merge(*it, value);
    } else {
      base[key] = value;
    }
  }
}

// Fills every string of `reference` missing in `table`, collecting the dotted keys filled.
void fill_missing(json& table, const json& reference, const std::string& prefix,
                  std::vector<std::string>& missing) {
  for (const auto& [key, value] : reference.items()) {
    const std::string dotted = prefix.empty() ? key : prefix + "." + key;
    auto it = table.find(key);
    if (value.is_object()) {
      if (it == table.end() || !it->is_object()) table[key] = json::object();
      fill_missing(table[key], value, dotted, missing);
    } else if (it == table.end() || !it->is_string()) {
      table[key] = value;
      missing.push_back(dotted);
    }
  }
}

}  // namespace

UiStrings UiStrings::load(const SiteConfig& config, const FileSystem& files, DiagnosticSink& sink) {
  UiStrings strings;
  const fs::path& data = config.data_dir;
  // Search directories from lowest to highest precedence: trustsite's data dir, then the site.
  std::vector<fs::path> dirs = search_dirs(config.site_dir, data);
  std::reverse(dirs.begin(), dirs.end());

  // The file named in diagnostics about a locale's strings: the site's own file when it has
  // one (that is the file the editor can change), else trustsite's.
  std::map<std::string, std::string> primary_file;
  // A site's own locale files may only hold keys trustsite's own files have: the built-in
  // default locale's table is the reference when the locale has no built-in file.
  const bool site_has_own_dir = dirs.size() > 1;
  json default_reference;
  if (site_has_own_dir) {
    const ReadResult read = files.read(dirs.front() / "locales" / (config.default_locale + ".yaml"),
                                       kMaxInputFileBytes);
    DiagnosticSink ignored;  // trustsite's own file: its problems are reported below if used
    if (read.ok())
      if (auto document = parse_yaml(read.text, "", ignored); document && document->IsMap())
        default_reference = to_table(*document, "", "", ignored);
  }

  for (const auto& code : config.locales) {
    json table = json::object();
    bool found = false;
    for (const auto& dir : dirs) {
      const fs::path file = dir / "locales" / (code + ".yaml");
      if (!files.exists(file)) continue;
      found = true;
      const std::string shown = display_path(file, config.site_dir, data);
      primary_file[code] = shown;
      const ReadResult read = files.read(file, kMaxInputFileBytes);
      if (!read.ok()) {
        sink.error({shown, 0, 0}, "this file " + describe_read_failure(read, kMaxInputFileBytes) +
                                      "; expected a readable YAML file of UI strings");
        continue;
      }
      std::optional<YAML::Node> document = parse_yaml(read.text, shown, sink);
      if (!document || document->IsNull()) continue;
      if (!document->IsMap()) {
        sink.error(location_of(*document, shown), "the UI strings file is " +
                                                      describe_node(*document) +
                                                      "; expected a map of UI strings (key: text)");
        continue;
      }
      const bool own_file = site_has_own_dir && dir == dirs.back();
      if (own_file && (!table.empty() || default_reference.is_object()))
        report_unknown_keys(*document, table.empty() ? default_reference : table, shown, "", sink);
      deep_merge(table, to_table(*document, shown, "", sink));
    }
    if (!found) {
      const std::string file = "locales/" + code + ".yaml";
      sink.error(config.locales_location,
                 "locale '" + code + "' has no " + file + " (looked in locales/ and " +
                     display_path(data / "locales", config.site_dir, data) +
                     "/); expected one file per locale listed in site.yaml");
    }
    strings.tables_[code] = std::move(table);
  }

  // Fill every other locale from the default locale, key by key (SPEC 2 fallback).
  auto fallback = strings.tables_.find(config.default_locale);
  if (fallback == strings.tables_.end()) return strings;
  for (auto& [code, table] : strings.tables_) {
    if (code == config.default_locale) continue;
    std::vector<std::string> missing;
    fill_missing(table, fallback->second, "", missing);
    strings.fallback_keys_[code] = missing;
    if (missing.empty() || primary_file.count(code) == 0) continue;  // no file: already an error
    const std::string& file = primary_file[code];
    const int shown = std::min<int>(kMaxMissingWarnings, static_cast<int>(missing.size()));
    for (int i = 0; i < shown; ++i) {
      sink.strict_warning({file, 0, 0}, "UI string '" + missing[i] + "' is missing in " + file +
                                            "; falling back to " + config.default_locale);
    }
    if (missing.size() > static_cast<std::size_t>(shown)) {
      sink.strict_warning({file, 0, 0}, std::to_string(missing.size() - shown) +
                                            " more UI strings are missing in " + file +
                                            "; falling back to " + config.default_locale);
    }
  }
  return strings;
}

const std::vector<std::string>& UiStrings::fallback_keys(const std::string& locale) const {
  static const std::vector<std::string> none;
  auto it = fallback_keys_.find(locale);
  return it == fallback_keys_.end() ? none : it->second;
}

const json& UiStrings::table(const std::string& locale) const {
  auto it = tables_.find(locale);
  if (it == tables_.end()) throw std::out_of_range("no UI strings for locale '" + locale + "'");
  return it->second;
}

std::string UiStrings::get(const std::string& locale, const std::string& dotted_key) const {
  auto it = tables_.find(locale);
  if (it == tables_.end()) return {};
  const json* node = &it->second;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = dotted_key.find('.', start);
    const std::string part = dotted_key.substr(start, dot == std::string::npos ? dot : dot - start);
    if (!node->is_object()) return {};
    auto child = node->find(part);
    if (child == node->end()) return {};
    node = &*child;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

std::string fill_placeholders(std::string text,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  // One pass over the text: a value that itself contains "{name}" is never substituted again.
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    if (open == std::string::npos) break;
    out.append(text, at, open - at);
    const std::size_t close = text.find('}', open + 1);
    const std::string_view name = close == std::string::npos
                                      ? std::string_view()
                                      : std::string_view(text).substr(open + 1, close - open - 1);
    auto match = std::find_if(values.begin(), values.end(),
                              [&](const auto& value) { return value.first == name; });
    if (match != values.end()) {
      out += match->second;
      at = close + 1;
    } else {
      out += '{';
      at = open + 1;
    }
  }
  out.append(text, std::min(at, text.size()), std::string::npos);
  return out;
}

}  // namespace trustsite
