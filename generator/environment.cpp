#include "environment.h"

#include <chrono>
#include <system_error>

#include "utf8.h"

extern char** environ;

namespace trustsite {

namespace fs = std::filesystem;

std::optional<std::string> Environment::variable(const std::string& name) const {
  auto it = variables.find(name);
  if (it == variables.end()) return std::nullopt;
  return it->second;
}

fs::path find_data_dir(const std::map<std::string, std::string>& variables) {
  if (auto it = variables.find("TRUSTSITE_DATA_DIR"); it != variables.end() && !it->second.empty())
    return fs::path(it->second);
  std::error_code ec;
  // An installed binary (<prefix>/bin/trustsite) finds <prefix>/share/trustsite, wherever the
  // prefix was moved to.
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = executable.parent_path().parent_path() / "share" / "trustsite";
    if (fs::is_directory(installed / "themes", ec)) return installed;
  }
  // A binary in a build tree uses the source tree it was built from.
  const fs::path source(TRUSTSITE_SOURCE_DATA_DIR);
  if (fs::is_directory(source / "themes", ec)) return source;
  return fs::path(TRUSTSITE_INSTALL_DATA_DIR);
}

std::int64_t wall_clock_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

Environment read_environment(std::vector<EnvironmentError>* errors) {
  Environment environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    environment.variables.emplace(std::string(text.substr(0, equals)),
                                  std::string(text.substr(equals + 1)));
  }
  environment.now_unix = wall_clock_seconds();
  if (auto now = environment.variable("TRUSTSITE_NOW"); now && !now->empty()) {
    if (auto parsed = parse_rfc3339(*now); parsed && !is_supported_time(*parsed)) {
      if (errors != nullptr)
        errors->push_back({"TRUSTSITE_NOW is '" + std::string(truncate_utf8(*now, 64)) +
                           "', outside the dates trustsite accepts; expected a date-time " +
                           supported_dates_text()});
    } else if (parsed) {
      environment.now_unix = *parsed;
      environment.now_override = *now;
    } else if (errors != nullptr) {
      errors->push_back({"TRUSTSITE_NOW is '" + std::string(truncate_utf8(*now, 64)) +
                         "'; expected an RFC 3339 date-time such as 2026-12-01T12:00:00Z"});
    }
  }
  if (auto epoch = environment.variable("SOURCE_DATE_EPOCH")) {
    environment.source_date_epoch = parse_source_date_epoch(*epoch);
    if (environment.source_date_epoch && !is_supported_time(*environment.source_date_epoch)) {
      environment.source_date_epoch.reset();
      if (errors != nullptr)
        errors->push_back({"SOURCE_DATE_EPOCH is " + std::string(truncate_utf8(*epoch, 64)) +
                           ", a time outside the dates trustsite accepts; expected seconds since "
                           "1970 up to the end of " +
                           std::to_string(kMaxSupportedYear)});
    }
  }
  environment.data_dir = find_data_dir(environment.variables);
  return environment;
}

}  // namespace trustsite
