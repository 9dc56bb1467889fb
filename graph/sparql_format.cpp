// format_result: query results as text. CSV, TSV, JSON and XML follow the
// W3C SPARQL 1.1 result formats; they are written here rather than by
// librdf so that escaping is ours (librdf's JSON escapes all non-ASCII as
// \uXXXX; newsgraph keeps UTF-8).

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/sparql.hpp"
#include "graph/turtle_writer.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

namespace {

using ontology::Term;
using Row = std::vector<std::optional<Term>>;

// Display width of one code point in a terminal: 2 for East Asian wide
// and emoji ranges, 0 for combining marks, else 1. An approximation of
// wcwidth() that does not depend on the locale.
std::size_t display_width(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return 0;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
      (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += display_width(next_code_point(utf8, i));
  return width;
}

// Compact spelling for people: prefixed names, bare lexical forms, the
// language tag kept, line breaks shown as \n so rows stay on one line.
std::string compact(const Term& term) {
  switch (term.kind) {
    case Term::Kind::Iri:
      for (const auto& [prefix, ns] : ontology::vocab::kPrefixes) {
        if (term.value.starts_with(ns) && term.value.size() > ns.size() &&
            term.value.find_first_of("/#?", ns.size()) == std::string::npos) {
          return fmt::format("{}:{}", prefix, std::string_view(term.value).substr(ns.size()));
        }
      }
      return "<" + term.value + ">";
    case Term::Kind::Blank:
      return "_:" + term.value;
    case Term::Kind::Literal:
      break;
  }
  std::string text;
  for (char c : term.value) {
    if (c == '\n') {
      text += "\\n";
    } else if (c == '\r') {
      text += "\\r";
    } else if (c == '\t') {
      text += "\\t";
    } else {
      text += c;
    }
  }
  if (!term.language.empty()) text += "@" + term.language;
  return text;
}

std::string table(const QueryResult& result) {
  if (result.kind == QueryResult::Kind::Boolean) return result.boolean ? "true\n" : "false\n";
  const std::size_t columns = result.variables.size();
  std::vector<std::vector<std::string>> cells;
  cells.emplace_back();
  for (const std::string& v : result.variables) cells.back().push_back("?" + v);
  for (const Row& row : result.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t c = 0; c < columns; ++c) line.push_back(c < row.size() && row[c] ? compact(*row[c]) : "");
  }
  std::vector<std::size_t> widths(columns, 0);
  for (const auto& line : cells) {
    for (std::size_t c = 0; c < columns; ++c) widths[c] = std::max(widths[c], display_width(line[c]));
  }
  std::string out;
  const auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t c = 0; c < columns; ++c) {
      text += line[c];
      if (c + 1 < columns) text += std::string(widths[c] - display_width(line[c]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  emit(cells[0]);
  std::vector<std::string> rule;
  for (std::size_t c = 0; c < columns; ++c) rule.emplace_back(std::max<std::size_t>(widths[c], 1), '-');
  emit(rule);
  for (std::size_t r = 1; r < cells.size(); ++r) emit(cells[r]);
  out += fmt::format("{} {}\n", result.rows.size(), result.rows.size() == 1 ? "row" : "rows");
  return out;
}

std::string csv_field(const std::optional<Term>& value) {
  if (!value) return {};
  const std::string text = value->is_blank() ? "_:" + value->value : value->value;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csv(const QueryResult& result) {
  std::string out;
  for (std::size_t c = 0; c < result.variables.size(); ++c) out += (c > 0 ? "," : "") + result.variables[c];
  out += "\r\n";
  for (const Row& row : result.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c > 0 ? "," : "") + csv_field(row[c]);
    out += "\r\n";
  }
  return out;
}

std::string tsv(const QueryResult& result) {
  std::string out;
  for (std::size_t c = 0; c < result.variables.size(); ++c) out += (c > 0 ? "\t?" : "?") + result.variables[c];
  out += "\n";
  for (const Row& row : result.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += '\t';
      if (row[c]) out += ontology::to_ntriples(*row[c]);  // escapes tabs and newlines
    }
    out += "\n";
  }
  return out;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out += c;  // UTF-8 stays UTF-8
        }
    }
  }
  return out + "\"";
}

std::string json(const QueryResult& result) {
  if (result.kind == QueryResult::Kind::Boolean) {
    return fmt::format("{{\n  \"head\": {{}},\n  \"boolean\": {}\n}}\n", result.boolean ? "true" : "false");
  }
  std::string out = "{\n  \"head\": {\"vars\": [";
  for (std::size_t c = 0; c < result.variables.size(); ++c) {
    out += (c > 0 ? ", " : "") + json_string(result.variables[c]);
  }
  out += "]},\n  \"results\": {\"bindings\": [";
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    out += r > 0 ? ",\n    {" : "\n    {";
    bool first = true;
    for (std::size_t c = 0; c < result.rows[r].size() && c < result.variables.size(); ++c) {
      const auto& value = result.rows[r][c];
      if (!value) continue;  // unbound: no entry
      out += first ? "" : ", ";
      first = false;
      out += json_string(result.variables[c]) + ": {\"type\": ";
      switch (value->kind) {
        case Term::Kind::Iri: out += "\"uri\""; break;
        case Term::Kind::Blank: out += "\"bnode\""; break;
        case Term::Kind::Literal: out += "\"literal\""; break;
      }
      out += ", \"value\": " + json_string(value->value);
      if (!value->language.empty()) out += ", \"xml:lang\": " + json_string(value->language);
      if (value->language.empty() && !value->datatype.empty()) out += ", \"datatype\": " + json_string(value->datatype);
      out += "}";
    }
    out += "}";
  }
  out += result.rows.empty() ? "]}\n}\n" : "\n  ]}\n}\n";
  return out;
}

// XML text: escapes markup, keeps CR through parsing, and replaces the
// control characters XML 1.0 cannot carry at all with U+FFFD.
std::string xml_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#xD;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string xml(const QueryResult& result) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";
  if (result.kind == QueryResult::Kind::Boolean) {
    return out + fmt::format("  <head/>\n  <boolean>{}</boolean>\n</sparql>\n", result.boolean ? "true" : "false");
  }
  out += "  <head>\n";
  for (const std::string& v : result.variables) out += "    <variable name=\"" + xml_text(v) + "\"/>\n";
  out += "  </head>\n  <results>\n";
  for (const Row& row : result.rows) {
    out += "    <result>\n";
    for (std::size_t c = 0; c < row.size() && c < result.variables.size(); ++c) {
      if (!row[c]) continue;
      const Term& value = *row[c];
      out += "      <binding name=\"" + xml_text(result.variables[c]) + "\">";
      switch (value.kind) {
        case Term::Kind::Iri: out += "<uri>" + xml_text(value.value) + "</uri>"; break;
        case Term::Kind::Blank: out += "<bnode>" + xml_text(value.value) + "</bnode>"; break;
        case Term::Kind::Literal:
          out += "<literal";
          if (!value.language.empty()) out += " xml:lang=\"" + xml_text(value.language) + "\"";
          if (value.language.empty() && !value.datatype.empty()) {
            out += " datatype=\"" + xml_text(value.datatype) + "\"";
          }
          out += ">" + xml_text(value.value) + "</literal>";
          break;
      }
      out += "</binding>\n";
    }
    out += "    </result>\n";
  }
  return out + "  </results>\n</sparql>\n";
}

std::string graph_text(const QueryResult& result, ResultFormat format) {
  std::vector<ontology::Triple> triples = result.triples;
  sort_for_turtle(triples);
  if (format == ResultFormat::NTriples) {
    std::vector<std::string> lines;
    for (const auto& t : triples) {
      lines.push_back(ontology::to_ntriples(t.subject) + " " + ontology::to_ntriples(t.predicate) + " " +
                      ontology::to_ntriples(t.object) + " .\n");
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& line : lines) out += line;
    return out;
  }
  PrefixList prefixes;
  for (const auto& [prefix, iri] : ontology::vocab::kPrefixes) prefixes.emplace_back(prefix, iri);
  std::ostringstream out;
  write_turtle(out, triples, prefixes);
  return out.str();
}

}  // namespace

std::string format_result(const QueryResult& result, ResultFormat format) {
  const bool graph_format = format == ResultFormat::Turtle || format == ResultFormat::NTriples;
  switch (result.kind) {
    case QueryResult::Kind::Graph:
      if (!graph_format) {
        throw QueryError("a CONSTRUCT or DESCRIBE result is a graph: write it as Turtle or N-Triples");
      }
      return graph_text(result, format);
    case QueryResult::Kind::Boolean:
      if (graph_format) throw QueryError("an ASK result is true or false: write it as table, CSV, TSV, JSON or XML");
      // The W3C CSV/TSV formats have no ASK form: one line, true or false,
      // so that scripts piping `newsgraph query` still get an answer.
      if (format == ResultFormat::Csv) return result.boolean ? "true\r\n" : "false\r\n";
      if (format == ResultFormat::Tsv) return result.boolean ? "true\n" : "false\n";
      break;
    case QueryResult::Kind::Bindings:
      if (graph_format) throw QueryError("a SELECT result is a table: write it as table, CSV, TSV, JSON or XML");
      break;
  }
  switch (format) {
    case ResultFormat::Table: return table(result);
    case ResultFormat::Csv: return csv(result);
    case ResultFormat::Tsv: return tsv(result);
    case ResultFormat::Json: return json(result);
    case ResultFormat::Xml: return xml(result);
    case ResultFormat::Turtle:
    case ResultFormat::NTriples: break;
  }
  return {};
}

}  // namespace ng::graph
