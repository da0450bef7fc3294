// The text rules (size, forbidden characters, identifiers) and the UTF-8 decoder.
#include "text_rules.h"

#include <doctest/doctest.h>

#include <string>

#include "utf8.h"

using namespace trustsite;

TEST_CASE("text_problem: length, control characters and bidirectional controls") {
  CHECK(text_problem("plain text\twith a tab\nand lines") == "");
  CHECK(text_problem("Svenska: åäö, emoji 🔒, RLM \u200F") == "");
  CHECK(text_problem(std::string(kMaxTextBytes, 'x')) == "");
  CHECK(text_problem(std::string(kMaxTextBytes + 1, 'x')).rfind("is 262145 bytes long", 0) == 0);
  CHECK(text_problem("a\x1b[31m").rfind("contains the control character U+001B at byte 2;", 0) ==
        0);
  CHECK(text_problem("a\u0085").rfind("contains the control character U+0085 at byte 2;", 0) == 0);
  for (const char* bidi :
       {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    CHECK(text_problem(std::string("x") + bidi).find("bidirectional control character") !=
          std::string::npos);
  CHECK(text_problem("\u2028\u2029\u2065\u206A") == "");  // neighbours are not bidi controls
}

TEST_CASE("find_invalid_utf8 rejects overlongs, surrogates and truncation") {
  CHECK_FALSE(find_invalid_utf8("åäö ✓ 📦"));
  CHECK(find_invalid_utf8("\xC0\xAF") == std::optional<std::size_t>(0));          // overlong '/'
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == std::optional<std::size_t>(2));    // surrogate
  CHECK(find_invalid_utf8("abc\xE2\x9C") == std::optional<std::size_t>(3));       // truncated
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));  // > U+10FFFF
}

TEST_CASE("is_identifier: a lowercase letter or digit, then lowercase letters, digits or '-'") {
  CHECK(is_identifier("mfa"));
  CHECK(is_identifier("iso-27001"));
  CHECK(is_identifier("2fa"));
  CHECK_FALSE(is_identifier(""));
  CHECK_FALSE(is_identifier("-mfa"));
  CHECK_FALSE(is_identifier("MFA"));
  CHECK_FALSE(is_identifier("a_b"));
  CHECK_FALSE(is_identifier("a b"));
  CHECK_FALSE(is_identifier("\"><script>"));
}
