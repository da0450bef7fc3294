#include "map_reader.h"

#include <algorithm>
#include <functional>

#include "text_rules.h"
#include "utf8.h"
#include "yaml_parse.h"

namespace trustsite {

namespace {

// Where a scalar's text is written: on the lines after a block scalar's indicator (indented two
// more than its key, the YAML style every trustsite example uses), after the opening quote of a
// quoted scalar, else where the scalar starts. yaml-cpp tags quoted and block scalars alike
// ("!"); a text with a line break is taken as a block scalar (quoted scalars fold theirs).
TextOrigin origin_of(const YAML::Node& value, const SourceLocation& value_at,
                     const SourceLocation& key_at) {
  TextOrigin origin;
  origin.value = value_at;
  const bool non_plain = value.Tag() == "!";
  origin.block = value.IsScalar() && value.Scalar().find('\n') != std::string::npos;
  origin.content_column = origin.block ? key_at.column + 2 : value_at.column + (non_plain ? 1 : 0);
  return origin;
}

bool is_decimal(const std::string& s, std::size_t max_digits) {
  std::string_view digits(s);
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  return !digits.empty() && digits.size() <= max_digits &&
         digits.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

MapReader::MapReader(const YAML::Node& node, std::string file, DiagnosticSink& sink,
                     std::string what, std::vector<std::string> known_fields, int first_line)
    : line_offset_(first_line - 1),
      node_(node),
      file_(std::move(file)),
      sink_(sink),
      what_(std::move(what)),
      known_fields_(std::move(known_fields)),
      ok_(node.IsMap()) {
  if (!ok_) {
    sink_.error(at(node_), what_ + " is " + describe_node(node_) + "; expected a map of fields");
    return;
  }
  // yaml-cpp's map iteration copies nodes (shared pointers) at every step; iterate once.
  entries_.reserve(node_.size());
  for (const auto& entry : node_) entries_.push_back({entry.first, entry.second});
}

SourceLocation MapReader::at(const YAML::Node& node) const {
  SourceLocation location = location_of(node, file_);
  if (location.line > 0) location.line += line_offset_;
  return location;
}

const MapReader::Entry* MapReader::find(const char* key) const {
  for (const auto& entry : entries_)
    if (entry.key.IsScalar() && entry.key.Scalar() == key) return &entry;
  return nullptr;
}

SourceLocation MapReader::location_of_key(const char* key) const {
  if (const Entry* entry = find(key)) return at(entry->key);
  return location();
}

SourceLocation MapReader::location_of_value(const char* key) const {
  if (const Entry* entry = find(key)) return at(entry->value.IsNull() ? entry->key : entry->value);
  return location();
}

bool MapReader::has(const char* key) const {
  return find(key) != nullptr;
}

std::optional<YAML::Node> MapReader::lookup(const char* key, bool required) {
  seen_.insert(key);
  if (!ok_) return std::nullopt;
  if (const Entry* entry = find(key)) {
    if (entry->value.IsNull()) {
      if (required)
        sink_.error(at(entry->key),
                    "field '" + std::string(key) + "' of " + what_ + " is empty; expected a value");
      return std::nullopt;
    }
    return entry->value;
  }
  if (required)
    sink_.error(location(), what_ + " has no '" + key + "' field; expected one (it is required)");
  return std::nullopt;
}

bool MapReader::expect_scalar(const YAML::Node& value, const char* key, const char* expected) {
  if (value.IsScalar()) return true;
  sink_.error(at(value), "field '" + std::string(key) + "' of " + what_ + " is " +
                             describe_node(value) + "; expected " + expected);
  return false;
}

std::optional<YAML::Node> MapReader::raw(const char* key, bool required) {
  return lookup(key, required);
}

bool MapReader::check_text(const YAML::Node& value, const std::string& field) {
  const std::string problem = text_problem(value.Scalar());
  if (problem.empty()) return true;
  sink_.error(at(value), field + " of " + what_ + " " + problem);
  return false;
}

std::optional<std::string> MapReader::text(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a text")) return std::nullopt;
  if (!check_text(*value, "field '" + std::string(key) + "'")) return std::nullopt;
  const std::string& s = value->Scalar();
  const PlainScalarType type = plain_scalar_type(*value);
  if (type == PlainScalarType::boolean || type == PlainScalarType::number) {
    sink_.error(at(*value),
                "field '" + std::string(key) + "' of " + what_ + " is " + describe_node(*value) +
                    "; expected a text (quote it if it is meant as text: \"" +
                    std::string(truncate_utf8(s, 40)) + (s.size() > 40 ? "…" : "") + "\")");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> MapReader::identifier(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "an identifier")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (!is_identifier(s)) {
    sink_.error(at(*value),
                "invalid " + std::string(key) + " " + quoted_excerpt(s) + " in " + what_ +
                    "; expected lowercase letters, digits and '-', starting with a letter or "
                    "digit (^[a-z0-9][a-z0-9-]*$)");
    return std::nullopt;
  }
  return s;
}

std::optional<long long> MapReader::integer(const char* key, bool required, long long min,
                                            long long max) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a whole number")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (!is_decimal(s, 15)) {
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                                describe_node(*value) + "; expected a whole number");
    return std::nullopt;
  }
  long long number = std::stoll(s);
  if (number < min || number > max) {
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " + s +
                                "; expected a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> MapReader::boolean(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "true or false")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (plain_scalar_type(*value) == PlainScalarType::boolean) return s[0] == 't' || s[0] == 'T';
  sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                              describe_node(*value) + "; expected true or false");
  return std::nullopt;
}

std::optional<Date> MapReader::date(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a date (YYYY-MM-DD)")) return std::nullopt;
  if (auto date = parse_date(value->Scalar())) {
    if (is_supported_date(*date)) return date;
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                                describe_node(*value) + ", outside the dates trustsite accepts; " +
                                "expected a date " + supported_dates_text() +
                                (required ? "" : " (leave the field out when there is none)"));
    return std::nullopt;
  }
  sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                              describe_node(*value) +
                              ", which is not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)");
  return std::nullopt;
}

std::optional<std::string> MapReader::one_of(const char* key, bool required,
                                             const std::vector<std::string>& allowed) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, ("one of: " + join(allowed)).c_str()))
    return std::nullopt;
  const std::string& s = value->Scalar();
  if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return s;
  std::string message = "unknown " + std::string(key) + " " + quoted_excerpt(s) + " in " + what_ +
                        "; expected one of: " + join(allowed);
  if (auto near = nearest_name(s, allowed)) message += " (did you mean '" + *near + "'?)";
  sink_.error(at(*value), message);
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::text_list(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value) return std::nullopt;
  if (!value->IsSequence()) {
    sink_.error(at(*value), "field '" + std::string(key) + "' of " + what_ + " is " +
                                describe_node(*value) + "; expected a list of texts");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& item : *value) {
    if (!item.IsScalar()) {
      sink_.error(at(item), "an item of '" + std::string(key) + "' in " + what_ + " is " +
                                describe_node(item) + "; expected a text");
      continue;
    }
    if (!check_text(item, "an item of '" + std::string(key) + "'")) continue;
    items.push_back(item.Scalar());
  }
  return items;
}

LocalizedText MapReader::localized(const char* key, bool required,
                                   const std::vector<std::string>& locales,
                                   const std::string& default_locale,
                                   std::map<std::string, int>* missing) {
  LocalizedText result;
  auto value = lookup(key, required);
  if (!value) return result;
  result.location = at(*value);
  if (value->IsScalar()) {
    // SPEC 2: a plain string is text written in the default locale; every other locale shows
    // it as untranslated text, exactly like a missing key of a map.
    if (auto s = text(key, required)) {
      result.plain = true;
      result.by_locale[default_locale] = *s;
      result.origins[default_locale] = origin_of(*value, result.location, location_of_key(key));
      for (const auto& locale : locales) {
        // Without a usable default locale (already an error) nothing is judged.
        if (locale == default_locale || default_locale.empty()) continue;
        sink_.strict_warning(result.location,
                             "field '" + std::string(key) + "' of " + what_ +
                                 " is a plain text, which is " + default_locale +
                                 " text, so it has no " + locale + " translation; expected {" +
                                 default_locale + ": …, " + locale +
                                 ": …} (the same text under each locale if it is truly the "
                                 "same in every language)");
        if (missing) ++(*missing)[locale];
      }
    }
    return result;
  }
  if (!value->IsMap()) {
    sink_.error(result.location, "field '" + std::string(key) + "' of " + what_ + " is " +
                                     describe_node(*value) +
                                     "; expected a text or a map from locale to text");
    return result;
  }
  std::set<std::string> rejected;  // present but refused: already reported as errors
  for (const auto& entry : *value) {
    const std::string locale = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    if (std::find(locales.begin(), locales.end(), locale) == locales.end()) {
      sink_.error(at(entry.first),
                  "locale " + quoted_excerpt(locale) + " in field '" + key + "' of " + what_ +
                      " is not in site.yaml's locales; expected one of: " + join(locales));
      continue;
    }
    if (!entry.second.IsScalar()) {
      sink_.error(at(entry.second), "the " + locale + " text of '" + key + "' in " + what_ +
                                        " is " + describe_node(entry.second) + "; expected a text");
      rejected.insert(locale);
      continue;
    }
    if (!check_text(entry.second, "the " + locale + " text of '" + std::string(key) + "'")) {
      rejected.insert(locale);
      continue;
    }
    result.by_locale[locale] = entry.second.Scalar();
    result.origins[locale] = origin_of(entry.second, at(entry.second), at(entry.first));
  }
  if (!result.has(default_locale)) {
    if (required && !result.empty()) {
      sink_.error(result.location, "field '" + std::string(key) + "' of " + what_ + " has no " +
                                       default_locale +
                                       " text; expected one in the default locale (" +
                                       default_locale + "), which other locales fall back to");
    }
    return result;
  }
  for (const auto& locale : locales) {
    if (locale == default_locale || result.has(locale) || rejected.count(locale)) continue;
    sink_.strict_warning(result.location, "field '" + std::string(key) + "' of " + what_ +
                                              " has no " + locale + " translation; the " +
                                              default_locale + " text is shown instead");
    if (missing) ++(*missing)[locale];
  }
  return result;
}

nlohmann::json MapReader::extra() {
  auto value = lookup("extra", false);
  if (!value) return nullptr;
  if (!value->IsMap()) {
    sink_.error(at(*value), "field 'extra' of " + what_ + " is " + describe_node(*value) +
                                "; expected a map of data for the theme");
    return nullptr;
  }
  bool ok = true;
  // The texts of `extra` reach templates like any other text: the same rules hold.
  std::function<void(const YAML::Node&, int)> check = [&](const YAML::Node& node, int depth) {
    if (depth > 64) return;
    if (node.IsScalar()) {
      if (!check_text(node, "a text in 'extra'")) ok = false;
    } else {
      for (const auto& child : node) {
        if (node.IsMap()) {
          check(child.first, depth + 1);
          check(child.second, depth + 1);
        } else {
          check(child, depth + 1);
        }
      }
    }
  };
  check(*value, 0);
  if (!ok) return nullptr;
  return yaml_to_json(*value);
}

void MapReader::finish() {
  if (!ok_) return;
  for (const auto& entry : entries_) {
    if (!entry.key.IsScalar()) {
      sink_.error(at(entry.key), "a key of " + what_ + " is " + describe_node(entry.key) +
                                     "; expected a field name");
      continue;
    }
    const std::string& key = entry.key.Scalar();
    if (seen_.count(key)) continue;
    std::string message = "unknown field " + quoted_excerpt(key) + " in " + what_;
    if (auto near = nearest_name(key, known_fields_))
      message += "; did you mean '" + *near + "'?";
    else
      message += "; expected one of: " + join(known_fields_) +
                 " (data that only a custom theme uses goes under 'extra:')";
    sink_.error(at(entry.key), message);
  }
}

}  // namespace trustsite
