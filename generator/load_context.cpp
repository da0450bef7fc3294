#include "load_context.h"

#include "data_dirs.h"
#include "text_rules.h"
#include "utf8.h"
#include "yaml_parse.h"

namespace trustsite {

std::string LoadContext::display(const std::filesystem::path& path) const {
  return display_path(path, config.site_dir, config.data_dir);
}

std::optional<std::string> LoadContext::read_text(const std::filesystem::path& path,
                                                  const std::string& file,
                                                  const char* expected) const {
  ReadResult result = files.read(path, kMaxInputFileBytes);
  if (result.ok()) return std::move(result.text);
  if (result.failure == ReadFailure::unreadable || result.failure == ReadFailure::missing)
    sink.error({file, 0, 0}, std::string("cannot read file; expected ") + expected);
  else
    sink.error({file, 0, 0}, "this file " + describe_read_failure(result, kMaxInputFileBytes) +
                                 "; expected " + expected);
  return std::nullopt;
}

std::optional<YAML::Node> LoadContext::read_yaml(const std::filesystem::path& path,
                                                 const std::string& file) const {
  auto text = read_text(path, file, "a readable YAML file");
  if (!text) return std::nullopt;
  return parse_yaml(*text, file, sink);
}

LocalizedText LoadContext::localized(MapReader& reader, const char* key, bool required) const {
  return reader.localized(key, required, config.locales, config.default_locale, &missing);
}

LocalizedText LoadContext::markdown(MapReader& reader, const char* key, bool required) const {
  LocalizedText text = localized(reader, key, required);
  for (auto it = text.by_locale.begin(); it != text.by_locale.end();) {
    std::string problem = table_problem(it->second);
    if (problem.empty())
      if (const auto reference = find_forbidden_reference(it->second))
        problem = reference_problem(it->second, *reference);
    if (problem.empty()) {
      ++it;
      continue;
    }
    const std::string field = text.plain ? "field '" + std::string(key) + "'"
                                         : "the " + it->first + " text of '" + key + "'";
    sink.error(text.location, field + " of " + reader.what() + " " + problem);
    if (text.plain) {  // the same text in every locale: one error, all of it dropped
      text.by_locale.clear();
      break;
    }
    it = text.by_locale.erase(it);
  }
  return text;
}

std::string reference_problem(std::string_view text, const CharacterReference& reference,
                              bool with_offset) {
  return "contains the character reference '" +
         std::string(text.substr(reference.offset, reference.length)) + "'" +
         (with_offset ? " at byte " + std::to_string(reference.offset + 1) : std::string()) +
         ", which stands for " + describe_character(reference.code_point) +
         forbidden_character_expectation(reference.code_point);
}

void LoadContext::for_each_item(MapReader& top, const char* key, bool required,
                                const char* expected,
                                const std::function<void(const YAML::Node&)>& each) const {
  auto list = top.raw(key, required);
  if (!list) return;
  if (!list->IsSequence()) {
    sink.error(top.at(*list),
               std::string("'") + key + "' is " + describe_node(*list) + "; expected " + expected);
    return;
  }
  for (const auto& item : *list) each(item);
}

std::string item_name(const std::string& kind, const YAML::Node& item) {
  if (item.IsMap() && item["id"] && item["id"].IsScalar())
    return kind + " '" + std::string(truncate_utf8(item["id"].Scalar(), 64)) + "'";
  return kind;
}

}  // namespace trustsite
