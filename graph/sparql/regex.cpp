#include "graph/sparql/regex.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "common/error.hpp"

namespace ng::graph::sparql {

RegexCache::RegexCache() = default;
RegexCache::~RegexCache() = default;
RegexCache::RegexCache(RegexCache&&) noexcept = default;

const icu::RegexPattern* RegexCache::get(const std::string& pattern, const std::string& flags, std::string& error) {
  const auto key = std::make_pair(pattern, flags);
  if (const auto it = compiled_.find(key); it != compiled_.end()) return it->second.get();
  uint32_t options = 0;
  for (char c : flags) {
    switch (c) {
      case 's': options |= UREGEX_DOTALL; break;
      case 'm': options |= UREGEX_MULTILINE; break;
      case 'i': options |= UREGEX_CASE_INSENSITIVE; break;
      case 'x': options |= UREGEX_COMMENTS; break;
      case 'q': options |= UREGEX_LITERAL; break;
      default:
        error = fmt::format("regex flag '{}' is not one of s, m, i, x, q", std::string(1, c));
        return nullptr;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), options, where, status));
  if (U_FAILURE(status) || !compiled) {
    error = fmt::format("invalid regular expression \"{}\" ({} at offset {})", pattern, u_errorName(status),
                        where.offset);
    return nullptr;
  }
  return compiled_.emplace(key, std::move(compiled)).first->second.get();
}

namespace {

// A pattern that backtracks without end on one value (`(a+)+b`) must not
// hang the query: ICU stops the match after this many steps of its engine
// (about a second).
constexpr int32_t kStepLimit = 1000;

void check_time(UErrorCode status, const icu::RegexPattern& pattern) {
  if (status == U_REGEX_TIME_OUT) {
    std::string text;
    pattern.pattern().toUTF8String(text);
    throw QueryError(fmt::format("the regular expression \"{}\" took too long on one value (it backtracks without "
                                 "end): simplify it",
                                 text));
  }
}

}  // namespace

bool RegexCache::find(const icu::RegexPattern& pattern, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(input, status));
  if (U_FAILURE(status) || !matcher) return false;
  matcher->setTimeLimit(kStepLimit, status);
  const bool found = matcher->find(status) != 0;
  check_time(status, pattern);
  return U_SUCCESS(status) && found;
}

std::optional<std::string> RegexCache::replace(const icu::RegexPattern& pattern, const std::string& text,
                                               const std::string& replacement) {
  // XPath allows only \\, \$ and $N in the replacement.
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    if (replacement[i] == '\\') {
      if (i + 1 >= replacement.size() || (replacement[i + 1] != '\\' && replacement[i + 1] != '$')) return std::nullopt;
      ++i;
    } else if (replacement[i] == '$') {
      if (i + 1 >= replacement.size() || replacement[i + 1] < '0' || replacement[i + 1] > '9') return std::nullopt;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString empty;
  std::unique_ptr<icu::RegexMatcher> probe(pattern.matcher(empty, status));
  if (U_FAILURE(status) || !probe) return std::nullopt;
  if (probe->matches(status) != 0) return std::nullopt;  // matches the empty string: an error in XPath
  status = U_ZERO_ERROR;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(input, status));
  if (U_FAILURE(status) || !matcher) return std::nullopt;
  matcher->setTimeLimit(kStepLimit, status);
  const icu::UnicodeString result = matcher->replaceAll(icu::UnicodeString::fromUTF8(replacement), status);
  check_time(status, pattern);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace ng::graph::sparql
