#pragma once
// SPARQL 1.1's built-in functions (section 17.4) on evaluated arguments,
// and the XSD casts (17.5). The lazy ones (BOUND, IF, COALESCE, EXISTS,
// logical operators) are the evaluator's. Strings are handled as Unicode
// code points (STRLEN, SUBSTR, UCASE), never as bytes.
//
// Errors are returned as error Values; a REGEX or REPLACE whose pattern or
// flags are written in the query and invalid throws QueryError instead, so
// that a typo never silently gives no rows.

#include <cstdint>
#include <map>
#include <random>
#include <span>
#include <string>

#include "graph/sparql/query.hpp"
#include "graph/sparql/regex.hpp"
#include "graph/sparql/value.hpp"

namespace ng::graph::sparql {

struct FunctionContext {
  explicit FunctionContext(const TermTable& table) : terms(table) {}
  const TermTable& terms;
  std::string base;        // for IRI()
  std::string now;         // NOW(), fixed for the query
  std::mt19937_64 random{std::random_device{}()};
  RegexCache regexes;
  // BNODE("x") gives one node per solution: the solution being evaluated
  // and its labels.
  std::uint64_t solution = 0;
  std::uint64_t labels_solution = ~std::uint64_t{0};
  std::map<std::string, std::string> labels;
  std::uint64_t blank_counter = 0;
};

// `constant_arguments[i]` says whether argument i is written in the query.
Value call_builtin(Builtin builtin, std::span<const Value> args, std::span<const bool> constant_arguments,
                   FunctionContext& context);

// Casts a value to xsd:string, boolean, integer, decimal, float, double,
// dateTime or date.
Value cast_to(std::string_view datatype, const Value& argument, FunctionContext& context);

// String helpers shared by the function files.
namespace functions {
Value string_function(Builtin builtin, std::span<const Value> args, std::span<const bool> constant_arguments,
                      FunctionContext& context);
Value term_function(Builtin builtin, std::span<const Value> args, FunctionContext& context);
}  // namespace functions

}  // namespace ng::graph::sparql
