#include "number_format.h"

namespace trustsite {

std::string format_integer(long long value, std::string_view group_separator) {
  // Unsigned arithmetic, so that the most negative value has a magnitude too.
  const bool negative = value < 0;
  unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(value)
                                          : static_cast<unsigned long long>(value);
  const std::string digits = std::to_string(magnitude);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group_separator;
    out += digits[i];
  }
  return out;
}

}  // namespace trustsite
