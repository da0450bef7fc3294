#include "url.h"

#include <arpa/inet.h>
#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

#include <curl/curl.h>

namespace trustsite {

namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// RAII for a CURLU handle.
struct UrlHandle {
  CURLU* handle = curl_url();
  UrlHandle() = default;
  ~UrlHandle() { curl_url_cleanup(handle); }
  UrlHandle(const UrlHandle&) = delete;
  UrlHandle& operator=(const UrlHandle&) = delete;

  bool set(const std::string& url) {
    return handle != nullptr &&
           curl_url_set(handle, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK;
  }
  std::optional<std::string> get(CURLUPart part, unsigned flags = 0) const {
    char* value = nullptr;
    if (curl_url_get(handle, part, &value, flags) != CURLUE_OK || value == nullptr)
      return std::nullopt;
    std::string result = value;
    curl_free(value);
    return result;
  }
};

std::string to_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool has_forbidden_url_character(std::string_view text) {
  for (unsigned char c : text)
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`' ||
        c == '\\')
      return true;
  return false;
}

bool is_dns_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  if (host.back() == '.') host.remove_suffix(1);  // a fully qualified name
  std::size_t start = 0;
  while (start <= host.size()) {
    std::size_t end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    const std::string_view label = host.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (unsigned char c : label)
      if (!std::isalnum(c) && c != '-') return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  if (text.empty() || text.size() > kMaxUrlBytes || has_forbidden_url_character(text))
    return std::nullopt;
  global_init();
  UrlHandle handle;
  if (!handle.set(std::string(text))) return std::nullopt;
  Url url;
  url.scheme = to_lower(handle.get(CURLUPART_SCHEME).value_or(""));
  if (url.scheme.empty()) return std::nullopt;
  url.host = to_lower(handle.get(CURLUPART_HOST).value_or(""));
  if (url.host.size() >= 2 && url.host.front() == '[' && url.host.back() == ']')
    url.host = url.host.substr(1, url.host.size() - 2);
  url.port = handle.get(CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("");
  url.path = handle.get(CURLUPART_PATH).value_or("/");
  url.has_query = handle.get(CURLUPART_QUERY).has_value();
  url.has_fragment = handle.get(CURLUPART_FRAGMENT).has_value();
  url.has_userinfo =
      handle.get(CURLUPART_USER).has_value() || handle.get(CURLUPART_PASSWORD).has_value();
  return url;
}

bool is_valid_host(std::string_view host) {
  const std::string name(host);
  in_addr v4{};
  in6_addr v6{};
  return inet_pton(AF_INET, name.c_str(), &v4) == 1 ||
         inet_pton(AF_INET6, name.c_str(), &v6) == 1 || is_dns_name(host);
}

bool is_loopback_host(std::string_view host) {
  const std::string name = to_lower(std::string(host));
  if (name == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, name.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, name.c_str(), &v6) == 1)
    return std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0;
  return false;
}

bool is_secure_transport(const Url& url) {
  return url.scheme == "https" || (url.scheme == "http" && is_loopback_host(url.host));
}

bool is_web_url(std::string_view text, bool https_only) {
  const auto url = parse_url(text);
  if (!url || (url->scheme != "https" && (https_only || url->scheme != "http"))) return false;
  // curl_url accepts "https:/host" and "https:host"; a link must spell the authority.
  const std::size_t colon = text.find(':');
  return text.substr(colon, 3) == "://" && is_valid_host(url->host) && !url->has_userinfo;
}

std::optional<std::string> normalize_base_url(std::string_view text) {
  if (!is_web_url(text)) return std::nullopt;
  const auto url = parse_url(text);
  if (url->has_query || url->has_fragment || url->path.starts_with("//")) return std::nullopt;
  // The authority ends at the first '/' after "://": what follows must be the path as written.
  const std::size_t authority = text.find("://") + 3;
  const std::size_t slash = text.find('/', authority);
  if (slash != std::string_view::npos && text.substr(slash, 2) == "//") return std::nullopt;
  std::string normalized(text);
  if (normalized.back() != '/') normalized += '/';
  return normalized;
}

std::string base_url_problem(std::string_view text) {
  if (normalize_base_url(text)) return {};
  if (is_web_url(text)) {
    const std::size_t authority = text.find("://") + 3;
    const std::size_t slash = text.find('/', authority);
    if (slash != std::string_view::npos && text.substr(slash, 2) == "//")
      return "has a path starting with '//', which browsers read as another host; expected a "
             "single '/' after the host, e.g. https://example.com/trust/";
  }
  return "is not an absolute http(s) URL; expected e.g. https://trust.example.com or "
         "https://example.com/trust/";
}

std::string base_url_path(const std::string& base_url) {
  const auto url = parse_url(base_url);
  std::string path = url ? url->path : "/";
  if (path.empty() || path.back() != '/') path += '/';
  return path;
}

std::string url_host(const std::string& url) {
  const auto parsed = parse_url(url);
  if (!parsed) return {};
  if (parsed->host.find(':') != std::string::npos) return "[" + parsed->host + "]";
  return parsed->host;
}

std::string display_url(const std::string& url) {
  global_init();
  UrlHandle handle;
  if (url.size() > kMaxUrlBytes || !handle.set(url)) return "(an invalid URL)";
  std::string text =
      handle.get(CURLUPART_SCHEME).value_or("") + "://" + handle.get(CURLUPART_HOST).value_or("");
  if (auto port = handle.get(CURLUPART_PORT)) text += ":" + *port;
  return text + handle.get(CURLUPART_PATH).value_or("/");
}

std::string link_text(const std::string& url) {
  const std::size_t scheme = url.find("://");
  std::string shown = scheme == std::string::npos ? url : url.substr(scheme + 3);
  if (!shown.empty() && shown.back() == '/') shown.pop_back();
  return shown;
}

std::optional<std::string> resolve_url(const std::string& base, const std::string& reference) {
  global_init();
  UrlHandle url;
  if (!url.set(base) || !url.set(reference)) return std::nullopt;
  return url.get(CURLUPART_URL);
}

bool is_email_address(std::string_view text) {
  if (text.empty() || text.size() > 254) return false;
  const std::size_t at = text.rfind('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == text.size()) return false;
  const std::string_view local = text.substr(0, at), domain = text.substr(at + 1);
  for (unsigned char c : local)
    if (!std::isalnum(c) &&
        std::string_view(".!#$'*+-=^_`{|}~").find(static_cast<char>(c)) == std::string_view::npos)
      return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  for (unsigned char c : domain)
    if (!std::isalnum(c) && c != '-' && c != '.') return false;
  return domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

namespace {

// RFC 3986 section 2.3 unreserved characters.
bool is_unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

void append_percent_encoded(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

}  // namespace

std::string mailto_uri(std::string_view address, std::string_view subject) {
  std::string out = "mailto:";
  // RFC 6068 section 2: an addr-spec may hold unreserved characters and "some-delims"
  // ("!" "$" "'" "(" ")" "*" "+" "," ";" ":" "@") as they are; ',' separates addresses, so it is
  // encoded here as well.
  for (unsigned char c : address) {
    if (is_unreserved(c) ||
        std::string_view("!$'()*+;:@").find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      append_percent_encoded(out, c);
  }
  if (subject.empty()) return out;
  out += "?subject=";
  for (unsigned char c : subject) {
    if (is_unreserved(c))
      out += static_cast<char>(c);
    else
      append_percent_encoded(out, c);
  }
  return out;
}

}  // namespace trustsite
