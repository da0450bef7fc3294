#include "disclosures.h"

#include "yaml_parse.h"

namespace trustsite {

const DisclosureFields& disclosure_fields() {
  static const DisclosureFields fields{
      {"disclosures", "extra"},
      {"id", "title", "description", "status", "provider", "opt_in", "data_sent", "data_excluded",
       "used_for_training", "human_oversight", "extra"},
  };
  return fields;
}

namespace {

std::optional<Disclosure> load_disclosure(const YAML::Node& item, const std::string& file,
                                          const LoadContext& context) {
  MapReader reader(item, file, context.sink, item_name("disclosure", item),
                   disclosure_fields().disclosure);
  if (!reader.ok()) return std::nullopt;
  Disclosure disclosure;
  disclosure.location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    disclosure.id = *id;
    disclosure.id_location = reader.location_of_value("id");
  }
  disclosure.title = context.localized(reader, "title", true);
  disclosure.description = context.markdown(reader, "description", true);
  if (auto status = reader.choice("status", true, kStatuses)) disclosure.status = *status;
  if (auto provider = reader.identifier("provider", true)) {
    disclosure.provider = *provider;
    disclosure.provider_location = reader.location_of_value("provider");
  }
  if (auto opt_in = reader.boolean("opt_in", true)) disclosure.opt_in = *opt_in;
  disclosure.data_sent = context.localized(reader, "data_sent", true);
  disclosure.data_excluded = context.localized(reader, "data_excluded", true);
  if (auto training = reader.boolean("used_for_training", true))
    disclosure.used_for_training = *training;
  disclosure.human_oversight = context.localized(reader, "human_oversight", true);
  disclosure.extra = reader.extra();
  reader.finish();
  if (disclosure.id.empty()) return std::nullopt;
  return disclosure;
}

}  // namespace

DisclosureList load_disclosures(const LoadContext& context) {
  DisclosureList list;
  const auto path = context.config.site_dir / "content" / "ai.yaml";
  if (!context.files.exists(path)) return list;
  list.present = true;
  const std::string file = context.display(path);
  auto root = context.read_yaml(path, file);
  if (!root) return list;
  if (root->IsNull()) {
    context.sink.error({file, 1, 1}, "the file is empty; expected a 'disclosures' list");
    return list;
  }
  MapReader top(*root, file, context.sink, file, disclosure_fields().file);
  if (!top.ok()) return list;
  context.for_each_item(top, "disclosures", true, "a list of disclosures",
                        [&](const YAML::Node& item) {
                          if (auto disclosure = load_disclosure(item, file, context))
                            list.items.push_back(std::move(*disclosure));
                        });
  list.extra = top.extra();
  top.finish();
  return list;
}

}  // namespace trustsite
