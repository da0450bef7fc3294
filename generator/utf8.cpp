#include "utf8.h"

namespace trustsite {

Utf8Char decode_utf8(std::string_view text, std::size_t offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = s[offset];
  if (c < 0x80) return {c, 1};
  std::size_t length;
  char32_t min_value, value;
  if ((c & 0xE0) == 0xC0) {
    length = 2, min_value = 0x80, value = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, min_value = 0x800, value = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, min_value = 0x10000, value = c & 0x07;
  } else {
    return {c, 0};
  }
  if (offset + length > text.size()) return {c, 0};
  for (std::size_t k = 1; k < length; ++k) {
    if ((s[offset + k] & 0xC0) != 0x80) return {c, 0};
    value = (value << 6) | (s[offset + k] & 0x3F);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {c, 0};
  return {value, length};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    const Utf8Char decoded = decode_utf8(text, i);
    if (decoded.length == 0) return i;
    i += decoded.length;
  }
  return std::nullopt;
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes to the start of the character that would be cut.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace trustsite
