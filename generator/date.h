// Calendar dates and times: YYYY-MM-DD (the RFC 3339 `full-date`), RFC 3339 date-times in UTC,
// and the display forms the pages use, on top of std::chrono's civil calendar. Pure: the clock
// is read once, at the edge (environment.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trustsite {

using Date = std::chrono::year_month_day;

// The dates trustsite accepts anywhere (content, site.yaml, TRUSTSITE_NOW, SOURCE_DATE_EPOCH):
// 1970-01-01 to 2999-12-31. Wide enough for any real date of a Trust Center, and it keeps every
// date trustsite computes from one (security.txt's Expires is the stamp plus at most 3650 days)
// a four-digit year, as RFC 3339 section 5.6 requires; a placeholder such as 9999-12-31 is
// refused with a message instead of producing "Expires: 10000-...".
inline constexpr int kMinSupportedYear = 1970;
inline constexpr int kMaxSupportedYear = 2999;

// Whether `date` is within kMinSupportedYear-01-01 .. kMaxSupportedYear-12-31.
bool is_supported_date(const Date& date);

// Whether POSIX time `unix_seconds` falls on a supported date.
bool is_supported_time(std::int64_t unix_seconds);

// "from 1970-01-01 to 2999-12-31", for messages.
std::string supported_dates_text();

// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) into a valid calendar
// date; nullopt for anything else, including impossible dates such as 2026-02-30 or 2026-3-1.
std::optional<Date> parse_date(std::string_view text);

// Formats as `YYYY-MM-DD`.
std::string format_date(const Date& date);

// The UTC calendar date of a POSIX time in seconds.
Date date_from_unix_seconds(std::int64_t seconds);

// Midnight UTC of `date` as POSIX seconds.
std::int64_t unix_seconds_of(const Date& date);

// RFC 3339 section 5.6 `date-time` (e.g. "2026-03-01T08:15:00.25+01:00", "...Z"; 'T' and 'Z'
// case-insensitive; fractional seconds truncated; a leap second 60 read as 59) -> seconds since
// the epoch; nullopt for anything else, including impossible dates.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// Seconds since the epoch -> "YYYY-MM-DDTHH:MM:SSZ" (RFC 3339, UTC).
std::string format_rfc3339_utc(std::int64_t unix_seconds);

// "YYYY-MM-DDT00:00:00Z": a calendar date as an RFC 3339 date-time at midnight UTC.
std::string rfc3339_midnight(const Date& date);

// Seconds since the epoch -> "YYYY-MM-DD HH:MM UTC", the form pages show times in (SPEC 6:
// times are shown in UTC).
std::string format_utc_minutes(std::int64_t unix_seconds);

// A SOURCE_DATE_EPOCH value (reproducible-builds.org): a non-negative integer of at most 15
// digits, in seconds; nullopt for anything else (unset variables are the caller's business).
std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

}  // namespace trustsite
