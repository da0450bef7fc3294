// One table per closed set of values (a status, a type, a format): the YAML spelling of each
// enum value, read by MapReader::choice() and written by to_string(), so a value is spelt in
// exactly one place.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trustsite {

template <typename Enum, std::size_t N>
struct Vocabulary {
  std::array<std::pair<Enum, std::string_view>, N> entries;

  // The spelling of `value`; the first entry's for a value not in the table (never happens for
  // a complete table).
  constexpr std::string_view name(Enum value) const {
    for (const auto& [entry, spelling] : entries)
      if (entry == value) return spelling;
    return entries[0].second;
  }
  constexpr std::optional<Enum> parse(std::string_view spelling) const {
    for (const auto& [entry, text] : entries)
      if (text == spelling) return entry;
    return std::nullopt;
  }
  // Every spelling, in table order (the order messages and schemas list them in).
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& entry : entries) out.emplace_back(entry.second);
    return out;
  }
};

}  // namespace trustsite
