// Where themes and locale files are found (SPEC 1): the site directory first, then trustsite's
// own data directory (the installed share/trustsite, or the source tree of a build tree).
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

namespace trustsite {

// trustsite's own data directory: $TRUSTSITE_DATA_DIR when set; else <prefix>/share/trustsite
// next to an installed <prefix>/bin/trustsite; else the source tree a build-tree binary was
// built from; else the configured install location.
std::filesystem::path data_dir();

// The directories searched, in order, for `themes/<name>/` and `locales/<code>.yaml`:
// {site_dir, data_dir()} (data_dir omitted when it is the same directory).
std::vector<std::filesystem::path> search_dirs(const std::filesystem::path& site_dir);

// The first existing `<dir>/<relative>` over search_dirs(site_dir), or nullopt.
std::optional<std::filesystem::path> find_in_search_dirs(const std::filesystem::path& site_dir,
                                                         const std::filesystem::path& relative);

}  // namespace trustsite
