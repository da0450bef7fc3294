// The view model of the FAQ (docs/themes.md: `faq`).
#pragma once

#include <nlohmann/json.hpp>

#include "faq.h"
#include "view_context.h"

namespace trustsite {

// `faq`: every question in page order as {id, href, question (localized), answer (Markdown,
// headings below the question's h3)}, `lang` set on a fallback text. When `links` is given, the
// answers' Markdown links are appended to it with their file positions (SPEC 3 "Links").
nlohmann::json faq_view(const QuestionList& list, const LocaleView& view,
                        std::vector<LinkUse>* links = nullptr);

}  // namespace trustsite
