#pragma once
// UTF-8 checks and Unicode normalisation (ICU). Nothing reaches the RDF store
// or the extractor without passing through validate_utf8 and to_nfc: raptor
// writes invalid UTF-8 through silently, truncates literals at NUL, and treats
// NFC and NFD spellings of a name as two different literals.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ng {

// Where the first problem in `bytes` is, if any.
struct Utf8Problem {
  std::size_t offset;  // byte offset of the offending byte
  std::size_t line;    // 1-based line of that byte
  std::size_t column;  // 1-based column (in code points) of that byte
  std::string what;    // "invalid UTF-8 byte 0xff", "NUL byte", ...
};

// First invalid UTF-8 sequence or NUL byte, or nothing when `bytes` is clean
// (well-formed UTF-8 per RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
std::optional<Utf8Problem> find_utf8_problem(std::string_view bytes);

// Whether bytes look like a binary file (NUL bytes or many control characters
// in the first few kilobytes), as opposed to text with an encoding error.
bool looks_binary(std::string_view bytes);

// Strips a UTF-8 byte order mark if present; returns whether one was removed.
bool strip_bom(std::string& text);

// Unicode NFC of valid UTF-8 (ICU). Fast path: ASCII and already-NFC input
// are returned unchanged without conversion.
std::string to_nfc(std::string_view utf8);

// Number of code points in valid UTF-8 (NIF offsets count code points).
std::size_t count_code_points(std::string_view utf8) noexcept;

// Decodes the code point starting at bytes[i] (valid UTF-8 assumed) and
// advances i past it.
char32_t next_code_point(std::string_view utf8, std::size_t& i) noexcept;

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

// Full Unicode case folding (ICU), for comparing names.
std::string case_fold(std::string_view utf8);

// Lower-case ASCII transliteration of any script ("Kyïv" -> "kyiv",
// "Зеленський" -> "zelens'kij"), used to mint readable IRIs.
std::string to_ascii_lower(std::string_view utf8);

}  // namespace ng
