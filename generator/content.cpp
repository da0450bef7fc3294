#include "content.h"

#include "load_context.h"

namespace trustsite {

const ContentFields& content_fields() {
  static const ContentFields fields = [] {
    const ControlFields& controls = control_fields();
    const SubprocessorFields& subprocessors = subprocessor_fields();
    const DisclosureFields& disclosures = disclosure_fields();
    ContentFields all;
    all.controls_file = controls.file;
    all.category = controls.category;
    all.control = controls.control;
    all.subprocessors_file = subprocessors.file;
    all.subprocessor = subprocessors.subprocessor;
    all.change = subprocessors.change;
    all.ai_file = disclosures.file;
    all.disclosure = disclosures.disclosure;
    all.front_matter = front_matter_fields();
    all.compliance_file = framework_fields().file;
    all.framework = framework_fields().framework;
    all.documents_file = document_fields().file;
    all.document = document_fields().document;
    all.highlights_file = highlight_fields().file;
    all.highlight = highlight_fields().highlight;
    all.faq_file = faq_fields().file;
    all.question = faq_fields().question;
    return all;
  }();
  return fields;
}

Content load_content(const SiteConfig& config, const FileSystem& files, DiagnosticSink& sink,
                     MissingTranslations& missing) {
  const LoadContext context{config, files, sink, missing};
  Content content;
  content.categories = load_categories(context);
  content.subprocessors = load_subprocessors(context);
  content.disclosures = load_disclosures(context);
  content.frameworks = load_frameworks(context);
  content.documents = load_documents(context);
  content.highlights = load_highlights(context);
  content.pages = load_pages(context);
  content.intro = load_intro(context);
  content.faq = load_faq(context);
  return content;
}

}  // namespace trustsite
