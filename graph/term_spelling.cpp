#include "graph/term_spelling.hpp"

#include <xxhash.h>


namespace ng::graph {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

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
bool unescape(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= text.size()) return false;
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
  }
  return true;
}

}  // namespace

void append_spelling(std::string& out, const ontology::Term& term) {
  // to_ntriples already spells "x"^^xsd:string as "x".
  out += ontology::to_ntriples(term);
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
  // The closing quote: the first unescaped '"' after the opening one.
  std::size_t end = 1;
  while (end < s.size() && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
  if (end >= s.size()) return std::nullopt;
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
