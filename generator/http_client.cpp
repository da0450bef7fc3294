#include "http_client.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#include <curl/curl.h>

#include "url.h"

#ifndef TRUSTSITE_VERSION
#define TRUSTSITE_VERSION "0"
#endif

namespace trustsite {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMaxRedirects = 3;
constexpr auto kMaxConnectTimeout = std::chrono::milliseconds(5'000);
constexpr auto kDefaultRetryWait = std::chrono::seconds(1);

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string to_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string seconds_text(std::chrono::milliseconds duration) {
  auto tenths = (duration.count() + 50) / 100;
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);
  return text + " s";
}

bool same_origin(const Url& a, const Url& b) {
  return a.scheme == b.scheme && a.host == b.host && a.port == b.port;
}

// What one request brought back, collected by the callbacks.
struct Exchange {
  std::size_t max_body_bytes = 0;
  bool too_large = false;
  std::string body;
  std::string etag, last_modified, retry_after, location;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  std::size_t bytes = size * count;
  if (exchange->body.size() + bytes > exchange->max_body_bytes) {
    exchange->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  exchange->body.append(data, bytes);
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  std::size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {  // a new response (after 100 Continue): start over
    exchange->etag.clear();
    exchange->last_modified.clear();
    exchange->retry_after.clear();
    exchange->location.clear();
    return bytes;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  std::string name = to_lower(std::string(line.substr(0, colon)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  if (name == "etag")
    exchange->etag = value;
  else if (name == "last-modified")
    exchange->last_modified = value;
  else if (name == "retry-after")
    exchange->retry_after = value;
  else if (name == "location")
    exchange->location = value;
  return bytes;
}

struct CurlHandle {
  CURL* handle = curl_easy_init();
  curl_slist* headers = nullptr;
  ~CurlHandle() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(handle);
  }
  CurlHandle() = default;
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;
};

struct Attempt {
  long status = 0;
  Exchange exchange;
};

// `detail` without libcurl's " after <N> ms" (the elapsed time of a failed connect).
std::string without_elapsed_time(std::string detail) {
  for (std::size_t at = detail.find(" after "); at != std::string::npos;
       at = detail.find(" after ", at + 1)) {
    std::size_t digits = at + 7, end = digits;
    while (end < detail.size() && detail[end] >= '0' && detail[end] <= '9') ++end;
    if (end > digits && detail.compare(end, 3, " ms") == 0) {
      detail.erase(at, end + 3 - at);
      break;
    }
  }
  return detail;
}

// One GET of `url`, no redirects followed, within `remaining`.
Attempt perform(const std::string& url, const Url& parts, const HttpRequest& request,
                bool send_token, std::chrono::milliseconds remaining) {
  CurlHandle curl;
  if (curl.handle == nullptr) throw HttpError("libcurl could not be initialised");
  Attempt attempt;
  attempt.exchange.max_body_bytes = request.max_body_bytes;
  char error_buffer[CURL_ERROR_SIZE] = {};

  auto add_header = [&](const std::string& header) {
    curl.headers = curl_slist_append(curl.headers, header.c_str());
  };
  add_header("Accept: application/json");
  if (send_token && !request.bearer_token.empty())
    add_header("Authorization: Bearer " + request.bearer_token);
  if (!request.if_none_match.empty()) add_header("If-None-Match: " + request.if_none_match);
  if (!request.if_modified_since.empty())
    add_header("If-Modified-Since: " + request.if_modified_since);

  CURL* h = curl.handle;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  // Only the scheme of this URL may be spoken, and libcurl itself never follows a redirect.
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, parts.scheme.c_str());
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, parts.scheme.c_str());
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED));
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, curl.headers);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "trustsite/" TRUSTSITE_VERSION);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // the cap applies to the decoded body
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_body_bytes));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::max<long long>(remaining.count(), 1)));
  curl_easy_setopt(
      h, CURLOPT_CONNECTTIMEOUT_MS,
      static_cast<long>(std::max<long long>(
          std::min(remaining, std::chrono::milliseconds(kMaxConnectTimeout)).count(), 1)));
  if (is_loopback_host(parts.host)) curl_easy_setopt(h, CURLOPT_PROXY, "");  // never via a proxy
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &attempt.exchange);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &attempt.exchange);

  CURLcode code = curl_easy_perform(h);
  std::string where = display_url(url);
  std::string cap = std::to_string(request.max_body_bytes / 1024) + " KiB";
  if (request.max_body_bytes % (1024 * 1024) == 0)
    cap = std::to_string(request.max_body_bytes / (1024 * 1024)) + " MiB";
  if (attempt.exchange.too_large || code == CURLE_FILESIZE_EXCEEDED)
    throw HttpError("the response from " + where + " is larger than the " + cap +
                    " size cap; expected a smaller status document");
  if (code == CURLE_OPERATION_TIMEDOUT)
    throw HttpError("no complete response from " + where + " within the time budget (" +
                    seconds_text(remaining) + " left of timeout_seconds)");
  if (code != CURLE_OK) {
    std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == '.')) detail.pop_back();
    // "Failed to connect to h port p after 28 ms: ...": keep diagnostics the same run to run.
    detail = without_elapsed_time(detail);
    throw HttpError("fetching " + where + " failed: " + detail);
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &attempt.status);
  return attempt;
}

// How long a 429/5xx response asks us to wait (RFC 9110 section 10.2.3: delay-seconds or an
// HTTP-date); 1 s when it says nothing usable.
std::chrono::milliseconds retry_wait(const std::string& retry_after) {
  if (!retry_after.empty() && std::all_of(retry_after.begin(), retry_after.end(),
                                          [](char c) { return c >= '0' && c <= '9'; }))
    return retry_after.size() > 9 ? std::chrono::hours(24 * 365)
                                  : std::chrono::seconds(std::stoll(retry_after));
  if (!retry_after.empty()) {
    time_t when = curl_getdate(retry_after.c_str(), nullptr);
    if (when != -1) {
      // A wait is measured against the wall clock here (the server's HTTP-date), not "now".
      auto delta = std::chrono::system_clock::from_time_t(when) - std::chrono::system_clock::now();
      return std::max(std::chrono::duration_cast<std::chrono::milliseconds>(delta),
                      std::chrono::milliseconds(0));
    }
  }
  return kDefaultRetryWait;
}

bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

HttpResponse http_get(const HttpRequest& request) {
  global_init();
  const auto deadline = Clock::now() + request.timeout;
  auto remaining = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  };
  const auto origin = parse_url(request.url);
  if (!origin || (origin->scheme != "https" && origin->scheme != "http"))
    throw HttpError("refusing to fetch " + display_url(request.url) + ": expected an https URL");
  if (!is_secure_transport(*origin))
    throw HttpError("refusing to fetch " + display_url(request.url) +
                    ": plain http is allowed only to loopback hosts; expected https");

  for (int attempt_number = 1;; ++attempt_number) {
    std::string url = request.url;
    Url parts = *origin;
    bool send_token = !request.bearer_token.empty();
    Attempt attempt;
    for (int redirects = 0;; ++redirects) {
      if (remaining().count() <= 0)
        throw HttpError("no complete response from " + display_url(url) +
                        " within timeout_seconds (" + seconds_text(request.timeout) + ")");
      attempt = perform(url, parts, request, send_token, remaining());
      if (!is_redirect(attempt.status)) break;
      if (redirects == kMaxRedirects)
        throw HttpError("more than " + std::to_string(kMaxRedirects) + " redirects from " +
                        display_url(request.url) + "; expected at most " +
                        std::to_string(kMaxRedirects));
      auto target = attempt.exchange.location.empty() ? std::nullopt
                                                      : resolve_url(url, attempt.exchange.location);
      auto target_parts = target ? parse_url(*target) : std::nullopt;
      if (attempt.exchange.location.empty() || !target_parts)
        throw HttpError("HTTP " + std::to_string(attempt.status) + " from " + display_url(url) +
                        " without a valid Location; expected a redirect to an " + origin->scheme +
                        " URL");
      if (target_parts->scheme != origin->scheme)
        throw HttpError("refusing the redirect from " + display_url(url) + " to a " +
                        target_parts->scheme + ": URL; redirects must stay on " + origin->scheme);
      if (!is_secure_transport(*target_parts))
        throw HttpError("refusing the redirect from " + display_url(url) + " to " +
                        display_url(*target) + ": plain http is allowed only to loopback hosts");
      // The token stays with the origin it was meant for (once dropped, it stays dropped).
      send_token = send_token && same_origin(*target_parts, *origin);
      url = *target;
      parts = *target_parts;
    }

    long status = attempt.status;
    if ((status >= 200 && status < 300) || status == 304) {
      HttpResponse response;
      response.status = status;
      response.body = std::move(attempt.exchange.body);
      response.etag = std::move(attempt.exchange.etag);
      response.last_modified = std::move(attempt.exchange.last_modified);
      return response;
    }
    std::string failure = "HTTP " + std::to_string(status) + " from " + display_url(url);
    if ((status == 429 || (status >= 500 && status <= 599)) && attempt_number == 1) {
      auto wait = retry_wait(attempt.exchange.retry_after);
      auto left = remaining();
      // Retry only if the wait leaves time for the request itself.
      if (wait + std::chrono::milliseconds(100) < left) {
        std::this_thread::sleep_for(wait);
        continue;
      }
      throw HttpError(failure + "; the retry after " + seconds_text(wait) +
                      " does not fit in the " + seconds_text(std::max(left, decltype(left)(0))) +
                      " left of timeout_seconds");
    }
    if (status == 429 || (status >= 500 && status <= 599))
      throw HttpError(failure + " (also after one retry); expected 200");
    throw HttpError(failure + "; expected 200");
  }
}

}  // namespace trustsite
