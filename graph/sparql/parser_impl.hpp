#pragma once
// The parser's state, shared by parser.cpp (prologue, query forms,
// modifiers), parser_patterns.cpp (graph patterns, triples, paths) and
// parser_expressions.cpp (expressions, built-ins, aggregates). Internal to
// graph/sparql.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/sparql/lexer.hpp"
#include "graph/sparql/parser.hpp"
#include "graph/sparql/query.hpp"

namespace ng::graph::sparql::detail {

// Sets pattern.operators (and that of the parts not yet measured) and
// throws QueryError when there are more than the evaluator may recurse
// through: analyse() and the evaluator recurse once per operator, rows
// pass through a callback per operator above them, so the stack grows
// with the operators on the way down and with those the rows go up
// through (thousands of OPTIONALs, UNIONs or BINDs would exhaust it,
// sooner under a sanitizer). Their count bounds both. Called each time the
// parser wraps a pattern, so nothing walks a tree that is too big.
std::uint32_t measure_pattern(Pattern& pattern);

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options);
  ParsedQuery parse();

 private:
  // Tokens.
  const Token& peek(std::size_t ahead = 0) const;
  Token take();
  bool is_word(const Token& token, std::string_view upper) const;
  bool is_punct(const Token& token, std::string_view text) const;
  bool at_word(std::string_view upper) const { return is_word(peek(), upper); }
  bool at_punct(std::string_view text) const { return is_punct(peek(), text); }
  bool accept_word(std::string_view upper);
  bool accept_punct(std::string_view text);
  void expect_word(std::string_view upper, std::string_view what);
  void expect_punct(std::string_view text, std::string_view what);
  [[noreturn]] void fail(const Token& at, const std::string& message) const;
  [[noreturn]] void unexpected(std::string_view expected) const;

  // Prologue and IRIs (parser.cpp).
  void prologue();
  std::string resolve(const std::string& iri, const Token& at) const;
  std::string expand(const Token& prefixed) const;
  bool at_iri() const;
  std::string take_iri(std::string_view what);
  TermId intern_iri(const std::string& iri);

  // Query levels (parser.cpp).
  std::shared_ptr<Query> select_query(bool sub);
  void select_clause(Query& query);
  void construct_query(Query& query);
  void describe_query(Query& query);
  void dataset_clauses(Query& query);
  void solution_modifiers(Query& query);
  void values_clause(Query& query);
  void finish_select(Query& query, const Token& at);
  VarId variable(const std::string& name);
  VarId hidden_variable(std::string_view kind);

  // Graph patterns (parser_patterns.cpp).
  Pattern group_graph_pattern();
  Pattern subselect_pattern();
  // Returns whether it ended with a '.'.
  bool triples_block(std::vector<Pattern>& pieces, bool path_allowed);
  void triples_same_subject(std::vector<Pattern>& pieces, bool path_allowed);
  void property_list(const PatternTerm& subject, std::vector<Pattern>& pieces, bool path_allowed, bool required);
  PatternTerm graph_node(std::vector<Pattern>& pieces, bool path_allowed);
  PatternTerm triples_node(std::vector<Pattern>& pieces, bool path_allowed);
  PatternTerm var_or_term();
  PatternTerm blank_node(const std::string& label);
  void add_triple(const PatternTerm& s, const PatternTerm* predicate, const Path* path, const PatternTerm& o,
                  std::vector<Pattern>& pieces);
  Path path_alternative();
  Path path_sequence();
  Path path_elt_or_inverse();
  Path path_primary();
  Pattern values_pattern();
  Pattern graph_pattern(const Token& at);

  // Expressions and terms (parser_expressions.cpp).
  Expr expression();
  Expr or_expression();
  Expr and_expression();
  Expr relational_expression();
  Expr additive_expression();
  Expr multiplicative_expression();
  Expr unary_expression();
  Expr primary_expression();
  Expr bracketted_expression();
  Expr builtin_call();
  Expr function_call(const std::string& iri, const Token& at);
  Expr aggregate_call(const Token& name);
  std::vector<Expr> argument_list(const Token& name, std::size_t min, std::size_t max);
  bool at_builtin() const;
  bool at_literal() const;
  TermId literal();
  TermId data_block_value();
  void check_regex_flags(const Expr& flags, const Token& at) const;

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  const ParseOptions& options_;
  std::string base_;
  std::map<std::string, std::string> declared_;  // PREFIX declarations
  std::shared_ptr<TermTable> terms_;
  Query* query_ = nullptr;  // the query level being parsed
  std::map<std::string, VarId>* names_ = nullptr;
  std::map<std::string, VarId> blank_labels_;  // _:b in the current query level
  bool in_template_ = false;                   // blank nodes are template blanks
  std::map<std::string, std::uint32_t> template_labels_;
  bool aggregates_allowed_ = false;
  std::size_t hidden_count_ = 0;
  // Nesting of groups and parentheses: bounded, so that a hostile query
  // cannot exhaust the stack (of the parser or the evaluator).
  std::size_t depth_ = 0;
  void enter(const Token& at);
  struct DepthGuard {
    std::size_t& depth;
    ~DepthGuard() { --depth; }
  };
};

}  // namespace ng::graph::sparql::detail
