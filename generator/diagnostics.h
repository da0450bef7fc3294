// Diagnostics: where a problem is (SourceLocation), what it is (Diagnostic), and the sink that
// collects every problem of a run so that an editor fixes them all in one round.
#pragma once

#include <cstddef>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace trustsite {

// A position in an input file. `file` is relative to the site directory (forward slashes),
// `line` and `column` are 1-based; 0 means "not known". DiagnosticSink reports a problem with a
// whole file at 1:1, so every diagnostic that names a file has a line and a column.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning };

// One problem found in the input: severity, where, and a message that says what was found and
// what was expected. Messages never contain secrets (tokens) and never end with a period.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation location;
  std::string message;
};

// Collects diagnostics from every stage; thread-safe, so parallel stages may report into one
// sink. `strict` (from --strict) turns `strict_warning` reports into errors.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(bool strict = false) : strict_(strict) {}

  void error(SourceLocation location, std::string message);
  void warning(SourceLocation location, std::string message);
  // A warning that --strict promotes to an error (missing translation, unknown field, ...).
  void strict_warning(SourceLocation location, std::string message);
  void report(Diagnostic diagnostic);

  bool strict() const { return strict_; }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  // All diagnostics so far, sorted by file, line, column (stable for equal positions; those
  // without a file last) and with exact duplicates removed.
  std::vector<Diagnostic> sorted() const;

 private:
  bool strict_;
  mutable std::mutex mutex_;
  std::vector<Diagnostic> diagnostics_;
};

// Something that stops the run (unreadable site.yaml, output directory refused, template
// syntax error): carries its location and the exit code main() maps it to (SPEC 7).
class FatalError : public std::runtime_error {
 public:
  FatalError(SourceLocation location, const std::string& message, int exit_code = 1)
      : std::runtime_error(message), location_(std::move(location)), exit_code_(exit_code) {}
  const SourceLocation& location() const { return location_; }
  int exit_code() const { return exit_code_; }

 private:
  SourceLocation location_;
  int exit_code_;
};

// `text` as messages quote input: at most `max_bytes` bytes (cut on a character boundary, with
// "…" when cut), control characters shown as spaces, in single quotes: 'Read this: it…'.
std::string quoted_excerpt(std::string_view text, std::size_t max_bytes = 40);

// The longest message and file path a diagnostic holds (bytes); longer ones are cut on a
// character boundary with "…", so no input can make a diagnostic line unbounded.
inline constexpr std::size_t kMaxMessageBytes = 4096;
inline constexpr std::size_t kMaxPathBytes = 1024;

// `text` made safe to print on a terminal or in a CI log: control characters (C0, DEL, C1,
// newlines included) and bidirectional controls become '?', bytes that are not UTF-8 become
// "\xHH"; the result is valid UTF-8 on one line. Applied to every message and file path the
// sink holds, so input text can never forge a line, a workflow command or a terminal sequence.
std::string printable_text(std::string_view text);

// printable_text() of at most `max_bytes` bytes of `text` (cut on a character boundary, then
// "…" appended when cut).
std::string printable_text(std::string_view text, std::size_t max_bytes);

// `path:line:col: error|warning: message` (SPEC 7); the position parts are omitted when 0.
std::string format_text(const Diagnostic& diagnostic);
// A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`, with the
// property and message escaping GitHub documents (%, CR, LF, and ':' ',' in properties).
std::string format_github(const Diagnostic& diagnostic);
// `{"severity","file","line","column","message"}` (SPEC 7, --format json).
nlohmann::json to_json(const Diagnostic& diagnostic);

}  // namespace trustsite
