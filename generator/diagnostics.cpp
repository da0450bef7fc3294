#include "diagnostics.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include <nlohmann/json.hpp>

#include "text_rules.h"
#include "utf8.h"

namespace trustsite {

std::string quoted_excerpt(std::string_view text, std::size_t max_bytes) {
  std::string out(truncate_utf8(text, max_bytes));
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return '\'' + out + (text.size() > max_bytes ? "…'" : "'");
}

std::string printable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    const Utf8Char decoded = decode_utf8(text, i);
    if (decoded.length == 0) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(byte));
      out += escaped;
      ++i;
      continue;
    }
    if (is_forbidden_character(decoded.code_point) || decoded.code_point == '\t' ||
        decoded.code_point == '\n' || decoded.code_point == '\r')
      out += '?';
    else
      out.append(text, i, decoded.length);
    i += decoded.length;
  }
  return out;
}

std::string printable_text(std::string_view text, std::size_t max_bytes) {
  const std::string_view cut = truncate_utf8(text, max_bytes);
  return printable_text(cut) + (cut.size() < text.size() ? "…" : "");
}

void DiagnosticSink::error(SourceLocation location, std::string message) {
  report({Severity::error, std::move(location), std::move(message)});
}

void DiagnosticSink::warning(SourceLocation location, std::string message) {
  report({Severity::warning, std::move(location), std::move(message)});
}

void DiagnosticSink::strict_warning(SourceLocation location, std::string message) {
  report({strict_ ? Severity::error : Severity::warning, std::move(location), std::move(message)});
}

void DiagnosticSink::report(Diagnostic diagnostic) {
  diagnostic.message = printable_text(diagnostic.message, kMaxMessageBytes);
  diagnostic.location.file = printable_text(diagnostic.location.file, kMaxPathBytes);
  // SPEC 7: every diagnostic about a file reads path:line:col. A problem with a whole file
  // (a missing translation, an empty file) points at its start.
  if (!diagnostic.location.file.empty() && diagnostic.location.line <= 0) {
    diagnostic.location.line = 1;
    diagnostic.location.column = 1;
  } else if (diagnostic.location.line > 0 && diagnostic.location.column <= 0) {
    diagnostic.location.column = 1;
  }
  std::lock_guard lock(mutex_);
  diagnostics_.push_back(std::move(diagnostic));
}

bool DiagnosticSink::has_errors() const {
  return error_count() > 0;
}

std::size_t DiagnosticSink::error_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t DiagnosticSink::warning_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::vector<Diagnostic> result;
  {
    std::lock_guard lock(mutex_);
    result = diagnostics_;
  }
  // Diagnostics about the whole run (no file) come last, after every file's.
  auto key = [](const Diagnostic& d) {
    return std::make_tuple(d.location.file.empty(), std::cref(d.location.file), d.location.line,
                           d.location.column);
  };
  std::stable_sort(result.begin(), result.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  auto same = [&](const Diagnostic& a, const Diagnostic& b) {
    return key(a) == key(b) && a.severity == b.severity && a.message == b.message;
  };
  result.erase(std::unique(result.begin(), result.end(), same), result.end());
  return result;
}

namespace {

const char* severity_name(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

// GitHub workflow-command escaping: data escapes %, CR and LF; properties also ':' and ','.
std::string github_escape(const std::string& text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string format_text(const Diagnostic& d) {
  std::string out;
  if (!d.location.file.empty()) {
    out += d.location.file;
    if (d.location.line > 0) {
      out += ':' + std::to_string(d.location.line);
      if (d.location.column > 0) out += ':' + std::to_string(d.location.column);
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  return out;
}

std::string format_github(const Diagnostic& d) {
  std::string out = "::";
  out += severity_name(d.severity);
  std::vector<std::string> properties;
  if (!d.location.file.empty())
    properties.push_back("file=" + github_escape(d.location.file, true));
  if (d.location.line > 0) properties.push_back("line=" + std::to_string(d.location.line));
  if (d.location.column > 0) properties.push_back("col=" + std::to_string(d.location.column));
  for (std::size_t i = 0; i < properties.size(); ++i) out += (i == 0 ? " " : ",") + properties[i];
  out += "::";
  out += github_escape(d.message, false);
  return out;
}

nlohmann::json to_json(const Diagnostic& d) {
  return {{"severity", severity_name(d.severity)},
          {"file", d.location.file},
          {"line", d.location.line},
          {"column", d.location.column},
          {"message", d.message}};
}

}  // namespace trustsite
