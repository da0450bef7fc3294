#include "controls.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "parallel.h"
#include "text_rules.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;

const ControlFields& control_fields() {
  static const ControlFields fields{
      {"category", "controls", "extra"},
      {"id", "order", "icon", "title", "summary", "extra"},
      {"id", "title", "description", "status", "updated", "monitor", "frameworks", "extra"},
  };
  return fields;
}

namespace {

std::optional<Control> load_control(const YAML::Node& node, const std::string& file,
                                    const LoadContext& context) {
  MapReader reader(node, file, context.sink, item_name("control", node), control_fields().control);
  if (!reader.ok()) return std::nullopt;
  Control control;
  control.location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    control.id = *id;
    control.id_location = reader.location_of_value("id");
  }
  control.title = context.localized(reader, "title", true);
  control.description = context.markdown(reader, "description", true);
  if (auto status = reader.choice("status", true, kStatuses)) control.status = *status;
  control.updated = reader.date("updated", false);
  if (auto monitor = reader.text("monitor", false)) {
    // Monitor ids are the source's own ids (SPEC 6): any text, but a sane length.
    if (monitor->size() > 200)
      context.sink.error(
          reader.location_of_value("monitor"),
          "monitor is longer than 200 bytes; expected an item id of the monitoring source");
    else {
      control.monitor = *monitor;
      control.monitor_location = reader.location_of_value("monitor");
    }
  }
  if (auto frameworks = reader.text_list("frameworks", false)) control.frameworks = *frameworks;
  control.extra = reader.extra();
  reader.finish();
  if (control.id.empty()) return std::nullopt;
  return control;
}

// A parsed controls file (nullopt: it did not parse, already reported).
std::optional<Category> load_category(const std::optional<YAML::Node>& root,
                                      const std::string& file, const std::string& stem,
                                      const LoadContext& context) {
  if (!root) return std::nullopt;
  DiagnosticSink& sink = context.sink;
  if (root->IsNull()) {
    sink.error({file, 1, 1}, "the file is empty; expected a 'category' map and a 'controls' list");
    return std::nullopt;
  }
  const ControlFields& fields = control_fields();
  MapReader top(*root, file, sink, file, fields.file);
  if (!top.ok()) return std::nullopt;
  Category category;
  category.file = file;
  if (auto node = top.raw("category", true)) {
    MapReader reader(*node, file, sink, "category", fields.category);
    category.location = reader.location();
    if (reader.has("id")) {
      if (auto id = reader.identifier("id", true)) category.id = *id;
    } else {
      category.id = stem;
      if (!is_identifier(category.id)) {
        sink.error({file, 0, 0}, "the file name '" + stem + ".yaml" +
                                     "' is not a valid category id and the category has no "
                                     "'id'; expected a name like data-at-rest.yaml");
        category.id.clear();
      }
    }
    category.id_location = reader.has("id") ? reader.location_of_value("id") : reader.location();
    if (auto order = reader.integer("order", false, -1000000, 1000000))
      category.order = static_cast<int>(*order);
    if (auto icon = reader.text("icon", false)) {
      if (icon->size() > 64)
        sink.error(reader.location_of_value("icon"), "icon is " + std::to_string(icon->size()) +
                                                         " bytes long; expected a short symbol "
                                                         "such as an emoji (at most 64 bytes)");
      else
        category.icon = *icon;
      category.icon_location = reader.location_of_value("icon");
    }
    category.title = context.localized(reader, "title", true);
    category.summary = context.markdown(reader, "summary", false);
    category.extra = reader.extra();
    reader.finish();
  }
  if (auto node = top.raw("controls", true)) {
    if (!node->IsSequence()) {
      sink.error(top.at(*node),
                 "'controls' is " + describe_node(*node) + "; expected a list of controls");
    } else {
      category.controls.reserve(node->size());
      for (const auto& item : *node) {
        if (auto control = load_control(item, file, context))
          category.controls.push_back(std::move(*control));
      }
    }
  }
  category.file_extra = top.extra();
  top.finish();
  return category;
}

}  // namespace

std::vector<Category> load_categories(const LoadContext& context) {
  std::vector<Category> categories;
  DiagnosticSink& sink = context.sink;
  const fs::path controls_dir = context.config.site_dir / "content" / "controls";
  if (!context.files.is_directory(controls_dir)) {
    sink.error({"content/controls", 0, 0},
               "no content/controls/ directory; expected one YAML file per category in it");
    return categories;
  }
  std::vector<fs::path> files;
  for (const DirectoryEntry& entry : context.files.list(controls_dir)) {
    const std::string extension = entry.path.extension().string();
    if (extension == ".yml") {
      sink.error({context.display(entry.path), 0, 0},
                 "category files end in .yaml; expected " + entry.path.stem().string() + ".yaml");
    } else if (extension == ".yaml") {
      if (entry.is_regular)
        files.push_back(entry.path);
      else
        sink.error({context.display(entry.path), 0, 0},
                   "this is not a regular file (a directory, a broken link or a device); "
                   "expected a .yaml file");
    }
  }
  if (files.empty())
    sink.error({"content/controls", 0, 0},
               "content/controls/ has no .yaml files; expected one file per category");
  // Parsing and loading are independent per file: each worker parses one file, loads it and
  // drops its YAML tree at once (only one tree per thread is alive, not every file's). Each file
  // reports into its own sink, merged in file order afterwards, so the diagnostics and the
  // missing-translation counts do not depend on thread timing.
  struct Loaded {
    explicit Loaded(bool strict) : sink(strict) {}
    DiagnosticSink sink;
    MissingTranslations missing;
    std::optional<Category> category;
  };
  std::vector<std::unique_ptr<Loaded>> loaded(files.size());
  for (auto& slot : loaded) slot = std::make_unique<Loaded>(sink.strict());
  parallel_for(files.size(), [&](std::size_t i) {
    Loaded& slot = *loaded[i];
    const LoadContext local{context.config, context.files, slot.sink, slot.missing};
    const std::string file = context.display(files[i]);
    slot.category =
        load_category(local.read_yaml(files[i], file), file, files[i].stem().string(), local);
  });
  categories.reserve(files.size());
  for (auto& slot : loaded) {
    for (Diagnostic& diagnostic : slot->sink.sorted()) sink.report(std::move(diagnostic));
    for (const auto& [locale, count] : slot->missing) context.missing[locale] += count;
    if (slot->category) categories.push_back(std::move(*slot->category));
    slot.reset();
  }
  std::stable_sort(categories.begin(), categories.end(), [](const Category& a, const Category& b) {
    return std::tie(a.order, a.id) < std::tie(b.order, b.id);
  });
  return categories;
}

std::optional<Category> load_category_text(std::string_view text, const std::string& file,
                                           const LoadContext& context) {
  return load_category(parse_yaml(text, file, context.sink), file, fs::path(file).stem().string(),
                       context);
}

}  // namespace trustsite
