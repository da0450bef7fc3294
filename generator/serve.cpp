#include "serve.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <pthread.h>
#include <stdlib.h>

#include "change_watch.h"
#include "data_dirs.h"
#include "site_paths.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

void print(const BuildReport& report) {
  for (const auto& d : report.diagnostics) std::cerr << format_text(d) << '\n';
}

// `environment` with "now" moved to the wall clock, unless TRUSTSITE_NOW fixed it.
Environment at_current_time(Environment environment) {
  if (environment.now_override.empty()) environment.now_unix = wall_clock_seconds();
  return environment;
}

// Blocks SIGINT and SIGTERM in the calling thread (and the threads it starts from now on), and
// restores the previous mask on destruction.
class BlockedSignals {
 public:
  BlockedSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &previous_);
  }
  ~BlockedSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  BlockedSignals(const BlockedSignals&) = delete;
  BlockedSignals& operator=(const BlockedSignals&) = delete;
  const sigset_t& set() const { return set_; }

 private:
  sigset_t set_{};
  sigset_t previous_{};
};

// The directory trees that hold a build's inputs besides site.yaml: content/, templates/,
// themes/, locales/ and monitoring/ of the site and of the data directory.
std::vector<fs::path> input_trees(const fs::path& site_dir, const fs::path& data_dir) {
  std::vector<fs::path> trees;
  for (const auto& dir : search_dirs(site_dir, data_dir))
    for (const char* sub : {"content", "templates", "themes", "locales", "monitoring"})
      trees.push_back(dir / sub);
  return trees;
}

}  // namespace

std::string input_fingerprint(const fs::path& site_dir, const fs::path& data_dir) {
  std::string fingerprint;
  std::error_code ec;
  auto add = [&](const fs::path& path) {
    auto size = fs::file_size(path, ec);
    auto time = fs::last_write_time(path, ec).time_since_epoch().count();
    fingerprint += path.string() + '\t' + std::to_string(size) + '\t' + std::to_string(time) + '\n';
  };
  if (fs::exists(site_dir / "site.yaml", ec)) add(site_dir / "site.yaml");
  for (const auto& root : input_trees(site_dir, data_dir)) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(it->path());
    ec.clear();
    std::sort(files.begin(), files.end());
    for (const auto& file : files) add(file);
  }
  return fingerprint;
}

int serve(const ServeOptions& options, const Environment& environment) {
  // Before any thread starts, so that every thread inherits the mask and only the sigwait
  // thread below takes SIGINT/SIGTERM.
  BlockedSignals signals;

  std::string pattern = (fs::temp_directory_path() / "trustsite-serve-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::cerr << "trustsite: cannot create a preview directory in "
              << printable_text(fs::temp_directory_path().string(), kMaxPathBytes) << '\n';
    return 1;
  }
  const fs::path preview_root(pattern);
  BuildOptions build = options.build;
  build.out_dir = preview_root / "site";
  build.write_output = true;
  build.keep_files = false;
  // The directory exists from the start, so the server's mount point is valid even when the
  // first build writes nothing (a monitoring failure, exit 3) and a later rebuild fills it.
  std::error_code ec;
  fs::create_directories(*build.out_dir, ec);

  const fs::path site_dir = fs::absolute(build.site_dir);
  std::string fingerprint = input_fingerprint(site_dir, environment.data_dir);
  BuildReport first = run_build(build, at_current_time(environment));
  print(first);
  if (first.exit_code == 1) {
    std::cerr << "trustsite: the site does not build; fix the errors above and run serve again\n";
    fs::remove_all(preview_root, ec);
    return 1;
  }
  if (first.exit_code != 0)
    std::cerr << "trustsite: the first build failed; the preview stays empty until a rebuild "
                 "succeeds\n";

  httplib::Server server;
  server.set_mount_point("/", build.out_dir->string());
  server.set_file_extension_and_mimetype_mapping("atom", "application/atom+xml");
  server.set_file_extension_and_mimetype_mapping("txt", "text/plain; charset=utf-8");
  const fs::path not_found = *build.out_dir / kNotFoundFile;
  server.set_error_handler([&](const httplib::Request&, httplib::Response& response) {
    if (response.status != 404) return;
    std::ifstream in(not_found, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!body.empty()) response.set_content(body, "text/html; charset=utf-8");
  });

  const int port = options.port == 0
                       ? server.bind_to_any_port(options.host)
                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    std::cerr << "trustsite: cannot listen on " << printable_text(options.host, kMaxPathBytes)
              << ':' << options.port
              << " (in use?); expected a free port (--port N, or --port 0 for any)\n";
    fs::remove_all(preview_root, ec);
    return 1;
  }
  std::cerr << "trustsite: serving the preview at http://"
            << printable_text(options.host, kMaxPathBytes) << ':' << port << "/ (Ctrl-C to stop)\n";

  std::atomic<bool> running{true};
  std::thread watcher([&] {
    // inotify wakes the loop at once when an input is saved; the poll every
    // poll_milliseconds stays, for changes inotify cannot see and to notice the shutdown.
    ChangeWatch watch(input_trees(site_dir, environment.data_dir), {site_dir});
    auto last_comparison = std::chrono::steady_clock::now();
    while (running) {
      watch.wait(std::chrono::milliseconds(options.poll_milliseconds));
      // A file written over and over must not keep serve walking the inputs without a pause:
      // at most one comparison every 10 ms.
      std::this_thread::sleep_until(last_comparison + std::chrono::milliseconds(10));
      last_comparison = std::chrono::steady_clock::now();
      std::string now = input_fingerprint(site_dir, environment.data_dir);
      if (now == fingerprint) continue;
      fingerprint = std::move(now);
      BuildReport report = run_build(build, at_current_time(environment));
      print(report);
      std::cerr << (report.exit_code == 0
                        ? "trustsite: rebuilt\n"
                        : "trustsite: rebuild failed; still serving the last good site\n");
    }
  });
  // SIGINT/SIGTERM stop the server from this thread, outside any signal handler.
  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals.set(), &received);
    server.stop();
  });

  server.listen_after_bind();
  running = false;
  // If the server stopped on its own, wake the signal thread so that it can be joined.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  watcher.join();
  fs::remove_all(preview_root, ec);
  return 0;
}

}  // namespace trustsite
