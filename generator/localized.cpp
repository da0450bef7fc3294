#include "localized.h"

namespace trustsite {

ResolvedText resolve(const LocalizedText& field, const std::string& locale,
                     const std::string& default_locale) {
  if (auto it = field.by_locale.find(locale); it != field.by_locale.end()) return {it->second, {}};
  if (auto it = field.by_locale.find(default_locale); it != field.by_locale.end())
    return {it->second, default_locale};
  return {};
}

}  // namespace trustsite
