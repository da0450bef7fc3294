#include "text_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "utf8.h"

namespace trustsite {

bool is_forbidden_character(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  return c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, the common case
      ++i;
      continue;
    }
    const Utf8Char decoded = decode_utf8(text, i);
    if (decoded.length == 0) {  // not valid UTF-8: the caller checked that already
      ++i;
      continue;
    }
    if (is_forbidden_character(decoded.code_point))
      return ForbiddenCharacter{i, decoded.code_point};
    i += decoded.length;
  }
  return std::nullopt;
}

std::string describe_character(char32_t code_point) {
  static const std::map<char32_t, const char*> names = {
      {0x202A, "LEFT-TO-RIGHT EMBEDDING"},    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
      {0x202C, "POP DIRECTIONAL FORMATTING"}, {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
      {0x202E, "RIGHT-TO-LEFT OVERRIDE"},     {0x2066, "LEFT-TO-RIGHT ISOLATE"},
      {0x2067, "RIGHT-TO-LEFT ISOLATE"},      {0x2068, "FIRST STRONG ISOLATE"},
      {0x2069, "POP DIRECTIONAL ISOLATE"}};
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
  auto it = names.find(code_point);
  if (it != names.end())
    return std::string("the bidirectional control character ") + hex + " (" + it->second + ")";
  return std::string("the control character ") + hex;
}

std::string text_problem(std::string_view text) {
  if (text.size() > kMaxTextBytes)
    return "is " + std::to_string(text.size()) + " bytes long; expected at most " +
           std::to_string(kMaxTextBytes) + " bytes (256 KiB) per text";
  if (auto bad = find_forbidden_character(text)) {
    return "contains " + describe_character(bad->code_point) + " at byte " +
           std::to_string(bad->offset + 1) + forbidden_character_expectation(bad->code_point);
  }
  return {};
}

std::string forbidden_character_expectation(char32_t code_point) {
  if (code_point >= 0x202A)
    return ", which can make text display in a different order than it reads; expected text "
           "without bidirectional overrides, embeddings or isolates (use U+200E/U+200F marks "
           "if needed)";
  return "; expected printable text (tab and line breaks are the only control characters "
         "allowed)";
}

bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!allowed(text[0])) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) { return allowed(c) || c == '-'; });
}

bool is_language_tag(std::string_view tag) {
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view part = tag.substr(start, end - start);
    if (part.empty() || part.size() > 8 || (first && part.size() < 2)) return false;
    for (unsigned char c : part)
      if (!(std::isalpha(c) || (!first && std::isdigit(c)))) return false;
    if (end == tag.size()) return true;
    start = end + 1;
  }
}

}  // namespace trustsite
