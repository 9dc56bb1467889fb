#include "graph/redland_triples_source.hpp"

#include <spdlog/spdlog.h>

#include <cstring>
#include <exception>
#include <memory>
#include <set>

#include "graph/redland_find.hpp"
#include "graph/redland_query.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::detail {

using namespace redland;

namespace {

std::string uri_string(raptor_uri* uri) {
  if (uri == nullptr) return {};
  std::size_t length = 0;
  const unsigned char* s = raptor_uri_as_counted_string(uri, &length);
  return {reinterpret_cast<const char*>(s), length};
}

bool is_xsd_string(raptor_uri* uri) { return uri != nullptr && uri_string(uri) == ontology::vocab::xsd::kString; }

// rasqal literal (a pattern constant or a variable's value) to a librdf
// node; null for values that are not RDF terms. rasqal and librdf share
// one raptor world (QueryEngine sets it up so), so URIs pass as they are.
NodePtr to_node(librdf_world* world, rasqal_literal* literal) {
  if (literal == nullptr) return nullptr;
  switch (rasqal_literal_get_rdf_term_type(literal)) {
    case RASQAL_LITERAL_URI:
      return NodePtr(librdf_new_node_from_uri(world, literal->value.uri));
    case RASQAL_LITERAL_BLANK:
      return NodePtr(librdf_new_node_from_blank_identifier(world, literal->string));
    case RASQAL_LITERAL_STRING: {
      raptor_uri* datatype = literal->datatype;
      if (is_xsd_string(datatype)) datatype = nullptr;  // stored as plain literals
      return NodePtr(librdf_new_node_from_typed_counted_literal(
          world, literal->string, literal->string_len, literal->language,
          literal->language != nullptr ? std::strlen(literal->language) : 0, datatype));
    }
    default:
      return nullptr;
  }
}

unsigned char* rasqal_copy(const unsigned char* s, std::size_t length) {
  auto* copy = static_cast<unsigned char*>(rasqal_alloc_memory(length + 1));
  if (copy != nullptr) {
    std::memcpy(copy, s, length);
    copy[length] = '\0';
  }
  return copy;
}

// librdf node (borrowed) to a new rasqal literal; rasqal takes ownership of
// the strings and URIs given to its constructors.
rasqal_literal* to_literal(rasqal_world* world, librdf_node* node) {
  if (librdf_node_is_resource(node)) {
    return rasqal_new_uri_literal(world, raptor_uri_copy(librdf_node_get_uri(node)));
  }
  if (librdf_node_is_literal(node)) {
    std::size_t length = 0;
    const unsigned char* value = librdf_node_get_literal_value_as_counted_string(node, &length);
    const char* language = librdf_node_get_literal_value_language(node);
    char* language_copy = nullptr;
    if (language != nullptr) {
      language_copy = reinterpret_cast<char*>(
          rasqal_copy(reinterpret_cast<const unsigned char*>(language), std::strlen(language)));
    }
    raptor_uri* datatype = librdf_node_get_literal_value_datatype_uri(node);
    return rasqal_new_string_literal(world, rasqal_copy(value, length), language_copy,
                                     datatype != nullptr ? raptor_uri_copy(datatype) : nullptr, nullptr);
  }
  std::size_t length = 0;
  const unsigned char* id = librdf_node_get_counted_blank_identifier(node, &length);
  return rasqal_new_simple_literal(world, RASQAL_LITERAL_BLANK, rasqal_copy(id, length));
}

struct Match {
  std::unique_ptr<StatementCursor> cursor;
};

Store::Native* native_of(void* user_data) { return *static_cast<Store::Native**>(user_data); }

// A pattern part: the variable (if it is one) and the node to match (null
// for an unbound variable).
NodePtr part(librdf_world* world, rasqal_literal* literal, rasqal_variable** variable) {
  *variable = rasqal_literal_as_variable(literal);
  if (*variable != nullptr) return to_node(world, (*variable)->value);
  return to_node(world, literal);
}

// Binds the variables of a match to the current statement, as librdf's own
// source does: a variable used twice in one pattern (?x ?p ?x) must see
// equal values, and is bound once.
rasqal_triple_parts bind_match(rasqal_triples_match* rtm, void*, rasqal_variable* bindings[4],
                               rasqal_triple_parts parts) noexcept {
  auto* match = static_cast<Match*>(rtm->user_data);
  librdf_statement* statement = match->cursor->statement();
  if (statement == nullptr) return RASQAL_TRIPLE_NONE;
  librdf_node* values[4] = {librdf_statement_get_subject(statement), librdf_statement_get_predicate(statement),
                            librdf_statement_get_object(statement), nullptr};
  if (bindings[3] != nullptr) values[3] = match->cursor->graph();
  const rasqal_triple_parts flags[4] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE, RASQAL_TRIPLE_OBJECT,
                                        RASQAL_TRIPLE_ORIGIN};
  unsigned result = RASQAL_TRIPLE_NONE;
  for (int i = 0; i < 4; ++i) {
    if (bindings[i] == nullptr || (parts & flags[i]) == 0) continue;
    bool first_use = true;
    for (int j = 0; j < i; ++j) {
      if (bindings[j] != bindings[i]) continue;
      if (values[i] == nullptr || values[j] == nullptr || !librdf_node_equals(values[i], values[j])) {
        return RASQAL_TRIPLE_NONE;
      }
      first_use = false;
    }
    if (!first_use) continue;
    rasqal_literal* value = values[i] != nullptr ? to_literal(rtm->world, values[i]) : nullptr;
    rasqal_variable_set_value(bindings[i], value);  // takes the literal
    result |= flags[i];
  }
  return static_cast<rasqal_triple_parts>(result);
}

void next_match(rasqal_triples_match* rtm, void*) noexcept {
  try {
    static_cast<Match*>(rtm->user_data)->cursor->next();
  } catch (const std::exception& e) {
    spdlog::warn("sparql: reading the store failed: {}", e.what());
    static_cast<Match*>(rtm->user_data)->cursor.reset();
  }
}

int is_end(rasqal_triples_match* rtm, void*) noexcept {
  auto* match = static_cast<Match*>(rtm->user_data);
  return !match->cursor || match->cursor->at_end() ? 1 : 0;
}

void finish(rasqal_triples_match* rtm, void*) noexcept {
  delete static_cast<Match*>(rtm->user_data);
  rtm->user_data = nullptr;
}

int init_triples_match(rasqal_triples_match* rtm, rasqal_triples_source*, void* user_data, rasqal_triple_meta* meta,
                       rasqal_triple* triple) noexcept {
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish;
  rtm->user_data = nullptr;
  try {
    Store::Native& native = *native_of(user_data);
    librdf_world* world = native.world();
    NodePtr subject = part(world, triple->subject, &meta->bindings[0]);
    NodePtr predicate = part(world, triple->predicate, &meta->bindings[1]);
    NodePtr object = part(world, triple->object, &meta->bindings[2]);
    NodePtr graph;
    meta->bindings[3] = nullptr;
    if (triple->origin != nullptr) graph = part(world, triple->origin, &meta->bindings[3]);
    // rasqal runs GRAPH ?g { P } once per declared graph with the origin
    // set, so `graph` is known here. A default-graph pattern sees each
    // triple once.
    const GraphStatements* in_graph = graph ? &query_engine(native).graph_statements(graph.get()) : nullptr;
    auto match = std::make_unique<Match>();
    match->cursor = std::make_unique<StatementCursor>(native, subject.get(), predicate.get(), object.get(), in_graph,
                                                      triple->origin == nullptr);
    rtm->user_data = match.release();
    return 0;
  } catch (const std::exception& e) {
    spdlog::warn("sparql: cannot match a triple pattern: {}", e.what());
    return 1;
  }
}

int triple_present(rasqal_triples_source*, void* user_data, rasqal_triple* triple) noexcept {
  try {
    Store::Native& native = *native_of(user_data);
    librdf_world* world = native.world();
    NodePtr subject = to_node(world, triple->subject);
    NodePtr predicate = to_node(world, triple->predicate);
    NodePtr object = to_node(world, triple->object);
    if (!subject || !predicate || !object) return 0;
    const StatementCursor cursor(native, subject.get(), predicate.get(), object.get(), nullptr, true);
    return cursor.at_end() ? 0 : 1;
  } catch (const std::exception& e) {
    spdlog::warn("sparql: cannot look up a triple: {}", e.what());
    return 0;
  }
}

void free_triples_source(void*) noexcept {}

// rasqal evaluates GRAPH ?g { P } by running P once per named graph of the
// query's dataset (and GRAPH <iri> only for a graph in it), so every graph
// of the store is declared as a named data graph, as librdf does. The
// data graphs are never loaded: this source answers all matches.
int declare_named_graphs(rasqal_query* query, Store::Native& native) {
  if (raptor_sequence* declared = rasqal_query_get_data_graph_sequence(query)) {
    while (raptor_sequence_size(declared) > 0) {
      rasqal_free_data_graph(static_cast<rasqal_data_graph*>(raptor_sequence_pop(declared)));
    }
  }
  const QueryEngine& engine = query_engine(native);
  const auto declare = [&](raptor_uri* uri) {  // the data graph copies the URI
    rasqal_data_graph* graph = rasqal_new_data_graph_from_uri(engine.world(), uri, uri, RASQAL_DATA_GRAPH_NAMED,
                                                              nullptr, nullptr, nullptr);
    return graph != nullptr && rasqal_query_add_data_graph(query, graph) == 0;  // takes the graph
  };
  std::set<std::string> declared;
  IteratorPtr contexts(librdf_model_get_contexts(native.model()));
  for (; contexts && !librdf_iterator_end(contexts.get()); librdf_iterator_next(contexts.get())) {
    auto* node = static_cast<librdf_node*>(librdf_iterator_get_object(contexts.get()));  // borrowed
    if (node == nullptr || !librdf_node_is_resource(node)) continue;
    if (!declare(librdf_node_get_uri(node))) return 1;
    declared.insert(to_term(node).value);
  }
  for (const std::string& iri : engine.extra_graphs()) {
    if (!declared.insert(iri).second) continue;
    RaptorUriPtr uri(raptor_new_uri(librdf_world_get_raptor(native.world()),
                                    reinterpret_cast<const unsigned char*>(iri.c_str())));
    if (!uri || !declare(uri.get())) return 1;
  }
  return 0;
}

int new_triples_source(rasqal_query* query, void* factory_user_data, void* user_data,
                       rasqal_triples_source* rts) noexcept {
  auto* native = static_cast<Store::Native*>(factory_user_data);
  *static_cast<Store::Native**>(user_data) = native;
  try {
    if (declare_named_graphs(query, *native) != 0) return 1;
  } catch (const std::exception& e) {
    spdlog::warn("sparql: cannot list the store's graphs: {}", e.what());
    return 1;
  }
  rts->version = 1;
  rts->init_triples_match = init_triples_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_triples_source;
  return 0;
}

}  // namespace

int register_triples_source(rasqal_triples_source_factory* factory) noexcept {
  factory->version = 1;
  factory->user_data_size = sizeof(Store::Native*);
  factory->new_triples_source = new_triples_source;
  return 0;
}

std::optional<ontology::Term> to_term(rasqal_literal* literal) {
  if (literal == nullptr) return std::nullopt;
  switch (rasqal_literal_get_rdf_term_type(literal)) {
    case RASQAL_LITERAL_URI:
      return ontology::Term::iri(uri_string(literal->value.uri));
    case RASQAL_LITERAL_BLANK:
      return ontology::Term::blank(reinterpret_cast<const char*>(literal->string));
    case RASQAL_LITERAL_STRING: {
      std::size_t length = 0;
      int error = 0;
      const unsigned char* lexical = rasqal_literal_as_counted_string(literal, &length, 0, &error);
      if (lexical == nullptr || error != 0) return std::nullopt;
      std::string datatype = uri_string(rasqal_literal_datatype(literal));
      if (datatype == ontology::vocab::xsd::kString) datatype.clear();
      return ontology::Term::literal(std::string(reinterpret_cast<const char*>(lexical), length),
                                     literal->language != nullptr ? std::string() : std::move(datatype),
                                     literal->language != nullptr ? literal->language : "");
    }
    default:
      return std::nullopt;
  }
}

ontology::Term to_term(const raptor_term* term) {
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI:
      return ontology::Term::iri(uri_string(term->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
      return ontology::Term::blank(
          std::string(reinterpret_cast<const char*>(term->value.blank.string), term->value.blank.string_len));
    case RAPTOR_TERM_TYPE_LITERAL: {
      const raptor_term_literal_value& literal = term->value.literal;
      std::string datatype = uri_string(literal.datatype);
      if (datatype == ontology::vocab::xsd::kString) datatype.clear();
      std::string language = literal.language != nullptr ? std::string(reinterpret_cast<const char*>(literal.language),
                                                                        literal.language_len)
                                                          : std::string();
      return ontology::Term::literal(
          std::string(reinterpret_cast<const char*>(literal.string), literal.string_len),
          language.empty() ? std::move(datatype) : std::string(), std::move(language));
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  return ontology::Term::literal("");
}

}  // namespace ng::graph::detail
