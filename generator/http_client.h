// One HTTP GET under trustsite's transport rules (SPEC 6, docs/monitoring.md), on libcurl:
// a total time budget, a size cap enforced while streaming, at most one retry on 429/5xx,
// at most 3 redirects that keep the scheme, and a bearer token that never leaves its origin.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace trustsite {

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
