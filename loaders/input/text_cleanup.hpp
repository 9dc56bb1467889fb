#pragma once
// Cleaning of text fields after their bytes have been checked to be valid
// UTF-8: NFC normalisation, removal of control characters, and the paragraph
// convention every reader shares (one paragraph per non-empty line, joined by
// "\n\n"). Pure functions; thread-safe; nothing thrown but std::bad_alloc.

#include <string>
#include <string_view>

namespace ng::loaders {

// A single-line field (title, name, author...): NFC, control characters
// removed, every run of whitespace (newlines included) made one space,
// trimmed. `utf8` must be valid UTF-8.
std::string clean_line(std::string_view utf8);

// Body text: line endings normalised (CRLF and CR become LF), NFC, control
// characters other than LF and TAB removed, trailing spaces trimmed, and
// every non-empty line kept as its own paragraph; paragraphs are separated by
// exactly "\n\n". `utf8` must be valid UTF-8.
std::string clean_paragraphs(std::string_view utf8);

// Appends `paragraph` to `body` with the "\n\n" separator (nothing when empty).
void append_paragraph(std::string& body, std::string_view paragraph);

// Whether the text has nothing but ASCII whitespace.
bool is_blank(std::string_view text) noexcept;

// A byte count as megabytes for messages: "9", "8.5" (MiB, one decimal).
std::string megabytes(std::size_t bytes);

// "article is 9.5 MB, over the size limit of 8 MB".
std::string oversize_message(std::size_t bytes, std::size_t limit);

}  // namespace ng::loaders
