// The parser's entry point, prologue, query forms and solution modifiers.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/sparql/iri.hpp"
#include "graph/sparql/parser_impl.hpp"
#include "graph/sparql/scope.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

namespace detail {

namespace {

std::string upper(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string describe_token(const Token& token) {
  switch (token.kind) {
    case Token::Kind::End: return "the end of the query";
    case Token::Kind::Iri: return "<" + token.text + ">";
    case Token::Kind::PrefixedName: return "'" + token.text + ":" + token.local + "'";
    case Token::Kind::Variable: return "'?" + token.text + "'";
    case Token::Kind::String: return "a string";
    case Token::Kind::BlankNode: return "'_:" + token.text + "'";
    case Token::Kind::LangTag: return "'@" + token.text + "'";
    default: return "'" + token.text + "'";
  }
}

constexpr std::string_view kUpdateWords[] = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP",
                                             "CREATE", "ADD",    "MOVE", "COPY",  "WITH"};

}  // namespace

Parser::Parser(std::string_view text, const ParseOptions& options)
    : options_(options), base_(options.base), terms_(std::make_shared<TermTable>()) {
  if (const auto problem = find_utf8_problem(text)) {
    throw QueryError(fmt::format("line {}, column {}: the query is not valid UTF-8 ({})", problem->line,
                                 problem->column, problem->what));
  }
  tokens_ = tokenize(text);
}

const Token& Parser::peek(std::size_t ahead) const {
  const std::size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
  return tokens_[i];
}

Token Parser::take() {
  const Token& token = peek();
  if (token.kind == Token::Kind::Error) fail(token, "syntax error: " + token.text);
  Token copy = token;
  if (pos_ < tokens_.size() - 1) ++pos_;
  return copy;
}

bool Parser::is_word(const Token& token, std::string_view word) const {
  return token.kind == Token::Kind::Word && token.text.size() == word.size() && upper(token.text) == word;
}

bool Parser::is_punct(const Token& token, std::string_view text) const {
  return token.kind == Token::Kind::Punct && token.text == text;
}

bool Parser::accept_word(std::string_view word) {
  if (!at_word(word)) return false;
  take();
  return true;
}

bool Parser::accept_punct(std::string_view text) {
  if (!at_punct(text)) return false;
  take();
  return true;
}

void Parser::expect_word(std::string_view word, std::string_view what) {
  if (!accept_word(word)) unexpected(what);
}

void Parser::expect_punct(std::string_view text, std::string_view what) {
  if (!accept_punct(text)) unexpected(what);
}

void Parser::fail(const Token& at, const std::string& message) const {
  throw QueryError(fmt::format("line {}, column {}: {}", at.line, at.column, message));
}

void Parser::unexpected(std::string_view expected) const {
  const Token& at = peek();
  if (at.kind == Token::Kind::Error) fail(at, "syntax error: " + at.text);
  fail(at, fmt::format("syntax error: expected {}, found {}", expected, describe_token(at)));
}

namespace {

// The operators of the patterns inside an expression (EXISTS), measured
// when they were parsed.
std::uint32_t expression_operators(const Expr& e) {
  std::uint32_t n = e.pattern ? e.pattern->operators : 0;
  for (const Expr& arg : e.args) n += expression_operators(arg);
  return n;
}

}  // namespace

std::uint32_t measure_pattern(Pattern& pattern) {
  if (pattern.measured) return pattern.operators;
  // Counts stay small: each part was refused above the limit.
  std::uint32_t n = pattern.children.empty() && !pattern.subquery ? 0 : 1;
  for (Pattern& child : pattern.children) n += measure_pattern(child);
  if (pattern.subquery) n += pattern.subquery->where.operators;
  for (const Expr& e : pattern.conditions) n += expression_operators(e);
  if (pattern.expression) n += expression_operators(*pattern.expression);
  constexpr std::uint32_t kMaxOperators = 1000;
  if (n > kMaxOperators) {
    throw QueryError(fmt::format("the query has more than {} OPTIONAL, UNION, MINUS, BIND or other operators in one "
                                 "pattern: split it",
                                 kMaxOperators));
  }
  pattern.operators = n;
  pattern.measured = true;
  return n;
}

void Parser::enter(const Token& at) {
  constexpr std::size_t kMaxDepth = 256;
  if (++depth_ > kMaxDepth) {
    --depth_;
    fail(at, fmt::format("the query nests groups or parentheses more than {} deep", kMaxDepth));
  }
}

// --- Prologue and IRIs ---------------------------------------------------

void Parser::prologue() {
  while (true) {
    if (at_word("BASE")) {
      take();
      if (peek().kind != Token::Kind::Iri) unexpected("an IRI after BASE");
      const Token iri = take();
      base_ = resolve(iri.text, iri);
    } else if (at_word("PREFIX")) {
      take();
      const Token name = peek();
      if (name.kind != Token::Kind::PrefixedName || !name.local.empty()) unexpected("a prefix name such as 'ex:'");
      take();
      if (peek().kind != Token::Kind::Iri) unexpected("an IRI after PREFIX " + name.text + ":");
      const Token iri = take();
      declared_[name.text] = resolve(iri.text, iri);
    } else {
      return;
    }
  }
}

std::string Parser::resolve(const std::string& iri, const Token& at) const {
  if (has_scheme(iri)) return iri;
  if (base_.empty()) fail(at, fmt::format("the relative IRI <{}> needs a base IRI (BASE or --base)", iri));
  return resolve_iri(base_, iri);
}

std::string Parser::expand(const Token& prefixed) const {
  if (const auto it = declared_.find(prefixed.text); it != declared_.end()) return it->second + prefixed.local;
  for (const auto& [prefix, iri] : options_.prefixes) {
    if (prefix == prefixed.text) return iri + prefixed.local;
  }
  throw QueryError(fmt::format("undeclared prefix '{}:' at line {}, column {}: declare it with PREFIX {}: <...>",
                               prefixed.text, prefixed.line, prefixed.column, prefixed.text));
}

bool Parser::at_iri() const {
  return peek().kind == Token::Kind::Iri || peek().kind == Token::Kind::PrefixedName;
}

std::string Parser::take_iri(std::string_view what) {
  if (!at_iri()) unexpected(what);
  const Token token = take();
  return token.kind == Token::Kind::Iri ? resolve(token.text, token) : expand(token);
}

TermId Parser::intern_iri(const std::string& iri) { return terms_->intern(ontology::Term::iri(iri)); }

// --- Variables -----------------------------------------------------------

VarId Parser::variable(const std::string& name) {
  if (const auto it = names_->find(name); it != names_->end()) return it->second;
  const auto id = static_cast<VarId>(query_->variable_names.size());
  query_->variable_names.push_back(name);
  names_->emplace(name, id);
  return id;
}

VarId Parser::hidden_variable(std::string_view kind) {
  const auto id = static_cast<VarId>(query_->variable_names.size());
  query_->variable_names.push_back(fmt::format(" {}{}", kind, ++hidden_count_));
  return id;
}

// --- Query forms -----------------------------------------------------------

ParsedQuery Parser::parse() {
  prologue();
  const Token form = peek();
  for (std::string_view word : kUpdateWords) {
    if (is_word(form, word)) {
      throw QueryError(fmt::format(
          "SPARQL Update is not supported: the store is built with `newsgraph build` (found {} at line {}, column {})",
          word, form.line, form.column));
    }
  }
  std::shared_ptr<Query> query;
  if (at_word("SELECT")) {
    query = select_query(false);
  } else {
    query = std::make_shared<Query>();
    std::map<std::string, VarId> names;
    query_ = query.get();
    names_ = &names;
    if (accept_word("CONSTRUCT")) {
      query->form = QueryForm::Construct;
      construct_query(*query);
    } else if (accept_word("ASK")) {
      query->form = QueryForm::Ask;
      dataset_clauses(*query);
      accept_word("WHERE");
      query->where = group_graph_pattern();
      solution_modifiers(*query);
    } else if (accept_word("DESCRIBE")) {
      query->form = QueryForm::Describe;
      describe_query(*query);
    } else {
      unexpected("SELECT, CONSTRUCT, ASK or DESCRIBE");
    }
    values_clause(*query);
    analyse(query->where);
    if (query->aggregated || !query->group_by.empty()) {
      fail(form, "GROUP BY and aggregates need a SELECT query");
    }
    // The solutions keep every variable (for the template or DESCRIBE).
    for (VarId v = 0; v < query->width(); ++v) query->projection.push_back({v, std::nullopt});
  }
  if (peek().kind != Token::Kind::End) unexpected("the end of the query");
  return ParsedQuery{terms_, std::move(query), base_};
}

std::shared_ptr<Query> Parser::select_query(bool sub) {
  auto query = std::make_shared<Query>();
  Query* outer = query_;
  std::map<std::string, VarId>* outer_names = names_;
  std::map<std::string, VarId> outer_blanks = std::move(blank_labels_);
  blank_labels_.clear();
  std::map<std::string, VarId> names;
  query_ = query.get();
  names_ = &names;
  const Token at = peek();
  expect_word("SELECT", "SELECT");
  select_clause(*query);
  if (!sub) dataset_clauses(*query);
  accept_word("WHERE");
  query->where = group_graph_pattern();
  solution_modifiers(*query);
  values_clause(*query);
  analyse(query->where);
  finish_select(*query, at);
  query_ = outer;
  names_ = outer_names;
  blank_labels_ = std::move(outer_blanks);
  return query;
}

void Parser::select_clause(Query& query) {
  if (accept_word("DISTINCT")) {
    query.distinct = true;
  } else if (accept_word("REDUCED")) {
    query.reduced = true;
  }
  if (accept_punct("*")) {
    query.star = true;
    return;
  }
  aggregates_allowed_ = true;
  while (true) {
    if (peek().kind == Token::Kind::Variable) {
      const Token name = take();
      const VarId v = variable(name.text);
      for (const Projection& p : query.projection) {
        if (p.variable == v) fail(name, fmt::format("?{} is selected twice", name.text));
      }
      query.projection.push_back({v, std::nullopt});
    } else if (at_punct("(")) {
      take();
      Expr e = expression();
      expect_word("AS", "AS");
      if (peek().kind != Token::Kind::Variable) unexpected("a variable after AS");
      const Token name = take();
      expect_punct(")", "')'");
      const VarId v = variable(name.text);
      for (const Projection& p : query.projection) {
        if (p.variable == v) fail(name, fmt::format("?{} is selected twice", name.text));
      }
      query.projection.push_back({v, std::move(e)});
    } else {
      break;
    }
  }
  aggregates_allowed_ = false;
  if (query.projection.empty()) unexpected("a variable, (expression AS ?var) or '*' after SELECT");
}

void Parser::construct_query(Query& query) {
  if (at_punct("{")) {
    take();
    in_template_ = true;
    std::vector<Pattern> pieces;
    if (!at_punct("}")) triples_block(pieces, false);
    in_template_ = false;
    expect_punct("}", "'}' closing the CONSTRUCT template");
    for (const Pattern& piece : pieces) {
      for (const TriplePattern& t : piece.triples) query.construct_template.push_back(t);
    }
    query.template_blanks = static_cast<std::uint32_t>(template_labels_.size()) + query.template_blanks;
    dataset_clauses(query);
    accept_word("WHERE");
    query.where = group_graph_pattern();
  } else {
    // CONSTRUCT WHERE { triples }: the template is the pattern.
    dataset_clauses(query);
    expect_word("WHERE", "a template '{' or WHERE");
    expect_punct("{", "'{'");
    std::vector<Pattern> pieces;
    if (!at_punct("}")) triples_block(pieces, false);
    expect_punct("}", "'}' (CONSTRUCT WHERE takes triples only)");
    query.where.kind = Pattern::Kind::Bgp;
    for (const Pattern& piece : pieces) {
      for (const TriplePattern& t : piece.triples) {
        query.construct_template.push_back(t);
        query.where.triples.push_back(t);
      }
    }
  }
  solution_modifiers(query);
}

void Parser::describe_query(Query& query) {
  if (accept_punct("*")) {
    query.describe_star = true;
  } else {
    while (peek().kind == Token::Kind::Variable || at_iri()) {
      if (peek().kind == Token::Kind::Variable) {
        query.describe.push_back(PatternTerm::variable(variable(take().text)));
      } else {
        query.describe.push_back(PatternTerm::constant(intern_iri(take_iri("an IRI"))));
      }
    }
    if (query.describe.empty()) unexpected("an IRI, a variable or '*' after DESCRIBE");
  }
  const Token at = peek();
  dataset_clauses(query);
  if (at_word("WHERE") || at_punct("{")) {
    accept_word("WHERE");
    query.where = group_graph_pattern();
  } else {
    const bool variables = query.describe_star || std::any_of(query.describe.begin(), query.describe.end(),
                                                              [](const PatternTerm& t) { return t.is_variable(); });
    if (variables) fail(at, "DESCRIBE of a variable needs a WHERE clause to find its values");
    query.where.kind = Pattern::Kind::Bgp;  // the one empty solution
  }
  solution_modifiers(query);
}

void Parser::dataset_clauses(Query& query) {
  while (at_word("FROM")) {
    take();
    const bool named = accept_word("NAMED");
    const TermId graph = intern_iri(take_iri(named ? "a graph IRI after FROM NAMED" : "a graph IRI after FROM"));
    (named ? query.from_named : query.from).push_back(graph);
    query.has_dataset = true;
  }
}

void Parser::solution_modifiers(Query& query) {
  if (at_word("GROUP")) {
    take();
    expect_word("BY", "BY after GROUP");
    query.aggregated = true;
    while (true) {
      GroupKey key;
      if (peek().kind == Token::Kind::Variable) {
        key.variable = variable(take().text);
        key.expression.op = Expr::Op::Variable;
        key.expression.variable = key.variable;
      } else if (at_punct("(")) {
        take();
        key.expression = expression();
        if (accept_word("AS")) {
          if (peek().kind != Token::Kind::Variable) unexpected("a variable after AS");
          const Token name = take();
          key.variable = variable(name.text);
          analyse(query.where);
          if (query.where.maybe.contains(key.variable)) {
            fail(name, fmt::format("GROUP BY (... AS ?{}) names a variable the WHERE clause already binds", name.text));
          }
        } else {
          key.variable = hidden_variable("group");
        }
        expect_punct(")", "')'");
      } else if (at_builtin() || at_iri()) {
        key.expression = primary_expression();
        key.variable = hidden_variable("group");
      } else {
        break;
      }
      query.group_by.push_back(std::move(key));
    }
    if (query.group_by.empty()) unexpected("a variable or (expression) after GROUP BY");
  }
  if (at_word("HAVING")) {
    take();
    aggregates_allowed_ = true;
    while (at_punct("(") || at_builtin() || at_iri()) {
      query.having.push_back(at_punct("(") ? bracketted_expression() : primary_expression());
    }
    aggregates_allowed_ = false;
    if (query.having.empty()) unexpected("a condition after HAVING");
    query.aggregated = true;
  }
  if (at_word("ORDER")) {
    take();
    expect_word("BY", "BY after ORDER");
    aggregates_allowed_ = true;
    while (true) {
      OrderKey key;
      if (at_word("ASC") || at_word("DESC")) {
        key.descending = is_word(take(), "DESC");
        if (!at_punct("(")) unexpected("'(' after ASC or DESC");
        key.expression = bracketted_expression();
      } else if (peek().kind == Token::Kind::Variable) {
        key.expression.op = Expr::Op::Variable;
        key.expression.variable = variable(take().text);
      } else if (at_punct("(")) {
        key.expression = bracketted_expression();
      } else if (at_builtin() || at_iri()) {
        key.expression = primary_expression();
      } else {
        break;
      }
      query.order_by.push_back(std::move(key));
    }
    aggregates_allowed_ = false;
    if (query.order_by.empty()) unexpected("a variable or expression after ORDER BY");
  }
  const auto number = [&](std::string_view what) -> std::uint64_t {
    if (peek().kind != Token::Kind::Integer) unexpected(std::string("a number after ") + std::string(what));
    const Token token = take();
    try {
      return std::stoull(token.text);
    } catch (const std::exception&) {
      fail(token, fmt::format("{} {} is too large", what, token.text));
    }
  };
  for (int i = 0; i < 2; ++i) {
    if (!query.limit && accept_word("LIMIT")) {
      query.limit = number("LIMIT");
    } else if (query.offset == 0 && accept_word("OFFSET")) {
      query.offset = number("OFFSET");
    }
  }
}

void Parser::finish_select(Query& query, const Token& at) {
  VarSet in_where = query.where.maybe;
  if (query.star) {
    if (query.aggregated) fail(at, "SELECT * cannot be used with GROUP BY or aggregates: name the variables");
    for (VarId v : in_where.members()) {
      if (!query.hidden(v)) query.projection.push_back({v, std::nullopt});
    }
    return;
  }
  VarSet allowed;
  for (const GroupKey& key : query.group_by) allowed.insert(key.variable);
  for (const Aggregate& aggregate : query.aggregates) allowed.insert(aggregate.result);
  for (const Projection& p : query.projection) {
    const std::string& name = query.variable_names[p.variable];
    if (p.expression) {
      if (in_where.contains(p.variable)) {
        fail(at, fmt::format("SELECT (... AS ?{}) names a variable the WHERE clause already binds", name));
      }
      if (query.aggregated) {
        VarSet used;
        collect_variables(*p.expression, used);
        for (VarId v : (used - allowed).members()) {
          fail(at, fmt::format("?{} in SELECT is neither grouped nor inside an aggregate", query.variable_names[v]));
        }
      }
      allowed.insert(p.variable);
    } else if (query.aggregated && !allowed.contains(p.variable)) {
      fail(at, fmt::format("?{} in SELECT is neither grouped nor aggregated: add it to GROUP BY or use SAMPLE(?{})",
                           name, name));
    }
  }
}

void Parser::values_clause(Query& query) {
  if (!at_word("VALUES")) return;
  Pattern values = values_pattern();
  if (query.where.kind == Pattern::Kind::Bgp && query.where.triples.empty()) {
    query.where = std::move(values);
    return;
  }
  Pattern join;
  join.kind = Pattern::Kind::Join;
  join.children.push_back(std::move(query.where));
  join.children.push_back(std::move(values));
  query.where = std::move(join);
}

}  // namespace detail

ParsedQuery parse_query(std::string_view text, const ParseOptions& options) {
  return detail::Parser(text, options).parse();
}

}  // namespace ng::graph::sparql
