// The default theme's compact rows and live badges (issue 14): a control renders as a <details>
// whose summary holds the title and status and whose body carries the id, and a live badge
// says in plain words what the source reported, with stale data neutral (SPEC 6).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "mustache.h"

namespace {

using nlohmann::json;

std::string render(const std::string& name, const json& context) {
  const auto templates =
      std::filesystem::path(TRUSTSITE_TESTS_DIR) / ".." / "themes" / "default" / "templates";
  trustsite::mustache::TemplateLibrary library(
      trustsite::mustache::directory_loader({{templates, "templates"}}),
      trustsite::mustache::TemplateLibrary::MissingPartial::throw_error);
  return library.render(name, context);
}

json strings() {
  return {{"live",
           {{"monitored", "Automated check"},
            {"checked", "checked"},
            {"last_reported", "last reported"}}},
          {"control", {{"status", "Status"}, {"mapped_to", "Mapped to"}, {"updated", "Updated"}}},
          {"fallback", {{"marker", "In {language}"}}}};
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("live badge: a fresh result in words with the source's detail") {
  const json context = {{"t", strings()},
                        {"status", "passing"},
                        {"label", "passing"},
                        {"stale", false},
                        {"checked_at", "2026-11-20T08:15:00Z"},
                        {"checked_at_display", "2026-11-20 08:15 UTC"},
                        {"detail", "12/12 accounts"}};
  const std::string html = render("live-badge", context);
  CHECK(has(html, "<p class=\"live live--passing\">"));
  CHECK(has(html,
            "Automated check · <strong class=\"live__status\">passing</strong> · checked "
            "<time datetime=\"2026-11-20T08:15:00Z\">2026-11-20 08:15 UTC</time>"));
  CHECK(has(html, "<span class=\"live__detail\">12/12 accounts</span>"));
}

TEST_CASE("live badge: stale data reads no current result with the last report, neutral") {
  const json context = {{"t", strings()},
                        {"status", "unknown"},
                        {"label", "no current result"},
                        {"stale", true},
                        {"checked_at", "2026-09-21T14:13:20Z"},
                        {"checked_at_display", "2026-09-21 14:13 UTC"},
                        {"detail", "12/12 accounts"}};
  const std::string html = render("live-badge", context);
  CHECK(has(html, "<p class=\"live live--unknown live--stale\">"));
  CHECK(has(html,
            "<strong class=\"live__status\">no current result</strong> (last reported "
            "<time datetime=\"2026-09-21T14:13:20Z\">2026-09-21 14:13 UTC</time>)"));
  // The old detail described the old result: not shown as if current.
  CHECK_FALSE(has(html, "12/12 accounts"));
  CHECK_FALSE(has(html, "passing"));
}

TEST_CASE("control row: title and status in the summary, the id on the body inside") {
  const json context = {
      {"t", strings()},
      {"id", "mfa"},
      {"title", {{"text", "MFA"}}},
      {"status", "implemented"},
      {"status_label", "Implemented"},
      {"description", {{"html", "<p>Keys.</p>"}}},
      {"has_frameworks", true},
      {"mappings",
       json::array(
           {{{"label", "ISO 27001 A.8.5"}, {"linked", true}, {"framework_href", "#iso-27001"}}})},
      {"live", {{"status", "unknown"}, {"label", "no current result"}, {"stale", true}}}};
  const std::string html = render("control", context);
  const auto summary = html.find("<summary class=\"control__summary\">");
  const auto body = html.find(
      "<div id=\"mfa\" class=\"control__body\" data-status=\"implemented\" "
      "data-live=\"unknown\">");
  REQUIRE(summary != std::string::npos);
  REQUIRE(body != std::string::npos);
  CHECK(html.find("<details class=\"control status-implemented\">") < summary);
  CHECK(summary < html.find("<h3 class=\"control__title\">MFA</h3>"));
  CHECK(html.find("Implemented</span>") < body);
  CHECK(html.find("live-chip--stale") < body);
  CHECK(body < html.find("<p>Keys.</p>"));
  CHECK(body < html.find("<a href=\"#iso-27001\">ISO 27001 A.8.5</a>"));
}
