#include <catch2/catch.hpp>

#include "server/negotiation.hpp"

using ng::graph::ResultFormat;
using ng::server::negotiate;

TEST_CASE("the Accept header picks the result format, quality values first", "[server][negotiation]") {
  CHECK(negotiate("application/sparql-results+xml", "", false) == ResultFormat::Xml);
  CHECK(negotiate("text/csv;q=0.5, application/sparql-results+json", "", false) == ResultFormat::Json);
  CHECK(negotiate("text/csv;q=0.9, text/tab-separated-values;q=0.95", "", false) == ResultFormat::Tsv);
  CHECK(negotiate("application/sparql-results+json,application/json,text/javascript", "", false) == ResultFormat::Json);
  // A browser's header: the first table format that */* allows.
  CHECK(negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "", false) ==
        ResultFormat::Xml);
  CHECK(negotiate("", "", false) == ResultFormat::Json);
  CHECK(negotiate("", "", true) == ResultFormat::Turtle);
  CHECK(negotiate("application/rdf+xml", "", true) == ResultFormat::RdfXml);
  CHECK(negotiate("application/n-triples", "", true) == ResultFormat::NTriples);
  CHECK(negotiate("text/*", "", true) == ResultFormat::Turtle);
}

TEST_CASE("a format nobody accepts is refused, and ?format= wins over Accept", "[server][negotiation]") {
  CHECK_FALSE(negotiate("image/png", "", false).has_value());
  CHECK_FALSE(negotiate("text/csv", "", true).has_value());
  CHECK_FALSE(negotiate("text/csv;q=0", "", false).has_value());
  CHECK(negotiate("application/sparql-results+json", "csv", false) == ResultFormat::Csv);
  CHECK(negotiate("", "ntriples", true) == ResultFormat::NTriples);
  // SPARQLWrapper sends its own names (rdf+xml, n3) and media types.
  CHECK(negotiate("application/rdf+xml", "rdf+xml", true) == ResultFormat::RdfXml);
  CHECK(negotiate("text/turtle", "n3", true) == ResultFormat::Turtle);
  CHECK(negotiate("", "text/csv", false) == ResultFormat::Csv);
  CHECK(negotiate("application/sparql-results+json", "png", false) == ResultFormat::Json);
  CHECK_FALSE(negotiate("image/png", "png", false).has_value());
}
