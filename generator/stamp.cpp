#include "stamp.h"

namespace trustsite {

std::optional<Date> latest_content_date(const Content& content, const Date& today) {
  std::optional<Date> latest;
  auto consider = [&](const std::optional<Date>& date) {
    if (date && *date <= today && (!latest || *date > *latest)) latest = date;
  };
  for (const auto& category : content.categories)
    for (const auto& control : category.controls) consider(control.updated);
  for (const auto& subprocessor : content.subprocessors.items) consider(subprocessor.since);
  for (const auto& change : content.subprocessors.changes) {
    consider(change.date);
    consider(change.announced);
  }
  for (const auto& page : content.pages)
    for (const auto& [locale, source] : page.by_locale) consider(source.updated);
  // A framework's `issued` and a document's `updated`; never `expires` or `expected`, which are
  // not the day anything changed.
  for (const auto& framework : content.frameworks.items) consider(framework.issued);
  for (const auto& document : content.documents.items) consider(document.updated);
  return latest;
}

Stamp compute_stamp(const SiteConfig& config, const Content& content, const StampInputs& inputs) {
  if (config.updated_mode == UpdatedMode::fixed && config.updated_date)
    return {*config.updated_date, StampSource::fixed};
  if (config.updated_mode == UpdatedMode::git && inputs.git_date)
    return {*inputs.git_date, StampSource::git};
  if (auto date = latest_content_date(content, inputs.today)) return {*date, StampSource::content};
  if (inputs.source_date_epoch) return {*inputs.source_date_epoch, StampSource::source_date_epoch};
  return {inputs.today, StampSource::today};
}

}  // namespace trustsite
