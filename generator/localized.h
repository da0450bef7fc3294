// Localized text (SPEC 2): a plain string (text in the default locale) or a map from locale code
// to string, resolved for one locale with fallback to the default locale.
#pragma once

#include <map>
#include <string>

#include "diagnostics.h"

namespace trustsite {

// Where one locale's text of a field is in its file, so that a problem found inside the text
// (a broken Markdown link) can be reported where it is written.
struct TextOrigin {
  SourceLocation value;    // where the value starts (the '|' of a block scalar)
  int content_column = 1;  // the column the text's first character is written in
  bool block = false;      // a block scalar: the text starts on the line after `value`
  int line_offset = 0;     // added to lines inside the text (a page body starting on line N)

  // The file position of line `line`, column `column` (1-based) of the text.
  SourceLocation at(int line, int column) const;
};

// A localized field as written in YAML. `by_locale` maps locale code -> text; a plain string is
// text in the default locale (SPEC 2), stored under the default locale only, with `plain` set.
// Empty `by_locale` means "absent".
struct LocalizedText {
  std::map<std::string, std::string> by_locale;
  bool plain = false;
  SourceLocation location;                    // where the field's value starts
  std::map<std::string, TextOrigin> origins;  // where each locale's text is written

  bool empty() const { return by_locale.empty(); }
  bool has(const std::string& locale) const { return by_locale.count(locale) != 0; }
};

// The text of a localized field in one locale. `lang` is empty when the text is in the
// requested locale, and names the locale the text really is in when it fell back (SPEC 2: the
// element holding just that text gets `lang="<lang>"`).
struct ResolvedText {
  std::string text;
  std::string lang;
};

// Missing translations counted by locale code, for the per-locale summary (SPEC 2).
using MissingTranslations = std::map<std::string, int>;

// Resolves `field` for `locale`, falling back to `default_locale`; absent in both -> empty text.
ResolvedText resolve(const LocalizedText& field, const std::string& locale,
                     const std::string& default_locale);

}  // namespace trustsite
