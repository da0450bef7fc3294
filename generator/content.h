// The site's content (SPEC 3) as plain data: categories with controls, sub-processors and their
// change history, AI disclosures, and policy pages. Loaded by load_content(); no I/O elsewhere.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"
#include "date.h"
#include "diagnostics.h"
#include "localized.h"

namespace trustsite {

// Status of a control or a disclosure (SPEC 3).
enum class Status { implemented, in_progress, planned, not_applicable };
// Whether a data processing agreement is in place with a sub-processor.
enum class DpaStatus { signed_, in_progress, not_required };
enum class ChangeType { added, removed, updated };

// The YAML spelling of each enum value ("implemented", "signed", "added", ...).
const char* to_string(Status status);
const char* to_string(DpaStatus dpa);
const char* to_string(ChangeType type);

struct Control {
  std::string id;
  LocalizedText title;
  LocalizedText description;  // Markdown
  Status status = Status::planned;
  std::optional<Date> updated;
  std::string monitor;  // an item id in the monitoring data; empty when not monitored
  SourceLocation monitor_location;
  std::vector<std::string> frameworks;
  SourceLocation location;  // of the control's list item
};

struct Category {
  std::string id;
  int order = 0;
  std::string icon;
  LocalizedText title;
  LocalizedText summary;  // Markdown, optional
  std::vector<Control> controls;
  std::string file;  // relative to the site dir, e.g. "content/controls/data-at-rest.yaml"
  SourceLocation location;
};

struct Subprocessor {
  std::string id;
  std::string name;
  LocalizedText purpose;
  LocalizedText location;
  std::string website;  // http(s) URL or empty
  DpaStatus dpa = DpaStatus::in_progress;
  std::optional<Date> since;
  SourceLocation source_location;
};

struct SubprocessorChange {
  Date date;
  ChangeType type = ChangeType::updated;
  std::string subprocessor;  // a listed id, or (removed only) a former one
  std::string name;          // display name; required when the id is no longer listed
  LocalizedText note;
  SourceLocation location;
};

struct Disclosure {
  std::string id;
  LocalizedText title;
  LocalizedText description;  // Markdown
  Status status = Status::planned;
  std::string provider;  // a sub-processor id
  bool opt_in = false;
  LocalizedText data_sent;
  LocalizedText data_excluded;
  bool used_for_training = false;
  LocalizedText human_oversight;
  SourceLocation location;
};

// One Markdown file of a policy page: content/pages/<slug>.<locale>.md.
struct PageSource {
  std::string locale;
  std::string title;
  std::string description;
  std::optional<int> order;
  std::optional<Date> updated;
  bool menu = true;
  std::string body;   // Markdown after the front matter
  int body_line = 1;  // 1-based line of the body's first line in the file
  std::string file;   // relative to the site dir
};

// A policy page with its translations, keyed by locale.
struct Page {
  std::string slug;
  std::map<std::string, PageSource> by_locale;
};

// The source of policy page `page` shown in `locale`: that locale's file, else the default
// locale's (SPEC 3), else nullptr (then the page does not exist in that locale).
const PageSource* shown_page_source(const Page& page, const std::string& locale,
                                    const std::string& default_locale);

struct Content {
  std::vector<Category> categories;  // sorted by (order, id)
  bool has_subprocessors = false;    // content/subprocessors.yaml exists
  std::vector<Subprocessor> subprocessors;
  std::vector<SubprocessorChange> changes;  // sorted newest first (date desc, then file order)
  bool has_disclosures = false;             // content/ai.yaml exists
  std::vector<Disclosure> disclosures;
  std::vector<Page> pages;  // sorted by (default-locale order, slug)
};

// The field names each loader knows, per kind of mapping (kept in agreement with schemas/).
struct ContentFields {
  std::vector<std::string> controls_file, category, control;
  std::vector<std::string> subprocessors_file, subprocessor, change;
  std::vector<std::string> ai_file, disclosure;
  std::vector<std::string> front_matter;
};
const ContentFields& content_fields();

// Loads `<site>/content/` per SPEC 3 and validates it against `config` (identifiers, the shared
// id namespace, `reserved_ids` of the theme, references, locale keys, translations). Every
// problem goes to `sink` with its position; the returned Content holds whatever could be loaded.
Content load_content(const SiteConfig& config, DiagnosticSink& sink,
                     const std::vector<std::string>& reserved_ids = {});

// Loads the text of one controls file as if it were `file` (display path; its stem is the
// default category id), with the checks of load_content() that need no other file. Returns
// nullopt when nothing usable could be read. Never throws for bad input (fuzzed: fuzz/).
std::optional<Category> load_category_text(std::string_view text, const std::string& file,
                                           const SiteConfig& config, DiagnosticSink& sink);

// Splits and parses one policy page file's text (front matter + Markdown body) for `locale`.
// Returns nullopt when the front matter is missing, unterminated or unusable.
std::optional<PageSource> load_page_text(std::string_view text, const std::string& file,
                                         const std::string& locale, const SiteConfig& config,
                                         DiagnosticSink& sink);

}  // namespace trustsite
