// Wakes `trustsite serve` as soon as an input file may have changed (Linux inotify(7)), so that
// a rebuild starts at the editor's save instead of at the next poll of the inputs.
#pragma once

#include <chrono>
#include <filesystem>
#include <vector>

namespace trustsite {

// A set of inotify watches over directory trees. It only says "something may have changed":
// the caller decides what did (serve compares input fingerprints), so an event that means
// nothing costs one comparison, and a change that inotify cannot see (a network file system,
// the per-user watch limit reached) is still found by the caller's regular poll.
class ChangeWatch {
 public:
  // Watches every existing directory below each of `trees` (the tree's root included; no
  // symbolic link is followed, and a tree that is one is left to the caller's poll) and each
  // of `directories` on its own (not recursive: the site directory, for site.yaml). Paths that
  // do not exist are skipped; a tree created later is watched once an event in a watched parent
  // has woken wait(). Without inotify (init failed) the watch is inactive and wait() sleeps.
  ChangeWatch(std::vector<std::filesystem::path> trees,
              std::vector<std::filesystem::path> directories);
  ~ChangeWatch();
  ChangeWatch(const ChangeWatch&) = delete;
  ChangeWatch& operator=(const ChangeWatch&) = delete;

  // Blocks until an event that may change an input arrives (a file written and closed, moved in
  // or out, deleted, its attributes changed, a directory created; the creation of a plain file
  // is not one, its close after writing is) or `timeout` has passed. Drains every pending event
  // and watches directories created since, then returns true when such an event came, false on
  // timeout. On an inotify queue overflow it returns true (anything may have changed).
  bool wait(std::chrono::milliseconds timeout);

  // Whether inotify is in use (false: wait() is a plain sleep).
  bool active() const { return fd_ >= 0; }

 private:
  void add_watches();

  std::vector<std::filesystem::path> trees_;
  std::vector<std::filesystem::path> directories_;
  int fd_ = -1;
};

}  // namespace trustsite
