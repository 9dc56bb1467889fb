#pragma once
// IRIs the readers produce or accept: file: IRIs for local files, and checks
// that a URL from an input is an absolute IRI the RDF store will take as is.
// Pure; thread-safe; std::filesystem errors are not thrown (see file_iri).

#include <string>
#include <string_view>

namespace ng::loaders {

// "file:///abs/path" for a path, made absolute against the working
// directory. Bytes that may not appear in an IRI path (space, '%', '#', '?',
// '<', '"', controls, invalid UTF-8...) are percent-encoded; UTF-8 letters are
// kept as they are (RFC 3987 ucschar).
std::string file_iri(const std::string& path);

// Whether `text` is an absolute IRI (scheme ":" then characters allowed in
// an IRI), as raptor needs for a URI node.
bool is_absolute_iri(std::string_view text);

// An absolute http: or https: IRI with a host.
bool is_http_iri(std::string_view text);

// The path as valid UTF-8 for messages and origins: invalid bytes become
// U+FFFD. Valid paths are returned unchanged.
std::string display_path(std::string_view path);

}  // namespace ng::loaders
