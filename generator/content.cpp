#include "content.h"

#include "load_context.h"

namespace trustsite {

const ContentFields& content_fields() {
  static const ContentFields fields = [] {
    const ControlFields& controls = control_fields();
    const SubprocessorFields& subprocessors = subprocessor_fields();
    const DisclosureFields& disclosures = disclosure_fields();
    const FaqFields& faq = faq_fields();
    return ContentFields{controls.file,
                         controls.category,
                         controls.control,
                         subprocessors.file,
                         subprocessors.subprocessor,
                         subprocessors.change,
                         disclosures.file,
                         disclosures.disclosure,
                         front_matter_fields(),
                         faq.file,
                         faq.question};
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
  content.pages = load_pages(context);
  content.intro = load_intro(context);
  content.faq = load_faq(context);
  return content;
}

}  // namespace trustsite
