#include "subprocessors_view.h"

#include <algorithm>
#include <vector>

#include "locales.h"
#include "url.h"

namespace trustsite {

using nlohmann::json;

namespace {

// How and until when customers object to an upcoming change (GDPR Art. 28(2)): the contact
// link (a mailto: with a subject naming the change, or the https URL), the text before it
// ("To object to this change, write to") and the effective date that ends the window.
json objection_json(const SubprocessorList& list, const SubprocessorChange& change,
                    const LocaleView& view) {
  const ObjectionContact& contact = list.objection_contact;
  const std::string type = to_string(change.type);
  const std::string date = format_date(change.date);
  const std::string subject =
      fill_placeholders(view.ui({"subprocessors", "objection_subject", type}),
                        {{"name", change.display_name}, {"date", date}});
  const bool is_email = !contact.email.empty();
  return {{"by", date},
          {"href", objection_href(contact, subject)},
          {"display", is_email ? contact.email : link_text(contact.url)},
          {"is_email", is_email},
          {"lead", view.ui({"subprocessors", is_email ? "objection_email" : "objection_url"})}};
}

json change_json(const SubprocessorList& list, const SubprocessorChange& change,
                 const LocaleView& view) {
  const std::string type = to_string(change.type);
  json item = {{"date", format_date(change.date)},
               {"type", type},
               {"type_label", view.ui({"change", type})},
               {"subprocessor", change.subprocessor},
               {"name", change.display_name},
               {"listed", change.listed != nullptr},
               {"upcoming", change.upcoming}};
  if (change.listed != nullptr) item["href"] = "#" + change.subprocessor;
  if (change.announced) item["announced"] = format_date(*change.announced);
  if (!change.note.empty()) item["note"] = localized_json(change.note, view);
  if (takes_objections(list, change)) item["objection"] = objection_json(list, change, view);
  if (!change.extra.is_null()) item["extra"] = change.extra;
  return item;
}

}  // namespace

json subprocessors_view(const SubprocessorList& list, const LocaleView& view) {
  json items = json::array();
  for (const auto& sub : list.items) {
    const std::string dpa = to_string(sub.dpa);
    json item = {{"id", sub.id},
                 {"name", sub.name},
                 {"purpose", localized_json(sub.purpose, view)},
                 {"location", localized_json(sub.location, view)},
                 {"dpa", dpa},
                 {"dpa_label", view.ui({"dpa", dpa})},
                 {"upcoming", sub.upcoming}};
    if (!sub.website.empty())
      item["website"] = {{"href", sub.website}, {"display", link_text(sub.website)}};
    if (sub.since) item["since"] = format_date(*sub.since);
    if (!sub.extra.is_null()) item["extra"] = sub.extra;
    if (sub.from) item["from"] = format_date(*sub.from);
    if (sub.until) item["until"] = format_date(*sub.until);
    items.push_back(std::move(item));
  }
  // Upcoming changes soonest first (changes of one day in file order), the history newest first.
  std::vector<const SubprocessorChange*> soonest_first;
  json changes = json::array();
  for (const auto& change : list.changes) {
    if (change.upcoming)
      soonest_first.push_back(&change);
    else
      changes.push_back(change_json(list, change, view));
  }
  std::stable_sort(
      soonest_first.begin(), soonest_first.end(),
      [](const SubprocessorChange* a, const SubprocessorChange* b) { return a->date < b->date; });
  json upcoming = json::array();
  for (const SubprocessorChange* change : soonest_first)
    upcoming.push_back(change_json(list, *change, view));
  json out = {{"items", std::move(items)},
              {"has_upcoming", !upcoming.empty()},
              {"upcoming", std::move(upcoming)},
              {"has_changes", !changes.empty()},
              {"changes", std::move(changes)}};
  if (!list.extra.is_null()) out["extra"] = list.extra;
  if (list.notice_days) {
    const int days = *list.notice_days;
    out["notice_days"] = days;
    out["notice"] =
        fill_placeholders(view.ui({"subprocessors", days == 1 ? "notice_one" : "notice_other"}),
                          {{"days", std::to_string(days)}});
  }
  return out;
}

}  // namespace trustsite
