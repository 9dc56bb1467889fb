// XSD casts (SPARQL 1.1 section 17.5, XPath casting rules).
#include <charconv>
#include <cmath>

#include "graph/sparql/compare.hpp"
#include "graph/sparql/datetime.hpp"
#include "graph/sparql/functions.hpp"
#include "graph/sparql/numeric.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

namespace {

using ontology::Term;
namespace xsd = ontology::vocab::xsd;

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<bool> boolean_of(const Term& t) {
  if (t.datatype != xsd::kBoolean) return std::nullopt;
  if (t.value == "true" || t.value == "1") return true;
  if (t.value == "false" || t.value == "0") return false;
  return std::nullopt;
}

Value from_numeric(const Numeric& n) { return Value::of(to_term(n)); }

// XPath's cast of a number to a string: integers and integral decimals
// without a point, other decimals without trailing zeros, floats and
// doubles in plain notation between 1e-6 and 1e6.
std::string xpath_string(const Numeric& n) {
  switch (n.type) {
    case Numeric::Type::Integer: return n.digits.str();
    case Numeric::Type::Decimal: {
      std::string text = canonical_decimal(n.digits, n.scale);
      if (text.ends_with(".0")) text.resize(text.size() - 2);
      return text;
    }
    default: {
      const double v = n.real;
      if (std::isnan(v)) return "NaN";
      if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
      if (v == 0) return std::signbit(v) ? "-0" : "0";
      const double magnitude = std::fabs(v);
      if (magnitude < 1e-6 || magnitude >= 1e6) {
        return n.type == Numeric::Type::Float ? canonical_float(static_cast<float>(v)) : canonical_double(v);
      }
      char buffer[64];
      const auto [end, error] =
          n.type == Numeric::Type::Float
              ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(v), std::chars_format::fixed)
              : std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
      (void)error;
      return std::string(buffer, end);
    }
  }
}

// A decimal from a double (through its shortest decimal spelling).
std::optional<Numeric> decimal_of_double(double value) {
  if (std::isnan(value) || std::isinf(value)) return std::nullopt;
  const std::string text = canonical_double(value);  // d.dddE±n
  const std::size_t e = text.find('E');
  const int exponent = std::stoi(text.substr(e + 1));
  std::string mantissa = text.substr(0, e);
  const bool negative = mantissa.starts_with('-');
  if (negative) mantissa.erase(0, 1);
  const std::size_t dot = mantissa.find('.');
  std::string digits = mantissa.substr(0, dot) + mantissa.substr(dot + 1);
  int scale = static_cast<int>(mantissa.size() - dot - 1) - exponent;
  if (scale < 0) {
    digits.append(static_cast<std::size_t>(-scale), '0');
    scale = 0;
  }
  BigInt value_digits = decimal_digits(digits);
  if (negative) value_digits = -value_digits;
  Numeric n = Numeric::decimal(value_digits, scale);
  return n;
}

Value to_integer(const Term& t, const std::optional<Numeric>& n) {
  if (n) {
    switch (n->type) {
      case Numeric::Type::Integer: return from_numeric(*n);
      case Numeric::Type::Decimal: {
        BigInt unit = 1;
        for (int i = 0; i < n->scale; ++i) unit *= 10;
        return from_numeric(Numeric::integer(n->digits / unit));  // truncates towards zero
      }
      default: {
        if (std::isnan(n->real) || std::isinf(n->real)) return {};
        const auto d = decimal_of_double(std::trunc(n->real));
        if (!d) return {};
        BigInt unit = 1;
        for (int i = 0; i < d->scale; ++i) unit *= 10;
        return from_numeric(Numeric::integer(d->digits / unit));
      }
    }
  }
  if (const auto b = boolean_of(t)) return from_numeric(Numeric::integer(*b ? 1 : 0));
  if (is_simple_string(t)) {
    if (auto parsed = parse_as(trim(t.value), Numeric::Type::Integer)) return from_numeric(*parsed);
  }
  return {};
}

Value to_decimal(const Term& t, const std::optional<Numeric>& n) {
  if (n) {
    if (n->type == Numeric::Type::Integer) return from_numeric(Numeric::decimal(n->digits, 0));
    if (n->type == Numeric::Type::Decimal) return from_numeric(*n);
    const auto d = decimal_of_double(n->real);
    if (!d) return {};
    return from_numeric(*d);
  }
  if (const auto b = boolean_of(t)) return from_numeric(Numeric::decimal(*b ? 1 : 0, 0));
  if (is_simple_string(t)) {
    if (auto parsed = parse_as(trim(t.value), Numeric::Type::Decimal)) return from_numeric(*parsed);
  }
  return {};
}

Value to_real(const Term& t, const std::optional<Numeric>& n, Numeric::Type type) {
  if (n) return from_numeric(Numeric::floating(type == Numeric::Type::Float ? static_cast<double>(static_cast<float>(n->as_double())) : n->as_double(), type));
  if (const auto b = boolean_of(t)) return from_numeric(Numeric::floating(*b ? 1.0 : 0.0, type));
  if (is_simple_string(t)) {
    if (auto parsed = parse_as(trim(t.value), type)) return from_numeric(*parsed);
  }
  return {};
}

}  // namespace

Value cast_to(std::string_view datatype, const Value& argument, FunctionContext& context) {
  if (!argument.ok()) return {};
  const Term& t = argument.term(context.terms);
  if (t.is_blank()) return {};
  const std::string_view local = datatype.substr(xsd::kNamespace.size());
  if (local == "string") {
    if (t.is_literal() && !t.language.empty()) return {};
    if (const auto n = parse_numeric(t)) return Value::of(Term::literal(xpath_string(*n)));
    if (const auto b = boolean_of(t)) return Value::of(Term::literal(*b ? "true" : "false"));
    return Value::of(Term::literal(t.value));
  }
  if (t.is_iri() || !t.language.empty()) return {};
  const auto n = parse_numeric(t);
  // A literal of a numeric type that is not a valid number cannot be cast.
  if (!n && is_numeric_datatype(t.datatype)) return {};
  if (local == "boolean") {
    if (const auto b = boolean_of(t)) return Value::boolean(*b);
    if (n) {
      if (n->type >= Numeric::Type::Float) return Value::boolean(!(n->real == 0 || std::isnan(n->real)));
      return Value::boolean(n->digits != 0);
    }
    if (is_simple_string(t)) {
      const std::string_view s = trim(t.value);
      if (s == "true" || s == "1") return Value::boolean(true);
      if (s == "false" || s == "0") return Value::boolean(false);
    }
    return {};
  }
  if (local == "integer") return to_integer(t, n);
  if (local == "decimal") return to_decimal(t, n);
  if (local == "float") return to_real(t, n, Numeric::Type::Float);
  if (local == "double") return to_real(t, n, Numeric::Type::Double);
  if (local == "dateTime" || local == "date") {
    const bool to_date = local == "date";
    std::optional<DateTime> value = parse_datetime(t);
    if (!value && is_simple_string(t)) value = parse_datetime_lexical(trim(t.value), to_date);
    if (!value) return {};
    if (to_date && !value->is_date) {
      // The date part, as written (the timezone kept).
      const std::string& lexical = t.is_literal() && parse_datetime(t) ? t.value : std::string(trim(t.value));
      const std::size_t time = lexical.find('T');
      std::string date = lexical.substr(0, time);
      const std::size_t zone = lexical.find_first_of("Z+-", time);
      if (zone != std::string::npos) date += lexical.substr(zone);
      return Value::of(Term::literal(date, std::string(kXsdDate)));
    }
    if (!to_date && value->is_date) {
      const std::string lexical = t.value.substr(0, 10) + "T00:00:00" + t.value.substr(std::min<std::size_t>(t.value.size(), 10));
      return Value::of(Term::literal(lexical, std::string(kXsdDateTime)));
    }
    return Value::of(Term::literal(std::string(trim(t.value)), std::string(datatype)));
  }
  return {};
}

}  // namespace ng::graph::sparql
