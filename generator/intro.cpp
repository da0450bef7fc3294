#include "intro.h"

#include <algorithm>
#include <filesystem>

#include "front_matter.h"
#include "pages.h"
#include "utf8.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;

const IntroSource* shown_intro_source(const Intro& intro, const std::string& locale,
                                      const std::string& default_locale) {
  if (auto it = intro.by_locale.find(locale); it != intro.by_locale.end()) return &it->second;
  if (auto it = intro.by_locale.find(default_locale); it != intro.by_locale.end())
    return &it->second;
  return nullptr;
}

const std::vector<std::string>& intro_front_matter_fields() {
  static const std::vector<std::string> fields = {"title"};
  return fields;
}

namespace {

std::string lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string locale_list(const SiteConfig& config) {
  std::string list;
  for (const auto& locale : config.locales) list += (list.empty() ? "" : ", ") + locale;
  return list;
}

// One intro file's text: optional front matter, then a non-empty Markdown body.
std::optional<IntroSource> load_intro_text(std::string_view text, const std::string& file,
                                           const std::string& locale, const LoadContext& context) {
  DiagnosticSink& sink = context.sink;
  if (auto bad = find_invalid_utf8(text)) {
    const int line = 1 + static_cast<int>(std::count(text.begin(),
                                                     text.begin() + static_cast<long>(*bad), '\n'));
    sink.error({file, line, 0}, "invalid UTF-8; expected a UTF-8 encoded Markdown file");
    return std::nullopt;
  }
  const FrontMatterSplit split = split_front_matter(text);
  IntroSource source;
  source.locale = locale;
  source.file = file;
  if (split.has_front_matter) {
    if (!split.terminated) {
      sink.error({file, 1, 1}, "the front matter is not closed; expected a '---' line after it");
      return std::nullopt;
    }
    auto front = parse_yaml(split.yaml, file, sink, split.yaml_first_line);
    if (!front) return std::nullopt;
    if (!front->IsNull()) {
      MapReader reader(*front, file, sink, "the front matter", intro_front_matter_fields(),
                       split.yaml_first_line);
      if (!reader.ok()) return std::nullopt;
      if (auto title = reader.text("title", false)) source.title = *title;
      reader.finish();
    }
  }
  if (!check_markdown_body(split.body, split.body_first_line, file, "the introduction", "file",
                           sink))
    return std::nullopt;
  if (split.body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    sink.error({file, split.body_first_line, 1},
               "the introduction is empty; expected Markdown text (delete the file to show no "
               "introduction)");
    return std::nullopt;
  }
  source.body = std::string(split.body);
  source.body_line = split.body_first_line;
  return source;
}

}  // namespace

Intro load_intro(const LoadContext& context) {
  const SiteConfig& config = context.config;
  DiagnosticSink& sink = context.sink;
  Intro intro;
  std::vector<DirectoryEntry> entries = context.files.list(config.site_dir / "content");
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.path < b.path; });
  for (const DirectoryEntry& entry : entries) {
    const std::string name = entry.path.filename().string();
    const std::string lower = lowercase(name);
    const bool markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
    if (!lower.starts_with("intro.") || !markdown) continue;
    const std::string file = context.display(entry.path);
    if (!entry.is_regular) {
      sink.error({file, 0, 0},
                 "this is not a regular file (a directory, a broken link or a device); expected "
                 "a .md file");
      continue;
    }
    if (!name.ends_with(".md")) {
      sink.error({file, 0, 0}, "introduction files end in .md; expected " +
                                   name.substr(0, name.rfind('.')) + ".md");
      continue;
    }
    // intro.<locale>.md
    const std::string stem = name.substr(0, name.size() - 3);
    const auto dot = stem.find('.');
    const std::string prefix = stem.substr(0, dot);
    const std::string locale = stem.substr(dot + 1);
    if (prefix != "intro" || stem == "intro" || locale.empty()) {
      sink.error({file, 0, 0}, "introduction file name '" + name +
                                   "' has no locale; expected intro.<locale>.md, e.g. intro." +
                                   config.default_locale + ".md");
      continue;
    }
    if (std::find(config.locales.begin(), config.locales.end(), locale) == config.locales.end()) {
      sink.error({file, 0, 0}, "introduction locale '" + locale +
                                   "' is not in site.yaml's locales; expected one of: " +
                                   locale_list(config) + " (file names are case-sensitive)");
      continue;
    }
    auto text = context.read_text(entry.path, file, "a readable Markdown file");
    if (!text) continue;
    if (auto source = load_intro_text(*text, file, locale, context))
      intro.by_locale.emplace(locale, std::move(*source));
  }
  if (!intro.present()) return intro;
  if (!intro.by_locale.count(config.default_locale)) {
    const IntroSource& any = intro.by_locale.begin()->second;
    sink.error({any.file, 0, 0}, "the introduction exists only in " + any.locale +
                                     "; expected intro." + config.default_locale +
                                     ".md too (the default locale's file is the fallback)");
    return {};
  }
  const std::string& fallback = intro.by_locale.at(config.default_locale).file;
  for (const auto& locale : config.locales) {
    if (intro.by_locale.count(locale)) continue;
    sink.strict_warning({fallback, 0, 0}, "the introduction has no " + locale +
                                              " translation (intro." + locale + ".md); the " +
                                              config.default_locale +
                                              " text is shown with a not-translated notice");
    ++context.missing[locale];
  }
  return intro;
}

}  // namespace trustsite
