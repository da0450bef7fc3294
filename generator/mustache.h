// The template engine: Mustache (https://github.com/mustache/spec, v1.3: interpolation,
// sections, inverted sections, comments, partials, set delimiters, and the optional inheritance
// module), rendering nlohmann::json contexts to text. Lambdas and dynamic names are not
// supported (contexts are plain JSON). See docs/mustache.md for the language as theme authors
// see it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "file_system.h"

namespace trustsite::mustache {

// Hard limits that keep hostile templates from crashing or hanging the build.
// Sections, inverted sections, parents and blocks nested deeper than this are a syntax error;
// objects and lists nested deeper than this are not printed by `{{name}}` (TemplateError).
inline constexpr int max_nesting_depth = 100;
// Partials and parents expanded inside each other (recursion) deeper than this: TemplateError.
inline constexpr int max_partial_depth = 100;
// Units of rendering work (one per node rendered, one per list element) in one render call.
// Sized for a home page of 100 000 controls (about 45 steps each with the default theme) with
// room to spare; a runaway template still stops within seconds.
inline constexpr std::size_t max_render_steps = 100'000'000;
// Output of one render call larger than this (bytes): TemplateError. Sized for a home page of
// 100 000 controls (about 115 MB with the default theme) with room to spare, while hostile input
// still cannot write gigabytes (docs/errors.md, docs/performance.md).
inline constexpr std::size_t max_output_bytes = std::size_t{256} << 20;
// A deferred value (deferred_value()) resolved more times than this in one render call:
// TemplateError. Each resolution builds the whole value (a category's controls) anew, and a
// template that used one in a loop would otherwise take hours within the step budget.
inline constexpr int max_deferred_resolutions = 4;
// A set-delimiter tag's delimiters longer than this (bytes) are a syntax error.
inline constexpr std::size_t max_delimiter_length = 32;

// A template problem: a syntax error, a missing template or partial, or a render limit hit.
// `file` is the template's display path; `line`/`column` are 1-based (column counts UTF-8
// characters), 0 when not known. `message()` says what was found and what was expected;
// what() is "file:line:col: message" (the position parts are left out when 0).
class TemplateError : public std::runtime_error {
 public:
  TemplateError(std::string file, int line, int column, const std::string& message);
  const std::string& file() const noexcept { return file_; }
  int line() const noexcept { return line_; }
  int column() const noexcept { return column_; }
  const std::string& message() const noexcept { return message_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string message_;
};

namespace detail {
struct Node;
class Renderer;
}  // namespace detail

// An immutable parsed template (a tree of nodes). Parse once, render many times, from any
// number of threads at once. Created by parse().
class Template {
 public:
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;
  ~Template();

  // The display path given to parse(), used in error messages.
  const std::string& display_path() const noexcept { return display_path_; }

  // One `{{>name}}` or `{{<name}}` tag of this template, with its 1-based position.
  struct Reference {
    std::string name;
    bool parent = false;  // `{{<name}}` rather than `{{>name}}`
    int line = 0;
    int column = 0;
  };
  // Every partial and parent this template names, in source order (including those inside
  // sections and blocks), so a build can check them all before rendering.
  std::vector<Reference> references() const;

 private:
  struct Private {};

 public:
  // Internal (used by parse()); not part of the API.
  Template(Private, std::string display_path, std::size_t source_size,
           std::vector<detail::Node> nodes);

 private:
  friend std::shared_ptr<const Template> parse(std::string_view source, std::string display_path);
  friend class detail::Renderer;

  std::string display_path_;
  std::size_t source_size_;
  std::vector<detail::Node> nodes_;
};

// Parses Mustache `source` (spec v1.3 with the inheritance module: standalone lines, set
// delimiters, blocks re-indented at parse time). `display_path` names the template in errors.
// Throws TemplateError at the offending tag for: a tag without its closing delimiter, an
// unclosed or mismatched section/parent/block, a closing tag with no open section, a bad
// set-delimiter tag, an empty tag name or one containing whitespace, nesting deeper than
// max_nesting_depth.
std::shared_ptr<const Template> parse(std::string_view source, std::string display_path);

// Where partials and parents come from: given a template name, returns {source text, display
// path} or std::nullopt when there is no such template. May throw TemplateError (unreadable
// file). Called at most once per name by a TemplateLibrary.
using TemplateLoader =
    std::function<std::optional<std::pair<std::string, std::string>>(const std::string& name)>;

// True for a name a loader may turn into a file name: non-empty, and without '/', '\', "..",
// or NUL (no path traversal out of the template directories).
bool is_valid_template_name(std::string_view name);

// A loader that looks up `<dir>/<name>.mustache` in each of `dirs` in order (SPEC 8: the
// site's templates/ before themes/<theme>/templates/) and returns the first file found, read
// through `files` (docs/architecture.md: files are read one way), which must outlive the loader.
// Each entry is {directory, display prefix}: a file found in it gets the display path
// "<display prefix>/<name>.mustache". Names failing is_valid_template_name() are never found.
// Throws TemplateError when a found file cannot be used: not a regular file (a directory, a
// FIFO), a symbolic link out of the FileSystem's roots, larger than kMaxInputFileBytes, or
// unreadable; the message never quotes such a file.
TemplateLoader directory_loader(std::vector<std::pair<std::filesystem::path, std::string>> dirs,
                                const FileSystem& files);
// directory_loader() on the whole disk (regular files of bounded size, any directory): for
// tools and tests, where the directories come from the command line.
TemplateLoader directory_loader(std::vector<std::pair<std::filesystem::path, std::string>> dirs);

// "<prefix>/ or <prefix>/ ..." for the display prefixes of a directory_loader(), as used in
// "not found" messages.
std::string describe_directories(
    const std::vector<std::pair<std::filesystem::path, std::string>>& dirs);

// A context value computed only when a template uses it, and freed once that use and the next
// use of another deferred value are over: a section over it, an interpolation of it, an inverted
// section or a dotted name through it resolves it (DeferredValues says when a resolution is
// shared), and a template that never names it never computes it. So a page need not hold its
// whole context at once (a home page of 100 000 controls is hundreds of MiB as JSON). `key` is
// passed back to the render call's DeferredValues. Stored as a JSON binary value of its own
// subtype; a context never holds binary values otherwise.
nlohmann::json deferred_value(std::uint64_t key);

// The key of a deferred_value(), or nullopt for any other value.
std::optional<std::uint64_t> deferred_key(const nlohmann::json& value);

// Resolves a deferred value's key to its JSON. Called on the rendering thread when a template
// uses the value: uses that overlap (a section inside a section over the same value) and the
// next use after a resolution share it; other uses resolve it again, at most
// max_deferred_resolutions times per render call. A value that resolves to another deferred
// value renders as missing. Printed as JSON text (`{{name}}` of an object or list), a value
// shows its deferred values resolved.
using DeferredValues = std::function<nlohmann::json(std::uint64_t key)>;

// A set of named templates, each loaded and parsed once and cached (parse errors too).
// Thread-safe: pages may be rendered from several threads with one library.
class TemplateLibrary {
 public:
  enum class MissingPartial {
    render_empty,  // the spec's behaviour: a missing partial or parent renders as ""
    throw_error,   // a site build: TemplateError at the referencing tag, naming the partial
  };

  // `search_description` says where names are looked up ("templates/ or themes/x/templates/")
  // for "not found" messages; when empty and `loader` came from directory_loader(), that
  // loader's directories are used.
  explicit TemplateLibrary(TemplateLoader loader,
                           MissingPartial missing = MissingPartial::render_empty,
                           std::string search_description = {});

  // The parsed template `name`, or nullptr when the loader has none. Throws TemplateError on
  // a syntax error (every call, without asking the loader again).
  std::shared_ptr<const Template> get(const std::string& name);

  // Renders template `name` with `context` (the bottom of the context stack).
  // Throws TemplateError if `name` is missing (file() is then `name`), on syntax errors, missing
  // partials (throw_error mode), partial recursion deeper than max_partial_depth, or a render
  // limit being hit; also what `deferred` throws. Deferred values in `context` are resolved by
  // `deferred` (none given: they render as missing).
  std::string render(const std::string& name, const nlohmann::json& context,
                     const DeferredValues& deferred = {});
  // Renders an already parsed template; its partials and parents come from this library.
  std::string render(const Template& tmpl, const nlohmann::json& context,
                     const DeferredValues& deferred = {});

  // Parses `name` and, transitively, every partial and parent it references. Returns every
  // problem found: syntax errors, and (throw_error mode) each missing partial or parent, at the
  // referencing tag. A missing `name` itself is not reported (get() returns nullptr for it).
  std::vector<TemplateError> check(const std::string& name);
  // check(), throwing the first problem found.
  void preload(const std::string& name);

 private:
  friend class detail::Renderer;
  struct Entry {
    std::shared_ptr<const Template> tmpl;
    std::exception_ptr error;
  };
  // get(), for the renderer: a missing template yields nullptr, errors rethrow.
  const Template* find(const std::string& name);
  std::string not_found_message(const std::string& kind, const std::string& name) const;

  TemplateLoader loader_;
  MissingPartial missing_;
  std::string search_description_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> cache_;
};

// Renders `source` with `context`; `partials` is a JSON object {name: template source} for
// `{{>name}}` and `{{<name}}` (missing ones render as "", as the spec says). For tests and
// tools. Errors name the template "<template>" and a partial by its name. Throws TemplateError
// on syntax errors and when a render limit is hit.
std::string render_string(std::string_view source, const nlohmann::json& context,
                          const nlohmann::json& partials = nlohmann::json::object());

// Appends `text` to `out` with & < > " ' replaced by &amp; &lt; &gt; &quot; &#39; (the escaping
// of `{{name}}`, safe in element content and in quoted attribute values).
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace trustsite::mustache
