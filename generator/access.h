// Who may have a document or a report (SPEC 3: a document's `access`, a framework's `report`).
#pragma once

#include "vocabulary.h"

namespace trustsite {

// public: anyone (published on the site or linked); on_request: sent to customers who ask;
// under_nda: shared only under a non-disclosure agreement.
enum class Access { public_, on_request, under_nda };

inline constexpr Vocabulary<Access, 3> kAccessLevels{{{
    {Access::public_, "public"},
    {Access::on_request, "on_request"},
    {Access::under_nda, "under_nda"},
}}};

// The YAML spelling ("public", "on_request", "under_nda").
inline const char* to_string(Access access) {
  return kAccessLevels.name(access).data();
}

}  // namespace trustsite
