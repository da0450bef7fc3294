// Writing the output directory: every file into a fresh temporary sibling directory, then one
// atomic swap into place, so a failed build leaves the previous output untouched (SPEC 4).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace trustsite {

// One output file: its path relative to the output dir (forward slashes, no "..") and bytes.
struct OutputFile {
  std::string path;
  std::string content;
};

// The marker file trustsite leaves in every output directory it creates; only a directory with
// it (or an empty or missing one) may be replaced.
inline constexpr const char* kOutputMarker = ".trustsite-output";

// Throws FatalError (exit 1) unless `out_dir` may be replaced by a build of `site_dir`: it must
// not be the site directory or one of its ancestors, must not be a file, and must be missing,
// empty, or carry kOutputMarker.
void check_output_dir(const std::filesystem::path& out_dir, const std::filesystem::path& site_dir);

// Runs check_output_dir, writes `files` (the marker first) into `.<name>.tmp-XXXXXX` beside
// `out_dir`, then swaps it into place with renameat2(RENAME_EXCHANGE) (falling back to two
// renames) and removes the old tree. On any failure the temporary directory is removed and
// FatalError is thrown; `out_dir` is unchanged. Throws FatalError for an unsafe file path.
// Before writing, removes temporary trees that killed builds left beside `out_dir`
// (remove_stale_temporaries()) when no other build holds the parent directory's lock; the
// write itself holds that lock shared (flock(2)). Inside an InterruptDeferral: after SIGINT or
// SIGTERM (interrupt.h) the tree being written is removed and FatalError is thrown with exit
// code 128 + the signal number.
void write_site(const std::filesystem::path& out_dir, const std::filesystem::path& site_dir,
                const std::vector<OutputFile>& files);

// Removes the temporary trees of earlier builds beside `out_dir`: directories (not links) named
// `.<name>.tmp-XXXXXX` or `.<name>.tmp-XXXXXX.old` that hold kOutputMarker or nothing at all.
// The caller makes sure that no build is writing there (write_site() holds the parent
// directory's lock exclusively while it calls this). Other files are never touched.
void remove_stale_temporaries(const std::filesystem::path& out_dir);

}  // namespace trustsite
