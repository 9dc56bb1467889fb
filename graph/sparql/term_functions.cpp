// Functions on RDF terms, numbers and dates (SPARQL 1.1 sections 17.4.2,
// 17.4.4, 17.4.5), and the dispatch of all built-in calls.
#include <fmt/format.h>

#include "graph/sparql/compare.hpp"
#include "graph/sparql/datetime.hpp"
#include "graph/sparql/functions.hpp"
#include "graph/sparql/iri.hpp"
#include "graph/sparql/numeric.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

namespace {

using ontology::Term;
namespace xsd = ontology::vocab::xsd;

constexpr std::string_view kLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

Value simple(std::string value) { return Value::of(Term::literal(std::move(value))); }

std::string uuid(std::mt19937_64& random) {
  const std::uint64_t a = random(), b = random();
  std::uint8_t bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<std::uint8_t>(a >> (8 * i));
    bytes[8 + i] = static_cast<std::uint8_t>(b >> (8 * i));
  }
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", bytes[i]);
  }
  return out;
}

Value integer(std::int64_t v) { return Value::of(to_term(Numeric::integer(BigInt(v)))); }

Value date_part(Builtin builtin, const Value& arg, const TermTable& terms) {
  if (!arg.ok()) return {};
  const auto dt = parse_datetime(arg.term(terms));
  if (!dt) return {};
  switch (builtin) {
    case Builtin::Year: return Value::of(to_term(Numeric::integer(BigInt(dt->year))));
    case Builtin::Month: return integer(dt->month);
    case Builtin::Day: return integer(dt->day);
    case Builtin::Hours: return integer(dt->hour);
    case Builtin::Minutes: return integer(dt->minute);
    case Builtin::Seconds: return Value::of(Term::literal(seconds_lexical(*dt), std::string(kXsdDecimal)));
    case Builtin::Timezone: {
      const auto duration = timezone_duration(*dt);
      if (!duration) return {};
      return Value::of(Term::literal(*duration, std::string(kXsdDayTimeDuration)));
    }
    default: return simple(timezone_text(*dt));
  }
}

Value numeric_function(Builtin builtin, const Value& arg, const TermTable& terms) {
  if (!arg.ok()) return {};
  const auto n = parse_numeric(arg.term(terms));
  if (!n) return {};
  switch (builtin) {
    case Builtin::Abs: return Value::of(to_term(absolute(*n)));
    case Builtin::Ceil: return Value::of(to_term(ceiling(*n)));
    case Builtin::Floor: return Value::of(to_term(floor_of(*n)));
    default: return Value::of(to_term(round_half_up(*n)));
  }
}

}  // namespace

Value Value::boolean(bool b) { return Value::of(Term::literal(b ? "true" : "false", std::string(xsd::kBoolean))); }

namespace functions {

Value term_function(Builtin builtin, std::span<const Value> args, FunctionContext& context) {
  const TermTable& terms = context.terms;
  const auto arg = [&](std::size_t i) -> const Term* { return args[i].ok() ? &args[i].term(terms) : nullptr; };
  switch (builtin) {
    case Builtin::Str: {
      const Term* t = arg(0);
      if (t == nullptr || t->is_blank()) return {};
      return simple(t->value);
    }
    case Builtin::Lang: {
      const Term* t = arg(0);
      if (t == nullptr || !t->is_literal()) return {};
      return simple(t->language);
    }
    case Builtin::Datatype: {
      const Term* t = arg(0);
      if (t == nullptr || !t->is_literal()) return {};
      if (!t->language.empty()) return Value::of(Term::iri(std::string(kLangString)));
      return Value::of(Term::iri(t->datatype.empty() ? std::string(xsd::kString) : t->datatype));
    }
    case Builtin::Iri: {
      const Term* t = arg(0);
      if (t == nullptr) return {};
      if (t->is_iri()) return args[0];
      if (!is_simple_string(*t)) return {};
      if (has_scheme(t->value)) return Value::of(Term::iri(t->value));
      if (context.base.empty()) return {};
      return Value::of(Term::iri(resolve_iri(context.base, t->value)));
    }
    case Builtin::Bnode: {
      if (args.empty()) return Value::of(Term::blank(fmt::format("qb{}", ++context.blank_counter)));
      const Term* t = arg(0);
      if (t == nullptr || !is_simple_string(*t)) return {};
      if (context.labels_solution != context.solution) {
        context.labels.clear();
        context.labels_solution = context.solution;
      }
      auto [it, added] = context.labels.try_emplace(t->value);
      if (added) it->second = fmt::format("qb{}", ++context.blank_counter);
      return Value::of(Term::blank(it->second));
    }
    case Builtin::Rand: {
      std::uniform_real_distribution<double> unit(0.0, 1.0);
      return Value::of(Term::literal(canonical_double(unit(context.random)), std::string(xsd::kDouble)));
    }
    case Builtin::Abs:
    case Builtin::Ceil:
    case Builtin::Floor:
    case Builtin::Round:
      return numeric_function(builtin, args[0], terms);
    case Builtin::Year:
    case Builtin::Month:
    case Builtin::Day:
    case Builtin::Hours:
    case Builtin::Minutes:
    case Builtin::Seconds:
    case Builtin::Timezone:
    case Builtin::Tz:
      return date_part(builtin, args[0], terms);
    case Builtin::Now: return Value::of(Term::literal(context.now, std::string(kXsdDateTime)));
    case Builtin::Uuid: return Value::of(Term::iri("urn:uuid:" + uuid(context.random)));
    case Builtin::StrUuid: return simple(uuid(context.random));
    case Builtin::StrLang: {
      const Term* value = arg(0);
      const Term* language = arg(1);
      if (value == nullptr || language == nullptr || !is_simple_string(*value) || !is_simple_string(*language) ||
          language->value.empty()) {
        return {};
      }
      return Value::of(Term::literal(value->value, {}, language->value));
    }
    case Builtin::StrDt: {
      const Term* value = arg(0);
      const Term* datatype = arg(1);
      if (value == nullptr || datatype == nullptr || !is_simple_string(*value) || !datatype->is_iri()) return {};
      return Value::of(Term::literal(value->value, datatype->value));
    }
    case Builtin::SameTerm: {
      if (arg(0) == nullptr || arg(1) == nullptr) return {};
      return Value::boolean(same_term(*arg(0), *arg(1)));
    }
    case Builtin::IsIri:
    case Builtin::IsBlank:
    case Builtin::IsLiteral: {
      const Term* t = arg(0);
      if (t == nullptr) return {};
      return Value::boolean(builtin == Builtin::IsIri ? t->is_iri()
                                                      : (builtin == Builtin::IsBlank ? t->is_blank() : t->is_literal()));
    }
    case Builtin::IsNumeric: {
      const Term* t = arg(0);
      if (t == nullptr) return {};
      return Value::boolean(parse_numeric(*t).has_value());
    }
    default:
      return {};
  }
}

}  // namespace functions

Value call_builtin(Builtin builtin, std::span<const Value> args, std::span<const bool> constant_arguments,
                   FunctionContext& context) {
  switch (builtin) {
    case Builtin::StrLen:
    case Builtin::Substr:
    case Builtin::Ucase:
    case Builtin::Lcase:
    case Builtin::StrStarts:
    case Builtin::StrEnds:
    case Builtin::Contains:
    case Builtin::StrBefore:
    case Builtin::StrAfter:
    case Builtin::Concat:
    case Builtin::EncodeForUri:
    case Builtin::LangMatches:
    case Builtin::Regex:
    case Builtin::Replace:
    case Builtin::Md5:
    case Builtin::Sha1:
    case Builtin::Sha256:
    case Builtin::Sha384:
    case Builtin::Sha512:
      return functions::string_function(builtin, args, constant_arguments, context);
    default:
      return functions::term_function(builtin, args, context);
  }
}

}  // namespace ng::graph::sparql
