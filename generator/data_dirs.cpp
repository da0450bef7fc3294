#include "data_dirs.h"

#include <cstdlib>
#include <system_error>

namespace trustsite {

namespace fs = std::filesystem;

fs::path data_dir() {
  if (const char* env = std::getenv("TRUSTSITE_DATA_DIR"); env != nullptr && *env != '\0')
    return fs::path(env);
  std::error_code ec;
  // An installed binary (<prefix>/bin/trustsite) finds <prefix>/share/trustsite, wherever the
  // prefix was moved to.
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = executable.parent_path().parent_path() / "share" / "trustsite";
    if (fs::is_directory(installed / "themes", ec)) return installed;
  }
  // A binary in a build tree uses the source tree it was built from.
  const fs::path source(TRUSTSITE_SOURCE_DATA_DIR);
  if (fs::is_directory(source / "themes", ec)) return source;
  return fs::path(TRUSTSITE_INSTALL_DATA_DIR);
}

std::vector<fs::path> search_dirs(const fs::path& site_dir) {
  std::vector<fs::path> dirs{site_dir};
  std::error_code ec;
  const fs::path data = data_dir();
  if (!fs::equivalent(site_dir, data, ec)) dirs.push_back(data);
  return dirs;
}

std::optional<fs::path> find_in_search_dirs(const fs::path& site_dir, const fs::path& relative) {
  std::error_code ec;
  for (const auto& dir : search_dirs(site_dir)) {
    fs::path candidate = dir / relative;
    if (fs::exists(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

std::string display_path(const fs::path& file, const fs::path& site_dir) {
  auto inside = [&](const fs::path& dir) -> std::optional<std::string> {
    std::error_code ec;
    fs::path base = fs::weakly_canonical(dir, ec);
    if (ec) base = dir;
    fs::path target = fs::weakly_canonical(file, ec);
    if (ec) target = file;
    fs::path relative = target.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..") return std::nullopt;
    return relative.generic_string();
  };
  if (auto relative = inside(site_dir)) return *relative;
  if (auto relative = inside(data_dir())) return "<trustsite>/" + *relative;
  return file.generic_string();
}

}  // namespace trustsite
