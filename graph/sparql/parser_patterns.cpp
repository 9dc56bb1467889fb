// Group graph patterns, triples, collections and property paths, translated
// to the algebra as SPARQL 1.1 section 18.2 says.
#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/sparql/parser_impl.hpp"
#include "graph/sparql/scope.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql::detail {

namespace {

constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";

bool is_empty_group(const Pattern& p) { return p.kind == Pattern::Kind::Bgp && p.triples.empty(); }

// Join(G, P) with the identities of the algebra: the empty group joins to
// the other side, and two BGPs are one BGP.
Pattern join(Pattern left, Pattern right) {
  // A nested group's FILTER stays inside a Join, so that OPTIONAL { { P
  // FILTER(...) } } does not take it as its own condition (18.2.2.6
  // simplifies Join(Z, A) only after that).
  if (is_empty_group(left) && right.kind != Pattern::Kind::Filter) return right;
  if (is_empty_group(right)) return left;
  if (left.kind == Pattern::Kind::Bgp && right.kind == Pattern::Kind::Bgp) {
    left.triples.insert(left.triples.end(), right.triples.begin(), right.triples.end());
    return left;
  }
  Pattern out;
  out.kind = Pattern::Kind::Join;
  out.children.push_back(std::move(left));
  out.children.push_back(std::move(right));
  return out;
}

Pattern binary(Pattern::Kind kind, Pattern left, Pattern right) {
  Pattern out;
  out.kind = kind;
  out.children.push_back(std::move(left));
  out.children.push_back(std::move(right));
  return out;
}

// ^path pushed down to the links: ^(a/b) = ^b/^a, ^(a|b) = ^a|^b,
// ^(p*) = (^p)*, ^!(a|^b) = !(^a|b).
Path invert(Path path) {
  switch (path.kind) {
    case Path::Kind::Link: {
      Path out;
      out.kind = Path::Kind::Inverse;
      out.parts.push_back(std::move(path));
      return out;
    }
    case Path::Kind::Inverse: return std::move(path.parts[0]);
    case Path::Kind::Sequence: {
      std::vector<Path> reversed;
      for (auto it = path.parts.rbegin(); it != path.parts.rend(); ++it) reversed.push_back(invert(std::move(*it)));
      path.parts = std::move(reversed);
      return path;
    }
    case Path::Kind::Negated:
      std::swap(path.negated_forward, path.negated_inverse);
      return path;
    default:
      for (Path& part : path.parts) part = invert(std::move(part));
      return path;
  }
}

bool starts_term(const Token& t) {
  switch (t.kind) {
    case Token::Kind::Variable:
    case Token::Kind::Iri:
    case Token::Kind::PrefixedName:
    case Token::Kind::BlankNode:
    case Token::Kind::String:
    case Token::Kind::Integer:
    case Token::Kind::Decimal:
    case Token::Kind::Double:
    case Token::Kind::Nil:
    case Token::Kind::Anon:
      return true;
    case Token::Kind::Word:
      return t.text == "true" || t.text == "false" || t.text == "TRUE" || t.text == "FALSE";
    case Token::Kind::Punct:
      return t.text == "(" || t.text == "[" || t.text == "+" || t.text == "-";
    default:
      return false;
  }
}

}  // namespace

Pattern Parser::group_graph_pattern() {
  enter(peek());
  const DepthGuard guard{depth_};
  expect_punct("{", "'{'");
  if (at_word("SELECT")) {
    Pattern sub = subselect_pattern();
    expect_punct("}", "'}' after the subquery");
    return sub;
  }
  Pattern group;  // the empty group
  std::vector<Expr> filters;
  bool dot_needed = false;  // two triples blocks need a '.' between them
  while (!at_punct("}")) {
    const Token at = peek();
    if (dot_needed && starts_term(at)) unexpected("'.' or '}'");
    dot_needed = false;
    if (accept_word("OPTIONAL")) {
      Pattern right = group_graph_pattern();
      Pattern left_join = binary(Pattern::Kind::LeftJoin, std::move(group), Pattern());
      if (right.kind == Pattern::Kind::Filter) {
        left_join.conditions = std::move(right.conditions);
        left_join.children[1] = std::move(right.children[0]);
      } else {
        left_join.children[1] = std::move(right);
      }
      group = std::move(left_join);
    } else if (accept_word("MINUS")) {
      group = binary(Pattern::Kind::Minus, std::move(group), group_graph_pattern());
    } else if (at_word("GRAPH")) {
      group = join(std::move(group), graph_pattern(at));
    } else if (at_word("SERVICE")) {
      throw QueryError(fmt::format(
          "SERVICE (federated query) is not supported (at line {}, column {}): newsgraph queries only its own store",
          at.line, at.column));
    } else if (accept_word("FILTER")) {
      filters.push_back(at_punct("(") ? bracketted_expression() : primary_expression());
    } else if (accept_word("BIND")) {
      expect_punct("(", "'(' after BIND");
      Expr e = expression();
      expect_word("AS", "AS");
      if (peek().kind != Token::Kind::Variable) unexpected("a variable after AS");
      const Token name = take();
      expect_punct(")", "')'");
      const VarId v = variable(name.text);
      analyse(group);
      if (group.maybe.contains(v)) {
        fail(name, fmt::format("BIND(... AS ?{}) names a variable the pattern before it already binds", name.text));
      }
      Pattern extend;
      extend.kind = Pattern::Kind::Extend;
      extend.variable = v;
      extend.expression = std::move(e);
      extend.children.push_back(std::move(group));
      group = std::move(extend);
    } else if (at_word("VALUES")) {
      group = join(std::move(group), values_pattern());
    } else if (at_punct("{")) {
      Pattern alternatives = group_graph_pattern();
      while (accept_word("UNION")) {
        alternatives = binary(Pattern::Kind::Union, std::move(alternatives), group_graph_pattern());
        measure_pattern(alternatives);
      }
      group = join(std::move(group), std::move(alternatives));
    } else if (starts_term(at)) {
      std::vector<Pattern> pieces(1);
      dot_needed = !triples_block(pieces, true);
      for (Pattern& piece : pieces) {
        group = join(std::move(group), std::move(piece));
        measure_pattern(group);
      }
      continue;  // triples_block took its dots
    } else {
      unexpected("a triple pattern, OPTIONAL, FILTER, '{' or '}'");
    }
    measure_pattern(group);
    accept_punct(".");
  }
  take();  // '}'
  if (filters.empty()) {
    measure_pattern(group);
    return group;
  }
  Pattern filter;
  filter.kind = Pattern::Kind::Filter;
  filter.conditions = std::move(filters);
  filter.children.push_back(std::move(group));
  measure_pattern(filter);
  return filter;
}

Pattern Parser::subselect_pattern() {
  Pattern sub;
  sub.kind = Pattern::Kind::Subquery;
  auto inner = select_query(true);
  for (const Projection& p : inner->projection) {
    sub.projected.emplace_back(p.variable, variable(inner->variable_names[p.variable]));
  }
  sub.subquery = std::move(inner);
  return sub;
}

Pattern Parser::graph_pattern(const Token& at) {
  (void)at;
  take();  // GRAPH
  Pattern graph;
  graph.kind = Pattern::Kind::Graph;
  if (peek().kind == Token::Kind::Variable) {
    graph.graph = PatternTerm::variable(variable(take().text));
  } else {
    graph.graph = PatternTerm::constant(intern_iri(take_iri("a variable or graph IRI after GRAPH")));
  }
  graph.children.push_back(group_graph_pattern());
  return graph;
}

Pattern Parser::values_pattern() {
  take();  // VALUES
  Pattern values;
  values.kind = Pattern::Kind::Values;
  bool single = false;
  if (peek().kind == Token::Kind::Variable) {
    values.value_variables.push_back(variable(take().text));
    single = true;
  } else if (peek().kind == Token::Kind::Nil) {
    take();
  } else {
    expect_punct("(", "a variable or '(' after VALUES");
    while (peek().kind == Token::Kind::Variable) values.value_variables.push_back(variable(take().text));
    expect_punct(")", "')' closing the VALUES variables");
  }
  expect_punct("{", "'{' of the VALUES data");
  const std::size_t width = values.value_variables.size();
  while (!at_punct("}")) {
    if (single) {
      values.value_rows.push_back(data_block_value());
      ++values.value_row_count;
      continue;
    }
    const Token open = peek();
    std::size_t count = 0;
    if (peek().kind == Token::Kind::Nil) {
      take();
    } else {
      expect_punct("(", "'(' starting a row of values");
      while (!at_punct(")")) {
        values.value_rows.push_back(data_block_value());
        ++count;
      }
      take();
    }
    if (count != width) fail(open, fmt::format("this VALUES row has {} values for {} variables", count, width));
    ++values.value_row_count;
  }
  take();
  return values;
}

bool Parser::triples_block(std::vector<Pattern>& pieces, bool path_allowed) {
  if (pieces.empty()) pieces.emplace_back();
  triples_same_subject(pieces, path_allowed);
  while (accept_punct(".")) {
    if (!starts_term(peek())) return true;
    triples_same_subject(pieces, path_allowed);
  }
  return false;
}

void Parser::triples_same_subject(std::vector<Pattern>& pieces, bool path_allowed) {
  if (at_punct("[") || at_punct("(")) {
    const PatternTerm subject = triples_node(pieces, path_allowed);
    property_list(subject, pieces, path_allowed, false);
    return;
  }
  const PatternTerm subject = var_or_term();
  property_list(subject, pieces, path_allowed, true);
}

void Parser::property_list(const PatternTerm& subject, std::vector<Pattern>& pieces, bool path_allowed,
                           bool required) {
  const auto at_verb = [&] {
    const Token& t = peek();
    if (t.kind == Token::Kind::Variable || t.kind == Token::Kind::Iri || t.kind == Token::Kind::PrefixedName) {
      return true;
    }
    if (t.kind == Token::Kind::Word && t.text == "a") return true;
    return path_allowed && (is_punct(t, "^") || is_punct(t, "!") || is_punct(t, "("));
  };
  if (!at_verb()) {
    if (required) unexpected("a predicate");
    return;
  }
  while (true) {
    std::optional<PatternTerm> predicate;
    std::optional<Path> path;
    if (peek().kind == Token::Kind::Variable) {
      predicate = PatternTerm::variable(variable(take().text));
    } else if (path_allowed) {
      Path p = path_alternative();
      if (p.kind == Path::Kind::Link) {
        predicate = PatternTerm::constant(p.iri);
      } else {
        path = std::move(p);
      }
    } else if (peek().kind == Token::Kind::Word && peek().text == "a") {
      take();
      predicate = PatternTerm::constant(intern_iri(std::string(ontology::vocab::rdf::kType)));
    } else {
      predicate = PatternTerm::constant(intern_iri(take_iri("a predicate")));
    }
    do {
      const PatternTerm object = graph_node(pieces, path_allowed);
      add_triple(subject, predicate ? &*predicate : nullptr, path ? &*path : nullptr, object, pieces);
    } while (accept_punct(","));
    if (!accept_punct(";")) return;
    while (accept_punct(";")) {
    }
    if (!at_verb()) return;
  }
}

PatternTerm Parser::graph_node(std::vector<Pattern>& pieces, bool path_allowed) {
  if (at_punct("[") || at_punct("(")) return triples_node(pieces, path_allowed);
  return var_or_term();
}

PatternTerm Parser::triples_node(std::vector<Pattern>& pieces, bool path_allowed) {
  if (accept_punct("[")) {
    const PatternTerm node = blank_node("");
    property_list(node, pieces, path_allowed, true);
    expect_punct("]", "']'");
    return node;
  }
  expect_punct("(", "'('");
  std::vector<PatternTerm> items;
  while (!at_punct(")")) items.push_back(graph_node(pieces, path_allowed));
  take();
  const PatternTerm nil = PatternTerm::constant(intern_iri(std::string(kRdfNil)));
  const PatternTerm first = PatternTerm::constant(intern_iri(std::string(kRdfFirst)));
  const PatternTerm rest = PatternTerm::constant(intern_iri(std::string(kRdfRest)));
  PatternTerm head = blank_node("");
  PatternTerm current = head;
  for (std::size_t i = 0; i < items.size(); ++i) {
    pieces[0].triples.push_back({current, first, items[i]});
    const PatternTerm next = i + 1 < items.size() ? blank_node("") : nil;
    pieces[0].triples.push_back({current, rest, next});
    current = next;
  }
  return head;
}

PatternTerm Parser::blank_node(const std::string& label) {
  if (in_template_) {
    if (!label.empty()) {
      if (const auto it = template_labels_.find(label); it != template_labels_.end()) {
        return {PatternTerm::Kind::TemplateBlank, it->second};
      }
      template_labels_[label] = query_->template_blanks;
    }
    return {PatternTerm::Kind::TemplateBlank, query_->template_blanks++};
  }
  if (!label.empty()) {
    if (const auto it = blank_labels_.find(label); it != blank_labels_.end()) return PatternTerm::variable(it->second);
    const VarId v = hidden_variable("_:" + label + "#");
    blank_labels_[label] = v;
    return PatternTerm::variable(v);
  }
  return PatternTerm::variable(hidden_variable("[]"));
}

PatternTerm Parser::var_or_term() {
  const Token& t = peek();
  switch (t.kind) {
    case Token::Kind::Variable: return PatternTerm::variable(variable(take().text));
    case Token::Kind::Iri:
    case Token::Kind::PrefixedName: return PatternTerm::constant(intern_iri(take_iri("an IRI")));
    case Token::Kind::BlankNode: return blank_node(take().text);
    case Token::Kind::Anon: take(); return blank_node("");
    case Token::Kind::Nil: take(); return PatternTerm::constant(intern_iri(std::string(kRdfNil)));
    default:
      if (at_literal()) return PatternTerm::constant(literal());
      unexpected("a variable, an IRI, a literal or a blank node");
  }
}

void Parser::add_triple(const PatternTerm& s, const PatternTerm* predicate, const Path* path, const PatternTerm& o,
                        std::vector<Pattern>& pieces) {
  if (predicate != nullptr) {
    pieces[0].triples.push_back({s, *predicate, o});
    return;
  }
  switch (path->kind) {
    case Path::Kind::Link: {
      const PatternTerm p = PatternTerm::constant(path->iri);
      add_triple(s, &p, nullptr, o, pieces);
      return;
    }
    case Path::Kind::Inverse:
      if (path->parts[0].kind == Path::Kind::Link) {
        const PatternTerm p = PatternTerm::constant(path->parts[0].iri);
        add_triple(o, &p, nullptr, s, pieces);
        return;
      }
      break;
    case Path::Kind::Sequence: {
      PatternTerm current = s;
      for (std::size_t i = 0; i + 1 < path->parts.size(); ++i) {
        const PatternTerm middle = PatternTerm::variable(hidden_variable("path"));
        add_triple(current, nullptr, &path->parts[i], middle, pieces);
        current = middle;
      }
      add_triple(current, nullptr, &path->parts.back(), o, pieces);
      return;
    }
    case Path::Kind::Alternative: {
      std::optional<Pattern> alternatives;
      for (const Path& part : path->parts) {
        std::vector<Pattern> branch(1);
        add_triple(s, nullptr, &part, o, branch);
        Pattern joined;
        for (Pattern& piece : branch) joined = join(std::move(joined), std::move(piece));
        alternatives = alternatives ? binary(Pattern::Kind::Union, std::move(*alternatives), std::move(joined))
                                    : std::move(joined);
        measure_pattern(*alternatives);
      }
      pieces.push_back(std::move(*alternatives));
      return;
    }
    default:
      break;
  }
  Pattern step;
  step.kind = Pattern::Kind::Path;
  step.subject = s;
  step.object = o;
  step.path = *path;
  pieces.push_back(std::move(step));
}

Path Parser::path_alternative() {
  Path first = path_sequence();
  if (!at_punct("|")) return first;
  Path alternative;
  alternative.kind = Path::Kind::Alternative;
  alternative.parts.push_back(std::move(first));
  while (accept_punct("|")) alternative.parts.push_back(path_sequence());
  return alternative;
}

Path Parser::path_sequence() {
  Path first = path_elt_or_inverse();
  if (!at_punct("/")) return first;
  Path sequence;
  sequence.kind = Path::Kind::Sequence;
  sequence.parts.push_back(std::move(first));
  while (accept_punct("/")) sequence.parts.push_back(path_elt_or_inverse());
  return sequence;
}

Path Parser::path_elt_or_inverse() {
  const bool inverse = accept_punct("^");
  Path element = path_primary();
  // A modifier: '?', '*', '+' (but "+1" right after is a number).
  Path::Kind modifier = Path::Kind::Link;
  if (at_punct("?")) {
    modifier = Path::Kind::ZeroOrOne;
  } else if (at_punct("*")) {
    modifier = Path::Kind::ZeroOrMore;
  } else if (at_punct("+")) {
    const Token& after = peek(1);
    const bool number = !after.spaced && (after.kind == Token::Kind::Integer || after.kind == Token::Kind::Decimal ||
                                          after.kind == Token::Kind::Double);
    if (!number) modifier = Path::Kind::OneOrMore;
  }
  if (modifier != Path::Kind::Link) {
    take();
    Path modified;
    modified.kind = modifier;
    modified.parts.push_back(std::move(element));
    element = std::move(modified);
  }
  return inverse ? invert(std::move(element)) : element;
}

Path Parser::path_primary() {
  Path path;
  if (peek().kind == Token::Kind::Word && peek().text == "a") {
    take();
    path.iri = intern_iri(std::string(ontology::vocab::rdf::kType));
    return path;
  }
  if (at_iri()) {
    path.iri = intern_iri(take_iri("an IRI"));
    return path;
  }
  if (accept_punct("(")) {
    path = path_alternative();
    expect_punct(")", "')' closing the path");
    return path;
  }
  if (accept_punct("!")) {
    path.kind = Path::Kind::Negated;
    const auto one = [&] {
      const bool inverse = accept_punct("^");
      TermId iri = kUnbound;
      if (peek().kind == Token::Kind::Word && peek().text == "a") {
        take();
        iri = intern_iri(std::string(ontology::vocab::rdf::kType));
      } else {
        iri = intern_iri(take_iri("an IRI in the negated property set"));
      }
      (inverse ? path.negated_inverse : path.negated_forward).push_back(iri);
    };
    if (peek().kind == Token::Kind::Nil) {
      take();
    } else if (accept_punct("(")) {
      one();
      while (accept_punct("|")) one();
      expect_punct(")", "')' closing the negated property set");
    } else {
      one();
    }
    return path;
  }
  unexpected("a predicate or property path");
}

}  // namespace ng::graph::sparql::detail
