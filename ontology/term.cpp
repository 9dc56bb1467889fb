#include "ontology/term.hpp"

#include <fmt/format.h>

#include "ontology/vocabulary.hpp"

namespace ng::ontology {

namespace {

void append_escaped(std::string& out, std::string_view text, bool iri) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (iri) {
      // Characters N-Triples forbids raw inside an IRIREF.
      if (byte <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
          c == '^' || c == '`' || c == '\\') {
        out += fmt::format("\\u{:04X}", byte);
      } else {
        out += c;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          out += fmt::format("\\u{:04X}", byte);
        } else {
          out += c;
        }
    }
  }
}

}  // namespace

std::string to_ntriples(const Term& term) {
  std::string out;
  switch (term.kind) {
    case Term::Kind::Iri:
      out += '<';
      append_escaped(out, term.value, true);
      out += '>';
      break;
    case Term::Kind::Blank:
      out += "_:";
      out += term.value;
      break;
    case Term::Kind::Literal:
      out += '"';
      append_escaped(out, term.value, false);
      out += '"';
      if (!term.language.empty()) {
        out += '@';
        out += term.language;
      } else if (!term.datatype.empty() && term.datatype != vocab::xsd::kString) {
        out += "^^<";
        append_escaped(out, term.datatype, true);
        out += '>';
      }
      break;
  }
  return out;
}

}  // namespace ng::ontology
