#include "documents_view.h"

#include "file_size.h"
#include "locales.h"
#include "url.h"

namespace trustsite {

using nlohmann::json;

namespace {

FileSizeFormat size_format(const LocaleView& view) {
  FileSizeFormat format;
  format.bytes_one = view.ui({"size", "bytes_one"});
  format.bytes_other = view.ui({"size", "bytes_other"});
  format.kilobytes = view.ui({"size", "kilobytes"});
  format.megabytes = view.ui({"size", "megabytes"});
  const std::string separator = view.ui({"size", "decimal_separator"});
  if (!separator.empty()) format.decimal_separator = separator;
  return format;
}

json request_json(const AccessRequest& request, const std::string& title, const LocaleView& view) {
  if (!request.email.empty())
    return {{"href",
             mailto_uri(request.email, fill_placeholders(view.ui({"documents", "request_subject"}),
                                                         {{"document", title}}))},
            {"kind", "email"},
            {"address", request.email},
            {"via", fill_placeholders(view.ui({"documents", "request_by_email"}),
                                      {{"address", request.email}})}};
  return {{"href", request.url},
          {"kind", "form"},
          {"via", fill_placeholders(view.ui({"documents", "request_by_form"}),
                                    {{"form", link_text(request.url)}})}};
}

}  // namespace

json documents_view(const DocumentList& list, const LocaleView& view, const std::string& root,
                    std::vector<LinkUse>* links) {
  const FileSizeFormat sizes = size_format(view);
  json items = json::array();
  for (const auto& document : list.items) {
    const std::string access = to_string(document.access);
    json title = localized_json(document.title, view);
    json item = {{"id", document.id},
                 {"href", "#" + document.id},
                 {"title", title},
                 {"access", access},
                 {"access_label", view.ui({"access", access})}};
    if (!document.description.empty())
      item["description"] = markdown_json(document.description, view, kItemParent, links);
    if (!document.language.empty()) {
      std::string name = view.ui({"languages", document.language});
      item["language"] = {{"code", document.language},
                          {"name", name.empty() ? document.language : name}};
    }
    if (document.updated) item["updated"] = format_date(*document.updated);
    item["has_meta"] = !document.language.empty() || document.updated.has_value();
    if (document.file) {
      const DocumentFile& file = *document.file;
      item["file"] = {
          {"href", root + file.output_path}, {"media_type", file.media_type},
          {"format", file.format},           {"size", format_file_size(file.size, sizes)},
          {"size_bytes", file.size},         {"sha256", file.sha256}};
    } else if (!document.url.empty()) {
      item["link"] = {{"href", document.url}, {"display", link_text(document.url)}};
    } else if (document.access != Access::public_ && !list.request_target.empty()) {
      item["request"] = request_json(list.request_target, title["text"].get<std::string>(), view);
    }
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}};
}

}  // namespace trustsite
