#include "file_size.h"

#include "locales.h"

namespace trustsite {

std::string format_file_size(std::uint64_t bytes, const FileSizeFormat& format) {
  auto fill = [](const std::string& form, const std::string& size) {
    return fill_placeholders(form, {{"size", size}});
  };
  if (bytes < 1000)
    return fill(bytes == 1 ? format.bytes_one : format.bytes_other, std::to_string(bytes));
  const std::uint64_t kilobytes = (bytes + 500) / 1000;
  if (kilobytes < 1000) return fill(format.kilobytes, std::to_string(kilobytes));
  const std::uint64_t tenths = (bytes + 50'000) / 100'000;  // of a megabyte
  if (tenths < 100)
    return fill(format.megabytes, std::to_string(tenths / 10) + format.decimal_separator +
                                      std::to_string(tenths % 10));
  return fill(format.megabytes, std::to_string((bytes + 500'000) / 1'000'000));
}

}  // namespace trustsite
