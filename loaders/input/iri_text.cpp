#include "loaders/input/iri_text.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "common/ascii.hpp"
#include "common/unicode.hpp"

namespace ng::loaders {

namespace {

bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// RFC 3987 ucschar: the non-ASCII code points allowed unencoded in an IRI.
bool is_ucschar(char32_t cp) noexcept {
  if ((cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFEF)) {
    return true;
  }
  // U+10000..U+EFFFD minus the last two code points of each plane.
  return cp >= 0x10000 && cp <= 0xEFFFD && (cp & 0xFFFE) != 0xFFFE;
}

// ASCII characters allowed unencoded in a file path segment:
// iunreserved / sub-delims / ":" / "@", plus "/" between segments.
bool is_path_ascii(char c) noexcept {
  if (is_ascii_alpha(c) || is_ascii_digit(c)) return true;
  constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/";
  return kAllowed.find(c) != std::string_view::npos;
}

// Characters no IRI may contain anywhere (RFC 3987 and raptor's checks).
bool is_forbidden_ascii(unsigned char c) noexcept {
  constexpr std::string_view kForbidden = " <>\"{}|\\^`";
  return c < 0x20 || c == 0x7F || kForbidden.find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string file_iri(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) absolute = path;  // the working directory is gone: keep the path as given
  const std::string bytes = absolute.lexically_normal().generic_string();
  std::string out = "file://";
  if (bytes.empty() || bytes.front() != '/') out += '/';
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (is_path_ascii(bytes[i])) out += bytes[i];
      else out += fmt::format("%{:02X}", c);
      ++i;
      continue;
    }
    // Keep a valid UTF-8 sequence of an allowed code point; encode the rest
    // byte by byte (file names on Linux are bytes, not always UTF-8).
    const std::string_view rest(bytes.data() + i, std::min<std::size_t>(4, bytes.size() - i));
    const auto problem = find_utf8_problem(rest);
    std::size_t next = i;
    const char32_t cp = next_code_point(bytes, next);
    const bool valid_here = !problem || problem->offset >= next - i;
    if (valid_here && is_ucschar(cp)) {
      out.append(bytes, i, next - i);
      i = next;
    } else if (valid_here) {
      for (; i < next; ++i) out += fmt::format("%{:02X}", static_cast<unsigned char>(bytes[i]));
    } else {
      out += fmt::format("%{:02X}", c);
      ++i;
    }
  }
  return out;
}

bool is_absolute_iri(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_ascii_alpha(text[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = text[i];
    if (!is_ascii_alpha(c) && !is_ascii_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  if (find_utf8_problem(text)) return false;
  // Private-use characters are allowed in the query only; rather than parse
  // IRIs fully, refuse them everywhere.
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp < 0x80 ? is_forbidden_ascii(static_cast<unsigned char>(cp)) : !is_ucschar(cp)) return false;
  }
  return true;
}

bool is_http_iri(std::string_view text) {
  if (!is_absolute_iri(text)) return false;
  const std::string lower = ascii_lower(text.substr(0, 8));
  std::size_t host_start = 0;
  if (lower.starts_with("http://")) host_start = 7;
  else if (lower.starts_with("https://")) host_start = 8;
  else return false;
  return host_start < text.size() && text[host_start] != '/' && text[host_start] != '?' &&
         text[host_start] != '#';
}

std::string display_path(std::string_view path) {
  std::string out;
  while (true) {
    const auto problem = find_utf8_problem(path);
    if (!problem) break;
    out.append(path.substr(0, problem->offset));
    out += problem->what == "NUL byte" ? "\\0" : "\xEF\xBF\xBD";
    path.remove_prefix(problem->offset + 1);
  }
  out.append(path);
  return out;
}

}  // namespace ng::loaders
