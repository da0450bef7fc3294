// The link check of SPEC 3 "Links": a Markdown link that points inside the site (a relative
// path, a path under base_url, or a #fragment) must resolve to a page, a file or an id that the
// build writes, in the locale where it is shown. Runs on the rendered output, so it knows every
// path and every id exactly as they are published.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "site_writer.h"
#include "view_model.h"

namespace trustsite {

// What the link check needs of the output: the path of every file the build writes and the ids
// of its HTML files, gathered file by file as they are produced, so the files themselves need
// not be kept until the check (a large site's home pages are hundreds of MB).
struct LinkTargets {
  // Records output file `path` (relative to the output directory, forward slashes) and, for an
  // .html file, the ids in `content` (html_ids()).
  void add(const std::string& path, std::string_view content);

  std::map<std::string, std::set<std::string>> ids;  // output path -> ids (empty for non-HTML)
};

// Checks every link of `plans` (their Markdown links) against `targets` (the whole output)
// under `base_url` (normalized, ending in '/'). A broken internal link, a link to an id that is
// not on its target page, and a relative link that climbs out of base_url's path are errors at
// the link's position, naming the target and what is expected (with a near miss when one
// exists). Links to other origins and other schemes (mailto:, tel:) are not checked.
void check_links(const std::vector<PagePlan>& plans, const LinkTargets& targets,
                 const std::string& base_url, DiagnosticSink& sink);

// The values of the `id` attributes in `html` (start tags only), in document order.
std::vector<std::string> html_ids(std::string_view html);

}  // namespace trustsite
