#include "new_site.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text_rules.h"

namespace trustsite {

namespace fs = std::filesystem;

namespace {

// The starter text of one locale. The company name is inserted between `*_before` and
// `*_after`, never substituted into a template (a name may contain anything).
struct StarterText {
  std::string locale;
  std::string title_before, title_after;
  std::string tagline_before, tagline_after;
  std::string category_title, category_summary;
  std::string control_title, control_description;
};

const std::vector<StarterText>& starter_texts() {
  static const std::vector<StarterText> texts{
      {"en", "", " Trust Center", "How ",
       " protects your data: our security controls and their status.", "Access control",
       "Who can reach customer data, and how they prove who they are.",
       "Multi-factor authentication",
       "Employees sign in to the systems that hold customer data with a second factor, such as "
       "a security key or an authenticator app."},
      {"sv", "", " Trygghetscenter", "Så skyddar ",
       " era uppgifter: våra säkerhetsåtgärder och deras status.", "Behörighetsstyrning",
       "Vem som kan komma åt kunddata, och hur de visar vem de är.", "Flerfaktorsautentisering",
       "Medarbetare loggar in i de system som innehåller kunddata med en andra faktor, till "
       "exempel en säkerhetsnyckel eller en autentiseringsapp."},
  };
  return texts;
}

const StarterText* starter_text(const std::string& locale) {
  for (const auto& text : starter_texts())
    if (text.locale == locale) return &text;
  return nullptr;
}

// A YAML double-quoted scalar: JSON string syntax is a subset of it (YAML 1.2, 7.3.1).
// Throws NewSiteError (usage) for text that is not valid UTF-8.
std::string quoted(const std::string& text) {
  try {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    throw NewSiteError(true, "--name is not valid UTF-8 text");
  }
}

// A localized field as a block map, one line per locale, indented by `indent` spaces.
std::string localized_block(const std::string& key, const std::vector<std::string>& values,
                            const std::vector<std::string>& locales, int indent) {
  const std::string pad(indent, ' ');
  std::string out = pad + key + ":\n";
  for (std::size_t i = 0; i < locales.size(); ++i)
    out += pad + "  " + locales[i] + ": " + quoted(values[i]) + "\n";
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string site_yaml(const NewSiteOptions& options, const std::vector<const StarterText*>& texts) {
  const std::string& name = options.company_name;
  std::vector<std::string> titles, taglines;
  for (const auto* text : texts) {
    titles.push_back(text->title_before + name + text->title_after);
    taglines.push_back(text->tagline_before + name + text->tagline_after);
  }
  std::string out =
      "# yaml-language-server: $schema=schemas/site.schema.json\n"
      "# The site's configuration. Every field: docs/content.md in trustsite's documentation.\n";
  out += localized_block("title", titles, options.locales, 0);
  out += localized_block("tagline", taglines, options.locales, 0);
  out +=
      "# The URL the site is served at (canonical links, hreflang, the sitemap and feeds use it).\n"
      "# Set it before publishing, or build with --base-url.\n"
      "base_url: https://trust.example.com\n"
      "default_locale: " +
      options.locales.front() +
      "\n"
      "locales: [" +
      join(options.locales, ", ") +
      "]   # each needs UI strings: en and sv come with trustsite\n"
      "theme: default\n"
      "updated: auto   # the latest date in content/\n"
      "company:\n"
      "  name: " +
      quoted(name) +
      "\n"
      "  # Add the addresses customers should use (shown on the page):\n"
      "  # contact: hello@example.com\n"
      "  # security_contact: security@example.com\n"
      "  # privacy_contact: privacy@example.com\n";
  return out;
}

std::string controls_yaml(const NewSiteOptions& options,
                          const std::vector<const StarterText*>& texts) {
  std::vector<std::string> category_titles, summaries, control_titles, descriptions;
  for (const auto* text : texts) {
    category_titles.push_back(text->category_title);
    summaries.push_back(text->category_summary);
    control_titles.push_back(text->control_title);
    descriptions.push_back(text->control_description);
  }
  std::string out =
      "# yaml-language-server: $schema=../../schemas/controls.schema.json\n"
      "# One file per category of security controls; the file name is the category id.\n"
      "category:\n"
      "  order: 10\n";
  out += localized_block("title", category_titles, options.locales, 2);
  out += localized_block("summary", summaries, options.locales, 2);
  out +=
      "controls:\n"
      "  - id: multi-factor-authentication\n";
  out += localized_block("title", control_titles, options.locales, 4);
  out += localized_block("description", descriptions, options.locales, 4);
  out +=
      "    status: planned   # the true one: implemented | in_progress | planned | not_applicable\n"
      "    updated: " +
      format_date(options.today) + "\n";
  return out;
}

std::string readme(const NewSiteOptions& options) {
  std::ostringstream out;
  out << "# " << options.company_name << " Trust Center\n\n"
      << "The sources of " << options.company_name
      << "'s Trust Center, built with trustsite " TRUSTSITE_VERSION
         ". Run these in this\n"
         "directory:\n"
         "\n"
         "```sh\n"
         "trustsite check --site . --strict      # every problem, as file:line:col; exit 1 on "
         "errors\n"
         "trustsite build --site . --out public  # writes the site into public/\n"
         "trustsite serve --site .               # preview on http://127.0.0.1:1313/, rebuilt on "
         "changes\n"
         "```\n"
         "\n"
         "## Before you publish\n"
         "\n"
         "- `site.yaml`: set `base_url` to the URL the site will be served at (or build with\n"
         "  `--base-url`), and add the company's contact addresses.\n"
         "- `content/controls/access-control.yaml`: its one control is a starting point. Give it "
         "the\n"
         "  status that is true today, and add your controls, one file per category.\n"
         "- Sub-processors, AI disclosures and policy pages are optional files under `content/`:\n"
         "  see `docs/content.md` in trustsite's documentation (installed in\n"
         "  `/usr/share/doc/trustsite/` by the Debian package).\n"
         "\n"
         "## Editor support\n"
         "\n"
         "`schemas/` holds a copy of the JSON Schemas of trustsite " TRUSTSITE_VERSION
         ". The first line of\n"
         "each YAML file points yaml-language-server (VS Code's YAML extension, Neovim, JetBrains\n"
         "IDEs) at them, for completion and checks as you type, on any machine with a copy of\n"
         "this directory. After upgrading trustsite, copy its schemas over these, from\n"
         "`share/trustsite/schemas/` (`/usr/share/trustsite/schemas/` for the Debian package).\n";
  return out.str();
}

}  // namespace

const std::vector<std::string>& new_site_locales() {
  static const std::vector<std::string> locales = [] {
    std::vector<std::string> out;
    for (const auto& text : starter_texts()) out.push_back(text.locale);
    return out;
  }();
  return locales;
}

std::vector<NewSiteFile> plan_new_site(const NewSiteOptions& options,
                                       const std::vector<NewSiteFile>& schemas) {
  const std::string& name = options.company_name;
  if (name.find_first_not_of(" \t") == std::string::npos)
    throw NewSiteError(true,
                       "--name is empty; expected the company's name, e.g. --name \"Acme AB\"");
  if (std::any_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    throw NewSiteError(true,
                       "--name contains a line break or another control character; "
                       "expected the company's name on one line");
  quoted(name);  // throws for invalid UTF-8

  if (options.locales.empty())
    throw NewSiteError(true, "--locales is empty; expected a comma-separated list such as en,sv");
  std::vector<const StarterText*> texts;
  std::set<std::string> seen;
  for (const auto& locale : options.locales) {
    if (!seen.insert(locale).second)
      throw NewSiteError(true, "--locales names '" + locale + "' twice; expected each locale once");
    if (!is_identifier(locale))
      throw NewSiteError(true, "--locales: '" + locale +
                                   "' is not a locale code; expected lowercase letters, digits "
                                   "and '-', such as en or sv");
    const StarterText* text = starter_text(locale);
    if (text == nullptr)
      throw NewSiteError(true,
                         "--locales: trustsite new has starter text for " +
                             join(new_site_locales(), " and ") + " only, not '" + locale +
                             "'. Create the site with those, then add " + locale +
                             ": list it in site.yaml's locales, add locales/" + locale +
                             ".yaml with its UI strings (a copy of trustsite's locales/en.yaml, "
                             "translated) and " +
                             locale + " text to every localized field (docs/content.md)");
    texts.push_back(text);
  }

  std::vector<NewSiteFile> files{
      {"site.yaml", site_yaml(options, texts)},
      {fs::path("content") / "controls" / "access-control.yaml", controls_yaml(options, texts)},
      {"README.md", readme(options)},
      {".gitignore",
       "# trustsite's output and its monitoring cache\n/public/\n.trustsite-cache/\n"},
  };
  for (const auto& schema : schemas)
    files.push_back({fs::path("schemas") / schema.path, schema.content});
  return files;
}

std::vector<NewSiteFile> read_schema_files(const fs::path& data_dir) {
  const fs::path dir = data_dir / "schemas";
  std::vector<NewSiteFile> schemas;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.ends_with(".schema.json") || !it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in)
      throw NewSiteError(false, "cannot read " + it->path().string() +
                                    "; expected trustsite's JSON Schemas there");
    schemas.push_back({name, text.str()});
  }
  if (schemas.empty())
    throw NewSiteError(false, "no JSON Schemas (*.schema.json) in " + dir.string() +
                                  "; is trustsite installed completely? (TRUSTSITE_DATA_DIR "
                                  "names its data directory)");
  std::sort(schemas.begin(), schemas.end(),
            [](const NewSiteFile& a, const NewSiteFile& b) { return a.path < b.path; });
  return schemas;
}

void write_new_site(const fs::path& dir, const std::vector<NewSiteFile>& files) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw NewSiteError(false, dir.string() +
                                  " exists and is not a directory; expected an "
                                  "empty or new directory");
  std::vector<std::string> existing;
  for (const auto& file : files)
    if (fs::symlink_status(dir / file.path, ec).type() != fs::file_type::not_found)
      existing.push_back(file.path.generic_string());
  if (!existing.empty())
    throw NewSiteError(false, dir.string() + " already has " + join(existing, ", ") +
                                  "; trustsite new never overwrites a file, so expected an empty "
                                  "or new directory, or one without these files");

  // What this call created, for the rollback: directories in creation order, then files.
  std::vector<fs::path> created_dirs, created_files;
  auto roll_back = [&] {
    std::error_code ignored;
    for (auto it = created_files.rbegin(); it != created_files.rend(); ++it)
      fs::remove(*it, ignored);
    for (auto it = created_dirs.rbegin(); it != created_dirs.rend(); ++it)
      fs::remove(*it, ignored);  // only removes it if empty
  };
  auto make_dirs = [&](const fs::path& target) {
    std::vector<fs::path> missing;
    for (fs::path p = target; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (fs::create_directory(*it, ec)) {
        created_dirs.push_back(*it);
      } else if (ec) {
        roll_back();
        throw NewSiteError(false, "cannot create the directory " + it->string() + ": " +
                                      ec.message() + "; nothing was written");
      }
    }
  };

  make_dirs(dir);
  for (const auto& file : files) {
    const fs::path target = dir / file.path;
    make_dirs(target.parent_path());
    // O_EXCL: fails if the file exists by now (even as a dangling symlink); never overwrites.
    const int fd =
        ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
      const std::string reason = std::strerror(errno);
      roll_back();
      throw NewSiteError(
          false, "cannot create " + target.string() + ": " + reason + "; nothing was written");
    }
    created_files.push_back(target);
    const char* data = file.content.data();
    std::size_t left = file.content.size();
    bool ok = true;
    while (left > 0) {
      const ssize_t n = ::write(fd, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok = false;
        break;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    const std::string reason = ok ? "" : std::strerror(errno);
    if (::close(fd) != 0 && ok) ok = false;
    if (!ok) {
      roll_back();
      throw NewSiteError(false, "cannot write " + target.string() + ": " +
                                    (reason.empty() ? "close failed" : reason) +
                                    "; nothing was written");
    }
  }
}

}  // namespace trustsite
