// Live statuses (SPEC 6): formats, transport rules and cache, against real HTTP servers on
// 127.0.0.1 (cpp-httplib on ephemeral ports). Every scenario also checks that the bearer token
// appears in no diagnostic and no file written.
#include <doctest/doctest.h>

#include <httplib.h>
#include "test_util.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "content.h"
#include "date.h"
#include "environment.h"
#include "http_client.h"
#include "monitoring.h"
#include "monitoring_cache.h"
#include "status_formats.h"
#include "token_guard.h"
#include "url.h"
#include "validate.h"

namespace fs = std::filesystem;
using namespace trustsite;

namespace {

constexpr const char* kTokenEnv = "TRUSTSITE_MONITORING_TEST_TOKEN";
constexpr const char* kToken = "tsk_live_Q7xv3LpW9mZ2-do-not-leak";
// 2026-03-01T12:00:00Z: a little after the fixtures' check times.
constexpr std::int64_t kNow = 1772366400;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string fixture(const std::string& name) {
  return read_text(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures" / "monitoring" / name);
}

// A site directory under the system temp dir, removed at the end.
struct TempSite {
  fs::path dir;
  TempSite() {
    std::random_device random;
    dir = fs::temp_directory_path() /
          ("trustsite-monitoring-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(dir);
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path cache_file() const { return dir / ".trustsite-cache" / "monitoring.json"; }
};

// An HTTP server on 127.0.0.1 at an ephemeral port, in its own thread; records the requests.
class TestServer {
 public:
  struct Seen {
    std::string path;
    std::string authorization;
    std::string user_agent;
    std::string accept;
    std::string if_none_match;
  };

  explicit TestServer(const std::function<void(httplib::Server&, TestServer&)>& routes) {
    // Recorded before routing, so a request is on record before its response goes out.
    server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
      std::lock_guard lock(mutex_);
      seen_.push_back({request.path, request.get_header_value("Authorization"),
                       request.get_header_value("User-Agent"), request.get_header_value("Accept"),
                       request.get_header_value("If-None-Match")});
      return httplib::Server::HandlerResponse::Unhandled;
    });
    routes(server_, *this);
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TestServer() { stop(); }
  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  int port() const { return port_; }
  std::string url(const std::string& path, const std::string& host = "127.0.0.1") const {
    return "http://" + host + ":" + std::to_string(port_) + path;
  }
  std::vector<Seen> seen() const {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  std::size_t request_count() const { return seen().size(); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<Seen> seen_;
};

// A TCP port that accepts connections into its backlog and never answers.
class SilentPort {
 public:
  SilentPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(fd_, 8) == 0);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~SilentPort() { ::close(fd_); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/status"; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

SiteConfig site_config(const fs::path& dir, const std::string& source,
                       MonitoringFormat format = MonitoringFormat::trustsite) {
  SiteConfig config;
  config.site_dir = dir;
  MonitoringConfig monitoring;
  monitoring.source = source;
  monitoring.format = format;
  monitoring.token_env = kTokenEnv;
  monitoring.timeout_seconds = 5;
  monitoring.max_age_hours = 168;
  monitoring.location = {"site.yaml", 20, 1};
  monitoring.source_location = {"site.yaml", 21, 11};
  config.monitoring = monitoring;
  return config;
}

// The options a build passes at `now`, with the token and SOURCE_DATE_EPOCH read from the
// environment as the build's edge reads them.
MonitoringOptions at(std::int64_t now) {
  const Environment environment = read_environment();
  MonitoringOptions options;
  options.now_unix = now;
  options.source_date_epoch = environment.source_date_epoch;
  options.token = environment.variable(kTokenEnv);
  return options;
}

std::string all_messages(const DiagnosticSink& sink) {
  return trustsite::testing::diagnostics_text(sink.sorted());
}

bool has_message(const DiagnosticSink& sink, Severity severity, const std::string& part) {
  for (const Diagnostic& diagnostic : sink.sorted())
    if (diagnostic.severity == severity && diagnostic.message.find(part) != std::string::npos)
      return true;
  return false;
}

// The token is in no diagnostic (text, GitHub and JSON forms), no file under `dir`, and no item.
void expect_no_token(const DiagnosticSink& sink, const fs::path& dir,
                     const MonitoringResult* result = nullptr) {
  for (const Diagnostic& diagnostic : sink.sorted()) {
    CHECK(format_text(diagnostic).find(kToken) == std::string::npos);
    CHECK(format_github(diagnostic).find(kToken) == std::string::npos);
    CHECK(to_json(diagnostic).dump().find(kToken) == std::string::npos);
  }
  if (fs::exists(dir))
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file()) {
        INFO("file: " << entry.path());
        CHECK(read_text(entry.path()).find(kToken) == std::string::npos);
      }
  if (result != nullptr)
    for (const auto& [key, item] : result->items)
      CHECK(item.detail.find(kToken) == std::string::npos);
}

// A response that held the bearer token was refused: the fetch failed, there is no data, a
// warning says why, and nothing was written to the cache (SPEC 6: the token is never printed).
void expect_token_refused(const MonitoringResult& result, const DiagnosticSink& sink,
                          const TempSite& site) {
  CHECK(result.fetch_failed);
  CHECK_FALSE(result.have_data);
  CHECK(has_message(sink, Severity::warning,
                    "contains the bearer token; refusing to store or show it"));
  CHECK_FALSE(fs::exists(site.cache_file()));
}

// Sets the token variable for one test case and unsets it afterwards.
struct TokenInEnvironment {
  TokenInEnvironment() { ::setenv(kTokenEnv, kToken, 1); }
  ~TokenInEnvironment() { ::unsetenv(kTokenEnv); }
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void serve(httplib::Server& server, const std::string& path, std::string body,
           std::string etag = {}) {
  server.Get(path, [body, etag](const httplib::Request& request, httplib::Response& response) {
    if (!etag.empty()) {
      if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        response.set_header("ETag", etag);
        return;
      }
      response.set_header("ETag", etag);
    }
    response.set_content(body, "application/json");
  });
}

Content content_with_monitors(const std::vector<std::pair<std::string, std::string>>& monitors) {
  Content content;
  Category category;
  category.id = "identity";
  int line = 5;
  for (const auto& [id, monitor] : monitors) {
    Control control;
    control.id = id;
    control.monitor = monitor;
    control.location = {"content/controls/identity.yaml", line, 5};
    control.monitor_location = {"content/controls/identity.yaml", line + 4, 14};
    category.controls.push_back(control);
    line += 10;
  }
  content.categories.push_back(category);
  return content;
}

}  // namespace

TEST_CASE("monitoring: RFC 3339 timestamps with offsets and fractional seconds") {
  CHECK(parse_rfc3339("2026-03-01T08:15:00Z") == 1772352900);
  CHECK(parse_rfc3339("2026-03-01t08:15:00z") == 1772352900);
  CHECK(parse_rfc3339("2026-03-01T09:15:00+01:00") == 1772352900);
  CHECK(parse_rfc3339("2026-03-01T03:15:00.999999999-05:00") == 1772352900);
  CHECK(parse_rfc3339("2026-03-01T08:15:00.5Z") == 1772352900);
  CHECK(parse_rfc3339("2016-12-31T23:59:60Z") == parse_rfc3339("2016-12-31T23:59:59Z"));
  CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  for (const char* bad :
       {"2026-03-01", "2026-03-01T08:15:00", "2026-03-01 08:15:00Z", "2026-02-30T08:15:00Z",
        "2026-03-01T24:00:00Z", "2026-03-01T08:15:00.Z", "2026-03-01T08:15:00+0100",
        "2026-03-01T08:15:00+01:00x", "26-03-01T08:15:00Z", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_rfc3339(bad).has_value());
  }
  CHECK(format_rfc3339_utc(1772352900) == "2026-03-01T08:15:00Z");
  CHECK(format_rfc3339_utc(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("monitoring: loopback hosts and URL display") {
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("LOCALHOST"));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.200.3.4"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("128.0.0.1"));
  CHECK_FALSE(is_loopback_host("192.0.2.1"));
  CHECK_FALSE(is_loopback_host("localhost.example"));
  CHECK_FALSE(is_loopback_host("::2"));
  CHECK(display_url("https://user:pw@status.example:8443/api/v2/summary.json?key=s3cret#x") ==
        "https://status.example:8443/api/v2/summary.json");
}

TEST_CASE("monitoring: validate_monitoring_config accepts https, loopback http and local paths") {
  for (const char* source :
       {"https://status.nordlys.example/api/v2/components.json", "http://localhost:8080/status",
        "http://127.0.0.1/status", "http://127.9.9.9:1/x",
        "http://[::1]:8080/api/v1/endpoints/statuses", "HTTPS://status.example/",
        "monitoring/status.json", "../shared/status.json"}) {
    INFO(source);
    DiagnosticSink sink;
    validate_monitoring_config(*site_config("/site", source).monitoring, sink);
    CHECK(sink.sorted().empty());
  }
}

TEST_CASE("monitoring: validate_monitoring_config rejects other sources at the source position") {
  struct Case {
    const char* source;
    const char* found;
  };
  for (const Case& c : {Case{"ftp://status.example/status.json", "\"ftp:\" scheme"},
                        Case{"file:///etc/passwd", "\"file:\" scheme"},
                        Case{"http://status.nordlys.example/status.json", "not a loopback host"},
                        Case{"http://192.0.2.1/status", "\"192.0.2.1\""},
                        Case{"https://user:pw@status.example/", "credentials in the URL"},
                        Case{"://status.example", "neither a URL nor a path"}, Case{"", "is empty"},
                        Case{"https://", "not a valid URL"}}) {
    INFO(c.source);
    DiagnosticSink sink;
    validate_monitoring_config(*site_config("/site", c.source).monitoring, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::error);
    CHECK(diagnostics[0].location.line == 21);
    CHECK(diagnostics[0].location.column == 11);
    CHECK(diagnostics[0].message.find(c.found) != std::string::npos);
    CHECK(diagnostics[0].message.find("expected") != std::string::npos);
    CHECK(diagnostics[0].message.find("pw") == std::string::npos);
  }
}

TEST_CASE("monitoring: validate_monitoring_config requires positive timeout and max age") {
  auto config = site_config("/site", "https://status.example/");
  config.monitoring->timeout_seconds = 0;
  config.monitoring->max_age_hours = -1;
  DiagnosticSink sink;
  validate_monitoring_config(*config.monitoring, sink);
  CHECK(sink.error_count() == 2);
  CHECK(has_message(sink, Severity::error, "`timeout_seconds` is 0; expected a positive"));
  CHECK(has_message(sink, Severity::error, "`max_age_hours` is -1; expected a positive"));
}

TEST_CASE("monitoring: trustsite format over HTTP 200 with headers, token and cache") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [](const httplib::Request&, httplib::Response& response) {
      response.set_header("ETag", "\"v1\"");
      response.set_header("Last-Modified", "Sun, 01 Mar 2026 08:30:00 GMT");
      response.set_content(fixture("trustsite.json"), "application/json");
    });
  });
  auto config = site_config(site.dir, server.url("/status.json"));
  DiagnosticSink sink;
  MonitoringResult result = load_live_statuses(config, at(kNow), sink);

  CHECK(sink.sorted().empty());
  CHECK(result.configured);
  CHECK(result.have_data);
  CHECK_FALSE(result.fetch_failed);
  CHECK_FALSE(result.from_cache);
  REQUIRE(result.items.size() == 4);
  const LiveStatus* mfa = result.find("mfa-enforcement");
  REQUIRE(mfa != nullptr);
  CHECK(mfa->status == "passing");
  CHECK(mfa->checked_at == "2026-03-01T08:15:00Z");
  CHECK(mfa->detail == "All 214 workforce accounts require phishing-resistant MFA");
  CHECK(result.find("tls-configuration")->status == "warning");
  CHECK(result.find("tls-configuration")->checked_at == "2026-03-01T08:10:00Z");
  CHECK(result.find("db-encryption")->checked_at == "2026-03-01T08:30:00Z");  // generated_at
  CHECK(result.find("backup-restore-test")->status == "failing");
  CHECK(result.find("backup-restore-test")->checked_at == "2026-03-01T04:00:00Z");
  CHECK(result.find("backup-restore-test")->detail.empty());

  auto seen = server.seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].authorization == std::string("Bearer ") + kToken);  // loopback: token allowed
  CHECK(seen[0].user_agent == std::string("trustsite/") + TRUSTSITE_VERSION);
  CHECK(seen[0].accept == "application/json");

  auto cache = nlohmann::json::parse(read_text(site.cache_file()));
  CHECK(cache["schema"] == "trustsite-cache/v1");
  CHECK(cache["source"] == config.monitoring->source);
  CHECK(cache["format"] == "trustsite");
  CHECK(cache["etag"] == "\"v1\"");
  CHECK(cache["last_modified"] == "Sun, 01 Mar 2026 08:30:00 GMT");
  CHECK(cache["fetched_at"] == "2026-03-01T12:00:00Z");
  CHECK(cache["body"] == fixture("trustsite.json"));
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: with write_cache off (trustsite check) nothing is written to the site") {
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fixture("trustsite.json"), "application/json");
    });
  });
  auto config = site_config(site.dir, server.url("/status.json"));
  MonitoringOptions options = at(kNow);
  options.write_cache = false;
  DiagnosticSink sink;
  MonitoringResult result = load_live_statuses(config, options, sink);
  CHECK(result.have_data);
  CHECK(result.find("mfa-enforcement") != nullptr);
  CHECK_FALSE(fs::exists(site.cache_file()));
  CHECK_FALSE(fs::exists(site.dir / ".trustsite-cache"));
}

TEST_CASE("monitoring: 304 with the cached ETag reuses the body with a new check time") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    serve(s, "/api/v2/components.json", fixture("statuspage-components.json"), "\"abc123\"");
  });
  auto config =
      site_config(site.dir, server.url("/api/v2/components.json"), MonitoringFormat::statuspage);
  DiagnosticSink first_sink;
  auto first = load_live_statuses(config, at(kNow), first_sink);
  REQUIRE(first.have_data);
  CHECK(first.find("b13yz5g2cw10")->checked_at == "2026-03-01T12:00:00Z");

  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow + 3600), sink);
  CHECK(sink.sorted().empty());
  CHECK(result.have_data);
  CHECK(result.from_cache);
  CHECK_FALSE(result.fetch_failed);
  // Statuspage has no check times: the 304 vouches for the body as of this fetch.
  CHECK(result.find("b13yz5g2cw10")->checked_at == "2026-03-01T13:00:00Z");
  auto seen = server.seen();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].if_none_match.empty());
  CHECK(seen[1].if_none_match == "\"abc123\"");
  auto cache = nlohmann::json::parse(read_text(site.cache_file()));
  CHECK(cache["fetched_at"] == "2026-03-01T13:00:00Z");
  CHECK(cache["body"] == fixture("statuspage-components.json"));
  expect_no_token(first_sink, site.dir);
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: Statuspage components.json maps statuses and matches names") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    serve(s, "/api/v2/components.json", fixture("statuspage-components.json"));
  });
  auto config =
      site_config(site.dir, server.url("/api/v2/components.json"), MonitoringFormat::statuspage);
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow), sink);
  CHECK(sink.sorted().empty());
  REQUIRE(result.have_data);
  CHECK(result.find("b13yz5g2cw10")->status == "operational");
  CHECK(result.find("b13yz5g2cw10")->detail == "Public REST API");
  CHECK(result.find("9n1fwn8v0q2y")->status == "degraded");
  CHECK(result.find("p4sz0cl1tcm3")->status == "maintenance");
  // The component's name matches too, and resolves to the same component.
  REQUIRE(result.find("Payroll exports") != nullptr);
  CHECK(result.find("Payroll exports")->id == "9n1fwn8v0q2y");
  CHECK(result.find("API")->status == "operational");
  // updated_at is when the status changed, not when it was checked: the fetch time is used.
  CHECK(result.find("9n1fwn8v0q2y")->checked_at == "2026-03-01T12:00:00Z");
}

TEST_CASE("monitoring: an unset token_env is a warning (error with --strict), no token is sent") {
  ::unsetenv(kTokenEnv);
  for (bool strict : {false, true}) {
    TempSite site;
    TestServer server([](httplib::Server& s, TestServer&) {
      serve(s, "/status.json", fixture("trustsite.json"));
    });
    DiagnosticSink sink(strict);
    auto result =
        load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
    CHECK(result.have_data);
    CHECK(has_message(sink, strict ? Severity::error : Severity::warning,
                      std::string("the environment variable ") + kTokenEnv +
                          " named by `token_env` is not set or empty"));
    CHECK(result.fatal_errors == 0);  // a configuration problem (exit 1), not a failed fetch
    REQUIRE(server.seen().size() == 1);
    CHECK(server.seen()[0].authorization.empty());
  }
}

TEST_CASE("monitoring: Statuspage summary.json with component groups") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    serve(s, "/api/v2/summary.json", fixture("statuspage-summary.json"));
  });
  auto config =
      site_config(site.dir, server.url("/api/v2/summary.json"), MonitoringFormat::statuspage);
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow), sink);
  REQUIRE(result.have_data);
  CHECK(result.find("grp1eu000001")->status == "partial_outage");  // the group itself
  CHECK(result.find("EU infrastructure")->id == "grp1eu000001");
  CHECK(result.find("db00000000a1")->status == "operational");  // a member of the group
  CHECK(result.find("q000000000b2")->status == "major_outage");
  CHECK(result.find("Queue")->id == "q000000000b2");
  // "Database" names two components: it matches neither.
  CHECK(result.find("Database") == nullptr);
  CHECK(result.ambiguous_names.contains("Database"));
  // "investigating" is no component status.
  CHECK(result.find("sso000000001")->status == "unknown");
  CHECK(has_message(sink, Severity::warning,
                    "item \"sso000000001\": unknown status \"investigating\", shown as unknown; "
                    "expected one of: operational, degraded_performance, partial_outage, "
                    "major_outage, under_maintenance"));

  auto content = content_with_monitors({{"database-encryption", "Database"}, {"queue", "Queue"}});
  DiagnosticSink references;
  resolve_monitor_references(content, result, references);
  auto diagnostics = references.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message.find("control \"database-encryption\": monitor \"Database\" is the "
                                    "name of several components") != std::string::npos);
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: Gatus picks the latest result by timestamp, not by array order") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    serve(s, "/api/v1/endpoints/statuses", fixture("gatus-statuses.json"));
  });
  auto config =
      site_config(site.dir, server.url("/api/v1/endpoints/statuses"), MonitoringFormat::gatus);
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow), sink);
  CHECK(sink.sorted().empty());
  REQUIRE(result.items.size() == 3);
  const LiveStatus* api = result.find("core_api");
  REQUIRE(api != nullptr);
  CHECK(api->status == "major_outage");  // the 09:20+01:00 result, in the middle of the array
  CHECK(api->checked_at == "2026-03-01T08:20:00Z");
  const LiveStatus* tls = result.find("edge_tls-certificate");
  REQUIRE(tls != nullptr);
  CHECK(tls->status == "major_outage");
  CHECK(tls->checked_at == "2026-03-01T08:12:00Z");
  CHECK(tls->detail == "certificate expires in 200h");
  CHECK(result.find("_new-endpoint")->status == "unknown");
  CHECK(result.find("api") == nullptr);  // the key is the id, not the name

  // The same data with the latest result a success.
  auto data = nlohmann::json::parse(fixture("gatus-statuses.json"));
  data[0]["results"][0]["timestamp"] = "2026-03-01T10:00:00Z";
  auto status = parse_status_document(data.dump(), MonitoringFormat::gatus, kNow);
  CHECK(status.items[0].status == "operational");
  CHECK(status.items[0].checked_at == "2026-03-01T10:00:00Z");
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: unknown statuses become unknown with a warning listing the allowed values") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    serve(s, "/status.json", fixture("trustsite-unknown-status.json"));
  });
  DiagnosticSink sink;
  auto result =
      load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
  REQUIRE(result.have_data);
  CHECK(result.find("mfa-enforcement")->status == "unknown");
  CHECK(result.find("db-encryption")->status == "passing");
  CHECK(
      has_message(sink, Severity::warning,
                  "item \"mfa-enforcement\": unknown status \"green\", shown as unknown; expected "
                  "one of: passing, failing, warning, not_applicable, unknown, operational, "
                  "degraded, partial_outage, major_outage, maintenance"));
  CHECK(sink.error_count() == 0);
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE(
    "monitoring: HTTP 404 is a failed fetch: warning, or error and fatal with on_error fail") {
  TokenInEnvironment token;
  for (auto mode : {0, 1, 2}) {  // warn, on_error: fail, --strict
    TempSite site;
    TestServer server([](httplib::Server&, TestServer&) {});
    auto config = site_config(site.dir, server.url("/missing.json"));
    if (mode == 1) config.monitoring->on_error = MonitoringOnError::fail;
    DiagnosticSink sink(mode == 2);
    auto result = load_live_statuses(config, at(kNow), sink);
    CHECK(result.fetch_failed);
    CHECK_FALSE(result.have_data);
    CHECK(result.fatal == (mode != 0));
    CHECK(result.fatal_errors == (mode != 0 ? 1u : 0u));
    CHECK(has_message(sink, mode == 0 ? Severity::warning : Severity::error,
                      "HTTP 404 from http://127.0.0.1:" + std::to_string(server.port()) +
                          "/missing.json; expected 200; no cached response, so live badges are "
                          "left out"));
    CHECK(server.request_count() == 1);  // 404 is not retried
    CHECK_FALSE(fs::exists(site.cache_file()));
    expect_no_token(sink, site.dir, &result);
  }
}

namespace {

// The server fails the first request with `status` and a Retry-After of `retry_after` seconds,
// then serves the fixture: the one retry (SPEC 5) waits that long and gets the data, with no
// diagnostic and no trace of the token.
void expect_success_on_retry(int status, int retry_after) {
  TokenInEnvironment token;
  TempSite site;
  std::atomic<int> calls{0};
  TestServer server([&](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [&](const httplib::Request&, httplib::Response& response) {
      if (calls++ == 0) {
        response.status = status;
        response.set_header("Retry-After", std::to_string(retry_after));
        return;
      }
      response.set_content(fixture("trustsite.json"), "application/json");
    });
  });
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  auto result =
      load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
  CHECK(seconds_since(start) >= retry_after);
  CHECK(sink.sorted().empty());
  CHECK(result.have_data);
  CHECK_FALSE(result.fetch_failed);
  CHECK(calls == 2);
  expect_no_token(sink, site.dir, &result);
}

}  // namespace

TEST_CASE("monitoring: HTTP 500 then success on the one retry") {
  expect_success_on_retry(500, 0);
}

TEST_CASE("monitoring: 503 twice fails after exactly one retry") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/status.json",
          [](const httplib::Request&, httplib::Response& response) { response.status = 503; });
  });
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  auto result =
      load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
  CHECK(seconds_since(start) >= 0.9);  // no Retry-After: wait 1 s
  CHECK(result.fetch_failed);
  CHECK(server.request_count() == 2);
  CHECK(has_message(sink, Severity::warning, "HTTP 503 from"));
  CHECK(has_message(sink, Severity::warning, "(also after one retry)"));
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: 429 honours Retry-After within the budget") {
  expect_success_on_retry(429, 1);
}

TEST_CASE("monitoring: a Retry-After beyond the budget fails at once without a second request") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [](const httplib::Request&, httplib::Response& response) {
      response.status = 429;
      response.set_header("Retry-After", "30");
    });
  });
  auto config = site_config(site.dir, server.url("/status.json"));
  config.monitoring->timeout_seconds = 2;
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow), sink);
  CHECK(seconds_since(start) < 1.0);
  CHECK(result.fetch_failed);
  CHECK(server.request_count() == 1);
  CHECK(has_message(sink, Severity::warning, "HTTP 429 from"));
  CHECK(has_message(sink, Severity::warning, "the retry after 30 s does not fit"));
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: a server that never answers is bounded by timeout_seconds") {
  TokenInEnvironment token;
  TempSite site;
  SilentPort silent;
  auto config = site_config(site.dir, silent.url());
  config.monitoring->timeout_seconds = 1;
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow), sink);
  double elapsed = seconds_since(start);
  CHECK(elapsed >= 0.9);
  CHECK(elapsed < 2.0);
  CHECK(result.fetch_failed);
  CHECK_FALSE(result.have_data);
  CHECK(has_message(sink, Severity::warning, "no complete response from"));
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: a body larger than the 5 MiB cap fails while streaming") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    // Chunked, so no Content-Length warns ahead: the cap must hold in the write callback.
    s.Get("/chunked.json", [](const httplib::Request&, httplib::Response& response) {
      auto sent = std::make_shared<std::size_t>(0);
      response.set_chunked_content_provider("application/json",
                                            [sent](std::size_t, httplib::DataSink& sink) {
                                              static const std::string chunk(64 * 1024, ' ');
                                              if (*sent >= 8u * 1024 * 1024) {
                                                sink.done();
                                                return true;
                                              }
                                              *sent += chunk.size();
                                              return sink.write(chunk.data(), chunk.size());
                                            });
    });
    s.Get("/sized.json", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(kMaxMonitoringResponseBytes + 1, ' '), "application/json");
    });
  });
  // 5 MiB through libcurl and the JSON parser: the default 5 s budget is too tight for a
  // sanitizer build on a loaded machine, and the time is not what this test is about.
  auto roomy = [&](const std::string& url) {
    auto config = site_config(site.dir, url);
    config.monitoring->timeout_seconds = 60;
    return config;
  };
  for (const char* path : {"/chunked.json", "/sized.json"}) {
    INFO(path);
    DiagnosticSink sink;
    auto result = load_live_statuses(roomy(server.url(path)), at(kNow), sink);
    CHECK(result.fetch_failed);
    CHECK_FALSE(result.have_data);
    CHECK(has_message(sink, Severity::warning, "is larger than the 5 MiB size cap"));
    expect_no_token(sink, site.dir, &result);
  }
  // Exactly at the cap is fine (as far as the transport goes).
  std::string body = fixture("trustsite.json");
  body.resize(kMaxMonitoringResponseBytes, ' ');
  TestServer exact([&](httplib::Server& s, TestServer&) { serve(s, "/exact.json", body); });
  DiagnosticSink sink;
  auto result = load_live_statuses(roomy(exact.url("/exact.json")), at(kNow), sink);
  CHECK(result.have_data);
}

TEST_CASE("monitoring: malformed JSON and JSON of the wrong shape are failed fetches") {
  TokenInEnvironment token;
  struct Case {
    const char* body;
    MonitoringFormat format;
    const char* message;
  };
  for (const Case& c : {
           Case{"{\"schema\": \"trustsite-status/v1\", \"items\": [", MonitoringFormat::trustsite,
                "is not valid trustsite data: malformed JSON (parse error at byte"},
           Case{"<!DOCTYPE html><html>Sign in</html>", MonitoringFormat::trustsite,
                "the response looks like HTML or XML, not JSON"},
           Case{"", MonitoringFormat::gatus, "empty response body; expected JSON"},
           Case{"{\"schema\": \"trustsite-status/v2\", \"generated_at\": \"2026-03-01T08:00:00Z\", "
                "\"items\": []}",
                MonitoringFormat::trustsite,
                "\"schema\" is \"trustsite-status/v2\", expected \"trustsite-status/v1\""},
           Case{"{\"schema\": \"trustsite-status/v1\", \"generated_at\": \"2026-03-01T08:00:00Z\", "
                "\"items\": {}}",
                MonitoringFormat::trustsite, "\"items\" is object, expected an array"},
           Case{"{\"schema\": \"trustsite-status/v1\", \"generated_at\": \"yesterday\", \"items\": "
                "[]}",
                MonitoringFormat::trustsite,
                "generated_at is \"yesterday\", expected an RFC 3339 date-time"},
           Case{"{\"schema\": \"trustsite-status/v1\", \"generated_at\": \"2026-03-01T08:00:00Z\", "
                "\"items\": [{\"status\": \"passing\"}]}",
                MonitoringFormat::trustsite, "items[0].id is missing, expected a non-empty string"},
           Case{"{\"components\": {}}", MonitoringFormat::statuspage,
                "expected Statuspage v2 components.json or summary.json"},
           Case{"{\"page\": {}}", MonitoringFormat::gatus,
                "the document is object, expected the array of endpoint statuses"},
           Case{"[{\"key\": \"core_api\", \"results\": [{\"success\": \"yes\", \"timestamp\": "
                "\"2026-03-01T08:00:00Z\"}]}]",
                MonitoringFormat::gatus,
                "[0].results[0].success is string, expected true or false"},
       }) {
    INFO(c.message);
    TempSite site;
    std::string body = c.body;
    TestServer server([&](httplib::Server& s, TestServer&) { serve(s, "/data", body); });
    DiagnosticSink sink;
    auto result =
        load_live_statuses(site_config(site.dir, server.url("/data"), c.format), at(kNow), sink);
    CHECK(result.fetch_failed);
    CHECK_FALSE(result.have_data);
    CHECK(has_message(sink, Severity::warning, c.message));
    CHECK_FALSE(fs::exists(site.cache_file()));  // only a good response is cached
    expect_no_token(sink, site.dir, &result);
  }
}

TEST_CASE("monitoring: a redirect on the same origin keeps the token, to another host drops it") {
  TokenInEnvironment token;
  TempSite site;
  TestServer other(
      [](httplib::Server& s, TestServer&) { serve(s, "/status.json", fixture("trustsite.json")); });
  TestServer origin([&](httplib::Server& s, TestServer&) {
    s.Get("/old", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/status.json", 301);
    });
    serve(s, "/status.json", fixture("trustsite.json"));
    s.Get("/moved", [&](const httplib::Request&, httplib::Response& response) {
      // Both are loopback, but "localhost" at another port is another host and origin.
      response.set_redirect(other.url("/status.json", "localhost"), 302);
    });
  });

  DiagnosticSink same_sink;
  auto same = load_live_statuses(site_config(site.dir, origin.url("/old")), at(kNow), same_sink);
  CHECK(same.have_data);
  auto seen = origin.seen();
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].path == "/status.json");
  CHECK(seen[1].authorization == std::string("Bearer ") + kToken);

  DiagnosticSink sink;
  auto result = load_live_statuses(site_config(site.dir, origin.url("/moved")), at(kNow), sink);
  CHECK(result.have_data);
  CHECK(sink.sorted().empty());
  REQUIRE(origin.seen().size() == 3);
  CHECK(origin.seen()[2].authorization == std::string("Bearer ") + kToken);
  auto other_seen = other.seen();
  REQUIRE(other_seen.size() == 1);
  CHECK(other_seen[0].authorization.empty());  // the token did not follow
  CHECK(other_seen[0].user_agent == std::string("trustsite/") + TRUSTSITE_VERSION);
  expect_no_token(same_sink, site.dir);
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: redirects to file:, to https from http, or more than 3 are refused") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/file", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("file:///etc/passwd", 302);
    });
    s.Get("/scheme", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("https://127.0.0.1/status.json", 307);
    });
    s.Get(R"(/hop/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
      int hop = std::stoi(request.matches[1]);
      if (hop == 0) {
        response.set_content(fixture("trustsite.json"), "application/json");
        return;
      }
      response.set_redirect("/hop/" + std::to_string(hop - 1), 302);
    });
  });
  struct Case {
    std::string path;
    std::string message;
  };
  for (const Case& c : {Case{"/file", "refusing the redirect from http://127.0.0.1:" +
                                          std::to_string(server.port()) +
                                          "/file to a file: URL; redirects must stay on http"},
                        Case{"/scheme", "to a https: URL; redirects must stay on http"},
                        Case{"/hop/4", "more than 3 redirects from"}}) {
    INFO(c.path);
    DiagnosticSink sink;
    auto result = load_live_statuses(site_config(site.dir, server.url(c.path)), at(kNow), sink);
    CHECK(result.fetch_failed);
    CHECK_FALSE(result.have_data);
    CHECK(has_message(sink, Severity::warning, c.message));
    CHECK(all_messages(sink).find("root:") == std::string::npos);  // nothing of /etc/passwd
    expect_no_token(sink, site.dir, &result);
  }
  DiagnosticSink sink;
  auto three = load_live_statuses(site_config(site.dir, server.url("/hop/3")), at(kNow), sink);
  CHECK(three.have_data);
}

TEST_CASE("monitoring: plain http to a non-loopback host is refused before any connection") {
  TokenInEnvironment token;
  TempSite site;
  // TEST-NET-1 (RFC 5737): unroutable, so a connection attempt would hang until the timeout.
  auto config = site_config(site.dir, "http://192.0.2.1/status.json");
  config.monitoring->timeout_seconds = 5;
  DiagnosticSink check_sink;
  validate_monitoring_config(*config.monitoring, check_sink);
  CHECK(check_sink.error_count() == 1);

  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow), sink);
  CHECK(seconds_since(start) < 0.5);
  CHECK_FALSE(result.have_data);
  CHECK(sink.error_count() == 1);
  CHECK(result.fatal_errors == 0);  // a configuration error: exit 1
  CHECK(has_message(sink, Severity::error,
                    "`source` is plain http to \"192.0.2.1\", which is not a loopback host"));
  CHECK_FALSE(fs::exists(site.dir / ".trustsite-cache"));
  expect_no_token(sink, site.dir, &result);

  // The transport refuses on its own too.
  HttpRequest request;
  request.url = "http://192.0.2.1/status.json";
  request.bearer_token = kToken;
  start = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH_AS(http_get(request),
                       "refusing to fetch http://192.0.2.1/status.json: plain http is allowed only "
                       "to loopback hosts; expected https",
                       HttpError);
  CHECK(seconds_since(start) < 0.5);
}

TEST_CASE("monitoring: cache fallback keeps the original check time, on_error fail is fatal") {
  TokenInEnvironment token;
  TempSite site;
  auto server = std::make_unique<TestServer>(
      [](httplib::Server& s, TestServer&) { serve(s, "/status.json", fixture("trustsite.json")); });
  auto config = site_config(site.dir, server->url("/status.json"));
  DiagnosticSink first_sink;
  REQUIRE(load_live_statuses(config, at(kNow), first_sink).have_data);
  server.reset();  // the monitoring API is down now

  for (bool fail : {false, true}) {
    config.monitoring->on_error = fail ? MonitoringOnError::fail : MonitoringOnError::warn;
    DiagnosticSink sink;
    auto result = load_live_statuses(config, at(kNow + 7200), sink);
    CHECK(result.have_data);
    CHECK(result.from_cache);
    CHECK(result.fetch_failed);
    CHECK(result.fatal == fail);
    CHECK(result.fetched_at_unix == kNow);
    CHECK(result.find("mfa-enforcement")->status == "passing");
    CHECK(result.find("mfa-enforcement")->checked_at == "2026-03-01T08:15:00Z");
    CHECK(has_message(sink, fail ? Severity::error : Severity::warning,
                      "; using the cached response fetched at 2026-03-01T12:00:00Z"));
    CHECK(has_message(sink, fail ? Severity::error : Severity::warning,
                      "/status.json failed: Failed to connect to 127.0.0.1 port"));
    CHECK(all_messages(sink).find(" ms:") == std::string::npos);  // no timings: stable text
    expect_no_token(sink, site.dir, &result);
  }
  expect_no_token(first_sink, site.dir);
}

TEST_CASE("monitoring: items older than max_age_hours show unknown with their real check time") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server(
      [](httplib::Server& s, TestServer&) { serve(s, "/status.json", fixture("trustsite.json")); });
  auto config = site_config(site.dir, server.url("/status.json"));
  config.monitoring->max_age_hours = 24;
  // 2026-03-02T08:20:00Z: mfa (08:15 the day before) is 24 h 5 min old, db-encryption 23 h 50 min.
  const std::int64_t now = 1772439600;
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(now), sink);
  REQUIRE(result.have_data);
  const LiveStatus* mfa = result.find("mfa-enforcement");
  CHECK(mfa->status == "unknown");
  CHECK(mfa->stale);
  CHECK(mfa->reported_status == "passing");
  CHECK(mfa->checked_at == "2026-03-01T08:15:00Z");
  CHECK(result.find("backup-restore-test")->status == "unknown");  // failing, but old: unknown too
  CHECK(result.find("db-encryption")->status == "passing");
  CHECK_FALSE(result.find("db-encryption")->stale);
  CHECK(has_message(sink, Severity::warning,
                    "3 monitored items are older than max_age_hours (24) at build time "
                    "2026-03-02T08:20:00Z and shown as unknown: mfa-enforcement (checked "
                    "2026-03-01T08:15:00Z)"));
  CHECK(sink.error_count() == 0);

  // The cache does not make it fresher: offline, a week later, everything is unknown.
  DiagnosticSink offline_sink;
  MonitoringOptions options = at(now + 7 * 86400);
  options.offline = true;
  auto offline = load_live_statuses(config, options, offline_sink);
  CHECK(offline.from_cache);
  for (const auto& [id, item] : offline.items) CHECK(item.status == "unknown");
  expect_no_token(sink, site.dir, &result);
  expect_no_token(offline_sink, site.dir, &offline);
}

TEST_CASE("monitoring: check times after the data was received are clamped") {
  TempSite site;
  std::string body = R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
    "items": [{"id": "mfa", "status": "passing", "checked_at": "2036-01-01T00:00:00Z"}]})";
  TestServer server([&](httplib::Server& s, TestServer&) { serve(s, "/status.json", body); });
  DiagnosticSink sink;
  auto result =
      load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
  CHECK(result.find("mfa")->checked_at == "2026-03-01T12:00:00Z");
  CHECK(has_message(sink, Severity::warning,
                    "item \"mfa\" says it was checked at 2036-01-01T00:00:00Z, after the data was "
                    "received"));
}

TEST_CASE("monitoring: --offline uses the cache without contacting the server, or nothing") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server(
      [](httplib::Server& s, TestServer&) { serve(s, "/status.json", fixture("trustsite.json")); });
  auto config = site_config(site.dir, server.url("/status.json"));
  config.monitoring->on_error = MonitoringOnError::fail;
  MonitoringOptions options = at(kNow);
  options.offline = true;

  DiagnosticSink empty_sink(true);
  auto empty = load_live_statuses(config, options, empty_sink);
  CHECK_FALSE(empty.have_data);
  CHECK_FALSE(empty.fetch_failed);
  CHECK_FALSE(empty.fatal);
  CHECK(empty_sink.error_count() == 0);
  CHECK(server.request_count() == 0);

  DiagnosticSink fetch_sink;
  REQUIRE(load_live_statuses(config, at(kNow), fetch_sink).have_data);
  DiagnosticSink sink(true);
  auto cached = load_live_statuses(config, options, sink);
  CHECK(cached.have_data);
  CHECK(cached.from_cache);
  CHECK(sink.sorted().empty());
  CHECK(server.request_count() == 1);

  // A cache of another source never stands in.
  auto moved = config;
  moved.monitoring->source = server.url("/other.json");
  DiagnosticSink moved_sink;
  CHECK_FALSE(load_live_statuses(moved, options, moved_sink).have_data);
  expect_no_token(sink, site.dir, &cached);
}

TEST_CASE("monitoring: a local file source is read relative to the site directory") {
  TempSite site;
  fs::create_directories(site.dir / "monitoring");
  {
    std::ofstream(site.dir / "monitoring" / "status.json") << fixture("trustsite.json");
    std::ofstream(site.dir / "monitoring" / "components.json")
        << fixture("statuspage-components.json");
  }
  // Modified before "now" (a file modified after it says nothing about when it was checked).
  fs::last_write_time(site.dir / "monitoring" / "status.json",
                      std::chrono::file_clock::from_sys(
                          std::chrono::sys_seconds{std::chrono::seconds{kNow - 600}}));
  DiagnosticSink sink;
  MonitoringOptions options = at(kNow);
  options.offline = true;  // reading a file is no fetch: --offline still reads it
  auto result = load_live_statuses(site_config(site.dir, "monitoring/status.json"), options, sink);
  CHECK(sink.sorted().empty());
  REQUIRE(result.have_data);
  CHECK(result.find("mfa-enforcement")->checked_at == "2026-03-01T08:15:00Z");
  CHECK_FALSE(fs::exists(site.dir / ".trustsite-cache"));  // the file is the input; nothing cached

  // Formats without check times use the file's mtime, clamped to SOURCE_DATE_EPOCH.
  auto components = site.dir / "monitoring" / "components.json";
  using namespace std::chrono;
  fs::last_write_time(components, file_clock::from_sys(sys_seconds{seconds{kNow - 600}}));
  auto config = site_config(site.dir, "monitoring/components.json", MonitoringFormat::statuspage);
  DiagnosticSink mtime_sink;
  auto by_mtime = load_live_statuses(config, at(kNow), mtime_sink);
  CHECK(by_mtime.find("API")->checked_at == "2026-03-01T11:50:00Z");
  DiagnosticSink epoch_sink;
  auto by_epoch = [&] {
    trustsite::testing::ScopedEnv epoch("SOURCE_DATE_EPOCH", std::to_string(kNow - 3600));
    return load_live_statuses(config, at(kNow), epoch_sink);
  }();
  CHECK(by_epoch.find("API")->checked_at == "2026-03-01T11:00:00Z");

  // A missing file is a failed fetch at the source position.
  DiagnosticSink missing_sink;
  auto missing =
      load_live_statuses(site_config(site.dir, "monitoring/nope.json"), at(kNow), missing_sink);
  CHECK(missing.fetch_failed);
  CHECK(has_message(missing_sink, Severity::warning,
                    "cannot read the monitoring source \"monitoring/nope.json\""));
  // Data warnings point at the file itself.
  std::ofstream(site.dir / "monitoring" / "unknown.json")
      << fixture("trustsite-unknown-status.json");
  fs::last_write_time(site.dir / "monitoring" / "unknown.json",
                      file_clock::from_sys(sys_seconds{seconds{kNow - 600}}));
  DiagnosticSink unknown_sink;
  load_live_statuses(site_config(site.dir, "monitoring/unknown.json"), at(kNow), unknown_sink);
  auto diagnostics = unknown_sink.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].location.file == "monitoring/unknown.json");
}

TEST_CASE("monitoring: a response that echoes the token is refused and never stored") {
  TokenInEnvironment token;
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [](const httplib::Request& request, httplib::Response& response) {
      std::string echoed = request.get_header_value("Authorization");
      response.set_content(
          R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
        "items": [{"id": "mfa", "status": "passing", "detail": ")" +
              echoed + R"("}]})",
          "application/json");
    });
  });
  DiagnosticSink sink;
  auto result =
      load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
  expect_token_refused(result, sink, site);
  expect_no_token(sink, site.dir, &result);
}

TEST_CASE("monitoring: resolve_monitor_references warns about monitors absent from the data") {
  MonitoringResult result;
  result.have_data = true;
  LiveStatus item;
  item.id = "mfa-enforcement";
  item.status = "passing";
  result.items.emplace(item.id, item);
  auto content = content_with_monitors(
      {{"mfa", "mfa-enforcement"}, {"sso", "sso-enforcment"}, {"hidden", ""}});
  auto typo = content_with_monitors({{"mfa", "mfa-enforcment"}});
  DiagnosticSink typo_sink;
  resolve_monitor_references(typo, result, typo_sink);
  REQUIRE(typo_sink.sorted().size() == 1);
  CHECK(typo_sink.sorted()[0].message ==
        "control \"mfa\": monitor \"mfa-enforcment\" is not in the monitoring data, so it shows no "
        "live badge; did you mean \"mfa-enforcement\"?");

  DiagnosticSink sink;
  resolve_monitor_references(content, result, sink);
  auto diagnostics = sink.sorted();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::warning);
  CHECK(diagnostics[0].location.file == "content/controls/identity.yaml");
  CHECK(diagnostics[0].location.line == 19);
  CHECK(diagnostics[0].location.column == 14);
  CHECK(diagnostics[0].message ==
        "control \"sso\": monitor \"sso-enforcment\" is not in the monitoring data, so it shows no "
        "live badge; expected one of: \"mfa-enforcement\"");

  result.have_data = false;  // no data (offline without cache, failed fetch): nothing to say
  DiagnosticSink quiet;
  resolve_monitor_references(content, result, quiet);
  CHECK(quiet.sorted().empty());
}

TEST_CASE("monitoring: no monitoring configured means an empty result and no I/O") {
  SiteConfig config;
  config.site_dir = "/nonexistent";
  DiagnosticSink sink;
  auto result = load_live_statuses(config, {}, sink);
  CHECK_FALSE(result.configured);
  CHECK_FALSE(result.have_data);
  CHECK(sink.sorted().empty());
}

TEST_CASE("monitoring: the example site's sample status file is valid and covers its monitors") {
  const fs::path file =
      fs::path(TRUSTSITE_TESTS_DIR).parent_path() / "monitoring" / "components.json";
  auto body = read_text(file);
  // Statuspage format: no check times, so a fresh clone's badges are current (the file's mtime),
  // and the data says it is a sample wherever the format has room for it.
  auto document = parse_status_document(body, MonitoringFormat::statuspage, 1234);
  CHECK(document.warnings.empty());
  for (const auto& item : document.items) CHECK(item.checked_at_unix == 1234);
  CHECK(nlohmann::json::parse(body)["page"]["name"].get<std::string>().find("SAMPLE DATA") !=
        std::string::npos);
  std::set<std::string> ids;
  for (const auto& item : document.items) ids.insert(item.id);
  for (const char* id :
       {"mfa-enforcement", "tls-configuration", "db-encryption", "backup-restore-test",
        "vulnerability-scanning", "api-uptime", "audit-log-retention", "endpoint-protection"})
    CHECK(ids.contains(id));
}

// ---- Hostile servers and caches (issue 13) ---------------------------------------------------

namespace {

// The token set in the environment for one scope (any value).
struct CustomToken {
  trustsite::testing::ScopedEnv env;
  explicit CustomToken(const std::string& token) : env(kTokenEnv, token) {}
};

// A trustsite-format body whose detail is `detail` (inserted as JSON text, unquoted).
std::string body_with_detail(const std::string& detail_json) {
  return R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
    "items": [{"id": "mfa", "status": "passing", "detail": )" +
         detail_json + "}]}";
}

// Every diagnostic, the cache and the result hold no spelling of `token`.
void expect_no_token_anywhere(const std::string& token, const DiagnosticSink& sink,
                              const fs::path& dir, const MonitoringResult& result) {
  const TokenGuard guard(token);
  for (const Diagnostic& diagnostic : sink.sorted()) {
    CHECK_FALSE(guard.appears_in(format_text(diagnostic)));
    CHECK_FALSE(guard.appears_in(to_json(diagnostic).dump()));
  }
  if (fs::exists(dir))
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file()) CHECK_FALSE(guard.appears_in(read_text(entry.path())));
  for (const auto& [key, item] : result.items) {
    CHECK(key.find(token) == std::string::npos);
    CHECK(item.detail.find(token) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("monitoring: a token echoed JSON-escaped or in any string of the response is refused") {
  const std::string token = "s3cr3t/Tok+en==";
  CustomToken env(token);
  TempSite site;
  // PHP's json_encode: "\/"; a \u escape of every letter; the token as a key; the token in a
  // field trustsite does not use; the token in the ETag header.
  const std::vector<std::pair<std::string, std::string>> echoes = {
      {body_with_detail(R"("s3cr3t\/Tok+en==")"), ""},
      {body_with_detail(R"("\u0073\u0033\u0063\u0072\u0033\u0074\u002f\u0054\u006f\u006b\u002b)"
                        R"(\u0065\u006e\u003d\u003d")"),
       ""},
      {R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
          "s3cr3t\/Tok+en==": 1, "items": []})",
       ""},
      {R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
          "page": {"name": "echo s3cr3t\/Tok+en=="}, "items": []})",
       ""},
      {body_with_detail(R"("fine")"), "\"s3cr3t/Tok+en==\""},
  };
  for (const auto& [body, etag] : echoes) {
    CAPTURE(body);
    TestServer server([&](httplib::Server& s, TestServer&) {
      s.Get("/status.json", [&](const httplib::Request&, httplib::Response& response) {
        if (!etag.empty()) response.set_header("ETag", etag);
        response.set_content(body, "application/json");
      });
    });
    DiagnosticSink sink;
    auto result =
        load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
    expect_token_refused(result, sink, site);
    expect_no_token_anywhere(token, sink, site.dir, result);
  }
}

TEST_CASE("monitoring: a cache that holds the token is not used") {
  const std::string token = "s3cr3t/Tok+en==";
  CustomToken env(token);
  TempSite site;
  const std::string source = "https://status.example/status.json";
  write_cache(site.dir,
              {source, "trustsite", kNow, "", "", body_with_detail(R"("s3cr3t\/Tok+en==")")});
  MonitoringOptions options = at(kNow);
  options.offline = true;
  DiagnosticSink sink;
  auto result = load_live_statuses(site_config(site.dir, source), options, sink);
  CHECK_FALSE(result.have_data);
  CHECK(has_message(sink, Severity::warning,
                    "the cached response in .trustsite-cache/monitoring.json contains the bearer "
                    "token; refusing to store or show it; delete that file"));
  for (const Diagnostic& diagnostic : sink.sorted())
    CHECK_FALSE(TokenGuard(token).appears_in(format_text(diagnostic)));
}

TEST_CASE("monitoring: redaction ends for any token and never shows it") {
  CHECK(TokenGuard("").redact("a token here") == "a token here");
  CHECK(TokenGuard("token").redact("token token") == "[redacted] [redacted]");
  CHECK(TokenGuard("t").redact("tat") == "***a***");
  CHECK(TokenGuard("ok").redact("ok, okok") == "[redacted], [redacted][redacted]");
  CHECK(TokenGuard("*").redact("a*b") == "a[token]b");
  CHECK(TokenGuard("[token]").redact("x[token]y") == "x[redacted]y");
  CHECK(TokenGuard("a/b").redact("a/b a\\/b a%2Fb a%2fb") == "[token] [token] [token] [token]");
  for (const std::string token : {"t", "o", "k", "e", "n", "[", "]", "*", "**", "ok", "token",
                                  "[token]", "[redacted]", "***", "d]", "[t"}) {
    CAPTURE(token);
    const TokenGuard guard(token);
    const std::string text = "the [token] of token " + token + token + " [redacted] ***";
    const std::string redacted = guard.redact(text);
    CHECK(redacted.find(token) == std::string::npos);
    CHECK(redacted.size() <= text.size() * 10);
  }
}

TEST_CASE("monitoring: tokens that are part of the placeholder never hang the build") {
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [](const httplib::Request&, httplib::Response& response) {
      response.status = 500;
      response.set_content("token t ok [token] error", "text/plain");
    });
  });
  for (const std::string token : {"token", "t", "ok", "[token]", "o"}) {
    CAPTURE(token);
    CustomToken env(token);
    DiagnosticSink sink;
    const auto started = std::chrono::steady_clock::now();
    auto result =
        load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
    CHECK(result.fetch_failed);
    CHECK(seconds_since(started) < 30);
    for (const Diagnostic& diagnostic : sink.sorted()) {
      CHECK(diagnostic.message.size() <= kMaxMessageBytes + 3);
      CHECK(diagnostic.message.find(token) == std::string::npos);
    }
  }
}

TEST_CASE("monitoring: a short token that occurs by chance is named as the likely cause") {
  CustomToken env("all");
  TempSite site;
  TestServer server([](httplib::Server& s, TestServer&) {
    serve(s, "/status.json", body_with_detail(R"("all ok")"));
  });
  DiagnosticSink sink;
  auto result =
      load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
  CHECK_FALSE(result.have_data);
  CHECK(has_message(sink, Severity::warning,
                    "(the token is only 3 characters long, so it may also occur by chance; "
                    "expected a longer token)"));
}

TEST_CASE("monitoring: the cache is never written or read through a planted link") {
  TokenInEnvironment token;
  TempSite site;
  TempSite outside;
  const fs::path victim = outside.dir / "victim.txt";
  { std::ofstream(victim) << "precious"; }
  TestServer server(
      [](httplib::Server& s, TestServer&) { serve(s, "/status.json", fixture("trustsite.json")); });
  const auto config = site_config(site.dir, server.url("/status.json"));

  SUBCASE("a link named like the temporary file") {
    fs::create_directories(site.dir / ".trustsite-cache");
    for (const auto& suffix :
         {std::to_string(::getpid()), std::to_string(::getpid()) + "-00000000"})
      fs::create_symlink(victim, site.dir / ".trustsite-cache" / ("monitoring.json.tmp-" + suffix));
    DiagnosticSink sink;
    REQUIRE(load_live_statuses(config, at(kNow), sink).have_data);
    CHECK(read_text(victim) == "precious");
    CHECK(fs::is_regular_file(fs::symlink_status(site.cache_file())));
    CHECK(nlohmann::json::parse(read_text(site.cache_file()))["body"] == fixture("trustsite.json"));
  }
  SUBCASE("a link as monitoring.json is replaced, not followed, and not read") {
    fs::create_directories(site.dir / ".trustsite-cache");
    fs::create_symlink(victim, site.cache_file());
    DiagnosticSink sink;
    REQUIRE(load_live_statuses(config, at(kNow), sink).have_data);
    CHECK(has_message(sink, Severity::warning,
                      "the monitoring cache is not used: .trustsite-cache/monitoring.json is a "
                      "symbolic link; expected a file of trustsite's own"));
    CHECK(read_text(victim) == "precious");
    CHECK(fs::is_regular_file(fs::symlink_status(site.cache_file())));
  }
  SUBCASE("a link as .trustsite-cache is refused: a warning, nothing written") {
    fs::create_directory_symlink(outside.dir, site.dir / ".trustsite-cache");
    DiagnosticSink sink;
    auto result = load_live_statuses(config, at(kNow), sink);
    CHECK(result.have_data);  // the fresh data is used; only the cache is not written
    CHECK(has_message(sink, Severity::warning,
                      "cannot write the monitoring cache: .trustsite-cache is a symbolic link or "
                      "not a directory; expected a directory of trustsite's own (delete it; "
                      "trustsite creates it)"));
    CHECK_FALSE(fs::exists(outside.dir / "monitoring.json"));
    CHECK(read_text(victim) == "precious");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(outside.dir)) files += entry.exists();
    CHECK(files == 1);  // victim.txt only
  }
}

TEST_CASE("monitoring: responses nested deeply or with huge values fail with short messages") {
  TempSite site;
  const std::string deep =
      "{\"schema\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  const std::string long_schema = "{\"schema\":\"" + std::string(4 * 1024 * 1024, 's') + "\"}";
  const std::string long_id =
      R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
    "items": [{"id": ")" +
      std::string(1024 * 1024, 'i') + R"(", "status": "shiny"}]})";
  for (const std::string* body : {&deep, &long_schema, &long_id}) {
    TestServer server([&](httplib::Server& s, TestServer&) { serve(s, "/status.json", *body); });
    DiagnosticSink sink;
    auto result =
        load_live_statuses(site_config(site.dir, server.url("/status.json")), at(kNow), sink);
    REQUIRE_FALSE(sink.sorted().empty());
    for (const Diagnostic& diagnostic : sink.sorted()) {
      CAPTURE(diagnostic.message.substr(0, 200));
      CHECK(diagnostic.message.size() < 600);
    }
    if (body != &long_id) CHECK(result.fetch_failed);
  }
  CHECK_THROWS_WITH_AS(parse_status_json(deep),
                       "the JSON nests arrays and objects deeper than 64 levels (at byte 74); "
                       "expected a status document",
                       StatusFormatError);
  CHECK_NOTHROW(
      parse_status_json("{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                        "[[[[[[[[[[[[[[[[[[[[[[[[[[\"}"));
  CHECK_THROWS_WITH_AS(
      parse_status_document(long_schema, MonitoringFormat::trustsite, 0),
      ("\"schema\" is \"" + std::string(64, 's') + "…\", expected \"trustsite-status/v1\"").c_str(),
      StatusFormatError);
}

TEST_CASE(
    "monitoring: a number beyond the double range is a format error and the cache stands in") {
  TokenInEnvironment token;
  TempSite site;
  std::string body = fixture("trustsite.json");
  auto server = std::make_unique<TestServer>([&](httplib::Server& s, TestServer&) {
    s.Get("/status.json", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(body, "application/json");  // the body as it is at each request
    });
  });
  auto config = site_config(site.dir, server->url("/status.json"));
  DiagnosticSink first;
  REQUIRE(load_live_statuses(config, at(kNow), first).have_data);

  body = R"({"schema": "trustsite-status/v1", "generated_at": "2026-03-01T08:00:00Z",
    "items": [{"id": "mfa-enforcement", "status": "failing", "weight": 1e400}]})";
  DiagnosticSink sink;
  auto result = load_live_statuses(config, at(kNow + 60), sink);
  CHECK(result.have_data);
  CHECK(result.from_cache);
  CHECK_FALSE(result.fatal);
  CHECK(result.find("mfa-enforcement")->status == "passing");
  CHECK(has_message(sink, Severity::warning,
                    "is not valid trustsite data: malformed JSON: a number too large to represent "
                    "(such as 1e400); expected numbers within the range of a double; using the "
                    "cached response fetched at 2026-03-01T12:00:00Z"));
  CHECK(sink.error_count() == 0);
  CHECK_THROWS_AS(parse_status_json("[-1e400]"), StatusFormatError);
}

TEST_CASE("monitoring: a cache or a local file from the future shows no current result") {
  TempSite site;
  // 2031-06-01T00:00:00Z, five years after "now".
  const std::int64_t future = 1938038400;
  const std::string source = "https://status.example/status.json";
  write_cache(site.dir,
              {source, "statuspage", future, "", "", fixture("statuspage-components.json")});
  MonitoringOptions options = at(kNow);
  options.offline = true;
  DiagnosticSink sink;
  auto result = load_live_statuses(site_config(site.dir, source, MonitoringFormat::statuspage),
                                   options, sink);
  REQUIRE(result.have_data);
  REQUIRE_FALSE(result.items.empty());
  for (const auto& [key, item] : result.items) {
    CAPTURE(key);
    CHECK(item.status == "unknown");
    CHECK(item.stale);
    CHECK(item.checked_at.empty());
    CHECK(item.checked_at_unix == 0);
  }
  INFO(all_messages(sink));
  CHECK(has_message(sink, Severity::warning,
                    "the cached response in .trustsite-cache/monitoring.json says it was fetched "
                    "at 2031-06-01T00:00:00Z, after the build time 2026-03-01T12:00:00Z; that "
                    "time says nothing about when the data was really checked, so all"));

  // A local file modified in the future: the same.
  fs::create_directories(site.dir / "monitoring");
  const fs::path file = site.dir / "monitoring" / "status.json";
  std::ofstream(file) << fixture("trustsite.json");
  fs::last_write_time(file, std::chrono::file_clock::from_sys(
                                std::chrono::sys_seconds{std::chrono::seconds{future}}));
  DiagnosticSink file_sink;
  auto from_file =
      load_live_statuses(site_config(site.dir, "monitoring/status.json"), at(kNow), file_sink);
  REQUIRE(from_file.have_data);
  for (const auto& [key, item] : from_file.items) {
    CHECK(item.status == "unknown");
    CHECK(item.checked_at.empty());
  }
  INFO(all_messages(file_sink));
  CHECK(has_message(file_sink, Severity::warning,
                    "the monitoring source \"monitoring/status.json\" was last modified at "
                    "2031-06-01T00:00:00Z, after the build time 2026-03-01T12:00:00Z"));
  // A fresh fetch stays as it was: a check time after receipt is clamped to the receipt.
}
