// Sub-processor change notices (SPEC 3, GDPR Art. 28(2)): what is upcoming is judged at "now",
// the notice checks, the objection link (RFC 6068 mailto:), and the page, the Atom feed and
// trust.json of a site built with TRUSTSITE_NOW before, on and after an effective date.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "atom_feed.h"
#include "build.h"
#include "output_fixture.h"
#include "stamp.h"
#include "subprocessors_view.h"
#include "test_util.h"
#include "url.h"
#include "validate.h"

using namespace trustsite;
using namespace trustsite::testing;
namespace fs = std::filesystem;

namespace {

// The text between `from` and the next `to` after it; empty when `from` is absent.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t start = text.find(from);
  if (start == std::string::npos) return {};
  const std::size_t end = text.find(to, start + from.size());
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The Atom entry whose id contains `id_part`.
std::string feed_entry(const std::string& feed, const std::string& id_part) {
  const std::size_t at = feed.find(id_part);
  if (at == std::string::npos) return {};
  const std::size_t open = feed.rfind("<entry>", at);
  return feed.substr(open, feed.find("</entry>", at) + 8 - open);
}

SubprocessorChange change(Date date, ChangeType type, const std::string& id,
                          std::optional<Date> announced = std::nullopt) {
  SubprocessorChange out;
  out.date = date;
  out.type = type;
  out.subprocessor = id;
  out.announced = announced;
  out.location = {"content/subprocessors.yaml", 10, 5};
  out.announced_location = {"content/subprocessors.yaml", 11, 16};
  out.subprocessor_location = {"content/subprocessors.yaml", 13, 19};
  return out;
}

// aws (listed), posthog added on 2026-06-01, mixpanel removed on 2026-06-01, both announced
// on 2026-04-15, as validation resolves them.
SubprocessorList notice_list() {
  SubprocessorList list;
  list.present = true;
  for (const char* id : {"aws", "posthog", "mixpanel"}) {
    Subprocessor sub;
    sub.id = id;
    sub.name = id;
    list.items.push_back(sub);
  }
  list.notice_days = 30;
  list.objection_contact.email = "privacy@acme.example";
  list.changes = {change(ymd(2026, 6, 1), ChangeType::added, "posthog", ymd(2026, 4, 15)),
                  change(ymd(2026, 6, 1), ChangeType::removed, "mixpanel", ymd(2026, 4, 15))};
  list.changes[0].listed = &list.items[1];
  list.changes[1].listed = &list.items[2];
  return list;
}

// The fixture site tests/fixtures/sites/notices built with TRUSTSITE_NOW = `now`.
struct NoticeSite {
  TempDir dir;
  BuildReport report;

  explicit NoticeSite(const std::string& now) {
    copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/sites/notices", dir / "site");
    ScopedEnv env("TRUSTSITE_NOW", now);
    BuildOptions options;
    options.site_dir = dir / "site";
    report = run_build(options, read_environment());
  }
  std::string file(const std::string& path) const { return read_file(dir / "site/public" / path); }
  nlohmann::json trust_json() const { return nlohmann::json::parse(file("trust.json")); }
  std::string messages() const {
    std::string out;
    for (const auto& diagnostic : report.diagnostics) out += format_text(diagnostic) + "\n";
    return out;
  }
};

}  // namespace

TEST_CASE("mailto_uri: the subject is percent-encoded per RFC 6068") {
  CHECK(mailto_uri("privacy@acme.example", "") == "mailto:privacy@acme.example");
  CHECK(mailto_uri("privacy@acme.example", "Objection: A&B (effective 2026-06-01)") ==
        "mailto:privacy@acme.example?subject=Objection%3A%20A%26B%20%28effective%202026-06-01%29");
  // UTF-8 bytes one by one, and the characters that end a header field or the URI.
  CHECK(mailto_uri("dpo@acme.example", "Invändning #1?=%") ==
        "mailto:dpo@acme.example?subject=Inv%C3%A4ndning%20%231%3F%3D%25");
  // An addr-spec keeps RFC 6068's some-delims; '#', '=' and '{' are encoded.
  CHECK(mailto_uri("a+b!#x=y{z}@acme.example", "") == "mailto:a+b!%23x%3Dy%7Bz%7D@acme.example");
}

TEST_CASE(
    "change notices: upcoming means after today and a change taking effect today is current") {
  for (const auto& [today, upcoming] :
       {std::pair{ymd(2026, 5, 31), true}, {ymd(2026, 6, 1), false}, {ymd(2026, 6, 2), false}}) {
    CAPTURE(format_date(today));
    SubprocessorList list = notice_list();
    DiagnosticSink sink;
    resolve_change_notices(list, today, sink);
    CHECK(list.changes[0].upcoming == upcoming);
    CHECK(list.changes[1].upcoming == upcoming);
    CHECK(list.items[1].upcoming == upcoming);
    CHECK(list.items[1].from.has_value() == upcoming);  // "From 2026-06-01" only before it
    REQUIRE(list.items[2].until);                       // "Until 2026-06-01" before and after
    CHECK(*list.items[2].until == ymd(2026, 6, 1));
    CHECK(list.items[2].upcoming == upcoming);
    CHECK_FALSE(list.items[0].upcoming);
    CHECK_FALSE(list.items[0].from);
    CHECK_FALSE(list.items[0].until);
    // Once the removal took effect, the listed Mixpanel is a strict warning.
    CHECK(sink.warning_count() == (upcoming ? 0U : 1U));
    CHECK(takes_objections(list, list.changes[0]) == upcoming);
    CHECK_FALSE(takes_objections(list, list.changes[1]));  // a removal: nothing to object to
  }
}

TEST_CASE("change notices: a listed sub-processor whose removal took effect is flagged once") {
  SubprocessorList list = notice_list();
  list.notice_days.reset();
  DiagnosticSink removed;
  resolve_change_notices(list, ymd(2026, 6, 5), removed);
  REQUIRE(removed.sorted().size() == 1);
  CHECK(removed.sorted()[0].message.find("sub-processor 'mixpanel' is still listed") == 0);
  // Removed, then added again from a later day: listed for that, so not flagged.
  list.changes.insert(list.changes.begin(),
                      change(ymd(2026, 9, 1), ChangeType::added, "mixpanel", ymd(2026, 6, 3)));
  list.changes.front().listed = &list.items[2];
  DiagnosticSink again;
  resolve_change_notices(list, ymd(2026, 6, 5), again);
  CHECK(again.sorted().empty());
  CHECK(list.items[2].from == ymd(2026, 9, 1));
  CHECK_FALSE(list.items[2].until);
}

TEST_CASE("change notices: notice_days holds added changes to the promise") {
  SubprocessorList list = notice_list();
  list.changes.push_back(change(ymd(2026, 3, 1), ChangeType::added, "aws", ymd(2026, 1, 30)));
  list.changes.push_back(change(ymd(2026, 2, 1), ChangeType::added, "aws", ymd(2026, 1, 31)));
  list.changes.push_back(change(ymd(2025, 2, 1), ChangeType::added, "aws"));
  list.changes.push_back(change(ymd(2025, 1, 1), ChangeType::updated, "aws"));  // no notice due
  list.changes.push_back(change(ymd(2024, 1, 1), ChangeType::removed, "aws"));  // no notice due
  for (auto& item : list.changes) item.listed = &list.items[0];
  list.changes[0].listed = &list.items[1];
  list.changes[1].listed = &list.items[2];
  DiagnosticSink sink(true);  // --strict: the notice warnings are errors
  resolve_change_notices(list, ymd(2026, 5, 1), sink);
  std::vector<std::string> messages;
  for (const auto& diagnostic : sink.sorted()) messages.push_back(diagnostic.message);
  // 2026-04-15 -> 2026-06-01 is 47 days and 2026-01-30 -> 2026-03-01 exactly 30: both keep it.
  CHECK(messages ==
        std::vector<std::string>{
            "change 'added aws' on 2025-02-01 has no 'announced' date, so no advance notice is on "
            "record; the DPA promises notice_days: 30; expected 'announced' on or before "
            "2025-01-02",
            "change 'added aws' on 2026-02-01 was announced 2026-01-31, 1 day before it takes "
            "effect; the DPA promises notice_days: 30; expected 'announced' on or before "
            "2026-01-02",
        });
  CHECK(sink.error_count() == 2);

  list.notice_days.reset();  // no promise, no check
  DiagnosticSink quiet;
  resolve_change_notices(list, ymd(2026, 5, 1), quiet);
  CHECK(quiet.sorted().empty());
}

TEST_CASE("subprocessors view: upcoming soonest first with objections and the notice promise") {
  SubprocessorList list = notice_list();
  list.notice_days = 1;
  list.objection_contact = {"", "https://acme.example/objections/"};
  list.changes.insert(list.changes.begin(),
                      change(ymd(2026, 7, 1), ChangeType::updated, "aws", ymd(2026, 5, 20)));
  list.changes.push_back(change(ymd(2024, 1, 10), ChangeType::added, "aws", ymd(2023, 12, 1)));
  list.changes.front().listed = list.changes.back().listed = &list.items[0];
  for (auto& item : list.changes) item.display_name = item.subprocessor;
  DiagnosticSink sink;
  resolve_change_notices(list, ymd(2026, 5, 31), sink);
  LocaleView view;
  view.code = view.default_locale = "en";
  view.t = {{"subprocessors",
             {{"notice_one", "At least {days} day."},
              {"notice_other", "At least {days} days."},
              {"objection_email", "Write to"},
              {"objection_url", "Use"},
              {"objection_subject", {{"added", "New: {name} ({date})"}}}}}};
  const nlohmann::json out = subprocessors_view(list, view);
  CHECK(out["notice"] == "At least 1 day.");
  CHECK(out["notice_days"] == 1);
  CHECK(out["has_upcoming"] == true);
  const nlohmann::json& upcoming = out["upcoming"];
  REQUIRE(upcoming.size() == 3);
  // Soonest first: the two changes of 2026-06-01 in file order, then the update of 2026-07-01.
  CHECK(upcoming[0]["subprocessor"] == "posthog");
  CHECK(upcoming[1]["subprocessor"] == "mixpanel");
  CHECK(upcoming[2]["subprocessor"] == "aws");
  CHECK(upcoming[2]["announced"] == "2026-05-20");
  // An https contact is linked as written; a removal takes no objection.
  CHECK(upcoming[0]["objection"] == nlohmann::json{{"by", "2026-06-01"},
                                                   {"href", "https://acme.example/objections/"},
                                                   {"display", "acme.example/objections"},
                                                   {"is_email", false},
                                                   {"lead", "Use"}});
  CHECK_FALSE(upcoming[1].contains("objection"));
  CHECK(upcoming[2]["objection"]["by"] == "2026-07-01");
  REQUIRE(out["changes"].size() == 1);
  CHECK(out["changes"][0]["date"] == "2024-01-10");
  CHECK(out["changes"][0]["upcoming"] == false);
  CHECK_FALSE(out["changes"][0].contains("objection"));
  CHECK(out["items"][1]["from"] == "2026-06-01");
  CHECK(out["items"][2]["until"] == "2026-06-01");
  CHECK_FALSE(out["items"][0].contains("from"));
  CHECK(out["items"][0]["upcoming"] == false);  // an upcoming update marks no row
}

TEST_CASE("stamp: upcoming dates never count and announced dates do") {
  Content content;
  content.subprocessors = notice_list();
  content.subprocessors.items[1].since = ymd(2026, 6, 1);
  CHECK(latest_content_date(content, ymd(2026, 5, 31)) == ymd(2026, 4, 15));
  CHECK(latest_content_date(content, ymd(2026, 6, 1)) == ymd(2026, 6, 1));
  CHECK_FALSE(latest_content_date(content, ymd(2026, 4, 14)));
}

TEST_CASE("atom feed: an entry is dated by announced and its id ignores announced and the note") {
  Content content = output_content();
  const std::string before =
      render_subprocessor_feed(output_config(), content, output_strings(), "en", ymd(2026, 5, 1));
  SubprocessorChange& added = content.subprocessors.changes.front();
  added.announced = ymd(2025, 12, 20);
  added.note = en_sv("Rewritten note.", "Omskriven anteckning.");
  const std::string after =
      render_subprocessor_feed(output_config(), content, output_strings(), "en", ymd(2026, 5, 1));
  const std::string id = "<id>tag:acme.example,2026-02-01:/trust/en/subprocessors/aws/added</id>";
  CHECK(has(before, id));
  CHECK(has(after, id));
  const std::string entry = feed_entry(after, "/aws/added");
  CHECK(has(entry, "<updated>2025-12-20T00:00:00Z</updated>"));
  CHECK(has(entry, "<published>2025-12-20T00:00:00Z</published>"));
  CHECK(has(entry, "<p>Effective 2026-02-01 · Announced 2025-12-20</p>"));
  // The feed's updated is the newest entry's, now the announcement of 2025-12-20.
  CHECK(has(after, "  <updated>2025-12-20T00:00:00Z</updated>\n  <author>"));
  CHECK(has(before, "  <updated>2026-02-01T00:00:00Z</updated>\n  <author>"));
}

TEST_CASE("notices site: before the effective date the changes are upcoming, with objections") {
  const NoticeSite site("2026-05-31T23:59:59Z");
  INFO(site.messages());
  REQUIRE(site.report.exit_code == 0);
  const std::string en = site.file("en/index.html");

  // Upcoming changes come first in the section, before the table, soonest first.
  const std::string section = element_with_id(en, "subprocessors");
  const std::string upcoming = between(section, "id=\"upcoming-changes\"", "</ol>");
  REQUIRE_FALSE(upcoming.empty());
  CHECK(section.find("id=\"upcoming-changes\"") < section.find("<table"));
  CHECK(has(upcoming, ">Upcoming changes</h3>"));
  CHECK(has(upcoming,
            "<li class=\"change change--added change--upcoming\" data-type=\"added\" "
            "data-effective=\"2026-06-01\" data-upcoming=\"true\" data-announced=\"2026-04-15\">"));
  CHECK(has(upcoming,
            "<span class=\"change__effective\">Effective <time datetime=\"2026-06-01\">2026-06-01"
            "</time></span>"));
  CHECK(has(upcoming,
            "<span class=\"change__objection\">To object to this change, write to <a "
            "href=\"mailto:privacy@acme.example?subject=Objection%20to%20new%20sub-processor%3A%20"
            "PostHog%20%28effective%202026-06-01%29\">privacy@acme.example</a> by <time "
            "datetime=\"2026-06-01\">2026-06-01</time>.</span>"));
  // The removal is upcoming too, without an objection line.
  const std::string removal = between(upcoming, "change--removed", "</li>");
  REQUIRE_FALSE(removal.empty());
  CHECK_FALSE(has(removal, "change__objection"));
  CHECK_FALSE(has(between(section, "id=\"subprocessor-changes\"", "</ol>"), "2026-06-01"));
  CHECK(has(section, "at least 30 days before it starts processing personal data."));

  // The table: PostHog listed ahead of time, Mixpanel until its removal.
  const std::string posthog = element_with_id(en, "posthog");
  CHECK(has(posthog, "data-upcoming=\"true\" data-from=\"2026-06-01\">"));
  CHECK(has(posthog, "From <time datetime=\"2026-06-01\">2026-06-01</time>"));
  const std::string mixpanel = element_with_id(en, "mixpanel");
  CHECK(has(mixpanel, "data-upcoming=\"true\" data-until=\"2026-06-01\">"));
  CHECK(has(mixpanel, "Until <time datetime=\"2026-06-01\">2026-06-01</time>"));
  CHECK(has(element_with_id(en, "aws"), "data-upcoming=\"false\">"));

  // Swedish: the objection sentence and a UTF-8 subject, percent-encoded.
  const std::string sv = site.file("sv/index.html");
  CHECK(has(sv, ">Kommande ändringar</h3>"));
  CHECK(has(sv,
            "Vill du invända mot ändringen? Skriv till <a href=\"mailto:privacy@acme.example?"
            "subject=Inv%C3%A4ndning%20mot%20nytt%20underbitr%C3%A4de%3A%20PostHog%20%28g%C3%A4ller"
            "%20fr%C3%A5n%202026-06-01%29\">privacy@acme.example</a> senast <time "
            "datetime=\"2026-06-01\">2026-06-01</time>."));

  // The feed: dated by announced, content with the effective date and the objection.
  const std::string feed = site.file("en/subprocessors.atom");
  const std::string entry = feed_entry(feed, "/posthog/added");
  CHECK(has(entry, "<id>tag:trust.acme.example,2026-06-01:/en/subprocessors/posthog/added</id>"));
  CHECK(has(entry, "<updated>2026-04-15T00:00:00Z</updated>"));
  CHECK(has(entry, "<p>Effective 2026-06-01 · Announced 2026-04-15</p>"));
  CHECK(has(entry,
            "<p>To object to this change, write to <a href=\"mailto:privacy@acme.example?subject="
            "Objection%20to%20new%20sub-processor%3A%20PostHog%20%28effective%202026-06-01%29\">"
            "privacy@acme.example</a> by 2026-06-01.</p>"));
  CHECK_FALSE(has(feed_entry(feed, "/mixpanel/removed"), "To object"));
  CHECK(has(feed, "  <updated>2026-04-15T00:00:00Z</updated>\n  <author>"));

  // trust.json, as judged at build time; the stamp ignores the upcoming date.
  const nlohmann::json doc = site.trust_json();
  CHECK(doc["stamp"] == "2026-04-15");
  CHECK(doc["subprocessor_notice"] ==
        nlohmann::json{{"notice_days", 30}, {"objection_contact", "privacy@acme.example"}});
  const nlohmann::json& added = doc["subprocessor_changes"][0];
  CHECK(added["subprocessor"] == "posthog");
  CHECK(added["announced"] == "2026-04-15");
  CHECK(added["effective"] == "2026-06-01");
  CHECK(added["upcoming"] == true);
  CHECK(doc["subprocessor_changes"][2]["upcoming"] == false);  // aws, 2024
  CHECK(doc["subprocessors"][1]["from"] == "2026-06-01");
  CHECK(doc["subprocessors"][1]["upcoming"] == true);
  CHECK(doc["subprocessors"][2]["until"] == "2026-06-01");
  CHECK(doc["subprocessors"][0]["upcoming"] == false);
}

TEST_CASE("notices site: on the effective date the changes are current") {
  const NoticeSite site("2026-06-01T00:00:00Z");
  INFO(site.messages());
  REQUIRE(site.report.exit_code == 0);
  // Mixpanel's removal has taken effect while it is still listed: a strict warning.
  CHECK(has(site.messages(),
            "content/subprocessors.yaml:14:9: warning: sub-processor 'mixpanel' is still listed, "
            "but its change 'removed mixpanel' on 2026-06-01"));
  const std::string en = site.file("en/index.html");
  CHECK_FALSE(has(en, "id=\"upcoming-changes\""));
  CHECK_FALSE(has(en, "data-upcoming=\"true\""));
  CHECK_FALSE(has(en, "change__objection"));
  const std::string history = between(en, "id=\"subprocessor-changes\"", "</ol>");
  CHECK(has(history,
            "<li class=\"change change--added\" data-type=\"added\" data-effective=\"2026-06-01\" "
            "data-upcoming=\"false\" data-announced=\"2026-04-15\">"));
  CHECK(history.find("2026-06-01") < history.find("2024-01-10"));  // newest first
  const std::string posthog = element_with_id(en, "posthog");
  CHECK(has(posthog, "data-upcoming=\"false\">"));
  CHECK_FALSE(has(posthog, "From <time"));
  CHECK(has(element_with_id(en, "mixpanel"), "data-upcoming=\"false\" data-until=\"2026-06-01\">"));

  const std::string entry = feed_entry(site.file("en/subprocessors.atom"), "/posthog/added");
  CHECK(has(entry, "<updated>2026-04-15T00:00:00Z</updated>"));
  CHECK(has(entry, "<p>Effective 2026-06-01 · Announced 2026-04-15</p>"));
  CHECK_FALSE(has(entry, "To object"));

  const nlohmann::json doc = site.trust_json();
  CHECK(doc["stamp"] == "2026-06-01");
  CHECK(doc["subprocessor_changes"][0]["upcoming"] == false);
  CHECK_FALSE(doc["subprocessors"][1].contains("from"));
  CHECK(doc["subprocessors"][1]["upcoming"] == false);
}

TEST_CASE("notices site: after the effective date the history keeps the change and the ids") {
  const NoticeSite before("2026-05-31T12:00:00Z");
  const NoticeSite after("2026-06-02T08:00:00Z");
  REQUIRE(after.report.exit_code == 0);
  const std::string en = after.file("en/index.html");
  CHECK_FALSE(has(en, "id=\"upcoming-changes\""));
  CHECK(has(between(en, "id=\"subprocessor-changes\"", "</ol>"), "data-effective=\"2026-06-01\""));
  // The same entry ids and dates in the feed: a reader does not see the change twice.
  const std::string id =
      "<id>tag:trust.acme.example,2026-06-01:/sv/subprocessors/posthog/added</id>";
  CHECK(has(before.file("sv/subprocessors.atom"), id));
  CHECK(has(after.file("sv/subprocessors.atom"), id));
  CHECK(has(feed_entry(after.file("sv/subprocessors.atom"), "/posthog/added"),
            "<p>Gäller från 2026-06-01 · Aviserades 2026-04-15</p>"));
  const nlohmann::json doc = after.trust_json();
  CHECK(doc["stamp"] == "2026-06-01");
  for (const auto& item : doc["subprocessor_changes"]) CHECK(item["upcoming"] == false);
}
