#include "data_dirs.h"

#include <system_error>

namespace trustsite {

namespace fs = std::filesystem;

std::vector<fs::path> search_dirs(const fs::path& site_dir, const fs::path& data_dir) {
  std::vector<fs::path> dirs{site_dir};
  std::error_code ec;
  if (!data_dir.empty() && !fs::equivalent(site_dir, data_dir, ec)) dirs.push_back(data_dir);
  return dirs;
}

std::optional<fs::path> find_in_search_dirs(const fs::path& site_dir, const fs::path& data_dir,
                                            const fs::path& relative) {
  std::error_code ec;
  for (const auto& dir : search_dirs(site_dir, data_dir)) {
    fs::path candidate = dir / relative;
    if (fs::exists(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

namespace {

// `file` relative to `dir` when inside it: lexically first (the common case, no system call),
// then with links resolved.
std::optional<std::string> relative_inside(const fs::path& file, const fs::path& dir) {
  if (dir.empty()) return std::nullopt;
  auto relative_to = [](const fs::path& target,
                        const fs::path& base) -> std::optional<std::string> {
    fs::path relative = target.lexically_normal().lexically_relative(base.lexically_normal());
    if (relative.empty() || *relative.begin() == ".." || relative.is_absolute())
      return std::nullopt;
    return relative.generic_string();
  };
  if (auto lexical = relative_to(file, dir)) return lexical;
  std::error_code ec;
  fs::path base = fs::weakly_canonical(dir, ec);
  if (ec) return std::nullopt;
  fs::path target = fs::weakly_canonical(file, ec);
  if (ec) return std::nullopt;
  return relative_to(target, base);
}

}  // namespace

std::string display_path(const fs::path& file, const fs::path& site_dir, const fs::path& data_dir) {
  if (auto relative = relative_inside(file, site_dir)) return *relative;
  if (auto relative = relative_inside(file, data_dir)) return "<trustsite>/" + *relative;
  return file.generic_string();
}

}  // namespace trustsite
