#include "validate.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "site_paths.h"
#include "suggest.h"
#include "text_rules.h"

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
                              "disclosures, frameworks, documents, highlights and questions");
  }

  bool contains(const std::string& id) const { return ids_.count(id) != 0; }
  // Every id added, sorted (for did-you-mean suggestions).
  std::vector<std::string> all() const {
    std::vector<std::string> out;
    for (const auto& [id, entry] : ids_) out.push_back(id);
    return out;
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

IdNamespace check_ids(const Content& content, const Theme& theme, DiagnosticSink& sink) {
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
  for (const auto& framework : content.frameworks.items)
    ids.add(framework.id, "framework", framework.id_location);
  for (const auto& document : content.documents.items)
    ids.add(document.id, "document", document.id_location);
  for (const auto& highlight : content.highlights.items)
    ids.add(highlight.id, "highlight", highlight.id_location);
  for (const auto& question : content.faq.items)
    ids.add(question.id, "question", question.id_location);
  return ids;
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

// "'added posthog' on 2026-02-01": a change as messages name it.
std::string change_text(const SubprocessorChange& change) {
  return "change '" + std::string(to_string(change.type)) + " " + change.subprocessor + "' on " +
         format_date(change.date);
}

std::string days_text(long long days) {
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

// The notice an `added` change gave against the DPA's promise of `notice_days` (GDPR Art. 28(2):
// customers are told of a new sub-processor in advance, so that they can object).
void check_notice(const SubprocessorChange& change, int notice_days, DiagnosticSink& sink) {
  const std::chrono::sys_days effective(change.date);
  const std::string latest = format_date(Date(effective - std::chrono::days(notice_days)));
  const std::string promise = "the DPA promises notice_days: " + std::to_string(notice_days);
  if (!change.announced) {
    sink.strict_warning(change.location, change_text(change) +
                                             " has no 'announced' date, so no advance notice is "
                                             "on record; " +
                                             promise + "; expected 'announced' on or before " +
                                             latest);
    return;
  }
  const long long given = (effective - std::chrono::sys_days(*change.announced)).count();
  if (given >= notice_days || given < 0) return;  // announced after date: a loader error
  sink.strict_warning(change.announced_location,
                      change_text(change) + " was announced " + format_date(*change.announced) +
                          ", " + days_text(given) + " before it takes effect; " + promise +
                          "; expected 'announced' on or before " + latest);
}

}  // namespace

void resolve_change_notices(SubprocessorList& list, const Date& today, DiagnosticSink& sink) {
  for (auto& change : list.changes) {
    change.upcoming = change.date > today;
    if (change.announced && *change.announced > today)
      sink.strict_warning(change.announced_location,
                          change_text(change) + " is announced " + format_date(*change.announced) +
                              ", after today (" + format_date(today) +
                              "), but the page and the feed publish it now; expected the day "
                              "customers were told, on or before " +
                              format_date(today));
    if (list.notice_days && change.type == ChangeType::added)
      check_notice(change, *list.notice_days, sink);
    if (change.upcoming && change.type == ChangeType::removed && change.listed == nullptr)
      sink.error(change.subprocessor_location,
                 change_text(change) + " takes effect after today (" + format_date(today) +
                     "), so '" + change.subprocessor +
                     "' still processes data until then; expected it to stay listed under "
                     "'subprocessors' until that day (it is shown marked \"until " +
                     format_date(change.date) + "\")");
  }
  for (auto& subprocessor : list.items) {
    subprocessor.from.reset();
    subprocessor.until.reset();
    // Changes are newest first: the last match of each kind is the earliest.
    const SubprocessorChange* latest_past = nullptr;
    for (const auto& change : list.changes) {
      if (change.listed != &subprocessor || change.type == ChangeType::updated) continue;
      if (change.upcoming) {
        (change.type == ChangeType::added ? subprocessor.from : subprocessor.until) = change.date;
      } else if (latest_past == nullptr) {
        latest_past = &change;
      }
    }
    subprocessor.upcoming = subprocessor.from || subprocessor.until;
    // Listed after a removal took effect, unless an upcoming `added` change brings it back.
    if (!subprocessor.upcoming && latest_past != nullptr &&
        latest_past->type == ChangeType::removed) {
      subprocessor.until = latest_past->date;
      sink.strict_warning(subprocessor.id_location,
                          "sub-processor '" + subprocessor.id + "' is still listed, but its " +
                              change_text(*latest_past) + " (at " +
                              position(latest_past->location) +
                              ") has taken effect; expected its entry removed from "
                              "'subprocessors' (the change keeps the history, with 'name: " +
                              subprocessor.name + "')");
    }
  }
}

namespace {

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

// Whether a control's framework label belongs to the framework with `mapping` (SPEC 3): the
// label is the mapping, or starts with it followed by a character that is not a letter or digit
// ("SOC 2 CC6.1" and "SOC 2" for "SOC 2", but not "SOC 22").
bool label_matches(const std::string& label, const std::string& mapping) {
  if (mapping.empty() || !label.starts_with(mapping)) return false;
  if (label.size() == mapping.size()) return true;
  const unsigned char next = static_cast<unsigned char>(label[mapping.size()]);
  return !std::isalnum(next) && next < 0x80;
}

const Document* find_document(const DocumentList& list, const std::string& id) {
  for (const auto& document : list.items)
    if (document.id == id) return &document;
  return nullptr;
}

// A framework's `document` (a document id) and its `report` (who may have the report), which
// must agree with the document's access; a public report needs a document to publish it.
void resolve_framework_documents(Content& content, DiagnosticSink& sink) {
  for (auto& framework : content.frameworks.items) {
    const std::string what = "framework '" + framework.id + "'";
    if (!framework.document.empty()) {
      framework.document_ref = find_document(content.documents, framework.document);
      if (framework.document_ref == nullptr) {
        if (content.documents.present) {
          std::vector<std::string> ids;
          for (const auto& document : content.documents.items) ids.push_back(document.id);
          std::string message = "document '" + framework.document + "' of " + what +
                                " is not in content/documents.yaml; expected the id of a listed "
                                "document";
          if (auto near = nearest_name(framework.document, ids))
            message += " (did you mean '" + *near + "'?)";
          sink.error(framework.document_location, message);
        } else
          sink.error(framework.document_location,
                     "document '" + framework.document + "' of " + what +
                         " names a document, but there is no content/documents.yaml; expected "
                         "that file with the document listed");
        continue;
      }
      const Access access = framework.document_ref->access;
      if (!framework.report) {
        framework.report = access;
      } else if (*framework.report != access) {
        sink.error(framework.report_location,
                   "report '" + std::string(to_string(*framework.report)) + "' of " + what +
                       " does not match the access '" + to_string(access) + "' of its document '" +
                       framework.document + "' (" + position(framework.document_ref->location) +
                       "); expected the same value, or no 'report' (it is then taken from the "
                       "document)");
      }
    } else if (framework.report == Access::public_) {
      sink.error(framework.report_location,
                 "report of " + what +
                     " is public, but no 'document' says where readers find it; expected "
                     "document: <the id of a public document in content/documents.yaml>");
    }
  }
}

// Control framework labels -> the framework whose `mapping` they start with (the longest
// mapping wins); a mapping used twice is an error, one that no label starts with a strict
// warning (a typo would otherwise leave every label unlinked without a word).
void resolve_mappings(Content& content, DiagnosticSink& sink) {
  std::vector<const Framework*> mapped;
  for (const auto& framework : content.frameworks.items) {
    if (framework.mapping.empty()) continue;
    const auto first = std::find_if(mapped.begin(), mapped.end(), [&](const Framework* other) {
      return other->mapping == framework.mapping;
    });
    if (first != mapped.end()) {
      sink.error(framework.mapping_location,
                 "mapping " + quoted_excerpt(framework.mapping) + " of framework '" + framework.id +
                     "' is already the mapping of framework '" + (*first)->id + "' at " +
                     position((*first)->mapping_location) + "; expected each mapping once");
      continue;
    }
    mapped.push_back(&framework);
  }
  std::set<const Framework*> used;
  for (Category& category : content.categories)
    for (Control& control : category.controls) {
      control.framework_refs.assign(control.frameworks.size(), nullptr);
      for (std::size_t i = 0; i < control.frameworks.size(); ++i) {
        const Framework* best = nullptr;
        for (const Framework* framework : mapped)
          if (label_matches(control.frameworks[i], framework->mapping) &&
              (best == nullptr || framework->mapping.size() > best->mapping.size()))
            best = framework;
        control.framework_refs[i] = best;
        if (best != nullptr) used.insert(best);
      }
    }
  for (const Framework* framework : mapped)
    if (!used.count(framework))
      sink.strict_warning(framework->mapping_location,
                          "mapping " + quoted_excerpt(framework->mapping) + " of framework '" +
                              framework->id +
                              "' is the start of no control's 'frameworks' label, so no "
                              "control links to it; expected the text such labels start with "
                              "(e.g. \"SOC 2\" for \"SOC 2 CC6.1\")");
}

// Where requests for non-public documents go: `request`, else the security contact. A
// non-public document with neither is an error (once, at the first such document).
void resolve_access_requests(const SiteConfig& config, DocumentList& list, DiagnosticSink& sink) {
  list.request_target = list.request;
  if (list.request_target.empty() && !config.company.security_contact.empty())
    list.request_target.email = config.company.security_contact;
  if (!list.request_target.empty()) return;
  for (const auto& document : list.items) {
    if (document.access == Access::public_) continue;
    sink.error(document.access_location,
               "document '" + document.id + "' is " + to_string(document.access) +
                   ", but there is nowhere to request it: content/documents.yaml has no "
                   "'request' and site.yaml has no company.security_contact; expected one of "
                   "them (a mailto: address or an https form for 'request')");
    return;
  }
}

// A highlight's `link`: "#<id>" must be an id on the Trust Center page, anything else a page.
void resolve_highlights(Content& content, const IdNamespace& ids, DiagnosticSink& sink) {
  for (auto& highlight : content.highlights.items) {
    if (highlight.link.empty()) continue;
    const std::string what = "highlight '" + highlight.id + "'";
    if (highlight.link.starts_with('#')) {
      const std::string id = highlight.link.substr(1);
      if (ids.contains(id)) {
        highlight.link_id = id;
        continue;
      }
      std::string message = "link " + quoted_excerpt(highlight.link) + " of " + what +
                            " names no item on the Trust Center page; expected '#' and the id "
                            "of a category, control, sub-processor, disclosure, framework, "
                            "document, highlight or question";
      if (auto near = nearest_name(id, ids.all())) message += " (did you mean '#" + *near + "'?)";
      sink.error(highlight.link_location, message);
      continue;
    }
    for (const auto& page : content.pages)
      if (page.slug == highlight.link) highlight.link_page = &page;
    if (highlight.link_page != nullptr) continue;
    std::vector<std::string> slugs;
    for (const auto& page : content.pages) slugs.push_back(page.slug);
    std::string message = "link " + quoted_excerpt(highlight.link) + " of " + what +
                          " is not a page; expected the slug of a file in content/pages/ or "
                          "'#' and the id of an item on the Trust Center page";
    if (auto near = nearest_name(highlight.link, slugs))
      message += " (did you mean '" + *near + "'?)";
    sink.error(highlight.link_location, message);
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

namespace {

// A category icon that is a name must be one the theme draws (theme.yaml `icons`): the icon
// partial would otherwise draw nothing, and the editor's icon would silently not appear.
void check_icons(const Content& content, const Theme& theme, DiagnosticSink& sink) {
  if (theme.icons.empty()) return;
  for (const Category& category : content.categories) {
    if (category.icon.empty() || !is_identifier(category.icon) ||
        std::binary_search(theme.icons.begin(), theme.icons.end(), category.icon))
      continue;
    std::string message = "icon " + quoted_excerpt(category.icon) + " of category '" + category.id +
                          "' is not an icon of the theme '" + theme.name +
                          "'; expected one of its icon names";
    if (auto near = nearest_name(category.icon, theme.icons))
      message += " (did you mean '" + *near + "'?)";
    message += " or a symbol such as an emoji";
    sink.error(category.icon_location, message);
  }
}

}  // namespace

void validate_content(const SiteConfig& config, Content& content, const Theme& theme,
                      const MonitoringResult& live, const Date& today, DiagnosticSink& sink) {
  const IdNamespace ids = check_ids(content, theme, sink);
  resolve_changes(content.subprocessors, sink);
  resolve_change_notices(content.subprocessors, today, sink);
  resolve_disclosures(content, sink);
  resolve_framework_documents(content, sink);
  resolve_mappings(content, sink);
  resolve_access_requests(config, content.documents, sink);
  resolve_highlights(content, ids, sink);
  check_icons(content, theme, sink);
  check_pages(config, content, sink);
  content.security_policy_page = nullptr;
  if (config.security_txt && !config.security_txt->policy_page.empty())
    for (const Page& page : content.pages)
      if (page.slug == config.security_txt->policy_page) content.security_policy_page = &page;
  resolve_monitor_references(content, live, sink);
}

void judge_framework_dates(FrameworkList& frameworks, const Date& today, DiagnosticSink& sink) {
  using std::chrono::sys_days;
  for (auto& framework : frameworks.items) {
    const std::string what = "framework '" + framework.id + "'";
    framework.expired = false;
    // Dates that contradict each other (expires before issued) are an error already.
    const bool contradictory =
        framework.issued && framework.expires && *framework.expires < *framework.issued;
    if (framework.status == FrameworkStatus::achieved && framework.expires && !contradictory) {
      const auto days_left = (sys_days(*framework.expires) - sys_days(today)).count();
      if (days_left < 0) {
        framework.expired = true;
        sink.strict_warning(framework.expires_location,
                            what + " expired on " + format_date(*framework.expires) +
                                " (today is " + format_date(today) +
                                "), so the page shows it as expired, not achieved; expected the "
                                "renewed certificate's or report's 'issued' and 'expires', or "
                                "another status");
      } else if (days_left <= kExpiryWarningDays) {
        const std::string when = days_left == 0 ? "today (" + format_date(*framework.expires) + ")"
                                                : "on " + format_date(*framework.expires) +
                                                      ", in " + std::to_string(days_left) +
                                                      (days_left == 1 ? " day" : " days");
        sink.warning(framework.expires_location,
                     what + " expires " + when +
                         "; from the day after, the page shows it as expired (expected the "
                         "renewed certificate's or report's 'issued' and 'expires' by then)");
      }
    }
    if (framework.status == FrameworkStatus::achieved && framework.issued &&
        *framework.issued > today)
      sink.strict_warning(framework.issued_location, "issued " + format_date(*framework.issued) +
                                                         " of " + what + " is after today (" +
                                                         format_date(today) +
                                                         "); expected the day it was issued");
    if (framework.expected && framework.expected->last_day() < today)
      sink.warning(framework.expected_location,
                   "expected " + format_partial_date(*framework.expected) + " of " + what +
                       " has passed (today is " + format_date(today) +
                       "); expected a new date, or the status it has reached");
  }
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
