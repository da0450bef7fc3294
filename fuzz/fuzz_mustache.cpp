// libFuzzer target: the Mustache engine. The input is a template; it is parsed with
// mustache::parse() and rendered with render_string() against a fixed context that has every
// JSON type, nested sections and a partial that includes itself (recursion limit).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mustache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using trustsite::mustache::TemplateError;
  static const nlohmann::json context = nlohmann::json::parse(R"({
    "title": "<b>\"Nordlys\" & 'co'</b>", "n": 42, "pi": 3.14, "yes": true, "no": false,
    "none": null, "empty": [], "list": [1, "two", {"name": "three"}, [4]],
    "map": {"a": {"b": {"c": "deep"}}, "list": [{"x": 1}, {"x": 2}]},
    "controls": [{"id": "mfa", "title": "MFA", "status": "implemented"},
                 {"id": "sso", "title": "SSO", "status": "planned"}]
  })");
  static const nlohmann::json partials = {
      {"p", "[{{title}}{{#list}}{{.}}{{/list}}]"},
      {"self", "{{#map}}{{>self}}{{/map}}"},
      {"layout", "<{{$body}}default{{/body}}>"},
  };
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  try {
    auto parsed = trustsite::mustache::parse(source, "fuzz.mustache");
    (void)parsed;
    (void)trustsite::mustache::render_string(source, context, partials);
  } catch (const TemplateError& error) {
    // Errors carry a position inside the template (or none).
    if (error.line() < 0 || error.column() < 0) __builtin_trap();
  }
  return 0;
}
