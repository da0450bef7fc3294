// The site the content fuzz targets load against: two locales, an empty in-memory file system.
#pragma once

#include "config.h"
#include "file_system.h"
#include "load_context.h"
#include "localized.h"

namespace trustsite::fuzzing {

inline const SiteConfig& fuzz_site_config() {
  static const SiteConfig config = [] {
    SiteConfig c;
    c.site_dir = "/nonexistent-site";
    c.default_locale = "en";
    c.locales = {"en", "sv"};
    return c;
  }();
  return config;
}

// Everything one fuzz input is loaded with.
struct FuzzLoad {
  MemoryFileSystem files;
  DiagnosticSink sink;
  MissingTranslations missing;
  LoadContext context{fuzz_site_config(), files, sink, missing};
};

}  // namespace trustsite::fuzzing
