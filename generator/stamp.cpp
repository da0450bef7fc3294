#include "stamp.h"

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace trustsite {

std::optional<Date> latest_content_date(const Content& content) {
  std::optional<Date> latest;
  auto consider = [&](const std::optional<Date>& date) {
    if (date && (!latest || *date > *latest)) latest = date;
  };
  for (const auto& category : content.categories)
    for (const auto& control : category.controls) consider(control.updated);
  for (const auto& subprocessor : content.subprocessors) consider(subprocessor.since);
  for (const auto& change : content.changes) consider(change.date);
  for (const auto& page : content.pages)
    for (const auto& [locale, source] : page.by_locale) consider(source.updated);
  return latest;
}

std::optional<Date> git_content_date(const SiteConfig& config) {
  // Run git directly (no shell), so the site path needs no quoting.
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return std::nullopt;
  const std::string site = config.site_dir.string();
  pid_t pid = fork();
  if (pid < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    if (FILE* null = std::freopen("/dev/null", "w", stderr)) (void)null;
    // %ct: the commit time as POSIX seconds, so the date is taken in UTC like every other
    // date of the build (%cs would be the committer's local date).
    execlp("git", "git", "-C", site.c_str(), "log", "-1", "--format=%ct", "--", "content",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  std::string output;
  std::array<char, 256> buffer;
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) output.append(buffer.data(), n);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  if (output.empty() || output.size() > 15 ||
      output.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return date_from_unix_seconds(std::stoll(output));
}

Date compute_stamp(const SiteConfig& config, const Content& content) {
  if (config.updated_mode == UpdatedMode::fixed && config.updated_date) return *config.updated_date;
  if (config.updated_mode == UpdatedMode::git)
    if (auto date = git_content_date(config)) return *date;
  if (auto date = latest_content_date(content)) return *date;
  if (auto date = source_date_epoch_date()) return *date;
  return today_utc();
}

}  // namespace trustsite
