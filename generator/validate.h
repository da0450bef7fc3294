// Validation: the stage between loading (and fetching live statuses) and the view model. It
// checks what no single loader can see — the shared id namespace and the theme's reserved ids,
// references between kinds, page slugs against the site's own paths — and resolves every
// reference once (a change to its sub-processor, a disclosure to its provider, a control to its
// live status and its framework labels to their framework, a framework to its document, a
// highlight to its target, documents to where access is requested), so that every later stage
// is a pure function of valid, resolved data.
#pragma once

#include "config.h"
#include "content.h"
#include "date.h"
#include "diagnostics.h"
#include "live_status.h"
#include "theme.h"

namespace trustsite {

// Checks `content` against itself, `config`, the theme and the live data, reports every
// problem to `sink` with its position, and fills the resolved pointers of `content` (they point
// into `content` and `live`, which must outlive every use and not be modified afterwards).
// `today` is the UTC date of "now" (SPEC 2, Environment::today()): what is upcoming is judged
// at it (resolve_change_notices).
void validate_content(const SiteConfig& config, Content& content, const Theme& theme,
                      const MonitoringResult& live, const Date& today, DiagnosticSink& sink);

// The change notices of sub-processors (SPEC 3; GDPR Art. 28(2)), run by validate_content()
// after the changes are resolved to their sub-processors:
// - marks each change `upcoming` when its `date` is after `today` (one taking effect today is
//   current), and each listed sub-processor with `from` (an upcoming `added` change) and
//   `until` (a `removed` change while it is still listed), `upcoming` when either is after
//   `today`;
// - with `notice_days`, an `added` change announced fewer days before its date, or with no
//   `announced` date, is a strict warning naming the promise and the days given;
// - an `announced` date after `today` is a strict warning (the page would date a notice it
//   has not given yet);
// - an upcoming `removed` change naming a sub-processor that is no longer listed is an error
//   (it still processes data until then), and a listed sub-processor whose removal has taken
//   effect is a strict warning.
void resolve_change_notices(SubprocessorList& list, const Date& today, DiagnosticSink& sink);

// The part of validate_content() about live data: resolves each control's `monitor` to its
// item; one that names no item (when there is data) is a warning at its `monitor` value naming
// a near miss or the known ids.
void resolve_monitor_references(Content& content, const MonitoringResult& live,
                                DiagnosticSink& sink);

// How many days before a framework's `expires` the build starts to warn (SPEC 3).
inline constexpr int kExpiryWarningDays = 30;

// The part of validation that depends on "now" (SPEC 2: judged at Environment::now_unix, its
// UTC date `today`, never at SOURCE_DATE_EPOCH), for content/compliance.yaml: an achieved entry
// whose `expires` is before `today` is marked expired (shown as expired, never as achieved) with
// a strict warning; one that expires within kExpiryWarningDays is a warning; an `issued` after
// today is a strict warning and an `expected` period that has ended a warning, at their positions.
void judge_framework_dates(FrameworkList& frameworks, const Date& today, DiagnosticSink& sink);

// The checks of what the build derives from valid content, run once the update stamp is known:
// a security.txt whose Expires (`stamp` + expires_after_days) is not after `today` is a warning
// (RFC 9116 section 2.5.5), and so is a page named like a vulnerability disclosure policy on a
// site without `security_txt`.
void validate_outputs(const SiteConfig& config, const Content& content, const Date& stamp,
                      const Date& today, DiagnosticSink& sink);

// The slugs of pages that look like a vulnerability disclosure policy.
bool is_disclosure_page_slug(const std::string& slug);

}  // namespace trustsite
