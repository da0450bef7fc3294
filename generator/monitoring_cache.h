// The monitoring cache (SPEC 6, docs/monitoring.md): the last good response of a URL source in
// <site>/.trustsite-cache/monitoring.json. The cache lives inside a directory anyone with
// write access to the site may prepare, so it is read and written without following any
// symbolic link: a planted link can neither make trustsite overwrite a file elsewhere nor
// feed it a file from elsewhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace trustsite {

inline constexpr const char* kCacheDirName = ".trustsite-cache";
inline constexpr const char* kCacheFileName = "monitoring.json";

// One cached response.
struct CacheEntry {
  std::string source;           // monitoring.source, as written in site.yaml
  std::string format;           // the format's name ("trustsite", "statuspage", "gatus")
  std::int64_t fetched_at = 0;  // POSIX seconds
  std::string etag;             // the response's ETag header, "" if none
  std::string last_modified;    // the response's Last-Modified header, "" if none
  std::string body;             // the response body
};

// What read_cache() found.
struct CacheRead {
  std::optional<CacheEntry> entry;  // set when a usable cache file was read
  std::string problem;  // why an existing cache was not used ("is a symbolic link"), or ""
};

// Reads <site_dir>/.trustsite-cache/monitoring.json: a regular file of at most `max_bytes`
// bytes, opened with O_NOFOLLOW in the cache directory, itself opened with O_NOFOLLOW. An
// absent cache is an empty result without a problem; a link, a non-regular or oversized file,
// malformed JSON or another schema gives no entry and a `problem` (for a warning).
CacheRead read_cache(const std::filesystem::path& site_dir, std::size_t max_bytes);

// Writes `entry` atomically: creates .trustsite-cache/ if needed (mode 0755), refuses it when it
// is a symbolic link or not a directory, creates a new temporary file in it with
// O_CREAT|O_EXCL|O_NOFOLLOW (so a planted file or link of that name is never followed or
// reused), writes and renames it over monitoring.json (replacing a link there, not its
// target). Returns "" on success, else what went wrong (for a warning); the temporary file is
// removed on failure.
std::string write_cache(const std::filesystem::path& site_dir, const CacheEntry& entry);

}  // namespace trustsite
