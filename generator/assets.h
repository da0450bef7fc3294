// Theme assets (themes/<theme>/static/**): fingerprinted output names and Subresource Integrity
// values (W3C SRI, sha384), hashed with OpenSSL's libcrypto.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "file_system.h"

namespace trustsite {

struct AssetFile {
  std::string source_name;  // path under static/, forward slashes: "style.css", "img/logo.svg"
  std::string output_path;  // from the site root: "assets/style.4f9c2a1b0d.css"
  std::string integrity;    // "sha384-<base64 digest>"
  std::string content;      // the bytes
};

// SHA-384 digest of `data` (FIPS 180-4), 48 raw bytes.
std::string sha384(std::string_view data);
// SHA-256 digest of `data` (FIPS 180-4), 32 raw bytes (document fingerprints and checksums).
std::string sha256(std::string_view data);
// RFC 4648 base64 (standard alphabet, with padding).
std::string base64_encode(std::string_view bytes);
// Lowercase hexadecimal of `bytes`.
std::string hex_encode(std::string_view bytes);

// The largest theme asset (bytes); a larger file is an error, read no further.
inline constexpr std::size_t kMaxAssetBytes = 16 * 1024 * 1024;
// How deep below static/ directories may nest (a symbolic link loop ends here).
inline constexpr int kMaxAssetDepth = 8;

// Reads every file below `static_dir` through `files` (regular files only, at most
// kMaxAssetBytes, never through a link out of the site or trustsite's data directory), sorted by
// path so the order is reproducible, and names it `<stem>.<first 10 hex digits of its
// SHA-384>.<ext>` under assets/. A missing static_dir yields no assets. Anything else in the
// tree (a FIFO, a socket, a broken link, a link out of the roots, an oversized file, nesting
// deeper than kMaxAssetDepth) is an error at its path (`display_dir`/...), never skipped
// silently and never quoted.
std::vector<AssetFile> load_assets(const FileSystem& files, const std::filesystem::path& static_dir,
                                   const std::string& display_dir, DiagnosticSink& sink);

}  // namespace trustsite
