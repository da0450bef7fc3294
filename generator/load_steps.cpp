#include "load_steps.h"

#include "parallel.h"

namespace trustsite {

std::vector<std::unique_ptr<LoadedStep>> run_load_steps(const std::vector<LoadStep>& steps,
                                                        bool strict) {
  std::vector<std::unique_ptr<LoadedStep>> loaded(steps.size());
  for (auto& slot : loaded) slot = std::make_unique<LoadedStep>(strict);
  parallel_for(steps.size(), [&](std::size_t i) {
    LoadedStep& slot = *loaded[i];
    try {
      steps[i](slot.sink, slot.missing);
    } catch (...) {
      slot.failure = std::current_exception();
    }
  });
  return loaded;
}

void merge_load_step(LoadedStep& step, DiagnosticSink& sink, MissingTranslations& missing) {
  for (Diagnostic& diagnostic : step.sink.sorted()) sink.report(std::move(diagnostic));
  for (const auto& [locale, count] : step.missing) missing[locale] += count;
  if (step.failure) std::rethrow_exception(step.failure);
}

}  // namespace trustsite
