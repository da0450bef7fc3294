// One HTTP GET under trustsite's transport rules (SPEC 6, docs/monitoring.md), on libcurl:
// a total time budget, a size cap enforced while streaming, at most one retry on 429/5xx,
// at most 3 redirects that keep the scheme, and a bearer token that never leaves its origin.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace trustsite {

// The parts of an absolute URL that the transport rules look at. `host` is lower-case, IPv6
// without brackets; `port` is explicit or the scheme's default.
struct UrlParts {
  std::string scheme;  // lower-case, e.g. "https"
  std::string host;
  std::string port;
  bool has_userinfo = false;  // "user:password@" in the URL
};

// Splits an absolute URL with libcurl's URL parser (any scheme); nullopt if it is not one.
std::optional<UrlParts> parse_url(const std::string& url);

// localhost, 127.0.0.0/8 (dotted quad) or ::1 — the hosts where plain http is allowed.
bool is_loopback_host(std::string_view host);

// The URL as shown in messages: scheme://host[:port]/path, without userinfo, query or fragment
// (a presigned redirect target carries its signature in the query).
std::string display_url(const std::string& url);

struct HttpRequest {
  std::string url;                               // https, or http to a loopback host
  std::string bearer_token;                      // sent as `Authorization: Bearer`; empty: none
  std::string if_none_match;                     // the cached ETag; empty: none
  std::string if_modified_since;                 // the cached Last-Modified; empty: none
  std::chrono::milliseconds timeout{10'000};     // the whole fetch: retries, waits and redirects
  std::size_t max_body_bytes = 5 * 1024 * 1024;  // decoded body
};

struct HttpResponse {
  long status = 0;  // 2xx or 304
  std::string body;
  std::string etag;
  std::string last_modified;
};

// A fetch that failed; the message says what happened (HTTP status, timeout, size cap, refused
// redirect, ...) and never contains the token, a URL's userinfo or query.
class HttpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// GETs request.url with `User-Agent: trustsite/<version>` and `Accept: application/json`.
// Redirects (301/302/303/307/308, at most 3) are followed by hand: each must keep the scheme
// (and http must stay on loopback), and the token is dropped for good once a redirect leaves the
// original origin (scheme, host, port). One retry on 429 or 5xx after Retry-After (or 1 s) when
// that fits in the budget. Returns a 2xx or 304 response; throws HttpError otherwise.
HttpResponse http_get(const HttpRequest& request);

}  // namespace trustsite
