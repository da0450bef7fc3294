// Theme assets (themes/<theme>/static/**): fingerprinted output names and Subresource Integrity
// values (W3C SRI, sha384), hashed with OpenSSL's libcrypto.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

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

// Reads every regular file below `static_dir` (sorted by path, so the order is reproducible)
// and names it `<stem>.<first 10 hex digits of its SHA-384>.<ext>` under assets/. A missing
// static_dir yields no assets; an unreadable file is reported to `sink`.
std::vector<AssetFile> load_assets(const std::filesystem::path& static_dir,
                                   const std::string& display_dir, DiagnosticSink& sink);

}  // namespace trustsite
