// What every content loader shares (SPEC 3): the site's configuration, the one way files are
// read, the diagnostics sink and the count of missing translations, with the reading steps
// each kind repeats (a YAML file, a list of maps, a localized field).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "config.h"
#include "diagnostics.h"
#include "file_system.h"
#include "localized.h"
#include "map_reader.h"
#include "markdown.h"

namespace trustsite {

struct LoadContext {
  const SiteConfig& config;
  const FileSystem& files;
  DiagnosticSink& sink;
  MissingTranslations& missing;

  // How `path` is named in diagnostics (relative to the site: "content/ai.yaml").
  std::string display(const std::filesystem::path& path) const;

  // The text of a content file, or nullopt after reporting why it cannot be read (missing, not
  // a regular file, a link out of the site, over kMaxInputFileBytes). `expected` ends the
  // message of a plain read failure ("a readable YAML file").
  std::optional<std::string> read_text(const std::filesystem::path& path, const std::string& file,
                                       const char* expected) const;

  // Reads and parses one YAML content file; nullopt when it cannot be read or parsed (reported).
  std::optional<YAML::Node> read_yaml(const std::filesystem::path& path,
                                      const std::string& file) const;

  // A localized field of `reader` in the site's locales (SPEC 2).
  LocalizedText localized(MapReader& reader, const char* key, bool required) const;

  // A localized field documented as Markdown (SPEC 2): localized(), and an error at the field
  // for each text over the GFM table limits (markdown.h table_problem()) or with a character
  // reference to a forbidden character (`&#x202E;`, `&#27;`; find_forbidden_reference()),
  // whose text is then dropped.
  LocalizedText markdown(MapReader& reader, const char* key, bool required) const;

  // The top-level list `key` of a content file: reports anything that is not a list
  // ("'controls' is a map; expected a list of controls") and calls `each` for every item.
  void for_each_item(MapReader& top, const char* key, bool required, const char* expected,
                     const std::function<void(const YAML::Node&)>& each) const;
};

// What is wrong with Markdown `text` holding `reference` (find_forbidden_reference()): "contains
// the character reference '&#x202E;' at byte 7, which stands for ...; expected ..." (without
// "at byte N" when `with_offset` is false, for messages that give the exact line and column).
std::string reference_problem(std::string_view text, const CharacterReference& reference,
                              bool with_offset = true);

// How an item of a list is named in messages: "control 'mfa'" when it has a usable id, else
// just "control".
std::string item_name(const std::string& kind, const YAML::Node& item);

}  // namespace trustsite
