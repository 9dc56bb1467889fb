#pragma once
// Content negotiation for the SPARQL endpoint: the result format from the
// Accept header (q-values, wildcards), or from a `format` parameter that
// wins over it when it names a format this endpoint writes (json, xml,
// csv, tsv, turtle, ntriples, rdfxml: handy in a browser's address bar; a
// media type there is negotiated like Accept).

#include <optional>
#include <string_view>

#include "graph/sparql.hpp"

namespace ng::server {

// The format to write a result in; nothing when the client accepts none
// of those that fit (406). `graph_result`: CONSTRUCT or DESCRIBE.
std::optional<graph::ResultFormat> negotiate(std::string_view accept, std::string_view format_parameter,
                                             bool graph_result);

// The media type of a format ("application/sparql-results+json; charset=utf-8").
std::string_view media_type(graph::ResultFormat format);

}  // namespace ng::server
