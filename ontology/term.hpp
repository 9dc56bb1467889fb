#pragma once
// RDF terms and quads as plain values: what loaders/to_rdf produces and
// graph/ stores. No Redland here; graph/ is the only code that includes it.
// newsgraph mints an IRI for everything it describes, so blank nodes only
// appear when reading RDF written by someone else.

#include <compare>
#include <string>
#include <string_view>

namespace ng::ontology {

struct Term {
  enum class Kind : unsigned char { Iri, Literal, Blank };
  Kind kind = Kind::Iri;
  std::string value;     // the IRI, the lexical form, or the blank node label
  std::string datatype;  // literals only; empty means xsd:string
  std::string language;  // literals only; BCP 47 tag, empty for none

  static Term iri(std::string value) { return {Kind::Iri, std::move(value), {}, {}}; }
  static Term literal(std::string value, std::string datatype = {}, std::string language = {}) {
    return {Kind::Literal, std::move(value), std::move(datatype), std::move(language)};
  }
  static Term blank(std::string label) { return {Kind::Blank, std::move(label), {}, {}}; }

  bool is_iri() const noexcept { return kind == Kind::Iri; }
  bool is_literal() const noexcept { return kind == Kind::Literal; }
  bool is_blank() const noexcept { return kind == Kind::Blank; }

  auto operator<=>(const Term&) const = default;
  bool operator==(const Term&) const = default;
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
  auto operator<=>(const Triple&) const = default;
  bool operator==(const Triple&) const = default;
};

// A triple in a named graph; an empty graph_name is the default graph.
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  std::string graph_name;
  auto operator<=>(const Quad&) const = default;
  bool operator==(const Quad&) const = default;
};

// N-Triples spelling of a term (<iri>, "lexical"^^<dt>, "x"@en, _:b), with
// the escapes N-Triples requires. Used for keys, golden files and messages.
std::string to_ntriples(const Term& term);

}  // namespace ng::ontology
