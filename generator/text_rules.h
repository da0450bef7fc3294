// The rules every text from the input obeys before it can reach a page (SPEC 2, SPEC 3,
// docs/errors.md): a size limit, no control or bidirectional-override characters, and the
// identifier rule for ids, slugs and locale codes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace trustsite {

// The largest text accepted in any YAML field (bytes); a longer one is an error.
inline constexpr std::size_t kMaxTextBytes = 256 * 1024;

// A character that no text on the page may contain: a C0/C1 control character other than tab,
// LF and CR, DEL, or a Unicode bidirectional embedding/override/isolate control (U+202A..U+202E,
// U+2066..U+2069; "Trojan Source", CVE-2021-42574). `offset` is the byte offset in the text.
struct ForbiddenCharacter {
  std::size_t offset;
  char32_t code_point;
};

// Whether `code_point` is such a character.
bool is_forbidden_character(char32_t code_point);

// The first forbidden character in `text` (valid UTF-8), or nullopt. Linear, no allocation.
std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text);

// "the control character U+0007", "the bidirectional control character U+202E (RIGHT-TO-LEFT
// OVERRIDE)".
std::string describe_character(char32_t code_point);

// The end of a message about forbidden character `code_point` in some text: ", which can make
// text display in a different order ...; expected text without bidirectional overrides, ..."
// for a bidirectional control, "; expected printable text (tab and line breaks ...)" otherwise.
std::string forbidden_character_expectation(char32_t code_point);

// What is wrong with `text` as a field value ("is 1048576 bytes long; expected at most ...",
// "contains the control character U+0007 at byte 5; expected ..."), or "" when it is fine.
std::string text_problem(std::string_view text);

// Whether `text` is an identifier: ^[a-z0-9][a-z0-9-]*$ (SPEC 3: ids, slugs, locale codes).
bool is_identifier(std::string_view text);

// Whether `tag` is a language tag in the loose form of RFC 5646 that trustsite accepts: 2-8
// letters, then any number of '-' and 1-8 letters or digits ("en", "sv", "en-GB", "zh-Hant").
bool is_language_tag(std::string_view tag);

}  // namespace trustsite
