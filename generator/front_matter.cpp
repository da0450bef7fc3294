#include "front_matter.h"

namespace trustsite {

namespace {

// Whether `line` (without its '\n') is the delimiter `marker` followed only by spaces/tabs/CR.
bool is_delimiter(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  for (char c : line.substr(marker.size()))
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  result.body = text;
  std::size_t first_end = text.find('\n');
  std::string_view first_line = text.substr(0, first_end);
  if (!is_delimiter(first_line, "---")) return result;
  result.has_front_matter = true;
  if (first_end == std::string_view::npos) {
    result.body = {};
    return result;
  }
  std::size_t yaml_start = first_end + 1;
  std::size_t position = yaml_start;
  int line_number = 2;
  while (position <= text.size()) {
    std::size_t end = text.find('\n', position);
    std::string_view line = text.substr(
        position, end == std::string_view::npos ? std::string_view::npos : end - position);
    if (is_delimiter(line, "---") || is_delimiter(line, "...")) {
      result.terminated = true;
      result.yaml = text.substr(yaml_start, position - yaml_start);
      result.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      result.body_first_line = line_number + 1;
      return result;
    }
    if (end == std::string_view::npos) break;
    position = end + 1;
    ++line_number;
  }
  result.yaml = text.substr(yaml_start);
  result.body = {};
  return result;
}

}  // namespace trustsite
