#include "load_context.h"

#include "data_dirs.h"
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
