// libFuzzer target: one monitoring response through parse_status_document() in each of the
// three formats (trustsite-status/v1, Statuspage, Gatus), and the token guard: a token taken
// from the input's first bytes never survives redact(), and the guard's JSON walk ends.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "status_formats.h"
#include "token_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  for (auto format :
       {trustsite::MonitoringFormat::trustsite, trustsite::MonitoringFormat::statuspage,
        trustsite::MonitoringFormat::gatus}) {
    try {
      const auto document = trustsite::parse_status_document(body, format, 1772366400);
      for (const auto& item : document.items)
        if (item.checked_at.empty()) __builtin_trap();  // every item has a check time
    } catch (const trustsite::StatusFormatError& error) {
      // Messages quote no more than a bounded excerpt of the body.
      if (std::string_view(error.what()).size() > 1024) __builtin_trap();
    }
  }
  const trustsite::TokenGuard guard(std::string(body.substr(0, std::min<std::size_t>(size, 6))));
  if (!guard.empty()) {
    if (guard.appears_in(guard.redact(body))) __builtin_trap();
    try {
      (void)guard.appears_in_strings(trustsite::parse_status_json(body));
    } catch (const trustsite::StatusFormatError&) {
    }
  }
  return 0;
}
