#include "faq_view.h"

namespace trustsite {

using nlohmann::json;

json faq_view(const QuestionList& list, const LocaleView& view, std::vector<LinkUse>* links) {
  json questions = json::array();
  for (const auto& question : list.items) {
    json item = {{"id", question.id},
                 {"href", "#" + question.id},
                 {"question", localized_json(question.question, view)},
                 {"answer", markdown_json(question.answer, view, kItemParent, links)}};
    if (!question.extra.is_null()) item["extra"] = question.extra;
    questions.push_back(std::move(item));
  }
  return questions;
}

}  // namespace trustsite
