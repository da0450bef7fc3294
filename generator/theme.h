// The theme (SPEC 1, SPEC 8): where its templates and static files are, and the data it owns,
// read from its own themes/<name>/theme.yaml: the ids it puts on the Trust Center page (which
// content ids must not use) and the Content-Security-Policy its pages need.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config.h"
#include "diagnostics.h"
#include "file_system.h"

namespace trustsite {

struct Theme {
  std::string name;
  std::filesystem::path dir;              // <site or data dir>/themes/<name>
  std::vector<std::string> reserved_ids;  // sorted
  // The icon names the theme draws (`icons:`, sorted); a category icon that is an identifier
  // must be one of them. Empty without the list: names are then not checked.
  std::vector<std::string> icons;
  // The page policy (W3C CSP Level 3) for the <meta http-equiv> the theme writes and for the
  // `_headers` file; only 'self', 'none' and hash sources, so pages load nothing from other
  // origins and run no inline code (SPEC 4).
  std::string content_security_policy;
  // Template lookup order (SPEC 8): <site>/templates, then the theme's templates; each with its
  // display path for diagnostics.
  std::vector<std::pair<std::filesystem::path, std::string>> template_dirs;
};

// The policy of a theme without a theme.yaml, or one that declares none.
inline constexpr const char* kDefaultContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

// The field names of theme.yaml.
const std::vector<std::string>& theme_fields();

// Finds themes/<config.theme>/ (the site's own first, then trustsite's; SPEC 1) and reads its
// theme.yaml when there is one. A missing theme is an error at site.yaml's `theme` value
// (nullopt); a theme.yaml with unknown fields, ids or icon names that break the identifier rule
// or a policy
// that allows other origins or inline code is an error at its position.
std::optional<Theme> load_theme(const SiteConfig& config, const FileSystem& files,
                                DiagnosticSink& sink);

}  // namespace trustsite
