#include "graph/redland.hpp"

#include <spdlog/spdlog.h>

#include <cstring>
#include <utility>

#include "common/error.hpp"
#include "graph/redland_storage.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::redland {

namespace {

const unsigned char* bytes(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.c_str()); }

std::string_view view(const unsigned char* s, std::size_t length) {
  return {reinterpret_cast<const char*>(s), length};
}

std::string_view uri_view(librdf_uri* uri) {
  if (uri == nullptr) return {};
  std::size_t length = 0;
  const unsigned char* s = librdf_uri_as_counted_string(uri, &length);
  return view(s, length);
}

// librdf calls this for every message of librdf, raptor and rasqal (when
// they run inside librdf). It must not throw into C and returns 1 to say
// the message was handled (the default handler prints garbage bytes).
int log_handler(void* user_data, librdf_log_message* message) noexcept {
  auto* sink = static_cast<LogSink*>(user_data);
  if (sink == nullptr || message == nullptr) return 1;
  LogMessage out;
  const librdf_log_level level = librdf_log_message_level(message);
  out.error = level >= LIBRDF_LOG_ERROR;
  if (message->locator != nullptr) {
    out.line = message->locator->line;
    out.column = message->locator->column;
  }
  try {
    out.text = message->message != nullptr ? message->message : "(no message)";
  } catch (...) {
    return 1;
  }
  sink->receive(std::move(out));
  return 1;
}

}  // namespace

void LogSink::receive(LogMessage message) noexcept {
  try {
    if (message.error) {
      spdlog::warn("redland: {}", message.text);
      errors_.push_back(std::move(message));
    } else {
      spdlog::debug("redland: {}", message.text);
    }
  } catch (...) {
    // Logging must never throw into C; a lost message is the lesser harm.
  }
}

std::vector<LogMessage> LogSink::take_errors() noexcept { return std::exchange(errors_, {}); }

std::string LogSink::take_error_text(std::string_view fallback) {
  std::string text;
  for (const LogMessage& m : take_errors()) {
    if (!text.empty()) text += "; ";
    text += m.text;
  }
  return text.empty() ? std::string(fallback) : text;
}

std::mutex& world_lock() noexcept {
  static std::mutex lock;
  return lock;
}

void free_world_locked(librdf_world* world) noexcept {
  const std::lock_guard lock(world_lock());
  librdf_free_world(world);
}

void free_raptor_world_locked(raptor_world* world) noexcept {
  const std::lock_guard lock(world_lock());
  raptor_free_world(world);
}

RaptorWorldPtr new_raptor_world() {
  const std::lock_guard lock(world_lock());
  RaptorWorldPtr world(raptor_new_world());
  if (!world) throw StoreError("could not create the raptor world (out of memory?)");
  raptor_world_set_flag(world.get(), RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
  raptor_world_set_flag(world.get(), RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
  if (raptor_world_open(world.get()) != 0) throw StoreError("could not open the raptor world");
  return world;
}

World::World() : log_(std::make_unique<LogSink>()), raptor_(new_raptor_world()) {
  const std::lock_guard lock(world_lock());
  world_.reset(librdf_new_world());
  if (!world_) throw StoreError("could not create the Redland world (out of memory?)");
  librdf_world_set_logger(world_.get(), log_.get(), log_handler);
  librdf_world_set_raptor(world_.get(), raptor_.get());
  librdf_world_open(world_.get());
  register_storage_module(world_.get());
}

RedlandModel::RedlandModel() = default;

void RedlandModel::open(const char* storage_name, const std::vector<std::pair<std::string, std::string>>& options,
                        const std::string& where) {
  close();
  // Options are passed as an array rather than librdf's quoted option
  // string, so that a path with a quote cannot break them.
  std::vector<const char*> array;
  for (const auto& [key, value] : options) {
    array.push_back(key.c_str());
    array.push_back(value.c_str());
  }
  array.push_back(nullptr);
  using HashPtr = std::unique_ptr<librdf_hash, CDeleter<librdf_free_hash>>;
  HashPtr hash(librdf_new_hash_from_array_of_strings(world(), nullptr, array.data()));
  if (!hash) throw StoreError("could not build the storage options (out of memory?)");
  storage_.reset(librdf_new_storage_with_options(world(), storage_name, "triples", hash.get()));
  if (!storage_) {
    throw StoreError("could not open the RDF storage in " + where + ": " +
                     log().take_error_text("the storage refused to open"));
  }
  model_.reset(librdf_new_model(world(), storage_.get(), nullptr));
  if (!model_) {
    storage_.reset();
    throw StoreError("could not open the RDF model in " + where + ": " + log().take_error_text("unknown reason"));
  }
}

void RedlandModel::close() {
  model_.reset();
  storage_.reset();
}

NodePtr make_node(librdf_world* world, const ontology::Term& term) {
  librdf_node* node = nullptr;
  switch (term.kind) {
    case ontology::Term::Kind::Iri:
      if (term.value.empty()) throw StoreError("an IRI term is empty");
      node = librdf_new_node_from_uri_string(world, bytes(term.value));
      break;
    case ontology::Term::Kind::Blank:
      if (term.value.empty()) throw StoreError("a blank node term has no label");
      node = librdf_new_node_from_blank_identifier(world, bytes(term.value));
      break;
    case ontology::Term::Kind::Literal: {
      UriPtr datatype;
      if (term.language.empty() && !term.datatype.empty() && term.datatype != ontology::vocab::xsd::kString) {
        datatype.reset(librdf_new_uri(world, bytes(term.datatype)));
        if (!datatype) throw StoreError("invalid datatype IRI <" + term.datatype + ">");
      }
      const char* language = term.language.empty() ? nullptr : term.language.c_str();
      // Counted: a literal may legitimately be empty.
      node = librdf_new_node_from_typed_counted_literal(
          world, bytes(term.value), term.value.size(), language, term.language.size(), datatype.get());
      break;
    }
  }
  if (node == nullptr) throw StoreError("Redland rejected the term " + ontology::to_ntriples(term));
  return NodePtr(node);
}

ontology::Term to_term(librdf_node* node) {
  switch (librdf_node_get_type(node)) {
    case LIBRDF_NODE_TYPE_RESOURCE:
      return ontology::Term::iri(std::string(uri_view(librdf_node_get_uri(node))));
    case LIBRDF_NODE_TYPE_BLANK: {
      std::size_t length = 0;
      const unsigned char* id = librdf_node_get_counted_blank_identifier(node, &length);
      return ontology::Term::blank(std::string(view(id, length)));
    }
    case LIBRDF_NODE_TYPE_LITERAL: {
      std::size_t length = 0;
      const unsigned char* value = librdf_node_get_literal_value_as_counted_string(node, &length);
      const char* language = librdf_node_get_literal_value_language(node);
      std::string datatype(uri_view(librdf_node_get_literal_value_datatype_uri(node)));
      if (datatype == ontology::vocab::xsd::kString) datatype.clear();
      return ontology::Term::literal(std::string(view(value, length)), std::move(datatype),
                                     language != nullptr ? language : "");
    }
    case LIBRDF_NODE_TYPE_UNKNOWN:
      break;
  }
  throw StoreError("Redland returned a node of unknown type");
}

StatementPtr make_statement(librdf_world* world, const ontology::Term& subject, const ontology::Term& predicate,
                            const ontology::Term& object) {
  NodePtr s = make_node(world, subject);
  NodePtr p = make_node(world, predicate);
  NodePtr o = make_node(world, object);
  // Takes the three nodes, even when it fails.
  StatementPtr statement(librdf_new_statement_from_nodes(world, s.release(), p.release(), o.release()));
  if (!statement) throw StoreError("could not build a statement (out of memory?)");
  return statement;
}

void append_key(std::string& key, librdf_node* node) {
  if (node == nullptr) {
    key += '\x01';
    return;
  }
  switch (librdf_node_get_type(node)) {
    case LIBRDF_NODE_TYPE_RESOURCE:
      key += 'I';
      key += uri_view(librdf_node_get_uri(node));
      break;
    case LIBRDF_NODE_TYPE_BLANK: {
      std::size_t length = 0;
      const unsigned char* id = librdf_node_get_counted_blank_identifier(node, &length);
      key += 'B';
      key += view(id, length);
      break;
    }
    default: {
      std::size_t length = 0;
      const unsigned char* value = librdf_node_get_literal_value_as_counted_string(node, &length);
      const char* language = librdf_node_get_literal_value_language(node);
      key += 'L';
      key += view(value, length);
      key += '\0';
      if (language != nullptr) key += language;
      key += '\0';
      key += uri_view(librdf_node_get_literal_value_datatype_uri(node));
      break;
    }
  }
  key += '\0';
}

std::string statement_key(librdf_statement* statement) {
  std::string key;
  append_key(key, librdf_statement_get_subject(statement));
  append_key(key, librdf_statement_get_predicate(statement));
  append_key(key, librdf_statement_get_object(statement));
  return key;
}

}  // namespace ng::graph::redland
