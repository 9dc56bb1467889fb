#include "loaders/input/encoding.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>
#include <vector>

#include "common/ascii.hpp"
#include "common/c_deleter.hpp"

namespace ng::loaders {

namespace {

using Converter = std::unique_ptr<UConverter, CDeleter<ucnv_close>>;
using Detector = std::unique_ptr<UCharsetDetector, CDeleter<ucsdet_close>>;

// The value after `key=` in `text` (quoted or not), or nothing.
std::optional<std::string> value_after(std::string_view text, std::string_view key) {
  const std::size_t at = text.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + key.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] != '=') return std::nullopt;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  const bool quoted = i < text.size() && (text[i] == '"' || text[i] == '\'');
  if (quoted) ++i;
  std::size_t end = i;
  while (end < text.size() && text[end] != '"' && text[end] != '\'' && text[end] != ';' && text[end] != ' ' &&
         text[end] != '>' && text[end] != '/' && text[end] != '?') {
    ++end;
  }
  if (end == i) return std::nullopt;
  return std::string(text.substr(i, end - i));
}

}  // namespace

std::optional<std::string> bom_encoding(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  return std::nullopt;
}

std::optional<std::string> declared_html_charset(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, 1024));
  if (head.starts_with("<?xml")) {
    const std::size_t end = head.find("?>");
    if (auto encoding = value_after(std::string_view(head).substr(0, end), "encoding")) return encoding;
  }
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? end : end - at);
    if (auto charset = value_after(tag, "charset")) return charset;
  }
  return std::nullopt;
}

bool is_utf8_name(std::string_view charset) {
  const std::string name = ascii_lower(charset);
  return name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8";
}

std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  const Converter from(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status) || !from) return std::nullopt;
  // Stop at a byte that is not valid in the charset rather than guess.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> utf16(bytes.size() + 16);
  const int32_t length = ucnv_toUChars(from.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                       static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  const Converter to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status) || !to) return std::nullopt;
  std::string out(static_cast<std::size_t>(length) * 3 + 4, '\0');
  const int32_t written = ucnv_fromUChars(to.get(), out.data(), static_cast<int32_t>(out.size()), utf16.data(),
                                          length, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(written));
  if (out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);  // the byte order mark, converted
  return out;
}

std::optional<std::string> guess_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const Detector detector(ucsdet_open(&status));
  if (U_FAILURE(status) || !detector) return std::nullopt;
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || !match) return std::nullopt;
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || !name || is_utf8_name(name)) return std::nullopt;
  return std::string(name);
}

std::string not_utf8_message(std::string_view bytes, std::string_view what) {
  std::string detail(what);
  if (detail.starts_with("invalid UTF-8 ")) detail = detail.substr(14);  // "byte 0xe9"
  const std::optional<std::string> guess = guess_encoding(bytes);
  return fmt::format("not UTF-8 (invalid {}); convert with iconv -f {} -t UTF-8", detail,
                     guess.value_or("ENCODING"));
}

}  // namespace ng::loaders
