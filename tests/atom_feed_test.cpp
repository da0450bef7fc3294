// The per-locale Atom feed of sub-processor changes (RFC 4287; tag: URIs per RFC 4151).
#include "atom_feed.h"

#include <doctest/doctest.h>

#include "output_fixture.h"
#include "url.h"

using namespace trustsite;
using namespace trustsite::testing;

namespace {

std::string entry(const std::string& feed, std::size_t index) {
  std::size_t at = 0;
  for (std::size_t i = 0; i <= index; ++i) {
    at = feed.find("<entry>", at);
    if (at == std::string::npos) return {};
    if (i < index) ++at;
  }
  return feed.substr(at, feed.find("</entry>", at) + 8 - at);
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("url_host: the authority's host, without user info and port, lowercased") {
  CHECK(url_host("https://Trust.Acme.example:8443/x/") == "trust.acme.example");
  CHECK(url_host("https://user@acme.example/") == "acme.example");
  CHECK(url_host("http://[::1]:8080/") == "[::1]");
  CHECK(url_host("https://acme.example") == "acme.example");
}

TEST_CASE("atom feed: feed metadata, English entries newest first") {
  const SiteConfig config = output_config();
  const Content content = output_content();
  const std::string feed =
      render_subprocessor_feed(config, content, output_strings(), "en", ymd(2026, 5, 1));

  CHECK(feed.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
                   "xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">",
                   0) == 0);
  CHECK(has(feed, "<id>https://acme.example/trust/en/subprocessors.atom</id>"));
  CHECK(has(feed, "<title>Acme &amp; Co AB: sub-processor changes</title>"));
  // The feed's updated is the newest change, not the stamp.
  CHECK(has(feed, "  <updated>2026-02-01T00:00:00Z</updated>\n  <author>"));
  CHECK(has(feed, "<name>Acme &amp; Co AB</name>"));
  CHECK(has(feed,
            "<link rel=\"self\" type=\"application/atom+xml\" "
            "href=\"https://acme.example/trust/en/subprocessors.atom\"/>"));
  CHECK(has(feed,
            "<link rel=\"alternate\" type=\"text/html\" "
            "href=\"https://acme.example/trust/en/#subprocessors\"/>"));

  const std::string added = entry(feed, 0);
  CHECK(has(added, "<id>tag:acme.example,2026-02-01:/trust/en/subprocessors/aws/added</id>"));
  CHECK(has(added, "<title>Added: Amazon Web Services</title>"));
  CHECK(has(added, "<updated>2026-02-01T00:00:00Z</updated>"));
  CHECK(has(added, "href=\"https://acme.example/trust/en/#aws\""));
  CHECK(has(added, "<category term=\"added\" label=\"Added\"/>"));
  // Escaped, and the control character U+0001 removed.
  CHECK(has(added, "<summary>Moved &lt;hosting&gt; &amp; backups &quot;here&quot;.</summary>"));

  const std::string removed = entry(feed, 1);
  CHECK(has(removed, "<title>Removed: Old Mail Ltd</title>"));  // a former sub-processor
  CHECK(has(removed, "href=\"https://acme.example/trust/en/#subprocessor-changes\""));
  CHECK(entry(feed, 2).empty());
}

TEST_CASE("atom feed: Swedish titles, fallback notes marked with xml:lang") {
  const std::string feed = render_subprocessor_feed(output_config(), output_content(),
                                                    output_strings(), "sv", ymd(2026, 5, 1));
  CHECK(has(feed, "xml:lang=\"sv\""));
  CHECK(has(feed, "<title>Acme &amp; Co AB: ändringar av underbiträden</title>"));
  CHECK(has(feed, "<id>https://acme.example/trust/sv/subprocessors.atom</id>"));
  const std::string added = entry(feed, 0);
  CHECK(has(added, "<title>Tillagt: Amazon Web Services</title>"));
  CHECK(has(added, "<id>tag:acme.example,2026-02-01:/trust/sv/subprocessors/aws/added</id>"));
  CHECK(has(added, "<summary xml:lang=\"en\">Moved"));  // no sv note: the en one, marked
  CHECK(has(added, "href=\"https://acme.example/trust/sv/#aws\""));
  CHECK(has(entry(feed, 1), "<summary>Används inte längre.</summary>"));
}

TEST_CASE("atom feed: entry ids are stable when changes are added, repeats are numbered") {
  const SiteConfig config = output_config();
  Content content = output_content();
  const std::string before =
      render_subprocessor_feed(config, content, output_strings(), "en", ymd(2026, 5, 1));

  SubprocessorChange newer;
  newer.date = ymd(2026, 4, 2);
  newer.type = ChangeType::updated;
  newer.subprocessor = "aws";
  newer.listed = &content.subprocessors.items.front();  // as validation resolves it
  newer.display_name = newer.listed->name;
  SubprocessorChange again = newer;  // a second "updated" of aws on the same day
  content.subprocessors.changes.insert(content.subprocessors.changes.begin(), {newer, again});
  const std::string after =
      render_subprocessor_feed(config, content, output_strings(), "en", ymd(2026, 5, 1));

  CHECK(has(after, "<id>tag:acme.example,2026-04-02:/trust/en/subprocessors/aws/updated</id>"));
  CHECK(has(after, "<id>tag:acme.example,2026-04-02:/trust/en/subprocessors/aws/updated-2</id>"));
  CHECK(has(after, "  <updated>2026-04-02T00:00:00Z</updated>\n  <author>"));
  // The old entries are unchanged, ids included.
  CHECK(has(after, entry(before, 0)));
  CHECK(has(after, entry(before, 1)));
  CHECK(entry(after, 2) == entry(before, 0));
}

TEST_CASE("atom feed: no changes -> a valid feed without entries, updated = stamp") {
  Content content = output_content();
  content.subprocessors.changes.clear();
  const std::string feed =
      render_subprocessor_feed(output_config(), content, output_strings(), "en", ymd(2026, 5, 1));
  CHECK(has(feed, "<updated>2026-05-01T00:00:00Z</updated>"));
  CHECK_FALSE(has(feed, "<entry>"));
  CHECK(has(feed, "</feed>\n"));
}
