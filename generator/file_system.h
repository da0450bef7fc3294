// Reading input files one way (STYLE: ninja's VirtualFileSystem): every content, configuration,
// locale and monitoring file is read through a FileSystem, which reads regular files only, at
// most a bounded size, and never through a symbolic link that leads out of its roots (the site
// directory and trustsite's data directory). Tests run the loaders on a MemoryFileSystem.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trustsite {

// Why a read failed.
enum class ReadFailure {
  none,
  missing,        // no such file
  not_regular,    // a directory, FIFO, device or socket
  outside_roots,  // a symbolic link (anywhere on the path) leads out of the roots
  too_large,      // larger than the limit given to read()
  unreadable,     // permission denied, an I/O error
};

struct ReadResult {
  std::string text;  // the file's bytes when failure == none
  ReadFailure failure = ReadFailure::none;
  std::size_t size = 0;  // the file's size in bytes, also for too_large

  bool ok() const { return failure == ReadFailure::none; }
};

// What a ReadFailure means, for messages: "is not a regular file (a directory, FIFO or
// device)", "is a symbolic link to a file outside the site directory", ...
std::string describe_read_failure(const ReadResult& result, std::size_t max_bytes);

// One entry of a directory listing.
struct DirectoryEntry {
  std::filesystem::path path;  // the directory's path / the entry's name
  bool is_regular = false;     // a regular file (after following links inside the roots)
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // The file's bytes if it is a regular file of at most `max_bytes` bytes inside the roots.
  virtual ReadResult read(const std::filesystem::path& path, std::size_t max_bytes) const = 0;
  // Whether `path` is a directory (inside the roots).
  virtual bool is_directory(const std::filesystem::path& path) const = 0;
  // Whether anything exists at `path` (a broken link counts: reading it will say why it fails).
  virtual bool exists(const std::filesystem::path& path) const = 0;
  // The entries of directory `path`, sorted by name; empty when it is not a directory.
  virtual std::vector<DirectoryEntry> list(const std::filesystem::path& path) const = 0;
  // Whether `path`, with every symbolic link on it followed, is a place inside directory `dir`
  // (for files that must stay in one directory of the site, such as content/documents/).
  virtual bool resolves_inside(const std::filesystem::path& path,
                               const std::filesystem::path& dir) const = 0;
};

// The real file system, restricted to `roots` (absolute directories).
class DiskFileSystem : public FileSystem {
 public:
  explicit DiskFileSystem(std::vector<std::filesystem::path> roots);
  ReadResult read(const std::filesystem::path& path, std::size_t max_bytes) const override;
  bool is_directory(const std::filesystem::path& path) const override;
  bool exists(const std::filesystem::path& path) const override;
  std::vector<DirectoryEntry> list(const std::filesystem::path& path) const override;
  bool resolves_inside(const std::filesystem::path& path,
                       const std::filesystem::path& dir) const override;

 private:
  // Whether `path` resolves (all links followed) to a place inside one of the roots.
  bool inside_roots(const std::filesystem::path& path) const;
  std::vector<std::filesystem::path> roots_;  // canonical
};

// Files held in memory, keyed by absolute path (directories are implied by the files).
class MemoryFileSystem : public FileSystem {
 public:
  void add(const std::filesystem::path& path, std::string text);
  ReadResult read(const std::filesystem::path& path, std::size_t max_bytes) const override;
  bool is_directory(const std::filesystem::path& path) const override;
  bool exists(const std::filesystem::path& path) const override;
  std::vector<DirectoryEntry> list(const std::filesystem::path& path) const override;
  // Lexical: a memory file system has no links.
  bool resolves_inside(const std::filesystem::path& path,
                       const std::filesystem::path& dir) const override;

 private:
  std::map<std::filesystem::path, std::string> files_;
};

// The largest YAML or Markdown input file read (bytes); larger files are refused unread.
inline constexpr std::size_t kMaxInputFileBytes = 16 * 1024 * 1024;

}  // namespace trustsite
