#pragma once
// XPath regular expressions (REGEX, REPLACE) through ICU, compiled once per
// pattern and flags for the query. Flags: s (dot matches newline), m
// (multi-line), i (case-insensitive), x (free spacing), q (literal).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace ng::graph::sparql {

class RegexCache {
 public:
  RegexCache();
  ~RegexCache();
  RegexCache(RegexCache&&) noexcept;

  // The compiled pattern, or null with `error` set (a bad flag or pattern).
  const icu::RegexPattern* get(const std::string& pattern, const std::string& flags, std::string& error);

  // Whether `text` contains a match.
  static bool find(const icu::RegexPattern& pattern, const std::string& text);
  // `text` with every match replaced (XPath fn:replace: $1 groups, \$ and
  // \\ escapes); nothing when the pattern matches the empty string or the
  // replacement is invalid.
  static std::optional<std::string> replace(const icu::RegexPattern& pattern, const std::string& text,
                                            const std::string& replacement);

 private:
  std::map<std::pair<std::string, std::string>, std::unique_ptr<icu::RegexPattern>> compiled_;
};

}  // namespace ng::graph::sparql
