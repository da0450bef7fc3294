// The three monitoring data formats of SPEC 6 (trustsite-status/v1, Atlassian Statuspage v2,
// Gatus) -> LiveStatus items. Pure: no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config.h"
#include "live_status.h"

namespace trustsite {

// The deepest nesting of arrays and objects accepted in a status document (real ones nest 4 or
// 5 levels); a deeper document is refused before it is parsed (docs/monitoring.md).
inline constexpr std::size_t kMaxStatusNestingDepth = 64;

// The longest piece of a response quoted in a message (bytes, cut on a character boundary).
inline constexpr std::size_t kMaxQuotedValueBytes = 64;

// Malformed JSON or valid JSON of the wrong shape. The message says what was found and what was
// expected; it never quotes the body (which could hold anything), only type names and values
// cut to kMaxQuotedValueBytes.
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

// `text` as a JSON string literal for messages, cut to kMaxQuotedValueBytes on a character
// boundary (with "…" inside the quotes when cut); invalid UTF-8 becomes U+FFFD.
std::string quoted_value(std::string_view text);

// Parses `body` as JSON (RFC 8259): refuses nesting deeper than kMaxStatusNestingDepth before
// parsing, and reports malformed JSON and numbers out of the double range (1e400) as
// StatusFormatError with a byte position, never quoting the body.
nlohmann::json parse_status_json(std::string_view body);

// The items of an already parsed document `root` in `format` (see parse_status_document()).
// Throws StatusFormatError.
StatusDocument read_status_document(const nlohmann::json& root, MonitoringFormat format,
                                    std::int64_t fallback_checked_at_unix);

// Parses `body` in `format`: parse_status_json() then read_status_document().
// `fallback_checked_at_unix` is the time used where the format has no check time of its own
// (Statuspage always, Gatus endpoints without results). Every item has a status from the documented
// set, `checked_at` in UTC and `reported_status` == `status`. Throws StatusFormatError.
StatusDocument parse_status_document(std::string_view body, MonitoringFormat format,
                                     std::int64_t fallback_checked_at_unix);

// The status values of the trustsite format (SPEC 6), comma-separated, for messages.
std::string allowed_statuses_text();

}  // namespace trustsite
