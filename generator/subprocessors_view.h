// The view model of the sub-processors (docs/themes.md: `subprocessors`).
#pragma once

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `subprocessors`: {items: [...], has_changes, changes: [...]}, each change with its
// sub-processor's display name and, for a listed one, the link to its row.
nlohmann::json subprocessors_view(const SubprocessorList& list, const LocaleView& view);

}  // namespace trustsite
