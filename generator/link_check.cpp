#include "link_check.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "site_paths.h"
#include "suggest.h"
#include "url.h"

namespace trustsite {

namespace {

// RFC 3986 percent-decoding (paths and fragments are compared decoded).
std::string percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Whether `destination` names a scheme ("https:", "mailto:") before any '/', '?' or '#'.
bool has_scheme(std::string_view destination) {
  const std::size_t colon = destination.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (destination.find_first_of("/?#") < colon) return false;
  return std::all_of(
      destination.begin(), destination.begin() + static_cast<long>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      });
}

// The page path (below base_url) of an output file: "en/privacy/" for
// "en/privacy/index.html", "" for "index.html".
std::string page_of(const std::string& output_path) {
  const std::string index = "index.html";
  if (output_path == index) return "";
  if (output_path.size() > index.size() &&
      output_path.compare(output_path.size() - index.size(), index.size(), index) == 0 &&
      output_path[output_path.size() - index.size() - 1] == '/')
    return output_path.substr(0, output_path.size() - index.size());
  return output_path;
}

struct Site {
  const std::map<std::string, std::set<std::string>>& by_path;  // output path -> ids

  using Entry = std::pair<const std::string, std::set<std::string>>;
  // The output file a site path ("en/privacy/", "en/privacy", "trust.json", "") stands for.
  const Entry* find(const std::string& path) const {
    for (const std::string& candidate :
         {path, path.empty() || path.back() == '/' ? path + "index.html" : path + "/index.html"}) {
      auto it = by_path.find(candidate);
      if (it != by_path.end()) return &*it;
    }
    return nullptr;
  }
};

}  // namespace

std::vector<std::string> html_ids(std::string_view html) {
  std::vector<std::string> ids;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (!in_tag) {
      if (c == '<' && i + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[i + 1])))
        in_tag = true;
      continue;
    }
    if (c == '>') {
      in_tag = false;
    } else if (c == '"' || c == '\'') {
      const std::size_t end = html.find(c, i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if ((c == ' ' || c == '\n' || c == '\t') && html.compare(i + 1, 4, "id=\"") == 0) {
      const std::size_t start = i + 5, end = html.find('"', start);
      if (end == std::string_view::npos) break;
      ids.emplace_back(html.substr(start, end - start));
      i = end;
    }
  }
  return ids;
}

void LinkTargets::add(const std::string& path, std::string_view content) {
  // The first file of a path wins (a second one is refused when the site is written).
  const auto [it, inserted] = ids.try_emplace(path);
  if (!inserted || !path.ends_with(".html")) return;
  for (std::string& id : html_ids(content)) it->second.insert(std::move(id));
}

void check_links(const std::vector<PagePlan>& plans, const LinkTargets& targets,
                 const std::string& base_url, DiagnosticSink& sink) {
  const Site site{targets.ids};
  const auto base = parse_url(base_url);
  if (!base) return;
  const std::string base_path = base_url_path(base_url);
  std::vector<std::string> pages;
  for (const auto& [path, file] : site.by_path)
    if (path.ends_with(".html")) pages.push_back(page_of(path));

  for (const PagePlan& plan : plans) {
    const std::string page = page_of(plan.output_path);
    const std::string shown = "/" + page;
    for (const LinkUse& link : plan.links) {
      const std::string& destination = link.destination;
      std::string target_path, fragment;
      if (destination.starts_with("#")) {
        target_path = page;
        fragment = percent_decoded(destination.substr(1));
      } else {
        if (has_scheme(destination) && !destination.starts_with(base_url)) continue;  // elsewhere
        const auto resolved = resolve_url(absolute_url(base_url, page), destination);
        const auto url = resolved ? parse_url(*resolved) : std::nullopt;
        if (!url) {
          sink.error(link.location, "link '" + destination +
                                        "' is not a valid URL; expected a path inside the site "
                                        "(e.g. ../privacy/), #id or an https URL");
          continue;
        }
        if (url->scheme != base->scheme || url->host != base->host || url->port != base->port)
          continue;  // another origin ("//other.example/")
        if (!url->path.starts_with(base_path)) {
          sink.error(link.location,
                     "link '" + destination + "' (on " + shown + ") leads to " + url->path +
                         ", outside the site (" + base_path +
                         "); expected a link to a page or id of the site, or an absolute https "
                         "URL for another site");
          continue;
        }
        target_path = percent_decoded(url->path.substr(base_path.size()));
        const std::size_t hash = resolved->find('#');
        if (hash != std::string::npos) fragment = percent_decoded(resolved->substr(hash + 1));
      }
      const Site::Entry* target = site.find(target_path);
      if (target == nullptr) {
        std::string message = "broken link '" + destination + "' (on " + shown + "): it leads to " +
                              base_path + target_path +
                              ", which the site does not have; expected a page, a file or an id "
                              "that the build writes";
        if (auto near = nearest_name(target_path, pages))
          message += " (did you mean " + base_path + *near + "?)";
        sink.error(link.location, message);
        continue;
      }
      if (fragment.empty() || !target->first.ends_with(".html")) continue;
      const auto& ids = target->second;
      if (ids.count(fragment)) continue;
      std::string message = "broken link '" + destination + "' (on " + shown + "): " + base_path +
                            page_of(target->first) + " has no id '" + fragment +
                            "'; expected the id of a section, control or other item on it";
      if (auto near = nearest_name(fragment, std::vector<std::string>(ids.begin(), ids.end())))
        message += " (did you mean #" + *near + "?)";
      sink.error(link.location, message);
    }
  }
}

}  // namespace trustsite
