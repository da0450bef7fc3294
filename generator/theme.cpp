#include "theme.h"

#include <algorithm>

#include "data_dirs.h"
#include "map_reader.h"
#include "text_rules.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;

const std::vector<std::string>& theme_fields() {
  static const std::vector<std::string> fields = {"reserved_ids", "icons",
                                                  "content_security_policy"};
  return fields;
}

namespace {

// The first source expression of `policy` that could load from another origin or run inline
// code, or "" when every one is 'self', 'none' or a hash ('sha256-...', 'sha384-...',
// 'sha512-...'). Directive names are lowercase letters and '-'.
std::string unsafe_source(const std::string& policy) {
  std::size_t start = 0;
  while (start < policy.size()) {
    std::size_t end = policy.find(';', start);
    if (end == std::string::npos) end = policy.size();
    const std::string directive = policy.substr(start, end - start);
    std::size_t at = directive.find_first_not_of(' ');
    bool first = true;
    while (at != std::string::npos) {
      const std::size_t stop = std::min(directive.find(' ', at), directive.size());
      const std::string token = directive.substr(at, stop - at);
      if (first) {
        if (token.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos)
          return token;
        first = false;
      } else if (token != "'self'" && token != "'none'" && !token.starts_with("'sha256-") &&
                 !token.starts_with("'sha384-") && !token.starts_with("'sha512-")) {
        return token;
      }
      at = directive.find_first_not_of(' ', stop);
    }
    start = end + 1;
  }
  return {};
}

}  // namespace

std::optional<Theme> load_theme(const SiteConfig& config, const FileSystem& files,
                                DiagnosticSink& sink) {
  const fs::path relative = fs::path("themes") / config.theme;
  const auto dir = find_in_search_dirs(config.site_dir, config.data_dir, relative);
  if (!dir) {
    sink.error(config.theme_location,
               "theme '" + config.theme + "' not found (looked in " +
                   display_path(config.site_dir / relative, config.site_dir, config.data_dir) +
                   "/ and " +
                   display_path(config.data_dir / relative, config.site_dir, config.data_dir) +
                   "/); expected a directory themes/" + config.theme + "/ in the site");
    return std::nullopt;
  }
  Theme theme;
  theme.name = config.theme;
  theme.dir = *dir;
  theme.content_security_policy = kDefaultContentSecurityPolicy;
  for (const fs::path& templates : {config.site_dir / "templates", *dir / "templates"})
    theme.template_dirs.emplace_back(templates,
                                     display_path(templates, config.site_dir, config.data_dir));

  const fs::path data_file = *dir / "theme.yaml";
  if (!files.exists(data_file)) return theme;
  const std::string file = display_path(data_file, config.site_dir, config.data_dir);
  const ReadResult read = files.read(data_file, kMaxInputFileBytes);
  if (!read.ok()) {
    sink.error({file, 0, 0}, "this file " + describe_read_failure(read, kMaxInputFileBytes) +
                                 "; expected the theme's readable theme.yaml");
    return theme;
  }
  auto root = parse_yaml(read.text, file, sink);
  if (!root || root->IsNull()) return theme;
  MapReader reader(*root, file, sink, "theme.yaml", theme_fields());
  if (auto ids = reader.text_list("reserved_ids", false)) {
    for (const auto& id : *ids) {
      if (is_identifier(id))
        theme.reserved_ids.push_back(id);
      else
        sink.error(reader.location_of_value("reserved_ids"),
                   "reserved id " + quoted_excerpt(id) +
                       " is not an identifier; expected lowercase letters, digits and '-' "
                       "(^[a-z0-9][a-z0-9-]*$)");
    }
  }
  if (auto icons = reader.text_list("icons", false)) {
    for (const auto& icon : *icons) {
      if (is_identifier(icon))
        theme.icons.push_back(icon);
      else
        sink.error(reader.location_of_value("icons"),
                   "icon name " + quoted_excerpt(icon) +
                       " is not an identifier; expected lowercase letters, digits and '-' "
                       "(^[a-z0-9][a-z0-9-]*$)");
    }
  }
  if (auto policy = reader.text("content_security_policy", false)) {
    if (const std::string unsafe = unsafe_source(*policy); !unsafe.empty())
      sink.error(reader.location_of_value("content_security_policy"),
                 "content_security_policy has " + quoted_excerpt(unsafe) +
                     ", which could load from other origins or run inline code; expected "
                     "directives with only 'self', 'none' and hash sources (SPEC 4: pages load "
                     "nothing from other origins)");
    else
      theme.content_security_policy = *policy;
  }
  reader.finish();
  std::sort(theme.reserved_ids.begin(), theme.reserved_ids.end());
  std::sort(theme.icons.begin(), theme.icons.end());
  return theme;
}

}  // namespace trustsite
