// Loading independent inputs at once (UI strings, the theme, each content kind) while keeping
// the result exactly what loading them one after the other gives: each step reports into its
// own sink and missing-translation counts, merged afterwards in an order the caller fixes.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <vector>

#include "diagnostics.h"
#include "localized.h"

namespace trustsite {

// What one loading step left behind: its diagnostics, its missing-translation counts (SPEC 2)
// and the exception it ended with, if any.
struct LoadedStep {
  explicit LoadedStep(bool strict) : sink(strict) {}
  DiagnosticSink sink;
  MissingTranslations missing;
  std::exception_ptr failure;
};

// A loading step: loads one input into the caller's own variable (each step writes only its
// own), reporting into the sink and counts it is given.
using LoadStep = std::function<void(DiagnosticSink&, MissingTranslations&)>;

// Runs `steps` on every core (parallel_for; a step may use parallel_for itself) and returns what
// each left, in the order of `steps`. Catches what a step throws (kept in its `failure`); never
// throws itself. `strict` is the build's --strict (DiagnosticSink).
std::vector<std::unique_ptr<LoadedStep>> run_load_steps(const std::vector<LoadStep>& steps,
                                                        bool strict);

// Moves `step`'s diagnostics into `sink` (sorted, as DiagnosticSink::sorted(); the final sort of
// the build's sink is stable, so this keeps the order a sequential load gives) and adds its
// counts to `missing`; then rethrows the step's exception, if it ended with one. Merging the
// steps in their sequential order thus reports what a sequential load reports, up to the first
// exception.
void merge_load_step(LoadedStep& step, DiagnosticSink& sink, MissingTranslations& missing);

}  // namespace trustsite
