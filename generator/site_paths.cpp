#include "site_paths.h"

#include <array>
#include <string_view>

namespace trustsite {

std::string home_path(const std::string& locale) {
  return locale + "/";
}

std::string page_path(const std::string& locale, const std::string& slug) {
  return locale + "/" + slug + "/";
}

std::string index_file(const std::string& path) {
  return path + "index.html";
}

std::string subprocessor_feed_path(const std::string& locale) {
  return locale + "/subprocessors.atom";
}

std::string document_file_path(const std::string& stem, const std::string& fingerprint,
                               const std::string& extension) {
  return std::string(kDocumentsDir) + "/" + stem + "." + fingerprint + extension;
}

std::string absolute_url(const std::string& base_url, const std::string& path) {
  return base_url + path;
}

std::string page_url(const std::string& base_url, const std::string& locale,
                     const std::string& slug) {
  return absolute_url(base_url, slug.empty() ? home_path(locale) : page_path(locale, slug));
}

std::string relative_root(const std::string& output_path) {
  std::string root;
  for (char c : output_path)
    if (c == '/') root += "../";
  return root;
}

bool is_reserved_page_slug(const std::string& slug) {
  // Directories the site writes at its root or in a locale's directory: a page with one of
  // these names would be confusing next to them even where the paths do not collide.
  static constexpr std::array<std::string_view, 2> kReserved = {kAssetsDir, kDocumentsDir};
  for (std::string_view reserved : kReserved)
    if (slug == reserved) return true;
  return false;
}

}  // namespace trustsite
