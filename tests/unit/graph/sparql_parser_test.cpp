// The SPARQL parser: the corners of the grammar a user meets, on queries
// written for the test (graph/sparql/parser.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "common/error.hpp"
#include "graph/sparql/lexer.hpp"
#include "graph/sparql/parser.hpp"

using namespace ng;
using namespace ng::graph::sparql;

namespace {

ParsedQuery parse(const std::string& text) {
  ParseOptions options;
  options.base = "http://example.org/base/";
  options.prefixes = {{"ex", "http://example.org/"}};
  return parse_query(text, options);
}

// The constant terms of the query's first triple pattern, as N-Triples.
std::string first_triple(const std::string& text) {
  const ParsedQuery q = parse(text);
  const Pattern* p = &q.query->where;
  while (p->kind != Pattern::Kind::Bgp && !p->children.empty()) p = &p->children[0];
  REQUIRE_FALSE(p->triples.empty());
  std::string out;
  for (const PatternTerm* t : {&p->triples[0].subject, &p->triples[0].predicate, &p->triples[0].object}) {
    out += (out.empty() ? "" : " ") +
           (t->is_variable() ? "?" + q.query->variable_names[t->id] : ontology::to_ntriples(q.terms->term(t->id)));
  }
  return out;
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const QueryError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("prefixed names keep inner dots, escapes and leading digits", "[sparql][parser]") {
  CHECK(first_triple("SELECT * { ex:a.b ex:p\\,q ex:1x }") ==
        "<http://example.org/a.b> <http://example.org/p,q> <http://example.org/1x>");
  // A final dot ends the triple, not the name.
  CHECK(first_triple("SELECT * { ?s ex:p ex:o. }") == "?s <http://example.org/p> <http://example.org/o>");
  CHECK(first_triple("SELECT * { ex: a ex:C }") ==
        "<http://example.org/> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/C>");
}

TEST_CASE("strings, numbers and booleans become the literals they spell", "[sparql][parser]") {
  CHECK(first_triple("SELECT * { ?s ex:p '''two\nlines''' }") == "?s <http://example.org/p> \"two\\nlines\"");
  CHECK(first_triple("SELECT * { ?s ex:p \"caf\\u00E9\\t\"@EN-gb }") == "?s <http://example.org/p> \"café\\t\"@en-gb");
  CHECK(first_triple("SELECT * { ?s ex:p -1.50 }") ==
        "?s <http://example.org/p> \"-1.50\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
  CHECK(first_triple("SELECT * { ?s ex:p 1e3 }") ==
        "?s <http://example.org/p> \"1e3\"^^<http://www.w3.org/2001/XMLSchema#double>");
  CHECK(first_triple("SELECT * { ?s ex:p true }") ==
        "?s <http://example.org/p> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>");
  CHECK(first_triple("SELECT * { ?s ex:p \"7\"^^ex:t }") == "?s <http://example.org/p> \"7\"^^<http://example.org/t>");
}

TEST_CASE("relative IRIs resolve against the base, BASE first included", "[sparql][parser]") {
  CHECK(first_triple("SELECT * { <a> <../b> <#c> }") ==
        "<http://example.org/base/a> <http://example.org/b> <http://example.org/base/#c>");
  CHECK(first_triple("BASE <http://other.example/x/>\nPREFIX p: <y/>\nSELECT * { <z> p:q ?o }") ==
        "<http://other.example/x/z> <http://other.example/x/y/q> ?o");
}

TEST_CASE("blank nodes, collections and lists of objects expand to triples", "[sparql][parser]") {
  const ParsedQuery q = parse("SELECT * { ?s ex:p [ ex:q 1 ], ( 1 2 ) ; ex:r _:b . _:b ex:t ?o }");
  const Pattern& where = q.query->where;
  REQUIRE(where.kind == Pattern::Kind::Bgp);
  // [ ex:q 1 ] (1 triple + 1), ( 1 2 ) (4 triples + 1), ex:r _:b, _:b ex:t ?o
  CHECK(where.triples.size() == 9);
  CHECK(q.query->projection.size() == 2);  // ?s and ?o: blank nodes are hidden
}

TEST_CASE("the grammar's mistakes are reported at their place", "[sparql][parser]") {
  CHECK(error_of("SELECT * { ?s ?p }") == "line 1, column 18: syntax error: expected a variable, an IRI, a literal or a "
                                          "blank node, found '}'");
  CHECK(error_of("SELECT * { ?s ex:p \"open }") == "line 1, column 20: syntax error: a string is not closed");
  CHECK(error_of("SELECT ?x { ?x ex:p ?y } LIMIT x") ==
        "line 1, column 32: syntax error: expected a number after LIMIT, found 'x'");
  CHECK(error_of("SELECT (1 AS ?x) (2 AS ?x) {}") == "line 1, column 24: ?x is selected twice");
  CHECK(error_of("SELECT * { ?s foo:p ?o }") ==
        "undeclared prefix 'foo:' at line 1, column 15: declare it with PREFIX foo: <...>");
  CHECK(error_of("SELECT * { ?s ?p ?o BIND(1 AS ?o) }") ==
        "line 1, column 31: BIND(... AS ?o) names a variable the pattern before it already binds");
  CHECK_THAT(error_of("SELECT (COUNT(COUNT(?x)) AS ?n) {}"), Catch::Contains("COUNT is an aggregate"));
  CHECK_THAT(error_of("SELECT * { FILTER(COUNT(?x) > 1) }"), Catch::Contains("allowed only in SELECT, HAVING and ORDER BY"));
  CHECK_THAT(error_of("SELECT * { ?s ?p ?o } GROUP BY ?s"), Catch::Contains("SELECT * cannot be used with GROUP BY"));
  CHECK_THAT(error_of("SELECT * { ?s ex:p ?o FILTER regex(?o, \"x\", \"g\") }"),
             Catch::Contains("REGEX flag 'g' is not one of s, m, i, x, q"));
}

TEST_CASE("the lexer tells IRIs from less-than and keeps places in code points", "[sparql][parser]") {
  const auto tokens = tokenize("FILTER(?a < ?b && ?c<3)\n  \"é\" ?d");
  std::vector<Token::Kind> kinds;
  for (const Token& t : tokens) kinds.push_back(t.kind);
  CHECK(tokens[3].kind == Token::Kind::Punct);  // "<" before a space is less-than
  CHECK(tokens[3].text == "<");
  const Token& last = tokens[tokens.size() - 2];
  CHECK(last.text == "d");
  CHECK(last.line == 2);
  CHECK(last.column == 7);  // "é" counts as one column
}
