// The introduction: content/intro.<locale>.md (SPEC 3), optional Markdown shown at the top of
// the Trust Center under the title, with optional front matter (`title` sets its heading).
// Plain data and its loader.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "load_context.h"

namespace trustsite {

// One file of the introduction: content/intro.<locale>.md.
struct IntroSource {
  std::string locale;
  std::string title;  // front matter `title`; empty when the file has none
  std::string body;   // Markdown after the front matter
  int body_line = 1;  // 1-based line of the body's first line in the file
  std::string file;   // relative to the site dir
};

// The introduction with its translations, keyed by locale; empty when the site has none.
struct Intro {
  std::map<std::string, IntroSource> by_locale;

  bool present() const { return !by_locale.empty(); }
};

// The source of the introduction shown in `locale`: that locale's file, else the default
// locale's (the page-translation rule of SPEC 3), else nullptr.
const IntroSource* shown_intro_source(const Intro& intro, const std::string& locale,
                                      const std::string& default_locale);

// The front matter fields the loader knows (kept in agreement with docs/content.md).
const std::vector<std::string>& intro_front_matter_fields();

// Loads every content/intro.<locale>.md. Reports, with positions: a file name without a listed
// locale or not ending in .md, unusable front matter, an empty or oversized body, forbidden
// characters, and an introduction without the default locale's file (then none is shown). A
// locale without its file is a strict warning counted as a missing translation; the page shows
// the default locale's text with a notice.
Intro load_intro(const LoadContext& context);

}  // namespace trustsite
