#include "faq_view.h"

namespace trustsite {

using nlohmann::json;

json faq_view(const QuestionList& list, const LocaleView& view, std::vector<LinkUse>* links) {
  json questions = json::array();
  for (const auto& question : list.items)
    questions.push_back({{"id", question.id},
                         {"href", "#" + question.id},
                         {"question", localized_json(question.question, view)},
                         {"answer", markdown_json(question.answer, view, kItemParent, links)}});
  return questions;
}

}  // namespace trustsite
