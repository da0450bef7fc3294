// `trustsite serve`: the input fingerprint, and the preview server end to end (the real binary
// on 127.0.0.1, an ephemeral port, stopped by PID with SIGINT).
#include "serve.h"

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include <doctest/doctest.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "environment.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

TEST_CASE("serve: the input fingerprint changes when content changes, and only then") {
  TempDir dir;
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/sites/basic", dir / "site");
  const fs::path data = read_environment().data_dir;
  auto input_fingerprint = [&](const fs::path& site) {
    return trustsite::input_fingerprint(site, data);
  };
  const std::string before = input_fingerprint(dir / "site");
  CHECK(input_fingerprint(dir / "site") == before);
  write_file(dir / "site/content/controls/access.yaml",
             read_file(dir / "site/content/controls/access.yaml") + "\n");
  CHECK(input_fingerprint(dir / "site") != before);
  const std::string after_edit = input_fingerprint(dir / "site");
  write_file(dir / "site/public-unrelated.txt", "not an input");
  CHECK(input_fingerprint(dir / "site") == after_edit);
}

TEST_CASE("serve: the binary builds, serves pages and 404s on loopback, and stops on SIGINT") {
  TempDir dir;
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/sites/basic", dir / "site");
  const fs::path log = dir / "serve.log";
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    FILE* out = std::freopen(log.c_str(), "w", stderr);
    (void)out;
    execl(TRUSTSITE_BINARY, "trustsite", "serve", "--site", (dir / "site").c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 100 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string text = read_file(log);
    const auto at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
  }
  REQUIRE_MESSAGE(port > 0, read_file(log));
  httplib::Client client("127.0.0.1", port);
  auto page = client.Get("/sv/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<html lang=\"sv\"") != std::string::npos);
  auto missing = client.Get("/no-such-page/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("<!DOCTYPE html>") != std::string::npos);
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

// A `trustsite serve` child on an ephemeral port of 127.0.0.1, its stderr in `log`; stopped with
// SIGINT by stop(), or killed when a failed REQUIRE leaves the test early (so no server outlives
// the test binary and holds CTest's output pipe open).
class ServeProcess {
 public:
  ServeProcess(const fs::path& site, const fs::path& log) : log_(log) {
    pid_ = fork();
    if (pid_ == 0) {
      FILE* out = std::freopen(log.c_str(), "w", stderr);
      (void)out;
      execl(TRUSTSITE_BINARY, "trustsite", "serve", "--site", site.c_str(), "--port", "0",
            static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // The port from the "serving the preview at http://127.0.0.1:N/" line (not from any other URL
  // in the log, such as a monitoring source's); 0 when it did not appear within 20 s.
  int wait_for_port() const {
    const std::string prefix = "serving the preview at http://127.0.0.1:";
    for (int i = 0; i < 200 && pid_ > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      const std::string text = read_file(log_);
      if (const auto at = text.find(prefix); at != std::string::npos)
        return std::atoi(text.c_str() + at + prefix.size());
    }
    return 0;
  }
  // Sends SIGINT and returns the wait status.
  int stop() {
    kill(pid_, SIGINT);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

 private:
  fs::path log_;
  pid_t pid_ = -1;
};

TEST_CASE("serve: after a first build that fails on monitoring (exit 3) a good rebuild is served") {
  TempDir dir;
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/invalid/monitoring-fetch-fail", dir / "site");
  const fs::path log = dir / "serve.log";
  ServeProcess serve(dir / "site", log);
  const int port = serve.wait_for_port();
  REQUIRE_MESSAGE(port > 0, read_file(log));
  CHECK(read_file(log).find("the first build failed; the preview stays empty until a rebuild "
                            "succeeds") != std::string::npos);
  httplib::Client client("127.0.0.1", port);
  auto empty = client.Get("/");
  REQUIRE(empty);
  CHECK(empty->status == 404);

  // Fix the cause: no monitoring. The watcher rebuilds, and the pages appear.
  write_file(dir / "site/site.yaml",
             "title: Acme Trust Center\nbase_url: https://trust.acme.example\ndefault_locale: en\n"
             "locales: [en]\ncompany:\n  name: Acme AB\n");
  int status_code = 0;
  for (int i = 0; i < 300 && status_code != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (auto page = client.Get("/")) status_code = page->status;
  }
  CHECK_MESSAGE(status_code == 200, read_file(log));
  auto home = client.Get("/en/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->body.find("Acme Trust Center") != std::string::npos);
  const int status = serve.stop();
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
