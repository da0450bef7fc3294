#include "faq.h"

#include <algorithm>

#include "yaml_parse.h"

namespace trustsite {

const FaqFields& faq_fields() {
  static const FaqFields fields{
      {"questions", "extra"},
      {"id", "question", "answer", "order", "extra"},
  };
  return fields;
}

namespace {

std::optional<Question> load_question(const YAML::Node& item, const std::string& file,
                                      const LoadContext& context) {
  MapReader reader(item, file, context.sink, item_name("question", item), faq_fields().question);
  if (!reader.ok()) return std::nullopt;
  Question question;
  question.location = reader.location();
  if (auto id = reader.identifier("id", true)) {
    question.id = *id;
    question.id_location = reader.location_of_value("id");
  }
  question.question = context.localized(reader, "question", true);
  question.answer = context.markdown(reader, "answer", true);
  if (auto order = reader.integer("order", false, -1000000, 1000000))
    question.order = static_cast<int>(*order);
  question.extra = reader.extra();
  reader.finish();
  if (question.id.empty() || question.question.empty() || question.answer.empty())
    return std::nullopt;
  return question;
}

}  // namespace

QuestionList load_faq(const LoadContext& context) {
  QuestionList list;
  const auto path = context.config.site_dir / "content" / "faq.yaml";
  if (!context.files.exists(path)) return list;
  list.present = true;
  const std::string file = context.display(path);
  auto root = context.read_yaml(path, file);
  if (!root) return list;
  if (root->IsNull()) {
    context.sink.error({file, 1, 1}, "the file is empty; expected a 'questions' list");
    return list;
  }
  MapReader top(*root, file, context.sink, file, faq_fields().file);
  if (!top.ok()) return list;
  context.for_each_item(top, "questions", true, "a list of questions", [&](const YAML::Node& item) {
    if (auto question = load_question(item, file, context))
      list.items.push_back(std::move(*question));
  });
  list.extra = top.extra();
  top.finish();
  std::stable_sort(list.items.begin(), list.items.end(), [](const Question& a, const Question& b) {
    return a.order.value_or(0) < b.order.value_or(0);
  });
  return list;
}

}  // namespace trustsite
