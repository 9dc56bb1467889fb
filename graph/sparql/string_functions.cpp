// The string functions of SPARQL 1.1 (section 17.4.3), on code points.
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>

#include <fmt/format.h>

#include <cmath>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/sparql/compare.hpp"
#include "graph/sparql/functions.hpp"
#include "graph/sparql/numeric.hpp"

namespace ng::graph::sparql::functions {

namespace {

using ontology::Term;

struct Text {
  std::string value;
  std::string language;
};

// A string literal argument (simple, xsd:string or language-tagged).
std::optional<Text> text(const Value& v, const TermTable& terms) {
  if (!v.ok()) return std::nullopt;
  const Term& t = v.term(terms);
  if (!is_string_literal(t)) return std::nullopt;
  return Text{t.value, t.language};
}

Value result(std::string value, std::string language = {}) { return Value::of(Term::literal(std::move(value), {}, std::move(language))); }

// Argument compatibility (17.4.3.1.2): both simple, the same language, or
// a language-tagged first argument with a simple second.
bool compatible(const Text& a, const Text& b) { return b.language.empty() || a.language == b.language; }

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) out.push_back(next_code_point(utf8, i));
  return out;
}

std::string utf8(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

std::optional<double> number(const Value& v, const TermTable& terms) {
  if (!v.ok()) return std::nullopt;
  const auto n = parse_numeric(v.term(terms));
  if (!n) return std::nullopt;
  return n->as_double();
}

double xpath_round(double x) { return std::floor(x + 0.5); }

Value substring(std::span<const Value> args, const TermTable& terms) {
  const auto source = text(args[0], terms);
  const auto start = number(args[1], terms);
  if (!source || !start) return {};
  std::optional<double> length;
  if (args.size() == 3) {
    length = number(args[2], terms);
    if (!length) return {};
  }
  const std::u32string cps = code_points(source->value);
  const double first = xpath_round(*start);
  const double end = length ? first + xpath_round(*length) : 0;
  std::u32string out;
  for (std::size_t p = 1; p <= cps.size(); ++p) {
    const auto position = static_cast<double>(p);
    if (position >= first && (!length || position < end)) out.push_back(cps[p - 1]);
  }
  return result(utf8(out), source->language);
}

std::string change_case(const std::string& value, bool upper) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(value);
  if (upper) {
    s.toUpper(icu::Locale::getRoot());
  } else {
    s.toLower(icu::Locale::getRoot());
  }
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string encode_for_uri(const std::string& value) {
  std::string out;
  for (char c : value) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' ||
        b == '.' || b == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", b);
    }
  }
  return out;
}

template <class Context, std::size_t Size>
std::string digest(const std::string& value, void (*init)(Context*),
                   void (*update)(Context*, std::size_t, const std::uint8_t*),
                   void (*finish)(Context*, std::size_t, std::uint8_t*)) {
  Context context;
  init(&context);
  update(&context, value.size(), reinterpret_cast<const std::uint8_t*>(value.data()));
  std::uint8_t out[Size];
  finish(&context, Size, out);
  std::string hex;
  for (std::uint8_t b : out) hex += fmt::format("{:02x}", b);
  return hex;
}

Value hash(Builtin builtin, const Value& arg, const TermTable& terms) {
  if (!arg.ok() || !is_simple_string(arg.term(terms))) return {};
  const std::string& value = arg.term(terms).value;
  switch (builtin) {
    case Builtin::Md5: return result(digest<md5_ctx, MD5_DIGEST_SIZE>(value, md5_init, md5_update, md5_digest));
    case Builtin::Sha1: return result(digest<sha1_ctx, SHA1_DIGEST_SIZE>(value, sha1_init, sha1_update, sha1_digest));
    case Builtin::Sha256:
      return result(digest<sha256_ctx, SHA256_DIGEST_SIZE>(value, sha256_init, sha256_update, sha256_digest));
    case Builtin::Sha384:
      return result(digest<sha384_ctx, SHA384_DIGEST_SIZE>(value, sha384_init, sha384_update, sha384_digest));
    default:
      return result(digest<sha512_ctx, SHA512_DIGEST_SIZE>(value, sha512_init, sha512_update, sha512_digest));
  }
}

// REGEX and REPLACE: the compiled pattern, or an error; a bad pattern or
// flags written in the query itself is a QueryError.
const icu::RegexPattern* pattern_of(std::span<const Value> args, std::size_t pattern_index, std::size_t flags_index,
                                    std::span<const bool> constant, FunctionContext& context) {
  const auto pattern = text(args[pattern_index], context.terms);
  if (!pattern || !pattern->language.empty()) return nullptr;
  std::string flags;
  if (flags_index < args.size()) {
    const auto f = text(args[flags_index], context.terms);
    if (!f || !f->language.empty()) return nullptr;
    flags = f->value;
  }
  std::string error;
  const icu::RegexPattern* compiled = context.regexes.get(pattern->value, flags, error);
  const bool written = constant[pattern_index] && (flags_index >= args.size() || constant[flags_index]);
  if (compiled == nullptr && written) throw QueryError(error);
  return compiled;
}

}  // namespace

Value string_function(Builtin builtin, std::span<const Value> args, std::span<const bool> constant,
                      FunctionContext& context) {
  const TermTable& terms = context.terms;
  switch (builtin) {
    case Builtin::StrLen: {
      const auto s = text(args[0], terms);
      if (!s) return {};
      return Value::of(to_term(Numeric::integer(BigInt(count_code_points(s->value)))));
    }
    case Builtin::Substr: return substring(args, terms);
    case Builtin::Ucase:
    case Builtin::Lcase: {
      const auto s = text(args[0], terms);
      if (!s) return {};
      return result(change_case(s->value, builtin == Builtin::Ucase), s->language);
    }
    case Builtin::StrStarts:
    case Builtin::StrEnds:
    case Builtin::Contains:
    case Builtin::StrBefore:
    case Builtin::StrAfter: {
      const auto a = text(args[0], terms);
      const auto b = text(args[1], terms);
      if (!a || !b || !compatible(*a, *b)) return {};
      if (builtin == Builtin::StrStarts) return Value::boolean(a->value.starts_with(b->value));
      if (builtin == Builtin::StrEnds) return Value::boolean(a->value.ends_with(b->value));
      if (builtin == Builtin::Contains) return Value::boolean(a->value.find(b->value) != std::string::npos);
      const std::size_t at = a->value.find(b->value);
      if (at == std::string::npos) return result("");
      if (builtin == Builtin::StrBefore) return result(a->value.substr(0, at), a->language);
      return result(a->value.substr(at + b->value.size()), a->language);
    }
    case Builtin::Concat: {
      std::string value;
      std::optional<std::string> language;
      for (const Value& arg : args) {
        const auto s = text(arg, terms);
        if (!s) return {};
        value += s->value;
        if (!language) {
          language = s->language;
        } else if (*language != s->language) {
          language = std::string();
        }
      }
      return result(std::move(value), language.value_or(std::string()));
    }
    case Builtin::EncodeForUri: {
      const auto s = text(args[0], terms);
      if (!s) return {};
      return result(encode_for_uri(s->value));
    }
    case Builtin::LangMatches: {
      const auto tag = text(args[0], terms);
      const auto range = text(args[1], terms);
      if (!tag || !range || !tag->language.empty() || !range->language.empty()) return {};
      if (range->value == "*") return Value::boolean(!tag->value.empty());
      const std::string t = change_case(tag->value, false), r = change_case(range->value, false);
      return Value::boolean(t == r || (t.starts_with(r) && t.size() > r.size() && t[r.size()] == '-'));
    }
    case Builtin::Regex: {
      const auto s = text(args[0], terms);
      const icu::RegexPattern* pattern = pattern_of(args, 1, 2, constant, context);
      if (!s || pattern == nullptr) return {};
      return Value::boolean(RegexCache::find(*pattern, s->value));
    }
    case Builtin::Replace: {
      const auto s = text(args[0], terms);
      const auto replacement = text(args[2], terms);
      const icu::RegexPattern* pattern = pattern_of(args, 1, 3, constant, context);
      if (!s || !replacement || !replacement->language.empty() || pattern == nullptr) return {};
      auto replaced = RegexCache::replace(*pattern, s->value, replacement->value);
      if (!replaced) return {};
      return result(std::move(*replaced), s->language);
    }
    case Builtin::Md5:
    case Builtin::Sha1:
    case Builtin::Sha256:
    case Builtin::Sha384:
    case Builtin::Sha512:
      return hash(builtin, args[0], terms);
    default:
      return {};
  }
}

}  // namespace ng::graph::sparql::functions
