#include "build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "assets.h"
#include "atom_feed.h"
#include "config.h"
#include "content.h"
#include "data_dirs.h"
#include "headers.h"
#include "locales.h"
#include "monitoring.h"
#include "mustache.h"
#include "security_txt.h"
#include "sitemap.h"
#include "stamp.h"
#include "trust_json.h"
#include "view_model.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

void report_template_error(const mustache::TemplateError& error, DiagnosticSink& sink) {
  sink.error({error.file(), error.line(), error.column()}, error.message());
}

// Renders every planned page, in parallel when there are several: each worker takes the next
// page index; the TemplateLibrary is thread-safe and every template is parsed once.
std::vector<OutputFile> render_pages(const std::vector<PagePlan>& plans,
                                     mustache::TemplateLibrary& library, DiagnosticSink& sink) {
  std::vector<OutputFile> files(plans.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < plans.size(); i = next++) {
      try {
        files[i] = {plans[i].output_path, library.render(plans[i].template_name, plans[i].context)};
      } catch (const mustache::TemplateError& error) {
        // A render-time error (a limit) names the page being rendered, too.
        sink.error({error.file(), error.line(), error.column()},
                   "while rendering " + plans[i].output_path + ": " + error.message());
      } catch (const std::exception& error) {
        // Never let an exception escape a worker thread (std::terminate).
        sink.error({}, "cannot render " + plans[i].output_path + ": " + error.what());
      }
    }
  };
  const std::size_t workers =
      std::min<std::size_t>(plans.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  return files;
}

}  // namespace

BuildReport run_build(const BuildOptions& options) {
  BuildReport report;
  DiagnosticSink sink(options.strict);
  auto finish = [&](int exit_code) {
    report.diagnostics = sink.sorted();
    report.exit_code = exit_code;
    return report;
  };

  try {
    report.out_dir = fs::absolute(options.out_dir ? *options.out_dir : options.site_dir / "public")
                         .lexically_normal();
    SiteConfig config = load_config(options.site_dir, sink);
    if (!options.base_url.empty()) {
      if (auto normalized = normalize_base_url(options.base_url))
        config.base_url = *normalized;
      else
        sink.error({},
                   "--base-url '" + options.base_url +
                       "' is not an absolute http(s) URL; expected e.g. https://trust.example.com");
    }
    if (options.write_output) {
      try {
        check_output_dir(report.out_dir, config.site_dir);
      } catch (const FatalError& error) {
        sink.error(error.location(), error.what());
      }
    }
    if (config.locales.empty() || config.default_locale.empty()) return finish(1);
    if (config.monitoring) validate_monitoring_config(*config.monitoring, sink);

    const UiStrings strings = UiStrings::load(config, sink);
    const Content content = load_content(config, sink, reserved_ids());

    // The theme: <site>/themes/<name>/ first, then trustsite's own (SPEC 1).
    const auto theme_dir = find_in_search_dirs(config.site_dir, fs::path("themes") / config.theme);
    if (!theme_dir) {
      const fs::path theme = fs::path("themes") / config.theme;
      sink.error(config.theme_location,
                 "theme '" + config.theme + "' not found (looked in " +
                     display_path(config.site_dir / theme, config.site_dir) + "/ and " +
                     display_path(data_dir() / theme, config.site_dir) +
                     "/); expected a directory themes/" + config.theme + "/ in the site");
      return finish(1);
    }
    std::vector<std::pair<fs::path, std::string>> template_dirs;
    for (const fs::path& dir : {config.site_dir / "templates", *theme_dir / "templates"})
      template_dirs.emplace_back(dir, display_path(dir, config.site_dir));
    mustache::TemplateLibrary library(mustache::directory_loader(template_dirs),
                                      mustache::TemplateLibrary::MissingPartial::throw_error);
    for (const char* name : {"chooser", "home", "page", "not_found"}) {
      for (const auto& error : library.check(name)) report_template_error(error, sink);
      try {
        if (!library.get(name))
          sink.error({display_path(*theme_dir / "templates", config.site_dir), 0, 0},
                     std::string("template '") + name + "' not found; expected " + name +
                         ".mustache in " + mustache::describe_directories(template_dirs));
      } catch (const mustache::TemplateError&) {
        // A syntax error, already reported by check().
      }
    }

    MonitoringResult live;
    if (config.monitoring) {
      MonitoringOptions monitoring_options;
      monitoring_options.offline = options.offline;
      monitoring_options.write_cache = options.write_output;
      live = load_live_statuses(config, monitoring_options, sink);
      check_monitor_references(content, live, sink);
    }
    // A fatal fetch failure is reported as an error too; only other errors mean exit 1
    // (SPEC 7: 1 wins when both happen).
    if (sink.error_count() > live.fatal_errors) return finish(1);
    if (live.fatal) return finish(3);

    const Date stamp = compute_stamp(config, content);
    const std::vector<AssetFile> assets = load_assets(
        *theme_dir / "static", display_path(*theme_dir / "static", config.site_dir), sink);
    SiteModel model{config, content, strings, live, stamp, {}};
    for (const auto& asset : assets)
      model.assets[asset.source_name] = {asset.output_path, asset.integrity};

    std::vector<OutputFile> files = render_pages(plan_pages(model), library, sink);
    for (const auto& asset : assets) files.push_back({asset.output_path, asset.content});
    // What crawlers, feed readers, vendor-risk tools and the host read (SPEC 4).
    files.push_back({"sitemap.xml", render_sitemap(config, content, stamp)});
    files.push_back({"robots.txt", render_robots_txt(config)});
    files.push_back({"trust.json", render_trust_json(config, content, live, stamp)});
    std::vector<std::string> feed_paths;
    if (content.has_subprocessors) {
      for (const auto& locale : config.locales) {
        feed_paths.push_back(subprocessor_feed_path(locale));
        files.push_back(
            {feed_paths.back(), render_subprocessor_feed(config, content, strings, locale, stamp)});
      }
    }
    if (auto security_txt = render_security_txt(config, content, stamp, today_utc(), sink))
      files.push_back({kSecurityTxtPath, std::move(*security_txt)});
    files.push_back({"_headers", render_headers_file(feed_paths)});
    if (sink.has_errors()) return finish(1);

    if (options.write_output) write_site(report.out_dir, config.site_dir, files);
    report.files = std::move(files);
    return finish(0);
  } catch (const FatalError& error) {
    sink.error(error.location(), error.what());
    return finish(error.exit_code());
  } catch (const mustache::TemplateError& error) {
    report_template_error(error, sink);
    return finish(1);
  } catch (const std::exception& error) {
    // Unexpected failures (a filesystem error, out of memory) still end as a diagnostic.
    sink.error({}, std::string("the build stopped: ") + error.what());
    return finish(1);
  }
}

}  // namespace trustsite
