// format_integer: digit grouping without ICU.
#include "number_format.h"

#include <climits>

#include <doctest/doctest.h>

using namespace trustsite;

TEST_CASE("format_integer: groups of three digits from the right, with the locale's separator") {
  CHECK(format_integer(0, ",") == "0");
  CHECK(format_integer(50, ",") == "50");
  CHECK(format_integer(999, ",") == "999");
  CHECK(format_integer(1000, ",") == "1,000");
  CHECK(format_integer(5000, ",") == "5,000");
  CHECK(format_integer(12500, "\u00A0") == "12\u00A0500");
  CHECK(format_integer(1234567, ",") == "1,234,567");
  CHECK(format_integer(100000000, "\u00A0") == "100\u00A0000\u00A0000");
  CHECK(format_integer(-1234, ",") == "-1,234");
  CHECK(format_integer(LLONG_MIN, ",") == "-9,223,372,036,854,775,808");
  CHECK(format_integer(123456, "") == "123456");
}
