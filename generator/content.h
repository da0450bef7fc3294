// The site's content (SPEC 3) as plain data, one member per content kind, and the stage that
// loads it. Each kind has its own unit (controls, subprocessors, disclosures, frameworks,
// documents, highlights, pages, intro, faq); relations between kinds are checked and resolved by
// validation (validate.h), not by the loaders.
#pragma once

#include <string>
#include <vector>

#include "config.h"
#include "controls.h"
#include "diagnostics.h"
#include "disclosures.h"
#include "documents.h"
#include "faq.h"
#include "file_system.h"
#include "frameworks.h"
#include "highlights.h"
#include "intro.h"
#include "localized.h"
#include "pages.h"
#include "subprocessors.h"

namespace trustsite {

// Move-only: validation resolves references into it as pointers, which a move keeps valid and a
// copy would not.
struct Content {
  Content() = default;
  Content(Content&&) = default;
  Content& operator=(Content&&) = default;
  Content(const Content&) = delete;
  Content& operator=(const Content&) = delete;

  std::vector<Category> categories;  // sorted by (order, id)
  SubprocessorList subprocessors;    // content/subprocessors.yaml
  DisclosureList disclosures;        // content/ai.yaml
  FrameworkList frameworks;          // content/compliance.yaml
  DocumentList documents;            // content/documents.yaml, content/documents/
  HighlightList highlights;          // content/highlights.yaml
  std::vector<Page> pages;           // sorted by (default-locale order, slug)
  Intro intro;                       // content/intro.<locale>.md
  QuestionList faq;                  // content/faq.yaml
  // Resolved by validation: the page security_txt.policy_page names (null without one).
  const Page* security_policy_page = nullptr;
};

// The field names each loader knows, per kind of mapping (kept in agreement with schemas/ by
// tests/check_test.cpp).
struct ContentFields {
  std::vector<std::string> controls_file, category, control;
  std::vector<std::string> subprocessors_file, subprocessor, change;
  std::vector<std::string> ai_file, disclosure;
  std::vector<std::string> front_matter;
  std::vector<std::string> compliance_file, framework;
  std::vector<std::string> documents_file, document;
  std::vector<std::string> highlights_file, highlight;
  std::vector<std::string> faq_file, question;
};
const ContentFields& content_fields();

// Loads `<site>/content/` per SPEC 3 through `files`: every kind's loader in turn. Every
// problem goes to `sink` with its position and missing translations are counted in `missing`;
// the returned Content holds whatever could be loaded. References between kinds are not
// resolved yet (validate_content does that).
Content load_content(const SiteConfig& config, const FileSystem& files, DiagnosticSink& sink,
                     MissingTranslations& missing);

}  // namespace trustsite
