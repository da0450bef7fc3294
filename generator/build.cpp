#include "build.h"

#include <algorithm>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "allocator.h"
#include "assets.h"
#include "atom_feed.h"
#include "config.h"
#include "content.h"
#include "data_dirs.h"
#include "file_system.h"
#include "git.h"
#include "headers.h"
#include "language_marks.h"
#include "link_check.h"
#include "load_steps.h"
#include "locales.h"
#include "monitoring.h"
#include "mustache.h"
#include "parallel.h"
#include "security_txt.h"
#include "site_paths.h"
#include "sitemap.h"
#include "stamp.h"
#include "theme.h"
#include "trust_json.h"
#include "url.h"
#include "validate.h"
#include "view_model.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

void report_template_error(const mustache::TemplateError& error, DiagnosticSink& sink) {
  sink.error({error.file(), error.line(), error.column()}, error.message());
}

// The templates every theme must have; reports their syntax errors and absence.
void check_templates(mustache::TemplateLibrary& library, const Theme& theme,
                     const SiteConfig& config, DiagnosticSink& sink) {
  for (const char* name : {"chooser", "home", "page", "not_found"}) {
    for (const auto& error : library.check(name)) report_template_error(error, sink);
    try {
      if (!library.get(name))
        sink.error({display_path(theme.dir / "templates", config.site_dir, config.data_dir), 0, 0},
                   std::string("template '") + name + "' not found; expected " + name +
                       ".mustache in " + mustache::describe_directories(theme.template_dirs));
    } catch (const mustache::TemplateError&) {
      // A syntax error, already reported by check().
    }
  }
}

// Plans and renders every page, on every core (parallel_for), and publishes them in plan order.
// Each page's context is built, rendered and freed by one thread (of a home page's controls at
// most two categories' JSON at a time, PagePlan::deferred), so the view models alive at once are
// one per thread (the home pages of a large site would be hundreds of MiB as JSON at 100 000
// controls), and a rendered page waits only until the pages before it are published. `publish`
// (which writes a page and keeps only what the link check needs) and the page's diagnostics
// (into `sink`) run in plan order, one page at a time, whatever thread rendered it: the output
// and the diagnostics are those of rendering one page after the other. Fills `plans` (in
// plan_pages() order, contexts left empty: the link check needs only their links).
void render_pages(const SiteModel& model, std::vector<PagePlan>& plans,
                  mustache::TemplateLibrary& library, DiagnosticSink& sink,
                  const std::function<void(OutputFile&&)>& publish) {
  const PagePlanner planner(model);
  plans.assign(planner.size(), {});
  // A page rendered and not yet published: its HTML (none after an error) and diagnostics.
  struct Rendered {
    explicit Rendered(bool strict) : sink(strict) {}
    DiagnosticSink sink;
    std::optional<std::string> html;
  };
  std::vector<std::unique_ptr<Rendered>> waiting(plans.size());
  std::mutex publish_mutex;
  std::size_t next_to_publish = 0;  // guarded by publish_mutex, as `waiting` and the publishing

  parallel_for(plans.size(), [&](std::size_t i) {
    PagePlan plan = planner.plan(i);
    auto page = std::make_unique<Rendered>(sink.strict());
    try {
      mustache::DeferredValues deferred;
      if (plan.deferred)
        deferred = [&plan](std::uint64_t key) { return plan.deferred->resolve(key); };
      std::string rendered = library.render(plan.template_name, plan.context, deferred);
      // The view model is freed before the copy with language marks is made.
      plan.context = nullptr;
      // UI strings shown in another language carry their `lang` (SPEC 2, language_marks.h).
      page->html = apply_language_marks(std::move(rendered));
    } catch (const mustache::TemplateError& error) {
      // A render-time error (a limit) names the page being rendered, too.
      page->sink.error({error.file(), error.line(), error.column()},
                       "while rendering " + plan.output_path + ": " + error.message());
    } catch (const std::exception& error) {
      page->sink.error({}, "cannot render " + plan.output_path + ": " + error.what());
    }
    plan.context = nullptr;
    if (plan.deferred) {
      plan.deferred->add_links(plan.links);
      plan.deferred.reset();
    }
    // The links were allocated among the view model's nodes; copied now, into the space the
    // freed view model left, they no longer pin its pages.
    plan.links = std::vector<LinkUse>(plan.links.begin(), plan.links.end());
    plans[i] = std::move(plan);

    {
      // Publish this page and every later one already waiting, in plan order.
      std::lock_guard lock(publish_mutex);
      waiting[i] = std::move(page);
      while (next_to_publish < waiting.size() && waiting[next_to_publish]) {
        std::unique_ptr<Rendered> ready = std::move(waiting[next_to_publish]);
        for (Diagnostic& diagnostic : ready->sink.sorted()) sink.report(std::move(diagnostic));
        if (ready->html) publish({plans[next_to_publish].output_path, std::move(*ready->html)});
        ++next_to_publish;
      }
    }
    // What the page freed goes back to the system, so the next page's view model does not start
    // from the high-water mark of this one.
    release_free_memory();
  });
}

// The per-locale summary of missing translations (SPEC 2): a strict warning per locale.
void report_missing_translations(const SiteConfig& config, const MissingTranslations& missing,
                                 DiagnosticSink& sink) {
  for (const auto& [locale, count] : missing)
    sink.strict_warning({}, std::to_string(count) + " missing " + locale + " translation" +
                                (count == 1 ? "" : "s") + " in total (shown in " +
                                config.default_locale + " instead)");
}

}  // namespace

StampInputs read_stamp_inputs(const SiteConfig& config, const Environment& environment) {
  StampInputs inputs;
  inputs.today = environment.today();
  if (environment.source_date_epoch)
    inputs.source_date_epoch = date_from_unix_seconds(*environment.source_date_epoch);
  if (config.updated_mode == UpdatedMode::git)
    if (auto time = last_commit_time(config.site_dir, "content"); time && is_supported_time(*time))
      inputs.git_date = date_from_unix_seconds(*time);
  return inputs;
}

BuildReport run_build(const BuildOptions& options, const Environment& environment) {
  BuildReport report;
  DiagnosticSink sink(options.strict);
  auto finish = [&](int exit_code) {
    report.diagnostics = sink.sorted();
    report.exit_code = exit_code;
    // Moved, not copied: `files` holds the whole output (hundreds of MB for a large site), and
    // run_build returns right after.
    return std::move(report);
  };

  try {
    report.out_dir = fs::absolute(options.out_dir ? *options.out_dir : options.site_dir / "public")
                         .lexically_normal();
    // Every input file is read through this: regular files only, bounded, never through a link
    // that leaves the site or trustsite's data directory.
    const DiskFileSystem files({fs::absolute(options.site_dir), environment.data_dir});
    MissingTranslations missing;

    // Stage 1: configuration.
    SiteConfig config = load_config(options.site_dir, environment.data_dir, files, sink, missing);
    if (!options.base_url.empty()) {
      if (auto normalized = normalize_base_url(options.base_url))
        config.base_url = *normalized;
      else
        sink.error({},
                   "--base-url " + quoted_excerpt(options.base_url) +
                       " is not an absolute http(s) URL; expected e.g. https://trust.example.com");
    }
    if (!environment.now_override.empty())
      sink.warning({}, "TRUSTSITE_NOW is set: \"now\" is " +
                           format_rfc3339_utc(environment.now_unix) +
                           ", not the clock; freshness, expiry and upcoming changes are judged "
                           "at that time (SPEC 2)");
    if (options.write_output) {
      try {
        check_output_dir(report.out_dir, config.site_dir);
      } catch (const FatalError& error) {
        sink.error(error.location(), error.what());
      }
    }
    if (config.locales.empty() || config.default_locale.empty()) return finish(1);
    if (config.monitoring) validate_monitoring_config(*config.monitoring, sink);

    // Stage 2: content, UI strings and the theme.
    // They are independent and load at once; their diagnostics are merged in this order, as a
    // load one after the other gives (load_steps.h).
    std::optional<UiStrings> loaded_strings;
    Content content;
    std::optional<Theme> theme;
    const std::vector<LoadStep> steps = {
        [&](DiagnosticSink& step_sink, MissingTranslations&) {
          loaded_strings = UiStrings::load(config, files, step_sink);
        },
        [&](DiagnosticSink& step_sink, MissingTranslations& step_missing) {
          content = load_content(config, files, step_sink, step_missing);
        },
        [&](DiagnosticSink& step_sink, MissingTranslations&) {
          theme = load_theme(config, files, step_sink);
        },
    };
    auto loaded = run_load_steps(steps, sink.strict());
    merge_load_step(*loaded[0], sink, missing);
    merge_load_step(*loaded[1], sink, missing);
    report_missing_translations(config, missing, sink);
    merge_load_step(*loaded[2], sink, missing);
    loaded.clear();
    const UiStrings& strings = *loaded_strings;
    if (!theme) return finish(1);
    mustache::TemplateLibrary library(mustache::directory_loader(theme->template_dirs, files),
                                      mustache::TemplateLibrary::MissingPartial::throw_error);
    check_templates(library, *theme, config, sink);

    // Stage 3: live statuses (SPEC 6).
    MonitoringResult live;
    if (config.monitoring) {
      MonitoringOptions monitoring_options;
      monitoring_options.offline = options.offline;
      monitoring_options.write_cache = options.write_output;
      monitoring_options.now_unix = environment.now_unix;
      monitoring_options.source_date_epoch = environment.source_date_epoch;
      if (!config.monitoring->token_env.empty())
        monitoring_options.token = environment.variable(config.monitoring->token_env);
      live = load_live_statuses(config, monitoring_options, sink);
    }

    // Stage 4: validation; everything after it is a pure function of valid, resolved data.
    validate_content(config, content, *theme, live, environment.today(), sink);
    judge_framework_dates(content.frameworks, environment.today(), sink);
    // A fatal fetch failure is reported as an error too; only other errors mean exit 1
    // (SPEC 7: 1 wins when both happen).
    if (sink.error_count() > live.fatal_errors) return finish(1);
    if (live.fatal) return finish(3);

    // Stage 5: the update stamp (SPEC 5).
    const Stamp computed = compute_stamp(config, content, read_stamp_inputs(config, environment));
    const Date stamp = computed.date;
    if (computed.source == StampSource::today)
      sink.warning(config.updated_location,
                   "no content carries a date and SOURCE_DATE_EPOCH is not set, so the update "
                   "stamp is today, " +
                       format_date(stamp) +
                       ": the page claims to be current although no content backs that date; "
                       "expected `updated:` dates on controls, pages or sub-processors, or "
                       "`updated: YYYY-MM-DD` in site.yaml (SPEC 5)");
    validate_outputs(config, content, stamp, environment.today(), sink);

    // Stage 6: view model and rendering.
    const fs::path static_dir = theme->dir / "static";
    const std::vector<AssetFile> assets = load_assets(
        files, static_dir, display_path(static_dir, config.site_dir, config.data_dir), sink);
    SiteModel model{config, content, strings, live, stamp, {}, theme->content_security_policy};
    for (const auto& asset : assets)
      model.assets[asset.source_name] = {asset.output_path, asset.integrity};

    // Every output file goes through `publish`, in this order: written into the temporary
    // output tree at once (build, serve), its path and ids noted for the link check, and kept
    // in the report only when asked (tests, check). So a large site's output is never held in
    // memory whole. After the first error nothing more is written; the tree is then removed.
    std::optional<SiteWriter> writer;
    if (options.write_output) writer.emplace(report.out_dir, config.site_dir);
    LinkTargets targets;
    std::vector<OutputFile> kept;
    std::size_t file_count = 0;
    auto publish = [&](OutputFile&& file) {
      targets.add(file.path, file.content);
      if (writer && !sink.has_errors()) writer->add(file.path, file.content);
      if (writer) writer->stop_if_interrupted();  // also when errors stopped the writing
      ++file_count;
      if (options.keep_files) {
        // A buffer may have grown by doubling; the file is kept until the build returns.
        file.content.shrink_to_fit();
        kept.push_back(std::move(file));
      }
    };

    // trust.json (13 MB per 10,000 controls) needs nothing the pages produce: its text is made
    // on a thread of its own while the pages render, which uses the core that would otherwise
    // wait while the last home page finishes. Published in its usual place below.
    std::future<std::string> trust_json =
        std::async(std::launch::async, [&] { return render_trust_json(config, content, stamp); });
    std::vector<PagePlan> plans;
    render_pages(model, plans, library, sink, publish);
    for (const auto& asset : assets) publish({asset.output_path, asset.content});
    // Public document files under their fingerprinted names (one copy of a file named twice).
    std::vector<std::pair<std::string, std::string>> document_types;
    for (const auto& document : content.documents.items) {
      if (!document.file) continue;
      const DocumentFile& file = *document.file;
      if (std::any_of(document_types.begin(), document_types.end(),
                      [&](const auto& seen) { return seen.first == file.output_path; }))
        continue;
      document_types.emplace_back(file.output_path, file.media_type);
      publish({file.output_path, file.bytes});
    }
    // What crawlers, feed readers, vendor-risk tools and the host read (SPEC 4).
    publish({kSitemapFile, render_sitemap(config, content, stamp)});
    publish({kRobotsFile, render_robots_txt(config)});
    publish({kTrustJsonFile, trust_json.get()});
    std::vector<std::string> feed_paths;
    if (content.subprocessors.present) {
      for (const auto& locale : config.locales) {
        feed_paths.push_back(subprocessor_feed_path(locale));
        publish(
            {feed_paths.back(), render_subprocessor_feed(config, content, strings, locale, stamp)});
      }
    }
    if (auto security_txt = render_security_txt(config, stamp))
      publish({kSecurityTxtFile, std::move(*security_txt)});
    publish({kHeadersFile,
             render_headers_file(theme->content_security_policy, feed_paths, document_types)});
    // SPEC 3 "Links": against the output exactly as it is published.
    check_links(plans, targets, config.base_url, sink);
    if (sink.has_errors()) return finish(1);

    // Stage 7: swap the written site into place atomically.
    if (writer) writer->commit();
    report.files = std::move(kept);
    report.file_count = file_count;
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
