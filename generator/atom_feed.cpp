#include "atom_feed.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "site_paths.h"
#include "url.h"
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

// When an entry's news reached customers (SPEC 3): the day the change was announced, else the
// day it takes effect.
Date entry_date(const SubprocessorChange& change) {
  return change.announced ? *change.announced : change.date;
}

// The entry's <content type="xhtml"> (RFC 4287 section 4.1.3): the note (marked with xml:lang
// when it fell back to the default locale), when the change takes effect and was announced, and
// for a change customers can still object to, how and until when.
std::string entry_content(const SiteConfig& config, const UiStrings& strings,
                          const std::string& locale, const SubprocessorList& list,
                          const SubprocessorChange& change, const ResolvedText& note) {
  auto ui = [&](const std::string& key) { return ui_text(config, strings, locale, key, ""); };
  const std::string date = format_date(change.date);
  std::string out =
      "    <content type=\"xhtml\">\n      <div xmlns=\"http://www.w3.org/1999/xhtml\">\n";
  if (!note.text.empty()) {
    out += "        <p";
    if (!note.lang.empty()) out.append(" xml:lang=\"").append(xml_escape(note.lang)).append("\"");
    out.append(">").append(xml_escape(note.text)).append("</p>\n");
  }
  out += "        <p>" + xml_escape(ui("subprocessors.effective")) + " " + date;
  if (change.announced)
    out += " · " + xml_escape(ui("subprocessors.announced")) + " " + format_date(*change.announced);
  out += "</p>\n";
  if (takes_objections(list, change)) {
    const ObjectionContact& contact = list.objection_contact;
    const bool is_email = !contact.email.empty();
    const std::string subject = fill_placeholders(
        ui("subprocessors.objection_subject." + std::string(to_string(change.type))),
        {{"name", change.display_name}, {"date", date}});
    out +=
        "        <p>" +
        xml_escape(ui(is_email ? "subprocessors.objection_email" : "subprocessors.objection_url")) +
        " <a href=\"" + xml_escape(objection_href(contact, subject)) + "\">" +
        xml_escape(is_email ? contact.email : link_text(contact.url)) + "</a> " +
        xml_escape(ui("subprocessors.objection_by")) + " " + date +
        xml_escape(ui("subprocessors.objection_end")) + "</p>\n";
  }
  out += "      </div>\n    </content>\n";
  return out;
}

}  // namespace

std::string render_subprocessor_feed(const SiteConfig& config, const Content& content,
                                     const UiStrings& strings, const std::string& locale,
                                     const Date& stamp) {
  const std::string feed_url = absolute_url(config.base_url, subprocessor_feed_path(locale));
  const std::string page = page_url(config.base_url, locale);
  const std::vector<SubprocessorChange>& changes = content.subprocessors.changes;
  const std::string host = url_host(config.base_url);
  const std::string base_path = base_url_path(config.base_url);

  Date newest = stamp;
  if (!changes.empty()) {
    newest = entry_date(changes.front());
    for (const auto& change : changes) newest = std::max(newest, entry_date(change));
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
  for (const auto& change : changes) {
    const std::string date = format_date(change.date);
    const std::string type = to_string(change.type);
    const int repeat = ++seen[{date, change.subprocessor, type}];
    std::string id = "tag:" + host + "," + date + ":" + base_path + locale + "/subprocessors/" +
                     change.subprocessor + "/" + type;
    if (repeat > 1) id.append("-").append(std::to_string(repeat));

    const bool is_listed = change.listed != nullptr;
    const std::string& name = change.display_name;
    const std::string type_label = ui_text(config, strings, locale, "change." + type, type);
    const std::string link =
        page + "#" + (is_listed ? change.subprocessor : "subprocessor-changes");

    out += "  <entry>\n";
    out += "    <id>" + xml_escape(id) + "</id>\n";
    out += "    <title>" + xml_escape(type_label + ": " + name) + "</title>\n";
    out += "    <updated>" + rfc3339_midnight(entry_date(change)) + "</updated>\n";
    out += "    <published>" + rfc3339_midnight(entry_date(change)) + "</published>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(link) + "\"/>\n";
    out += "    <category term=\"" + xml_escape(type) + "\" label=\"" + xml_escape(type_label) +
           "\"/>\n";
    const ResolvedText note = resolve(change.note, locale, config.default_locale);
    if (!note.text.empty()) {
      out += "    <summary";
      // append(): GCC 12 warns falsely about "literal" + string here (bug 105329).
      if (!note.lang.empty()) out.append(" xml:lang=\"").append(xml_escape(note.lang)).append("\"");
      out.append(">").append(xml_escape(note.text)).append("</summary>\n");
    }
    out += entry_content(config, strings, locale, content.subprocessors, change, note);
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace trustsite
