// The outside world a build depends on, read once at the edge (main, or a test) and passed in
// as a value: the clock ("now", SPEC 2), SOURCE_DATE_EPOCH, trustsite's data directory and the
// environment variables (the monitoring token). No stage reads them on its own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.h"

namespace trustsite {

struct Environment {
  // "Now" in POSIX seconds: the wall clock, or TRUSTSITE_NOW when set (SPEC 2). Freshness
  // (live status age, expiry, upcoming changes) is judged at this time, never at
  // SOURCE_DATE_EPOCH.
  std::int64_t now_unix = 0;
  // The TRUSTSITE_NOW text when it replaced the wall clock (the build warns), else empty.
  std::string now_override;
  // SOURCE_DATE_EPOCH in seconds when set to a valid value (reproducible-builds.org).
  std::optional<std::int64_t> source_date_epoch;
  // trustsite's own data directory (themes, locales, schemas; SPEC 1).
  std::filesystem::path data_dir;
  // The process's environment variables (for `monitoring.token_env`).
  std::map<std::string, std::string> variables;

  // The UTC date of now_unix.
  Date today() const { return date_from_unix_seconds(now_unix); }
  // The value of an environment variable, nullopt when unset.
  std::optional<std::string> variable(const std::string& name) const;
};

// A problem with the environment itself (TRUSTSITE_NOW or SOURCE_DATE_EPOCH not parseable):
// what was found and what is expected.
struct EnvironmentError {
  std::string message;
};

// Reads the process's environment, the wall clock and trustsite's data directory. A malformed
// TRUSTSITE_NOW (expected RFC 3339) is an error in `errors` and the wall clock is used; a
// malformed SOURCE_DATE_EPOCH is ignored as the reproducible-builds spec says.
Environment read_environment(std::vector<EnvironmentError>* errors = nullptr);

// The wall clock in POSIX seconds (UTC).
std::int64_t wall_clock_seconds();

// trustsite's own data directory: $TRUSTSITE_DATA_DIR when set; else <prefix>/share/trustsite
// next to an installed <prefix>/bin/trustsite; else the source tree a build-tree binary was
// built from; else the configured install location.
std::filesystem::path find_data_dir(const std::map<std::string, std::string>& variables);

}  // namespace trustsite
