#include "graph/sparql/expression_eval.hpp"

#include "graph/sparql/numeric.hpp"

namespace ng::graph::sparql {

namespace {

Value truth(Truth t) {
  if (t == Truth::Error) return {};
  return Value::boolean(t == Truth::True);
}

}  // namespace

Truth ExpressionEvaluator::test(const Expr& e, const Row& row, TermId graph) {
  const Value v = evaluate(e, row, graph);
  if (!v.ok()) return Truth::Error;
  const auto b = effective_boolean(v.term(terms_));
  if (!b) return Truth::Error;
  return *b ? Truth::True : Truth::False;
}

bool ExpressionEvaluator::passes(const std::vector<Expr>& conditions, const Row& row, TermId graph) {
  for (const Expr& condition : conditions) {
    if (test(condition, row, graph) != Truth::True) return false;
  }
  return true;
}

Value ExpressionEvaluator::evaluate(const Expr& e, const Row& row, TermId graph) {
  switch (e.op) {
    case Expr::Op::Constant: return Value::of(e.term);
    case Expr::Op::Variable:
    case Expr::Op::Aggregate: return Value::of(e.variable < row.size() ? row[e.variable] : kUnbound);
    case Expr::Op::Or: {
      const Truth a = test(e.args[0], row, graph);
      if (a == Truth::True) return Value::boolean(true);
      const Truth b = test(e.args[1], row, graph);
      if (b == Truth::True) return Value::boolean(true);
      if (a == Truth::False && b == Truth::False) return Value::boolean(false);
      return {};
    }
    case Expr::Op::And: {
      const Truth a = test(e.args[0], row, graph);
      if (a == Truth::False) return Value::boolean(false);
      const Truth b = test(e.args[1], row, graph);
      if (b == Truth::False) return Value::boolean(false);
      if (a == Truth::True && b == Truth::True) return Value::boolean(true);
      return {};
    }
    case Expr::Op::Not: {
      const Truth a = test(e.args[0], row, graph);
      if (a == Truth::Error) return {};
      return Value::boolean(a == Truth::False);
    }
    case Expr::Op::Equal:
    case Expr::Op::NotEqual:
    case Expr::Op::Less:
    case Expr::Op::Greater:
    case Expr::Op::LessEqual:
    case Expr::Op::GreaterEqual:
      return compare(e, row, graph);
    case Expr::Op::In:
    case Expr::Op::NotIn:
      return membership(e, row, graph);
    case Expr::Op::Add:
    case Expr::Op::Subtract:
    case Expr::Op::Multiply:
    case Expr::Op::Divide:
    case Expr::Op::Negate:
    case Expr::Op::Plus:
      return arithmetic(e, row, graph);
    case Expr::Op::Call: return call(e, row, graph);
    case Expr::Op::Cast: {
      const Value arg = evaluate(e.args[0], row, graph);
      return cast_to(terms_.term(e.term).value, arg, functions_);
    }
    case Expr::Op::Exists:
    case Expr::Op::NotExists: {
      const bool found = probe_.exists(*e.pattern, row, graph);
      return Value::boolean(found == (e.op == Expr::Op::Exists));
    }
  }
  return {};
}

Value ExpressionEvaluator::compare(const Expr& e, const Row& row, TermId graph) {
  const Value a = evaluate(e.args[0], row, graph);
  if (!a.ok()) return {};
  const Value b = evaluate(e.args[1], row, graph);
  if (!b.ok()) return {};
  // Equal ids are equal terms: the fast path for joins written as FILTERs.
  if (a.has_id() && b.has_id() && a.id() == b.id()) {
    const ontology::Term& t = terms_.term(a.id());
    const bool nan = t.is_literal() && parse_numeric(t) && parse_numeric(t)->type >= Numeric::Type::Float &&
                     parse_numeric(t)->real != parse_numeric(t)->real;
    if (!nan) {
      switch (e.op) {
        case Expr::Op::Equal:
        case Expr::Op::LessEqual:
        case Expr::Op::GreaterEqual:
          if (e.op == Expr::Op::Equal || order(t, t)) return Value::boolean(true);
          return {};
        case Expr::Op::NotEqual: return Value::boolean(false);
        default:
          if (order(t, t)) return Value::boolean(false);
          return {};
      }
    }
  }
  const ontology::Term& x = a.term(terms_);
  const ontology::Term& y = b.term(terms_);
  if (e.op == Expr::Op::Equal) return truth(equal(x, y));
  if (e.op == Expr::Op::NotEqual) {
    const Truth t = equal(x, y);
    return t == Truth::Error ? Value() : Value::boolean(t == Truth::False);
  }
  const auto o = order(x, y);
  if (!o) return {};
  switch (e.op) {
    case Expr::Op::Less: return Value::boolean(*o == Order::Less);
    case Expr::Op::Greater: return Value::boolean(*o == Order::Greater);
    case Expr::Op::LessEqual: return Value::boolean(*o == Order::Less || *o == Order::Equal);
    default: return Value::boolean(*o == Order::Greater || *o == Order::Equal);
  }
}

Value ExpressionEvaluator::membership(const Expr& e, const Row& row, TermId graph) {
  const Value needle = evaluate(e.args[0], row, graph);
  if (!needle.ok()) return {};
  bool error = false;
  for (std::size_t i = 1; i < e.args.size(); ++i) {
    const Value item = evaluate(e.args[i], row, graph);
    if (!item.ok()) {
      error = true;
      continue;
    }
    const Truth t = equal(needle.term(terms_), item.term(terms_));
    if (t == Truth::True) return Value::boolean(e.op == Expr::Op::In);
    if (t == Truth::Error) error = true;
  }
  if (error) return {};
  return Value::boolean(e.op == Expr::Op::NotIn);
}

Value ExpressionEvaluator::arithmetic(const Expr& e, const Row& row, TermId graph) {
  const Value a = evaluate(e.args[0], row, graph);
  if (!a.ok()) return {};
  const auto x = parse_numeric(a.term(terms_));
  if (!x) return {};
  if (e.op == Expr::Op::Negate) return Value::of(to_term(negate(*x)));
  if (e.op == Expr::Op::Plus) return Value::of(to_term(*x));
  const Value b = evaluate(e.args[1], row, graph);
  if (!b.ok()) return {};
  const auto y = parse_numeric(b.term(terms_));
  if (!y) return {};
  std::optional<Numeric> r;
  switch (e.op) {
    case Expr::Op::Add: r = add(*x, *y); break;
    case Expr::Op::Subtract: r = subtract(*x, *y); break;
    case Expr::Op::Multiply: r = multiply(*x, *y); break;
    default: r = divide(*x, *y); break;
  }
  if (!r) return {};
  return Value::of(to_term(*r));
}

Value ExpressionEvaluator::call(const Expr& e, const Row& row, TermId graph) {
  switch (e.builtin) {
    case Builtin::Bound: {
      const VarId v = e.args[0].variable;
      return Value::boolean(v < row.size() && row[v] != kUnbound);
    }
    case Builtin::If: {
      const Truth condition = test(e.args[0], row, graph);
      if (condition == Truth::Error) return {};
      return evaluate(e.args[condition == Truth::True ? 1 : 2], row, graph);
    }
    case Builtin::Coalesce:
      for (const Expr& arg : e.args) {
        Value v = evaluate(arg, row, graph);
        if (v.ok()) return v;
      }
      return {};
    default:
      break;
  }
  std::vector<Value> args;
  std::vector<bool> constant;
  args.reserve(e.args.size());
  for (const Expr& arg : e.args) {
    args.push_back(evaluate(arg, row, graph));
    constant.push_back(arg.op == Expr::Op::Constant);
  }
  // std::vector<bool> has no data(): copy into a plain array.
  bool flags[8] = {};
  for (std::size_t i = 0; i < constant.size() && i < 8; ++i) flags[i] = constant[i];
  return call_builtin(e.builtin, args, std::span<const bool>(flags, std::min<std::size_t>(constant.size(), 8)),
                      functions_);
}

}  // namespace ng::graph::sparql
