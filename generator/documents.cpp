#include "documents.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "assets.h"
#include "site_paths.h"
#include "suggest.h"
#include "text_rules.h"
#include "url.h"
#include "yaml_parse.h"

namespace trustsite {

namespace fs = std::filesystem;

const DocumentFields& document_fields() {
  static const DocumentFields fields{
      {"request", "documents", "extra"},
      {"id", "title", "description", "access", "file", "url", "language", "updated", "extra"},
  };
  return fields;
}

const std::vector<DocumentType>& document_types() {
  // Documents, spreadsheets, plain text, signatures, images and archives; no HTML, SVG or
  // scripts, which a browser would run on the Trust Center's own origin.
  static const std::vector<DocumentType> types = {
      {"pdf", "application/pdf"},
      {"txt", "text/plain"},
      {"md", "text/markdown"},
      {"csv", "text/csv"},
      {"json", "application/json"},
      {"asc", "text/plain"},
      {"sig", "application/pgp-signature"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"odp", "application/vnd.oasis.opendocument.presentation"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"zip", "application/zip"},
  };
  return types;
}

namespace {

constexpr std::size_t kMaxFilePathBytes = 255;
constexpr int kMaxDirectoryDepth = 8;

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string uppercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// A name of a path under content/documents/ that can be part of a URL as it is.
bool is_plain_file_name(std::string_view name) {
  if (name.empty() || !std::isalnum(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-';
  });
}

std::string allowed_extensions() {
  std::vector<std::string> names;
  for (const auto& type : document_types()) names.push_back(std::string(".") + type.extension);
  return join(names);
}

// Reads a public document's `file` (SPEC 3): a plain relative path inside content/documents/,
// a known file type, a regular file there of at most kMaxDocumentBytes.
std::optional<DocumentFile> read_document_file(const std::string& source,
                                               const SourceLocation& location,
                                               const std::string& what, const LoadContext& context,
                                               const fs::path& documents_dir) {
  DiagnosticSink& sink = context.sink;
  const std::string field = "file " + quoted_excerpt(source) + " of " + what;
  if (source.starts_with('/') || source.starts_with('\\') ||
      (source.size() > 1 && source[1] == ':')) {
    sink.error(location, field +
                             " is an absolute path; expected a path relative to "
                             "content/documents/ (e.g. report.pdf)");
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (std::size_t start = 0;;) {
    const std::size_t end = source.find('/', start);
    names.push_back(source.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (std::find(names.begin(), names.end(), "..") != names.end()) {
    sink.error(location, field +
                             " leads out of content/documents/ ('..'); expected a file "
                             "inside content/documents/");
    return std::nullopt;
  }
  if (source.size() > kMaxFilePathBytes ||
      !std::all_of(names.begin(), names.end(),
                   [](const std::string& n) { return is_plain_file_name(n); })) {
    sink.error(location,
               field +
                   " is not a plain file name (it becomes part of the file's address); expected "
                   "letters, digits, '.', '_' and '-', each name starting with a letter or digit, "
                   "and '/' between directory names (at most 255 bytes)");
    return std::nullopt;
  }
  const fs::path relative(source);
  const std::string extension = lowercase(relative.extension().string());
  const DocumentType* type = nullptr;
  for (const auto& known : document_types())
    if (extension == std::string(".") + known.extension) type = &known;
  if (type == nullptr) {
    sink.error(location, field + " has " +
                             (extension.empty() ? std::string("no file type")
                                                : "the file type '" + extension + "'") +
                             ", which is not published as a document; expected one of: " +
                             allowed_extensions());
    return std::nullopt;
  }
  const fs::path path = documents_dir / relative;
  if (context.files.exists(path) && !context.files.resolves_inside(path, documents_dir)) {
    sink.error(location, field +
                             " is a symbolic link to a place outside content/documents/ (it is "
                             "not read); expected a file inside content/documents/");
    return std::nullopt;
  }
  ReadResult result = context.files.read(path, kMaxDocumentBytes);
  switch (result.failure) {
    case ReadFailure::none:
      break;
    case ReadFailure::missing:
      sink.error(location,
                 field + " does not exist; expected the file content/documents/" + source);
      return std::nullopt;
    case ReadFailure::too_large:
      sink.error(location, field + " is " + std::to_string(result.size) +
                               " bytes long; expected at most " +
                               std::to_string(kMaxDocumentBytes) + " bytes (50 MiB) per document");
      return std::nullopt;
    default:
      sink.error(location, field + " " + describe_read_failure(result, kMaxDocumentBytes) +
                               "; expected a regular file in content/documents/");
      return std::nullopt;
  }
  DocumentFile file;
  file.source = source;
  file.sha256 = hex_encode(sha256(result.text));
  file.size = result.text.size();
  file.format = uppercase(std::string(type->extension));
  file.media_type = type->media_type;
  file.output_path =
      document_file_path(relative.stem().string(), file.sha256.substr(0, 10), extension);
  file.bytes = std::move(result.text);
  return file;
}

// `named` collects every `file` a document gives, published or not (those are reported here,
// so the check for files nobody publishes leaves them out).
std::optional<Document> load_document(const YAML::Node& item, const std::string& file,
                                      const LoadContext& context, const fs::path& documents_dir,
                                      std::set<std::string>& named) {
  const std::string what = item_name("document", item);
  MapReader reader(item, file, context.sink, what, document_fields().document);
  if (!reader.ok()) return std::nullopt;
  DiagnosticSink& sink = context.sink;
  Document document;
  document.location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    document.id = *id;
    document.id_location = reader.location_of_value("id");
  }
  document.title = context.localized(reader, "title", true);
  document.description = context.markdown(reader, "description", false);
  const auto access = reader.choice("access", true, kAccessLevels);
  if (access) document.access = *access;
  document.access_location = reader.location_of_value("access");
  const auto file_name = reader.text("file", false);
  if (file_name) named.insert(*file_name);
  const auto url = reader.text("url", false);
  if (auto language = reader.text("language", false)) {
    if (is_language_tag(*language))
      document.language = *language;
    else
      sink.error(reader.location_of_value("language"),
                 "language " + quoted_excerpt(*language) + " of " + what +
                     " is not a language tag; expected a locale code or a language tag such as "
                     "en, sv or en-GB (RFC 5646)");
  }
  document.updated = reader.date("updated", false);
  document.extra = reader.extra();
  reader.finish();

  if (access && *access == Access::public_) {
    if (reader.has("file") && reader.has("url"))
      sink.error(reader.location_of_key("url"),
                 what +
                     " has both 'file' and 'url'; expected exactly one of them for a public "
                     "document");
    else if (!reader.has("file") && !reader.has("url"))
      sink.error(document.location,
                 "public " + what +
                     " has neither 'file' nor 'url'; expected one of them (a file under "
                     "content/documents/ to publish, or an https link to it)");
    else if (file_name)
      document.file = read_document_file(*file_name, reader.location_of_value("file"), what,
                                         context, documents_dir);
    else if (url) {
      if (is_web_url(*url, true))
        document.url = *url;
      else
        sink.error(reader.location_of_value("url"),
                   "url " + quoted_excerpt(*url) + " of " + what +
                       " is not an https URL; expected e.g. https://example.com/policy.pdf");
    }
  } else if (access) {
    const std::string access_text = to_string(*access);
    if (reader.has("file"))
      sink.error(reader.location_of_key("file"),
                 "field 'file' of " + what + " would publish it, but its access is " + access_text +
                     "; expected no 'file' (only public documents are published; readers "
                     "request the others)");
    if (reader.has("url"))
      sink.error(reader.location_of_key("url"),
                 "field 'url' of " + what + " would link to it, but its access is " + access_text +
                     "; expected no 'url' (a link would make it public; readers request access "
                     "through 'request' or the security contact)");
  }
  if (document.id.empty()) return std::nullopt;
  return document;
}

AccessRequest read_request(MapReader& top, DiagnosticSink& sink) {
  AccessRequest request;
  auto value = top.text("request", false);
  if (!value) return request;
  if (value->starts_with("mailto:")) {
    const std::string address = value->substr(7);
    if (is_email_address(address)) {
      request.email = address;
      return request;
    }
    sink.error(top.location_of_value("request"),
               "request " + quoted_excerpt(*value) +
                   " is not mailto: followed by an e-mail address; expected e.g. "
                   "mailto:security@example.com (without ?subject=: the page adds a subject "
                   "naming the document)");
    return request;
  }
  if (is_web_url(*value, true)) {
    request.url = *value;
    return request;
  }
  sink.error(top.location_of_value("request"),
             "request " + quoted_excerpt(*value) +
                 " is neither a mailto: address nor an https URL; expected e.g. "
                 "mailto:security@example.com or https://example.com/request-access");
  return request;
}

// Every file below `dir` (relative, '/'-separated) that is not a directory, in name order. A
// directory reached through a link that leads out of `root` is not entered.
void list_files(const FileSystem& files, const fs::path& root, const fs::path& dir,
                const std::string& prefix, int depth,
                std::vector<std::pair<std::string, fs::path>>& out) {
  for (const DirectoryEntry& entry : files.list(dir)) {
    const std::string name = entry.path.filename().string();
    if (name.starts_with('.')) continue;  // .gitkeep, .DS_Store: never meant to be published
    if (!entry.is_regular && files.is_directory(entry.path)) {
      if (depth < kMaxDirectoryDepth && files.resolves_inside(entry.path, root))
        list_files(files, root, entry.path, prefix + name + "/", depth + 1, out);
      continue;
    }
    out.emplace_back(prefix + name, entry.path);
  }
}

// A file in content/documents/ that no public document publishes would silently not appear
// on the site: a strict warning per file.
void report_unpublished_files(const LoadContext& context, const fs::path& documents_dir,
                              const std::set<std::string>& named) {
  if (!context.files.is_directory(documents_dir)) return;
  std::vector<std::pair<std::string, fs::path>> found;
  list_files(context.files, documents_dir, documents_dir, "", 0, found);
  for (const auto& [relative, path] : found) {
    if (named.count(relative)) continue;
    context.sink.strict_warning(
        {context.display(path), 0, 0},
        "this file is not the 'file' of any public document in content/documents.yaml, so it "
        "is not published; expected a document with file: " +
            relative + " (or remove the file)");
  }
}

}  // namespace

DocumentList load_documents(const LoadContext& context) {
  DocumentList list;
  const fs::path documents_dir = context.config.site_dir / "content" / "documents";
  const auto path = context.config.site_dir / "content" / "documents.yaml";
  std::set<std::string> named;
  if (!context.files.exists(path)) {
    report_unpublished_files(context, documents_dir, named);
    return list;
  }
  list.present = true;
  const std::string file = context.display(path);
  auto root = context.read_yaml(path, file);
  if (!root) return list;
  if (root->IsNull()) {
    context.sink.error({file, 1, 1}, "the file is empty; expected a 'documents' list");
    return list;
  }
  MapReader top(*root, file, context.sink, file, document_fields().file);
  if (!top.ok()) return list;
  list.request = read_request(top, context.sink);
  list.request_location = top.location_of_value("request");
  context.for_each_item(top, "documents", true, "a list of documents", [&](const YAML::Node& item) {
    if (auto document = load_document(item, file, context, documents_dir, named))
      list.items.push_back(std::move(*document));
  });
  list.extra = top.extra();
  top.finish();
  report_unpublished_files(context, documents_dir, named);
  return list;
}

}  // namespace trustsite
