#include "graph/redland_triples_source.hpp"

#include <spdlog/spdlog.h>

#include <cstring>
#include <exception>
#include <memory>
#include <set>

#include "graph/redland_quads.hpp"
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

unsigned char* rasqal_copy(const unsigned char* s, std::size_t length) {
  auto* copy = static_cast<unsigned char*>(rasqal_alloc_memory(length + 1));
  if (copy != nullptr) {
    std::memcpy(copy, s, length);
    copy[length] = '\0';
  }
  return copy;
}

unsigned char* rasqal_copy(const std::string& s) {
  return rasqal_copy(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

struct Match {
  Cursor cursor;
  QueryEngine* engine;
};

Store::Native* native_of(void* user_data) { return *static_cast<Store::Native**>(user_data); }

const Generation& empty_generation() {
  static const Generation empty;
  return empty;
}

// The store's Ref of a rasqal value (a pattern constant or a variable's
// value); nothing when the store does not have the term (or the value is
// not an RDF term), so nothing can match.
std::optional<Ref> ref_of(QueryEngine& engine, const Store::Native& native, rasqal_literal* value) {
  if (const auto known = engine.ref_of_literal(value)) return known;
  const std::optional<ontology::Term> term = to_term(value);
  if (!term || (term->value.empty() && !term->is_literal())) return std::nullopt;
  return native.base.find(*term);
}

// Binds the variables of a match to the current quad, as librdf's own
// source does: a variable used twice in one pattern (?x ?p ?x) must see
// equal values, and is bound once.
rasqal_triple_parts bind_match(rasqal_triples_match* rtm, void*, rasqal_variable* bindings[4],
                               rasqal_triple_parts parts) noexcept {
  auto* match = static_cast<Match*>(rtm->user_data);
  if (match == nullptr || match->cursor.at_end()) return RASQAL_TRIPLE_NONE;
  const Quad4& quad = match->cursor.quad();
  const rasqal_triple_parts flags[4] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE, RASQAL_TRIPLE_OBJECT,
                                        RASQAL_TRIPLE_ORIGIN};
  QueryEngine& engine = *match->engine;
  unsigned result = RASQAL_TRIPLE_NONE;
  for (std::size_t i = 0; i < 4; ++i) {
    if (bindings[i] == nullptr || (parts & flags[i]) == 0) continue;
    bool first_use = true;
    for (std::size_t j = 0; j < i; ++j) {
      if (bindings[j] != bindings[i]) continue;
      if (quad[i] != quad[j]) return RASQAL_TRIPLE_NONE;
      first_use = false;
    }
    if (!first_use) continue;
    rasqal_variable_set_value(bindings[i], engine.literal(quad[i]));  // takes the literal
    result |= flags[i];
  }
  return static_cast<rasqal_triple_parts>(result);
}

void next_match(rasqal_triples_match* rtm, void*) noexcept {
  static_cast<Match*>(rtm->user_data)->cursor.next();
}

int is_end(rasqal_triples_match* rtm, void*) noexcept {
  auto* match = static_cast<Match*>(rtm->user_data);
  return match == nullptr || match->cursor.at_end() ? 1 : 0;
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
    QueryEngine& engine = query_engine(native);
    rasqal_literal* parts[4] = {triple->subject, triple->predicate, triple->object, triple->origin};
    Quad4 pattern{kNoRef, kNoRef, kNoRef, kNoRef};
    bool possible = true;
    for (std::size_t i = 0; i < 4; ++i) {
      meta->bindings[i] = nullptr;
      if (parts[i] == nullptr) continue;
      rasqal_variable* variable = rasqal_literal_as_variable(parts[i]);
      meta->bindings[i] = variable;
      rasqal_literal* value = variable != nullptr ? variable->value : parts[i];
      if (value == nullptr) continue;  // an unbound variable matches anything
      const auto ref = ref_of(engine, native, value);
      if (!ref) possible = false;
      else pattern[i] = *ref;
    }
    // rasqal runs GRAPH ?g { P } once per declared graph with the origin
    // set, so the graph is known here. A default-graph pattern sees each
    // triple once.
    rtm->user_data = new Match{Cursor(possible ? native.base : empty_generation(), pattern, triple->origin == nullptr),
                               &engine};
    return 0;
  } catch (const std::exception& e) {
    spdlog::warn("sparql: cannot match a triple pattern: {}", e.what());
    return 1;
  }
}

int triple_present(rasqal_triples_source*, void* user_data, rasqal_triple* triple) noexcept {
  try {
    Store::Native& native = *native_of(user_data);
    QueryEngine& engine = query_engine(native);
    Quad4 pattern{kNoRef, kNoRef, kNoRef, kNoRef};
    rasqal_literal* parts[3] = {triple->subject, triple->predicate, triple->object};
    for (std::size_t i = 0; i < 3; ++i) {
      if (parts[i] == nullptr) return 0;
      const auto ref = ref_of(engine, native, parts[i]);
      if (!ref) return 0;
      pattern[i] = *ref;
    }
    return Cursor(native.base, pattern, true).at_end() ? 0 : 1;
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
  raptor_world* raptor = librdf_world_get_raptor(native.world());
  const auto declare = [&](const std::string& iri) {
    RaptorUriPtr uri(raptor_new_uri(raptor, reinterpret_cast<const unsigned char*>(iri.c_str())));
    if (!uri) return false;
    // The data graph copies the URI.
    rasqal_data_graph* graph = rasqal_new_data_graph_from_uri(engine.world(), uri.get(), uri.get(),
                                                              RASQAL_DATA_GRAPH_NAMED, nullptr, nullptr, nullptr);
    return graph != nullptr && rasqal_query_add_data_graph(query, graph) == 0;  // takes the graph
  };
  std::set<std::string> declared;
  for (const Ref graph : graph_refs(native.base)) {
    const ontology::Term term = parse_spelling(native.base.spelling(graph));
    if (!term.is_iri()) continue;
    if (!declare(term.value)) return 1;
    declared.insert(term.value);
  }
  for (const std::string& iri : engine.extra_graphs()) {
    if (declared.insert(iri).second && !declare(iri)) return 1;
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

rasqal_literal* literal_of(rasqal_world* world, std::string_view spelling) {
  const ontology::Term term = parse_spelling(spelling);
  switch (term.kind) {
    case ontology::Term::Kind::Iri: {
      raptor_uri* uri = raptor_new_uri(rasqal_world_get_raptor(world),
                                       reinterpret_cast<const unsigned char*>(term.value.c_str()));
      return uri != nullptr ? rasqal_new_uri_literal(world, uri) : nullptr;  // takes the URI
    }
    case ontology::Term::Kind::Blank:
      return rasqal_new_simple_literal(world, RASQAL_LITERAL_BLANK, rasqal_copy(term.value));
    case ontology::Term::Kind::Literal: {
      char* language = term.language.empty() ? nullptr : reinterpret_cast<char*>(rasqal_copy(term.language));
      raptor_uri* datatype = nullptr;
      if (!term.datatype.empty()) {
        datatype = raptor_new_uri(rasqal_world_get_raptor(world),
                                  reinterpret_cast<const unsigned char*>(term.datatype.c_str()));
      }
      return rasqal_new_string_literal(world, rasqal_copy(term.value), language, datatype, nullptr);
    }
  }
  return nullptr;
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
