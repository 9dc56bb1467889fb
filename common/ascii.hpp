#pragma once
// ASCII letter tests and lower-casing, for the places where only ASCII
// matters: file extensions, HTML tag and attribute names, IRI schemes, CSV
// headers, English cue words. Other bytes (UTF-8 included) pass unchanged.
// For names in any script use case_fold (common/unicode.hpp).

#include <string>
#include <string_view>

namespace ng {

constexpr bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alpha(char c) noexcept { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr char ascii_lower(char c) noexcept { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace ng
