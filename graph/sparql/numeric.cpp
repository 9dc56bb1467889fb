#include "graph/sparql/numeric.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

struct IntegerType {
  std::string_view name;
  const char* min;  // nullptr: unbounded
  const char* max;
};

// xsd:integer and the types derived from it, with their value ranges.
constexpr std::array<IntegerType, 13> kIntegerTypes{{
    {"integer", nullptr, nullptr},
    {"nonPositiveInteger", nullptr, "0"},
    {"negativeInteger", nullptr, "-1"},
    {"long", "-9223372036854775808", "9223372036854775807"},
    {"int", "-2147483648", "2147483647"},
    {"short", "-32768", "32767"},
    {"byte", "-128", "127"},
    {"nonNegativeInteger", "0", nullptr},
    {"unsignedLong", "0", "18446744073709551615"},
    {"unsignedInt", "0", "4294967295"},
    {"unsignedShort", "0", "65535"},
    {"unsignedByte", "0", "255"},
    {"positiveInteger", "1", nullptr},
}};

const IntegerType* integer_type(std::string_view datatype) {
  if (!datatype.starts_with(kXsd)) return nullptr;
  const std::string_view local = datatype.substr(kXsd.size());
  for (const IntegerType& t : kIntegerTypes) {
    if (t.name == local) return &t;
  }
  return nullptr;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

BigInt pow10(int n) {
  BigInt r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

std::optional<BigInt> parse_integer(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (!all_digits(s)) return std::nullopt;
  BigInt value = decimal_digits(s);
  return negative ? BigInt(-value) : value;
}

std::optional<Numeric> parse_decimal(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if ((!whole.empty() && !all_digits(whole)) || (!fraction.empty() && !all_digits(fraction))) return std::nullopt;
  BigInt digits = decimal_digits(std::string(whole) + std::string(fraction));
  if (negative) digits = -digits;
  return Numeric::decimal(std::move(digits), static_cast<int>(fraction.size()));
}

// [+-]?(digits(.digits?)?|.digits), without building the value.
bool decimal_syntax(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return false;
  return (whole.empty() || all_digits(whole)) && (fraction.empty() || all_digits(fraction));
}

std::optional<double> parse_double(std::string_view s) {
  if (s == "INF" || s == "+INF") return std::numeric_limits<double>::infinity();
  if (s == "-INF") return -std::numeric_limits<double>::infinity();
  if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  std::string_view mantissa = s;
  const std::size_t e = s.find_first_of("eE");
  if (e != std::string_view::npos) {
    mantissa = s.substr(0, e);
    std::string_view exponent = s.substr(e + 1);
    if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
    if (!all_digits(exponent)) return std::nullopt;
  }
  if (!decimal_syntax(mantissa)) return std::nullopt;
  std::string text(s.starts_with('+') ? s.substr(1) : s);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (error == std::errc::result_out_of_range) {
    value = text.starts_with('-') ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    if (text.find_first_of("eE") != std::string::npos && text[text.find_first_of("eE") + 1] == '-') value = 0;
  }
  return value;
}

// Brings two decimals (or integers as decimals) to one scale.
void align(BigInt& a, int a_scale, BigInt& b, int b_scale, int& scale) {
  scale = std::max(a_scale, b_scale);
  a *= pow10(scale - a_scale);
  b *= pow10(scale - b_scale);
}

Numeric::Type promoted(const Numeric& a, const Numeric& b) { return a.type > b.type ? a.type : b.type; }

// Both as decimals (integers have scale 0).
void as_decimal(const Numeric& n, BigInt& digits, int& scale) {
  digits = n.digits;
  scale = n.type == Numeric::Type::Decimal ? n.scale : 0;
}

Numeric normalise(Numeric n) {
  if (n.type != Numeric::Type::Decimal) return n;
  while (n.scale > 0 && n.digits % 10 == 0) {
    n.digits /= 10;
    --n.scale;
  }
  return n;
}

Numeric real_result(double value, Numeric::Type type) {
  if (type == Numeric::Type::Float) value = static_cast<double>(static_cast<float>(value));
  return Numeric::floating(value, type);
}

}  // namespace

BigInt decimal_digits(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.empty()) return 0;
  // Chunks of 18 digits fit an unsigned 64-bit integer.
  BigInt value = 0;
  for (std::size_t i = 0; i < digits.size();) {
    const std::size_t n = std::min<std::size_t>(18, digits.size() - i);
    std::uint64_t chunk = 0;
    for (std::size_t k = 0; k < n; ++k) chunk = chunk * 10 + static_cast<std::uint64_t>(digits[i + k] - '0');
    value = value * pow10(static_cast<int>(n)) + chunk;
    i += n;
  }
  return value;
}

Numeric Numeric::integer(BigInt value) {
  Numeric n;
  n.type = Type::Integer;
  n.digits = std::move(value);
  return n;
}

Numeric Numeric::decimal(BigInt digits, int scale) {
  Numeric n;
  n.type = Type::Decimal;
  n.digits = std::move(digits);
  n.scale = scale;
  return n;
}

Numeric Numeric::floating(double value, Type type) {
  Numeric n;
  n.type = type;
  n.real = value;
  return n;
}

double Numeric::as_double() const {
  switch (type) {
    case Type::Integer: return digits.convert_to<double>();
    case Type::Decimal: {
      std::string text = canonical_decimal(digits, scale);
      return std::strtod(text.c_str(), nullptr);
    }
    default: return real;
  }
}

bool is_numeric_datatype(std::string_view datatype) {
  if (integer_type(datatype) != nullptr) return true;
  return datatype == kXsdDecimal || datatype == kXsdFloat || datatype == ontology::vocab::xsd::kDouble;
}

std::optional<Numeric> parse_as(std::string_view lexical, Numeric::Type type) {
  switch (type) {
    case Numeric::Type::Integer:
      if (auto v = parse_integer(lexical)) return Numeric::integer(std::move(*v));
      return std::nullopt;
    case Numeric::Type::Decimal: return parse_decimal(lexical);
    case Numeric::Type::Float:
    case Numeric::Type::Double:
      if (auto v = parse_double(lexical)) return real_result(*v, type);
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Numeric> parse_numeric(const ontology::Term& term) {
  if (!term.is_literal() || term.datatype.empty()) return std::nullopt;
  if (const IntegerType* t = integer_type(term.datatype)) {
    auto value = parse_integer(term.value);
    if (!value) return std::nullopt;
    if (t->min != nullptr && *value < BigInt(t->min)) return std::nullopt;
    if (t->max != nullptr && *value > BigInt(t->max)) return std::nullopt;
    return Numeric::integer(std::move(*value));
  }
  if (term.datatype == kXsdDecimal) return parse_as(term.value, Numeric::Type::Decimal);
  if (term.datatype == kXsdFloat) return parse_as(term.value, Numeric::Type::Float);
  if (term.datatype == ontology::vocab::xsd::kDouble) return parse_as(term.value, Numeric::Type::Double);
  return std::nullopt;
}

std::string canonical_decimal(const BigInt& digits, int scale) {
  const bool negative = digits < 0;
  std::string text = (negative ? BigInt(-digits) : digits).str();
  if (scale > 0) {
    if (static_cast<int>(text.size()) <= scale) text.insert(0, static_cast<std::size_t>(scale) + 1 - text.size(), '0');
    text.insert(text.size() - static_cast<std::size_t>(scale), ".");
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text += '0';
  } else {
    text += ".0";
  }
  return negative && text != "0.0" ? "-" + text : text;
}

// XSD canonical form: one digit before the point, at least one after, an
// exponent (1.5E0, -1.02E4, 0.0E0).
template <class Real>
std::string canonical_real(Real value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  if (value == 0) return std::signbit(value) ? "-0.0E0" : "0.0E0";
  std::array<char, 64> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific);
  (void)error;
  std::string text(buffer.data(), end);  // "1.5e+00", "1e+01"
  const std::size_t e = text.find('e');
  std::string mantissa = text.substr(0, e);
  const int exponent = std::stoi(text.substr(e + 1));
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return mantissa + "E" + std::to_string(exponent);
}

std::string canonical_double(double value) { return canonical_real(value); }
std::string canonical_float(float value) { return canonical_real(value); }

ontology::Term to_term(const Numeric& value) {
  switch (value.type) {
    case Numeric::Type::Integer:
      return ontology::Term::literal(value.digits.str(), std::string(ontology::vocab::xsd::kInteger));
    case Numeric::Type::Decimal:
      return ontology::Term::literal(canonical_decimal(value.digits, value.scale), std::string(kXsdDecimal));
    case Numeric::Type::Float:
      return ontology::Term::literal(canonical_float(static_cast<float>(value.real)), std::string(kXsdFloat));
    case Numeric::Type::Double:
      return ontology::Term::literal(canonical_double(value.real), std::string(ontology::vocab::xsd::kDouble));
  }
  return {};
}

std::optional<Numeric> add(const Numeric& a, const Numeric& b) {
  const Numeric::Type type = promoted(a, b);
  if (type >= Numeric::Type::Float) return real_result(a.as_double() + b.as_double(), type);
  if (type == Numeric::Type::Integer) return Numeric::integer(a.digits + b.digits);
  BigInt x, y;
  int sx = 0, sy = 0, scale = 0;
  as_decimal(a, x, sx);
  as_decimal(b, y, sy);
  align(x, sx, y, sy, scale);
  return normalise(Numeric::decimal(x + y, scale));
}

std::optional<Numeric> subtract(const Numeric& a, const Numeric& b) { return add(a, negate(b)); }

std::optional<Numeric> multiply(const Numeric& a, const Numeric& b) {
  const Numeric::Type type = promoted(a, b);
  if (type >= Numeric::Type::Float) return real_result(a.as_double() * b.as_double(), type);
  if (type == Numeric::Type::Integer) return Numeric::integer(a.digits * b.digits);
  BigInt x, y;
  int sx = 0, sy = 0;
  as_decimal(a, x, sx);
  as_decimal(b, y, sy);
  return normalise(Numeric::decimal(x * y, sx + sy));
}

std::optional<Numeric> divide(const Numeric& a, const Numeric& b) {
  const Numeric::Type type = promoted(a, b);
  if (type >= Numeric::Type::Float) return real_result(a.as_double() / b.as_double(), type);
  // integer / integer is a decimal (XPath op:numeric-divide).
  BigInt x, y;
  int sx = 0, sy = 0;
  as_decimal(a, x, sx);
  as_decimal(b, y, sy);
  if (y == 0) return std::nullopt;
  // x/10^sx / (y/10^sy) = x * 10^(sy + P) / (y * 10^sx) / 10^P, with P
  // digits after the point (XPath leaves the precision to us: 24 here).
  constexpr int kPrecision = 24;
  BigInt numerator = x * pow10(sy + kPrecision);
  BigInt denominator = y * pow10(sx);
  BigInt quotient = numerator / denominator;
  // Round half away from zero on the last digit kept.
  BigInt remainder = numerator % denominator;
  if (remainder != 0 && abs(remainder) * 2 >= abs(denominator)) quotient += (numerator < 0) != (denominator < 0) ? -1 : 1;
  return normalise(Numeric::decimal(quotient, kPrecision));
}

Numeric negate(const Numeric& a) {
  Numeric n = a;
  if (n.type >= Numeric::Type::Float) {
    n.real = -n.real;
  } else {
    n.digits = -n.digits;
  }
  return n;
}

Numeric absolute(const Numeric& a) {
  Numeric n = a;
  if (n.type >= Numeric::Type::Float) {
    n.real = std::fabs(n.real);
  } else if (n.digits < 0) {
    n.digits = -n.digits;
  }
  return n;
}

namespace {

// Decimal rounding: mode -1 floor, 1 ceiling, 0 half up (towards +inf).
Numeric round_decimal(const Numeric& a, int mode) {
  if (a.type != Numeric::Type::Decimal || a.scale <= 0) return a;
  const BigInt unit = pow10(a.scale);
  BigInt q = a.digits / unit;  // truncates towards zero
  BigInt r = a.digits % unit;
  if (mode < 0 && r < 0) q -= 1;
  if (mode > 0 && r > 0) q += 1;
  if (mode == 0) {
    // floor(x + 0.5)
    BigInt doubled = a.digits * 2 + unit;
    BigInt twice = unit * 2;
    q = doubled / twice;
    if (doubled % twice < 0) q -= 1;
  }
  return Numeric::decimal(q, 0);
}

}  // namespace

Numeric ceiling(const Numeric& a) {
  if (a.type >= Numeric::Type::Float) return real_result(std::ceil(a.real), a.type);
  return normalise(round_decimal(a, 1));
}

Numeric floor_of(const Numeric& a) {
  if (a.type >= Numeric::Type::Float) return real_result(std::floor(a.real), a.type);
  return normalise(round_decimal(a, -1));
}

Numeric round_half_up(const Numeric& a) {
  if (a.type >= Numeric::Type::Float) {
    if (std::isnan(a.real) || std::isinf(a.real)) return a;
    return real_result(std::floor(a.real + 0.5), a.type);
  }
  return normalise(round_decimal(a, 0));
}

std::optional<int> compare(const Numeric& a, const Numeric& b) {
  const Numeric::Type type = promoted(a, b);
  if (type >= Numeric::Type::Float) {
    const double x = a.as_double(), y = b.as_double();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  BigInt x, y;
  int sx = 0, sy = 0, scale = 0;
  as_decimal(a, x, sx);
  as_decimal(b, y, sy);
  align(x, sx, y, sy, scale);
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace ng::graph::sparql
