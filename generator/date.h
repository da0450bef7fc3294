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

// A date given as precisely as it is known (SPEC 3, a framework's `expected`): a year
// ("2027"), a quarter ("2027-Q2"), a month ("2027-06") or a day ("2027-06-30").
struct PartialDate {
  enum class Precision { year, quarter, month, day };
  Precision precision = Precision::year;
  int year = 0;
  unsigned part = 0;  // the quarter (1-4) or the month (1-12); 0 for a year
  unsigned day = 0;   // the day of the month, for Precision::day only

  // The first and the last calendar day of the period (2027-Q2: 2027-04-01 and 2027-06-30).
  Date first_day() const;
  Date last_day() const;
};

// Parses exactly YYYY, YYYY-QN (N = 1-4, "q" accepted), YYYY-MM or YYYY-MM-DD (a real calendar
// date), with a four-digit year from 1000 to 9999; nullopt for anything else ("2027-Q5", "2027-6",
// "Q2 2027").
std::optional<PartialDate> parse_partial_date(std::string_view text);

// The canonical text of a partial date: "2027", "2027-Q2", "2027-06", "2027-06-30".
std::string format_partial_date(const PartialDate& date);

// The value of an HTML `<time datetime>` for a partial date (WHATWG HTML, "valid year string",
// "valid month string", "valid date string"): "2027", "2027-06", "2027-06-30"; empty for a
// quarter, which HTML has no form for.
std::string html_datetime(const PartialDate& date);

// A SOURCE_DATE_EPOCH value (reproducible-builds.org): a non-negative integer of at most 15
// digits, in seconds; nullopt for anything else (unset variables are the caller's business).
std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

}  // namespace trustsite
