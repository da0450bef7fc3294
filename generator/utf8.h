// The one UTF-8 decoder (RFC 3629) for every place that reads text character by character:
// the YAML and page loaders, the text rules, diagnostics and XML output.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace trustsite {

// One decoded character: its code point and its length in bytes (1 to 4). `length` is 0 when
// the bytes at that offset are not valid UTF-8 (then `code_point` is the first byte's value).
struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// Decodes the character that starts at byte `offset` of `text` (offset < text.size()). Invalid
// per RFC 3629: a stray continuation byte, a truncated sequence, an overlong form, a surrogate
// (U+D800..U+DFFF) or anything above U+10FFFF. Never reads past the end of `text`.
Utf8Char decode_utf8(std::string_view text, std::size_t offset);

// The byte offset (0-based) of the first invalid UTF-8 sequence in `text`, or nullopt when the
// whole text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not cut a character in
// half (a valid UTF-8 text stays valid).
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace trustsite
