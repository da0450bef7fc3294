// Content + locale -> one JSON context per output page (the view model). Pure: no I/O.
// The shape of every context is the theme author's contract, documented in docs/themes.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config.h"
#include "content.h"
#include "date.h"
#include "locales.h"
#include "monitoring.h"

namespace trustsite {

// A theme asset after fingerprinting: its path from the site root ("assets/style.1a2b3c4d.css")
// and its Subresource Integrity value ("sha384-<base64>").
struct AssetRef {
  std::string path;
  std::string integrity;
};

// Everything the view model is built from.
struct SiteModel {
  const SiteConfig& config;
  const Content& content;
  const UiStrings& strings;
  const MonitoringResult& live;
  Date stamp;  // the update stamp (SPEC 5)
  // Theme assets keyed by their source name under static/ ("style.css", "favicon.svg").
  std::map<std::string, AssetRef> assets;
};

// One page to render: where it goes (relative to the output dir, forward slashes), which
// template renders it, and the context it gets.
struct PagePlan {
  std::string output_path;    // "index.html", "en/index.html", "en/privacy/index.html", "404.html"
  std::string template_name;  // "chooser", "home", "page", "not_found"
  nlohmann::json context;
};

// Plans every HTML page of the site, in a deterministic order: index.html (template "chooser"),
// then per locale (site.yaml order) <locale>/index.html ("home") and <locale>/<slug>/index.html
// ("page", every policy page in every locale, falling back to the default locale's file), and
// last 404.html ("not_found"). Renders Markdown (safe mode) once per field and locale. Pure.
std::vector<PagePlan> plan_pages(const SiteModel& model);

// The HTML ids the default theme itself puts on pages ("main", "subprocessors", ...). Content
// ids (categories, controls, sub-processors, disclosures) must not use them. Sorted.
const std::vector<std::string>& reserved_ids();

// The Content-Security-Policy every page needs (no inline style or script, nothing from other
// origins); the theme repeats it in a <meta http-equiv> and `_headers` should send it too.
const std::string& content_security_policy();

}  // namespace trustsite
