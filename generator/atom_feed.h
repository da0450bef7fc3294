// The per-locale Atom feed of sub-processor changes: public/<locale>/subprocessors.atom
// (Atom 1.0, RFC 4287), so customers are told when a sub-processor is added or removed.
#pragma once

#include <string>

#include "config.h"
#include "content.h"
#include "date.h"
#include "locales.h"

namespace trustsite {

// The Atom feed of `content.subprocessors.changes` for `locale`, newest first:
// - feed id: the feed's own absolute URL; entry ids (RFC 4287 atom:id): tag: URIs (RFC 4151)
//   built from the base_url host, the change's effective date, the base path, the locale, the
//   sub-processor id and the change type
//   ("tag:trust.example,2026-02-01:/en/subprocessors/posthog/added"; a repeat of the same four on
//   one date gets "-2", "-3" in file order). They stay the same across builds, when other
//   changes are added and when the note or the `announced` date is edited (neither is part of
//   the id), so a feed reader never shows a change twice.
// - updated and published: the day the change was announced (`announced`, SPEC 3: subscribers
//   hear of a change when customers are told), else its date, at 00:00:00Z; the feed's updated
//   is the newest entry's (with no changes: `stamp`).
// - entry title "<localized type>: <sub-processor name>", summary the localized note (marked with
//   xml:lang when it fell back to the default locale), content (xhtml) the note, the effective
//   and announced dates and, for a change customers can still object to (takes_objections), how
//   and until when (GDPR Art. 28(2)); category term = the change type, and a rel="alternate"
//   link to the sub-processor's row (or the change list for a former one) on the locale's Trust
//   Center page.
// The feed title and subtitle come from the UI strings (subprocessors.feed_title, .intro). All
// text is XML-escaped (xml_escape). Pure and deterministic.
std::string render_subprocessor_feed(const SiteConfig& config, const Content& content,
                                     const UiStrings& strings, const std::string& locale,
                                     const Date& stamp);

}  // namespace trustsite
