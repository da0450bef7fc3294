// The trustsite command line (SPEC 7): CLI11 setup, and the mapping of results to output and
// exit codes. Everything else lives in the core library.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "allocator.h"
#include "build.h"
#include "environment.h"
#include "file_system.h"
#include "interrupt.h"
#include "mustache.h"
#include "new_site.h"
#include "serve.h"
#include "url.h"

namespace {

using trustsite::Diagnostic;

enum class Format { text, json, github };

// Anything main prints that comes from outside (paths, option values, library messages) is
// printed like diagnostics are: without control characters, valid UTF-8, bounded.
std::string shown(const std::string& text) {
  return trustsite::printable_text(text, trustsite::kMaxMessageBytes);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Format format) {
  switch (format) {
    case Format::text:
      for (const auto& d : diagnostics) std::cerr << trustsite::format_text(d) << '\n';
      break;
    case Format::github:
      for (const auto& d : diagnostics) std::cout << trustsite::format_github(d) << '\n';
      break;
    case Format::json: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& d : diagnostics) array.push_back(trustsite::to_json(d));
      std::cout << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      break;
    }
  }
}

std::string summary(const trustsite::BuildReport& report) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : report.diagnostics)
    (d.severity == trustsite::Severity::error ? errors : warnings)++;
  return std::to_string(errors) + " error" + (errors == 1 ? "" : "s") + ", " +
         std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s");
}

int render_template(const std::string& template_path, const std::string& data_path,
                    const std::string& partials_dir) {
  namespace fs = std::filesystem;
  // Named on the command line, so they may be anywhere; still regular files of bounded size
  // (a FIFO never hangs, /dev/zero never fills the memory).
  const trustsite::DiskFileSystem files({});
  const trustsite::ReadResult data = files.read(data_path, trustsite::kMaxInputFileBytes);
  if (!data.ok()) {
    std::cerr << shown(data_path) << ": error: the data file "
              << trustsite::describe_read_failure(data, trustsite::kMaxInputFileBytes)
              << "; expected a JSON file\n";
    return 1;
  }
  nlohmann::json context;
  try {
    context = nlohmann::json::parse(data.text);
  } catch (const nlohmann::json::exception& error) {
    std::cerr << shown(data_path) << ": error: invalid JSON (" << shown(error.what())
              << "); expected a JSON value\n";
    return 1;
  }
  const trustsite::ReadResult source = files.read(template_path, trustsite::kMaxInputFileBytes);
  if (!source.ok()) {
    std::cerr << shown(template_path) << ": error: the template "
              << trustsite::describe_read_failure(source, trustsite::kMaxInputFileBytes)
              << "; expected a readable template file\n";
    return 1;
  }
  const fs::path dir =
      partials_dir.empty() ? fs::path(template_path).parent_path() : fs::path(partials_dir);
  const std::string display =
      partials_dir.empty() ? fs::path(template_path).parent_path().generic_string() : partials_dir;
  try {
    trustsite::mustache::TemplateLibrary library(trustsite::mustache::directory_loader(
        {{dir.empty() ? fs::path(".") : dir, display}}, files));
    auto parsed = trustsite::mustache::parse(source.text, template_path);
    std::string output = library.render(*parsed, context);
    std::fwrite(output.data(), 1, output.size(), stdout);
    return 0;
  } catch (const trustsite::mustache::TemplateError& error) {
    std::cerr << shown(error.what()) << '\n';
    return 1;
  }
}

}  // namespace

// CLI11 validator for --base-url: a bad value is a usage error (exit 2, SPEC 7).
const CLI::Validator kBaseUrl(
    [](std::string& value) -> std::string {
      if (trustsite::normalize_base_url(value)) return {};
      return trustsite::quoted_excerpt(value) +
             " is not an absolute http(s) URL; expected e.g. https://trust.example.com";
    },
    "URL");

int run(int argc, char** argv) {
  CLI::App app{"trustsite — builds a multilingual, static Trust Center from YAML and Markdown"};
  // CLI11's messages quote the command line (an unexpected argument, a bad value): printed
  // like every other message, without control characters.
  app.failure_message([](const CLI::App* app, const CLI::Error& error) {
    const std::string message = CLI::FailureMessage::simple(app, error);
    const std::size_t quoted = std::string_view(error.what()).size();
    return shown(error.what()) + message.substr(std::min(quoted, message.size()));
  });
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print the version and exit");

  trustsite::BuildOptions build_options;
  std::string site = ".", out, base_url;
  bool strict = false, offline = false;

  auto* build = app.add_subcommand("build", "Build the site into the output directory");
  build->add_option("--site", site, "Site directory (default: current directory)");
  build->add_option("-o,--out", out, "Output directory (default: <site>/public)");
  build->add_flag("--strict", strict, "Treat warnings such as missing translations as errors");
  build->add_flag("--offline", offline, "Do not fetch live statuses; use the cache if any");
  build->add_option("--base-url", base_url, "Override site.yaml's base_url")->check(kBaseUrl);

  Format format = Format::text;
  auto* check = app.add_subcommand("check", "Validate the site without writing anything");
  check->add_option("--site", site, "Site directory (default: current directory)");
  check->add_flag("--strict", strict, "Treat warnings such as missing translations as errors");
  check->add_flag("--offline", offline, "Do not fetch live statuses; use the cache if any");
  std::string format_name = "text";
  check
      ->add_option("--format", format_name,
                   "Diagnostics format: text (stderr), json or github (stdout)")
      ->check(CLI::IsMember({"text", "json", "github"}));

  std::string host = "127.0.0.1";
  int port = 1313;
  auto* serve =
      app.add_subcommand("serve", "Preview the site on a local web server, rebuilding on changes");
  serve->add_option("--site", site, "Site directory (default: current directory)");
  serve->add_option("--port", port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--bind", host, "Address to listen on")->capture_default_str();
  serve->add_flag("--strict", strict, "Treat warnings such as missing translations as errors");
  serve->add_flag("--offline", offline, "Do not fetch live statuses; use the cache if any");
  serve->add_option("--base-url", base_url, "Override site.yaml's base_url")->check(kBaseUrl);

  std::string new_dir;
  trustsite::NewSiteOptions new_options;
  auto* create = app.add_subcommand("new", "Start a new site: a minimal valid site in DIR");
  create->add_option("DIR", new_dir, "Directory to create (or an empty one)")->required();
  create->add_option("--name", new_options.company_name, "Company name")->capture_default_str();
  create
      ->add_option("--locales", new_options.locales,
                   "Comma-separated locales; the first is the default")
      ->delimiter(',')
      ->capture_default_str();

  std::string template_path, data_path, partials_dir;
  auto* render = app.add_subcommand("render-template",
                                    "Render one Mustache template with a JSON context to stdout");
  render->add_option("TEMPLATE", template_path, "The template file")->required();
  render->add_option("--data", data_path, "JSON file with the context")->required();
  render->add_option("--partials", partials_dir,
                     "Directory of partials and parents (default: the template's directory)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  if (show_version) {
    std::cout << "trustsite " << TRUSTSITE_VERSION << '\n';
    return 0;
  }
  if (*render) return render_template(template_path, data_path, partials_dir);

  // The outside world, read once (the clock, SOURCE_DATE_EPOCH, the data directory, the
  // variables) and passed to the stages as a value.
  std::vector<trustsite::EnvironmentError> environment_errors;
  const trustsite::Environment environment = trustsite::read_environment(&environment_errors);
  if (!environment_errors.empty()) {
    for (const auto& error : environment_errors)
      std::cerr << "trustsite: error: " << trustsite::printable_text(error.message) << '\n';
    return 2;
  }
  if (*create) {
    try {
      new_options.today = environment.today();
      const auto files =
          trustsite::plan_new_site(new_options, trustsite::read_schema_files(environment.data_dir));
      trustsite::write_new_site(new_dir, files);
      std::cout << "trustsite: created a site in " << shown(new_dir) << ":\n";
      for (const auto& file : files) std::cout << "  " << file.path.generic_string() << '\n';
      std::cout << "Next, in " << shown(new_dir) << " (see its README.md):\n"
                << "  trustsite check --site . --strict\n"
                << "  trustsite build --site . --out public\n"
                << "  trustsite serve --site .\n";
      return 0;
    } catch (const trustsite::NewSiteError& error) {
      std::cerr << "trustsite new: error: " << shown(error.what()) << '\n';
      return error.usage() ? 2 : 1;
    }
  }
  if (*serve) {
    trustsite::ServeOptions serve_options;
    serve_options.build.site_dir = site;
    serve_options.build.strict = strict;
    serve_options.build.offline = offline;
    serve_options.build.base_url = base_url;
    serve_options.host = host;
    serve_options.port = port;
    return trustsite::serve(serve_options, environment);
  }
  if (!*build && !*check) {
    std::cerr << app.help();
    return 2;
  }

  format = format_name == "json"     ? Format::json
           : format_name == "github" ? Format::github
                                     : Format::text;
  build_options.site_dir = site;
  if (!out.empty()) build_options.out_dir = out;
  build_options.strict = strict;
  build_options.offline = offline;
  build_options.base_url = base_url;
  build_options.write_output = static_cast<bool>(*build);
  // Only the count is printed: no file is held after it is written (or, for check, produced).
  build_options.keep_files = false;

  // SIGINT/SIGTERM during a build: taken by a thread (before the build starts any other), so
  // that the site writer can remove its half-written tree (exit 130 or 143).
  std::optional<trustsite::InterruptHandler> interrupts;
  if (*build) interrupts.emplace();
  trustsite::BuildReport report = trustsite::run_build(build_options, environment);
  print_diagnostics(report.diagnostics, *check ? format : Format::text);
  if (*build && report.exit_code == 0) {
    std::cerr << "trustsite: wrote " << report.file_count << " files to "
              << shown(report.out_dir.string()) << " (" << summary(report) << ")\n";
  } else if (*check && format == Format::text) {
    std::cerr << "trustsite: " << summary(report) << '\n';
  } else if (*build) {
    std::cerr << "trustsite: build failed (" << summary(report) << ")";
    if (!report.out_dir.empty())
      std::cerr << "; " << shown(report.out_dir.string()) << " was not changed";
    std::cerr << '\n';
  }
  return report.exit_code;
}

int main(int argc, char** argv) {
  trustsite::configure_allocator();
  // Anything unexpected (out of memory, a filesystem error the stages did not anticipate) still
  // ends with a message and exit 1, never an abort.
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "trustsite: error: " << shown(error.what()) << '\n';
    return 1;
  }
}
