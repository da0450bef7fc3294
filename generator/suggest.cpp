#include "suggest.h"

#include <algorithm>

namespace trustsite {

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

std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates,
                                        std::size_t max_distance) {
  constexpr std::size_t kMaxWordBytes = 256;
  if (word.size() > kMaxWordBytes) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance =
      (max_distance > 0 ? max_distance : std::max<std::size_t>(2, word.size() / 3)) + 1;
  for (const auto& candidate : candidates) {
    if (candidate.size() > kMaxWordBytes) continue;
    std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

}  // namespace trustsite
