// Helpers shared by the tests: temporary directories, whole files and runs of the binary.
#pragma once

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <sys/wait.h>

#include "diagnostics.h"
#include "environment.h"

namespace trustsite::testing {

// The environment a build gets in CI: the process's own, with SOURCE_DATE_EPOCH fixed
// (2026-09-21T14:13:20Z) unless it is set, and "now" an hour later, so that fixtures without
// dates get a stable update stamp and no "the stamp is today" warning, and local monitoring
// files (their times clamped to SOURCE_DATE_EPOCH) are fresh. Tests of those rules build their
// own Environment.
inline Environment test_environment() {
  Environment environment = read_environment();
  if (!environment.source_date_epoch) {
    environment.source_date_epoch = 1790000000;
    if (environment.now_override.empty()) environment.now_unix = 1790000000 + 3600;
  }
  return environment;
}

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("trustsite-test-" + std::to_string(random()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& relative) const { return path_ / relative; }

 private:
  std::filesystem::path path_;
};

// Sets (or, with nullptr, unsets) an environment variable for one scope, restoring the previous
// value afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ScopedEnv(const char* name, const std::string& value) : ScopedEnv(name, value.c_str()) {}
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// Writes `content` to `path`, creating parent directories.
inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// The whole file, or an empty string when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// What one run of the trustsite binary did: its exit code as a shell reports it (the status it
// exited with; 128 + the signal number when a signal ended it; -1 otherwise), and its stdout and
// stderr, each whole and separate.
struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `path` as one word for /bin/sh: in single quotes, each ' inside written as '\''.
inline std::string shell_quoted(const std::filesystem::path& path) {
  std::string out = "'";
  for (const char c : path.string()) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

// Runs the trustsite binary under test (TRUSTSITE_BINARY, which CMake defines for the test
// target as the built `trustsite`) as `/bin/sh -c "trustsite <arguments>"` and waits for it to
// end (no timeout). `arguments` is shell text: quote paths and values with shell_quoted(). The
// binary inherits this process's environment (set a variable for a run with ScopedEnv) and
// stdin; stdout is read through a pipe, stderr is written to `scratch`/stderr.txt (an existing
// directory; the file is overwritten) and read back. REQUIREs that the shell could be started.
inline CliResult run_cli(const std::string& arguments, const std::filesystem::path& scratch) {
  const std::filesystem::path err_file = scratch / "stderr.txt";
  const std::string command =
      shell_quoted(TRUSTSITE_BINARY) + " " + arguments + " 2>" + shell_quoted(err_file);
  CliResult result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  result.err = read_file(err_file);
  return result;
}

// Copies a directory tree (for fixture sites that a test modifies).
inline void copy_tree(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::create_directories(to);
  std::filesystem::copy(
      from, to,
      std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
}

// Every regular file below `root`: its path relative to `root` (generic form, '/') -> its bytes,
// sorted by path, so that two output trees compare with one ==.
inline std::map<std::string, std::string> file_tree(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file())
      files[std::filesystem::relative(entry.path(), root).generic_string()] =
          read_file(entry.path());
  return files;
}

// The diagnostics as the CLI prints them (`path:line:col: severity: message`), one per line;
// for INFO() and failure messages.
inline std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) out += format_text(diagnostic) + "\n";
  return out;
}

// Whether `text` contains `needle`.
inline bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The HTML of the element that carries id="<id>": from its start tag to the first closing tag
// of the same name after the id (good enough for the theme's <article>, <tr>, <section>,
// <details>, which do not nest in themselves); to the end of `html` when there is no closing
// tag, and empty when no element carries the id.
inline std::string element_with_id(const std::string& html, const std::string& id) {
  const std::size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return {};
  const std::size_t open = html.rfind('<', at);
  const std::size_t name_end = html.find_first_of(" >", open);
  const std::string tag = html.substr(open + 1, name_end - open - 1);
  const std::size_t close = html.find("</" + tag + ">", at);
  return html.substr(
      open, close == std::string::npos ? std::string::npos : close + tag.size() + 3 - open);
}

}  // namespace trustsite::testing
