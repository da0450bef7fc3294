// Writing the output directory: every file into a fresh temporary sibling directory, then one
// atomic swap into place, so a failed build leaves the previous output untouched (SPEC 4).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
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
// `out_dir` (a file the previous output holds with the same bytes, a regular file of ours with
// one link and the mode of a fresh file, reached without a symbolic link or mount point, is
// hard-linked instead of written), then swaps it into
// place with renameat2(RENAME_EXCHANGE) (falling back to two renames) and removes the old tree. On
// any failure the temporary directory is removed and FatalError is thrown; `out_dir` is unchanged.
// Throws FatalError for an unsafe file path. Before writing, removes temporary trees that killed
// builds left beside `out_dir` (remove_stale_temporaries()) when no other build holds the parent
// directory's lock; the write itself holds that lock shared (flock(2)). Inside an
// InterruptDeferral: after SIGINT or SIGTERM (interrupt.h) the tree being written is removed and
// FatalError is thrown with exit code 128 + the signal number.
void write_site(const std::filesystem::path& out_dir, const std::filesystem::path& site_dir,
                const std::vector<OutputFile>& files);

// write_site() one file at a time, so that a build holds each rendered file only until it is
// written (a large site's pages are hundreds of MB). The constructor does what write_site() does
// before the first file: check_output_dir(), the parent directory's lock and the removal of
// stale temporary trees, the temporary tree with kOutputMarker in it (FatalError on failure).
// add() writes one file into the temporary tree; commit() swaps the tree into place. Destroyed
// without commit() (an error, a failed build), it removes the temporary tree: `out_dir` is
// unchanged. It holds an InterruptDeferral for its whole life: after SIGINT or SIGTERM, the next
// add() or commit() removes the tree and throws FatalError with exit code 128 + the signal number
// (so a signal during the rendering of a page takes effect when that page is done).
class SiteWriter {
 public:
  SiteWriter(const std::filesystem::path& out_dir, const std::filesystem::path& site_dir);
  ~SiteWriter();
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  // Writes `content` to `path` (relative to the output dir) in the temporary tree. Throws
  // FatalError for an unsafe path, a path written before, or a failed write.
  void add(const std::string& path, std::string_view content);
  // Swaps the temporary tree into place (renameat2(RENAME_EXCHANGE), else two renames) and
  // removes the old tree; throws FatalError on failure (the temporary tree is then removed).
  void commit();
  // Throws FatalError (exit code 128 + the signal number) when SIGINT or SIGTERM came, so that
  // a build that no longer writes (it has errors) still stops at its next file.
  void stop_if_interrupted() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Removes the temporary trees of earlier builds beside `out_dir`: directories (not links) named
// `.<name>.tmp-XXXXXX` or `.<name>.tmp-XXXXXX.old` that hold kOutputMarker or nothing at all.
// The caller makes sure that no build is writing there (write_site() holds the parent
// directory's lock exclusively while it calls this). Other files are never touched.
void remove_stale_temporaries(const std::filesystem::path& out_dir);

}  // namespace trustsite
