// Questions customers ask: content/faq.yaml (SPEC 3). Plain data and its loader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "load_context.h"
#include "localized.h"

namespace trustsite {

struct Question {
  std::string id;
  SourceLocation id_location;
  LocalizedText question;
  LocalizedText answer;  // Markdown
  std::optional<int> order;
  SourceLocation location;
};

// content/faq.yaml.
struct QuestionList {
  bool present = false;         // the file exists
  std::vector<Question> items;  // sorted by order (absent counts as 0), then file order
};

// The field names the loader knows (kept in agreement with schemas/faq.schema.json).
struct FaqFields {
  std::vector<std::string> file, question;
};
const FaqFields& faq_fields();

// Loads content/faq.yaml when it exists: `questions`, each with an id, a localized question, a
// localized Markdown answer and an optional whole-number `order`. Problems are reported with
// their positions; the ids join the shared id namespace in validation.
QuestionList load_faq(const LoadContext& context);

}  // namespace trustsite
