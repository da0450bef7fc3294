#include "content.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <regex>
#include <thread>

#include "data_dirs.h"
#include "front_matter.h"
#include "yaml_reader.h"

namespace trustsite {

namespace fs = std::filesystem;

const char* to_string(Status status) {
  switch (status) {
    case Status::implemented:
      return "implemented";
    case Status::in_progress:
      return "in_progress";
    case Status::planned:
      return "planned";
    case Status::not_applicable:
      return "not_applicable";
  }
  return "planned";
}

const char* to_string(DpaStatus dpa) {
  switch (dpa) {
    case DpaStatus::signed_:
      return "signed";
    case DpaStatus::in_progress:
      return "in_progress";
    case DpaStatus::not_required:
      return "not_required";
  }
  return "in_progress";
}

const char* to_string(ChangeType type) {
  switch (type) {
    case ChangeType::added:
      return "added";
    case ChangeType::removed:
      return "removed";
    case ChangeType::updated:
      return "updated";
  }
  return "updated";
}

const PageSource* shown_page_source(const Page& page, const std::string& locale,
                                    const std::string& default_locale) {
  if (auto it = page.by_locale.find(locale); it != page.by_locale.end()) return &it->second;
  if (auto it = page.by_locale.find(default_locale); it != page.by_locale.end()) return &it->second;
  return nullptr;
}

const ContentFields& content_fields() {
  static const ContentFields fields{
      {"category", "controls"},
      {"id", "order", "icon", "title", "summary"},
      {"id", "title", "description", "status", "updated", "monitor", "frameworks"},
      {"subprocessors", "changes"},
      {"id", "name", "purpose", "location", "website", "dpa", "since"},
      {"date", "type", "subprocessor", "name", "note"},
      {"disclosures"},
      {"id", "title", "description", "status", "provider", "opt_in", "data_sent", "data_excluded",
       "used_for_training", "human_oversight"},
      {"title", "description", "order", "updated", "menu"},
  };
  return fields;
}

namespace {

const std::vector<std::string> kStatuses = {"implemented", "in_progress", "planned",
                                            "not_applicable"};
const std::vector<std::string> kDpaStatuses = {"signed", "in_progress", "not_required"};
const std::vector<std::string> kChangeTypes = {"added", "removed", "updated"};

// Largest Markdown body of a page file (bytes); larger ones are refused (docs/errors.md).
constexpr std::size_t kMaxPageBodyBytes = 1024 * 1024;

Status parse_status(const std::string& s) {
  if (s == "implemented") return Status::implemented;
  if (s == "in_progress") return Status::in_progress;
  if (s == "not_applicable") return Status::not_applicable;
  return Status::planned;
}

// The shared namespace of category, control, sub-processor and disclosure ids (SPEC 3).
class IdRegistry {
 public:
  explicit IdRegistry(DiagnosticSink& sink) : sink_(sink) {}
  void add(const std::string& id, const char* kind, const SourceLocation& location) {
    auto [it, inserted] = ids_.emplace(id, Entry{kind, location});
    if (inserted) return;
    const auto& first = it->second;
    sink_.error(location, "duplicate id '" + id + "': this " + kind + " uses the id of the " +
                              first.kind + " at " + first.location.file + ":" +
                              std::to_string(first.location.line) + ":" +
                              std::to_string(first.location.column) +
                              "; expected ids unique across categories, controls, sub-processors "
                              "and disclosures");
  }

 private:
  struct Entry {
    const char* kind;
    SourceLocation location;
  };
  DiagnosticSink& sink_;
  std::map<std::string, Entry> ids_;
};

struct Loader {
  const SiteConfig& config;
  DiagnosticSink& sink;
  const std::vector<std::string>& reserved;
  IdRegistry ids;
  std::map<std::string, int> missing_translations;

  LocalizedText localized(MapReader& reader, const char* key, bool required) {
    return reader.localized(key, required, config.locales, config.default_locale,
                            &missing_translations);
  }

  bool check_reserved(const std::string& id, const SourceLocation& location) {
    if (std::find(reserved.begin(), reserved.end(), id) == reserved.end()) return true;
    sink.error(location, "id '" + id + "' is reserved by the theme (it is an id on the page " +
                             "itself); expected another id (see docs/themes.md)");
    return false;
  }

  std::optional<std::string> element_id(MapReader& reader, const char* kind) {
    auto id = reader.identifier("id", true);
    if (!id) return std::nullopt;
    SourceLocation location = reader.location_of_value("id");
    check_reserved(*id, location);
    ids.add(*id, kind, location);
    return id;
  }

  void load_category_file(const fs::path& path, Content& content) {
    const std::string file = display_path(path, config.site_dir);
    auto text = read_text_file(path, file);
    if (!text) return;
    if (auto category = load_category_text(*text, file, path.stem().string()))
      content.categories.push_back(std::move(*category));
  }

  std::optional<std::string> read_text_file(const fs::path& path, const std::string& file) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      sink.error({file, 0, 0}, "cannot read file; expected a readable text file");
      return std::nullopt;
    }
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  // One controls file's text; `stem` is the file name without .yaml (the default category id).
  std::optional<Category> load_category_text(std::string_view text, const std::string& file,
                                             const std::string& stem) {
    return load_category(parse_yaml(text, file, sink), file, stem);
  }

  // A parsed controls file (nullopt: it did not parse, already reported).
  std::optional<Category> load_category(const std::optional<YAML::Node>& root,
                                        const std::string& file, const std::string& stem) {
    if (!root) return std::nullopt;
    if (root->IsNull()) {
      sink.error({file, 1, 1},
                 "the file is empty; expected a 'category' map and a 'controls' list");
      return std::nullopt;
    }
    const auto& fields = content_fields();
    MapReader top(*root, file, sink, file, fields.controls_file);
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
      if (!category.id.empty()) {
        SourceLocation location =
            reader.has("id") ? reader.location_of_value("id") : reader.location();
        check_reserved(category.id, location);
        ids.add(category.id, "category", location);
      }
      if (auto order = reader.integer("order", false, -1000000, 1000000))
        category.order = static_cast<int>(*order);
      if (auto icon = reader.text("icon", false)) {
        if (icon->size() > 64)
          sink.error(reader.location_of_value("icon"), "icon is " + std::to_string(icon->size()) +
                                                           " bytes long; expected a short symbol "
                                                           "such as an emoji (at most 64 bytes)");
        else
          category.icon = *icon;
      }
      category.title = localized(reader, "title", true);
      category.summary = localized(reader, "summary", false);
      reader.finish();
    }
    if (auto node = top.raw("controls", true)) {
      if (!node->IsSequence()) {
        sink.error(location_of(*node, file),
                   "'controls' is " + describe_node(*node) + "; expected a list of controls");
      } else {
        category.controls.reserve(node->size());
        for (const auto& item : *node) {
          if (auto control = load_control(item, file))
            category.controls.push_back(std::move(*control));
        }
      }
    }
    top.finish();
    return category;
  }

  std::optional<Control> load_control(const YAML::Node& node, const std::string& file) {
    const auto& fields = content_fields();
    std::string what = "control";
    if (node.IsMap() && node["id"] && node["id"].IsScalar())
      what = "control '" + node["id"].Scalar().substr(0, 64) + "'";
    MapReader reader(node, file, sink, what, fields.control);
    if (!reader.ok()) return std::nullopt;
    Control control;
    control.location = reader.location();
    if (auto id = element_id(reader, "control")) control.id = *id;
    control.title = localized(reader, "title", true);
    control.description = localized(reader, "description", true);
    if (auto status = reader.one_of("status", true, kStatuses))
      control.status = parse_status(*status);
    control.updated = reader.date("updated", false);
    if (auto monitor = reader.text("monitor", false)) {
      // Monitor ids are the source's own ids (SPEC 6): any text, but a sane length.
      if (monitor->size() > 200)
        sink.error(
            reader.location_of_value("monitor"),
            "monitor is longer than 200 bytes; expected an item id of the monitoring source");
      else {
        control.monitor = *monitor;
        control.monitor_location = reader.location_of_value("monitor");
      }
    }
    if (auto frameworks = reader.text_list("frameworks", false)) control.frameworks = *frameworks;
    reader.finish();
    if (control.id.empty()) return std::nullopt;
    return control;
  }

  void load_subprocessors(const fs::path& path, Content& content) {
    const std::string file = display_path(path, config.site_dir);
    content.has_subprocessors = true;
    auto root = load_yaml_file(path, file, sink);
    if (!root) return;
    const auto& fields = content_fields();
    if (root->IsNull()) {
      sink.error({file, 1, 1}, "the file is empty; expected a 'subprocessors' list");
      return;
    }
    MapReader top(*root, file, sink, file, fields.subprocessors_file);
    if (!top.ok()) return;
    if (auto list = top.raw("subprocessors", true)) {
      if (!list->IsSequence()) {
        sink.error(location_of(*list, file), "'subprocessors' is " + describe_node(*list) +
                                                 "; expected a list of sub-processors");
      } else {
        for (const auto& item : *list) {
          std::string what = "sub-processor";
          if (item.IsMap() && item["id"] && item["id"].IsScalar())
            what += " '" + item["id"].Scalar().substr(0, 64) + "'";
          MapReader reader(item, file, sink, what, fields.subprocessor);
          if (!reader.ok()) continue;
          Subprocessor subprocessor;
          subprocessor.source_location = reader.location();
          if (auto id = element_id(reader, "sub-processor")) subprocessor.id = *id;
          if (auto name = reader.text("name", true)) subprocessor.name = *name;
          subprocessor.purpose = localized(reader, "purpose", true);
          subprocessor.location = localized(reader, "location", true);
          if (auto website = reader.text("website", false)) {
            static const std::regex url(
                "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s<>\"'`]*)?");
            if (std::regex_match(*website, url) && website->size() < 2000)
              subprocessor.website = *website;
            else
              sink.error(reader.location_of_value("website"),
                         "website of " + what +
                             " is not an http(s) URL; expected e.g. "
                             "https://example.com (other schemes are refused)");
          }
          if (auto dpa = reader.one_of("dpa", true, kDpaStatuses))
            subprocessor.dpa = *dpa == "signed"         ? DpaStatus::signed_
                               : *dpa == "not_required" ? DpaStatus::not_required
                                                        : DpaStatus::in_progress;
          subprocessor.since = reader.date("since", false);
          reader.finish();
          if (!subprocessor.id.empty()) content.subprocessors.push_back(std::move(subprocessor));
        }
      }
    }
    if (auto list = top.raw("changes", false)) {
      if (!list->IsSequence()) {
        sink.error(location_of(*list, file),
                   "'changes' is " + describe_node(*list) + "; expected a list of changes");
      } else {
        for (const auto& item : *list) load_change(item, file, content);
      }
    }
    top.finish();
    std::stable_sort(
        content.changes.begin(), content.changes.end(),
        [](const SubprocessorChange& a, const SubprocessorChange& b) { return a.date > b.date; });
  }

  void load_change(const YAML::Node& item, const std::string& file, Content& content) {
    MapReader reader(item, file, sink, "sub-processor change", content_fields().change);
    if (!reader.ok()) return;
    SubprocessorChange change;
    change.location = reader.location();
    auto date = reader.date("date", true);
    auto type = reader.one_of("type", true, kChangeTypes);
    auto id = reader.identifier("subprocessor", true);
    if (auto name = reader.text("name", false)) change.name = *name;
    change.note = localized(reader, "note", false);
    reader.finish();
    if (!date || !type || !id) return;
    change.date = *date;
    change.type = *type == "added"     ? ChangeType::added
                  : *type == "removed" ? ChangeType::removed
                                       : ChangeType::updated;
    change.subprocessor = *id;
    const bool listed = std::any_of(content.subprocessors.begin(), content.subprocessors.end(),
                                    [&](const Subprocessor& s) { return s.id == *id; });
    if (!listed) {
      if (change.type != ChangeType::removed) {
        sink.error(reader.location_of_value("subprocessor"),
                   "change names unknown sub-processor '" + *id +
                       "'; expected an id listed under 'subprocessors' (only a 'removed' change "
                       "may name a former one, with its 'name')");
        return;
      }
      if (change.name.empty()) {
        sink.error(reader.location(), "removed sub-processor '" + *id +
                                          "' is no longer listed, so the change needs its "
                                          "display name; expected a 'name' field");
        return;
      }
    }
    content.changes.push_back(std::move(change));
  }

  void load_disclosures(const fs::path& path, Content& content) {
    const std::string file = display_path(path, config.site_dir);
    content.has_disclosures = true;
    auto root = load_yaml_file(path, file, sink);
    if (!root) return;
    const auto& fields = content_fields();
    if (root->IsNull()) {
      sink.error({file, 1, 1}, "the file is empty; expected a 'disclosures' list");
      return;
    }
    MapReader top(*root, file, sink, file, fields.ai_file);
    if (!top.ok()) return;
    auto list = top.raw("disclosures", true);
    top.finish();
    if (!list) return;
    if (!list->IsSequence()) {
      sink.error(location_of(*list, file),
                 "'disclosures' is " + describe_node(*list) + "; expected a list of disclosures");
      return;
    }
    for (const auto& item : *list) {
      std::string what = "disclosure";
      if (item.IsMap() && item["id"] && item["id"].IsScalar())
        what += " '" + item["id"].Scalar().substr(0, 64) + "'";
      MapReader reader(item, file, sink, what, fields.disclosure);
      if (!reader.ok()) continue;
      Disclosure disclosure;
      disclosure.location = reader.location();
      if (auto id = element_id(reader, "disclosure")) disclosure.id = *id;
      disclosure.title = localized(reader, "title", true);
      disclosure.description = localized(reader, "description", true);
      if (auto status = reader.one_of("status", true, kStatuses))
        disclosure.status = parse_status(*status);
      if (auto provider = reader.identifier("provider", true)) {
        disclosure.provider = *provider;
        const bool listed = std::any_of(content.subprocessors.begin(), content.subprocessors.end(),
                                        [&](const Subprocessor& s) { return s.id == *provider; });
        if (!listed)
          sink.error(reader.location_of_value("provider"),
                     "provider '" + *provider + "' of " + what +
                         " is not a sub-processor; expected an id listed in "
                         "content/subprocessors.yaml");
      }
      if (auto opt_in = reader.boolean("opt_in", true)) disclosure.opt_in = *opt_in;
      disclosure.data_sent = localized(reader, "data_sent", true);
      disclosure.data_excluded = localized(reader, "data_excluded", true);
      if (auto training = reader.boolean("used_for_training", true))
        disclosure.used_for_training = *training;
      disclosure.human_oversight = localized(reader, "human_oversight", true);
      reader.finish();
      if (!disclosure.id.empty()) content.disclosures.push_back(std::move(disclosure));
    }
  }

  // One page file's text (front matter and Markdown body) in `locale`.
  std::optional<PageSource> load_page_text(std::string_view text, const std::string& file,
                                           const std::string& locale) {
    if (auto bad = find_invalid_utf8(text)) {
      int line = 1 + static_cast<int>(
                         std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n'));
      sink.error({file, line, 0}, "invalid UTF-8; expected a UTF-8 encoded Markdown file");
      return std::nullopt;
    }
    FrontMatterSplit split = split_front_matter(text);
    if (!split.has_front_matter) {
      sink.error({file, 1, 1},
                 "the page has no front matter; expected a first line '---', "
                 "YAML with at least 'title', and a closing '---' line");
      return std::nullopt;
    }
    if (!split.terminated) {
      sink.error({file, 1, 1}, "the front matter is not closed; expected a '---' line after it");
      return std::nullopt;
    }
    auto front = parse_yaml(split.yaml, file, sink, split.yaml_first_line);
    if (!front) return std::nullopt;
    if (front->IsNull()) {
      sink.error({file, 1, 1}, "the front matter is empty; expected at least a 'title'");
      return std::nullopt;
    }
    PageSource source;
    source.locale = locale;
    source.file = file;
    MapReader reader(*front, file, sink, "the front matter", content_fields().front_matter,
                     split.yaml_first_line);
    if (!reader.ok()) return std::nullopt;
    if (auto title = reader.text("title", true)) source.title = *title;
    if (auto description = reader.text("description", false)) source.description = *description;
    if (auto order = reader.integer("order", false, -1000000, 1000000))
      source.order = static_cast<int>(*order);
    source.updated = reader.date("updated", false);
    if (auto menu = reader.boolean("menu", false)) source.menu = *menu;
    reader.finish();
    if (split.body.size() > kMaxPageBodyBytes) {
      sink.error({file, split.body_first_line, 1},
                 "the page body is " + std::to_string(split.body.size()) +
                     " bytes long; expected at most " + std::to_string(kMaxPageBodyBytes) +
                     " bytes (1 MiB) per page");
      return std::nullopt;
    }
    if (auto bad = find_forbidden_character(split.body)) {
      const std::string_view before = split.body.substr(0, bad->offset);
      const auto line = split.body_first_line + std::count(before.begin(), before.end(), '\n');
      const auto line_start = before.rfind('\n');
      const auto column =
          bad->offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
      sink.error({file, static_cast<int>(line), static_cast<int>(column)},
                 "the page body contains " + describe_character(bad->code_point) +
                     (bad->code_point >= 0x202A
                          ? ", which can make text display in a different order than it reads; "
                            "expected text without bidirectional overrides, embeddings or isolates"
                          : "; expected printable text (tab and line breaks are the only control "
                            "characters allowed)"));
      return std::nullopt;
    }
    source.body = std::string(split.body);
    source.body_line = split.body_first_line;
    return source;
  }

  void load_page_file(const fs::path& path, std::map<std::string, Page>& pages) {
    const std::string file = display_path(path, config.site_dir);
    // <slug>.<locale>.md
    const std::string name = path.filename().string();
    const std::string stem = name.substr(0, name.size() - 3);
    const auto dot = stem.rfind('.');
    if (dot == std::string::npos) {
      sink.error({file, 0, 0}, "page file name '" + name +
                                   "' has no locale; expected <slug>.<locale>.md, e.g. privacy." +
                                   config.default_locale + ".md");
      return;
    }
    const std::string slug = stem.substr(0, dot), locale = stem.substr(dot + 1);
    if (!is_identifier(slug)) {
      sink.error({file, 0, 0}, "page slug '" + slug +
                                   "' is not a valid identifier; expected lowercase letters, "
                                   "digits and '-' (^[a-z0-9][a-z0-9-]*$)");
      return;
    }
    if (std::find(config.locales.begin(), config.locales.end(), locale) == config.locales.end()) {
      std::string list;
      for (const auto& l : config.locales) list += (list.empty() ? "" : ", ") + l;
      sink.error({file, 0, 0}, "page locale '" + locale +
                                   "' is not in site.yaml's locales; expected one of: " + list +
                                   " (file names are case-sensitive)");
      return;
    }
    check_reserved(slug, {file, 0, 0});
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      sink.error({file, 0, 0}, "cannot read the page file; expected a readable Markdown file");
      return;
    }
    auto source = load_page_text(text, file, locale);
    if (!source) return;
    Page& page = pages[slug];
    page.slug = slug;
    auto [it, inserted] = page.by_locale.emplace(locale, std::move(*source));
    if (!inserted)
      sink.error({file, 0, 0}, "a second file for page '" + slug + "' in locale " + locale +
                                   " (the first is " + it->second.file +
                                   "); expected one file per slug and locale");
  }
};

// The regular files in `dir` ending in `extension`, sorted. An entry with that ending that is
// not a regular file (a directory, a broken symbolic link, a device) is reported, so no input
// is skipped silently; a missing `sink` skips the report.
std::vector<fs::path> sorted_files(const fs::path& dir, const std::string& extension,
                                   const fs::path& site_dir, DiagnosticSink* sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != extension) continue;
    std::error_code type_ec;
    if (it->is_regular_file(type_ec))
      files.push_back(it->path());
    else if (sink != nullptr)
      sink->error({display_path(it->path(), site_dir), 0, 0},
                  "this is not a regular file (a directory, a broken link or a device); expected "
                  "a " +
                      extension + " file");
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The page files to load from content/pages/. Two files that name the same page and locale
// once file-name case and the .markdown spelling are ignored (privacy.en.md, privacy.EN.md,
// privacy.en.markdown) are an error naming both: on a case-insensitive file system (macOS,
// Windows) they would be one file, and an editor cannot tell which one is published. Only the
// exact <slug>.<locale>.md spelling is loaded; a lone .markdown file is an error.
std::vector<fs::path> page_files(const fs::path& dir, const SiteConfig& config,
                                 DiagnosticSink& sink) {
  std::map<std::string, std::vector<fs::path>> by_key;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string extension = lowercase(it->path().extension().string());
    if (extension != ".md" && extension != ".markdown") continue;
    by_key[lowercase(it->path().stem().string())].push_back(it->path());
  }
  std::vector<fs::path> files;
  for (auto& [key, group] : by_key) {
    std::sort(group.begin(), group.end());
    const std::string canonical = key + ".md";
    auto is_canonical = [&](const fs::path& p) { return p.filename().string() == canonical; };
    auto chosen = std::find_if(group.begin(), group.end(), is_canonical);
    if (group.size() > 1) {
      const fs::path& first = chosen != group.end() ? *chosen : group.front();
      for (const auto& other : group) {
        if (other == first) continue;
        sink.error({display_path(other, config.site_dir), 0, 0},
                   "a second file for the same page and locale as " +
                       display_path(first, config.site_dir) +
                       " (file names differ only in case or in .md/.markdown); expected one "
                       "file named " +
                       canonical);
      }
    } else if (chosen == group.end()) {
      const fs::path& only = group.front();
      if (lowercase(only.extension().string()) == ".markdown") {
        sink.error({display_path(only, config.site_dir), 0, 0},
                   "page files end in .md; expected " + only.stem().string() + ".md");
        continue;
      }
      // Upper-case letters: load_page_file() reports the slug or locale that breaks the rule.
      files.push_back(only);
      continue;
    }
    if (chosen != group.end()) files.push_back(*chosen);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Content load_content(const SiteConfig& config, DiagnosticSink& sink,
                     const std::vector<std::string>& reserved_ids) {
  Content content;
  Loader loader{config, sink, reserved_ids, IdRegistry(sink), {}};
  std::error_code ec;
  const fs::path content_dir = config.site_dir / "content";
  const fs::path controls_dir = content_dir / "controls";
  if (!fs::is_directory(controls_dir, ec)) {
    sink.error({"content/controls", 0, 0},
               "no content/controls/ directory; expected one YAML file per category in it");
  } else {
    auto files = sorted_files(controls_dir, ".yaml", config.site_dir, &sink);
    auto yml = sorted_files(controls_dir, ".yml", config.site_dir, nullptr);
    for (const auto& file : yml)
      sink.error({display_path(file, config.site_dir), 0, 0},
                 "category files end in .yaml; expected " + file.stem().string() + ".yaml");
    if (files.empty())
      sink.error({"content/controls", 0, 0},
                 "content/controls/ has no .yaml files; expected one file per category");
    // Parsing is most of the work and independent per file: parse in parallel, then load in
    // file order (the id namespace and diagnostics do not depend on thread timing).
    std::vector<std::optional<YAML::Node>> roots(files.size());
    std::atomic<std::size_t> next{0};
    auto parse = [&] {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        const std::string file = display_path(files[i], config.site_dir);
        if (auto text = loader.read_text_file(files[i], file))
          roots[i] = parse_yaml(*text, file, sink);
      }
    };
    const std::size_t workers =
        std::min<std::size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < workers; ++i) threads.emplace_back(parse);
    parse();
    for (auto& thread : threads) thread.join();
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (auto category = loader.load_category(roots[i], display_path(files[i], config.site_dir),
                                               files[i].stem().string()))
        content.categories.push_back(std::move(*category));
      roots[i].reset();
    }
  }
  std::stable_sort(content.categories.begin(), content.categories.end(),
                   [](const Category& a, const Category& b) {
                     return std::tie(a.order, a.id) < std::tie(b.order, b.id);
                   });

  if (fs::exists(content_dir / "subprocessors.yaml", ec))
    loader.load_subprocessors(content_dir / "subprocessors.yaml", content);
  if (fs::exists(content_dir / "ai.yaml", ec)) {
    if (!content.has_subprocessors) {
      sink.error({"content/ai.yaml", 0, 0},
                 "AI disclosures name their provider as a sub-processor, but there is no "
                 "content/subprocessors.yaml; expected that file with each provider listed");
    }
    loader.load_disclosures(content_dir / "ai.yaml", content);
  }

  std::map<std::string, Page> pages;
  for (const auto& file : page_files(content_dir / "pages", config, sink))
    loader.load_page_file(file, pages);
  for (auto& [slug, page] : pages) {
    if (!page.by_locale.count(config.default_locale)) {
      const PageSource& any = page.by_locale.begin()->second;
      sink.error({any.file, 0, 0}, "page '" + slug + "' exists only in " + any.locale +
                                       "; expected " + slug + "." + config.default_locale +
                                       ".md too (the default locale's file is the fallback)");
      continue;
    }
    for (const auto& locale : config.locales) {
      if (!page.by_locale.count(locale)) {
        sink.strict_warning({page.by_locale.at(config.default_locale).file, 0, 0},
                            "page '" + slug + "' has no " + locale + " translation (" + slug + "." +
                                locale + ".md); the " + config.default_locale +
                                " page is shown with a not-translated notice");
        ++loader.missing_translations[locale];
      }
    }
    content.pages.push_back(std::move(page));
  }
  std::stable_sort(content.pages.begin(), content.pages.end(), [&](const Page& a, const Page& b) {
    int order_a = a.by_locale.at(config.default_locale).order.value_or(0);
    int order_b = b.by_locale.at(config.default_locale).order.value_or(0);
    return std::tie(order_a, a.slug) < std::tie(order_b, b.slug);
  });

  if (config.security_txt && !config.security_txt->policy_page.empty()) {
    const auto& slug = config.security_txt->policy_page;
    if (std::none_of(content.pages.begin(), content.pages.end(),
                     [&](const Page& p) { return p.slug == slug; }))
      sink.error(config.security_txt->policy_page_location,
                 "security_txt.policy_page '" + slug +
                     "' is not a page; expected the slug of a file in content/pages/ (e.g. " +
                     slug + "." + config.default_locale + ".md)");
  }

  for (const auto& [locale, count] : config.missing_translations)
    loader.missing_translations[locale] += count;
  for (const auto& [locale, count] : loader.missing_translations) {
    sink.strict_warning({}, std::to_string(count) + " missing " + locale + " translation" +
                                (count == 1 ? "" : "s") + " in total (shown in " +
                                config.default_locale + " instead)");
  }
  return content;
}

std::optional<Category> load_category_text(std::string_view text, const std::string& file,
                                           const SiteConfig& config, DiagnosticSink& sink) {
  const std::vector<std::string> reserved;
  Loader loader{config, sink, reserved, IdRegistry(sink), {}};
  std::string stem = fs::path(file).stem().string();
  return loader.load_category_text(text, file, stem);
}

std::optional<PageSource> load_page_text(std::string_view text, const std::string& file,
                                         const std::string& locale, const SiteConfig& config,
                                         DiagnosticSink& sink) {
  const std::vector<std::string> reserved;
  Loader loader{config, sink, reserved, IdRegistry(sink), {}};
  return loader.load_page_text(text, file, locale);
}

}  // namespace trustsite
