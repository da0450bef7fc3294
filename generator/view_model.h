// Content + locale -> one JSON context per output page (the view model). Pure: no I/O.
// The shape of every context is the theme author's contract, documented in docs/themes.md;
// each content kind's part is built by its own unit (controls_view, subprocessors_view,
// disclosures_view, frameworks_view, documents_view, highlights_view, pages_view).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "controls_view.h"
#include "view_context.h"

namespace trustsite {

// One page to render: where it goes (relative to the output dir, forward slashes), which
// template renders it, and the context it gets.
struct PagePlan {
  std::string output_path;    // "index.html", "en/index.html", "en/privacy/index.html", "404.html"
  std::string template_name;  // "chooser", "home", "page", "not_found"
  nlohmann::json context;
  std::vector<LinkUse> links;  // the Markdown links shown on this page (SPEC 3 "Links")
  // A home page from PagePlanner: builds the controls that `context` holds as deferred values
  // (mustache::deferred_value) while the page renders; `links` lacks their links until
  // deferred->add_links(links). Null on other pages and from plan_pages(), which resolves them.
  // Valid while the PagePlanner lives.
  std::shared_ptr<DeferredControls> deferred;
};

// Plans every HTML page of the site, in a deterministic order: index.html (template "chooser"),
// then per locale (site.yaml order) <locale>/index.html ("home") and <locale>/<slug>/index.html
// ("page", every policy page in every locale, falling back to the default locale's file), and
// last 404.html ("not_found"). Renders Markdown (safe mode) once per field and locale. Pure.
std::vector<PagePlan> plan_pages(const SiteModel& model);

// The same pages as plan_pages(), planned one at a time: plan(i) builds the context of page i
// only when asked, so a build can render a page and free its context before the next one (a home
// page of 100 000 controls is hundreds of MiB as JSON). Construction renders the per-locale data
// every page shares; plan() is const and may be called from several threads at once, each page
// index once or more (the result depends only on the index). A home page's controls are left
// deferred (PagePlan::deferred): built one category at a time while the page renders, so even
// then the page's context is never whole. `model` must outlive the planner.
class PagePlanner {
 public:
  explicit PagePlanner(const SiteModel& model);
  ~PagePlanner();
  PagePlanner(const PagePlanner&) = delete;
  PagePlanner& operator=(const PagePlanner&) = delete;
  // How many pages the site has (plan_pages(model).size()).
  std::size_t size() const;
  // Page i in plan_pages() order; i < size().
  PagePlan plan(std::size_t i) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trustsite
