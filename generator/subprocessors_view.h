// The view model of the sub-processors (docs/themes.md: `subprocessors`).
#pragma once

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// `subprocessors` (docs/themes.md): {items, has_upcoming, upcoming, has_changes, changes,
// notice_days?, notice?}. `items` in file order, each marked `from` / `until` / `upcoming` as
// validation resolved them (SPEC 3, change notices); `upcoming` the changes that have not taken
// effect yet, soonest first, each with `objection` {by, href, display, is_email, lead} when
// customers can object (takes_objections: GDPR Art. 28(2)); `changes` the others, newest first.
// Every change carries its sub-processor's display name and, for a listed one, the link to its
// row. `notice` is the localized promise of `notice_days` (subprocessors.notice_one/_other).
nlohmann::json subprocessors_view(const SubprocessorList& list, const LocaleView& view);

}  // namespace trustsite
