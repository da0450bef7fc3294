#include "pages.h"

#include <algorithm>
#include <filesystem>

#include "front_matter.h"
#include "text_rules.h"
#include "utf8.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;

const PageSource* shown_page_source(const Page& page, const std::string& locale,
                                    const std::string& default_locale) {
  if (auto it = page.by_locale.find(locale); it != page.by_locale.end()) return &it->second;
  if (auto it = page.by_locale.find(default_locale); it != page.by_locale.end()) return &it->second;
  return nullptr;
}

const std::vector<std::string>& front_matter_fields() {
  static const std::vector<std::string> fields = {"title",   "description", "order",
                                                  "updated", "menu",        "extra"};
  return fields;
}

bool check_markdown_body(std::string_view body, int first_line, const std::string& file,
                         const std::string& what, const std::string& unit, DiagnosticSink& sink) {
  if (body.size() > kMaxPageBodyBytes) {
    sink.error({file, first_line, 1},
               what + " is " + std::to_string(body.size()) + " bytes long; expected at most " +
                   std::to_string(kMaxPageBodyBytes) + " bytes (1 MiB) per " + unit);
    return false;
  }
  // line:col in the file of byte `offset` of the body.
  auto position = [&](std::size_t offset) {
    const std::string_view before = body.substr(0, offset);
    const auto line = first_line + std::count(before.begin(), before.end(), '\n');
    const auto line_start = before.rfind('\n');
    const auto column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return SourceLocation{file, static_cast<int>(line), static_cast<int>(column)};
  };
  if (auto bad = find_forbidden_character(body)) {
    sink.error(position(bad->offset),
               what + " contains " + describe_character(bad->code_point) +
                   (bad->code_point >= 0x202A
                        ? ", which can make text display in a different order than it reads; "
                          "expected text without bidirectional overrides, embeddings or isolates"
                        : "; expected printable text (tab and line breaks are the only control "
                          "characters allowed)"));
    return false;
  }
  // GFM tables within the limits (markdown.h), before anything parses the body.
  if (const std::string problem = table_problem(body); !problem.empty()) {
    sink.error({file, first_line, 1}, what + " " + problem);
    return false;
  }
  if (auto reference = find_forbidden_reference(body)) {
    sink.error(position(reference->offset),
               what + " " + reference_problem(body, *reference, false));
    return false;
  }
  return true;
}

// One page file's text (front matter and Markdown body) in `locale`.
std::optional<PageSource> load_page_text(std::string_view text, const std::string& file,
                                         const std::string& locale, const LoadContext& context) {
  DiagnosticSink& sink = context.sink;
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
  MapReader reader(*front, file, sink, "the front matter", front_matter_fields(),
                   split.yaml_first_line);
  if (!reader.ok()) return std::nullopt;
  if (auto title = reader.text("title", true)) source.title = *title;
  if (auto description = reader.text("description", false)) source.description = *description;
  if (auto order = reader.integer("order", false, -1000000, 1000000))
    source.order = static_cast<int>(*order);
  source.updated = reader.date("updated", false);
  if (auto menu = reader.boolean("menu", false)) source.menu = *menu;
  source.extra = reader.extra();
  reader.finish();
  if (!check_markdown_body(split.body, split.body_first_line, file, "the page body", "page", sink))
    return std::nullopt;
  source.body = std::string(split.body);
  source.body_line = split.body_first_line;
  return source;
}

namespace {

void load_page_file(const fs::path& path, const LoadContext& context,
                    std::map<std::string, Page>& pages) {
  const SiteConfig& config = context.config;
  DiagnosticSink& sink = context.sink;
  const std::string file = context.display(path);
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
  auto text = context.read_text(path, file, "a readable Markdown file");
  if (!text) return;
  auto source = load_page_text(*text, file, locale, context);
  if (!source) return;
  Page& page = pages[slug];
  page.slug = slug;
  auto [it, inserted] = page.by_locale.emplace(locale, std::move(*source));
  if (!inserted)
    sink.error({file, 0, 0}, "a second file for page '" + slug + "' in locale " + locale +
                                 " (the first is " + it->second.file +
                                 "); expected one file per slug and locale");
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
std::vector<fs::path> page_files(const fs::path& dir, const LoadContext& context) {
  DiagnosticSink& sink = context.sink;
  std::map<std::string, std::vector<fs::path>> by_key;
  for (const DirectoryEntry& entry : context.files.list(dir)) {
    const std::string extension = lowercase(entry.path.extension().string());
    if (extension != ".md" && extension != ".markdown") continue;
    if (!entry.is_regular) {
      sink.error({context.display(entry.path), 0, 0},
                 "this is not a regular file (a directory, a broken link or a device); expected "
                 "a .md file");
      continue;
    }
    by_key[lowercase(entry.path.stem().string())].push_back(entry.path);
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
        sink.error({context.display(other), 0, 0},
                   "a second file for the same page and locale as " + context.display(first) +
                       " (file names differ only in case or in .md/.markdown); expected one "
                       "file named " +
                       canonical);
      }
    } else if (chosen == group.end()) {
      const fs::path& only = group.front();
      if (lowercase(only.extension().string()) == ".markdown") {
        sink.error({context.display(only), 0, 0},
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

std::vector<Page> load_pages(const LoadContext& context) {
  const SiteConfig& config = context.config;
  DiagnosticSink& sink = context.sink;
  std::vector<Page> result;
  std::map<std::string, Page> pages;
  for (const auto& file : page_files(config.site_dir / "content" / "pages", context))
    load_page_file(file, context, pages);
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
        ++context.missing[locale];
      }
    }
    result.push_back(std::move(page));
  }
  std::stable_sort(result.begin(), result.end(), [&](const Page& a, const Page& b) {
    int order_a = a.by_locale.at(config.default_locale).order.value_or(0);
    int order_b = b.by_locale.at(config.default_locale).order.value_or(0);
    return std::tie(order_a, a.slug) < std::tie(order_b, b.slug);
  });

  return result;
}

}  // namespace trustsite
