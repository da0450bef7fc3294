// xml_escape: XML 1.0 escaping and removal of characters XML does not allow.
#include "xml_text.h"

#include <doctest/doctest.h>

using trustsite::xml_escape;

TEST_CASE("xml_escape: the five predefined entities") {
  CHECK(xml_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  CHECK(xml_escape("&amp;") == "&amp;amp;");  // already-escaped text is escaped again
}

TEST_CASE("xml_escape: characters outside XML 1.0 Char are removed, others kept") {
  CHECK(xml_escape(std::string("a\x01\x08\x0b\x0c\x1f"
                               "b",
                               7)) == "ab");
  CHECK(xml_escape(std::string("nul\0here", 8)) == "nulhere");
  CHECK(xml_escape("tab\tlf\ncr\r") == "tab\tlf\ncr\r");
  CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF") == "");    // U+FFFE, U+FFFF
  CHECK(xml_escape("x\xED\xA0\x80y") == "xy");            // a UTF-8-encoded surrogate
  CHECK(xml_escape("Åtkomst – ✓ 🔐") == "Åtkomst – ✓ 🔐");  // real UTF-8 untouched
  CHECK(xml_escape("\xEF\xBF\xBD") == "\xEF\xBF\xBD");    // U+FFFD is allowed
}
