// Keeping the monitoring bearer token (SPEC 6: "never logged or printed") out of everything
// trustsite prints or writes: the page, trust.json, the cache and diagnostics. A server may echo
// the token back in any encoding JSON allows (`\/`, `\u0073`), so a response is checked both as
// bytes and as the strings its JSON holds once parsed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace trustsite {

class TokenGuard {
 public:
  // Guards `token`; an empty token guards nothing (every check is false, redact() is the
  // identity).
  explicit TokenGuard(std::string token = {});

  bool empty() const { return token_.empty(); }
  std::size_t token_size() const { return token_.size(); }

  // Whether `text` holds the token as it is, JSON-escaped (as a JSON encoder writes it, with or
  // without `\/` for '/') or percent-encoded (RFC 3986 section 2.1, either case of hex digit).
  // Linear in text.size() for each of these few spellings.
  bool appears_in(std::string_view text) const;

  // Whether any string of `document` (any object key or string value, at any depth) contains
  // the token after JSON unescaping. Walks the document without recursion.
  bool appears_in_strings(const nlohmann::json& document) const;

  // `text` with every spelling appears_in() knows replaced by a placeholder ("[token]", or
  // another one when the token is part of "[token]"), scanning left to right and continuing
  // after each replacement, so it ends for any token (one character, or a part of the
  // placeholder). The result never contains a spelling of the token: when placeholders and the
  // text around them spell it anew after four passes, a fixed "(withheld: ...)" text is
  // returned instead. A pass makes the text at most 10 times longer (a placeholder of at most 10
  // bytes for a match of at least one byte), and a second pass is rare; the diagnostics sink cuts
  // every message to kMaxMessageBytes after redaction, so a cut never exposes part of the token.
  std::string redact(std::string_view text) const;

 private:
  std::string replace_once(std::string_view text) const;

  std::string token_;
  // Raw, JSON-escaped with and without "\/", percent-encoded with upper and lower case hex;
  // distinct, longest first.
  std::vector<std::string> spellings_;
  std::string placeholder_;
};

}  // namespace trustsite
