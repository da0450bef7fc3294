// The document library: the loader and its file rules (generator/documents.cpp), access
// requests resolved by validation, the view (documents_view.cpp), file sizes (file_size.cpp)
// and mailto: links (url.cpp, RFC 6068).
#include "documents.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "documents_view.h"
#include "file_size.h"
#include "output_fixture.h"
#include "test_util.h"
#include "url.h"
#include "validate.h"

using namespace trustsite;
using namespace trustsite::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Loaded {
  DocumentList list;
  std::vector<std::string> messages;
};

Loaded load(const FileSystem& files, const fs::path& site_dir) {
  SiteConfig config = output_config();
  config.site_dir = site_dir;
  DiagnosticSink sink;
  MissingTranslations missing;
  Loaded loaded;
  loaded.list = load_documents(LoadContext{config, files, sink, missing});
  for (const auto& diagnostic : sink.sorted()) loaded.messages.push_back(format_text(diagnostic));
  return loaded;
}

LocaleView locale_view(const std::string& code, const json& table) {
  LocaleView view;
  view.code = code;
  view.default_locale = "en";
  view.t = table;
  return view;
}

json en_strings() {
  return {
      {"access", {{"public", "Public"}, {"on_request", "On request"}, {"under_nda", "Under NDA"}}},
      {"languages", {{"en", "English"}, {"sv", "Swedish"}}},
      {"documents",
       {{"request_subject", "Access request: {document}"},
        {"request_by_email", "by e-mail to {address}"},
        {"request_by_form", "with the form at {form}"}}},
      {"size",
       {{"bytes_one", "{size} byte"},
        {"bytes_other", "{size} bytes"},
        {"kilobytes", "{size} KB"},
        {"megabytes", "{size} MB"},
        {"decimal_separator", "."}}}};
}

json sv_strings() {
  json sv = en_strings();
  sv["access"]["on_request"] = "På begäran";
  sv["languages"] = {{"en", "engelska"}, {"sv", "svenska"}};
  sv["documents"]["request_subject"] = "Begäran om åtkomst: {document}";
  sv["documents"]["request_by_email"] = "via e-post till {address}";
  sv["size"]["kilobytes"] = "{size} kB";
  sv["size"]["decimal_separator"] = ",";
  return sv;
}

}  // namespace

TEST_CASE("file sizes: decimal units, rounded, with the locale's unit and decimal separator") {
  const FileSizeFormat en{"{size} byte", "{size} bytes", "{size} KB", "{size} MB", "."};
  const FileSizeFormat sv{"{size} byte", "{size} byte", "{size} kB", "{size} MB", ","};
  CHECK(format_file_size(0, en) == "0 bytes");
  CHECK(format_file_size(1, en) == "1 byte");
  CHECK(format_file_size(999, en) == "999 bytes");
  CHECK(format_file_size(1000, en) == "1 KB");
  CHECK(format_file_size(6907, en) == "7 KB");
  CHECK(format_file_size(84'213, en) == "84 KB");
  CHECK(format_file_size(84'213, sv) == "84 kB");
  CHECK(format_file_size(999'499, en) == "999 KB");
  CHECK(format_file_size(999'500, en) == "1.0 MB");
  CHECK(format_file_size(1'449'999, en) == "1.4 MB");
  CHECK(format_file_size(1'450'000, sv) == "1,5 MB");
  CHECK(format_file_size(9'949'999, en) == "9.9 MB");
  CHECK(format_file_size(9'950'000, en) == "10 MB");
  CHECK(format_file_size(kMaxDocumentBytes, en) == "52 MB");
}

TEST_CASE("mailto_uri: the subject is percent-encoded per RFC 6068, UTF-8 included") {
  CHECK(mailto_uri("security@acme.example", "") == "mailto:security@acme.example");
  CHECK(mailto_uri("security@acme.example", "Access request: DPA (v3.2)") ==
        "mailto:security@acme.example?subject=Access%20request%3A%20DPA%20%28v3.2%29");
  CHECK(mailto_uri("a@b.example", "Begäran om åtkomst: PUB-avtal & bilagor?") ==
        "mailto:a@b.example?subject=Beg%C3%A4ran%20om%20%C3%A5tkomst%3A%20PUB-avtal%20%26%"
        "20bilagor%3F");
  CHECK(mailto_uri("a@b.example", "100%+#x_y.z~") ==
        "mailto:a@b.example?subject=100%25%2B%23x_y.z~");
}

TEST_CASE("documents.yaml: a public file is read, fingerprinted with SHA-256 and sized") {
  MemoryFileSystem files;
  files.add("/site/content/documents.yaml",
            "request: https://acme.example/request-access\n"
            "documents:\n"
            "  - id: letter\n"
            "    title: {en: Pentest letter, sv: Pentestintyg}\n"
            "    access: public\n"
            "    file: reports/Pentest_Letter-2026.PDF\n"
            "    language: en\n"
            "    updated: 2026-05-15\n"
            "  - id: policy\n"
            "    title: {en: Policy, sv: Policy}\n"
            "    access: public\n"
            "    url: https://acme.example/policy\n"
            "  - id: dpa\n"
            "    title: {en: DPA, sv: PUB-avtal}\n"
            "    access: on_request\n");
  files.add("/site/content/documents/reports/Pentest_Letter-2026.PDF", "abc");
  const auto loaded = load(files, "/site");
  CHECK(loaded.messages.empty());
  CHECK(loaded.list.request.url == "https://acme.example/request-access");
  REQUIRE(loaded.list.items.size() == 3);
  const Document& letter = loaded.list.items[0];
  REQUIRE(letter.file);
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  CHECK(letter.file->sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(letter.file->output_path == "documents/Pentest_Letter-2026.ba7816bf8f.pdf");
  CHECK(letter.file->size == 3);
  CHECK(letter.file->bytes == "abc");
  CHECK(letter.file->format == "PDF");
  CHECK(letter.file->media_type == "application/pdf");
  CHECK(letter.language == "en");
  CHECK(letter.updated == ymd(2026, 5, 15));
  CHECK(loaded.list.items[1].url == "https://acme.example/policy");
  CHECK_FALSE(loaded.list.items[2].file);
  CHECK(loaded.list.items[2].access == Access::on_request);
}

TEST_CASE("documents.yaml: a file must resolve inside content/documents/, links included") {
  TempDir dir;
  const fs::path site = dir / "site";
  write_file(site / "site.yaml", "title: x\n");
  write_file(dir / "outside.txt", "secret outside the site\n");
  write_file(site / "content/documents/real.txt", "a real document\n");
  write_file(
      site / "content/documents.yaml",
      "documents:\n"
      "  - {id: real, title: {en: Real, sv: Real}, access: public, file: real.txt}\n"
      "  - {id: inner, title: {en: Inner, sv: Inner}, access: public, file: inner-link.txt}\n"
      "  - {id: config, title: {en: Config, sv: Config}, access: public, file: config-link.txt}\n"
      "  - {id: outside, title: {en: Outside, sv: Outside}, access: public, file: "
      "outside-link.txt}\n"
      "  - {id: dir, title: {en: Dir, sv: Dir}, access: public, file: sub/escape.txt}\n");
  fs::create_symlink("real.txt", site / "content/documents/inner-link.txt");
  fs::create_symlink("../../site.yaml", site / "content/documents/config-link.txt");
  fs::create_symlink(dir / "outside.txt", site / "content/documents/outside-link.txt");
  fs::create_directories(site / "content");
  fs::create_directory_symlink(site / "content", site / "content/documents/sub");
  write_file(site / "content/escape.txt", "in the site, not in documents\n");
  const DiskFileSystem files({site});
  const auto loaded = load(files, site);
  const std::string refused =
      " is a symbolic link to a place outside content/documents/ (it is not read); expected a "
      "file inside content/documents/";
  CHECK(
      loaded.messages ==
      std::vector<std::string>{
          "content/documents.yaml:4:73: error: file 'config-link.txt' of document 'config'" +
              refused,
          "content/documents.yaml:5:76: error: file 'outside-link.txt' of document 'outside'" +
              refused,
          "content/documents.yaml:6:64: error: file 'sub/escape.txt' of document 'dir'" + refused});
  REQUIRE(loaded.list.items.size() == 5);
  REQUIRE(loaded.list.items[0].file);
  REQUIRE(loaded.list.items[1].file);  // a link that stays inside is fine
  CHECK(loaded.list.items[1].file->bytes == "a real document\n");
  for (std::size_t i = 2; i < 5; ++i) CHECK_FALSE(loaded.list.items[i].file);
}

TEST_CASE("documents.yaml: a file over 50 MiB is refused unread, with its size") {
  TempDir dir;
  const fs::path site = dir / "site";
  write_file(
      site / "content/documents.yaml",
      "documents:\n  - {id: big, title: {en: Big, sv: Big}, access: public, file: big.pdf}\n");
  write_file(site / "content/documents/big.pdf", "");
  fs::resize_file(site / "content/documents/big.pdf", kMaxDocumentBytes + 1);  // sparse
  const auto loaded = load(DiskFileSystem({site}), site);
  CHECK(loaded.messages ==
        std::vector<std::string>{"content/documents.yaml:2:64: error: file 'big.pdf' of document "
                                 "'big' is 52428801 bytes long; expected at most 52428800 bytes "
                                 "(50 MiB) per document"});
  fs::resize_file(site / "content/documents/big.pdf", kMaxDocumentBytes);
  const auto at_limit = load(DiskFileSystem({site}), site);
  CHECK(at_limit.messages.empty());
  REQUIRE(at_limit.list.items[0].file);
  CHECK(at_limit.list.items[0].file->size == kMaxDocumentBytes);
}

TEST_CASE("documents view: download, public link and a request link per locale") {
  Content content;
  content.documents.present = true;
  Document letter;
  letter.id = "letter";
  letter.title = en_sv("Pentest letter", "Pentestintyg");
  letter.access = Access::public_;
  letter.language = "en";
  DocumentFile file;
  file.output_path = "documents/letter.ba7816bf8f.pdf";
  file.sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  file.size = 84'213;
  file.format = "PDF";
  file.media_type = "application/pdf";
  letter.file = file;
  Document dpa;
  dpa.id = "dpa";
  dpa.title = en_sv("Data processing agreement", "Personuppgiftsbiträdesavtal");
  dpa.access = Access::on_request;
  dpa.location = dpa.access_location = {"content/documents.yaml", 9, 5};
  content.documents.items = {letter, dpa};

  // Without `request`, requests go to the security contact.
  SiteConfig config = output_config();
  config.security_txt.reset();  // its policy page is not part of this content
  DiagnosticSink sink;
  validate_content(config, content, Theme{}, MonitoringResult{}, ymd(2026, 12, 1), sink);
  CHECK(sink.sorted().empty());
  CHECK(content.documents.request_target.email == "security@acme.example");

  const json en = documents_view(content.documents, locale_view("en", en_strings()), "../");
  const json& download = en["items"][0];
  CHECK(download["file"] == json{{"href", "../documents/letter.ba7816bf8f.pdf"},
                                 {"media_type", "application/pdf"},
                                 {"format", "PDF"},
                                 {"size", "84 KB"},
                                 {"size_bytes", 84'213},
                                 {"sha256", file.sha256}});
  CHECK(download["language"] == json{{"code", "en"}, {"name", "English"}});
  CHECK(download["access"] == "public");
  CHECK_FALSE(download.contains("request"));
  const json& request = en["items"][1]["request"];
  CHECK(request["href"] ==
        "mailto:security@acme.example?subject=Access%20request%3A%20Data%20processing%20agreement");
  CHECK(request["via"] == "by e-mail to security@acme.example");
  CHECK(en["items"][1]["access_label"] == "On request");

  const json sv = documents_view(content.documents, locale_view("sv", sv_strings()), "../");
  CHECK(sv["items"][0]["file"]["size"] == "84 kB");
  CHECK(sv["items"][0]["language"]["name"] == "engelska");
  CHECK(sv["items"][1]["request"]["href"] ==
        "mailto:security@acme.example?subject=Beg%C3%A4ran%20om%20%C3%A5tkomst%3A%20"
        "Personuppgiftsbitr%C3%A4desavtal");
  CHECK(sv["items"][1]["access_label"] == "På begäran");

  // A form URL is linked as it is.
  content.documents.request.url = "https://acme.example/request?doc=all";
  validate_content(config, content, Theme{}, MonitoringResult{}, ymd(2026, 12, 1), sink);
  const json form = documents_view(content.documents, locale_view("en", en_strings()), "../");
  CHECK(form["items"][1]["request"] ==
        json{{"href", "https://acme.example/request?doc=all"},
             {"kind", "form"},
             {"via", "with the form at acme.example/request?doc=all"}});

  // Neither `request` nor a security contact: an error naming both, at the document.
  Content orphan;
  orphan.documents.present = true;
  orphan.documents.items = {dpa};
  config.company.security_contact.clear();
  DiagnosticSink errors;
  validate_content(config, orphan, Theme{}, MonitoringResult{}, ymd(2026, 12, 1), errors);
  REQUIRE(errors.sorted().size() == 1);
  CHECK(format_text(errors.sorted()[0]) ==
        "content/documents.yaml:9:5: error: document 'dpa' is on_request, but there is nowhere "
        "to request it: content/documents.yaml has no 'request' and site.yaml has no "
        "company.security_contact; expected one of them (a mailto: address or an https form for "
        "'request')");
}
