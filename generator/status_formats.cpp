#include "status_formats.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "date.h"
#include "utf8.h"

namespace trustsite {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 10> kStatuses = {
    "passing",     "failing",  "warning",        "not_applicable", "unknown",
    "operational", "degraded", "partial_outage", "major_outage",   "maintenance"};

// Atlassian Statuspage v2 component statuses -> ours.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kStatuspageStatuses = {{
    {"operational", "operational"},
    {"degraded_performance", "degraded"},
    {"partial_outage", "partial_outage"},
    {"major_outage", "major_outage"},
    {"under_maintenance", "maintenance"},
}};

std::string unknown_status_warning(std::string_view id, std::string_view status,
                                   std::string_view allowed) {
  return "item " + quoted_value(id) + ": unknown status " + quoted_value(status) +
         ", shown as unknown; " + "expected one of: " + std::string(allowed);
}

[[noreturn]] void wrong_shape(const std::string& what) {
  throw StatusFormatError(what);
}

const char* type_name(const json& value) {
  return value.type_name();
}

std::int64_t required_time(const json& value, const std::string& where) {
  if (!value.is_string())
    wrong_shape(where + " is " + type_name(value) + ", expected an RFC 3339 date-time string");
  auto parsed = parse_rfc3339(value.get_ref<const std::string&>());
  if (!parsed)
    wrong_shape(where + " is " + quoted_value(value.get_ref<const std::string&>()) +
                ", expected an RFC 3339 date-time such as \"2026-03-01T08:15:00Z\"");
  return *parsed;
}

std::string optional_text(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string())
    wrong_shape(where + "." + key + " is " + type_name(*it) + ", expected a string");
  return it->get<std::string>();
}

std::string required_id(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
    wrong_shape(where + "." + key + " is " +
                (it == object.end() ? std::string("missing") : std::string(type_name(*it))) +
                ", expected a non-empty string");
  return it->get<std::string>();
}

LiveStatus make_item(std::string id, std::string status, std::int64_t checked_at,
                     std::string detail) {
  LiveStatus item;
  item.id = std::move(id);
  item.status = std::move(status);
  item.reported_status = item.status;
  item.checked_at_unix = checked_at;
  item.checked_at = format_rfc3339_utc(checked_at);
  item.detail = std::move(detail);
  return item;
}

// Adds `item` unless its id is already there (a warning names the repeat).
void add_item(StatusDocument& document, std::set<std::string>& seen, LiveStatus item) {
  if (!seen.insert(item.id).second) {
    document.warnings.push_back("item " + quoted_value(item.id) +
                                " appears more than once; the first one is used");
    return;
  }
  document.items.push_back(std::move(item));
}

// trustsite-status/v1 (SPEC 6).
StatusDocument parse_trustsite(const json& root) {
  if (!root.is_object())
    wrong_shape(std::string("the document is ") + type_name(root) +
                ", expected an object with \"schema\": \"trustsite-status/v1\"");
  auto schema = root.find("schema");
  if (schema == root.end() || !schema->is_string() || *schema != "trustsite-status/v1")
    wrong_shape("\"schema\" is " +
                (schema == root.end()  ? std::string("missing")
                 : schema->is_string() ? quoted_value(schema->get_ref<const std::string&>())
                                       : std::string(type_name(*schema))) +
                ", expected \"trustsite-status/v1\"");
  auto generated = root.find("generated_at");
  if (generated == root.end())
    wrong_shape("\"generated_at\" is missing, expected an RFC 3339 date-time");
  std::int64_t generated_at = required_time(*generated, "generated_at");
  auto items = root.find("items");
  if (items == root.end() || !items->is_array())
    wrong_shape("\"items\" is " +
                (items == root.end() ? std::string("missing") : std::string(type_name(*items))) +
                ", expected an array of {id, status, checked_at, detail}");

  StatusDocument document;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json& entry = (*items)[i];
    std::string where = "items[" + std::to_string(i) + "]";
    if (!entry.is_object()) wrong_shape(where + " is " + type_name(entry) + ", expected an object");
    std::string id = required_id(entry, "id", where);
    auto status_it = entry.find("status");
    if (status_it == entry.end() || !status_it->is_string())
      wrong_shape(
          where + ".status is " +
          (status_it == entry.end() ? std::string("missing") : std::string(type_name(*status_it))) +
          ", expected a string");
    std::string status = status_it->get<std::string>();
    if (std::find(kStatuses.begin(), kStatuses.end(), status) == kStatuses.end()) {
      document.warnings.push_back(unknown_status_warning(id, status, allowed_statuses_text()));
      status = "unknown";
    }
    std::int64_t checked_at = generated_at;
    if (auto checked = entry.find("checked_at"); checked != entry.end() && !checked->is_null())
      checked_at = required_time(*checked, where + ".checked_at");
    add_item(document, seen,
             make_item(std::move(id), std::move(status), checked_at,
                       optional_text(entry, "detail", where)));
  }
  return document;
}

// Atlassian Statuspage v2 components.json / summary.json: {"components": [...]}, component groups
// included (a group is a component with "group": true).
StatusDocument parse_statuspage(const json& root, std::int64_t fetched_at) {
  if (!root.is_object() || !root.contains("components") || !root["components"].is_array())
    wrong_shape(std::string("the document is ") +
                (root.is_object() ? "an object without a \"components\" array" : type_name(root)) +
                ", expected Statuspage v2 components.json or summary.json "
                "({\"page\": ..., \"components\": [...]})");
  std::string allowed;
  for (const auto& [from, to] : kStatuspageStatuses)
    allowed += (allowed.empty() ? "" : ", ") + std::string(from);

  StatusDocument document;
  std::set<std::string> seen;
  std::map<std::string, std::vector<std::string>> ids_by_name;
  const json& components = root["components"];
  for (std::size_t i = 0; i < components.size(); ++i) {
    const json& component = components[i];
    std::string where = "components[" + std::to_string(i) + "]";
    if (!component.is_object())
      wrong_shape(where + " is " + type_name(component) + ", expected an object");
    std::string id = required_id(component, "id", where);
    std::string name = optional_text(component, "name", where);
    std::string raw = optional_text(component, "status", where);
    std::string status = "unknown";
    auto mapped = std::find_if(kStatuspageStatuses.begin(), kStatuspageStatuses.end(),
                               [&](const auto& pair) { return pair.first == raw; });
    if (mapped != kStatuspageStatuses.end())
      status = std::string(mapped->second);
    else
      document.warnings.push_back(unknown_status_warning(id, raw, allowed));
    if (!name.empty()) ids_by_name[name].push_back(id);
    add_item(document, seen,
             make_item(id, std::move(status), fetched_at,
                       optional_text(component, "description", where)));
  }
  for (const auto& [name, ids] : ids_by_name)
    if (ids.size() == 1)
      document.aliases.emplace_back(name, ids.front());
    else
      document.ambiguous_names.push_back(name);
  return document;
}

// Gatus /api/v1/endpoints/statuses: [{"key", "name", "group", "results": [{success, timestamp,
// errors}]}]. The latest result by timestamp (not array order) decides.
StatusDocument parse_gatus(const json& root, std::int64_t fetched_at) {
  if (!root.is_array())
    wrong_shape(std::string("the document is ") + type_name(root) +
                ", expected the array of endpoint statuses from Gatus /api/v1/endpoints/statuses");
  StatusDocument document;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < root.size(); ++i) {
    const json& endpoint = root[i];
    std::string where = "[" + std::to_string(i) + "]";
    if (!endpoint.is_object())
      wrong_shape(where + " is " + type_name(endpoint) + ", expected an endpoint object");
    std::string key = required_id(endpoint, "key", where);
    const json* latest = nullptr;
    std::int64_t latest_time = 0;
    if (auto results = endpoint.find("results"); results != endpoint.end() && !results->is_null()) {
      if (!results->is_array())
        wrong_shape(where + ".results is " + type_name(*results) + ", expected an array");
      for (std::size_t r = 0; r < results->size(); ++r) {
        const json& result = (*results)[r];
        std::string result_where = where + ".results[" + std::to_string(r) + "]";
        if (!result.is_object())
          wrong_shape(result_where + " is " + type_name(result) + ", expected an object");
        auto timestamp = result.find("timestamp");
        if (timestamp == result.end())
          wrong_shape(result_where + ".timestamp is missing, expected an RFC 3339 date-time");
        std::int64_t time = required_time(*timestamp, result_where + ".timestamp");
        auto success = result.find("success");
        if (success == result.end() || !success->is_boolean())
          wrong_shape(result_where + ".success is " +
                      (success == result.end() ? std::string("missing")
                                               : std::string(type_name(*success))) +
                      ", expected true or false");
        if (latest == nullptr || time > latest_time) {
          latest = &result;
          latest_time = time;
        }
      }
    }
    if (latest == nullptr) {
      add_item(document, seen, make_item(key, "unknown", fetched_at, "no results yet"));
      continue;
    }
    bool success = (*latest)["success"].get<bool>();
    std::string detail;
    if (auto errors = latest->find("errors");
        !success && errors != latest->end() && errors->is_array())
      for (const json& error : *errors)
        if (error.is_string()) detail += (detail.empty() ? "" : "; ") + error.get<std::string>();
    add_item(
        document, seen,
        make_item(key, success ? "operational" : "major_outage", latest_time, std::move(detail)));
  }
  return document;
}

}  // namespace

std::string allowed_statuses_text() {
  std::string text;
  for (auto status : kStatuses) text += (text.empty() ? "" : ", ") + std::string(status);
  return text;
}

std::string quoted_value(std::string_view text) {
  const std::string_view cut = truncate_utf8(text, kMaxQuotedValueBytes);
  std::string quoted = json(std::string(cut)).dump(-1, ' ', false, json::error_handler_t::replace);
  if (cut.size() < text.size()) quoted.insert(quoted.size() - 1, "…");
  return quoted;
}

json parse_status_json(std::string_view body) {
  // The nesting depth, counted outside strings, before nlohmann parses anything: no response
  // can make trustsite build (or later print, copy or free) a tree deeper than the limit.
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxStatusNestingDepth)
        throw StatusFormatError("the JSON nests arrays and objects deeper than " +
                                std::to_string(kMaxStatusNestingDepth) + " levels (at byte " +
                                std::to_string(i + 1) + "); expected a status document");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  try {
    return json::parse(body.begin(), body.end());
  } catch (const json::parse_error& e) {
    // e.what() quotes the body ("last read: ..."); report only the position.
    std::string message = "malformed JSON (parse error at byte " + std::to_string(e.byte) + ")";
    auto first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && body[first] == '<')
      message += "; the response looks like HTML or XML, not JSON";
    else if (first == std::string_view::npos)
      message = "empty response body; expected JSON";
    throw StatusFormatError(message);
  } catch (const json::exception& e) {
    // nlohmann reports a number beyond the double range (1e400) as out_of_range 406.
    if (e.id == 406)
      throw StatusFormatError(
          "malformed JSON: a number too large to represent (such as 1e400); expected numbers "
          "within the range of a double");
    throw StatusFormatError("malformed JSON (error " + std::to_string(e.id) + ")");
  }
}

StatusDocument read_status_document(const json& root, MonitoringFormat format,
                                    std::int64_t fallback_checked_at_unix) {
  switch (format) {
    case MonitoringFormat::trustsite:
      return parse_trustsite(root);
    case MonitoringFormat::statuspage:
      return parse_statuspage(root, fallback_checked_at_unix);
    case MonitoringFormat::gatus:
      return parse_gatus(root, fallback_checked_at_unix);
  }
  throw StatusFormatError("unknown monitoring format");
}

StatusDocument parse_status_document(std::string_view body, MonitoringFormat format,
                                     std::int64_t fallback_checked_at_unix) {
  return read_status_document(parse_status_json(body), format, fallback_checked_at_unix);
}

}  // namespace trustsite
