// Live control statuses (SPEC 6): fetch monitoring.source (libcurl, or a local file), convert
// the trustsite / statuspage / gatus format to items, cache the last good response.
// docs/monitoring.md is the user-facing description of every rule implemented here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "config.h"
#include "diagnostics.h"
#include "live_status.h"

namespace trustsite {

// The documented response size cap (docs/monitoring.md): 5 MiB of decoded body.
inline constexpr std::size_t kMaxMonitoringResponseBytes = 5 * 1024 * 1024;

struct MonitoringOptions {
  bool offline = false;  // --offline: no fetch; cache or nothing
  // "Now" (SPEC 2) for max_age_hours and the fetch time, from Environment::now_unix. Never
  // SOURCE_DATE_EPOCH: that is usually the last commit's time and would make old data look
  // fresh.
  std::int64_t now_unix = 0;
  // SOURCE_DATE_EPOCH, which the modification time of a local file without check times is
  // clamped to (reproducible builds, SPEC 6).
  std::optional<std::int64_t> source_date_epoch;
  // The value of the environment variable `token_env` names; nullopt when it is unset.
  std::optional<std::string> token;
  std::size_t max_response_bytes = kMaxMonitoringResponseBytes;
  // Whether a good response is stored in <site>/.trustsite-cache/ (build: yes; check: no, it
  // writes nothing).
  bool write_cache = true;
};

// Reports configuration errors of `monitoring` (SPEC 6; exit 1, used by both build and check):
// the source must be an https URL, an http URL to a loopback host (localhost, 127.0.0.0/8, ::1),
// or a local path relative to the site dir (no scheme); timeout_seconds and max_age_hours must
// be positive. Errors go to `sink` at the config's positions and say what was found and what is
// expected. Does no I/O.
void validate_monitoring_config(const MonitoringConfig& config, DiagnosticSink& sink);

// Fetches (or reads the local file, or takes from the cache) the live statuses per SPEC 6 and
// docs/monitoring.md; uses and updates <site_dir>/.trustsite-cache/monitoring.json. Never throws
// for network or data problems: a failed fetch is a warning, or an error with result.fatal set
// when on_error is fail or sink.strict(). Without config.monitoring it returns an empty result.
// The bearer token never appears in any diagnostic, the cache or the result.
MonitoringResult load_live_statuses(const SiteConfig& config, const MonitoringOptions& options,
                                    DiagnosticSink& sink);

}  // namespace trustsite
