#include "validate.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "site_paths.h"
#include "suggest.h"

namespace trustsite {

namespace {

constexpr std::size_t kMaxListedIds = 10;

std::string json_quoted(const std::string& text) {
  return nlohmann::json(text).dump();
}

std::string position(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line) + ":" +
         std::to_string(location.column);
}

// The shared namespace of every id on the Trust Center page (SPEC 3), with the theme's own.
class IdNamespace {
 public:
  IdNamespace(const std::vector<std::string>& reserved, DiagnosticSink& sink)
      : reserved_(reserved), sink_(sink) {}

  void add(const std::string& id, const char* kind, const SourceLocation& location) {
    if (id.empty()) return;  // an invalid id, already reported by its loader
    if (std::binary_search(reserved_.begin(), reserved_.end(), id))
      sink_.error(location, "id '" + id + "' is reserved by the theme (it is an id on the page " +
                                "itself); expected another id (see docs/themes.md)");
    auto [it, inserted] = ids_.emplace(id, Entry{kind, location});
    if (inserted) return;
    const Entry& first = it->second;
    sink_.error(location, "duplicate id '" + id + "': this " + kind + " uses the id of the " +
                              first.kind + " at " + position(first.location) +
                              "; expected ids unique across categories, controls, sub-processors, "
                              "disclosures and questions");
  }

 private:
  struct Entry {
    const char* kind;
    SourceLocation location;
  };
  const std::vector<std::string>& reserved_;
  DiagnosticSink& sink_;
  std::map<std::string, Entry> ids_;
};

void check_ids(const Content& content, const Theme& theme, DiagnosticSink& sink) {
  IdNamespace ids(theme.reserved_ids, sink);
  // In load order (files by name), so "the first" of two is the one an editor reads first.
  std::vector<const Category*> by_file;
  for (const auto& category : content.categories) by_file.push_back(&category);
  std::stable_sort(by_file.begin(), by_file.end(),
                   [](const Category* a, const Category* b) { return a->file < b->file; });
  for (const Category* category : by_file) {
    ids.add(category->id, "category", category->id_location);
    for (const auto& control : category->controls)
      ids.add(control.id, "control", control.id_location);
  }
  for (const auto& subprocessor : content.subprocessors.items)
    ids.add(subprocessor.id, "sub-processor", subprocessor.id_location);
  for (const auto& disclosure : content.disclosures.items)
    ids.add(disclosure.id, "disclosure", disclosure.id_location);
  for (const auto& question : content.faq.items)
    ids.add(question.id, "question", question.id_location);
}

const Subprocessor* find_subprocessor(const SubprocessorList& list, const std::string& id) {
  for (const auto& subprocessor : list.items)
    if (subprocessor.id == id) return &subprocessor;
  return nullptr;
}

void resolve_changes(SubprocessorList& list, DiagnosticSink& sink) {
  std::vector<SubprocessorChange> valid;
  for (auto& change : list.changes) {
    change.listed = find_subprocessor(list, change.subprocessor);
    if (change.listed == nullptr) {
      if (change.type != ChangeType::removed) {
        sink.error(change.subprocessor_location,
                   "change names unknown sub-processor '" + change.subprocessor +
                       "'; expected an id listed under 'subprocessors' (only a 'removed' change "
                       "may name a former one, with its 'name')");
        continue;
      }
      if (change.name.empty()) {
        sink.error(change.location, "removed sub-processor '" + change.subprocessor +
                                        "' is no longer listed, so the change needs its "
                                        "display name; expected a 'name' field");
        continue;
      }
    }
    change.display_name = change.listed ? change.listed->name : change.name;
    if (change.display_name.empty()) change.display_name = change.subprocessor;
    valid.push_back(std::move(change));
  }
  list.changes = std::move(valid);
}

void resolve_disclosures(Content& content, DiagnosticSink& sink) {
  if (!content.disclosures.present) return;
  if (!content.subprocessors.present) {
    sink.error({"content/ai.yaml", 0, 0},
               "AI disclosures name their provider as a sub-processor, but there is no "
               "content/subprocessors.yaml; expected that file with each provider listed");
  }
  for (auto& disclosure : content.disclosures.items) {
    if (disclosure.provider.empty()) continue;
    disclosure.provider_ref = find_subprocessor(content.subprocessors, disclosure.provider);
    if (disclosure.provider_ref == nullptr)
      sink.error(disclosure.provider_location,
                 "provider '" + disclosure.provider + "' of disclosure '" + disclosure.id +
                     "' is not a sub-processor; expected an id listed in "
                     "content/subprocessors.yaml");
  }
}

void check_pages(const SiteConfig& config, const Content& content, DiagnosticSink& sink) {
  for (const auto& page : content.pages) {
    if (!is_reserved_page_slug(page.slug)) continue;
    const PageSource* source =
        shown_page_source(page, config.default_locale, config.default_locale);
    sink.error({source ? source->file : "content/pages", 0, 0},
               "page slug '" + page.slug + "' is a directory the site itself writes (" + page.slug +
                   "/); expected another slug");
  }
  if (config.security_txt && !config.security_txt->policy_page.empty()) {
    const auto& slug = config.security_txt->policy_page;
    if (std::none_of(content.pages.begin(), content.pages.end(),
                     [&](const Page& p) { return p.slug == slug; }))
      sink.error(config.security_txt->policy_page_location,
                 "security_txt.policy_page '" + slug +
                     "' is not a page; expected the slug of a file in content/pages/ (e.g. " +
                     slug + "." + config.default_locale + ".md)");
  }
}

}  // namespace

void resolve_monitor_references(Content& content, const MonitoringResult& result,
                                DiagnosticSink& sink) {
  if (!result.have_data) return;
  std::set<std::string> ids;
  for (const auto& [key, item] : result.items) ids.insert(item.id);
  std::string known;
  std::size_t listed = 0;
  for (const auto& id : ids) {
    if (listed++ == kMaxListedIds) {
      known += " and " + std::to_string(ids.size() - kMaxListedIds) + " more";
      break;
    }
    known += (known.empty() ? "" : ", ") + json_quoted(id);
  }
  if (known.empty()) known = "(the data has no items)";
  const std::vector<std::string> candidates(ids.begin(), ids.end());

  for (Category& category : content.categories)
    for (Control& control : category.controls) {
      if (control.monitor.empty()) continue;
      control.live = result.find(control.monitor);
      if (control.live != nullptr) continue;
      SourceLocation location =
          control.monitor_location.file.empty() ? control.location : control.monitor_location;
      if (result.ambiguous_names.contains(control.monitor))
        sink.warning(location, "control " + json_quoted(control.id) + ": monitor " +
                                   json_quoted(control.monitor) +
                                   " is the name of several components in the monitoring data; "
                                   "expected a component id");
      else if (auto near = nearest_name(control.monitor, candidates, 2))  // typos only
        sink.warning(location, "control " + json_quoted(control.id) + ": monitor " +
                                   json_quoted(control.monitor) +
                                   " is not in the monitoring data, so it shows no live badge; "
                                   "did you mean " +
                                   json_quoted(*near) + "?");
      else
        sink.warning(location, "control " + json_quoted(control.id) + ": monitor " +
                                   json_quoted(control.monitor) +
                                   " is not in the monitoring data, so it shows no live badge; "
                                   "expected one of: " +
                                   known);
    }
}

bool is_disclosure_page_slug(const std::string& slug) {
  return slug == "responsible-disclosure" || slug == "security" ||
         slug == "vulnerability-disclosure" || slug == "security-policy" ||
         slug == "coordinated-disclosure";
}

void validate_content(const SiteConfig& config, Content& content, const Theme& theme,
                      const MonitoringResult& live, DiagnosticSink& sink) {
  check_ids(content, theme, sink);
  resolve_changes(content.subprocessors, sink);
  resolve_disclosures(content, sink);
  check_pages(config, content, sink);
  content.security_policy_page = nullptr;
  if (config.security_txt && !config.security_txt->policy_page.empty())
    for (const Page& page : content.pages)
      if (page.slug == config.security_txt->policy_page) content.security_policy_page = &page;
  resolve_monitor_references(content, live, sink);
}

void validate_outputs(const SiteConfig& config, const Content& content, const Date& stamp,
                      const Date& today, DiagnosticSink& sink) {
  if (!config.security_txt) {
    for (const auto& page : content.pages) {
      if (!is_disclosure_page_slug(page.slug)) continue;
      const PageSource* source =
          shown_page_source(page, config.default_locale, config.default_locale);
      sink.warning({source ? source->file : "site.yaml", 0, 0},
                   "page '" + page.slug +
                       "' looks like a vulnerability disclosure policy, but site.yaml has no "
                       "security_txt section, so no .well-known/security.txt is generated; "
                       "expected security_txt with contact, expires_after_days and policy_page: " +
                       page.slug + " (RFC 9116)");
      break;
    }
    return;
  }
  const SecurityTxtConfig& security = *config.security_txt;
  const Date expires{std::chrono::sys_days(stamp) + std::chrono::days(security.expires_after_days)};
  if (std::chrono::sys_days(expires) <= std::chrono::sys_days(today))
    sink.warning(security.location,
                 "security.txt Expires (" + rfc3339_midnight(expires) +
                     ") is not after the build date " + format_date(today) + " (update stamp " +
                     format_date(stamp) + " + expires_after_days " +
                     std::to_string(security.expires_after_days) +
                     "); expected a later update stamp or a larger expires_after_days");
}

}  // namespace trustsite
