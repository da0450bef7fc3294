// `trustsite new` (SPEC 7): the planned files, the option errors, and the writer that never
// overwrites. Every planned site must pass `check --strict` at once.
#include "new_site.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "build.h"
#include "data_dirs.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::diagnostics_text;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

namespace {

NewSiteOptions options_for(std::vector<std::string> locales, std::string name = "Acme AB") {
  NewSiteOptions options;
  options.company_name = std::move(name);
  options.locales = std::move(locales);
  options.today = *parse_date("2026-03-14");
  return options;
}

const std::vector<NewSiteFile> kSchemas{{"site.schema.json", "{}\n"},
                                        {"controls.schema.json", "{}\n"}};

const NewSiteFile* find(const std::vector<NewSiteFile>& files, const fs::path& path) {
  for (const auto& file : files)
    if (file.path == path) return &file;
  return nullptr;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::string usage_error(const NewSiteOptions& options) {
  try {
    plan_new_site(options, kSchemas);
  } catch (const NewSiteError& error) {
    CHECK(error.usage());
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("new: the planned files, each YAML file with its schema modeline") {
  const auto files = plan_new_site(options_for({"en", "sv"}), kSchemas);
  std::vector<std::string> paths;
  for (const auto& file : files) paths.push_back(file.path.generic_string());
  CHECK(paths == std::vector<std::string>{"site.yaml", "content/controls/access-control.yaml",
                                          "README.md", ".gitignore", "schemas/site.schema.json",
                                          "schemas/controls.schema.json"});

  const auto* site = find(files, "site.yaml");
  REQUIRE(site != nullptr);
  CHECK(first_line(site->content) == "# yaml-language-server: $schema=schemas/site.schema.json");
  const auto* controls = find(files, "content/controls/access-control.yaml");
  REQUIRE(controls != nullptr);
  // Relative to the file, as yaml-language-server resolves it: content/controls/ -> schemas/.
  CHECK(first_line(controls->content) ==
        "# yaml-language-server: $schema=../../schemas/controls.schema.json");
  CHECK(find(files, "schemas/site.schema.json")->content == "{}\n");

  const YAML::Node config = YAML::Load(site->content);
  CHECK(config["default_locale"].as<std::string>() == "en");
  CHECK(config["locales"][0].as<std::string>() == "en");
  CHECK(config["locales"][1].as<std::string>() == "sv");
  CHECK(config["title"]["sv"].as<std::string>() == "Acme AB Trygghetscenter");
  const YAML::Node category = YAML::Load(controls->content);
  CHECK(category["controls"][0]["updated"].as<std::string>() == "2026-03-14");
  CHECK(category["controls"][0]["status"].as<std::string>() == "planned");

  const auto* readme = find(files, "README.md");
  REQUIRE(readme != nullptr);
  for (const char* command : {"trustsite check --site . --strict",
                              "trustsite build --site . --out public", "trustsite serve --site ."})
    CHECK_MESSAGE(readme->content.find(command) != std::string::npos, command);
  CHECK(find(files, ".gitignore")->content.find("/public/") != std::string::npos);
}

TEST_CASE("new: the company name is written as data, whatever it contains") {
  const std::string name = "Ä \"Quoted\": #1 {AB} & 'co' \\ ✓";
  const auto files = plan_new_site(options_for({"sv"}, name), kSchemas);
  const YAML::Node config = YAML::Load(find(files, "site.yaml")->content);
  CHECK(config["company"]["name"].as<std::string>() == name);
  CHECK(config["title"]["sv"].as<std::string>() == name + " Trygghetscenter");
  CHECK(config["default_locale"].as<std::string>() == "sv");
  CHECK_FALSE(config["title"]["en"]);  // only the chosen locales
}

TEST_CASE("new: bad --name and --locales values are usage errors") {
  CHECK(usage_error(options_for({"en"}, "  ")) ==
        "--name is empty; expected the company's name, e.g. --name \"Acme AB\"");
  CHECK(usage_error(options_for({"en"}, "Acme\nAB")).starts_with("--name contains a line break"));
  CHECK(usage_error(options_for({"en"}, "Acme \xff AB")) == "--name is not valid UTF-8 text");
  CHECK(usage_error(options_for({})) ==
        "--locales is empty; expected a comma-separated list such as en,sv");
  CHECK(usage_error(options_for({"en", "en"})) ==
        "--locales names 'en' twice; expected each locale once");
  CHECK(usage_error(options_for({"EN"})).starts_with("--locales: 'EN' is not a locale code"));
  const std::string unknown = usage_error(options_for({"en", "de"}));
  CHECK(unknown.starts_with(
      "--locales: trustsite new has starter text for en and sv only, not 'de'. Create the site "
      "with those, then add de: list it in site.yaml's locales, add locales/de.yaml"));
}

TEST_CASE("new: every locale choice gives a site that passes check --strict at once") {
  const auto schemas = read_schema_files(read_environment().data_dir);
  for (const auto& locales :
       std::vector<std::vector<std::string>>{{"en"}, {"sv"}, {"en", "sv"}, {"sv", "en"}}) {
    CAPTURE(locales.front());
    CAPTURE(locales.size());
    TempDir dir;
    write_new_site(dir / "site", plan_new_site(options_for(locales), schemas));
    BuildOptions options;
    options.site_dir = dir / "site";
    options.strict = true;
    options.write_output = false;
    const BuildReport report = run_build(options, trustsite::testing::test_environment());
    CHECK_MESSAGE(report.exit_code == 0, diagnostics_text(report.diagnostics));
    CHECK_MESSAGE(report.diagnostics.empty(), diagnostics_text(report.diagnostics));
    // The modelines point at the copied schemas, which are trustsite's own.
    CHECK(read_file(dir / "site/schemas/controls.schema.json") ==
          read_file(read_environment().data_dir / "schemas/controls.schema.json"));
    CHECK_FALSE(fs::exists(dir / "site/themes"));
    CHECK_FALSE(fs::exists(dir / "site/locales"));
  }
}

TEST_CASE("new: read_schema_files reads trustsite's schemas, and fails without them") {
  const auto schemas = read_schema_files(read_environment().data_dir);
  std::vector<std::string> names;
  for (const auto& schema : schemas) names.push_back(schema.path.string());
  CHECK(std::find(names.begin(), names.end(), "site.schema.json") != names.end());
  CHECK(std::find(names.begin(), names.end(), "controls.schema.json") != names.end());
  CHECK(std::is_sorted(names.begin(), names.end()));
  TempDir empty;
  CHECK_THROWS_WITH_AS(read_schema_files(empty.path()),
                       doctest::Contains("no JSON Schemas (*.schema.json) in"), NewSiteError);
}

TEST_CASE("new: writes into a new, an empty or an unrelated non-empty directory") {
  const auto files = plan_new_site(options_for({"en"}), kSchemas);
  TempDir dir;
  write_new_site(dir / "a/b/new", files);  // parents are created
  CHECK(read_file(dir / "a/b/new/site.yaml") == files[0].content);
  fs::create_directories(dir / "empty");
  write_new_site(dir / "empty", files);
  CHECK(fs::is_regular_file(dir / "empty/content/controls/access-control.yaml"));
  write_file(dir / "repo/LICENSE", "mine\n");
  fs::create_directories(dir / "repo/.git");
  write_new_site(dir / "repo", files);
  CHECK(read_file(dir / "repo/LICENSE") == "mine\n");
  CHECK(fs::is_regular_file(dir / "repo/site.yaml"));
}

TEST_CASE("new: refuses before writing anything when a file exists, and never overwrites") {
  const auto files = plan_new_site(options_for({"en"}), kSchemas);
  TempDir dir;
  write_file(dir / "site/README.md", "my readme\n");
  write_file(dir / "site/schemas/site.schema.json", "{\"mine\": true}\n");
  CHECK_THROWS_WITH_AS(
      write_new_site(dir / "site", files),
      doctest::Contains("already has README.md, schemas/site.schema.json; trustsite new never "
                        "overwrites a file"),
      NewSiteError);
  CHECK(read_file(dir / "site/README.md") == "my readme\n");
  CHECK(read_file(dir / "site/schemas/site.schema.json") == "{\"mine\": true}\n");
  CHECK_FALSE(fs::exists(dir / "site/site.yaml"));
  CHECK_FALSE(fs::exists(dir / "site/content"));

  // A dangling symlink counts as existing: its target is never created.
  fs::create_directories(dir / "linked");
  fs::create_symlink(dir / "elsewhere.yaml", dir / "linked/site.yaml");
  CHECK_THROWS_AS(write_new_site(dir / "linked", files), NewSiteError);
  CHECK_FALSE(fs::exists(dir / "elsewhere.yaml"));

  write_file(dir / "file", "x");
  CHECK_THROWS_WITH_AS(write_new_site(dir / "file", files),
                       doctest::Contains("exists and is not a directory"), NewSiteError);
}

TEST_CASE("new: a failure part way removes what this run created") {
  const auto files = plan_new_site(options_for({"en"}), kSchemas);
  TempDir dir;
  // `schemas` is a file, so schemas/site.schema.json cannot be created after the other files.
  write_file(dir / "site/schemas", "not a directory\n");
  try {
    write_new_site(dir / "site", files);
    FAIL("expected a NewSiteError");
  } catch (const NewSiteError& error) {
    CHECK_FALSE(error.usage());
    CHECK(std::string(error.what()).find("nothing was written") != std::string::npos);
  }
  std::vector<std::string> left;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "site"))
    left.push_back(fs::relative(entry.path(), dir / "site").generic_string());
  CHECK(left == std::vector<std::string>{"schemas"});
  CHECK(read_file(dir / "site/schemas") == "not a directory\n");
}
