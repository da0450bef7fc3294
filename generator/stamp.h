// The "Updated YYYY-MM-DD" stamp of the site (SPEC 5).
#pragma once

#include <optional>

#include "config.h"
#include "content.h"
#include "date.h"

namespace trustsite {

// The latest date found in content that is not after `today` (SPEC 5: a date after "now", such
// as an upcoming change, never counts): control `updated`, sub-processor `since`, change `date`
// and `announced`, page `updated` (any locale), framework `issued`, document `updated` (never a
// framework's `expires` or `expected`); nullopt when there is none.
std::optional<Date> latest_content_date(const Content& content, const Date& today);

// Where the stamp came from.
enum class StampSource { fixed, git, content, source_date_epoch, today };

struct Stamp {
  Date date;
  StampSource source = StampSource::content;
};

// What the stamp may be taken from besides the content, read at the edge (build.cpp).
struct StampInputs {
  std::optional<Date> git_date;           // the last commit touching content/ (updated: git)
  std::optional<Date> source_date_epoch;  // the date of SOURCE_DATE_EPOCH
  Date today;                             // "now" in UTC (SPEC 2); later dates never count
};

// The stamp: `updated: YYYY-MM-DD` as given; `git` -> inputs.git_date, falling back to auto;
// `auto` -> latest_content_date, else SOURCE_DATE_EPOCH's date, else today. Pure.
Stamp compute_stamp(const SiteConfig& config, const Content& content, const StampInputs& inputs);

}  // namespace trustsite
