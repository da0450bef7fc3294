#include "view_model.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <utility>

#include "localized.h"
#include "markdown.h"

namespace trustsite {

using nlohmann::json;

namespace {

// The heading level of the element that holds each Markdown field: its own headings must
// come right below it (WCAG 1.3.1: no skipped levels under the page's h1 / category's h2).
constexpr int kPageBodyParent = 1;         // the policy page's h1
constexpr int kCategorySummaryParent = 2;  // the category's h2
constexpr int kControlParent = 3;          // the control's or disclosure's h3

// Renders Markdown (safe mode) so that its highest heading is one level below `parent_level`,
// whatever level the author started at ("#" or "##"). Safe mode escapes every '<' of the
// input, so "<hN" in the output is always a real heading.
std::string render_markdown_below(const std::string& markdown, int parent_level) {
  std::string html = render_markdown(markdown, 0);
  int top = 7;
  for (std::size_t at = html.find("<h"); at != std::string::npos; at = html.find("<h", at + 2)) {
    if (at + 2 < html.size() && html[at + 2] >= '1' && html[at + 2] <= '6')
      top = std::min(top, html[at + 2] - '0');
  }
  if (top <= parent_level) html = render_markdown(markdown, parent_level + 1 - top);
  return html;
}

// A localized field for templates: {"text": ..., "lang": ...}, `lang` only when the text fell
// back to another locale (SPEC 2: mark just the element holding the fallback text).
json localized_json(const LocalizedText& field, const std::string& locale,
                    const std::string& default_locale) {
  ResolvedText resolved = resolve(field, locale, default_locale);
  json out = {{"text", std::move(resolved.text)}};
  if (!resolved.lang.empty()) out["lang"] = std::move(resolved.lang);
  return out;
}

// A localized Markdown field: {"html": ..., "lang": ...}, rendered in safe mode.
json markdown_json(const LocalizedText& field, const std::string& locale,
                   const std::string& default_locale, int parent_level) {
  ResolvedText resolved = resolve(field, locale, default_locale);
  json out = {{"html", render_markdown_below(resolved.text, parent_level)}};
  if (!resolved.lang.empty()) out["lang"] = std::move(resolved.lang);
  return out;
}

void fill_table(json& table, const std::vector<std::pair<std::string, std::string>>& values) {
  for (auto& value : table) {
    if (value.is_object()) {
      fill_table(value, values);
    } else if (value.is_string()) {
      value = fill_placeholders(value.get<std::string>(), values);
    }
  }
}

// One string from a nested table by path; empty when absent.
std::string lookup(const json& table, std::initializer_list<std::string_view> path) {
  const json* node = &table;
  for (std::string_view part : path) {
    if (!node->is_object()) return {};
    auto it = node->find(part);
    if (it == node->end()) return {};
    node = &*it;
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// A sub-processor website as a link target: only absolute http(s) URLs with a host and no
// whitespace or control characters survive (SPEC 3); anything else yields "".
std::string safe_web_url(const std::string& url) {
  std::size_t host_start = 0;
  if (starts_with_ci(url, "https://")) {
    host_start = 8;
  } else if (starts_with_ci(url, "http://")) {
    host_start = 7;
  } else {
    return {};
  }
  if (url.size() <= host_start || url[host_start] == '/') return {};
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return {};
  }
  return url;
}

// "https://www.example.com/dpa/" -> "www.example.com/dpa"
std::string display_url(const std::string& url) {
  std::string shown = url.substr(url.find("://") + 3);
  if (!shown.empty() && shown.back() == '/') shown.pop_back();
  return shown;
}

// A contact e-mail address as {address, href: "mailto:..."}; nothing for an empty or odd one
// (no spaces, no query or header tricks such as "a@b?bcc=c").
json contact_json(const std::string& address) {
  if (address.empty() || address.find('@') == std::string::npos) return nullptr;
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7f || c == '?' || c == '&' || c == '"' || c == '<' || c == '>' ||
        c == ',' || c == ';' || c == ':' || c == '/' || c == '\\')
      return nullptr;
  }
  return {{"address", address}, {"href", "mailto:" + address}};
}

// RFC 3339 UTC date-time ("2026-11-20T08:15:00Z") and the display form ("2026-11-20 08:15 UTC").
std::pair<std::string, std::string> utc_times(std::int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds time{seconds{unix_seconds}};
  const auto day = floor<days>(time);
  const hh_mm_ss clock{time - day};
  const std::string date = format_date(year_month_day{day});
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  const std::string hms = buffer;
  return {date + "T" + hms + "Z", date + " " + hms.substr(0, 5) + " UTC"};
}

// "../" once per directory level of `output_path` ("en/privacy/index.html" -> "../../").
std::string relative_root(const std::string& output_path) {
  std::string root;
  for (char c : output_path)
    if (c == '/') root += "../";
  return root;
}

constexpr std::array<const char*, 4> kStatuses = {"implemented", "in_progress", "planned",
                                                  "not_applicable"};

// Everything about one locale that every page of that locale shares, built once.
struct LocaleData {
  std::string code;
  json t;       // UI strings with {company} and {site_title} filled in
  json site;    // the `site` object
  json locale;  // {code, name, is_default}
  json stamp;
  std::string language_name;
};

// Builds contexts; holds the per-locale shared data so nothing is computed twice.
class Planner {
 public:
  explicit Planner(const SiteModel& model) : model_(model), config_(model.config) {
    for (const auto& code : config_.locales) locales_.push_back(make_locale(code));
  }

  std::vector<PagePlan> plan() {
    std::vector<PagePlan> pages;
    pages.push_back(chooser_page());
    for (const auto& data : locales_) {
      pages.push_back(home_page(data));
      for (const auto& page : model_.content.pages) {
        if (auto plan = policy_page(data, page)) pages.push_back(std::move(*plan));
      }
    }
    pages.push_back(not_found_page());
    return pages;
  }

 private:
  const LocaleData& default_data() const {
    for (const auto& data : locales_)
      if (data.code == config_.default_locale) return data;
    return locales_.front();
  }

  LocaleData make_locale(const std::string& code) const {
    LocaleData data;
    data.code = code;
    data.t = model_.strings.has(code) ? model_.strings.table(code) : json::object();
    const ResolvedText title = resolve(config_.title, code, config_.default_locale);
    fill_table(data.t, {{"company", config_.company.name}, {"site_title", title.text}});
    data.language_name = lookup(data.t, {"language_name"});
    if (data.language_name.empty()) data.language_name = code;

    json company = {{"name", config_.company.name}};
    json contacts = json::array();
    const std::array<std::pair<const char*, const std::string*>, 3> kinds = {{
        {"contact", &config_.company.contact},
        {"security_contact", &config_.company.security_contact},
        {"privacy_contact", &config_.company.privacy_contact},
    }};
    const std::array<const char*, 3> labels = {"general", "security", "privacy"};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      json contact = contact_json(*kinds[i].second);
      if (contact.is_null()) continue;
      company[kinds[i].first] = contact;
      contact["kind"] = labels[i];
      contact["label"] = lookup(data.t, {"contact", labels[i]});
      contacts.push_back(std::move(contact));
    }
    json locale_list = json::array();
    for (const auto& other : config_.locales) {
      std::string name = model_.strings.get(other, "language_name");
      locale_list.push_back({{"code", other}, {"name", name.empty() ? other : name}});
    }
    data.site = {
        {"title", localized_json(config_.title, code, config_.default_locale)},
        {"tagline", localized_json(config_.tagline, code, config_.default_locale)},
        {"base_url", config_.base_url},
        {"default_locale", config_.default_locale},
        {"locales", std::move(locale_list)},
        {"company", std::move(company)},
        {"contacts", contacts},
        {"has_contacts", !contacts.empty()},
    };
    if (config_.tagline.empty()) data.site.erase("tagline");
    data.locale = {{"code", code},
                   {"name", data.language_name},
                   {"is_default", code == config_.default_locale}};
    data.stamp = {{"date", format_date(model_.stamp)},
                  {"label", lookup(data.t, {"stamp", "updated"})}};
    return data;
  }

  // The context fields every page has. `path` is the page's URL path below base_url ("" for
  // the chooser, "en/" for a home page); `rest` is the part after the locale ("privacy/"), used
  // to link the same page in the other locales; `root` prefixes every internal link.
  json common(const LocaleData& data, const std::string& kind, const std::string& path,
              const std::string& rest, const std::string& root, bool in_locale) const {
    json alternates = json::array();
    for (const auto& other : locales_) {
      const std::string target = other.code + "/" + rest;
      alternates.push_back({{"locale", other.code},
                            {"hreflang", other.code},
                            {"name", other.language_name},
                            {"href", root + target},
                            {"url", config_.base_url + target},
                            {"current", in_locale && other.code == data.code}});
    }
    const std::string default_target = config_.default_locale + "/" + rest;
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
        {"site", data.site},
        {"locale", data.locale},
        {"t", data.t},
        {"page",
         {{"kind", kind},
          {"is_" + kind, true},
          {"path", path},
          {"root", root},
          {"canonical_url", config_.base_url + path}}},
        {"alternates", std::move(alternates)},
        {"x_default",
         {{"href", root + default_target}, {"url", config_.base_url + default_target}}},
        {"stamp", data.stamp},
        {"assets", std::move(assets)},
        {"csp", content_security_policy()},
        {"nav",
         {{"home_href", root + data.code + "/"},
          {"chooser_href", root},
          {"trust_json_href", root + "trust.json"}}},
    };
    if (model_.content.has_subprocessors)
      context["nav"]["feed_href"] = root + data.code + "/subprocessors.atom";
    return context;
  }

  // The policy pages in the menu, for a page of `data`'s locale at `root`; `current_slug`
  // marks the page being rendered.
  json menu(const LocaleData& data, const std::string& root,
            const std::string& current_slug) const {
    json items = json::array();
    for (const auto& page : model_.content.pages) {
      auto [source, lang] = page_source(page, data.code);
      if (source == nullptr || !source->menu) continue;
      json item = {{"slug", page.slug},
                   {"href", root + data.code + "/" + page.slug + "/"},
                   {"title", {{"text", source->title}}},
                   {"current", page.slug == current_slug}};
      if (!lang.empty()) item["title"]["lang"] = lang;
      if (!source->description.empty()) {
        item["description"] = {{"text", source->description}};
        if (!lang.empty()) item["description"]["lang"] = lang;
      }
      items.push_back(std::move(item));
    }
    return items;
  }

  // The file a page is shown from in `locale` (shown_page_source), and its locale when that is
  // a fallback (empty otherwise).
  std::pair<const PageSource*, std::string> page_source(const Page& page,
                                                        const std::string& locale) const {
    const PageSource* source = shown_page_source(page, locale, config_.default_locale);
    if (source == nullptr) return {nullptr, ""};
    return {source, source->locale == locale ? std::string() : source->locale};
  }

  // "1 control" / "12 controls" from legend.count_one / legend.count_other.
  static std::string count_label(const LocaleData& data, int count) {
    const char* form = count == 1 ? "count_one" : "count_other";
    return fill_placeholders(lookup(data.t, {"legend", form}), {{"count", std::to_string(count)}});
  }

  std::string status_label(const LocaleData& data, const std::string& status) const {
    return lookup(data.t, {"status", status});
  }

  json control_json(const LocaleData& data, const Control& control,
                    std::map<std::string, int>& counts) const {
    const std::string& locale = data.code;
    const std::string& fallback = config_.default_locale;
    const std::string status = to_string(control.status);
    ++counts[status];
    json out = {{"id", control.id},
                {"href", "#" + control.id},
                {"title", localized_json(control.title, locale, fallback)},
                {"status", status},
                {"status_label", status_label(data, status)},
                {"frameworks", control.frameworks},
                {"has_frameworks", !control.frameworks.empty()},
                {"monitored", !control.monitor.empty()}};
    if (!control.description.empty())
      out["description"] = markdown_json(control.description, locale, fallback, kControlParent);
    if (control.updated) out["updated"] = format_date(*control.updated);
    if (!control.monitor.empty()) {
      if (auto it = model_.live.items.find(control.monitor); it != model_.live.items.end()) {
        out["live"] = live_json(data, it->second);
      }
    }
    return out;
  }

  json live_json(const LocaleData& data, const LiveStatus& item) const {
    std::string label = lookup(data.t, {"live", "status", item.status});
    if (label.empty()) label = item.status;
    json live = {{"status", item.status}, {"label", label}};
    if (item.checked_at_unix != 0) {
      auto [rfc3339, shown] = utc_times(item.checked_at_unix);
      live["checked_at"] = rfc3339;
      live["checked_at_display"] = shown;
    } else if (!item.checked_at.empty()) {
      live["checked_at"] = item.checked_at;
      live["checked_at_display"] = item.checked_at;
    }
    if (!item.detail.empty()) live["detail"] = item.detail;
    return live;
  }

  json home_data(const LocaleData& data) const {
    const std::string& locale = data.code;
    const std::string& fallback = config_.default_locale;
    const Content& content = model_.content;
    json out = json::object();

    std::map<std::string, int> counts;
    json categories = json::array();
    for (const auto& category : content.categories) {
      json controls = json::array();
      for (const auto& control : category.controls)
        controls.push_back(control_json(data, control, counts));
      json item = {{"id", category.id},
                   {"href", "#" + category.id},
                   {"title", localized_json(category.title, locale, fallback)},
                   {"control_count", category.controls.size()},
                   {"controls", std::move(controls)}};
      if (!category.icon.empty()) item["icon"] = category.icon;
      if (!category.summary.empty())
        item["summary"] = markdown_json(category.summary, locale, fallback, kCategorySummaryParent);
      categories.push_back(std::move(item));
    }
    out["has_categories"] = !categories.empty();
    out["categories"] = std::move(categories);

    json legend = json::array();
    for (const char* status : kStatuses) {
      legend.push_back({{"status", status},
                        {"label", status_label(data, status)},
                        {"description", lookup(data.t, {"status_description", status})},
                        {"count", counts[status]},
                        {"count_label", count_label(data, counts[status])}});
    }
    out["status_legend"] = std::move(legend);

    // Sub-processors (SPEC 3): website links re-validated here, changes with display names.
    std::map<std::string, const Subprocessor*> by_id;
    for (const auto& sub : content.subprocessors) by_id[sub.id] = &sub;
    json items = json::array();
    for (const auto& sub : content.subprocessors) {
      const std::string dpa = to_string(sub.dpa);
      json item = {{"id", sub.id},
                   {"name", sub.name},
                   {"purpose", localized_json(sub.purpose, locale, fallback)},
                   {"location", localized_json(sub.location, locale, fallback)},
                   {"dpa", dpa},
                   {"dpa_label", lookup(data.t, {"dpa", dpa})}};
      if (std::string website = safe_web_url(sub.website); !website.empty()) {
        item["website"] = {{"href", website}, {"display", display_url(website)}};
      }
      if (sub.since) item["since"] = format_date(*sub.since);
      items.push_back(std::move(item));
    }
    json changes = json::array();
    for (const auto& change : content.changes) {
      const std::string type = to_string(change.type);
      json item = {{"date", format_date(change.date)},
                   {"type", type},
                   {"type_label", lookup(data.t, {"change", type})},
                   {"subprocessor", change.subprocessor}};
      if (auto it = by_id.find(change.subprocessor); it != by_id.end()) {
        item["name"] = it->second->name;
        item["href"] = "#" + change.subprocessor;
        item["listed"] = true;
      } else {
        item["name"] = change.name.empty() ? change.subprocessor : change.name;
        item["listed"] = false;
      }
      if (!change.note.empty()) item["note"] = localized_json(change.note, locale, fallback);
      changes.push_back(std::move(item));
    }
    out["has_subprocessors"] = content.has_subprocessors;
    out["subprocessors"] = {{"items", std::move(items)},
                            {"has_changes", !changes.empty()},
                            {"changes", std::move(changes)}};

    json disclosures = json::array();
    const std::string yes = lookup(data.t, {"ai", "answer_yes"});
    const std::string no = lookup(data.t, {"ai", "answer_no"});
    for (const auto& disclosure : content.disclosures) {
      const std::string status = to_string(disclosure.status);
      json provider = {{"id", disclosure.provider}, {"name", disclosure.provider}};
      if (auto it = by_id.find(disclosure.provider); it != by_id.end()) {
        provider["name"] = it->second->name;
        provider["href"] = "#" + disclosure.provider;
      }
      json item = {{"id", disclosure.id},
                   {"title", localized_json(disclosure.title, locale, fallback)},
                   {"status", status},
                   {"status_label", status_label(data, status)},
                   {"provider", std::move(provider)},
                   {"opt_in", disclosure.opt_in},
                   {"opt_in_label", disclosure.opt_in ? yes : no},
                   {"used_for_training", disclosure.used_for_training},
                   {"used_for_training_label", disclosure.used_for_training ? yes : no}};
      if (!disclosure.description.empty())
        item["description"] =
            markdown_json(disclosure.description, locale, fallback, kControlParent);
      const std::array<std::pair<const char*, const LocalizedText*>, 3> texts = {{
          {"data_sent", &disclosure.data_sent},
          {"data_excluded", &disclosure.data_excluded},
          {"human_oversight", &disclosure.human_oversight},
      }};
      for (const auto& [key, field] : texts)
        if (!field->empty()) item[key] = localized_json(*field, locale, fallback);
      disclosures.push_back(std::move(item));
    }
    out["has_disclosures"] = content.has_disclosures;
    out["disclosures"] = std::move(disclosures);
    return out;
  }

  PagePlan home_page(const LocaleData& data) const {
    const std::string path = data.code + "/";
    const std::string output = path + "index.html";
    const std::string root = relative_root(output);
    json context = common(data, "home", path, "", root, true);
    const json& title = data.site["title"];
    context["page"]["title"] = title["text"];
    context["page"]["heading"] = title;
    if (data.site.contains("tagline"))
      context["page"]["description"] = data.site["tagline"]["text"];
    context.update(home_data(data));
    json pages = menu(data, root, "");
    context["has_pages"] = !pages.empty();
    context["pages"] = std::move(pages);
    return {output, "home", std::move(context)};
  }

  std::optional<PagePlan> policy_page(const LocaleData& data, const Page& page) const {
    auto [source, lang] = page_source(page, data.code);
    if (source == nullptr) return std::nullopt;
    const std::string rest = page.slug + "/";
    const std::string path = data.code + "/" + rest;
    const std::string output = path + "index.html";
    const std::string root = relative_root(output);
    json context = common(data, "page", path, rest, root, true);
    json& info = context["page"];
    const std::string site_title = data.site["title"]["text"];
    info["slug"] = page.slug;
    info["title"] = source->title + " – " + site_title;
    info["heading"] = {{"text", source->title}};
    info["body"] = {{"html", render_markdown_below(source->body, kPageBodyParent)}};
    if (!source->description.empty()) {
      info["description"] = source->description;
    } else if (data.site.contains("tagline")) {
      info["description"] = data.site["tagline"]["text"];
    }
    if (source->updated) info["updated"] = format_date(*source->updated);
    if (!lang.empty()) {
      // SPEC 3: shown from another locale's file, with a visible notice and `lang` set.
      info["heading"]["lang"] = lang;
      info["body"]["lang"] = lang;
      info["lang"] = lang;
      const std::string language = lookup(data.t, {"languages", data.code});
      const std::string source_language = lookup(data.t, {"languages", lang});
      info["not_translated"] = {
          {"lang", lang},
          {"notice", fill_placeholders(
                         lookup(data.t, {"page", "not_translated"}),
                         {{"language", language.empty() ? data.language_name : language},
                          {"source_language", source_language.empty() ? lang : source_language}})}};
    }
    json pages = menu(data, root, page.slug);
    context["has_pages"] = !pages.empty();
    context["pages"] = std::move(pages);
    return PagePlan{output, "page", std::move(context)};
  }

  // The per-locale entries of the chooser and the 404 page, each in its own language.
  json choices(const std::string& root) const {
    json out = json::array();
    for (const auto& data : locales_) {
      const std::string target = data.code + "/";
      json choice = {{"code", data.code},
                     {"lang", data.code},
                     {"name", data.language_name},
                     {"href", root + target},
                     {"url", config_.base_url + target},
                     {"is_default", data.code == config_.default_locale},
                     {"site_title", data.site["title"]["text"]},
                     {"choose", lookup(data.t, {"chooser", "title"})},
                     {"continue", lookup(data.t, {"chooser", "continue"})},
                     {"not_found",
                      {{"title", lookup(data.t, {"not_found", "title"})},
                       {"text", lookup(data.t, {"not_found", "text"})},
                       {"back", lookup(data.t, {"not_found", "back"})}}}};
      if (data.site.contains("tagline")) choice["tagline"] = data.site["tagline"]["text"];
      out.push_back(std::move(choice));
    }
    return out;
  }

  PagePlan chooser_page() const {
    const LocaleData& data = default_data();
    json context = common(data, "chooser", "", "", "", false);
    context["page"]["title"] = data.site["title"]["text"];
    context["page"]["heading"] = data.site["title"];
    if (data.site.contains("tagline"))
      context["page"]["description"] = data.site["tagline"]["text"];
    context["page"]["redirect_href"] = config_.default_locale + "/";
    context["choices"] = choices("");
    return {"index.html", "chooser", std::move(context)};
  }

  PagePlan not_found_page() const {
    const LocaleData& data = default_data();
    const std::string root = base_url_path(config_.base_url);
    json context = common(data, "not_found", "404.html", "", root, false);
    context["page"]["title"] = lookup(data.t, {"not_found", "title"}) + " – " +
                               data.site["title"]["text"].get<std::string>();
    context["page"]["heading"] = {{"text", lookup(data.t, {"not_found", "title"})}};
    context["choices"] = choices(root);
    return {"404.html", "not_found", std::move(context)};
  }

  const SiteModel& model_;
  const SiteConfig& config_;
  std::vector<LocaleData> locales_;
};

}  // namespace

std::vector<PagePlan> plan_pages(const SiteModel& model) {
  if (model.config.locales.empty()) return {};
  return Planner(model).plan();
}

const std::vector<std::string>& reserved_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> list = {
        "ai",
        "categories",
        "changes",
        "contact",
        "contacts",
        "content",
        "contents",
        "controls",
        "disclosures",
        "footer",
        "header",
        "intro",
        "language",
        "languages",
        "legend",
        "main",
        "not-translated",
        "overview",
        "page-title",
        "pages",
        "policies",
        "security",
        "site-title",
        "skip",
        "stamp",
        "status-legend",
        "subprocessor-changes",
        "subprocessors",
        "toc",
        "top",
    };
    std::sort(list.begin(), list.end());
    return list;
  }();
  return ids;
}

const std::string& content_security_policy() {
  static const std::string policy =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
  return policy;
}

}  // namespace trustsite
