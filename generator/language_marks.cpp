#include "language_marks.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace trustsite {

namespace {

constexpr char kOpen = '\x01';   // then the language code
constexpr char kText = '\x02';   // then the text
constexpr char kClose = '\x03';  // the end of the wrapped string

// Elements whose content is text that cannot hold a span.
constexpr std::array<std::string_view, 4> kRawTextElements = {"title", "script", "style",
                                                              "textarea"};

// The bytes the scan below acts on; every other byte is copied as it is, a run at a time.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  for (const char c : {kOpen, kText, kClose, '<', '>', '"', '\''})
    special[static_cast<unsigned char>(c)] = true;
  return special;
}();

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
  return true;
}

}  // namespace

std::string wrap_language(std::string_view text, std::string_view lang) {
  std::string out;
  out.reserve(text.size() + lang.size() + 3);
  out += kOpen;
  out += lang;
  out += kText;
  out += text;
  out += kClose;
  return out;
}

bool has_language_marks(std::string_view text) {
  return text.find(kOpen) != std::string_view::npos;
}

std::string apply_language_marks(std::string html) {
  if (!has_language_marks(html)) return html;
  // Sized once for the worst case (every wrap becomes a span), so that a large page is never
  // copied by the buffer's doubling (a 14 MB home page would briefly take 42 MB more).
  const std::size_t wraps = static_cast<std::size_t>(std::count(html.begin(), html.end(), kOpen));
  std::string out;
  out.reserve(html.size() + wraps * (sizeof("<span lang=\"\"></span>") - 1));
  bool in_tag = false;
  char quote = 0;
  std::string_view raw_element;  // inside <title> etc.: the element's name
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (!kSpecial[static_cast<unsigned char>(c)]) {
      std::size_t end = i + 1;
      while (end < html.size() && !kSpecial[static_cast<unsigned char>(html[end])]) ++end;
      out.append(html, i, end - i);
      i = end - 1;
      continue;
    }
    if (c == kOpen) {
      const std::size_t text = html.find(kText, i);
      const std::size_t close = html.find(kClose, i);
      if (text == std::string::npos || close == std::string::npos || text > close) continue;
      const std::string_view lang(html.data() + i + 1, text - i - 1);
      const std::string_view body(html.data() + text + 1, close - text - 1);
      if (in_tag || !raw_element.empty()) {
        out += body;
      } else {
        out.append("<span lang=\"").append(lang).append("\">").append(body).append("</span>");
      }
      i = close;
      continue;
    }
    if (c == kText || c == kClose) continue;  // a stray part of a wrap: never output
    out += c;
    if (in_tag) {
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        in_tag = false;
      }
      continue;
    }
    if (c != '<') continue;
    if (!raw_element.empty()) {
      if (html.compare(i + 1, 1, "/") == 0 && starts_with_ci(html, i + 2, raw_element))
        raw_element = {}, in_tag = true;
      continue;
    }
    if (i + 1 < html.size() && (std::isalpha(static_cast<unsigned char>(html[i + 1])) ||
                                html[i + 1] == '/' || html[i + 1] == '!')) {
      in_tag = true;
      for (std::string_view name : kRawTextElements)
        if (starts_with_ci(html, i + 1, name)) {
          const char after = i + 1 + name.size() < html.size() ? html[i + 1 + name.size()] : '>';
          if (after == '>' || after == ' ' || after == '\t' || after == '\n') raw_element = name;
        }
    }
  }
  return out;
}

std::string strip_language_marks(std::string text) {
  if (!has_language_marks(text)) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == kOpen) {
      const std::size_t body = text.find(kText, i);
      if (body != std::string::npos) i = body;
      continue;
    }
    if (text[i] == kText || text[i] == kClose) continue;
    out += text[i];
  }
  return out;
}

}  // namespace trustsite
