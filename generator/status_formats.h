// The three monitoring data formats of SPEC 6 (trustsite-status/v1, Atlassian Statuspage v2,
// Gatus) -> LiveStatus items. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config.h"
#include "live_status.h"

namespace trustsite {

// Malformed JSON or valid JSON of the wrong shape. The message says what was found and what was
// expected; it never quotes the body (which could hold anything).
class StatusFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A parsed status document: the items in source order, extra lookup names (Statuspage component
// name -> id) and warnings about single items (unknown statuses, duplicate ids).
struct StatusDocument {
  std::vector<LiveStatus> items;
  std::vector<std::pair<std::string, std::string>> aliases;  // (name, id), names unique
  std::vector<std::string> ambiguous_names;  // names of several components: match none
  std::vector<std::string> warnings;
};

// Parses `body` in `format`. `fallback_checked_at_unix` is the time used where the format has no
// check time of its own (Statuspage always, Gatus endpoints without results). Every item has a
// status from the documented set, `checked_at` in UTC and `reported_status` == `status`.
// Throws StatusFormatError.
StatusDocument parse_status_document(std::string_view body, MonitoringFormat format,
                                     std::int64_t fallback_checked_at_unix);

// The status values of the trustsite format (SPEC 6), comma-separated, for messages.
std::string allowed_statuses_text();

}  // namespace trustsite
