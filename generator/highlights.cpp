#include "highlights.h"

#include "text_rules.h"
#include "yaml_parse.h"

namespace trustsite {

const HighlightFields& highlight_fields() {
  static const HighlightFields fields{
      {"highlights"},
      {"id", "label", "value", "link"},
  };
  return fields;
}

namespace {

std::optional<Highlight> load_highlight(const YAML::Node& item, const std::string& file,
                                        const LoadContext& context) {
  const std::string what = item_name("highlight", item);
  MapReader reader(item, file, context.sink, what, highlight_fields().highlight);
  if (!reader.ok()) return std::nullopt;
  Highlight highlight;
  highlight.location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    highlight.id = *id;
    highlight.id_location = reader.location_of_value("id");
  }
  highlight.label = context.localized(reader, "label", true);
  highlight.value = context.localized(reader, "value", true);
  // `link: #database-encryption` unquoted is `link:` and a YAML comment: never drop it silently.
  if (reader.has("link") && item["link"].IsNull())
    context.sink.error(reader.location_of_key("link"),
                       "link of " + what +
                           " is empty (an unquoted '#' starts a YAML comment); expected a quoted "
                           "\"#<id>\" or a page slug, e.g. link: \"#database-encryption\"");
  if (auto link = reader.text("link", false)) {
    const std::string_view target =
        link->starts_with('#') ? std::string_view(*link).substr(1) : std::string_view(*link);
    if (is_identifier(target)) {
      highlight.link = *link;
      highlight.link_location = reader.location_of_value("link");
    } else {
      context.sink.error(reader.location_of_value("link"),
                         "link " + quoted_excerpt(*link) + " of " + what +
                             " is neither '#<id>' of an item on the Trust Center nor a page "
                             "slug; expected e.g. \"#database-encryption\" or privacy");
    }
  }
  reader.finish();
  if (highlight.id.empty()) return std::nullopt;
  return highlight;
}

}  // namespace

HighlightList load_highlights(const LoadContext& context) {
  HighlightList list;
  const auto path = context.config.site_dir / "content" / "highlights.yaml";
  if (!context.files.exists(path)) return list;
  list.present = true;
  const std::string file = context.display(path);
  auto root = context.read_yaml(path, file);
  if (!root) return list;
  if (root->IsNull()) {
    context.sink.error({file, 1, 1}, "the file is empty; expected a 'highlights' list");
    return list;
  }
  MapReader top(*root, file, context.sink, file, highlight_fields().file);
  if (!top.ok()) return list;
  context.for_each_item(top, "highlights", true, "a list of highlights",
                        [&](const YAML::Node& item) {
                          if (auto highlight = load_highlight(item, file, context))
                            list.items.push_back(std::move(*highlight));
                        });
  top.finish();
  return list;
}

}  // namespace trustsite
