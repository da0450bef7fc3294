// Text for XML 1.0 documents (sitemap.xml, Atom feeds): escaping and the character rule.
#pragma once

#include <string>
#include <string_view>

namespace trustsite {

// `text` escaped for XML 1.0 character data and attribute values (W3C XML 1.0, 2.4 and 3.3.3):
// & < > " ' become &amp; &lt; &gt; &quot; &apos;. Characters that XML 1.0 does not allow at all
// (section 2.2 `Char`: C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; UTF-8 surrogate
// encodings) are removed, so the result is always well-formed. Other bytes pass unchanged.
std::string xml_escape(std::string_view text);

}  // namespace trustsite
