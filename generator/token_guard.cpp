#include "token_guard.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace trustsite {

namespace {

// The token as the content of a JSON string, as nlohmann (and most encoders) write it: '"' and
// '\' escaped, control characters as \uXXXX, '/' as it is.
std::string json_escaped(const std::string& token) {
  const std::string quoted =
      nlohmann::json(token).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

// RFC 3986 section 2.1: every byte outside the unreserved set as %XX.
std::string percent_encoded(const std::string& token, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (unsigned char c : token) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0x0F];
    }
  }
  return out;
}

}  // namespace

TokenGuard::TokenGuard(std::string token) : token_(std::move(token)) {
  if (token_.empty()) return;
  const std::string escaped = json_escaped(token_);
  std::string slash_escaped;  // PHP's json_encode writes '/' as "\/"
  for (char c : escaped) slash_escaped += c == '/' ? std::string("\\/") : std::string(1, c);
  spellings_ = {token_, escaped, slash_escaped, percent_encoded(token_, true),
                percent_encoded(token_, false)};
  std::sort(spellings_.begin(), spellings_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  spellings_.erase(std::unique(spellings_.begin(), spellings_.end()), spellings_.end());
  // A placeholder that cannot contain the token: one of these three never does (a token
  // inside "***" is one to three '*', which "[token]" does not contain).
  for (const char* candidate : {"[token]", "[redacted]", "***"}) {
    if (std::string_view(candidate).find(token_) == std::string_view::npos) {
      placeholder_ = candidate;
      break;
    }
  }
}

bool TokenGuard::appears_in(std::string_view text) const {
  return std::any_of(spellings_.begin(), spellings_.end(), [&](const std::string& spelling) {
    return text.find(spelling) != std::string_view::npos;
  });
}

bool TokenGuard::appears_in_strings(const nlohmann::json& document) const {
  if (token_.empty()) return false;
  std::vector<const nlohmann::json*> pending{&document};
  while (!pending.empty()) {
    const nlohmann::json* value = pending.back();
    pending.pop_back();
    if (value->is_string()) {
      if (value->get_ref<const std::string&>().find(token_) != std::string::npos) return true;
    } else if (value->is_object()) {
      for (auto it = value->begin(); it != value->end(); ++it) {
        if (it.key().find(token_) != std::string::npos) return true;
        pending.push_back(&it.value());
      }
    } else if (value->is_array()) {
      for (const auto& element : *value) pending.push_back(&element);
    }
  }
  return false;
}

std::string TokenGuard::replace_once(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // Longest spelling first, so that one containing another is replaced whole.
    auto match = std::find_if(spellings_.begin(), spellings_.end(), [&](const std::string& s) {
      return text.compare(i, s.size(), s) == 0;
    });
    if (match == spellings_.end()) {
      out += text[i++];
      continue;
    }
    out += placeholder_;
    i += match->size();  // past the match: the placeholder is never scanned again
  }
  return out;
}

std::string TokenGuard::redact(std::string_view text) const {
  if (token_.empty()) return std::string(text);
  // A placeholder next to the rest of the text can spell the token anew ("]Z" in "]ZZ" gives
  // "[token]Z"): a few more passes, then the whole text is withheld.
  std::string out = replace_once(text);
  for (int pass = 0; pass < 3 && appears_in(out); ++pass) out = replace_once(out);
  if (!appears_in(out)) return out;
  for (const char* withheld : {"(withheld: the message would show the token)", "***", "[token]"})
    if (!appears_in(withheld)) return withheld;
  return {};
}

}  // namespace trustsite
