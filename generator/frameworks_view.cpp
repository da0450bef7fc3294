#include "frameworks_view.h"

#include "documents.h"
#include "locales.h"

namespace trustsite {

using nlohmann::json;

namespace {

std::string status_label_of(const Framework& framework, const LocaleView& view) {
  if (framework.expired) return view.ui({"framework", "status", kExpiredStatus});
  if (framework.status == FrameworkStatus::achieved)
    return view.ui({"framework", "achieved", to_string(framework.type)});
  return view.ui({"framework", "status", to_string(framework.status)});
}

json date_json(const std::string& label, const Date& date) {
  const std::string text = format_date(date);
  return {{"label", label}, {"text", text}, {"datetime", text}};
}

// The one line the compact entry at the top of the page shows about time: until when it is
// valid (or since when it expired), since when it holds, or when it is expected.
std::optional<json> when_json(const Framework& framework, const LocaleView& view) {
  if (framework.status == FrameworkStatus::achieved) {
    if (framework.expires)
      return date_json(view.ui({"framework", framework.expired ? "expired_on" : "valid_until"}),
                       *framework.expires);
    if (framework.issued) return date_json(view.ui({"framework", "since"}), *framework.issued);
    return std::nullopt;
  }
  if (framework.expected) {
    json when = {{"label", view.ui({"framework", "expected"})},
                 {"text", partial_date_text(*framework.expected, view)}};
    if (const std::string datetime = html_datetime(*framework.expected); !datetime.empty())
      when["datetime"] = datetime;
    return when;
  }
  return std::nullopt;
}

json report_json(const Framework& framework, const LocaleView& view) {
  const bool certificate = framework.type == FrameworkType::certification;
  const bool pending = framework.status == FrameworkStatus::in_progress ||
                       framework.status == FrameworkStatus::planned;
  const std::string access = to_string(*framework.report);
  json report = {{"access", access},
                 {"heading", view.ui({"framework", certificate ? "certificate" : "report"})},
                 {"label", view.ui({"access", access})},
                 {"pending", pending}};
  if (pending)
    report["pending_note"] =
        view.ui({"framework", certificate ? "certificate_pending" : "report_pending"});
  if (const Document* document = framework.document_ref)
    report["document"] = {{"id", document->id},
                          {"href", "#" + document->id},
                          {"title", localized_json(document->title, view)}};
  return report;
}

}  // namespace

std::string partial_date_text(const PartialDate& date, const LocaleView& view) {
  const std::string year = std::to_string(date.year);
  switch (date.precision) {
    case PartialDate::Precision::year:
      return year;
    case PartialDate::Precision::quarter:
      return fill_placeholders(view.ui({"date", "quarter", std::to_string(date.part)}),
                               {{"year", year}});
    case PartialDate::Precision::month:
      return fill_placeholders(view.ui({"date", "month", std::to_string(date.part)}),
                               {{"year", year}});
    case PartialDate::Precision::day:
      break;
  }
  return format_partial_date(date);
}

json frameworks_view(const FrameworkList& list, const LocaleView& view,
                     std::vector<LinkUse>* links) {
  json frameworks = json::array();
  for (const auto& framework : list.items) {
    const std::string type = to_string(framework.type);
    json item = {{"id", framework.id},
                 {"href", "#" + framework.id},
                 {"name", framework.name},
                 {"type", type},
                 {"type_label", view.ui({"framework", "type", type})},
                 {"status", framework.shown_status()},
                 {"declared_status", to_string(framework.status)},
                 {"status_label", status_label_of(framework, view)},
                 {"expired", framework.expired}};
    if (!framework.scope.empty())
      item["scope"] = markdown_json(framework.scope, view, kItemParent, links);
    if (!framework.issuer.empty()) item["issuer"] = framework.issuer;
    if (framework.issued) item["issued"] = format_date(*framework.issued);
    if (framework.expires)
      item["expires"] =
          date_json(view.ui({"framework", framework.expired ? "expired_on" : "valid_until"}),
                    *framework.expires);
    if (framework.expected) {
      json expected = {{"text", partial_date_text(*framework.expected, view)},
                       {"value", format_partial_date(*framework.expected)}};
      if (const std::string datetime = html_datetime(*framework.expected); !datetime.empty())
        expected["datetime"] = datetime;
      item["expected"] = std::move(expected);
    }
    if (auto when = when_json(framework, view)) item["when"] = std::move(*when);
    if (framework.report) item["report"] = report_json(framework, view);
    item["has_facts"] = !framework.scope.empty() || !framework.issuer.empty() || framework.issued ||
                        framework.expires || framework.expected || framework.report;
    if (!framework.note.empty())
      item["note"] = markdown_json(framework.note, view, kItemParent, links);
    if (!framework.mapping.empty()) item["mapping"] = framework.mapping;
    frameworks.push_back(std::move(item));
  }
  return frameworks;
}

}  // namespace trustsite
