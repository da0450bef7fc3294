// Numbers as a locale writes them, without ICU: the one place that groups digits (the bounty
// range of the vulnerability disclosure programme). The locale's separator comes from its UI
// strings (`number.group_separator`: "," in English, a no-break space in Swedish, as in CLDR).
#pragma once

#include <string>
#include <string_view>

namespace trustsite {

// `value` in decimal with `group_separator` between groups of three digits counted from the
// right: (5000, ",") -> "5,000"; (1234567, "\u00A0") -> "1 234 567"; (50, ",") -> "50". A
// negative value starts with '-'. Never throws (other than std::bad_alloc).
std::string format_integer(long long value, std::string_view group_separator);

}  // namespace trustsite
