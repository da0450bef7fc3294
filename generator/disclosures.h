// AI and automation disclosures: content/ai.yaml (SPEC 3). Plain data and its loader.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"
#include "status.h"

namespace trustsite {

struct Subprocessor;

struct Disclosure {
  std::string id;
  SourceLocation id_location;
  LocalizedText title;
  LocalizedText description;  // Markdown
  Status status = Status::planned;
  std::string provider;  // a sub-processor id
  SourceLocation provider_location;
  bool opt_in = false;
  LocalizedText data_sent;
  LocalizedText data_excluded;
  bool used_for_training = false;
  LocalizedText human_oversight;
  nlohmann::json extra;  // `extra:` for the theme (SPEC 2), null when absent
  SourceLocation location;
  // Resolved by validation: the sub-processor `provider` names (never null after a valid run).
  const Subprocessor* provider_ref = nullptr;
};

// content/ai.yaml.
struct DisclosureList {
  bool present = false;  // the file exists
  std::vector<Disclosure> items;
  nlohmann::json extra;  // the file's top-level `extra:`
};

// The field names the loader knows (kept in agreement with schemas/ai.schema.json).
struct DisclosureFields {
  std::vector<std::string> file, disclosure;
};
const DisclosureFields& disclosure_fields();

// Loads content/ai.yaml when it exists. The provider reference is checked by validation.
DisclosureList load_disclosures(const LoadContext& context);

}  // namespace trustsite
