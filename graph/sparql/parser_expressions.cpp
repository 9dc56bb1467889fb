// Expressions, built-in calls, casts, aggregates and literals.
#include <array>

#include <fmt/format.h>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/sparql/parser_impl.hpp"
#include "graph/sparql/scope.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql::detail {

namespace {

struct BuiltinSpec {
  std::string_view name;  // upper case
  Builtin builtin;
  std::size_t min, max;
};

constexpr std::size_t kMany = 1000000;

constexpr std::array<BuiltinSpec, 53> kBuiltins{{
    {"STR", Builtin::Str, 1, 1},           {"LANG", Builtin::Lang, 1, 1},
    {"LANGMATCHES", Builtin::LangMatches, 2, 2}, {"DATATYPE", Builtin::Datatype, 1, 1},
    {"BOUND", Builtin::Bound, 1, 1},       {"IRI", Builtin::Iri, 1, 1},
    {"URI", Builtin::Iri, 1, 1},           {"BNODE", Builtin::Bnode, 0, 1},
    {"RAND", Builtin::Rand, 0, 0},         {"ABS", Builtin::Abs, 1, 1},
    {"CEIL", Builtin::Ceil, 1, 1},         {"FLOOR", Builtin::Floor, 1, 1},
    {"ROUND", Builtin::Round, 1, 1},       {"CONCAT", Builtin::Concat, 0, kMany},
    {"STRLEN", Builtin::StrLen, 1, 1},     {"UCASE", Builtin::Ucase, 1, 1},
    {"LCASE", Builtin::Lcase, 1, 1},       {"ENCODE_FOR_URI", Builtin::EncodeForUri, 1, 1},
    {"CONTAINS", Builtin::Contains, 2, 2}, {"STRSTARTS", Builtin::StrStarts, 2, 2},
    {"STRENDS", Builtin::StrEnds, 2, 2},   {"STRBEFORE", Builtin::StrBefore, 2, 2},
    {"STRAFTER", Builtin::StrAfter, 2, 2}, {"YEAR", Builtin::Year, 1, 1},
    {"MONTH", Builtin::Month, 1, 1},       {"DAY", Builtin::Day, 1, 1},
    {"HOURS", Builtin::Hours, 1, 1},       {"MINUTES", Builtin::Minutes, 1, 1},
    {"SECONDS", Builtin::Seconds, 1, 1},   {"TIMEZONE", Builtin::Timezone, 1, 1},
    {"TZ", Builtin::Tz, 1, 1},             {"NOW", Builtin::Now, 0, 0},
    {"UUID", Builtin::Uuid, 0, 0},         {"STRUUID", Builtin::StrUuid, 0, 0},
    {"MD5", Builtin::Md5, 1, 1},           {"SHA1", Builtin::Sha1, 1, 1},
    {"SHA256", Builtin::Sha256, 1, 1},     {"SHA384", Builtin::Sha384, 1, 1},
    {"SHA512", Builtin::Sha512, 1, 1},     {"COALESCE", Builtin::Coalesce, 0, kMany},
    {"IF", Builtin::If, 3, 3},             {"STRLANG", Builtin::StrLang, 2, 2},
    {"STRDT", Builtin::StrDt, 2, 2},       {"SAMETERM", Builtin::SameTerm, 2, 2},
    {"ISIRI", Builtin::IsIri, 1, 1},       {"ISURI", Builtin::IsIri, 1, 1},
    {"ISBLANK", Builtin::IsBlank, 1, 1},   {"ISLITERAL", Builtin::IsLiteral, 1, 1},
    {"ISNUMERIC", Builtin::IsNumeric, 1, 1}, {"REGEX", Builtin::Regex, 2, 3},
    {"SUBSTR", Builtin::Substr, 2, 3},     {"REPLACE", Builtin::Replace, 3, 4},
    {"EXISTS", Builtin::Str, 0, 0},  // handled apart
}};

constexpr std::array<std::string_view, 7> kAggregates{"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"};

// The XSD casts SPARQL 1.1 defines (section 17.5), plus xsd:date.
constexpr std::array<std::string_view, 8> kCasts{"string", "boolean", "integer", "decimal",
                                                 "float",  "double",  "dateTime", "date"};

std::string upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return out;
}

const BuiltinSpec* find_builtin(const Token& t) {
  if (t.kind != Token::Kind::Word) return nullptr;
  const std::string name = upper(t.text);
  for (const BuiltinSpec& spec : kBuiltins) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool is_aggregate(const Token& t) {
  if (t.kind != Token::Kind::Word) return false;
  const std::string name = upper(t.text);
  for (std::string_view a : kAggregates) {
    if (a == name) return true;
  }
  return false;
}

Expr make(Expr::Op op, std::vector<Expr> args) {
  Expr e;
  e.op = op;
  e.args = std::move(args);
  return e;
}

}  // namespace

bool Parser::at_builtin() const {
  const Token& t = peek();
  return find_builtin(t) != nullptr || is_aggregate(t) || (is_word(t, "NOT") && is_word(peek(1), "EXISTS"));
}

bool Parser::at_literal() const {
  const Token& t = peek();
  switch (t.kind) {
    case Token::Kind::String:
    case Token::Kind::Integer:
    case Token::Kind::Decimal:
    case Token::Kind::Double:
      return true;
    case Token::Kind::Word:
      return is_word(t, "TRUE") || is_word(t, "FALSE");
    case Token::Kind::Punct: {
      const Token& next = peek(1);
      return (t.text == "+" || t.text == "-") && !next.spaced &&
             (next.kind == Token::Kind::Integer || next.kind == Token::Kind::Decimal ||
              next.kind == Token::Kind::Double);
    }
    default:
      return false;
  }
}

TermId Parser::literal() {
  namespace xsd = ontology::vocab::xsd;
  const Token t = take();
  if (t.kind == Token::Kind::String) {
    std::string value = to_nfc(t.text);
    if (peek().kind == Token::Kind::LangTag) {
      return terms_->intern(ontology::Term::literal(std::move(value), {}, take().text));
    }
    if (accept_punct("^^")) {
      return terms_->intern(ontology::Term::literal(std::move(value), take_iri("a datatype IRI after ^^")));
    }
    return terms_->intern(ontology::Term::literal(std::move(value)));
  }
  if (t.kind == Token::Kind::Word) {
    return terms_->intern(ontology::Term::literal(is_word(t, "TRUE") ? "true" : "false", std::string(xsd::kBoolean)));
  }
  std::string sign;
  Token number = t;
  if (t.kind == Token::Kind::Punct) {
    sign = t.text;
    number = take();
  }
  const std::string_view datatype = number.kind == Token::Kind::Integer   ? xsd::kInteger
                                    : number.kind == Token::Kind::Decimal ? std::string_view(
                                                                                "http://www.w3.org/2001/XMLSchema#decimal")
                                                                          : xsd::kDouble;
  return terms_->intern(ontology::Term::literal(sign + number.text, std::string(datatype)));
}

TermId Parser::data_block_value() {
  if (accept_word("UNDEF")) return kUnbound;
  if (at_iri()) return intern_iri(take_iri("an IRI"));
  if (at_literal()) return literal();
  unexpected("an IRI, a literal or UNDEF");
}

Expr Parser::expression() { return or_expression(); }

Expr Parser::or_expression() {
  Expr left = and_expression();
  while (accept_punct("||")) left = make(Expr::Op::Or, {std::move(left), and_expression()});
  return left;
}

Expr Parser::and_expression() {
  Expr left = relational_expression();
  while (accept_punct("&&")) left = make(Expr::Op::And, {std::move(left), relational_expression()});
  return left;
}

Expr Parser::relational_expression() {
  Expr left = additive_expression();
  static constexpr std::array<std::pair<std::string_view, Expr::Op>, 6> kOps{{{"=", Expr::Op::Equal},
                                                                              {"!=", Expr::Op::NotEqual},
                                                                              {"<", Expr::Op::Less},
                                                                              {">", Expr::Op::Greater},
                                                                              {"<=", Expr::Op::LessEqual},
                                                                              {">=", Expr::Op::GreaterEqual}}};
  for (const auto& [text, op] : kOps) {
    if (accept_punct(text)) return make(op, {std::move(left), additive_expression()});
  }
  const bool negated = at_word("NOT") && is_word(peek(1), "IN");
  if (negated || at_word("IN")) {
    if (negated) take();
    take();
    std::vector<Expr> args{std::move(left)};
    if (peek().kind == Token::Kind::Nil) {
      take();
    } else {
      expect_punct("(", "'(' after IN");
      args.push_back(expression());
      while (accept_punct(",")) args.push_back(expression());
      expect_punct(")", "')' closing the IN list");
    }
    return make(negated ? Expr::Op::NotIn : Expr::Op::In, std::move(args));
  }
  return left;
}

Expr Parser::additive_expression() {
  Expr left = multiplicative_expression();
  while (true) {
    if (accept_punct("+")) {
      left = make(Expr::Op::Add, {std::move(left), multiplicative_expression()});
    } else if (accept_punct("-")) {
      left = make(Expr::Op::Subtract, {std::move(left), multiplicative_expression()});
    } else {
      return left;
    }
  }
}

Expr Parser::multiplicative_expression() {
  Expr left = unary_expression();
  while (true) {
    if (accept_punct("*")) {
      left = make(Expr::Op::Multiply, {std::move(left), unary_expression()});
    } else if (accept_punct("/")) {
      left = make(Expr::Op::Divide, {std::move(left), unary_expression()});
    } else {
      return left;
    }
  }
}

Expr Parser::unary_expression() {
  enter(peek());
  const DepthGuard guard{depth_};
  if (at_literal()) return primary_expression();
  if (accept_punct("!")) return make(Expr::Op::Not, {unary_expression()});
  if (accept_punct("+")) return make(Expr::Op::Plus, {unary_expression()});
  if (accept_punct("-")) return make(Expr::Op::Negate, {unary_expression()});
  return primary_expression();
}

Expr Parser::bracketted_expression() {
  enter(peek());
  const DepthGuard guard{depth_};
  expect_punct("(", "'('");
  Expr e = expression();
  expect_punct(")", "')'");
  return e;
}

Expr Parser::primary_expression() {
  const Token& t = peek();
  if (is_punct(t, "(")) return bracketted_expression();
  if (at_builtin()) return builtin_call();
  if (t.kind == Token::Kind::Variable) {
    Expr e;
    e.op = Expr::Op::Variable;
    e.variable = variable(take().text);
    return e;
  }
  if (at_iri()) {
    const Token at = peek();
    const std::string iri = take_iri("an IRI");
    if (at_punct("(") || peek().kind == Token::Kind::Nil) return function_call(iri, at);
    Expr e;
    e.term = intern_iri(iri);
    return e;
  }
  if (at_literal()) {
    Expr e;
    e.term = literal();
    return e;
  }
  unexpected("an expression");
}

std::vector<Expr> Parser::argument_list(const Token& name, std::size_t min, std::size_t max) {
  std::vector<Expr> args;
  if (peek().kind == Token::Kind::Nil) {
    take();
  } else {
    expect_punct("(", fmt::format("'(' after {}", name.text));
    if (!at_punct(")")) {
      args.push_back(expression());
      while (accept_punct(",")) args.push_back(expression());
    }
    expect_punct(")", "')'");
  }
  if (args.size() < min || args.size() > max) {
    const std::string wanted = min == max      ? std::to_string(min)
                               : max == kMany ? fmt::format("at least {}", min)
                                              : fmt::format("{} to {}", min, max);
    fail(name, fmt::format("{} takes {} argument{}, not {}", upper(name.text), wanted, max == 1 && min == 1 ? "" : "s",
                           args.size()));
  }
  return args;
}

Expr Parser::builtin_call() {
  const Token name = take();
  if (is_word(name, "NOT") || is_word(name, "EXISTS")) {
    if (is_word(name, "NOT")) take();  // EXISTS
    auto pattern = std::make_shared<Pattern>(group_graph_pattern());
    analyse(*pattern);
    Expr e;
    e.op = is_word(name, "NOT") ? Expr::Op::NotExists : Expr::Op::Exists;
    e.pattern = std::move(pattern);
    return e;
  }
  if (is_aggregate(name)) return aggregate_call(name);
  const BuiltinSpec& spec = *find_builtin(name);
  Expr e;
  e.op = Expr::Op::Call;
  e.builtin = spec.builtin;
  if (spec.builtin == Builtin::Bound) {
    expect_punct("(", "'(' after BOUND");
    if (peek().kind != Token::Kind::Variable) unexpected("a variable in BOUND");
    Expr v;
    v.op = Expr::Op::Variable;
    v.variable = variable(take().text);
    expect_punct(")", "')'");
    e.args.push_back(std::move(v));
    return e;
  }
  e.args = argument_list(name, spec.min, spec.max);
  if (spec.builtin == Builtin::Regex && e.args.size() == 3) check_regex_flags(e.args[2], name);
  if (spec.builtin == Builtin::Replace && e.args.size() == 4) check_regex_flags(e.args[3], name);
  return e;
}

void Parser::check_regex_flags(const Expr& flags, const Token& at) const {
  if (flags.op != Expr::Op::Constant) return;
  const ontology::Term& term = terms_->term(flags.term);
  if (!term.is_literal()) fail(at, fmt::format("the flags of {} must be a string such as \"i\"", upper(at.text)));
  for (char c : term.value) {
    if (std::string_view("smixq").find(c) == std::string_view::npos) {
      fail(at, fmt::format("{} flag '{}' is not one of s, m, i, x, q (in \"{}\")", upper(at.text), std::string(1, c),
                           term.value));
    }
  }
}

Expr Parser::function_call(const std::string& iri, const Token& at) {
  const std::string_view xsd_namespace = ontology::vocab::xsd::kNamespace;
  for (std::string_view cast : kCasts) {
    if (iri.size() == xsd_namespace.size() + cast.size() && iri.starts_with(xsd_namespace) &&
        iri.ends_with(cast)) {
      Token name = at;
      name.text = "xsd:" + std::string(cast);
      Expr e;
      e.op = Expr::Op::Cast;
      e.term = intern_iri(iri);
      e.args = argument_list(name, 1, 1);
      return e;
    }
  }
  throw QueryError(fmt::format("the function <{}> is not supported (line {}, column {}): newsgraph knows the SPARQL "
                               "1.1 built-ins and the XSD casts",
                               iri, at.line, at.column));
}

Expr Parser::aggregate_call(const Token& name) {
  if (!aggregates_allowed_) {
    fail(name, fmt::format("{} is an aggregate: it is allowed only in SELECT, HAVING and ORDER BY", upper(name.text)));
  }
  const std::string kind = upper(name.text);
  Aggregate aggregate;
  aggregate.kind = kind == "COUNT"   ? Aggregate::Kind::Count
                   : kind == "SUM"   ? Aggregate::Kind::Sum
                   : kind == "MIN"   ? Aggregate::Kind::Min
                   : kind == "MAX"   ? Aggregate::Kind::Max
                   : kind == "AVG"   ? Aggregate::Kind::Avg
                   : kind == "SAMPLE" ? Aggregate::Kind::Sample
                                      : Aggregate::Kind::GroupConcat;
  expect_punct("(", fmt::format("'(' after {}", kind));
  aggregate.distinct = accept_word("DISTINCT");
  aggregates_allowed_ = false;
  if (aggregate.kind == Aggregate::Kind::Count && accept_punct("*")) {
    aggregate.star = true;
  } else {
    aggregate.argument = expression();
  }
  aggregates_allowed_ = true;
  if (aggregate.kind == Aggregate::Kind::GroupConcat && accept_punct(";")) {
    expect_word("SEPARATOR", "SEPARATOR");
    expect_punct("=", "'='");
    if (peek().kind != Token::Kind::String) unexpected("a string after SEPARATOR =");
    aggregate.separator = take().text;
  }
  expect_punct(")", "')'");
  aggregate.result = hidden_variable("aggregate");
  query_->aggregated = true;
  Expr e;
  e.op = Expr::Op::Aggregate;
  e.variable = aggregate.result;
  query_->aggregates.push_back(std::move(aggregate));
  return e;
}

}  // namespace ng::graph::sparql::detail
