#include "serve.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <stdlib.h>

#include "data_dirs.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

httplib::Server* g_server = nullptr;

extern "C" void stop_server(int) {
  if (g_server != nullptr) g_server->stop();
}

void print(const BuildReport& report) {
  for (const auto& d : report.diagnostics) std::cerr << format_text(d) << '\n';
}

}  // namespace

std::string input_fingerprint(const fs::path& site_dir) {
  std::string fingerprint;
  std::error_code ec;
  auto add = [&](const fs::path& path) {
    auto size = fs::file_size(path, ec);
    auto time = fs::last_write_time(path, ec).time_since_epoch().count();
    fingerprint += path.string() + '\t' + std::to_string(size) + '\t' + std::to_string(time) + '\n';
  };
  std::vector<fs::path> roots;
  for (const auto& dir : search_dirs(site_dir)) {
    for (const char* sub : {"content", "templates", "themes", "locales", "monitoring"})
      roots.push_back(dir / sub);
  }
  if (fs::exists(site_dir / "site.yaml", ec)) add(site_dir / "site.yaml");
  for (const auto& root : roots) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(it->path());
    ec.clear();
    std::sort(files.begin(), files.end());
    for (const auto& file : files) add(file);
  }
  return fingerprint;
}

int serve(const ServeOptions& options) {
  std::string pattern = (fs::temp_directory_path() / "trustsite-serve-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::cerr << "trustsite: cannot create a preview directory in " << fs::temp_directory_path()
              << '\n';
    return 1;
  }
  const fs::path preview_root(pattern);
  BuildOptions build = options.build;
  build.out_dir = preview_root / "site";
  build.write_output = true;

  std::string fingerprint = input_fingerprint(fs::absolute(build.site_dir));
  BuildReport first = run_build(build);
  print(first);
  if (first.exit_code == 1) {
    std::cerr << "trustsite: the site does not build; fix the errors above and run serve again\n";
    fs::remove_all(preview_root);
    return 1;
  }

  httplib::Server server;
  server.set_mount_point("/", build.out_dir->string());
  server.set_file_extension_and_mimetype_mapping("atom", "application/atom+xml");
  server.set_file_extension_and_mimetype_mapping("txt", "text/plain; charset=utf-8");
  const fs::path not_found = *build.out_dir / "404.html";
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
    std::cerr << "trustsite: cannot listen on " << options.host << ':' << options.port
              << " (in use?); expected a free port (--port N, or --port 0 for any)\n";
    fs::remove_all(preview_root);
    return 1;
  }
  std::cerr << "trustsite: serving the preview at http://" << options.host << ':' << port
            << "/ (Ctrl-C to stop)\n";

  std::atomic<bool> running{true};
  std::thread watcher([&] {
    while (running) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_milliseconds));
      std::string now = input_fingerprint(fs::absolute(build.site_dir));
      if (now == fingerprint) continue;
      fingerprint = std::move(now);
      BuildReport report = run_build(build);
      print(report);
      std::cerr << (report.exit_code == 0
                        ? "trustsite: rebuilt\n"
                        : "trustsite: rebuild failed; still serving the last good site\n");
    }
  });

  g_server = &server;
  std::signal(SIGINT, stop_server);
  std::signal(SIGTERM, stop_server);
  server.listen_after_bind();
  g_server = nullptr;
  running = false;
  watcher.join();
  fs::remove_all(preview_root);
  return 0;
}

}  // namespace trustsite
