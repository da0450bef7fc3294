// `trustsite serve`: a local preview. Builds the site into a private directory, serves it over
// HTTP (cpp-httplib) on a loopback address, and rebuilds when an input file changes.
#pragma once

#include <filesystem>
#include <string>

#include "build.h"
#include "environment.h"

namespace trustsite {

struct ServeOptions {
  BuildOptions build;              // out_dir is ignored: the preview has its own directory
  std::string host = "127.0.0.1";  // the address to listen on
  int port = 1313;                 // 0: any free port
  int poll_milliseconds = 50;      // how often inputs are checked for changes (a stat of each)
                                   // besides inotify, which wakes serve at once on Linux
};

// A fingerprint of every input of a build of `site_dir`: the path, size and modification time
// of site.yaml and each file below content/, templates/, themes/, locales/, monitoring/ of the
// site and of `data_dir`. Two equal fingerprints mean "nothing changed".
std::string input_fingerprint(const std::filesystem::path& site_dir,
                              const std::filesystem::path& data_dir);

// Builds, serves and rebuilds until SIGINT/SIGTERM (taken by a sigwait thread, never a signal
// handler). Each build runs in `environment` with "now" moved to the wall clock unless
// TRUSTSITE_NOW fixed it. Diagnostics of each build go to stderr; a failed rebuild keeps
// serving the last good site, and a first build that fails on monitoring only (exit 3) serves
// an empty preview until a rebuild succeeds. Returns the process exit code: 0 after a clean
// shutdown, 1 when the first build fails with errors or the address cannot be bound.
int serve(const ServeOptions& options, const Environment& environment);

}  // namespace trustsite
