#include "date.h"

#include <algorithm>
#include <cstdio>

namespace trustsite {

namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digits_value(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!is_digits(year) || !is_digits(month) || !is_digits(day)) return std::nullopt;
  Date date{std::chrono::year{digits_value(year)},
            std::chrono::month{static_cast<unsigned>(digits_value(month))},
            std::chrono::day{static_cast<unsigned>(digits_value(day))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

bool is_supported_date(const Date& date) {
  using namespace std::chrono;
  return date.ok() && date >= Date{year{kMinSupportedYear}, January, day{1}} &&
         date <= Date{year{kMaxSupportedYear}, December, day{31}};
}

bool is_supported_time(std::int64_t unix_seconds) {
  // Checked before converting, so that no overflow can happen on the way.
  constexpr std::int64_t kLast = 32503680000 - 1;  // 3000-01-01T00:00:00Z minus one second
  return unix_seconds >= 0 && unix_seconds <= kLast;
}

std::string supported_dates_text() {
  return "from " + std::to_string(kMinSupportedYear) + "-01-01 to " +
         std::to_string(kMaxSupportedYear) + "-12-31";
}

std::string format_date(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

Date date_from_unix_seconds(std::int64_t seconds) {
  using namespace std::chrono;
  return Date{floor<days>(sys_seconds{std::chrono::seconds{seconds}})};
}

std::int64_t unix_seconds_of(const Date& date) {
  return std::chrono::sys_days{date}.time_since_epoch().count() * std::int64_t{86400};
}

// RFC 3339 section 5.6:
//   date-time = full-date "T" full-time;  full-time = partial-time time-offset
//   partial-time = HH ":" MM ":" SS [ "." 1*DIGIT ];  time-offset = "Z" / ("+" / "-") HH ":" MM
std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  if (text.size() < 20) return std::nullopt;
  auto part = [&](std::size_t pos, std::size_t len) { return text.substr(pos, len); };
  if (!is_digits(part(0, 4)) || text[4] != '-' || !is_digits(part(5, 2)) || text[7] != '-' ||
      !is_digits(part(8, 2)) || (text[10] != 'T' && text[10] != 't') || !is_digits(part(11, 2)) ||
      text[13] != ':' || !is_digits(part(14, 2)) || text[16] != ':' || !is_digits(part(17, 2)))
    return std::nullopt;
  using namespace std::chrono;
  year_month_day date{year{digits_value(part(0, 4))}, month{unsigned(digits_value(part(5, 2)))},
                      day{unsigned(digits_value(part(8, 2)))}};
  int hours = digits_value(part(11, 2)), minutes = digits_value(part(14, 2));
  int seconds = digits_value(part(17, 2));
  if (!date.ok() || hours > 23 || minutes > 59 || seconds > 60) return std::nullopt;
  if (seconds == 60) seconds = 59;  // a leap second; POSIX time has none

  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    std::size_t digits_start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start) return std::nullopt;
  }
  if (pos >= text.size()) return std::nullopt;
  int offset_seconds = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    if (text.size() - pos != 6 || !is_digits(part(pos + 1, 2)) || text[pos + 3] != ':' ||
        !is_digits(part(pos + 4, 2)))
      return std::nullopt;
    int offset_hours = digits_value(part(pos + 1, 2)),
        offset_minutes = digits_value(part(pos + 4, 2));
    if (offset_hours > 23 || offset_minutes > 59) return std::nullopt;
    offset_seconds = (offset_hours * 60 + offset_minutes) * 60 * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  std::int64_t days_since_epoch = sys_days{date}.time_since_epoch().count();
  return days_since_epoch * 86400 + hours * 3600 + minutes * 60 + seconds - offset_seconds;
}

std::string format_rfc3339_utc(std::int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds time{seconds{unix_seconds}};
  auto day_point = floor<days>(time);
  year_month_day date{day_point};
  hh_mm_ss<seconds> clock{time - day_point};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                int(clock.minutes().count()), int(clock.seconds().count()));
  return buffer;
}

std::string rfc3339_midnight(const Date& date) {
  return format_date(date) + "T00:00:00Z";
}

std::string format_utc_minutes(std::int64_t unix_seconds) {
  const std::string rfc3339 = format_rfc3339_utc(unix_seconds);
  return rfc3339.substr(0, 10) + " " + rfc3339.substr(11, 5) + " UTC";
}

Date PartialDate::first_day() const {
  using namespace std::chrono;
  switch (precision) {
    case Precision::year:
      return Date{std::chrono::year{year}, January, std::chrono::day{1}};
    case Precision::quarter:
      return Date{std::chrono::year{year}, std::chrono::month{(part - 1) * 3 + 1},
                  std::chrono::day{1}};
    case Precision::month:
      return Date{std::chrono::year{year}, std::chrono::month{part}, std::chrono::day{1}};
    case Precision::day:
      break;
  }
  return Date{std::chrono::year{year}, std::chrono::month{part}, std::chrono::day{day}};
}

Date PartialDate::last_day() const {
  using namespace std::chrono;
  switch (precision) {
    case Precision::year:
      return Date{std::chrono::year{year}, December, std::chrono::day{31}};
    case Precision::quarter:
      return Date{year_month_day_last{std::chrono::year{year},
                                      month_day_last{std::chrono::month{part * 3}}}};
    case Precision::month:
      return Date{
          year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{part}}}};
    case Precision::day:
      break;
  }
  return first_day();
}

std::optional<PartialDate> parse_partial_date(std::string_view text) {
  if (text.size() < 4 || !is_digits(text.substr(0, 4)) || text[0] == '0') return std::nullopt;
  PartialDate date;
  date.year = digits_value(text.substr(0, 4));
  if (text.size() == 4) return date;
  if (text[4] != '-') return std::nullopt;
  if (text.size() == 7 && (text[5] == 'Q' || text[5] == 'q') && text[6] >= '1' && text[6] <= '4') {
    date.precision = PartialDate::Precision::quarter;
    date.part = static_cast<unsigned>(text[6] - '0');
    return date;
  }
  if (text.size() == 7 && is_digits(text.substr(5, 2))) {
    const int month = digits_value(text.substr(5, 2));
    if (month < 1 || month > 12) return std::nullopt;
    date.precision = PartialDate::Precision::month;
    date.part = static_cast<unsigned>(month);
    return date;
  }
  auto full = parse_date(text);
  if (!full) return std::nullopt;
  date.precision = PartialDate::Precision::day;
  date.part = static_cast<unsigned>(full->month());
  date.day = static_cast<unsigned>(full->day());
  return date;
}

std::string format_partial_date(const PartialDate& date) {
  char buffer[16];
  switch (date.precision) {
    case PartialDate::Precision::year:
      std::snprintf(buffer, sizeof buffer, "%04d", date.year);
      break;
    case PartialDate::Precision::quarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%u", date.year, date.part);
      break;
    case PartialDate::Precision::month:
      std::snprintf(buffer, sizeof buffer, "%04d-%02u", date.year, date.part);
      break;
    case PartialDate::Precision::day:
      return format_date(date.first_day());
  }
  return buffer;
}

std::string html_datetime(const PartialDate& date) {
  if (date.precision == PartialDate::Precision::quarter) return {};
  return format_partial_date(date);
}

std::optional<std::int64_t> parse_source_date_epoch(std::string_view text) {
  if (!is_digits(text) || text.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace trustsite
