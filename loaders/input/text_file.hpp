#pragma once
// The checks every text input passes before a reader parses it: size limit,
// byte order mark, empty, binary, invalid UTF-8 or NUL. Problems go to the
// InputReport (one per input); nothing is thrown for bad content.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "loaders/input/input_report.hpp"

namespace ng::loaders {

struct SizeLimit {
  std::size_t bytes = 0;
  // The problem message for an input of `size` bytes over `limit`.
  std::string (*message)(std::size_t size, std::size_t limit) = nullptr;
};

// How an input's bytes are read as text.
struct TextOptions {
  // An HTML page: honour the charset it declares (<meta charset>...).
  bool html = false;
};

// Whether the first bytes of an input look like a binary file. Unlike
// ng::looks_binary, one stray NUL in otherwise ordinary text is not binary:
// it is corruption to be reported with its line and column.
bool is_binary_text(std::string_view head);

// Reads all of `in` (at most limit.bytes; a larger input is skipped without
// being kept in memory) and applies check_text. Read errors are recorded as
// problems. `origin` names the input in problems.
std::optional<std::string> read_checked_text(std::istream& in, const std::string& origin,
                                             const SizeLimit& limit, InputReport& report,
                                             const TextOptions& text = {});

// Strips a UTF-8 BOM; converts UTF-16 and UTF-32 with a BOM, and HTML that
// declares another charset, to UTF-8 (encoding.hpp); then records "empty
// file", "binary file, not text", "origin:line:column: not UTF-8 (...);
// convert with iconv -f X -t UTF-8" or "NUL byte" and returns false, or
// returns true when `content` is clean UTF-8 text.
bool check_text(std::string& content, const std::string& origin, InputReport& report, const TextOptions& text = {});

}  // namespace ng::loaders
