// The document library: content/documents.yaml and the files under content/documents/
// (SPEC 3). Plain data and its loader, which reads the published files (bounded, inside
// content/documents/ only) and fingerprints them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "date.h"
#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"

namespace trustsite {

// The largest document file published (bytes); a larger one is an error.
inline constexpr std::size_t kMaxDocumentBytes = 50 * 1024 * 1024;

// A public document's file, read and fingerprinted.
struct DocumentFile {
  std::string source;       // as written in `file`, relative to content/documents/
  std::string output_path;  // "documents/<stem>.<first 10 hex of SHA-256><.ext>" (site_paths.h)
  std::string sha256;       // 64 lowercase hex digits
  std::size_t size = 0;     // bytes
  std::string format;       // the extension in capitals for readers: "PDF"
  std::string media_type;   // "application/pdf" (no parameters)
  std::string bytes;        // the file's content
};

struct Document {
  std::string id;
  SourceLocation id_location;
  LocalizedText title;
  LocalizedText description;  // Markdown, optional
  Access access = Access::on_request;
  SourceLocation access_location;
  std::optional<DocumentFile> file;  // public only
  std::string url;                   // public only: an https link, instead of a file
  std::string language;              // a language tag, optional
  std::optional<Date> updated;
  SourceLocation location;
};

// Where requests for access to non-public documents go: exactly one of the two is set.
struct AccessRequest {
  std::string email;  // an e-mail address (a mailto: link with a subject on the page)
  std::string url;    // an https form URL, linked as it is
  bool empty() const { return email.empty() && url.empty(); }
};

// content/documents.yaml.
struct DocumentList {
  bool present = false;   // the file exists
  AccessRequest request;  // `request` as written (validated), may be empty
  SourceLocation request_location;
  std::vector<Document> items;  // in file order
  // Resolved by validation: `request`, else site.yaml's company.security_contact.
  AccessRequest request_target;
};

// The field names the loader knows (kept in agreement with schemas/documents.schema.json).
struct DocumentFields {
  std::vector<std::string> file, document;
};
const DocumentFields& document_fields();

// The file types a document may have, as (extension without dot, lowercase; media type).
struct DocumentType {
  const char* extension;
  const char* media_type;
};
const std::vector<DocumentType>& document_types();

// Loads content/documents.yaml when it exists and reads every public document's `file` from
// content/documents/ through `context.files`: a relative path of plain names (letters, digits,
// '.', '_', '-'; no "..", no absolute path), a known file type, a regular file that resolves
// inside content/documents/ (no link out of it, even to elsewhere in the site), at most
// kMaxDocumentBytes. Reports a public document without exactly one of `file` / `url`, a `file`
// or `url` on a non-public document, a `request` that is neither mailto:<address> nor an https
// URL, and every file in content/documents/ that no document publishes (a warning: it would
// silently not be published). The fallback for `request` is validation's (validate.h).
DocumentList load_documents(const LoadContext& context);

}  // namespace trustsite
