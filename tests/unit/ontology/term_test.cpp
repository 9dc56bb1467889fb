#include <catch2/catch.hpp>

#include "ontology/term.hpp"
#include "ontology/vocabulary.hpp"

using namespace ng::ontology;

TEST_CASE("literals are escaped the N-Triples way", "[ontology][term]") {
  CHECK(to_ntriples(Term::literal("say \"hi\"\n\\")) == "\"say \\\"hi\\\"\\n\\\\\"");
  CHECK(to_ntriples(Term::literal("Київ", "", "uk")) == "\"Київ\"@uk");
  CHECK(to_ntriples(Term::literal("3", std::string(vocab::xsd::kInteger))) ==
        "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  CHECK(to_ntriples(Term::literal("x", std::string(vocab::xsd::kString))) == "\"x\"");
}

TEST_CASE("IRIs escape what N-Triples forbids", "[ontology][term]") {
  CHECK(to_ntriples(Term::iri("http://x.org/a b")) == "<http://x.org/a\\u0020b>");
  CHECK(to_ntriples(Term::iri("http://x.org/doc#char=3,10")) == "<http://x.org/doc#char=3,10>");
}
