#include "file_system.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace trustsite {

namespace fs = std::filesystem;

std::string describe_read_failure(const ReadResult& result, std::size_t max_bytes) {
  switch (result.failure) {
    case ReadFailure::none:
      return "was read";
    case ReadFailure::missing:
      return "does not exist";
    case ReadFailure::not_regular:
      return "is not a regular file (a directory, FIFO, socket or device)";
    case ReadFailure::outside_roots:
      return "is a symbolic link to a place outside the site directory (trustsite reads no "
             "file outside it)";
    case ReadFailure::too_large:
      return "is " + std::to_string(result.size) + " bytes long; expected at most " +
             std::to_string(max_bytes) + " bytes";
    case ReadFailure::unreadable:
      return "cannot be read (permission denied or an I/O error)";
  }
  return "cannot be read";
}

namespace {

bool is_within(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace

DiskFileSystem::DiskFileSystem(std::vector<fs::path> roots) {
  for (auto& root : roots) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::absolute(root, ec), ec);
    roots_.push_back(ec ? root.lexically_normal() : canonical);
  }
}

bool DiskFileSystem::inside_roots(const fs::path& path) const {
  if (roots_.empty()) return true;
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  return std::any_of(roots_.begin(), roots_.end(),
                     [&](const fs::path& root) { return is_within(real, root); });
}

ReadResult DiskFileSystem::read(const fs::path& path, std::size_t max_bytes) const {
  ReadResult result;
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) {
    result.failure = ReadFailure::missing;
    return result;
  }
  if (!inside_roots(path)) {
    result.failure = ReadFailure::outside_roots;
    return result;
  }
  // O_NONBLOCK: opening a FIFO never waits for a writer; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    result.failure = errno == ENOENT ? ReadFailure::missing : ReadFailure::unreadable;
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    result.failure = S_ISREG(info.st_mode) ? ReadFailure::unreadable : ReadFailure::not_regular;
    ::close(fd);
    return result;
  }
  result.size = static_cast<std::size_t>(info.st_size);
  if (result.size > max_bytes) {
    result.failure = ReadFailure::too_large;
    ::close(fd);
    return result;
  }
  result.text.resize(result.size);
  std::size_t done = 0;
  // A file that grows while it is read is cut at its size when opened (+1 byte to notice).
  while (true) {
    if (done == result.text.size()) {
      if (result.text.size() > max_bytes) break;
      result.text.resize(result.text.size() + 1);
    }
    const ssize_t n = ::read(fd, result.text.data() + done, result.text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.failure = ReadFailure::unreadable;
      result.text.clear();
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  result.text.resize(done);
  if (done > max_bytes) {
    result.failure = ReadFailure::too_large;
    result.size = done;
    result.text.clear();
  }
  return result;
}

bool DiskFileSystem::is_directory(const fs::path& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec) && inside_roots(path);
}

bool DiskFileSystem::exists(const fs::path& path) const {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  return !ec && status.type() != fs::file_type::not_found;
}

std::vector<DirectoryEntry> DiskFileSystem::list(const fs::path& path) const {
  std::vector<DirectoryEntry> entries;
  if (!is_directory(path)) return entries;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    entries.push_back({it->path(), it->is_regular_file(type_ec)});
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.path < b.path; });
  return entries;
}

bool DiskFileSystem::resolves_inside(const fs::path& path, const fs::path& dir) const {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  const fs::path real_dir = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (ec) return false;
  return real != real_dir && is_within(real, real_dir);
}

void MemoryFileSystem::add(const fs::path& path, std::string text) {
  files_[path.lexically_normal()] = std::move(text);
}

ReadResult MemoryFileSystem::read(const fs::path& path, std::size_t max_bytes) const {
  ReadResult result;
  auto it = files_.find(path.lexically_normal());
  if (it == files_.end()) {
    result.failure = is_directory(path) ? ReadFailure::not_regular : ReadFailure::missing;
    return result;
  }
  result.size = it->second.size();
  if (result.size > max_bytes) {
    result.failure = ReadFailure::too_large;
    return result;
  }
  result.text = it->second;
  return result;
}

bool MemoryFileSystem::is_directory(const fs::path& path) const {
  const fs::path dir = path.lexically_normal();
  return std::any_of(files_.begin(), files_.end(), [&](const auto& file) {
    return file.first != dir && is_within(file.first, dir);
  });
}

bool MemoryFileSystem::exists(const fs::path& path) const {
  return files_.count(path.lexically_normal()) != 0 || is_directory(path);
}

std::vector<DirectoryEntry> MemoryFileSystem::list(const fs::path& path) const {
  const fs::path dir = path.lexically_normal();
  std::map<fs::path, bool> children;
  for (const auto& [file, text] : files_) {
    if (file == dir || !is_within(file, dir)) continue;
    const fs::path relative = file.lexically_relative(dir);
    const fs::path child = dir / *relative.begin();
    children[child] = children[child] || child == file;
  }
  std::vector<DirectoryEntry> entries;
  for (const auto& [child, regular] : children) entries.push_back({child, regular});
  return entries;
}

bool MemoryFileSystem::resolves_inside(const fs::path& path, const fs::path& dir) const {
  const fs::path normal = path.lexically_normal(), normal_dir = dir.lexically_normal();
  return normal != normal_dir && is_within(normal, normal_dir);
}

}  // namespace trustsite
