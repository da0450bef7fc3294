#include "view_model.h"

#include <optional>
#include <utility>

#include "controls_view.h"
#include "disclosures_view.h"
#include "documents_view.h"
#include "faq_view.h"
#include "frameworks_view.h"
#include "highlights_view.h"
#include "intro_view.h"
#include "locales.h"
#include "mustache.h"
#include "pages_view.h"
#include "site_paths.h"
#include "subprocessors_view.h"
#include "url.h"
#include "vulnerability_disclosure_view.h"

namespace trustsite {

using nlohmann::json;

namespace {

// Builds contexts; holds the per-locale shared data so nothing is computed twice.
class Planner {
 public:
  explicit Planner(const SiteModel& model) : model_(model), config_(model.config) {
    for (const auto& code : config_.locales) locales_.push_back(make_locale_view(model, code));
  }

  // Which page each index is: the chooser, a locale's home page, a locale's policy page (one
  // that has a file to show in that locale), the 404 page; in plan_pages() order.
  struct PageSlot {
    enum class Kind { chooser, home, policy, not_found } kind;
    const LocaleView* view = nullptr;
    const Page* page = nullptr;
  };

  std::vector<PageSlot> slots() const {
    std::vector<PageSlot> out;
    out.push_back({PageSlot::Kind::chooser});
    for (const auto& view : locales_) {
      out.push_back({PageSlot::Kind::home, &view});
      for (const auto& page : model_.content.pages)
        if (shown_page_source(page, view.code, config_.default_locale) != nullptr)
          out.push_back({PageSlot::Kind::policy, &view, &page});
    }
    out.push_back({PageSlot::Kind::not_found});
    return out;
  }

  PagePlan plan(const PageSlot& slot) const {
    switch (slot.kind) {
      case PageSlot::Kind::chooser:
        return chooser_page();
      case PageSlot::Kind::home:
        return home_page(*slot.view);
      case PageSlot::Kind::policy:
        return std::move(*policy_page(*slot.view, *slot.page));
      case PageSlot::Kind::not_found:
        break;
    }
    return not_found_page();
  }

  // Every page, each with its deferred values resolved in place.
  std::vector<PagePlan> plan() const {
    std::vector<PagePlan> pages;
    for (const PageSlot& slot : slots()) pages.push_back(resolved(plan(slot)));
    return pages;
  }

 private:
  // `page` with the controls of its categories built in place of their deferred values, and
  // their links added.
  static PagePlan resolved(PagePlan page) {
    if (!page.deferred) return page;
    for (json& category : page.context["categories"])
      if (const auto key = mustache::deferred_key(category["controls"]))
        category["controls"] = page.deferred->resolve(*key);
    page.deferred->add_links(page.links);
    page.deferred.reset();
    return page;
  }

  const LocaleView& default_view() const {
    for (const auto& view : locales_)
      if (view.code == config_.default_locale) return view;
    return locales_.front();
  }

  // The context fields every page has. `path` is the page's URL path below base_url ("" for
  // the chooser, "en/" for a home page); `rest` is the part after the locale ("privacy/"), used
  // to link the same page in the other locales; `root` prefixes every internal link.
  json common(const LocaleView& view, const std::string& kind, const std::string& path,
              const std::string& rest, const std::string& root, bool in_locale) const {
    json alternates = json::array();
    for (const auto& other : locales_) {
      const std::string target = home_path(other.code) + rest;
      alternates.push_back({{"locale", other.code},
                            {"hreflang", other.code},
                            {"name", other.language_name},
                            {"href", root + target},
                            {"url", absolute_url(config_.base_url, target)},
                            {"current", in_locale && other.code == view.code}});
    }
    const std::string default_target = home_path(config_.default_locale) + rest;
    json assets = json::object();
    json asset_list = json::array();
    for (const auto& [name, ref] : model_.assets) {
      json asset = {{"name", name}, {"href", root + ref.path}};
      if (!ref.integrity.empty()) asset["integrity"] = ref.integrity;
      std::string key = name;
      for (char& c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
      assets[key] = asset;
      if (name == "style.css") assets["stylesheet"] = asset;
      if (name == "favicon.svg") assets["icon"] = asset;
      asset_list.push_back(std::move(asset));
    }
    assets["list"] = std::move(asset_list);

    json context = {
        {"site", view.site},
        {"locale", view.locale},
        {"t", view.t},
        {"page",
         {{"kind", kind},
          {"is_" + kind, true},
          {"path", path},
          {"root", root},
          {"canonical_url", absolute_url(config_.base_url, path)}}},
        {"alternates", std::move(alternates)},
        {"x_default",
         {{"href", root + default_target},
          {"url", absolute_url(config_.base_url, default_target)}}},
        {"stamp", view.stamp},
        {"assets", std::move(assets)},
        {"csp", model_.content_security_policy},
        {"nav",
         {{"home_href", root + home_path(view.code)},
          {"chooser_href", root},
          {"trust_json_href", root + kTrustJsonFile}}},
    };
    if (model_.content.subprocessors.present)
      context["nav"]["feed_href"] = root + subprocessor_feed_path(view.code);
    if (const Page* policy = model_.content.security_policy_page)
      context["nav"]["security_policy_href"] = root + page_path(view.code, policy->slug);
    return context;
  }

  PagePlan home_page(const LocaleView& view) const {
    const std::string path = home_path(view.code);
    const std::string output = index_file(path);
    const std::string root = relative_root(output);
    json context = common(view, "home", path, "", root, true);
    const json& title = view.site["title"];
    context["page"]["title"] = title["text"];
    context["page"]["heading"] = title;
    if (view.site.contains("tagline"))
      context["page"]["description"] = view.site["tagline"]["text"];

    const Content& content = model_.content;
    const StatusCounts counts = count_control_statuses(content);
    std::vector<LinkUse> links;
    json categories = categories_view(model_, view, links);
    context["has_categories"] = !categories.empty();
    context["categories"] = std::move(categories);
    context["status_legend"] = status_legend_view(view, counts);
    int control_total = 0;
    for (const auto& [status, count] : counts) control_total += count;
    context["status_total"] = fill_placeholders(view.ui({"status_counts", "intro"}),
                                                {{"count", std::to_string(control_total)}});
    context["has_subprocessors"] = content.subprocessors.present;
    context["subprocessors"] = subprocessors_view(content.subprocessors, view);
    context["has_disclosures"] = content.disclosures.present;
    context["disclosures"] = disclosures_view(content.disclosures, view, links);
    if (!content.disclosures.extra.is_null())
      context["disclosures_extra"] = content.disclosures.extra;
    // Certifications and highlights at a glance, the full framework entries, the documents.
    context["has_highlights"] = !content.highlights.items.empty();
    context["highlights"] = highlights_view(content.highlights, view, root);
    context["has_compliance"] = !content.frameworks.items.empty();
    context["compliance"] = {{"frameworks", frameworks_view(content.frameworks, view, &links)}};
    // The top-level `extra:` of compliance.yaml, highlights.yaml and faq.yaml (SPEC 2).
    if (!content.frameworks.extra.is_null())
      context["compliance"]["extra"] = content.frameworks.extra;
    if (!content.highlights.extra.is_null()) context["highlights_extra"] = content.highlights.extra;
    if (!content.faq.extra.is_null()) context["faq_extra"] = content.faq.extra;
    context["has_glance"] = !content.highlights.items.empty() ||
                            !content.frameworks.items.empty() || !content.categories.empty();
    context["has_documents"] = !content.documents.items.empty();
    context["documents"] = documents_view(content.documents, view, root, &links);
    json intro = intro_view(content.intro, view, &links);
    if (!intro.is_null()) context["intro"] = std::move(intro);
    context["has_faq"] = !content.faq.items.empty();
    context["faq"] = faq_view(content.faq, view, &links);
    json programme =
        vulnerability_disclosure_view(config_, content.security_policy_page, view, root);
    context["has_vulnerability_disclosure"] = !programme.is_null();
    if (!programme.is_null()) context["vulnerability_disclosure"] = std::move(programme);

    json pages = menu_view(model_, view, root, "");
    context["has_pages"] = !pages.empty();
    context["pages"] = std::move(pages);
    return {output, "home", std::move(context), std::move(links),
            std::make_shared<DeferredControls>(model_, view)};
  }

  std::optional<PagePlan> policy_page(const LocaleView& view, const Page& page) const {
    const PageSource* source = shown_page_source(page, view.code, config_.default_locale);
    if (source == nullptr) return std::nullopt;
    const std::string rest = page.slug + "/";
    const std::string path = page_path(view.code, page.slug);
    const std::string output = index_file(path);
    const std::string root = relative_root(output);
    json context = common(view, "page", path, rest, root, true);
    std::vector<LinkUse> links;
    fill_policy_page(context["page"], page, *source, view, links);
    json pages = menu_view(model_, view, root, page.slug);
    context["has_pages"] = !pages.empty();
    context["pages"] = std::move(pages);
    return PagePlan{output, "page", std::move(context), std::move(links), nullptr};
  }

  // The per-locale entries of the chooser and the 404 page, each in its own language.
  json choices(const std::string& root) const {
    json out = json::array();
    for (const auto& view : locales_) {
      const std::string target = home_path(view.code);
      json choice = {{"code", view.code},
                     {"lang", view.code},
                     {"name", view.language_name},
                     {"href", root + target},
                     {"url", absolute_url(config_.base_url, target)},
                     {"is_default", view.code == config_.default_locale},
                     {"site_title", view.site["title"]["text"]},
                     {"choose", view.ui({"chooser", "title"})},
                     {"continue", view.ui({"chooser", "continue"})},
                     {"not_found",
                      {{"title", view.ui({"not_found", "title"})},
                       {"text", view.ui({"not_found", "text"})},
                       {"back", view.ui({"not_found", "back"})}}}};
      if (view.site.contains("tagline")) choice["tagline"] = view.site["tagline"]["text"];
      out.push_back(std::move(choice));
    }
    return out;
  }

  PagePlan chooser_page() const {
    const LocaleView& view = default_view();
    json context = common(view, "chooser", "", "", "", false);
    context["page"]["title"] = view.site["title"]["text"];
    context["page"]["heading"] = view.site["title"];
    if (view.site.contains("tagline"))
      context["page"]["description"] = view.site["tagline"]["text"];
    context["page"]["redirect_href"] = home_path(config_.default_locale);
    context["choices"] = choices("");
    return {kChooserFile, "chooser", std::move(context), {}, nullptr};
  }

  PagePlan not_found_page() const {
    const LocaleView& view = default_view();
    const std::string root = base_url_path(config_.base_url);
    json context = common(view, "not_found", kNotFoundFile, "", root, false);
    context["page"]["title"] =
        view.ui({"not_found", "title"}) + " – " + view.site["title"]["text"].get<std::string>();
    context["page"]["heading"] = {{"text", view.ui({"not_found", "title"})}};
    context["choices"] = choices(root);
    return {kNotFoundFile, "not_found", std::move(context), {}, nullptr};
  }

  const SiteModel& model_;
  const SiteConfig& config_;
  std::vector<LocaleView> locales_;
};

}  // namespace

std::vector<PagePlan> plan_pages(const SiteModel& model) {
  if (model.config.locales.empty()) return {};
  return Planner(model).plan();
}

struct PagePlanner::Impl {
  explicit Impl(const SiteModel& model) : planner(model), slots(planner.slots()) {}
  Planner planner;
  std::vector<Planner::PageSlot> slots;
};

PagePlanner::PagePlanner(const SiteModel& model) {
  if (!model.config.locales.empty()) impl_ = std::make_unique<Impl>(model);
}

PagePlanner::~PagePlanner() = default;

std::size_t PagePlanner::size() const {
  return impl_ ? impl_->slots.size() : 0;
}

PagePlan PagePlanner::plan(std::size_t i) const {
  return impl_->planner.plan(impl_->slots.at(i));
}

}  // namespace trustsite
