// Marking UI strings that fell back to another locale (SPEC 2: text in another language than
// the page is marked with `lang`). The view model wraps such a string in control characters
// that no input text can contain (the text rules forbid them); after rendering, each wrapped
// string becomes <span lang="…">…</span> where it is element text, and plain text where a span
// cannot go (inside a tag's attributes, <title>, <script>, <style>, <textarea>).
#pragma once

#include <string>
#include <string_view>

namespace trustsite {

// `text` wrapped as written in `lang` (a locale code).
std::string wrap_language(std::string_view text, std::string_view lang);

// Whether `text` holds a wrapped string.
bool has_language_marks(std::string_view text);

// `html` with every wrapped string turned into a span (element text) or unwrapped (elsewhere).
// HTML-escaping happened at rendering: the wrapped text is already escaped, the language code
// is a locale code (an identifier). Linear; returns `html` unchanged when it has no marks.
std::string apply_language_marks(std::string html);

// `text` with every wrap removed (for outputs that are not HTML).
std::string strip_language_marks(std::string text);

}  // namespace trustsite
