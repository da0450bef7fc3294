#include "monitoring_cache.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "date.h"
#include "interrupt.h"

namespace trustsite {

namespace {

using nlohmann::json;

constexpr const char* kCacheSchema = "trustsite-cache/v1";

// A file descriptor closed on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(Descriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Descriptor& operator=(Descriptor&& other) noexcept {
    if (this != &other) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = other.fd_;
      other.fd_ = -1;
    }
    return *this;
  }
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  // Closes now, reporting whether close() succeeded (a delayed write error shows here).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return fd < 0 || ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string cache_dir_text() {
  return kCacheDirName;
}

std::string cache_file_text() {
  return std::string(kCacheDirName) + "/" + kCacheFileName;
}

// Opens <site_dir>/.trustsite-cache without following a link. ENOENT is left in errno for
// the caller; a link or non-directory sets `problem`.
Descriptor open_cache_dir(const std::filesystem::path& site_dir, std::string& problem) {
  Descriptor site(::open(site_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!site.ok()) {
    problem = "cannot open the site directory (" + std::string(std::strerror(errno)) + ")";
    return Descriptor();
  }
  Descriptor dir(
      ::openat(site.get(), kCacheDirName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!dir.ok()) {
    const int error = errno;
    if (error == ELOOP || error == ENOTDIR)
      problem = cache_dir_text() +
                " is a symbolic link or not a directory; expected a directory of trustsite's own "
                "(delete it; trustsite creates it)";
    else if (error != ENOENT)
      problem = "cannot open " + cache_dir_text() + " (" + std::strerror(error) + ")";
    errno = error;
  }
  return dir;
}

}  // namespace

CacheRead read_cache(const std::filesystem::path& site_dir, std::size_t max_bytes) {
  CacheRead result;
  Descriptor dir = open_cache_dir(site_dir, result.problem);
  if (!dir.ok()) return result;
  Descriptor file(::openat(dir.get(), kCacheFileName,
                           O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!file.ok()) {
    if (errno == ELOOP)
      result.problem =
          cache_file_text() + " is a symbolic link; expected a file of trustsite's own";
    else if (errno != ENOENT)
      result.problem = "cannot read " + cache_file_text() + " (" + std::strerror(errno) + ")";
    return result;
  }
  struct stat info {};
  if (::fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    result.problem =
        cache_file_text() + " is not a regular file; expected a file of trustsite's own";
    return result;
  }
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    result.problem = cache_file_text() + " is " + std::to_string(info.st_size) +
                     " bytes long; expected at most " + std::to_string(max_bytes) + " bytes";
    return result;
  }
  std::string text(static_cast<std::size_t>(info.st_size) + 1, '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::read(file.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.problem = "cannot read " + cache_file_text() + " (" + std::strerror(errno) + ")";
      return result;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (done > static_cast<std::size_t>(info.st_size)) {  // it grew while being read
    result.problem = cache_file_text() + " changed while it was read";
    return result;
  }
  text.resize(done);
  // A cache of another version, another source or a damaged file is simply not used.
  try {
    const json root = json::parse(text);
    if (!root.is_object() || root.value("schema", "") != kCacheSchema) return result;
    CacheEntry entry;
    entry.source = root.at("source").get<std::string>();
    entry.format = root.at("format").get<std::string>();
    const auto fetched_at = parse_rfc3339(root.at("fetched_at").get<std::string>());
    if (!fetched_at) return result;
    entry.fetched_at = *fetched_at;
    entry.etag = root.value("etag", "");
    entry.last_modified = root.value("last_modified", "");
    entry.body = root.at("body").get<std::string>();
    result.entry = std::move(entry);
  } catch (const json::exception&) {
  }
  return result;
}

std::string write_cache(const std::filesystem::path& site_dir, const CacheEntry& entry) {
  const json root = {{"schema", kCacheSchema}, {"source", entry.source},
                     {"format", entry.format}, {"fetched_at", format_rfc3339_utc(entry.fetched_at)},
                     {"etag", entry.etag},     {"last_modified", entry.last_modified},
                     {"body", entry.body}};
  const std::string text = root.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
  // SIGINT/SIGTERM while writing: the temporary file is removed before the process ends.
  const InterruptDeferral deferral;

  {
    Descriptor site(::open(site_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!site.ok())
      return "cannot open the site directory (" + std::string(std::strerror(errno)) + ")";
    if (::mkdirat(site.get(), kCacheDirName, 0755) != 0 && errno != EEXIST)
      return "cannot create " + cache_dir_text() + " (" + std::strerror(errno) + ")";
  }
  std::string problem;
  Descriptor dir = open_cache_dir(site_dir, problem);
  if (!dir.ok()) return problem.empty() ? "cannot open " + cache_dir_text() : problem;

  // A fresh name, created exclusively: an existing file or link of that name (planted, or
  // left by a killed build) makes openat fail with EEXIST, and another name is tried.
  std::random_device random;
  std::string name;
  Descriptor file;
  for (int attempt = 0; attempt < 100 && !file.ok(); ++attempt) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "%ld-%08x", static_cast<long>(::getpid()),
                  static_cast<unsigned>(random()));
    name = std::string(kCacheFileName) + ".tmp-" + suffix;
    const int fd = ::openat(dir.get(), name.c_str(),
                            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST)
      return "cannot create a temporary file in " + cache_dir_text() + " (" + std::strerror(errno) +
             ")";
    if (fd >= 0) file = Descriptor(fd);
  }
  if (!file.ok()) return "cannot create a temporary file in " + cache_dir_text();

  std::string_view rest(text);
  while (!rest.empty()) {
    const ssize_t written = ::write(file.get(), rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      const std::string why = std::strerror(errno);
      ::unlinkat(dir.get(), name.c_str(), 0);
      return "cannot write " + cache_file_text() + " (" + why + ")";
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  if (!file.close()) {
    const std::string why = std::strerror(errno);
    ::unlinkat(dir.get(), name.c_str(), 0);
    return "cannot write " + cache_file_text() + " (" + why + ")";
  }
  if (interrupt_requested()) {
    ::unlinkat(dir.get(), name.c_str(), 0);
    return "stopped by a signal before the cache was replaced";
  }
  // rename() replaces the directory entry monitoring.json, whatever it is (a link is replaced,
  // never followed).
  if (::renameat(dir.get(), name.c_str(), dir.get(), kCacheFileName) != 0) {
    const std::string why = std::strerror(errno);
    ::unlinkat(dir.get(), name.c_str(), 0);
    return "cannot replace " + cache_file_text() + " (" + why + ")";
  }
  return {};
}

}  // namespace trustsite
