#include "assets.h"

#include <algorithm>

#include <openssl/evp.h>

#include "site_paths.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

std::string digest_of(std::string_view data, const EVP_MD* algorithm, const char* name) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, algorithm, nullptr) != 1)
    throw std::runtime_error(std::string("OpenSSL ") + name + " failed");
  return std::string(reinterpret_cast<const char*>(digest), length);
}

}  // namespace

std::string sha384(std::string_view data) {
  return digest_of(data, EVP_sha384(), "SHA-384");
}

std::string sha256(std::string_view data) {
  return digest_of(data, EVP_sha256(), "SHA-256");
}

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::string hex_encode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0x0F];
  }
  return out;
}

namespace {

// Collects the files below `dir` (depth levels below static/) into `found`; reports entries
// that are neither files nor directories.
void collect(const FileSystem& files, const fs::path& dir, const fs::path& static_dir,
             const std::string& display_dir, int depth, std::vector<fs::path>& found,
             DiagnosticSink& sink) {
  for (const DirectoryEntry& entry : files.list(dir)) {
    const std::string shown =
        display_dir + "/" + entry.path.lexically_relative(static_dir).generic_string();
    if (entry.is_regular) {
      found.push_back(entry.path);
    } else if (files.is_directory(entry.path)) {
      if (depth + 1 >= kMaxAssetDepth)
        sink.error({shown, 0, 0}, "this directory is nested more than " +
                                      std::to_string(kMaxAssetDepth) +
                                      " levels below static/ (a symbolic link loop?); expected a "
                                      "shallower tree of theme assets");
      else
        collect(files, entry.path, static_dir, display_dir, depth + 1, found, sink);
    } else {
      found.push_back(entry.path);  // read() says what it is
    }
  }
}

}  // namespace

std::vector<AssetFile> load_assets(const FileSystem& files, const fs::path& static_dir,
                                   const std::string& display_dir, DiagnosticSink& sink) {
  std::vector<AssetFile> assets;
  if (!files.is_directory(static_dir)) return assets;
  std::vector<fs::path> paths;
  collect(files, static_dir, static_dir, display_dir, 0, paths, sink);
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    const std::string source_name = path.lexically_relative(static_dir).generic_string();
    ReadResult read = files.read(path, kMaxAssetBytes);
    if (!read.ok()) {
      sink.error({display_dir + "/" + source_name, 0, 0},
                 "this file " + describe_read_failure(read, kMaxAssetBytes) +
                     "; expected a readable theme asset (a regular file)");
      continue;
    }
    std::string content = std::move(read.text);
    const std::string digest = sha384(content);
    fs::path relative(source_name);
    std::string stem = relative.stem().string(), extension = relative.extension().string();
    fs::path output = fs::path(kAssetsDir) / relative.parent_path() /
                      (stem + "." + hex_encode(digest).substr(0, 10) + extension);
    assets.push_back({source_name, output.generic_string(), "sha384-" + base64_encode(digest),
                      std::move(content)});
  }
  return assets;
}

}  // namespace trustsite
