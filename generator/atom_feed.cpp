#include "atom_feed.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "sitemap.h"
#include "xml_text.h"

namespace trustsite {

namespace {

// A UI string with {company} and {site_title} filled in; `fallback` when the string is absent.
std::string ui_text(const SiteConfig& config, const UiStrings& strings, const std::string& locale,
                    const std::string& key, const std::string& fallback) {
  std::string text = strings.get(locale, key);
  if (text.empty()) text = fallback;
  return fill_placeholders(
      std::move(text), {{"company", config.company.name},
                        {"site_title", resolve(config.title, locale, config.default_locale).text}});
}

}  // namespace

std::string rfc3339_midnight(const Date& date) {
  return format_date(date) + "T00:00:00Z";
}

std::string url_host(const std::string& url) {
  const std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::string authority =
      url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (const std::size_t at = authority.rfind('@'); at != std::string::npos)
    authority.erase(0, at + 1);
  if (!authority.empty() && authority.front() == '[') {  // IPv6 literal
    const std::size_t close = authority.find(']');
    authority = authority.substr(0, close == std::string::npos ? std::string::npos : close + 1);
  } else if (const std::size_t colon = authority.find(':'); colon != std::string::npos) {
    authority.erase(colon);
  }
  std::transform(authority.begin(), authority.end(), authority.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return authority;
}

std::string subprocessor_feed_path(const std::string& locale) {
  return locale + "/subprocessors.atom";
}

std::string render_subprocessor_feed(const SiteConfig& config, const Content& content,
                                     const UiStrings& strings, const std::string& locale,
                                     const Date& stamp) {
  const std::string feed_url = config.base_url + subprocessor_feed_path(locale);
  const std::string page = page_url(config, locale);
  const std::string host = url_host(config.base_url);
  const std::string base_path = base_url_path(config.base_url);

  Date newest = stamp;
  if (!content.changes.empty()) {
    newest = content.changes.front().date;
    for (const auto& change : content.changes) newest = std::max(newest, change.date);
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + xml_escape(locale) + "\">\n";
  out += "  <id>" + xml_escape(feed_url) + "</id>\n";
  out += "  <title>" +
         xml_escape(ui_text(config, strings, locale, "subprocessors.feed_title",
                            "{company}: sub-processor changes")) +
         "</title>\n";
  const std::string intro = ui_text(config, strings, locale, "subprocessors.intro", "");
  if (!intro.empty()) out += "  <subtitle>" + xml_escape(intro) + "</subtitle>\n";
  out += "  <updated>" + rfc3339_midnight(newest) + "</updated>\n";
  out += "  <author>\n    <name>" + xml_escape(config.company.name) + "</name>\n";
  out += "    <uri>" + xml_escape(page) + "</uri>\n  </author>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(feed_url) +
         "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(page) +
         "#subprocessors\"/>\n";
  out += "  <generator>trustsite</generator>\n";

  std::map<std::tuple<std::string, std::string, std::string>, int> seen;
  // Repeats of one (date, sub-processor, type) are numbered in list order (date desc, then file
  // order), so adding a change on another date never renumbers an existing id.
  for (const auto& change : content.changes) {
    const std::string date = format_date(change.date);
    const std::string type = to_string(change.type);
    const int repeat = ++seen[{date, change.subprocessor, type}];
    std::string id = "tag:" + host + "," + date + ":" + base_path + locale + "/subprocessors/" +
                     change.subprocessor + "/" + type;
    if (repeat > 1) id += "-" + std::to_string(repeat);

    const auto listed =
        std::find_if(content.subprocessors.begin(), content.subprocessors.end(),
                     [&](const Subprocessor& s) { return s.id == change.subprocessor; });
    const bool is_listed = listed != content.subprocessors.end();
    std::string name = is_listed ? listed->name : change.name;
    if (name.empty()) name = change.subprocessor;
    const std::string type_label = ui_text(config, strings, locale, "change." + type, type);
    const std::string link =
        page + "#" + (is_listed ? change.subprocessor : "subprocessor-changes");

    out += "  <entry>\n";
    out += "    <id>" + xml_escape(id) + "</id>\n";
    out += "    <title>" + xml_escape(type_label + ": " + name) + "</title>\n";
    out += "    <updated>" + rfc3339_midnight(change.date) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(link) + "\"/>\n";
    out += "    <category term=\"" + xml_escape(type) + "\" label=\"" + xml_escape(type_label) +
           "\"/>\n";
    const ResolvedText note = resolve(change.note, locale, config.default_locale);
    if (!note.text.empty()) {
      out += "    <summary";
      if (!note.lang.empty()) out += " xml:lang=\"" + xml_escape(note.lang) + "\"";
      out += ">" + xml_escape(note.text) + "</summary>\n";
    }
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace trustsite
