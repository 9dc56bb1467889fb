#pragma once
// Text that is not UTF-8. newsgraph works in UTF-8; other encodings are read
// only where the input says which they are, and named otherwise:
//  - a UTF-16 or UTF-32 byte order mark: converted;
//  - an HTML or XHTML page that declares its charset (<meta charset>, the
//    http-equiv Content-Type, <?xml encoding>): converted from it, as a
//    browser would;
//  - anything else: skipped with the command that converts it, the source
//    encoding guessed by ICU's charset detector ("not UTF-8; convert with
//    iconv -f ISO-8859-1 -t UTF-8").
// Conversions through ICU (ucnv). Pure; thread-safe; never throws but
// std::bad_alloc.

#include <optional>
#include <string>
#include <string_view>

namespace ng::loaders {

// "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" for a byte order mark at the
// start of `bytes` (not UTF-8's, which the text checks strip).
std::optional<std::string> bom_encoding(std::string_view bytes);

// The charset an HTML page declares in its first 1024 bytes, as the HTML
// standard's prescan finds it: <meta charset="...">, <meta http-equiv=
// "Content-Type" content="...; charset=...">, or an XML declaration's
// encoding="...". Lower case; nothing when none.
std::optional<std::string> declared_html_charset(std::string_view bytes);

// Whether a charset name means UTF-8 ("utf-8", "utf8", "unicode-1-1-utf-8").
bool is_utf8_name(std::string_view charset);

// `bytes` converted from `charset` to UTF-8, without a byte order mark.
// Nothing when ICU does not know the charset or the bytes are not valid in it.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset);

// ICU's best guess of the encoding of `bytes` ("ISO-8859-1", "windows-1252",
// "UTF-16LE"...), for messages; nothing when it has none.
std::optional<std::string> guess_encoding(std::string_view bytes);

// "not UTF-8 (invalid byte 0xe9); convert with iconv -f ISO-8859-1 -t UTF-8"
// for text whose first problem is `what` ("invalid UTF-8 byte 0xe9").
std::string not_utf8_message(std::string_view bytes, std::string_view what);

}  // namespace ng::loaders
