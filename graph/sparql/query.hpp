#pragma once
// A parsed SPARQL query as the SPARQL 1.1 algebra (section 18): graph
// patterns (BGP, Join, LeftJoin, Union, Minus, Filter, Graph, Extend,
// Values, property paths, subqueries), expressions, and the solution
// modifiers. The parser builds it; the evaluator runs it.
//
// Variables are numbered per query level (a subquery has its own table,
// since its variables that are not projected are not the outer ones);
// constants are TermIds of the query's TermTable.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/sparql/term_table.hpp"
#include "graph/sparql/var_set.hpp"

namespace ng::graph::sparql {

struct Pattern;
struct Query;

// SPARQL built-in functions and operators (section 17.4).
enum class Builtin : std::uint8_t {
  Str, Lang, LangMatches, Datatype, Bound, Iri, Bnode, Rand, Abs, Ceil, Floor, Round, Concat, StrLen, Ucase,
  Lcase, EncodeForUri, Contains, StrStarts, StrEnds, StrBefore, StrAfter, Year, Month, Day, Hours, Minutes,
  Seconds, Timezone, Tz, Now, Uuid, StrUuid, Md5, Sha1, Sha256, Sha384, Sha512, Coalesce, If, StrLang, StrDt,
  SameTerm, IsIri, IsBlank, IsLiteral, IsNumeric, Regex, Substr, Replace,
};

struct Expr {
  enum class Op : std::uint8_t {
    Constant, Variable, Or, And, Not, Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual, In, NotIn, Add,
    Subtract, Multiply, Divide, Negate, Plus, Call, Cast, Exists, NotExists, Aggregate,
  };
  Op op = Op::Constant;
  Builtin builtin = Builtin::Str;  // Call
  TermId term = kUnbound;          // Constant; Cast: the datatype IRI
  VarId variable = 0;              // Variable; Aggregate: the variable holding its value
  std::vector<Expr> args;
  std::shared_ptr<const Pattern> pattern;  // Exists, NotExists
};

struct Aggregate {
  enum class Kind : std::uint8_t { Count, Sum, Min, Max, Avg, Sample, GroupConcat };
  Kind kind = Kind::Count;
  bool distinct = false;
  bool star = false;  // COUNT(*)
  std::optional<Expr> argument;
  std::string separator = " ";
  VarId result = 0;  // the (hidden) variable that holds the value per group
};

// A subject, predicate, object or graph position: a constant or a variable.
// Blank nodes of a CONSTRUCT template are their own kind (a fresh node per
// solution); in a WHERE clause they are hidden variables.
struct PatternTerm {
  enum class Kind : std::uint8_t { Constant, Variable, TemplateBlank };
  Kind kind = Kind::Constant;
  std::uint32_t id = 0;  // TermId, VarId or template blank number

  static PatternTerm constant(TermId term) { return {Kind::Constant, term}; }
  static PatternTerm variable(VarId var) { return {Kind::Variable, var}; }
  bool is_variable() const noexcept { return kind == Kind::Variable; }
  bool operator==(const PatternTerm&) const = default;
};

struct TriplePattern {
  PatternTerm subject, predicate, object;
};

// A property path (section 9). Sequences and alternatives of plain links
// are turned into joins and unions by the parser, as the algebra says;
// what remains for the path evaluator is what needs it.
struct Path {
  enum class Kind : std::uint8_t { Link, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne, Negated };
  Kind kind = Kind::Link;
  TermId iri = kUnbound;  // Link
  std::vector<Path> parts;
  std::vector<TermId> negated_forward, negated_inverse;  // Negated: !(a|^b)
};

struct Pattern {
  enum class Kind : std::uint8_t { Bgp, Path, Join, LeftJoin, Union, Minus, Filter, Graph, Extend, Values, Subquery };
  Kind kind = Kind::Bgp;
  std::vector<TriplePattern> triples;  // Bgp (empty: the one empty solution)
  PatternTerm subject, object;         // Path
  sparql::Path path;                   // Path
  std::vector<Pattern> children;       // Join, LeftJoin, Union, Minus: 2; Filter, Graph, Extend: 1
  std::vector<Expr> conditions;        // Filter, LeftJoin: a conjunction
  PatternTerm graph;                   // Graph
  VarId variable = 0;                  // Extend
  std::optional<Expr> expression;      // Extend
  std::vector<VarId> value_variables;  // Values
  std::vector<TermId> value_rows;      // Values: rows of value_variables.size() ids, kUnbound = UNDEF
  std::size_t value_row_count = 0;     // Values (rows may have no columns: VALUES () { () })
  std::shared_ptr<const Query> subquery;
  std::vector<std::pair<VarId, VarId>> projected;  // Subquery: (inner variable, outer variable)

  // Filled in by analyse(): the variables every solution binds, and those
  // some solution may bind.
  VarSet certain, maybe;
  // Filled in by the parser (measure_pattern) as the tree grows: the
  // operators (patterns with parts) in this pattern, its subqueries and its
  // EXISTS patterns.
  std::uint32_t operators = 0;
  bool measured = false;
};

enum class QueryForm : std::uint8_t { Select, Construct, Ask, Describe };

struct OrderKey {
  Expr expression;
  bool descending = false;
};

struct GroupKey {
  Expr expression;
  VarId variable = 0;  // the variable it binds (GROUP BY ?x, (e AS ?x), or hidden)
};

struct Projection {
  VarId variable = 0;
  std::optional<Expr> expression;  // SELECT (e AS ?v)
};

struct Query {
  QueryForm form = QueryForm::Select;
  std::vector<std::string> variable_names;  // VarId -> name; hidden variables start with a space
  Pattern where;
  // SELECT
  bool distinct = false, reduced = false, star = false;
  std::vector<Projection> projection;  // after resolving `*`
  bool aggregated = false;             // GROUP BY or an aggregate: solutions are groups
  std::vector<GroupKey> group_by;
  std::vector<Aggregate> aggregates;
  std::vector<Expr> having;
  std::vector<OrderKey> order_by;
  std::optional<std::uint64_t> limit;
  std::uint64_t offset = 0;
  // CONSTRUCT template (and CONSTRUCT WHERE); blank nodes numbered.
  std::vector<TriplePattern> construct_template;
  std::uint32_t template_blanks = 0;
  // DESCRIBE
  std::vector<PatternTerm> describe;
  bool describe_star = false;
  // The dataset clause: FROM and FROM NAMED graph IRIs.
  bool has_dataset = false;
  std::vector<TermId> from, from_named;

  std::size_t width() const noexcept { return variable_names.size(); }
  bool hidden(VarId v) const { return variable_names[v].starts_with(' '); }
};

// A query and the terms it names.
struct ParsedQuery {
  std::shared_ptr<TermTable> terms;
  std::shared_ptr<Query> query;
  std::string base;  // the base IRI in force at the end of the prologue
};

}  // namespace ng::graph::sparql
