#include "localized.h"

namespace trustsite {

SourceLocation TextOrigin::at(int line, int column) const {
  SourceLocation location = value;
  if (location.line <= 0) return location;  // the file is known, the position is not
  if (block) {
    location.line += line + line_offset;
    location.column = content_column + column - 1;
  } else {
    location.line += line - 1 + line_offset;
    location.column = line == 1 ? content_column + column - 1 : column;
  }
  return location;
}

ResolvedText resolve(const LocalizedText& field, const std::string& locale,
                     const std::string& default_locale) {
  if (auto it = field.by_locale.find(locale); it != field.by_locale.end()) return {it->second, {}};
  if (auto it = field.by_locale.find(default_locale); it != field.by_locale.end())
    return {it->second, default_locale};
  return {};
}

}  // namespace trustsite
