// File sizes as readers see them ("84 KB", "1,4 MB"): decimal units (1 kB = 1000 bytes, as SI
// and IEC 80000-13 define the prefixes), with the unit words and the decimal separator of the
// page's locale taken from its UI strings (`size.*`). Pure.
#pragma once

#include <cstdint>
#include <string>

namespace trustsite {

// The locale's forms; each `{size}` is replaced by the number.
struct FileSizeFormat {
  std::string bytes_one;    // "{size} byte"
  std::string bytes_other;  // "{size} bytes"
  std::string kilobytes;    // "{size} KB" / "{size} kB"
  std::string megabytes;    // "{size} MB"
  std::string decimal_separator = ".";
};

// `bytes` in the largest unit under 1000 of it: bytes below 1000 ("512 bytes"), whole kilobytes
// below 999.5 kB ("84 KB", at least 1), then megabytes with one decimal below 9.95 MB ("1.4 MB",
// "1,4 MB") and whole ones above ("52 MB"); rounded half up.
std::string format_file_size(std::uint64_t bytes, const FileSizeFormat& format);

}  // namespace trustsite
