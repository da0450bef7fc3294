#include "change_watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstdint>
#include <thread>

namespace trustsite {

namespace fs = std::filesystem;

namespace {

// What may change an input. IN_CREATE is here for new directories (which need watches of
// their own); the creation of a plain file is ignored in wait(), its IN_CLOSE_WRITE follows.
constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                  IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF |
                                  IN_ONLYDIR;

bool means_change(std::uint32_t mask) {
  if (mask & IN_Q_OVERFLOW) return true;
  if (mask & IN_IGNORED) return false;  // a watch removed (its directory went away)
  if ((mask & IN_CREATE) && !(mask & IN_ISDIR)) return false;
  return (mask & kEvents) != 0;
}

}  // namespace

ChangeWatch::ChangeWatch(std::vector<fs::path> trees, std::vector<fs::path> directories)
    : trees_(std::move(trees)), directories_(std::move(directories)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ >= 0) add_watches();
}

ChangeWatch::~ChangeWatch() {
  if (fd_ >= 0) close(fd_);
}

void ChangeWatch::add_watches() {
  // inotify_add_watch on a directory already watched returns its existing watch, so adding
  // every directory again after an event picks up new ones at the cost of one call each.
  // Failures (a directory that went away, the watch limit) leave that directory to the poll.
  std::error_code ec;
  for (const fs::path& directory : directories_) inotify_add_watch(fd_, directory.c_str(), kEvents);
  for (const fs::path& tree : trees_) {
    // A tree that is a symbolic link is left to the poll: watching it could walk anything it
    // points to (the home directory, /) and use up the user's inotify watches.
    if (!fs::is_directory(fs::symlink_status(tree, ec))) continue;
    inotify_add_watch(fd_, tree.c_str(), kEvents | IN_DONT_FOLLOW);
    for (fs::recursive_directory_iterator it(tree, ec), end; !ec && it != end; it.increment(ec))
      if (!it->is_symlink(ec) && it->is_directory(ec))
        inotify_add_watch(fd_, it->path().c_str(), kEvents | IN_DONT_FOLLOW);
    ec.clear();
  }
}

bool ChangeWatch::wait(std::chrono::milliseconds timeout) {
  if (fd_ < 0) {
    std::this_thread::sleep_for(timeout);
    return false;
  }
  pollfd descriptor{fd_, POLLIN, 0};
  if (poll(&descriptor, 1, static_cast<int>(timeout.count())) <= 0) return false;
  bool changed = false;
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t length = read(fd_, buffer, sizeof buffer);
    if (length <= 0) break;  // EAGAIN: drained
    for (ssize_t at = 0; at < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      changed = changed || means_change(event->mask);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  if (changed) add_watches();
  return changed;
}

}  // namespace trustsite
