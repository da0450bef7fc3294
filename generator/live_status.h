// Live statuses of monitored items (SPEC 6) as plain data: what the monitoring stage produces
// and the validation stage, the view model and trust.json read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

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
  const LiveStatus* find(std::string_view monitor) const {
    auto it = items.find(std::string(monitor));
    return it == items.end() ? nullptr : &it->second;
  }
};

}  // namespace trustsite
