// Result writers: query results as text, written as the rows come. CSV,
// TSV, JSON and XML follow the W3C SPARQL 1.1 result formats, with our own
// escaping (UTF-8 stays UTF-8).

#include <algorithm>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/sparql.hpp"
#include "graph/redland_rdfxml.hpp"
#include "graph/turtle_writer.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

namespace {

using ontology::Term;
using Values = std::vector<const Term*>;

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

std::string csv_field(const Term* value) {
  if (!value) return {};
  const std::string text = value->is_blank() ? "_:" + value->value : value->value;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
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

std::string graph_text(std::vector<ontology::Triple> triples, ResultFormat format) {
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
  if (format == ResultFormat::RdfXml) {
    detail::write_rdfxml(out, triples, prefixes);
  } else {
    write_turtle(out, triples, prefixes);
  }
  return out.str();
}


bool is_graph_format(ResultFormat format) {
  return format == ResultFormat::Turtle || format == ResultFormat::NTriples || format == ResultFormat::RdfXml;
}

// The formats for tables of solutions, and ASK.
class Writer : public ResultSink {
 public:
  Writer(ResultFormat format, std::ostream& out) : format_(format), out_(out) {}

  void begin_rows(const std::vector<std::string>& variables) override {
    if (is_graph_format(format_)) {
      throw QueryError("a SELECT result is a table: write it as table, CSV, TSV, JSON or XML");
    }
    variables_ = variables;
    switch (format_) {
      case ResultFormat::Csv: {
        std::string line;
        for (std::size_t c = 0; c < variables.size(); ++c) line += (c > 0 ? "," : "") + variables[c];
        out_ << line << "\r\n";
        break;
      }
      case ResultFormat::Tsv: {
        std::string line;
        for (std::size_t c = 0; c < variables.size(); ++c) line += (c > 0 ? "\t?" : "?") + variables[c];
        out_ << line << "\n";
        break;
      }
      case ResultFormat::Json: {
        std::string line = "{\n  \"head\": {\"vars\": [";
        for (std::size_t c = 0; c < variables.size(); ++c) line += (c > 0 ? ", " : "") + json_string(variables[c]);
        out_ << line << "]},\n  \"results\": {\"bindings\": [";
        break;
      }
      case ResultFormat::Xml: {
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n";
        for (const std::string& v : variables) out_ << "    <variable name=\"" << xml_text(v) << "\"/>\n";
        out_ << "  </head>\n  <results>\n";
        break;
      }
      default: break;
    }
  }

  bool row(const Values& values) override {
    switch (format_) {
      case ResultFormat::Table: table_row(values); break;
      case ResultFormat::Csv: {
        std::string line;
        for (std::size_t c = 0; c < values.size(); ++c) line += (c > 0 ? "," : "") + csv_field(values[c]);
        out_ << line << "\r\n";
        break;
      }
      case ResultFormat::Tsv: {
        std::string line;
        for (std::size_t c = 0; c < values.size(); ++c) {
          if (c > 0) line += '\t';
          if (values[c] != nullptr) line += ontology::to_ntriples(*values[c]);  // escapes tabs and newlines
        }
        out_ << line << "\n";
        break;
      }
      case ResultFormat::Json: out_ << json_row(values); break;
      case ResultFormat::Xml: out_ << xml_row(values); break;
      default: break;
    }
    ++rows_;
    return true;
  }

  void boolean(bool value) override {
    boolean_ = true;
    switch (format_) {
      case ResultFormat::Table: out_ << (value ? "true\n" : "false\n"); break;
      // The W3C CSV/TSV formats have no ASK form: one line, true or false,
      // so that scripts piping `newsgraph query` still get an answer.
      case ResultFormat::Csv: out_ << (value ? "true\r\n" : "false\r\n"); break;
      case ResultFormat::Tsv: out_ << (value ? "true\n" : "false\n"); break;
      case ResultFormat::Json:
        out_ << fmt::format("{{\n  \"head\": {{}},\n  \"boolean\": {}\n}}\n", value ? "true" : "false");
        break;
      case ResultFormat::Xml:
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
             << fmt::format("  <head/>\n  <boolean>{}</boolean>\n</sparql>\n", value ? "true" : "false");
        break;
      default:
        throw QueryError("an ASK result is true or false: write it as table, CSV, TSV, JSON or XML");
    }
  }

  void triples(const std::vector<ontology::Triple>& triples) override {
    if (!is_graph_format(format_)) {
      throw QueryError("a CONSTRUCT or DESCRIBE result is a graph: write it as Turtle or N-Triples");
    }
    out_ << graph_text(triples, format_);
  }

  void finish() override {
    if (boolean_) return;
    switch (format_) {
      case ResultFormat::Table:
        flush_table();
        out_ << fmt::format("{} {}\n", rows_, rows_ == 1 ? "row" : "rows");
        break;
      case ResultFormat::Json: out_ << (rows_ == 0 ? "]}\n}\n" : "\n  ]}\n}\n"); break;
      case ResultFormat::Xml: out_ << "  </results>\n</sparql>\n"; break;
      default: break;
    }
    out_.flush();
  }

 private:
  // Table: the first rows are held to size the columns; later rows are
  // written with those widths (a long value just pushes its line out).
  static constexpr std::size_t kSizingRows = 2000;

  void table_row(const Values& values) {
    std::vector<std::string> line;
    for (std::size_t c = 0; c < variables_.size(); ++c) line.push_back(c < values.size() && values[c] ? compact(*values[c]) : "");
    if (!table_flushed_) {
      held_.push_back(std::move(line));
      if (held_.size() >= kSizingRows) flush_table();
      return;
    }
    emit(line);
  }

  void flush_table() {
    if (table_flushed_) return;
    table_flushed_ = true;
    std::vector<std::string> header;
    for (const std::string& v : variables_) header.push_back("?" + v);
    widths_.assign(variables_.size(), 0);
    for (std::size_t c = 0; c < variables_.size(); ++c) widths_[c] = display_width(header[c]);
    for (const auto& line : held_) {
      for (std::size_t c = 0; c < variables_.size(); ++c) widths_[c] = std::max(widths_[c], display_width(line[c]));
    }
    emit(header);
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < variables_.size(); ++c) rule.emplace_back(std::max<std::size_t>(widths_[c], 1), '-');
    emit(rule);
    for (const auto& line : held_) emit(line);
    held_.clear();
  }

  void emit(const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      text += line[c];
      const std::size_t width = display_width(line[c]);
      if (c + 1 < line.size()) text += std::string(widths_[c] > width ? widths_[c] - width + 2 : 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out_ << text << "\n";
  }

  std::string json_row(const Values& values) const {
    std::string out = rows_ > 0 ? ",\n    {" : "\n    {";
    bool first = true;
    for (std::size_t c = 0; c < values.size() && c < variables_.size(); ++c) {
      const Term* value = values[c];
      if (value == nullptr) continue;  // unbound: no entry
      out += first ? "" : ", ";
      first = false;
      out += json_string(variables_[c]) + ": {\"type\": ";
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
    return out + "}";
  }

  std::string xml_row(const Values& values) const {
    std::string out = "    <result>\n";
    for (std::size_t c = 0; c < values.size() && c < variables_.size(); ++c) {
      if (values[c] == nullptr) continue;
      const Term& value = *values[c];
      out += "      <binding name=\"" + xml_text(variables_[c]) + "\">";
      switch (value.kind) {
        case Term::Kind::Iri: out += "<uri>" + xml_text(value.value) + "</uri>"; break;
        case Term::Kind::Blank: out += "<bnode>" + xml_text(value.value) + "</bnode>"; break;
        case Term::Kind::Literal:
          out += "<literal";
          if (!value.language.empty()) out += " xml:lang=\"" + xml_text(value.language) + "\"";
          if (value.language.empty() && !value.datatype.empty()) out += " datatype=\"" + xml_text(value.datatype) + "\"";
          out += ">" + xml_text(value.value) + "</literal>";
          break;
      }
      out += "</binding>\n";
    }
    return out + "    </result>\n";
  }

  ResultFormat format_;
  std::ostream& out_;
  std::vector<std::string> variables_;
  std::size_t rows_ = 0;
  bool boolean_ = false;
  bool table_flushed_ = false;
  std::vector<std::vector<std::string>> held_;
  std::vector<std::size_t> widths_;
};

}  // namespace

std::unique_ptr<ResultSink> make_result_writer(ResultFormat format, std::ostream& out) {
  return std::make_unique<Writer>(format, out);
}

std::string format_result(const QueryResult& result, ResultFormat format) {
  std::ostringstream out;
  Writer writer(format, out);
  switch (result.kind) {
    case QueryResult::Kind::Graph: writer.triples(result.triples); return out.str();
    case QueryResult::Kind::Boolean: writer.boolean(result.boolean); break;
    case QueryResult::Kind::Bindings: {
      writer.begin_rows(result.variables);
      Values values;
      for (const auto& row : result.rows) {
        values.clear();
        for (const auto& v : row) values.push_back(v ? &*v : nullptr);
        writer.row(values);
      }
      break;
    }
  }
  writer.finish();
  return out.str();
}

}  // namespace ng::graph
