// Sub-processors and their change history: content/subprocessors.yaml (SPEC 3; GDPR Art. 28).
// Plain data and its loader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"
#include "vocabulary.h"

namespace trustsite {

// Whether a data processing agreement is in place with a sub-processor.
enum class DpaStatus { signed_, in_progress, not_required };
inline constexpr Vocabulary<DpaStatus, 3> kDpaStatuses{{{
    {DpaStatus::signed_, "signed"},
    {DpaStatus::in_progress, "in_progress"},
    {DpaStatus::not_required, "not_required"},
}}};
inline const char* to_string(DpaStatus dpa) {
  return kDpaStatuses.name(dpa).data();
}

enum class ChangeType { added, removed, updated };
inline constexpr Vocabulary<ChangeType, 3> kChangeTypes{{{
    {ChangeType::added, "added"},
    {ChangeType::removed, "removed"},
    {ChangeType::updated, "updated"},
}}};
inline const char* to_string(ChangeType type) {
  return kChangeTypes.name(type).data();
}

struct Subprocessor {
  std::string id;
  SourceLocation id_location;
  std::string name;
  LocalizedText purpose;
  LocalizedText location;
  std::string website;  // an absolute http(s) URL (validated), or empty
  DpaStatus dpa = DpaStatus::in_progress;
  std::optional<Date> since;
  nlohmann::json extra;  // `extra:` for the theme (SPEC 2), null when absent
  SourceLocation source_location;
};

struct SubprocessorChange {
  Date date;
  ChangeType type = ChangeType::updated;
  std::string subprocessor;  // a listed id, or (removed only) a former one
  SourceLocation subprocessor_location;
  std::string name;  // display name as written; required when the id is no longer listed
  LocalizedText note;
  nlohmann::json extra;
  SourceLocation location;
  // Resolved by validation: the listed sub-processor (nullptr for a former one), and the name
  // to show (the listed one's, else `name`).
  const Subprocessor* listed = nullptr;
  std::string display_name;
};

// content/subprocessors.yaml.
struct SubprocessorList {
  bool present = false;  // the file exists (then the page has the section, even if empty)
  std::vector<Subprocessor> items;
  std::vector<SubprocessorChange> changes;  // sorted newest first (date desc, then file order)
  nlohmann::json extra;                     // the file's top-level `extra:`
};

// The field names the loader knows (kept in agreement with schemas/subprocessors.schema.json).
struct SubprocessorFields {
  std::vector<std::string> file, subprocessor, change;
};
const SubprocessorFields& subprocessor_fields();

// Loads content/subprocessors.yaml when it exists. References (a change's sub-processor) are
// checked and resolved by validation, not here.
SubprocessorList load_subprocessors(const LoadContext& context);

}  // namespace trustsite
