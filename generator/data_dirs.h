// Where themes and locale files are found (SPEC 1): the site directory first, then trustsite's
// own data directory (the installed share/trustsite, or the source tree of a build tree), and
// how input files are named in diagnostics.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trustsite {

// The directories searched, in order, for `themes/<name>/` and `locales/<code>.yaml`:
// {site_dir, data_dir} (data_dir omitted when it is the same directory).
std::vector<std::filesystem::path> search_dirs(const std::filesystem::path& site_dir,
                                               const std::filesystem::path& data_dir);

// The first existing `<dir>/<relative>` over search_dirs(), or nullopt.
std::optional<std::filesystem::path> find_in_search_dirs(const std::filesystem::path& site_dir,
                                                         const std::filesystem::path& data_dir,
                                                         const std::filesystem::path& relative);

// How a file is named in diagnostics: relative to the site directory when it is inside it
// ("locales/sv.yaml"), else "<trustsite>/" + its path inside data_dir
// ("<trustsite>/locales/sv.yaml"), so messages never depend on where trustsite is installed;
// any other path as given. Forward slashes.
std::string display_path(const std::filesystem::path& file, const std::filesystem::path& site_dir,
                         const std::filesystem::path& data_dir);

}  // namespace trustsite
