#include "graph/term_spelling.hpp"

#include <xxhash.h>

#include "common/unicode.hpp"
#include "ontology/vocabulary.hpp"


namespace ng::graph {

namespace {

std::optional<std::uint32_t> hex_value(std::string_view digits) {
  std::uint32_t value = 0;
  for (char c : digits) {
    value <<= 4;
    if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
    else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
    else return std::nullopt;
  }
  return value;
}

// Unescapes `text` (an IRI's or a literal's inside); false on a bad escape.
// Runs without a backslash (nearly all text) are copied whole.
bool unescape(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t slash = text.find('\\', i);
    if (slash == std::string_view::npos) {
      out.append(text.data() + i, text.size() - i);
      return true;
    }
    out.append(text.data() + i, slash - i);
    i = slash + 1;
    if (i >= text.size()) return false;
    switch (text[i]) {
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case '"': out += '"'; break;
      case '\'': out += '\''; break;
      case '\\': out += '\\'; break;
      case 'u':
      case 'U': {
        const std::size_t n = text[i] == 'u' ? 4 : 8;
        if (i + n >= text.size()) return false;  // the digits are text[i+1 .. i+n]
        const auto cp = hex_value(text.substr(i + 1, n));
        if (!cp || *cp > 0x10FFFF) return false;
        append_utf8(out, *cp);
        i += n;
        break;
      }
      default:
        return false;
    }
    ++i;
  }
  return true;
}

}  // namespace

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_u_escape(std::string& out, unsigned char byte) {
  out += "\\u00";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

// What ontology::to_ntriples writes, appended in runs: the bytes that need
// no escape are copied together (the usual case is no escape at all).
void append_iri(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const char c = text[i];
    if (byte <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`' || c == '\\') {
      out.append(text.data() + run, i - run);
      append_u_escape(out, byte);
      run = i + 1;
    }
  }
  out.append(text.data() + run, text.size() - run);
}

void append_lexical(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\' && byte != 0x7F) continue;
    out.append(text.data() + run, i - run);
    switch (text[i]) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: append_u_escape(out, byte);
    }
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

void append_spelling(std::string& out, const ontology::Term& term) {
  switch (term.kind) {
    case ontology::Term::Kind::Iri:
      out += '<';
      append_iri(out, term.value);
      out += '>';
      return;
    case ontology::Term::Kind::Blank:
      out += "_:";
      out += term.value;
      return;
    case ontology::Term::Kind::Literal:
      out += '"';
      append_lexical(out, term.value);
      out += '"';
      if (!term.language.empty()) {
        out += '@';
        out += term.language;
      } else if (!term.datatype.empty() && term.datatype != ontology::vocab::xsd::kString) {
        // "x"^^xsd:string is "x" (RDF 1.1): one term, one spelling.
        out += "^^<";
        append_iri(out, term.datatype);
        out += '>';
      }
      return;
  }
}

std::string spelling_of(const ontology::Term& term) {
  std::string out;
  append_spelling(out, term);
  return out;
}

std::optional<ontology::Term> term_of_spelling(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') {
    std::string iri;
    if (!unescape(s.substr(1, s.size() - 2), iri)) return std::nullopt;
    return ontology::Term::iri(std::move(iri));
  }
  if (s.size() >= 2 && s.substr(0, 2) == "_:") return ontology::Term::blank(std::string(s.substr(2)));
  if (s.empty() || s.front() != '"') return std::nullopt;
  // The closing quote is the last '"': a language tag has none, and a
  // datatype IRI spells '"' as \u0022.
  const std::size_t end = s.rfind('"');
  if (end == 0) return std::nullopt;
  std::string value;
  if (!unescape(s.substr(1, end - 1), value)) return std::nullopt;
  const std::string_view rest = s.substr(end + 1);
  if (rest.empty()) return ontology::Term::literal(std::move(value));
  if (rest.front() == '@' && rest.size() > 1) {
    return ontology::Term::literal(std::move(value), {}, std::string(rest.substr(1)));
  }
  if (rest.size() > 4 && rest.substr(0, 3) == "^^<" && rest.back() == '>') {
    std::string datatype;
    if (!unescape(rest.substr(3, rest.size() - 4), datatype)) return std::nullopt;
    return ontology::Term::literal(std::move(value), std::move(datatype));
  }
  return std::nullopt;
}

std::string iri_of_spelling(std::string_view s) {
  if (!spells_iri(s) || s.size() < 2) return {};
  const std::string_view inside = s.substr(1, s.size() - 2);
  if (inside.find('\\') == std::string_view::npos) return std::string(inside);
  std::string iri;
  if (!unescape(inside, iri)) return {};
  return iri;
}

std::uint64_t spelling_hash(std::string_view spelling) noexcept { return XXH3_64bits(spelling.data(), spelling.size()); }

}  // namespace ng::graph
