// Categories of security controls: content/controls/<category>.yaml, one file per category
// (SPEC 3). Plain data and its loader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"
#include "status.h"

namespace trustsite {

struct Framework;
struct LiveStatus;

struct Control {
  std::string id;
  LocalizedText title;
  LocalizedText description;  // Markdown
  Status status = Status::planned;
  std::optional<Date> updated;
  std::string monitor;  // an item id in the monitoring data; empty when not monitored
  SourceLocation monitor_location;
  std::vector<std::string> frameworks;
  nlohmann::json extra;        // `extra:` for the theme (SPEC 2), null when absent
  SourceLocation location;     // of the control's list item
  SourceLocation id_location;  // of its `id` value
  // Resolved by validation: the monitored item `monitor` names, or nullptr.
  const LiveStatus* live = nullptr;
  // Resolved by validation: for each of `frameworks`, the framework entry whose `mapping` the
  // label starts with (compliance.yaml), or nullptr.
  std::vector<const Framework*> framework_refs;
};

struct Category {
  std::string id;
  SourceLocation id_location;  // of its `id` value, or of the `category` map for a file stem
  int order = 0;
  std::string icon;
  SourceLocation icon_location;  // of its `icon` value
  LocalizedText title;
  LocalizedText summary;  // Markdown, optional
  std::vector<Control> controls;
  nlohmann::json extra;       // the `category` map's `extra:`
  nlohmann::json file_extra;  // the file's top-level `extra:`
  std::string file;           // relative to the site dir, e.g. "content/controls/data-at-rest.yaml"
  SourceLocation location;
};

// The field names the loader knows (kept in agreement with schemas/controls.schema.json).
struct ControlFields {
  std::vector<std::string> file, category, control;
};
const ControlFields& control_fields();

// Loads every content/controls/*.yaml (parsed in parallel, loaded in file order) and returns
// the categories sorted by (order, id). A missing or empty directory, a .yml file and an entry
// that is not a regular file are errors; every problem goes to `context.sink`.
std::vector<Category> load_categories(const LoadContext& context);

// Loads the text of one controls file as if it were `file` (display path; its stem is the
// default category id). Returns nullopt when nothing usable could be read. Never throws for
// bad input (fuzzed: fuzz/).
std::optional<Category> load_category_text(std::string_view text, const std::string& file,
                                           const LoadContext& context);

}  // namespace trustsite
