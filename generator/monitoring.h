// Live control statuses (SPEC 6): fetch monitoring.source (libcurl, or a local file), convert
// the trustsite / statuspage / gatus format to items, cache the last good response.
// docs/monitoring.md is the user-facing description of every rule implemented here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "config.h"
#include "content.h"
#include "diagnostics.h"

namespace trustsite {

// One monitored item as shown on the page.
struct LiveStatus {
  std::string id;
  std::string status;      // passing | failing | warning | not_applicable | unknown | operational
                           // | degraded | partial_outage | major_outage | maintenance
  std::string checked_at;  // RFC 3339 in UTC, e.g. "2026-11-20T08:15:00Z"
  std::int64_t checked_at_unix = 0;  // seconds since the epoch
  std::string detail;                // optional free text from the source
  // The item's checked_at is older than max_age_hours: `status` is then "unknown" and
  // `reported_status` keeps what the source said (never shown as the live status).
  bool stale = false;
  std::string reported_status;  // the status as the source reported it (after mapping)
};

// The documented response size cap (docs/monitoring.md): 5 MiB of decoded body.
inline constexpr std::size_t kMaxMonitoringResponseBytes = 5 * 1024 * 1024;

struct MonitoringOptions {
  bool offline = false;  // --offline: no fetch; cache or nothing
  // "Now" for max_age_hours and the fetch time; 0 (the default, and what builds should use)
  // means the system clock. Never SOURCE_DATE_EPOCH: that is usually the last commit's time and
  // would make old data look fresh. Tests set a fixed value.
  std::int64_t now_unix = 0;
  std::size_t max_response_bytes = kMaxMonitoringResponseBytes;
  // Whether a good response is stored in <site>/.trustsite-cache/ (build: yes; check: no, it
  // writes nothing).
  bool write_cache = true;
};

struct MonitoringResult {
  bool configured = false;    // site.yaml has `monitoring`
  bool have_data = false;     // items came from a fetch, a file or the cache
  bool fetch_failed = false;  // a fetch (or reading the local file) was attempted and failed
  bool fatal = false;         // the failure is fatal (on_error: fail or --strict): exit 3
  // How many of the errors this call put into the sink are such fatal fetch failures; the rest
  // (configuration errors, an unset token_env under --strict) mean exit 1. So: exit 1 if
  // sink.error_count() > fatal_errors, else exit 3 if fatal.
  std::size_t fatal_errors = 0;
  bool from_cache = false;           // items come from .trustsite-cache (304, offline or fallback)
  std::int64_t fetched_at_unix = 0;  // when the data in `items` was fetched (or file mtime)
  // Keyed by every string a control's `monitor` may use: the item id and, for Statuspage, also
  // the component name (so one LiveStatus may appear under two keys; LiveStatus::id is the
  // source's id). Look up with find().
  std::map<std::string, LiveStatus> items;
  // Statuspage component names shared by several components: they match none of them.
  std::set<std::string> ambiguous_names;

  // The item a control's `monitor` value names, or nullptr.
  const LiveStatus* find(std::string_view monitor) const;
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

// After loading (only when result.have_data): a control whose `monitor` names no item in the
// data is a warning at its monitor_location naming the control and the known ids.
void check_monitor_references(const Content& content, const MonitoringResult& result,
                              DiagnosticSink& sink);

}  // namespace trustsite
