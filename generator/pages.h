// Policy pages: content/pages/<slug>.<locale>.md, YAML front matter and a Markdown body
// (SPEC 3). Plain data and its loader.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "load_context.h"

namespace trustsite {

// One Markdown file of a policy page: content/pages/<slug>.<locale>.md.
struct PageSource {
  std::string locale;
  std::string title;
  std::string description;
  std::optional<int> order;
  std::optional<Date> updated;
  bool menu = true;
  std::string body;      // Markdown after the front matter
  int body_line = 1;     // 1-based line of the body's first line in the file
  std::string file;      // relative to the site dir
  nlohmann::json extra;  // the front matter's `extra:` for the theme (SPEC 3), null when absent
};

// A policy page with its translations, keyed by locale.
struct Page {
  std::string slug;
  std::map<std::string, PageSource> by_locale;
};

// The source of policy page `page` shown in `locale`: that locale's file, else the default
// locale's (SPEC 3), else nullptr (then the page does not exist in that locale).
const PageSource* shown_page_source(const Page& page, const std::string& locale,
                                    const std::string& default_locale);

// The front matter fields the loader knows (kept in agreement with the schemas).
const std::vector<std::string>& front_matter_fields();

// Largest Markdown body of a page file (bytes); larger ones are refused (docs/errors.md).
inline constexpr std::size_t kMaxPageBodyBytes = 1024 * 1024;

// Checks the Markdown body of a content file (a page, the introduction) before it is rendered:
// at most kMaxPageBodyBytes, no forbidden character (text_rules.h), GFM tables within the limits
// (markdown.h table_problem()) and no character reference to a forbidden character
// (find_forbidden_reference()), reported at its line and column counted from `first_line`;
// `what` names the body in messages ("the page body") and `unit` the limit ("per page"). False
// after reporting a problem.
bool check_markdown_body(std::string_view body, int first_line, const std::string& file,
                         const std::string& what, const std::string& unit, DiagnosticSink& sink);

// Loads every page file of content/pages/ and returns the pages sorted by (default-locale
// order, slug). A page missing in a locale is a strict warning counted as a missing
// translation; a page without the default locale's file is an error.
std::vector<Page> load_pages(const LoadContext& context);

// Splits and parses one policy page file's text (front matter + Markdown body) for `locale`.
// Returns nullopt when the front matter is missing, unterminated or unusable.
std::optional<PageSource> load_page_text(std::string_view text, const std::string& file,
                                         const std::string& locale, const LoadContext& context);

}  // namespace trustsite
