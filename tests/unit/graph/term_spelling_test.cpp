#include <catch2/catch.hpp>

#include "graph/term_spelling.hpp"
#include "graph_test_support.hpp"

using namespace ng;
using namespace ng::graph;
using ng::ontology::Term;

namespace {

std::vector<Term> tricky_terms() {
  return {Term::iri("http://example.org/a b<c>\"{d}|^`\\e"),
          Term::iri("https://example.org/caf\u00e9#char=3,10"),
          Term::blank("b0"),
          Term::literal(""),
          Term::literal("line one\nline \"two\"\t\\ end\r\x01\x7f"),
          Term::literal("Kyiv", "", "uk"),
          Term::literal("42", "http://www.w3.org/2001/XMLSchema#integer"),
          Term::literal("x", "http://example.org/odd\"type"),
          Term::literal("\u00fcber \U0001F600 \\u0041 not an escape")};
}

}  // namespace

TEST_CASE("a term's spelling is its N-Triples spelling and reads back as the same term", "[graph][spelling]") {
  for (const Term& term : tricky_terms()) {
    const std::string spelling = spelling_of(term);
    CHECK(spelling == ontology::to_ntriples(term));
    const auto back = term_of_spelling(spelling);
    REQUIRE(back);
    CHECK(*back == term);
  }
}

TEST_CASE("a literal typed xsd:string has the spelling of the plain literal", "[graph][spelling]") {
  CHECK(spelling_of(Term::literal("Vell", std::string(ontology::vocab::xsd::kString))) == "\"Vell\"");
}

TEST_CASE("bytes that are not a spelling are refused, not guessed", "[graph][spelling]") {
  for (const char* bad : {"", "plain", "<unclosed", "\"unclosed", "\"x\"^^<dt", "\"bad \\q escape\"", "\"\\u12\""}) {
    CHECK_FALSE(term_of_spelling(bad));
  }
  CHECK(iri_of_spelling("<http://example.org/a\\u0020b>") == "http://example.org/a b");
  CHECK(iri_of_spelling("\"literal\"").empty());
}
