#include "graph/sparql.hpp"

#include <chrono>
#include <deque>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/redland_find.hpp"
#include "graph/redland_query.hpp"
#include "graph/sparql_guard.hpp"
#include "graph/sparql_order.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

using detail::QueryShape;
using detail::Token;

namespace {

Prefixes predeclared_prefixes(const Prefixes& extra) {
  Prefixes all;
  for (const auto& [prefix, iri] : ontology::vocab::kPrefixes) all.emplace_back(prefix, iri);
  for (const auto& entry : extra) all.push_back(entry);
  return all;
}

// PREFIX declarations for the predeclared prefixes the query does not
// declare itself, all on one line so that rasqal's line numbers are the
// query's plus one.
std::string prefix_header(const QueryShape& shape, const Prefixes& predeclared) {
  std::string header;
  std::set<std::string> written;
  for (const auto& [prefix, iri] : predeclared) {
    if (shape.declared.contains(prefix) || !written.insert(prefix).second) continue;
    header += fmt::format("PREFIX {}: <{}> ", prefix, iri);
  }
  return header + "\n";
}

bool at_end_of_input(const detail::SyntaxProblem& problem) { return problem.message.find("$end") != std::string::npos; }

// rasqal gives the line of a syntax error but no column. The column is
// found by asking rasqal again about prefixes of the query: the culprit is
// the first token of that line whose prefix fails with something other
// than "unexpected end of input" (an LR parser stops at the first token
// that cannot continue a valid query).
std::string locate(detail::QueryEngine& engine, const std::string& header, std::string_view query,
                   const detail::SyntaxProblem& problem) {
  const std::vector<Token> tokens = detail::tokenize_sparql(query);
  std::size_t line = 0;
  std::size_t column = 0;
  if (at_end_of_input(problem)) {
    if (tokens.empty()) {
      line = column = 1;
    } else {
      const Token& last = tokens.back();
      line = last.line;
      column = last.column + count_code_points(last.text);
    }
  } else if (problem.line > 1) {
    line = static_cast<std::size_t>(problem.line - 1);
    for (const Token& token : tokens) {
      if (token.line != line) continue;
      if (column == 0) column = token.column;  // fallback: the line's first token
      const auto prefix = engine.check(header + std::string(query.substr(0, token.offset + token.text.size())));
      if (prefix && !at_end_of_input(*prefix)) {
        column = token.column;
        break;
      }
    }
    if (column == 0) column = 1;
  }
  std::string message = problem.message;
  if (message.find("$end") != std::string::npos) message.replace(message.find("$end"), 4, "end of query");
  if (line == 0) return "syntax error: " + message;
  return fmt::format("line {}, column {}: {}", line, column, message);
}

QueryResult checked_execute(detail::QueryEngine& engine, const std::string& header, std::string_view body,
                            const QueryShape& shape) {
  const std::string text = header + std::string(body);
  if (const auto problem = engine.check(text)) throw QueryError(locate(engine, header, body, *problem));
  // DISTINCT and ORDER BY on projected variables: done here (see
  // sparql_order.hpp).
  if (const auto plan = detail::plan_order(body, shape)) {
    QueryResult result = engine.execute(header + plan->query, shape.graph_iris);
    if (detail::apply_order(*plan, result)) return result;
  }
  return engine.execute(text, shape.graph_iris);
}

std::string expand(const Token& name, const QueryShape& shape, const Prefixes& predeclared) {
  const std::size_t colon = name.text.find(':');
  const std::string prefix(name.text.substr(0, colon));
  std::string local;
  for (std::size_t i = colon + 1; i < name.text.size(); ++i) {
    if (name.text[i] == '\\' && i + 1 < name.text.size()) ++i;  // PN_LOCAL_ESC
    local += name.text[i];
  }
  if (const auto it = shape.declared.find(prefix); it != shape.declared.end()) return it->second + local;
  for (const auto& [p, iri] : predeclared) {
    if (p == prefix) return iri + local;
  }
  throw QueryError(fmt::format("undeclared prefix '{}:'", prefix));  // check_query refused it already
}

// The concise bounded description of each resource: its triples in any
// graph (each once), and recursively those of the blank nodes they reach.
std::vector<ontology::Triple> concise_bounded_description(Store::Native& native,
                                                          const std::vector<ontology::Term>& resources) {
  std::set<ontology::Triple> triples;
  std::set<ontology::Term> visited;
  std::deque<ontology::Term> queue(resources.begin(), resources.end());
  while (!queue.empty()) {
    ontology::Term resource = std::move(queue.front());
    queue.pop_front();
    if (resource.is_literal() || !visited.insert(resource).second) continue;
    const redland::NodePtr node = redland::make_node(native.world(), resource);
    for (ontology::Triple& triple : detail::triples_about(native, node.get())) {
      if (triple.object.is_blank() && !visited.contains(triple.object)) queue.push_back(triple.object);
      triples.insert(std::move(triple));
    }
  }
  return {triples.begin(), triples.end()};
}

// DESCRIBE <iri> ... and DESCRIBE ?x ... WHERE { ... }: rasqal returns
// nothing for DESCRIBE, so the WHERE clause runs as a SELECT to find the
// resources, and newsgraph describes them.
QueryResult describe(detail::QueryEngine& engine, Store::Native& native, const std::string& header,
                     std::string_view query, const QueryShape& shape, const Prefixes& predeclared) {
  const std::vector<Token>& tokens = shape.tokens;
  std::vector<ontology::Term> resources;
  std::vector<std::string> variables;
  bool star = false;
  std::size_t i = shape.form_token + 1;
  for (; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind == Token::Kind::Variable) {
      variables.emplace_back(token.text);
    } else if (token.kind == Token::Kind::Iri) {
      resources.push_back(ontology::Term::iri(std::string(token.text.substr(1, token.text.size() - 2))));
    } else if (token.kind == Token::Kind::PrefixedName) {
      resources.push_back(ontology::Term::iri(expand(token, shape, predeclared)));
    } else if (token.kind == Token::Kind::Punct && token.text == "*") {
      star = true;
    } else {
      break;
    }
  }
  const bool has_where = i < tokens.size();
  const Token& describe_token = tokens[shape.form_token];
  if ((star || !variables.empty()) && !has_where) {
    throw QueryError(fmt::format("line {}, column {}: DESCRIBE of a variable needs a WHERE clause",
                                 describe_token.line, describe_token.column));
  }
  if (!star && variables.empty() && resources.empty()) {
    throw QueryError(fmt::format("line {}, column {}: DESCRIBE needs an IRI or a variable", describe_token.line,
                                 describe_token.column));
  }
  if (star || !variables.empty()) {
    std::string projection = star ? std::string("*") : fmt::format("{}", fmt::join(variables, " "));
    // Plain SELECT: repeated resources are described once anyway, and
    // rasqal's DISTINCT leaks (see sparql_order.hpp).
    const std::string select = std::string(query.substr(0, describe_token.offset)) + "SELECT " + projection +
                               " " + std::string(query.substr(tokens[i].offset));
    const QueryResult found = checked_execute(engine, header, select, shape);
    for (const auto& row : found.rows) {
      for (const auto& value : row) {
        if (value && !value->is_literal()) resources.push_back(*value);
      }
    }
  }
  QueryResult result;
  result.kind = QueryResult::Kind::Graph;
  result.triples = concise_bounded_description(native, resources);
  return result;
}

}  // namespace

QueryResult run_query(const Store& store, std::string_view query, const Prefixes& extra_prefixes) {
  const auto started = std::chrono::steady_clock::now();
  const Prefixes predeclared = predeclared_prefixes(extra_prefixes);
  const QueryShape shape = detail::check_query(query, predeclared);
  const std::string header = prefix_header(shape, predeclared);
  Store::Native& native = store.native();
  detail::QueryEngine& engine = detail::query_engine(native);

  QueryResult result = shape.form == detail::QueryForm::Describe
                           ? describe(engine, native, header, query, shape, predeclared)
                           : checked_execute(engine, header, query, shape);
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  spdlog::debug("sparql: {} rows, {} triples in {} ms", result.rows.size(), result.triples.size(), elapsed);
  return result;
}

}  // namespace ng::graph
