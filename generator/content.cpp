#include "content.h"

#include "load_context.h"
#include "load_steps.h"

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
    all.intro_front_matter = intro_front_matter_fields();
    return all;
  }();
  return fields;
}

Content load_content(const SiteConfig& config, const FileSystem& files, DiagnosticSink& sink,
                     MissingTranslations& missing) {
  Content content;
  // The kinds are independent: they load at once (the controls files spread further over the
  // cores inside load_categories()), each into its own member of `content`, and their
  // diagnostics and counts are merged in this order, as a load one after the other gives.
  auto kind = [&](auto load) -> LoadStep {
    return [&config, &files, load](DiagnosticSink& step_sink, MissingTranslations& step_missing) {
      load(LoadContext{config, files, step_sink, step_missing});
    };
  };
  const std::vector<LoadStep> steps = {
      kind([&](const LoadContext& c) { content.categories = load_categories(c); }),
      kind([&](const LoadContext& c) { content.subprocessors = load_subprocessors(c); }),
      kind([&](const LoadContext& c) { content.disclosures = load_disclosures(c); }),
      kind([&](const LoadContext& c) { content.frameworks = load_frameworks(c); }),
      kind([&](const LoadContext& c) { content.documents = load_documents(c); }),
      kind([&](const LoadContext& c) { content.highlights = load_highlights(c); }),
      kind([&](const LoadContext& c) { content.pages = load_pages(c); }),
      kind([&](const LoadContext& c) { content.intro = load_intro(c); }),
      kind([&](const LoadContext& c) { content.faq = load_faq(c); }),
  };
  for (auto& step : run_load_steps(steps, sink.strict())) merge_load_step(*step, sink, missing);
  return content;
}

}  // namespace trustsite
