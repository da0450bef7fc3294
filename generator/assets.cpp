#include "assets.h"

#include <algorithm>
#include <fstream>

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

std::vector<AssetFile> load_assets(const fs::path& static_dir, const std::string& display_dir,
                                   DiagnosticSink& sink) {
  std::vector<AssetFile> assets;
  std::error_code ec;
  if (!fs::is_directory(static_dir, ec)) return assets;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(static_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string source_name = path.lexically_relative(static_dir).generic_string();
    std::ifstream in(path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      sink.error({display_dir + "/" + source_name, 0, 0}, "cannot read the theme asset");
      continue;
    }
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
