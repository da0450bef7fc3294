// The implementation status of a control or an AI disclosure (SPEC 3).
#pragma once

#include <string>

#include "vocabulary.h"

namespace trustsite {

enum class Status { implemented, in_progress, planned, not_applicable };

inline constexpr Vocabulary<Status, 4> kStatuses{{{
    {Status::implemented, "implemented"},
    {Status::in_progress, "in_progress"},
    {Status::planned, "planned"},
    {Status::not_applicable, "not_applicable"},
}}};

// The YAML spelling ("implemented", ...).
inline const char* to_string(Status status) {
  return kStatuses.name(status).data();
}

}  // namespace trustsite
