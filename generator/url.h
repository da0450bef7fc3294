// URLs and e-mail addresses: the one parser (libcurl's curl_url, RFC 3986 as browsers and curl
// read it) behind every URL rule of the site: base_url, links to other sites, the monitoring
// source, redirects, feed ids, security.txt fields and contacts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trustsite {

// The parts of an absolute URL as curl_url reads them. `scheme` and `host` are lowercase;
// `host` carries no brackets for an IPv6 literal; `port` is the explicit port or the scheme's
// default ("443"), empty when the scheme has none; `path` starts with '/'.
struct Url {
  std::string scheme;
  std::string host;
  std::string port;
  std::string path;
  bool has_query = false;
  bool has_fragment = false;
  bool has_userinfo = false;
};

// Longest URL accepted anywhere (bytes); longer ones are refused before parsing.
inline constexpr std::size_t kMaxUrlBytes = 2000;

// Parses an absolute URL of any scheme; nullopt when curl_url refuses it (a relative reference,
// a bad port such as 70000, spaces, ...), when it is longer than kMaxUrlBytes, or when it holds
// control characters, whitespace or one of < > " ' ` \ (which never belong in a link target).
std::optional<Url> parse_url(std::string_view text);

// Whether `host` is a valid DNS name (letters, digits and '-' in dot-separated labels of 1-63
// bytes, no label starting or ending with '-'; RFC 1123), an IPv4 address or an IPv6 literal.
bool is_valid_host(std::string_view host);

// Whether `host` (as in Url::host) is a loopback host: "localhost", 127.0.0.0/8 or ::1.
bool is_loopback_host(std::string_view host);

// The transport rule of SPEC 6 for every request trustsite makes (the monitoring source and
// each redirect): https, or plain http to a loopback host only.
bool is_secure_transport(const Url& url);

// Whether `text` is an absolute http or https URL with a valid host: a link to another site
// (a sub-processor's website). `https_only` refuses plain http.
bool is_web_url(std::string_view text, bool https_only = false);

// Checks that `text` is an absolute http(s) URL with a valid host and no user info, query or
// fragment, whose path does not start with "//" (which browsers read as another host), and
// returns it with a trailing '/': the site's base_url (SPEC 2). nullopt when unusable.
std::optional<std::string> normalize_base_url(std::string_view text);

// What is wrong with `text` as a base_url, for messages after the quoted value: "has a path
// starting with '//', which browsers read as another host; ..." when only that is wrong, else
// "is not an absolute http(s) URL; expected ..."; "" when normalize_base_url() accepts it.
std::string base_url_problem(std::string_view text);

// The path part of a normalized base_url, with a trailing '/': "https://x.example/trust/" ->
// "/trust/", "https://x.example/" -> "/". Root-relative links (404.html, which hosts serve at
// any URL) and feed ids start with it.
std::string base_url_path(const std::string& base_url);

// The host of an absolute URL without user info and port, lowercased, an IPv6 literal in
// brackets ("https://a.example:8443/x/" -> "a.example"): the authority of tag: URIs (RFC 4151).
std::string url_host(const std::string& url);

// An absolute URL as diagnostics name it: scheme://host[:port]/path, without user info, query
// or fragment (which can carry secrets); "(an invalid URL)" when it does not parse.
std::string display_url(const std::string& url);

// A link target as the page shows it: without scheme and trailing '/'
// ("https://www.example.com/dpa/" -> "www.example.com/dpa").
std::string link_text(const std::string& url);

// Resolves `reference` (absolute or relative) against the absolute URL `base` (RFC 3986 section
// 5); nullopt when either is invalid.
std::optional<std::string> resolve_url(const std::string& base, const std::string& reference);

// Whether `text` is an e-mail address usable in a mailto: link (RFC 5321 dot-atom local part
// without the characters RFC 6068 gives a meaning in mailto: URIs, '?', '&', '%' and '/';
// a domain of letters, digits, '-' and '.'); at most 254 bytes.
bool is_email_address(std::string_view text);

// A mailto: URI for `address` (an address that is_email_address() accepts) with a subject
// header field (RFC 6068): "mailto:privacy@acme.example?subject=Objection%3A%20Scrive". Every
// byte of `subject` (UTF-8) other than an unreserved character (RFC 3986: letters, digits,
// '-', '.', '_', '~') is percent-encoded, so spaces, '&', '=', '#' and non-ASCII text are safe
// in any mail client; in `address`, bytes RFC 6068 does not allow unencoded in an addr-spec
// (e.g. '#', '=', '{') are percent-encoded too. An empty `subject` gives no query.
std::string mailto_uri(std::string_view address, std::string_view subject);

}  // namespace trustsite
