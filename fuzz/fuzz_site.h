// The site configuration the content fuzz targets load against: two locales, no files.
#pragma once

#include "config.h"

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

}  // namespace trustsite::fuzzing
