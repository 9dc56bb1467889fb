#include "graph/redland_rdfxml.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/redland.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::detail {

using namespace redland;

namespace {

const unsigned char* bytes(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.c_str()); }

struct Output {
  std::ostream* out;
  std::string error;  // raptor's first error message
};

int write_byte(void* context, const int byte) noexcept {
  auto* output = static_cast<Output*>(context);
  output->out->put(static_cast<char>(byte));
  return output->out->good() ? 0 : 1;
}

int write_bytes(void* context, const void* data, size_t size, size_t count) noexcept {
  auto* output = static_cast<Output*>(context);
  output->out->write(static_cast<const char*>(data), static_cast<std::streamsize>(size * count));
  return output->out->good() ? static_cast<int>(count) : 0;
}

void log_handler(void* user_data, raptor_log_message* message) noexcept {
  auto* output = static_cast<Output*>(user_data);
  if (message->level < RAPTOR_LOG_LEVEL_ERROR || !output->error.empty()) return;
  try {
    output->error = message->text != nullptr ? message->text : "unknown error";
  } catch (...) {
    // Never throw into C.
  }
}

using RaptorTermPtr = std::unique_ptr<raptor_term, CDeleter<raptor_free_term>>;

RaptorTermPtr make_term(raptor_world* world, const ontology::Term& term) {
  switch (term.kind) {
    case ontology::Term::Kind::Iri:
      return RaptorTermPtr(raptor_new_term_from_counted_uri_string(world, bytes(term.value), term.value.size()));
    case ontology::Term::Kind::Blank:
      return RaptorTermPtr(raptor_new_term_from_counted_blank(world, bytes(term.value), term.value.size()));
    case ontology::Term::Kind::Literal:
      break;
  }
  RaptorUriPtr datatype;
  if (term.language.empty() && !term.datatype.empty()) {
    datatype.reset(raptor_new_uri_from_counted_string(world, bytes(term.datatype), term.datatype.size()));
  }
  // Copies the datatype URI (it takes a reference of its own).
  return RaptorTermPtr(raptor_new_term_from_counted_literal(world, bytes(term.value), term.value.size(), datatype.get(),
                                                            term.language.empty() ? nullptr : bytes(term.language),
                                                            static_cast<unsigned char>(term.language.size())));
}

// Whether raptor can write `iri` as an XML element name (namespace +
// local name): the part after the last '/' or '#' must be an NCName.
bool splits_into_qname(const std::string& iri) {
  const std::size_t cut = iri.find_last_of("/#");
  const std::string_view local = std::string_view(iri).substr(cut == std::string::npos ? 0 : cut + 1);
  if (local.empty() || !(std::isalpha(static_cast<unsigned char>(local[0])) != 0 || local[0] == '_')) return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
  });
}

// "rdfxml-abbrev" writes typed nodes (<schema:Person rdf:about=...>) and
// fails on a class IRI it cannot split ("…/e/396"); plain "rdfxml" only
// needs the predicates to split. Use the nicer one when it will work.
const char* serializer_for(std::span<const ontology::Triple> triples) {
  for (const auto& t : triples) {
    if (t.predicate.value == ontology::vocab::rdf::kType && t.object.is_iri() && !splits_into_qname(t.object.value)) {
      return "rdfxml";
    }
  }
  return "rdfxml-abbrev";
}

}  // namespace

void write_rdfxml(std::ostream& out, std::span<const ontology::Triple> triples, const PrefixList& prefixes) {
  Output output{&out, {}};
  const RaptorWorldPtr world = new_raptor_world();
  raptor_world_set_log_handler(world.get(), &output, log_handler);

  // Version 2: raptor only treats a version 2 handler as writable.
  static const raptor_iostream_handler handler = {2, nullptr, nullptr, write_byte, write_bytes, nullptr,
                                                  nullptr, nullptr};
  RaptorIostreamPtr stream(raptor_new_iostream_from_handler(world.get(), &output, &handler));
  RaptorSerializerPtr serializer(raptor_new_serializer(world.get(), serializer_for(triples)));
  if (!stream || !serializer) throw IoError("raptor: cannot create the RDF/XML serializer");

  // Declare only the namespaces that IRIs in the data start with.
  std::set<std::string> used;
  for (const auto& t : triples) {
    for (const ontology::Term* term : {&t.subject, &t.predicate, &t.object}) {
      for (const auto& [prefix, iri] : prefixes) {
        if (term->is_iri() && term->value.starts_with(iri)) used.insert(prefix);
      }
    }
  }
  for (const auto& [prefix, iri] : prefixes) {
    if (!used.contains(prefix)) continue;
    RaptorUriPtr uri(raptor_new_uri(world.get(), bytes(iri)));
    if (uri) raptor_serializer_set_namespace(serializer.get(), uri.get(), bytes(prefix));
  }

  if (raptor_serializer_start_to_iostream(serializer.get(), nullptr, stream.get()) != 0) {
    throw IoError("raptor: cannot start RDF/XML output: " + output.error);
  }
  for (const auto& t : triples) {
    RaptorTermPtr s = make_term(world.get(), t.subject);
    RaptorTermPtr p = make_term(world.get(), t.predicate);
    RaptorTermPtr o = make_term(world.get(), t.object);
    // Takes the three terms, also when it fails.
    std::unique_ptr<raptor_statement, CDeleter<raptor_free_statement>> statement(
        raptor_new_statement_from_nodes(world.get(), s.release(), p.release(), o.release(), nullptr));
    if (!statement || raptor_serializer_serialize_statement(serializer.get(), statement.get()) != 0 ||
        !output.error.empty()) {
      throw IoError("raptor cannot write " + ontology::to_ntriples(t.subject) + " " +
                    ontology::to_ntriples(t.predicate) + " ... as RDF/XML: " + output.error);
    }
  }
  if (raptor_serializer_serialize_end(serializer.get()) != 0 || !output.error.empty()) {
    throw IoError("raptor could not finish the RDF/XML output: " + output.error);
  }
  serializer.reset();
  stream.reset();  // flushes
  out.flush();
  if (!out) throw IoError("write failed while writing RDF/XML");
}

namespace {

using RaptorParserPtr = std::unique_ptr<raptor_parser, CDeleter<raptor_free_parser>>;

struct Reading {
  std::string graph_name;
  std::vector<ontology::Quad> quads;
  std::string error;  // raptor's first error message
  int line = 0;
  int column = 0;
};

void reading_log_handler(void* user_data, raptor_log_message* message) noexcept {
  auto* reading = static_cast<Reading*>(user_data);
  if (message->level < RAPTOR_LOG_LEVEL_ERROR || !reading->error.empty()) return;
  try {
    reading->error = message->text != nullptr ? message->text : "unknown error";
    if (message->locator != nullptr) {
      reading->line = std::max(message->locator->line, 0);
      reading->column = std::max(message->locator->column, 0);
    }
  } catch (...) {
    // Never throw into C.
  }
}

std::string counted(const unsigned char* text, std::size_t size) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), size);
}

std::string uri_text(raptor_uri* uri) {
  std::size_t size = 0;
  const unsigned char* text = raptor_uri_as_counted_string(uri, &size);
  return counted(text, size);
}

ontology::Term read_term(const raptor_term* term) {
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI: return ontology::Term::iri(uri_text(term->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
      return ontology::Term::blank("b" + counted(term->value.blank.string, term->value.blank.string_len));
    case RAPTOR_TERM_TYPE_LITERAL: {
      const auto& literal = term->value.literal;
      return ontology::Term::literal(to_nfc(counted(literal.string, literal.string_len)),
                                     literal.datatype != nullptr ? uri_text(literal.datatype) : std::string(),
                                     counted(literal.language, literal.language_len));
    }
    case RAPTOR_TERM_TYPE_UNKNOWN: break;
  }
  return ontology::Term::blank("bunknown");
}

void on_statement(void* user_data, raptor_statement* statement) noexcept {
  auto* reading = static_cast<Reading*>(user_data);
  try {
    reading->quads.push_back(ontology::Quad{read_term(statement->subject), read_term(statement->predicate),
                                            read_term(statement->object), reading->graph_name});
  } catch (...) {
    if (reading->error.empty()) reading->error = "out of memory";
  }
}

}  // namespace

std::vector<ontology::Quad> read_rdfxml(std::string_view text, const std::string& base_iri,
                                        const std::string& graph_name, const std::string& origin) {
  Reading reading;
  reading.graph_name = graph_name;
  const RaptorWorldPtr world = new_raptor_world();
  raptor_world_set_log_handler(world.get(), &reading, reading_log_handler);
  RaptorParserPtr parser(raptor_new_parser(world.get(), "rdfxml"));
  RaptorUriPtr base(raptor_new_uri(world.get(), bytes(base_iri)));
  if (!parser || !base) throw IoError("raptor: cannot create the RDF/XML parser");
  // A document must not make newsgraph read the network or other files
  // (external entities, rdf:resource fetches).
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_NET, nullptr, 1);
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_FILE, nullptr, 1);
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nullptr, 0);
  raptor_parser_set_statement_handler(parser.get(), &reading, on_statement);
  int status = raptor_parser_parse_start(parser.get(), base.get());
  if (status == 0) {
    status = raptor_parser_parse_chunk(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                                       text.size(), 1);
  }
  if ((status != 0 || !reading.error.empty()) && reading.line <= 0) {
    // Some of raptor's errors (an element left open at the end) come without
    // a locator: the parser's own says where it stopped.
    if (const raptor_locator* where = raptor_parser_get_locator(parser.get())) {
      reading.line = std::max(where->line, 0);
      reading.column = std::max(where->column, 0);
    }
  }
  if (status != 0 || !reading.error.empty()) {
    throw ParseError(origin, static_cast<std::size_t>(reading.line), static_cast<std::size_t>(reading.column),
                     reading.error.empty() ? std::string("invalid RDF/XML") : reading.error);
  }
  return std::move(reading.quads);
}

}  // namespace ng::graph::detail
