#include "xml_text.h"

namespace trustsite {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      default:
        break;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF (EF BF BE / EF BF BF) and surrogates U+D800..U+DFFF (ED A0..BF xx) are
    // not XML 1.0 characters: drop the whole three-byte sequence.
    if (i + 2 < text.size()) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      const auto c2 = static_cast<unsigned char>(text[i + 2]);
      if ((c == 0xEF && c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)) ||
          (c == 0xED && c1 >= 0xA0 && c1 <= 0xBF)) {
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace trustsite
