#include "subprocessors.h"

#include <algorithm>

#include "url.h"
#include "yaml_parse.h"

namespace trustsite {

const SubprocessorFields& subprocessor_fields() {
  static const SubprocessorFields fields{
      {"subprocessors", "notice_days", "objection_contact", "changes", "extra"},
      {"id", "name", "purpose", "location", "website", "dpa", "since", "extra"},
      {"date", "announced", "type", "subprocessor", "name", "note", "extra"},
  };
  return fields;
}

bool takes_objections(const SubprocessorList& list, const SubprocessorChange& change) {
  return change.upcoming && change.type != ChangeType::removed && !list.objection_contact.empty();
}

std::string objection_href(const ObjectionContact& contact, const std::string& subject) {
  if (!contact.email.empty()) return mailto_uri(contact.email, subject);
  return contact.url;
}

namespace {

std::optional<Subprocessor> load_subprocessor(const YAML::Node& item, const std::string& file,
                                              const LoadContext& context) {
  const std::string what = item_name("sub-processor", item);
  MapReader reader(item, file, context.sink, what, subprocessor_fields().subprocessor);
  if (!reader.ok()) return std::nullopt;
  Subprocessor subprocessor;
  subprocessor.source_location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    subprocessor.id = *id;
    subprocessor.id_location = reader.location_of_value("id");
  }
  if (auto name = reader.text("name", true)) subprocessor.name = *name;
  subprocessor.purpose = context.localized(reader, "purpose", true);
  subprocessor.location = context.localized(reader, "location", true);
  if (auto website = reader.text("website", false)) {
    if (is_web_url(*website))
      subprocessor.website = *website;
    else
      context.sink.error(reader.location_of_value("website"),
                         "website of " + what +
                             " is not an http(s) URL; expected e.g. "
                             "https://example.com (other schemes are refused)");
  }
  if (auto dpa = reader.choice("dpa", true, kDpaStatuses)) subprocessor.dpa = *dpa;
  subprocessor.since = reader.date("since", false);
  subprocessor.extra = reader.extra();
  reader.finish();
  if (subprocessor.id.empty()) return std::nullopt;
  return subprocessor;
}

std::optional<SubprocessorChange> load_change(const YAML::Node& item, const std::string& file,
                                              const LoadContext& context) {
  MapReader reader(item, file, context.sink, "sub-processor change", subprocessor_fields().change);
  if (!reader.ok()) return std::nullopt;
  SubprocessorChange change;
  change.location = reader.location();
  auto date = reader.date("date", true);
  change.announced = reader.date("announced", false);
  if (change.announced) change.announced_location = reader.location_of_value("announced");
  auto type = reader.choice("type", true, kChangeTypes);
  auto id = reader.identifier("subprocessor", true);
  if (auto name = reader.text("name", false)) change.name = *name;
  change.note = context.localized(reader, "note", false);
  change.extra = reader.extra();
  reader.finish();
  if (date && type && id && change.announced && *change.announced > *date)
    context.sink.error(change.announced_location,
                       "change '" + std::string(to_string(*type)) + " " + *id + "' on " +
                           format_date(*date) + " was announced " + format_date(*change.announced) +
                           ", after it takes effect; expected 'announced' on or before " +
                           format_date(*date) + " (the day customers were told of the change)");
  if (!date || !type || !id) return std::nullopt;
  change.date = *date;
  change.type = *type;
  change.subprocessor = *id;
  change.subprocessor_location = reader.location_of_value("subprocessor");
  return change;
}

// `objection_contact`: an e-mail address or an https URL (SPEC 3).
ObjectionContact load_objection_contact(MapReader& top, const LoadContext& context) {
  ObjectionContact contact;
  auto text = top.text("objection_contact", false);
  if (!text) return contact;
  if (is_email_address(*text))
    contact.email = *text;
  else if (is_web_url(*text, true))
    contact.url = *text;
  else
    context.sink.error(top.location_of_value("objection_contact"),
                       "objection_contact is neither an e-mail address nor an https URL; expected "
                       "e.g. privacy@example.com (without mailto:) or "
                       "https://example.com/objections");
  return contact;
}

}  // namespace

SubprocessorList load_subprocessors(const LoadContext& context) {
  SubprocessorList list;
  const auto path = context.config.site_dir / "content" / "subprocessors.yaml";
  if (!context.files.exists(path)) return list;
  list.present = true;
  const std::string file = context.display(path);
  auto root = context.read_yaml(path, file);
  if (!root) return list;
  if (root->IsNull()) {
    context.sink.error({file, 1, 1}, "the file is empty; expected a 'subprocessors' list");
    return list;
  }
  MapReader top(*root, file, context.sink, file, subprocessor_fields().file);
  if (!top.ok()) return list;
  context.for_each_item(top, "subprocessors", true, "a list of sub-processors",
                        [&](const YAML::Node& item) {
                          if (auto subprocessor = load_subprocessor(item, file, context))
                            list.items.push_back(std::move(*subprocessor));
                        });
  if (auto days = top.integer("notice_days", false, 1, 365)) {
    list.notice_days = static_cast<int>(*days);
    list.notice_days_location = top.location_of_value("notice_days");
  }
  list.objection_contact = load_objection_contact(top, context);
  context.for_each_item(top, "changes", false, "a list of changes", [&](const YAML::Node& item) {
    if (auto change = load_change(item, file, context)) list.changes.push_back(std::move(*change));
  });
  list.extra = top.extra();
  top.finish();
  std::stable_sort(
      list.changes.begin(), list.changes.end(),
      [](const SubprocessorChange& a, const SubprocessorChange& b) { return a.date > b.date; });
  return list;
}

}  // namespace trustsite
