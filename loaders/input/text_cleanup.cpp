#include "loaders/input/text_cleanup.hpp"

#include <fmt/format.h>

#include "common/unicode.hpp"

namespace ng::loaders {

namespace {

bool is_space(char32_t cp) noexcept {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2028 || cp == 0x2029;
}

// C0 and C1 controls and DEL. LF and TAB are handled by the callers; raptor
// and most RDF tools reject or mangle the rest in literals.
bool is_control(char32_t cp) noexcept { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Drops control characters except LF and TAB, making CRLF and CR into LF.
std::string without_controls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(utf8, i);
    if (cp == '\r') {
      if (i >= utf8.size() || utf8[i] != '\n') out += '\n';
    } else if (cp == '\n' || cp == '\t' || !is_control(cp)) {
      out.append(utf8.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace

std::string clean_line(std::string_view utf8) {
  const std::string normalised = to_nfc(without_controls(utf8));
  std::string out;
  out.reserve(normalised.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < normalised.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(normalised, i);
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(normalised, start, i - start);
  }
  return out;
}

std::string clean_paragraphs(std::string_view utf8) {
  const std::string normalised = to_nfc(without_controls(utf8));
  std::string body;
  std::size_t start = 0;
  while (start <= normalised.size()) {
    std::size_t end = normalised.find('\n', start);
    if (end == std::string::npos) end = normalised.size();
    std::string_view line(normalised.data() + start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    // Source text wraps one paragraph per line; a line that is only
    // indentation is a blank line, not a paragraph.
    if (!is_blank(line)) append_paragraph(body, line);
    start = end + 1;
  }
  return body;
}

void append_paragraph(std::string& body, std::string_view paragraph) {
  if (paragraph.empty()) return;
  if (!body.empty()) body += "\n\n";
  body.append(paragraph);
}

bool is_blank(std::string_view text) noexcept {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

std::string megabytes(std::size_t bytes) {
  const double mb = static_cast<double>(bytes) / static_cast<double>(std::size_t{1} << 20);
  std::string text = fmt::format("{:.1f}", mb);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

std::string oversize_message(std::size_t bytes, std::size_t limit) {
  return fmt::format("article is {} MB, over the size limit of {} MB", megabytes(bytes),
                     megabytes(limit));
}

}  // namespace ng::loaders
