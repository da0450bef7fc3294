// Did-you-mean suggestions for misspelt field names, enum values and references, and the
// "a, b, c" lists that messages show as the allowed values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustsite {

// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions of bytes).
// O(|a|·|b|) time, O(|b|) memory.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest of `candidates` to `word` by edit_distance(), if it is at most `max_distance`
// edits away (0: a third of the word's length, at least 2); else nullopt. Words longer than
// 256 bytes get no suggestion (nobody misspells such a word, and the cost is quadratic).
std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates,
                                        std::size_t max_distance = 0);

// "a, b, c".
std::string join(const std::vector<std::string>& items);

}  // namespace trustsite
