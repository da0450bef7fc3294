// The "Updated YYYY-MM-DD" stamp of the site (SPEC 5).
#pragma once

#include <optional>

#include "config.h"
#include "content.h"
#include "date.h"

namespace trustsite {

// The latest date found in content: control `updated`, sub-processor `since`, change `date`,
// page `updated` (any locale); nullopt when there is none.
std::optional<Date> latest_content_date(const Content& content);

// The UTC date of the last git commit touching `<site>/content/` (`git log -1 --format=%ct`), or
// nullopt outside a git checkout, without git, or with no such commit.
std::optional<Date> git_content_date(const SiteConfig& config);

// The stamp: `updated: YYYY-MM-DD` as given; `git` -> git_content_date, falling back to auto;
// `auto` -> latest_content_date, else SOURCE_DATE_EPOCH's date, else today in UTC.
Date compute_stamp(const SiteConfig& config, const Content& content);

}  // namespace trustsite
