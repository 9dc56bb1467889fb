#pragma once
// XSD numbers for SPARQL expressions (XPath 2.0 arithmetic): xsd:integer
// and its derived types (arbitrary precision), xsd:decimal (exact, as an
// integer and a scale), xsd:float and xsd:double; type promotion integer
// < decimal < float < double; canonical lexical forms for results.

#include <optional>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "ontology/term.hpp"

namespace ng::graph::sparql {

using BigInt = boost::multiprecision::cpp_int;

// A non-negative integer from decimal digits. (cpp_int's own string
// constructor reads a leading 0 as octal: "010" would be 8.)
BigInt decimal_digits(std::string_view digits);

struct Numeric {
  enum class Type { Integer, Decimal, Float, Double };
  Type type = Type::Integer;
  BigInt digits;   // Integer: the value; Decimal: value * 10^scale
  int scale = 0;   // Decimal only
  double real = 0; // Float, Double

  static Numeric integer(BigInt value);
  static Numeric decimal(BigInt digits, int scale);
  static Numeric floating(double value, Type type);
  double as_double() const;
};

inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";

// Whether a datatype IRI is xsd:integer, decimal, float, double or a type
// derived from integer (int, long, nonNegativeInteger ...).
bool is_numeric_datatype(std::string_view datatype);

// The value of a numeric literal; nothing for other terms and for
// ill-typed literals ("abc"^^xsd:integer, "300"^^xsd:byte).
std::optional<Numeric> parse_numeric(const ontology::Term& term);

// Parses a lexical form as one of the four primitive types (for casts).
std::optional<Numeric> parse_as(std::string_view lexical, Numeric::Type type);

// The literal with the canonical lexical form of the value's type.
ontology::Term to_term(const Numeric& value);
std::string canonical_double(double value);
std::string canonical_float(float value);
std::string canonical_decimal(const BigInt& digits, int scale);

// Arithmetic with type promotion. Division of integers gives a decimal;
// division by zero of integers or decimals is an error (nothing).
std::optional<Numeric> add(const Numeric& a, const Numeric& b);
std::optional<Numeric> subtract(const Numeric& a, const Numeric& b);
std::optional<Numeric> multiply(const Numeric& a, const Numeric& b);
std::optional<Numeric> divide(const Numeric& a, const Numeric& b);
Numeric negate(const Numeric& a);
Numeric absolute(const Numeric& a);
Numeric ceiling(const Numeric& a);
Numeric floor_of(const Numeric& a);
Numeric round_half_up(const Numeric& a);

// -1, 0, 1; nothing when either is NaN.
std::optional<int> compare(const Numeric& a, const Numeric& b);

}  // namespace ng::graph::sparql
