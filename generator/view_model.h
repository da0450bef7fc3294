// Content + locale -> one JSON context per output page (the view model). Pure: no I/O.
// The shape of every context is the theme author's contract, documented in docs/themes.md;
// each content kind's part is built by its own unit (controls_view, subprocessors_view,
// disclosures_view, frameworks_view, documents_view, highlights_view, pages_view).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "view_context.h"

namespace trustsite {

// One page to render: where it goes (relative to the output dir, forward slashes), which
// template renders it, and the context it gets.
struct PagePlan {
  std::string output_path;    // "index.html", "en/index.html", "en/privacy/index.html", "404.html"
  std::string template_name;  // "chooser", "home", "page", "not_found"
  nlohmann::json context;
  std::vector<LinkUse> links;  // the Markdown links shown on this page (SPEC 3 "Links")
};

// Plans every HTML page of the site, in a deterministic order: index.html (template "chooser"),
// then per locale (site.yaml order) <locale>/index.html ("home") and <locale>/<slug>/index.html
// ("page", every policy page in every locale, falling back to the default locale's file), and
// last 404.html ("not_found"). Renders Markdown (safe mode) once per field and locale. Pure.
std::vector<PagePlan> plan_pages(const SiteModel& model);

}  // namespace trustsite
