#pragma once
// IRI references resolved against a base, as RFC 3986 section 5.2 says
// (dot segments removed from the reference's path, as every SPARQL engine
// does for relative IRIs). An absolute IRI is kept exactly as written.

#include <string>
#include <string_view>

namespace ng::graph::sparql {

// Whether `iri` starts with a scheme ("http:", "urn:", "file:").
bool has_scheme(std::string_view iri);

// `reference` resolved against the absolute IRI `base`.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace ng::graph::sparql
