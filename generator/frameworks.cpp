#include "frameworks.h"

#include "yaml_parse.h"

namespace trustsite {

const FrameworkFields& framework_fields() {
  static const FrameworkFields fields{
      {"frameworks", "extra"},
      {"id", "name", "type", "status", "scope", "issuer", "issued", "expires", "expected", "report",
       "document", "note", "mapping", "extra"},
  };
  return fields;
}

namespace {

bool is_in_progress_or_planned(FrameworkStatus status) {
  return status == FrameworkStatus::in_progress || status == FrameworkStatus::planned;
}

// `expected`: YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD. Read from the raw scalar, since an unquoted
// 2027 is a YAML number and is meant as a year.
std::optional<PartialDate> read_expected(MapReader& reader, const std::string& what) {
  auto value = reader.raw("expected", false);
  if (!value) return std::nullopt;
  if (value->IsScalar())
    if (auto date = parse_partial_date(value->Scalar())) {
      // The same range as every other date (date.h), so no placeholder such as 9999 is shown.
      if (is_supported_date(date->first_day()) && is_supported_date(date->last_day())) return date;
      reader.sink().error(reader.at(*value),
                          "field 'expected' of " + what + " is " + describe_node(*value) +
                              ", outside the dates trustsite accepts; expected a year, quarter, "
                              "month or date " +
                              supported_dates_text() + " (leave the field out when there is none)");
      return std::nullopt;
    }
  reader.sink().error(reader.at(*value),
                      "field 'expected' of " + what + " is " + describe_node(*value) +
                          "; expected a year, a quarter, a month or a date: YYYY, YYYY-QN, "
                          "YYYY-MM or YYYY-MM-DD (e.g. 2027, 2027-Q2, 2027-06 or 2027-06-30)");
  return std::nullopt;
}

std::optional<Framework> load_framework(const YAML::Node& item, const std::string& file,
                                        const LoadContext& context) {
  const std::string what = item_name("framework", item);
  MapReader reader(item, file, context.sink, what, framework_fields().framework);
  if (!reader.ok()) return std::nullopt;
  DiagnosticSink& sink = context.sink;
  Framework framework;
  framework.location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    framework.id = *id;
    framework.id_location = reader.location_of_value("id");
  }
  if (auto name = reader.text("name", true)) framework.name = *name;
  if (auto type = reader.choice("type", true, kFrameworkTypes)) framework.type = *type;
  const auto status = reader.choice("status", true, kFrameworkStatuses);
  if (status) framework.status = *status;
  framework.scope = context.markdown(reader, "scope", false);
  if (auto issuer = reader.text("issuer", false)) framework.issuer = *issuer;
  framework.issued = reader.date("issued", false);
  framework.issued_location = reader.location_of_value("issued");
  framework.expires = reader.date("expires", false);
  framework.expires_location = reader.location_of_value("expires");
  framework.expected = read_expected(reader, what);
  framework.expected_location = reader.location_of_value("expected");
  framework.report = reader.choice("report", false, kAccessLevels);
  framework.report_location = reader.location_of_value("report");
  if (auto document = reader.identifier("document", false)) {
    framework.document = *document;
    framework.document_location = reader.location_of_value("document");
  }
  framework.note = context.markdown(reader, "note", false);
  if (auto mapping = reader.text("mapping", false)) {
    framework.mapping = *mapping;
    framework.mapping_location = reader.location_of_value("mapping");
  }
  framework.extra = reader.extra();
  reader.finish();

  // What the status allows (SPEC 3): dates of a certificate or report only once it exists, an
  // expected date only while it is being worked towards.
  if (status) {
    const std::string status_text = to_string(*status);
    if (*status != FrameworkStatus::achieved) {
      for (const char* key : {"issued", "expires"})
        if (reader.has(key))
          sink.error(reader.location_of_key(key),
                     "field '" + std::string(key) + "' of " + what +
                         " is only for status achieved (a certificate or report that exists), "
                         "but the status is " +
                         status_text + "; expected no '" + key +
                         "' (use 'expected' for when it is due)");
    }
    if (!is_in_progress_or_planned(*status) && reader.has("expected"))
      sink.error(reader.location_of_key("expected"),
                 "field 'expected' of " + what +
                     " is only for status in_progress or planned, but the status is " +
                     status_text + "; expected no 'expected'" +
                     (*status == FrameworkStatus::achieved ? " (use 'issued' and 'expires')" : ""));
    if ((*status == FrameworkStatus::not_pursued || *status == FrameworkStatus::not_applicable) &&
        reader.has("report"))
      sink.error(reader.location_of_key("report"),
                 "field 'report' of " + what + " says who may have its report, but the status is " +
                     status_text + ", so there is no report; expected no 'report'");
  }
  if (framework.issued && framework.expires && *framework.expires < *framework.issued)
    sink.error(framework.expires_location, "expires " + format_date(*framework.expires) + " of " +
                                               what + " is before its issued date " +
                                               format_date(*framework.issued) +
                                               "; expected a date after it");
  if (framework.id.empty()) return std::nullopt;
  return framework;
}

}  // namespace

FrameworkList load_frameworks(const LoadContext& context) {
  FrameworkList list;
  const auto path = context.config.site_dir / "content" / "compliance.yaml";
  if (!context.files.exists(path)) return list;
  list.present = true;
  const std::string file = context.display(path);
  auto root = context.read_yaml(path, file);
  if (!root) return list;
  if (root->IsNull()) {
    context.sink.error({file, 1, 1}, "the file is empty; expected a 'frameworks' list");
    return list;
  }
  MapReader top(*root, file, context.sink, file, framework_fields().file);
  if (!top.ok()) return list;
  context.for_each_item(top, "frameworks", true, "a list of frameworks",
                        [&](const YAML::Node& item) {
                          if (auto framework = load_framework(item, file, context))
                            list.items.push_back(std::move(*framework));
                        });
  list.extra = top.extra();
  top.finish();
  return list;
}

}  // namespace trustsite
