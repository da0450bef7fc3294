#include "date.h"

#include <cstdio>
#include <cstdlib>

namespace trustsite {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return std::nullopt;
  Date date{std::chrono::year{to_int(year)},
            std::chrono::month{static_cast<unsigned>(to_int(month))},
            std::chrono::day{static_cast<unsigned>(to_int(day))}};
  if (!date.ok()) return std::nullopt;
  return date;
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

std::optional<std::int64_t> source_date_epoch_seconds() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr || !all_digits(value) || std::string_view(value).size() > 15)
    return std::nullopt;
  return std::strtoll(value, nullptr, 10);
}

std::optional<Date> source_date_epoch_date() {
  if (auto seconds = source_date_epoch_seconds()) return date_from_unix_seconds(*seconds);
  return std::nullopt;
}

std::int64_t unix_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

Date today_utc() {
  using namespace std::chrono;
  return Date{floor<days>(system_clock::now())};
}

}  // namespace trustsite
