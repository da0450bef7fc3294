// `trustsite new DIR` (SPEC 7): a minimal valid site — site.yaml, one category with one
// control, a README with the next commands, a .gitignore, and a copy of trustsite's JSON
// Schemas that the editor modeline on the first line of each YAML file points at — written
// into an empty or new directory without ever overwriting a file.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "date.h"

namespace trustsite {

struct NewSiteOptions {
  std::string company_name = "Your Company";     // --name
  std::vector<std::string> locales{"en", "sv"};  // --locales; the first is default_locale
  Date today;                                    // the control's `updated` date
};

// One file of the new site: its path relative to the site directory, and its bytes.
struct NewSiteFile {
  std::filesystem::path path;
  std::string content;
};

// Why `new` stopped: a usage error (a bad --name or --locales value, exit 2) or a refusal or
// I/O failure (an existing file, DIR is a file, a write failed; exit 1).
class NewSiteError : public std::runtime_error {
 public:
  NewSiteError(bool usage, const std::string& message)
      : std::runtime_error(message), usage_(usage) {}
  bool usage() const { return usage_; }

 private:
  bool usage_;
};

// The locales `new` has starter text for (each also ships UI strings): en, sv.
const std::vector<std::string>& new_site_locales();

// The files of a new site for `options`, with `schemas` (file name and JSON text, as read by
// read_schema_files) copied under schemas/. A pure function: no I/O, no clock.
// Throws NewSiteError (usage) for an empty or multi-line company name, an empty locale list,
// a repeated locale, or a locale without starter text (the message says how to add one).
std::vector<NewSiteFile> plan_new_site(const NewSiteOptions& options,
                                       const std::vector<NewSiteFile>& schemas);

// Every `*.schema.json` in `<data_dir>/schemas/`, sorted by name, as {file name, text}.
// Throws NewSiteError (not usage) when there are none: trustsite is not installed completely.
std::vector<NewSiteFile> read_schema_files(const std::filesystem::path& data_dir);

// Writes `files` below `dir`, creating it and the directories on the way. Refuses (throws
// NewSiteError, not usage, before writing anything) when `dir` is not a directory or any of
// the files already exists. Each file is created with O_EXCL, so a file that appears
// meanwhile is never overwritten; on any failure the files and directories created so far are
// removed again and NewSiteError is thrown.
void write_new_site(const std::filesystem::path& dir, const std::vector<NewSiteFile>& files);

}  // namespace trustsite
