#include "yaml_reader.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace trustsite {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_plain(const YAML::Node& node) { return node.Tag() != "!"; }

bool looks_null(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
bool looks_bool(const std::string& s) {
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" ||
         s == "FALSE";
}
bool looks_int(const std::string& s) {
  static const std::regex pattern("[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+");
  return s.size() < 64 && std::regex_match(s, pattern);
}
bool looks_float(const std::string& s) {
  static const std::regex pattern(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  return s.size() < 64 && std::regex_match(s, pattern);
}

std::string quoted_excerpt(const std::string& text) {
  constexpr std::size_t kMax = 40;
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < kMax; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    out += c < 0x20 ? ' ' : static_cast<char>(c);
  }
  // Do not cut a UTF-8 sequence in half.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
  return '\'' + out + (text.size() > kMax ? "…'" : "'");
}

// Line and column (1-based, counting bytes) of `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

void report_duplicate_keys(const YAML::Node& node, const std::string& file, DiagnosticSink& sink,
                           int depth) {
  if (depth > 200) return;  // yaml-cpp itself refuses deeper documents
  if (node.IsMap()) {
    std::map<std::string, YAML::Mark> seen;
    for (const auto& entry : node) {
      if (entry.first.IsScalar()) {
        const std::string& key = entry.first.Scalar();
        auto [it, inserted] = seen.emplace(key, entry.first.Mark());
        if (!inserted) {
          sink.error(location_of(entry.first, file),
                     "duplicate key '" + key + "' (first at line " +
                         std::to_string(it->second.line + 1) + ", column " +
                         std::to_string(it->second.column + 1) +
                         "); expected each key once in a mapping");
        }
      }
      report_duplicate_keys(entry.second, file, sink, depth + 1);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) report_duplicate_keys(item, file, sink, depth + 1);
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

}  // namespace

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};
  return location_of(node.Mark(), file);
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned int min_value;
    unsigned int value;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min_value = 0x80, value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min_value = 0x800, value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min_value = 0x10000, value = c & 0x07;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      value = (value << 6) | (s[i + k] & 0x3F);
    }
    if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     DiagnosticSink& sink, int first_line) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  auto shift = [&](SourceLocation location) {
    if (location.line > 0) location.line += first_line - 1;
    return location;
  };
  if (auto bad = find_invalid_utf8(text)) {
    auto [line, column] = line_column(text, *bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    sink.error(shift({file, line, column}),
               std::string("invalid UTF-8 (byte ") + byte + "); expected a UTF-8 encoded text file");
    return std::nullopt;
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& error) {
    // yaml-cpp's messages for tab indentation are obscure; name the tab when there is one on
    // or before the failing line.
    const int error_line = error.mark.is_null() ? 0 : error.mark.line + 1;
    std::istringstream lines{std::string(text)};
    std::string line;
    for (int number = 1; std::getline(lines, line) && (error_line == 0 || number <= error_line);
         ++number) {
      std::size_t indent = line.find_first_not_of(" \t");
      std::size_t tab = line.find('\t');
      if (tab != std::string::npos && (indent == std::string::npos || tab < indent)) {
        sink.error(shift({file, number, static_cast<int>(tab) + 1}),
                   "tab character in indentation; expected spaces (YAML does not allow tabs "
                   "for indentation)");
        return std::nullopt;
      }
    }
    sink.error(shift(location_of(error.mark, file)),
               "YAML syntax error: " + error.msg + "; expected well-formed YAML");
    return std::nullopt;
  }
  if (documents.empty()) return YAML::Node();
  if (documents.size() > 1) {
    sink.error(shift(location_of(documents[1], file)),
               "a second YAML document starts here; expected a single document per file");
    return std::nullopt;
  }
  const std::size_t errors_before = sink.error_count();
  DiagnosticSink local(sink.strict());
  report_duplicate_keys(documents[0], file, local, 0);
  for (auto& diagnostic : local.sorted()) {
    diagnostic.location = shift(diagnostic.location);
    sink.report(std::move(diagnostic));
  }
  (void)errors_before;
  if (local.has_errors()) return std::nullopt;
  return documents[0];
}

std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& path,
                                         const std::string& file, DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.error({file, 0, 0}, "cannot read file; expected a readable YAML file");
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_yaml(text, file, sink);
}

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  const std::string& s = node.Scalar();
  if (is_plain(node)) {
    if (looks_null(s)) return "nothing";
    if (looks_bool(s)) return "a boolean (" + s + ")";
    if (looks_int(s) || looks_float(s)) return "a number (" + s + ")";
  }
  return "the text " + quoted_excerpt(s);
}

bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!allowed(text[0])) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) { return allowed(c) || c == '-'; });
}

std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

MapReader::MapReader(const YAML::Node& node, std::string file, DiagnosticSink& sink,
                     std::string what, std::vector<std::string> known_fields)
    : node_(node),
      file_(std::move(file)),
      sink_(sink),
      what_(std::move(what)),
      known_fields_(std::move(known_fields)),
      ok_(node.IsMap()) {
  if (!ok_) {
    sink_.error(location_of(node_, file_),
                what_ + " is " + describe_node(node_) + "; expected a map of fields");
  }
}

SourceLocation MapReader::location_of_key(const char* key) const {
  if (ok_) {
    for (const auto& entry : node_)
      if (entry.first.IsScalar() && entry.first.Scalar() == key) return location_of(entry.first, file_);
  }
  return location();
}

SourceLocation MapReader::location_of_value(const char* key) const {
  if (ok_) {
    for (const auto& entry : node_)
      if (entry.first.IsScalar() && entry.first.Scalar() == key)
        return location_of(entry.second.IsNull() ? entry.first : entry.second, file_);
  }
  return location();
}

bool MapReader::has(const char* key) const {
  if (!ok_) return false;
  for (const auto& entry : node_)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return true;
  return false;
}

std::optional<YAML::Node> MapReader::lookup(const char* key, bool required) {
  seen_.insert(key);
  if (!ok_) return std::nullopt;
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) {
      if (entry.second.IsNull()) {
        if (required)
          sink_.error(location_of(entry.first, file_),
                      "field '" + std::string(key) + "' of " + what_ + " is empty; expected a value");
        return std::nullopt;
      }
      return entry.second;
    }
  }
  if (required)
    sink_.error(location(), what_ + " has no '" + key + "' field; expected one (it is required)");
  return std::nullopt;
}

bool MapReader::expect_scalar(const YAML::Node& value, const char* key, const char* expected) {
  if (value.IsScalar()) return true;
  sink_.error(location_of(value, file_), "field '" + std::string(key) + "' of " + what_ + " is " +
                                             describe_node(value) + "; expected " + expected);
  return false;
}

std::optional<YAML::Node> MapReader::raw(const char* key, bool required) {
  return lookup(key, required);
}

std::optional<std::string> MapReader::text(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a text")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (is_plain(*value) && (looks_bool(s) || looks_int(s) || looks_float(s))) {
    sink_.error(location_of(*value, file_),
                "field '" + std::string(key) + "' of " + what_ + " is " + describe_node(*value) +
                    "; expected a text (quote it if it is meant as text: \"" + s + "\")");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> MapReader::identifier(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "an identifier")) return std::nullopt;
  const std::string& s = value->Scalar();
  if (!is_identifier(s)) {
    sink_.error(location_of(*value, file_),
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
  static const std::regex decimal("[-+]?[0-9]{1,15}");
  if (!std::regex_match(s, decimal)) {
    sink_.error(location_of(*value, file_), "field '" + std::string(key) + "' of " + what_ +
                                                " is " + describe_node(*value) +
                                                "; expected a whole number");
    return std::nullopt;
  }
  long long number = std::stoll(s);
  if (number < min || number > max) {
    sink_.error(location_of(*value, file_),
                "field '" + std::string(key) + "' of " + what_ + " is " + s +
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
  if (is_plain(*value) && looks_bool(s)) return s[0] == 't' || s[0] == 'T';
  sink_.error(location_of(*value, file_), "field '" + std::string(key) + "' of " + what_ +
                                              " is " + describe_node(*value) +
                                              "; expected true or false");
  return std::nullopt;
}

std::optional<Date> MapReader::date(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, "a date (YYYY-MM-DD)")) return std::nullopt;
  if (auto date = parse_date(value->Scalar())) return date;
  sink_.error(location_of(*value, file_),
              "field '" + std::string(key) + "' of " + what_ + " is " + describe_node(*value) +
                  ", which is not a valid date; expected YYYY-MM-DD (e.g. 2026-03-14)");
  return std::nullopt;
}

std::optional<std::string> MapReader::one_of(const char* key, bool required,
                                             const std::vector<std::string>& allowed) {
  auto value = lookup(key, required);
  if (!value || !expect_scalar(*value, key, ("one of: " + join(allowed)).c_str())) return std::nullopt;
  const std::string& s = value->Scalar();
  if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return s;
  std::string message = "unknown " + std::string(key) + " " + quoted_excerpt(s) + " in " + what_ +
                        "; expected one of: " + join(allowed);
  if (auto near = nearest_name(s, allowed)) message += " (did you mean '" + *near + "'?)";
  sink_.error(location_of(*value, file_), message);
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::text_list(const char* key, bool required) {
  auto value = lookup(key, required);
  if (!value) return std::nullopt;
  if (!value->IsSequence()) {
    sink_.error(location_of(*value, file_), "field '" + std::string(key) + "' of " + what_ +
                                                " is " + describe_node(*value) +
                                                "; expected a list of texts");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& item : *value) {
    if (!item.IsScalar()) {
      sink_.error(location_of(item, file_), "an item of '" + std::string(key) + "' in " + what_ +
                                                " is " + describe_node(item) + "; expected a text");
      continue;
    }
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
  result.location = location_of(*value, file_);
  if (value->IsScalar()) {
    if (auto s = text(key, required)) {
      result.plain = true;
      for (const auto& locale : locales) result.by_locale[locale] = *s;
    }
    return result;
  }
  if (!value->IsMap()) {
    sink_.error(result.location, "field '" + std::string(key) + "' of " + what_ + " is " +
                                     describe_node(*value) +
                                     "; expected a text or a map from locale to text");
    return result;
  }
  for (const auto& entry : *value) {
    const std::string locale = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    if (std::find(locales.begin(), locales.end(), locale) == locales.end()) {
      sink_.error(location_of(entry.first, file_),
                  "locale " + quoted_excerpt(locale) + " in field '" + key + "' of " + what_ +
                      " is not in site.yaml's locales; expected one of: " + join(locales));
      continue;
    }
    if (!entry.second.IsScalar()) {
      sink_.error(location_of(entry.second, file_),
                  "the " + locale + " text of '" + key + "' in " + what_ + " is " +
                      describe_node(entry.second) + "; expected a text");
      continue;
    }
    result.by_locale[locale] = entry.second.Scalar();
  }
  if (!result.has(default_locale)) {
    if (required && !result.empty()) {
      sink_.error(result.location, "field '" + std::string(key) + "' of " + what_ + " has no " +
                                       default_locale + " text; expected one in the default locale (" +
                                       default_locale + "), which other locales fall back to");
    }
    return result;
  }
  for (const auto& locale : locales) {
    if (locale == default_locale || result.has(locale)) continue;
    sink_.strict_warning(result.location, "field '" + std::string(key) + "' of " + what_ +
                                              " has no " + locale + " translation; the " +
                                              default_locale + " text is shown instead");
    if (missing) ++(*missing)[locale];
  }
  return result;
}

void MapReader::finish() {
  if (!ok_) return;
  for (const auto& entry : node_) {
    if (!entry.first.IsScalar()) {
      sink_.error(location_of(entry.first, file_),
                  "a key of " + what_ + " is " + describe_node(entry.first) + "; expected a field name");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    if (seen_.count(key)) continue;
    std::string message = "unknown field " + quoted_excerpt(key) + " in " + what_;
    if (auto near = nearest_name(key, known_fields_))
      message += "; did you mean '" + *near + "'?";
    else
      message += "; expected one of: " + join(known_fields_);
    sink_.strict_warning(location_of(entry.first, file_), message);
  }
}

}  // namespace trustsite
