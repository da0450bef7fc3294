#include "monitoring.h"

#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "file_system.h"
#include "http_client.h"
#include "monitoring_cache.h"
#include "status_formats.h"
#include "token_guard.h"
#include "url.h"
#include "utf8.h"

namespace trustsite {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kCacheDir = kCacheDirName;
constexpr const char* kCacheFile = kCacheFileName;
// A check time this far past the moment the data was received is clock skew at best.
constexpr std::int64_t kAllowedClockSkewSeconds = 300;
constexpr std::size_t kMaxListedIds = 10;

std::string format_name(MonitoringFormat format) {
  return std::string(kMonitoringFormats.name(format));
}

// Messages quote values from site.yaml and from responses cut to a bounded length.
std::string json_quoted(std::string_view text) {
  return quoted_value(text);
}

enum class SourceKind { url, local_file, invalid };

struct ClassifiedSource {
  SourceKind kind = SourceKind::invalid;
  std::string problem;  // for invalid: what was found and what is expected
};

const char* kExpectedSource =
    "expected an https URL (plain http only to localhost, 127.0.0.0/8 or ::1) or a file path "
    "relative to the site directory";

// SPEC 6: https, http only to loopback, or a local path without a scheme.
ClassifiedSource classify_source(const std::string& source) {
  if (source.empty())
    return {SourceKind::invalid, "`source` is empty; " + std::string(kExpectedSource)};
  for (unsigned char c : source)
    if (c < 0x20 || c == 0x7f)
      return {SourceKind::invalid,
              "`source` contains control characters; " + std::string(kExpectedSource)};
  // RFC 3986 section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'.
  std::size_t scheme_end = 0;
  if (!source.empty() && std::isalpha(static_cast<unsigned char>(source[0]))) {
    scheme_end = 1;
    while (scheme_end < source.size() &&
           (std::isalnum(static_cast<unsigned char>(source[scheme_end])) ||
            source[scheme_end] == '+' || source[scheme_end] == '-' || source[scheme_end] == '.'))
      ++scheme_end;
    if (scheme_end == source.size() || source[scheme_end] != ':') scheme_end = 0;
  }
  if (scheme_end == 0) {
    if (source.find("://") != std::string::npos || source.starts_with("//"))
      return {SourceKind::invalid, "`source` " + json_quoted(source) +
                                       " is neither a URL nor a path; " + kExpectedSource};
    return {SourceKind::local_file, {}};
  }
  std::string scheme = source.substr(0, scheme_end);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "https" && scheme != "http")
    return {SourceKind::invalid,
            "`source` uses the " + json_quoted(scheme + ":") + " scheme; " + kExpectedSource};
  auto parts = parse_url(source);
  if (!parts || parts->host.empty())
    return {SourceKind::invalid, "`source` " + json_quoted(display_url(source)) +
                                     " is not a valid URL; " + kExpectedSource};
  if (parts->has_userinfo)
    return {SourceKind::invalid,
            "`source` carries credentials in the URL (user:password@); expected a URL without "
            "them, with the token in the environment variable named by `token_env`"};
  if (!is_secure_transport(*parts))
    return {SourceKind::invalid, "`source` is plain http to " + json_quoted(parts->host) +
                                     ", which is not a loopback host; " + kExpectedSource};
  return {SourceKind::url, {}};
}

// The largest cache file read: a body at the response cap, every byte JSON-escaped as \u00XX,
// and the other fields.
std::size_t max_cache_bytes(std::size_t max_response_bytes) {
  return 6 * max_response_bytes + 64 * 1024;
}

// Reports everything of one load_live_statuses() call, with the token redacted from every
// message as a last line of defence (no message is built from it on purpose).
class Reporter {
 public:
  Reporter(DiagnosticSink& sink, const MonitoringConfig& monitoring, MonitoringResult& result)
      : sink_(sink), monitoring_(monitoring), result_(result) {}

  void set_token(std::string token) { guard_ = TokenGuard(std::move(token)); }
  const TokenGuard& guard() const { return guard_; }
  bool fatal_failures() const {
    return monitoring_.on_error == MonitoringOnError::fail || sink_.strict();
  }

  // A failed fetch: a warning, or an error that makes the build exit 3.
  void fetch_failed(const std::string& message) {
    result_.fetch_failed = true;
    if (fatal_failures()) {
      result_.fatal = true;
      ++result_.fatal_errors;
      sink_.error(monitoring_.source_location, redact(message));
    } else {
      sink_.warning(monitoring_.source_location, redact(message));
    }
  }
  void warning(const SourceLocation& location, const std::string& message) {
    sink_.warning(location, redact(message));
  }
  void strict_warning(const SourceLocation& location, const std::string& message) {
    sink_.strict_warning(location, redact(message));
  }

 private:
  std::string redact(const std::string& message) const { return guard_.redact(message); }

  DiagnosticSink& sink_;
  const MonitoringConfig& monitoring_;
  MonitoringResult& result_;
  TokenGuard guard_;
};

// Why a response (or a cached one) must not be used because it carries the token in any
// spelling, or "" when it is clean: the body as bytes, its headers, and every string of the
// parsed JSON (where `\/` and `\u` escapes are decoded).
std::string token_problem(const TokenGuard& guard, std::string_view body, const json* parsed,
                          const std::string& etag, const std::string& last_modified) {
  if (guard.empty()) return {};
  if (!guard.appears_in(body) && !guard.appears_in(etag) && !guard.appears_in(last_modified) &&
      (parsed == nullptr || !guard.appears_in_strings(*parsed)))
    return {};
  std::string problem = "contains the bearer token; refusing to store or show it";
  if (guard.token_size() < 8)
    problem += " (the token is only " + std::to_string(guard.token_size()) +
               " characters long, so it may also occur by chance; expected a longer token)";
  return problem;
}

// An item id as listed in a message, cut to kMaxQuotedValueBytes.
std::string listed_id(const std::string& id) {
  const std::string_view cut = truncate_utf8(id, kMaxQuotedValueBytes);
  return std::string(cut) + (cut.size() < id.size() ? "…" : "");
}

// When and how the data of one accept_document() call was received.
struct Receipt {
  std::int64_t time = 0;  // when it was fetched (a cache's fetched_at, a local file's mtime)
  // For the warning about a receipt time after "now": "the cached response in
  // .trustsite-cache/monitoring.json was fetched" / "the monitoring source "x" was modified".
  std::string what;
};

// Turns a parsed document into result.items: clamps check times to when the data was received,
// marks items older than max_age_hours as unknown, and adds Statuspage name aliases. Data
// received "after now" (a cache's fetched_at or a file's mtime in the future) says nothing
// about when it was really checked: every item is shown as unknown, without a check time.
void accept_document(StatusDocument document, const Receipt& receipt, std::int64_t now,
                     const MonitoringConfig& monitoring, const SourceLocation& data_location,
                     const std::string& source_text, Reporter& reporter, MonitoringResult& result) {
  for (const auto& warning : document.warnings)
    reporter.warning(data_location, "monitoring data from " + source_text + ": " + warning);
  const std::int64_t received_at = receipt.time;
  if (received_at > now + kAllowedClockSkewSeconds) {
    reporter.warning(
        monitoring.source_location,
        receipt.what + " at " + format_rfc3339_utc(received_at) + ", after the build time " +
            format_rfc3339_utc(now) +
            "; that time says nothing about when the data was really checked, so all " +
            std::to_string(document.items.size()) +
            " monitored items are shown as having no current result; expected a time in the "
            "past (check the clock of the machine that wrote it)");
    for (LiveStatus& item : document.items) {
      item.stale = true;
      item.status = "unknown";
      item.checked_at.clear();
      item.checked_at_unix = 0;
    }
  }
  const std::int64_t max_age = static_cast<std::int64_t>(monitoring.max_age_hours) * 3600;
  std::vector<std::string> stale;
  for (LiveStatus& item : document.items) {
    if (item.checked_at.empty()) continue;  // no trustworthy time: already unknown
    if (item.checked_at_unix > received_at + kAllowedClockSkewSeconds) {
      reporter.warning(data_location, "monitoring data from " + source_text + ": item " +
                                          json_quoted(item.id) + " says it was checked at " +
                                          item.checked_at + ", after the data was received (" +
                                          format_rfc3339_utc(received_at) +
                                          "); using the time it was received");
      item.checked_at_unix = received_at;
      item.checked_at = format_rfc3339_utc(received_at);
    }
    if (now - item.checked_at_unix > max_age) {
      item.stale = true;
      item.status = "unknown";
      stale.push_back(listed_id(item.id) + " (checked " + item.checked_at + ")");
    }
  }
  if (!stale.empty()) {
    std::string list;
    for (std::size_t i = 0; i < stale.size() && i < kMaxListedIds; ++i)
      list += (i == 0 ? "" : ", ") + stale[i];
    if (stale.size() > kMaxListedIds)
      list += " and " + std::to_string(stale.size() - kMaxListedIds) + " more";
    reporter.warning(monitoring.source_location,
                     std::to_string(stale.size()) + " monitored item" +
                         (stale.size() == 1 ? " is" : "s are") + " older than max_age_hours (" +
                         std::to_string(monitoring.max_age_hours) + ") at build time " +
                         format_rfc3339_utc(now) + " and shown as unknown: " + list +
                         "; expected data checked within the last " +
                         std::to_string(monitoring.max_age_hours) + " hours");
  }
  for (LiveStatus& item : document.items) result.items.emplace(item.id, item);
  for (const auto& [name, id] : document.aliases)
    if (auto it = result.items.find(id); it != result.items.end() && !result.items.contains(name))
      result.items.emplace(name, it->second);
  result.ambiguous_names.insert(document.ambiguous_names.begin(), document.ambiguous_names.end());
  result.have_data = true;
}

std::string cached_time_note(const CacheEntry& cache) {
  return "the cached response fetched at " + format_rfc3339_utc(cache.fetched_at);
}

void load_local_file(const SiteConfig& config, const MonitoringConfig& monitoring,
                     const MonitoringOptions& options, std::int64_t now, Reporter& reporter,
                     MonitoringResult& result) {
  const std::size_t max_bytes = options.max_response_bytes;
  fs::path path = config.site_dir / monitoring.source;
  // The file is named in site.yaml, so it may live anywhere; it must still be a regular file
  // of bounded size (a FIFO or /dev/zero never hangs the build).
  const DiskFileSystem files({});
  const ReadResult file = files.read(path, max_bytes);
  if (file.failure == ReadFailure::too_large) {
    reporter.fetch_failed("the monitoring source " + json_quoted(monitoring.source) +
                          " is larger than the " + std::to_string(max_bytes / (1024 * 1024)) +
                          " MiB size cap; expected a smaller status document");
    return;
  }
  if (!file.ok()) {
    const std::string problem =
        "cannot read the monitoring source " + json_quoted(monitoring.source) + ": it " +
        describe_read_failure(file, max_bytes) + "; expected a file relative to the site directory";
    // SPEC 6: --offline never fails on monitoring; a local file is still read, but a missing
    // one is only a warning then.
    if (options.offline)
      reporter.warning(monitoring.source_location,
                       problem + " (--offline: live badges are left out)");
    else
      reporter.fetch_failed(problem);
    return;
  }
  std::error_code ec;
  auto mtime = fs::last_write_time(path, ec);
  if (ec) {
    reporter.fetch_failed("cannot read the monitoring source " + json_quoted(monitoring.source) +
                          "; expected a readable file relative to the site directory");
    return;
  }
  using namespace std::chrono;
  std::int64_t modified =
      duration_cast<seconds>(file_clock::to_sys(mtime).time_since_epoch()).count();
  // Formats without check times use the file's mtime, clamped to SOURCE_DATE_EPOCH (as
  // reproducible-builds tools clamp mtimes): that gives reproducible output for a fresh checkout
  // and can only make the data look older, never fresher.
  std::int64_t fallback_time = modified;
  if (options.source_date_epoch && *options.source_date_epoch < fallback_time)
    fallback_time = *options.source_date_epoch;

  // Data problems point at the file itself when it is inside the site directory.
  fs::path relative = fs::path(monitoring.source).lexically_normal();
  SourceLocation data_location = monitoring.source_location;
  if (relative.is_relative() && !relative.empty() && *relative.begin() != "..")
    data_location = SourceLocation{relative.generic_string(), 0, 0};
  try {
    StatusDocument document = parse_status_document(file.text, monitoring.format, fallback_time);
    result.fetched_at_unix = fallback_time;
    accept_document(std::move(document),
                    {modified, "the monitoring source " + json_quoted(monitoring.source) +
                                   " was last modified"},
                    now, monitoring, data_location, json_quoted(monitoring.source), reporter,
                    result);
  } catch (const StatusFormatError& e) {
    reporter.fetch_failed("the monitoring source " + json_quoted(monitoring.source) +
                          " is not valid " + format_name(monitoring.format) + " data: " + e.what());
  }
}

// Uses the cached body (after a failure, a 304 or --offline). Returns false if it does not parse
// or carries the token (a cache written before trustsite checked the parsed strings).
bool use_cache(const CacheEntry& cache, std::int64_t now, const MonitoringConfig& monitoring,
               const std::string& source_text, Reporter& reporter, MonitoringResult& result) {
  try {
    const json parsed = parse_status_json(cache.body);
    if (const std::string problem =
            token_problem(reporter.guard(), cache.body, &parsed, cache.etag, cache.last_modified);
        !problem.empty()) {
      reporter.warning(monitoring.source_location, "the cached response in " +
                                                       std::string(kCacheDir) + "/" + kCacheFile +
                                                       " " + problem + "; delete that file");
      return false;
    }
    StatusDocument document = read_status_document(parsed, monitoring.format, cache.fetched_at);
    result.from_cache = true;
    result.fetched_at_unix = cache.fetched_at;
    accept_document(std::move(document),
                    {cache.fetched_at, "the cached response in " + std::string(kCacheDir) + "/" +
                                           kCacheFile + " says it was fetched"},
                    now, monitoring, monitoring.source_location, source_text, reporter, result);
    return true;
  } catch (const StatusFormatError&) {
    return false;
  }
}

void load_url(const SiteConfig& config, const MonitoringConfig& monitoring,
              const MonitoringOptions& options, std::int64_t now, Reporter& reporter,
              MonitoringResult& result) {
  const std::string source_text = display_url(monitoring.source);

  HttpRequest request;
  request.url = monitoring.source;
  request.timeout = std::chrono::seconds(monitoring.timeout_seconds);
  request.max_body_bytes = options.max_response_bytes;
  // The token is known before anything is read, so that no cached or fetched text carrying it
  // is used (also with --offline).
  if (!monitoring.token_env.empty() && options.token && !options.token->empty()) {
    request.bearer_token = *options.token;
    reporter.set_token(request.bearer_token);
  }

  CacheRead cache_read = read_cache(config.site_dir, max_cache_bytes(options.max_response_bytes));
  if (!cache_read.problem.empty())
    reporter.warning(monitoring.source_location,
                     "the monitoring cache is not used: " + cache_read.problem);
  std::optional<CacheEntry> cache;
  // Another source's or format's data never stands in for this one.
  if (cache_read.entry && cache_read.entry->source == monitoring.source &&
      cache_read.entry->format == format_name(monitoring.format))
    cache = std::move(cache_read.entry);

  if (options.offline) {
    if (!cache || !use_cache(*cache, now, monitoring, source_text, reporter, result))
      reporter.warning(monitoring.source_location,
                       "--offline and no cached monitoring data for " + source_text + " in " +
                           std::string(kCacheDir) + "/" + kCacheFile +
                           "; live badges are left out (run a build without --offline to fetch)");
    return;
  }

  if (!monitoring.token_env.empty() && request.bearer_token.empty())
    reporter.strict_warning(monitoring.source_location,
                            "the environment variable " + monitoring.token_env +
                                " named by `token_env` is not set or empty; the request goes out "
                                "without a token");

  auto fall_back = [&](const std::string& failure) {
    if (cache && use_cache(*cache, now, monitoring, source_text, reporter, result))
      reporter.fetch_failed(failure + "; using " + cached_time_note(*cache) +
                            " (badges show when each item was really checked)");
    else
      reporter.fetch_failed(failure + "; no cached response, so live badges are left out");
  };

  for (unsigned char c : request.bearer_token)
    if (c < 0x20 || c == 0x7f) {
      fall_back("the token in " + monitoring.token_env +
                " contains control characters (a trailing newline?); expected a single-line token");
      return;
    }

  if (cache) {
    request.if_none_match = cache->etag;
    request.if_modified_since = cache->last_modified;
  }
  HttpResponse response;
  try {
    response = http_get(request);
  } catch (const HttpError& e) {
    fall_back(e.what());
    return;
  }

  if (response.status == 304) {
    if (!cache) {
      fall_back("HTTP 304 from " + source_text + " but there is no cached response to reuse");
      return;
    }
    // Not modified: the server vouches for the cached body as of now.
    cache->fetched_at = now;
    if (!use_cache(*cache, now, monitoring, source_text, reporter, result)) {
      reporter.fetch_failed("the cached response for " + source_text + " is not valid " +
                            format_name(monitoring.format) + " data; delete " + kCacheDir + "/" +
                            kCacheFile);
      return;
    }
    if (options.write_cache)
      if (auto error = write_cache(config.site_dir, *cache); !error.empty())
        reporter.warning(monitoring.source_location,
                         "cannot update the monitoring cache: " + error);
    return;
  }

  // The token in the raw bytes or a header: refused before parsing.
  if (const std::string problem = token_problem(reporter.guard(), response.body, nullptr,
                                                response.etag, response.last_modified);
      !problem.empty()) {
    fall_back("the response from " + source_text + " " + problem);
    return;
  }
  StatusDocument document;
  try {
    const json parsed = parse_status_json(response.body);
    // Escaped in the JSON ("s3cr3t\/Tok", "\u0073..."): only the parsed strings show it.
    if (const std::string problem = token_problem(reporter.guard(), response.body, &parsed, {}, {});
        !problem.empty()) {
      fall_back("the response from " + source_text + " " + problem);
      return;
    }
    document = read_status_document(parsed, monitoring.format, now);
  } catch (const StatusFormatError& e) {
    fall_back("the response from " + source_text + " is not valid " +
              format_name(monitoring.format) + " data: " + e.what());
    return;
  }
  result.fetched_at_unix = now;
  accept_document(std::move(document), {now, "the response was received"}, now, monitoring,
                  monitoring.source_location, source_text, reporter, result);
  CacheEntry fresh{monitoring.source, format_name(monitoring.format), now,
                   response.etag,     response.last_modified,         std::move(response.body)};
  if (options.write_cache)
    if (auto error = write_cache(config.site_dir, fresh); !error.empty())
      reporter.warning(monitoring.source_location, "cannot write the monitoring cache: " + error);
}

}  // namespace

void validate_monitoring_config(const MonitoringConfig& config, DiagnosticSink& sink) {
  ClassifiedSource source = classify_source(config.source);
  if (source.kind == SourceKind::invalid) sink.error(config.source_location, source.problem);
  if (config.timeout_seconds <= 0)
    sink.error(config.location, "`timeout_seconds` is " + std::to_string(config.timeout_seconds) +
                                    "; expected a positive number of seconds");
  if (config.max_age_hours <= 0)
    sink.error(config.location, "`max_age_hours` is " + std::to_string(config.max_age_hours) +
                                    "; expected a positive number of hours");
}

MonitoringResult load_live_statuses(const SiteConfig& config, const MonitoringOptions& options,
                                    DiagnosticSink& sink) {
  MonitoringResult result;
  if (!config.monitoring) return result;
  result.configured = true;
  const MonitoringConfig& monitoring = *config.monitoring;

  // Never contact anything the rules forbid, even if the caller skipped validation.
  DiagnosticSink config_errors;
  validate_monitoring_config(monitoring, config_errors);
  if (config_errors.has_errors()) {
    for (const Diagnostic& diagnostic : config_errors.sorted()) sink.report(diagnostic);
    return result;
  }

  Reporter reporter(sink, monitoring, result);
  const std::int64_t now = options.now_unix;
  if (classify_source(monitoring.source).kind == SourceKind::local_file)
    load_local_file(config, monitoring, options, now, reporter, result);
  else
    load_url(config, monitoring, options, now, reporter, result);
  return result;
}

}  // namespace trustsite
