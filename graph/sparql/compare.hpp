#pragma once
// SPARQL's comparisons of terms (section 17.3 and 15.1): the `=` operator
// (values of known types, RDF term equality, and a type error for two
// different literals it cannot compare), the `<` family, the total order
// of ORDER BY, and the effective boolean value.

#include <optional>

#include "graph/sparql/datetime.hpp"
#include "graph/sparql/numeric.hpp"
#include "ontology/term.hpp"

namespace ng::graph::sparql {

enum class Truth { False, True, Error };

// A literal without a language tag and without a datatype (or xsd:string).
bool is_simple_string(const ontology::Term& term);
// Simple or language-tagged.
bool is_string_literal(const ontology::Term& term);

// RDF term identity (language tags compared case-insensitively).
bool same_term(const ontology::Term& a, const ontology::Term& b);

// The `=` operator.
Truth equal(const ontology::Term& a, const ontology::Term& b);

enum class Order { Less, Equal, Greater, Unordered };
// The `<`, `>`, `<=`, `>=` operators; nothing is a type error; Unordered
// (NaN) makes all four false.
std::optional<Order> order(const ontology::Term& a, const ontology::Term& b);

// ORDER BY: unbound (null) < blank nodes < IRIs < literals; literals by
// value where `<` orders them, else numbers < booleans < dates < the rest,
// the rest by lexical form, language and datatype. A total order.
int order_by_compare(const ontology::Term* a, const ontology::Term* b);

// A term prepared for ORDER BY, its value parsed once: sorting compares
// n log n pairs, and parsing a number for each comparison dominated.
struct SortKey {
  const ontology::Term* term = nullptr;  // null: unbound
  int rank = 0;                          // literals: numbers 0, booleans 1, dates 2, the rest 3
  std::optional<Numeric> number;
  bool boolean = false;
  std::optional<DateTime> date;
};
SortKey sort_key(const ontology::Term* term);
// The same order as order_by_compare.
int compare_sort_keys(const SortKey& a, const SortKey& b);

// The effective boolean value; nothing for a type error.
std::optional<bool> effective_boolean(const ontology::Term& term);

}  // namespace ng::graph::sparql
