// Certifications, attestations, self-assessments and regulations: content/compliance.yaml
// (SPEC 3). Plain data and its loader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "date.h"
#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"
#include "vocabulary.h"

namespace trustsite {

struct Document;

// What kind of assurance a framework entry is.
enum class FrameworkType { certification, attestation, self_assessment, regulation };
inline constexpr Vocabulary<FrameworkType, 4> kFrameworkTypes{{{
    {FrameworkType::certification, "certification"},
    {FrameworkType::attestation, "attestation"},
    {FrameworkType::self_assessment, "self_assessment"},
    {FrameworkType::regulation, "regulation"},
}}};
inline const char* to_string(FrameworkType type) {
  return kFrameworkTypes.name(type).data();
}

// Where the company stands with a framework, as the editors declare it. The page shows an
// `achieved` entry whose `expires` has passed as "expired" instead (Framework::expired).
enum class FrameworkStatus { achieved, in_progress, planned, not_pursued, not_applicable };
inline constexpr Vocabulary<FrameworkStatus, 5> kFrameworkStatuses{{{
    {FrameworkStatus::achieved, "achieved"},
    {FrameworkStatus::in_progress, "in_progress"},
    {FrameworkStatus::planned, "planned"},
    {FrameworkStatus::not_pursued, "not_pursued"},
    {FrameworkStatus::not_applicable, "not_applicable"},
}}};
inline const char* to_string(FrameworkStatus status) {
  return kFrameworkStatuses.name(status).data();
}

// The status a page and trust.json show for a framework (SPEC 4): the declared one, or
// "expired" for an achieved one whose `expires` has passed.
inline constexpr const char* kExpiredStatus = "expired";

struct Framework {
  std::string id;
  SourceLocation id_location;
  std::string name;  // a proper name, the same in every locale
  FrameworkType type = FrameworkType::certification;
  FrameworkStatus status = FrameworkStatus::planned;
  LocalizedText scope;         // Markdown, optional
  std::string issuer;          // certification body or auditor, optional
  std::optional<Date> issued;  // achieved only
  SourceLocation issued_location;
  std::optional<Date> expires;  // achieved only; the last day the certificate or report is valid
  SourceLocation expires_location;
  std::optional<PartialDate> expected;  // in_progress / planned only
  SourceLocation expected_location;
  std::optional<Access> report;  // who may have the report or certificate
  SourceLocation report_location;
  std::string document;  // a document id (documents.yaml), optional
  SourceLocation document_location;
  LocalizedText note;   // Markdown, optional
  std::string mapping;  // control `frameworks` labels starting with this text link here
  SourceLocation mapping_location;
  SourceLocation location;
  // Resolved by validation: the document `document` names (nullptr when none), and whether an
  // achieved entry had expired at "now" (SPEC 2). `report` is set from the document's access
  // when the entry gives none.
  const Document* document_ref = nullptr;
  bool expired = false;

  // "expired" when expired, else the declared status's spelling.
  std::string shown_status() const { return expired ? kExpiredStatus : to_string(status); }
};

// content/compliance.yaml.
struct FrameworkList {
  bool present = false;          // the file exists
  std::vector<Framework> items;  // in file order
};

// The field names the loader knows (kept in agreement with schemas/compliance.schema.json).
struct FrameworkFields {
  std::vector<std::string> file, framework;
};
const FrameworkFields& framework_fields();

// Loads content/compliance.yaml when it exists. Checks what one entry alone decides: `expected`
// only with in_progress / planned and in the form YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD;
// `issued` and `expires` only with achieved, `expires` not before `issued`; no `report` on an
// entry that is not pursued or not applicable. The `document` reference, mappings and expiry
// at "now" are validation's (validate.h).
FrameworkList load_frameworks(const LoadContext& context);

}  // namespace trustsite
