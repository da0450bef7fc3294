#include "site_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "diagnostics.h"
#include "interrupt.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) absolute = fs::absolute(path).lexically_normal();
  if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path())
    absolute = absolute.parent_path();
  return absolute;
}

// Whether `ancestor` is `path` or a directory above it.
bool is_same_or_ancestor(const fs::path& ancestor, const fs::path& path) {
  auto a = ancestor.begin(), p = path.begin();
  for (; a != ancestor.end(); ++a, ++p) {
    if (p == path.end() || *a != *p) return false;
  }
  return true;
}

[[noreturn]] void refuse(const fs::path& out_dir, const std::string& why) {
  throw FatalError({}, "refusing to write the site to " + out_dir.string() + ": " + why);
}

// Writes `content` to a new file with POSIX calls, so that errno says why it failed.
bool write_whole_file(const fs::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      errno = saved;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return ::close(fd) == 0;
}

bool safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos)
    return false;
  for (const auto& part : fs::path(path)) {
    if (part == ".." || part == "." || part.empty()) return false;
  }
  return true;
}

// Removes the tree `dir` with its kOutputMarker last, so that a removal cut short (a killed
// build) still leaves a tree the next build recognises as its own and finishes removing.
void remove_tree_marker_last(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == kOutputMarker) continue;
    std::error_code remove_ec;
    fs::remove_all(it->path(), remove_ec);
  }
  fs::remove(dir / kOutputMarker, ec);
  fs::remove(dir, ec);
}

// Whether `name` is one of the names write_site() gives its temporary trees beside output
// `out_name`: ".<out_name>.tmp-XXXXXX" (mkdtemp's six characters) or that plus ".old".
bool is_temporary_name(const std::string& name, const std::string& out_name) {
  const std::string prefix = "." + out_name + ".tmp-";
  if (!name.starts_with(prefix)) return false;
  std::string_view suffix = std::string_view(name).substr(prefix.size());
  if (suffix.ends_with(".old")) suffix.remove_suffix(4);
  return suffix.size() == 6 && suffix.find_first_of("./") == std::string_view::npos;
}

// The parent directory of the output, locked with flock(2) for as long as the object lives:
// shared while a build writes its temporary tree there, exclusive (never waited for) while a
// build removes stale temporary trees. So a tree is only ever removed when no build is writing
// beside the same parent, and a lock dies with its process, even after kill -9.
class ParentLock {
 public:
  explicit ParentLock(const fs::path& parent)
      : fd_(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}
  ~ParentLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  ParentLock(const ParentLock&) = delete;
  ParentLock& operator=(const ParentLock&) = delete;
  // Tries to take the lock exclusively without waiting.
  bool try_exclusive() { return fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }
  // Takes (or turns the exclusive lock into) the shared lock, waiting for a cleanup to end.
  void shared() {
    if (fd_ < 0) return;
    while (::flock(fd_, LOCK_SH) != 0 && errno == EINTR) {
    }
  }

 private:
  int fd_;
};

}  // namespace

void remove_stale_temporaries(const fs::path& out_dir) {
  const fs::path out = resolved(out_dir);
  const std::string out_name = out.filename().string();
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    if (!is_temporary_name(it->path().filename().string(), out_name)) continue;
    std::error_code type_ec;
    // A real directory (never a link to one) of trustsite's: its marker, or nothing in it (a
    // build killed right after mkdtemp).
    if (!it->is_directory(type_ec) || it->is_symlink(type_ec)) continue;
    const auto marker = fs::symlink_status(it->path() / kOutputMarker, type_ec);
    if (fs::is_regular_file(marker) || fs::is_empty(it->path(), type_ec))
      stale.push_back(it->path());
  }
  for (const auto& tree : stale) remove_tree_marker_last(tree);
}

void check_output_dir(const fs::path& out_dir, const fs::path& site_dir) {
  const fs::path out = resolved(out_dir), site = resolved(site_dir);
  if (out == out.root_path()) refuse(out, "it is the root directory");
  if (is_same_or_ancestor(out, site))
    refuse(out, out == site ? "it is the site directory itself; expected a directory inside it "
                              "such as public/"
                            : "it contains the site directory; expected a directory that does "
                              "not hold your content, such as <site>/public");
  std::error_code ec;
  auto status = fs::symlink_status(out_dir, ec);
  if (ec || status.type() == fs::file_type::not_found) return;
  if (!fs::is_directory(out, ec))
    refuse(out, "it exists and is not a directory; expected a directory or a new path");
  const bool empty = fs::is_empty(out, ec);
  if (ec) refuse(out, "it cannot be read (" + ec.message() + ")");
  if (!empty && !fs::exists(out / kOutputMarker, ec))
    refuse(out, std::string("it is not empty and trustsite did not create it (no ") +
                    kOutputMarker +
                    " marker); expected an empty directory, a new path, or a previous "
                    "trustsite output");
}

struct SiteWriter::Impl {
  Impl(const fs::path& out_dir, const fs::path& site_dir)
      : out((check_output_dir(out_dir, site_dir), resolved(out_dir))), lock(prepare_parent(out)) {}
  // A tree not swapped into place (an error, a failed build, a throwing constructor) is removed
  // while the lock and the deferral are still held.
  ~Impl() {
    if (!done) remove_tree_marker_last(temp);
    if (previous >= 0) ::close(previous);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Creates the output's parent directory (the lock needs it) and returns it.
  static fs::path prepare_parent(const fs::path& out) {
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) refuse(out, "cannot create its parent directory (" + ec.message() + ")");
    return out.parent_path();
  }

  void stop_if_interrupted() const {
    if (interrupt_requested())
      throw FatalError({},
                       "stopped by signal " + std::to_string(interrupt_signal()) + "; " +
                           out.string() + " was not changed",
                       128 + interrupt_signal());
  }

  void write(const std::string& relative, std::string_view content) {
    if (!safe_relative_path(relative))
      throw FatalError({}, "internal error: unsafe output path '" + relative + "'");
    if (!written.insert(relative).second)
      throw FatalError({}, "two outputs would be written to '" + relative +
                               "'; expected distinct page slugs and asset names");
    const fs::path target = temp / relative;
    // Most files go into a directory made for an earlier one ("en/" for "en/index.html").
    const fs::path parent = target.parent_path();
    if (parent != temp && made.insert(parent.string()).second) {
      std::error_code dir_ec;
      fs::create_directories(parent, dir_ec);
    }
    if (link_unchanged(relative, content, target)) return;
    if (!write_whole_file(target, content))
      throw FatalError(
          {}, "cannot write " + (out / relative).string() + " (" + std::strerror(errno) + ")");
  }

  // A file the previous output has with exactly these bytes is hard-linked into the new tree
  // instead of written: no new inode and no data to write (rebuilds in `serve` and CI change
  // few files; creating inodes is much of a small build's system time on ext4). Only a regular
  // file of ours with one link and the mode a fresh file gets, reached from the previous output
  // without a symbolic link or a mount point and opened without blocking (a FIFO planted there
  // must not hang the build), whose bytes are compared in full. The inode that was compared is
  // the one linked (through its open descriptor, so a file swapped in under the same name, or a
  // recycled inode number, cannot be published instead). Anything else (no previous output,
  // another file system, no /proc, a race) writes the file as before.
  bool link_unchanged(const std::string& relative, std::string_view content,
                      const fs::path& target) const {
    if (previous < 0 || fresh_mode == 0) return false;
    open_how how{};
    how.flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
    const int fd =
        static_cast<int>(::syscall(SYS_openat2, previous, relative.c_str(), &how, sizeof how));
    if (fd < 0) return false;
    struct stat old_file {};
    bool same = ::fstat(fd, &old_file) == 0 && S_ISREG(old_file.st_mode) &&
                old_file.st_nlink == 1 && old_file.st_uid == ::geteuid() &&
                (old_file.st_mode & 07777) == fresh_mode &&
                static_cast<std::size_t>(old_file.st_size) == content.size();
    char buffer[1 << 16];
    for (std::size_t at = 0; same && at < content.size();) {
      const ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, content.size() - at));
      if (got < 0 && errno == EINTR) continue;
      same =
          got > 0 && std::memcmp(buffer, content.data() + at, static_cast<std::size_t>(got)) == 0;
      at += got > 0 ? static_cast<std::size_t>(got) : 0;
    }
    const std::string by_descriptor = "/proc/self/fd/" + std::to_string(fd);
    bool linked = same && ::linkat(AT_FDCWD, by_descriptor.c_str(), AT_FDCWD, target.c_str(),
                                   AT_SYMLINK_FOLLOW) == 0;
    if (linked) {
      struct stat now {
      }, at_target{};
      linked = ::fstat(fd, &now) == 0 && now.st_nlink == 2 && now.st_uid == old_file.st_uid &&
               ::lstat(target.c_str(), &at_target) == 0 && at_target.st_ino == now.st_ino &&
               at_target.st_dev == now.st_dev;
      if (!linked) ::unlink(target.c_str());
    }
    ::close(fd);
    return linked;
  }

  const fs::path out;
  ParentLock lock;
  // SIGINT/SIGTERM from here on: the tree being written is removed, the output stays as it was.
  const InterruptDeferral deferral;
  fs::path temp;
  std::set<std::string> written;
  std::set<std::string> made;  // directories created in `temp`
  bool done = true;            // no temporary tree to remove (none yet, or committed)
  int previous = -1;           // the previous output directory (link_unchanged()), or -1
  mode_t fresh_mode = 0;       // permission bits of a file this build writes (0: unknown)
};

SiteWriter::SiteWriter(const fs::path& out_dir, const fs::path& site_dir)
    : impl_(std::make_unique<Impl>(out_dir, site_dir)) {
  Impl& w = *impl_;
  // Builds killed earlier (kill -9, a power cut) left their temporary trees here: remove them
  // when no other build is writing beside this output, then write under a shared lock.
  if (w.lock.try_exclusive()) remove_stale_temporaries(w.out);
  w.lock.shared();
  w.stop_if_interrupted();

  // A hidden sibling: ".<name>.tmp-XXXXXX" (built with append(): GCC 12 warns falsely about
  // "." + string, bug 105329).
  std::string temp_name(".");
  temp_name.append(w.out.filename().string()).append(".tmp-XXXXXX");
  std::string pattern = (w.out.parent_path() / temp_name).string();
  if (mkdtemp(pattern.data()) == nullptr)
    refuse(w.out, std::string("cannot create a temporary directory beside it (") +
                      std::strerror(errno) + ")");
  w.temp = pattern;
  w.done = false;
  // The previous output (checked above: ours, or empty), for link_unchanged().
  w.previous = ::open(w.out.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  // mkdtemp creates 0700; the published tree must be readable by a web server.
  std::error_code ec;
  fs::permissions(w.temp,
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec,
                  ec);
  // The marker first: from now on the tree is recognisably trustsite's (a later build removes
  // it if this one is killed).
  w.write(kOutputMarker,
          "This directory was generated by trustsite; the next build replaces it entirely.\n");
  // The marker is written, never linked (fresh_mode is still 0): its mode is what every fresh
  // file of this build gets (0644 less the umask), the only mode a linked file may have.
  struct stat marker {};
  if (::stat((w.temp / kOutputMarker).c_str(), &marker) == 0) w.fresh_mode = marker.st_mode & 07777;
}

SiteWriter::~SiteWriter() = default;

void SiteWriter::add(const std::string& path, std::string_view content) {
  Impl& w = *impl_;
  if (w.done) throw FatalError({}, "internal error: the output was already written");
  w.stop_if_interrupted();
  w.write(path, content);
}

void SiteWriter::stop_if_interrupted() const {
  impl_->stop_if_interrupted();
}

void SiteWriter::commit() {
  Impl& w = *impl_;
  if (w.done) throw FatalError({}, "internal error: the output was already written");
  w.stop_if_interrupted();
  const fs::path& out = w.out;
  const fs::path& temp = w.temp;
  std::error_code ec;
  if (fs::exists(out, ec)) {
    if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
      w.done = true;
      remove_tree_marker_last(temp);  // now holds the previous output
      return;
    }
    // Filesystems without RENAME_EXCHANGE: move the old tree aside, then the new one in.
    const fs::path old = temp.string() + ".old";
    if (std::rename(out.c_str(), old.c_str()) != 0)
      throw FatalError({}, "cannot replace " + out.string() + " (" + std::strerror(errno) + ")");
    if (std::rename(temp.c_str(), out.c_str()) != 0) {
      int saved = errno;
      std::rename(old.c_str(), out.c_str());
      throw FatalError({}, "cannot replace " + out.string() + " (" + std::strerror(saved) + ")");
    }
    w.done = true;
    remove_tree_marker_last(old);
    return;
  }
  if (std::rename(temp.c_str(), out.c_str()) != 0)
    throw FatalError({}, "cannot create " + out.string() + " (" + std::strerror(errno) + ")");
  w.done = true;
}

void write_site(const fs::path& out_dir, const fs::path& site_dir,
                const std::vector<OutputFile>& files) {
  SiteWriter writer(out_dir, site_dir);
  for (const auto& file : files) writer.add(file.path, file.content);
  writer.commit();
}

}  // namespace trustsite
