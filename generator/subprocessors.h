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
  // Resolved by validation (SPEC 3, change notices): `from` is the effective date of an upcoming
  // `added` change (the row is marked "from <date>"); `until` that of a `removed` change while
  // the sub-processor is still listed (marked "until <date>"); `upcoming` whether either lies
  // after "now".
  std::optional<Date> from;
  std::optional<Date> until;
  bool upcoming = false;
};

struct SubprocessorChange {
  Date date;  // the day the change takes effect
  // The day customers were told (GDPR Art. 28(2) notice), never after `date`.
  std::optional<Date> announced;
  SourceLocation announced_location;
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
  // Resolved by validation: `date` is after "now" (SPEC 2), so the change has not taken effect
  // yet. A change taking effect today is current, not upcoming.
  bool upcoming = false;
};

// Where customers object to an intended change (GDPR Art. 28(2)): exactly one of an e-mail
// address (is_email_address) or an https URL, or neither when not given.
struct ObjectionContact {
  std::string email;
  std::string url;
  bool empty() const { return email.empty() && url.empty(); }
};

// content/subprocessors.yaml.
struct SubprocessorList {
  bool present = false;  // the file exists (then the page has the section, even if empty)
  std::vector<Subprocessor> items;
  std::vector<SubprocessorChange> changes;  // sorted newest first (date desc, then file order)
  nlohmann::json extra;                     // the file's top-level `extra:`
  // The advance notice of a new sub-processor, in days, that the DPA promises (SPEC 3,
  // `notice_days`, 1-365), and where customers object (`objection_contact`).
  std::optional<int> notice_days;
  SourceLocation notice_days_location;
  ObjectionContact objection_contact;
};

// Whether customers can object to `change` (GDPR Art. 28(2)): it is upcoming (resolved by
// validation), `added` or `updated` (a removal leaves nothing to object to), and the list has
// an `objection_contact`. The objection window ends on the change's effective date.
bool takes_objections(const SubprocessorList& list, const SubprocessorChange& change);

// Where an objection to a change goes: for an e-mail contact a mailto: URI with `subject`
// (RFC 6068, url.h mailto_uri), else the https URL as given; empty without a contact.
std::string objection_href(const ObjectionContact& contact, const std::string& subject);

// The field names the loader knows (kept in agreement with schemas/subprocessors.schema.json).
struct SubprocessorFields {
  std::vector<std::string> file, subprocessor, change;
};
const SubprocessorFields& subprocessor_fields();

// Loads content/subprocessors.yaml when it exists. References (a change's sub-processor) are
// checked and resolved by validation, not here.
SubprocessorList load_subprocessors(const LoadContext& context);

}  // namespace trustsite
