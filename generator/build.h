// Runs the pipeline (docs/architecture.md): load config -> load content, UI strings, theme ->
// [fetch live statuses] -> validate -> stamp -> view model -> render templates -> write the
// site atomically.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "environment.h"
#include "site_writer.h"
#include "stamp.h"

namespace trustsite {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::optional<std::filesystem::path> out_dir;  // default: <site>/public
  bool strict = false;                           // --strict
  bool offline = false;                          // --offline
  std::string base_url;                          // --base-url (empty: site.yaml's)
  bool write_output = true;                      // false for `check`
  // Whether the report keeps every output file (tests, tools). The CLI's `build`, `check` and
  // `serve` set it false: each file is written (when writing) as soon as it is produced and then
  // freed, so a large site's output is never held in memory whole.
  bool keep_files = true;
};

struct BuildReport {
  int exit_code = 0;                    // SPEC 7: 0 ok, 1 content/config/output, 3 monitoring
  std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
  std::vector<OutputFile> files;        // everything the build produced, with keep_files
  std::size_t file_count = 0;           // how many files the build produced
  std::filesystem::path out_dir;        // where the site was (or would be) written
};

// What the update stamp may be taken from besides the content (SPEC 5), read at the edge:
// today and SOURCE_DATE_EPOCH from `environment`, and, with `updated: git`, the date of the
// last commit touching <site>/content/ (runs git).
StampInputs read_stamp_inputs(const SiteConfig& config, const Environment& environment);

// Runs every stage in `environment` (now, SOURCE_DATE_EPOCH, the data directory, the
// variables; read once by the caller), collecting all diagnostics before deciding. Writes the
// output only when there is no error and `options.write_output` is set. Never throws for bad
// input: problems are in the report's diagnostics and exit code.
BuildReport run_build(const BuildOptions& options, const Environment& environment);

}  // namespace trustsite
