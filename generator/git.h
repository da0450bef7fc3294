// Asking git about the site's history (SPEC 5, `updated: git`). Runs the git program; used only
// at the edge of the pipeline (build.cpp), never by a stage.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace trustsite {

// The commit time (POSIX seconds, so the date is taken in UTC) of the last commit touching
// `path` (relative to `repository_dir`), from `git -C <dir> log -1 --format=%ct -- <path>`;
// nullopt outside a git checkout, without git, or with no such commit. Spawns git with
// posix_spawnp (safe while other threads run), no shell, stderr discarded.
std::optional<std::int64_t> last_commit_time(const std::filesystem::path& repository_dir,
                                             const std::string& path);

}  // namespace trustsite
