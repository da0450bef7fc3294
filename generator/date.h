// Calendar dates (YYYY-MM-DD, the RFC 3339 `full-date`) on top of std::chrono's civil calendar.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trustsite {

using Date = std::chrono::year_month_day;

// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) into a valid calendar
// date; nullopt for anything else, including impossible dates such as 2026-02-30 or 2026-3-1.
std::optional<Date> parse_date(std::string_view text);

// Formats as `YYYY-MM-DD`.
std::string format_date(const Date& date);

// The UTC calendar date of a POSIX time in seconds.
Date date_from_unix_seconds(std::int64_t seconds);

// SOURCE_DATE_EPOCH (reproducible-builds.org spec) in seconds when that variable holds a
// non-negative integer of at most 15 digits; nullopt when unset or malformed.
std::optional<std::int64_t> source_date_epoch_seconds();

// The UTC date of source_date_epoch_seconds().
std::optional<Date> source_date_epoch_date();

// The system clock as POSIX seconds.
std::int64_t unix_now();

// Today's date in UTC from the system clock.
Date today_utc();

}  // namespace trustsite
