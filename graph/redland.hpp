#pragma once
// Ownership and conversion helpers for the Redland C libraries (librdf,
// raptor, rasqal). Only graph/ includes this header: it is the one place
// where C handles meet newsgraph values.
//
// Ownership rules written down once (they are easy to get wrong):
// - Every handle is put in a std::unique_ptr with a CDeleter the moment it
//   is created, and transfers are spelled `.release()` at the call.
// - librdf_new_statement_from_nodes() takes its three nodes, even when it
//   fails; librdf_model_add_statement() and _context_add_statement() copy,
//   so the caller still frees the statement.
// - Statements, nodes and contexts got from streams and iterators are
//   borrowed: valid until the next step of that stream or iterator.
//
// Not thread-safe: a RedlandModel and everything made from it belong to one
// thread (Redland itself segfaults when a world is shared between threads).

#include <redland.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/c_deleter.hpp"
#include "ontology/term.hpp"

namespace ng::graph::redland {

using WorldPtr = std::unique_ptr<librdf_world, CDeleter<librdf_free_world>>;
using StoragePtr = std::unique_ptr<librdf_storage, CDeleter<librdf_free_storage>>;
using ModelPtr = std::unique_ptr<librdf_model, CDeleter<librdf_free_model>>;
using NodePtr = std::unique_ptr<librdf_node, CDeleter<librdf_free_node>>;
using StatementPtr = std::unique_ptr<librdf_statement, CDeleter<librdf_free_statement>>;
using StreamPtr = std::unique_ptr<librdf_stream, CDeleter<librdf_free_stream>>;
using IteratorPtr = std::unique_ptr<librdf_iterator, CDeleter<librdf_free_iterator>>;
using UriPtr = std::unique_ptr<librdf_uri, CDeleter<librdf_free_uri>>;
using RasqalWorldPtr = std::unique_ptr<rasqal_world, CDeleter<rasqal_free_world>>;
using RasqalQueryPtr = std::unique_ptr<rasqal_query, CDeleter<rasqal_free_query>>;
using RasqalResultsPtr = std::unique_ptr<rasqal_query_results, CDeleter<rasqal_free_query_results>>;
// Worlds start and stop libxml2: raptor_free_world calls xmlCleanupParser,
// which frees libxml2's global tables, and two threads doing it at once
// corrupt the heap (`newsgraph serve` opens a store, and so a world, per
// query: "double free or corruption" under 32 clients). Every world is
// created, opened and freed under this one lock.
std::mutex& world_lock() noexcept;
void free_world_locked(librdf_world* world) noexcept;
void free_raptor_world_locked(raptor_world* world) noexcept;
using RaptorWorldPtr = std::unique_ptr<raptor_world, CDeleter<free_raptor_world_locked>>;
using RaptorSerializerPtr = std::unique_ptr<raptor_serializer, CDeleter<raptor_free_serializer>>;
using RaptorIostreamPtr = std::unique_ptr<raptor_iostream, CDeleter<raptor_free_iostream>>;
using RaptorUriPtr = std::unique_ptr<raptor_uri, CDeleter<raptor_free_uri>>;
using RaptorTermPtr = std::unique_ptr<raptor_term, CDeleter<raptor_free_term>>;

// One message from librdf, raptor or rasqal.
struct LogMessage {
  bool error = false;  // error or fatal (warnings and below are not kept)
  int line = -1;       // from the library's locator, -1 when it gave none
  int column = -1;
  std::string text;
};

// Receives the C libraries' messages: everything goes to spdlog (errors as
// warn, since the operation that failed throws its own exception; the rest
// as debug), and errors are also kept until take_errors() so that the
// operation can put the library's reason in its exception.
class LogSink {
 public:
  void receive(LogMessage message) noexcept;
  // The errors received since the last call, oldest first.
  std::vector<LogMessage> take_errors() noexcept;
  // "reason one; reason two", or `fallback` when there was none.
  std::string take_error_text(std::string_view fallback);

 private:
  std::vector<LogMessage> errors_;
};

// A raptor world that leaves libxml2's error handlers alone. By default
// raptor saves and restores them around each world, and restoring them
// when a world is freed allocates libxml2's per-thread state on that
// thread after the library's cleanup has dropped the key that would free
// it: a leak of about a kilobyte per query thread in `newsgraph serve`.
RaptorWorldPtr new_raptor_world();

// The librdf world with newsgraph's logger installed and newsgraph's
// storage module registered (redland_storage.hpp), over a raptor world of
// its own (new_raptor_world). Declared in the order that destroys the
// librdf world first, then its raptor world, and the LogSink last, since
// the worlds point to it.
class World {
 public:
  World();
  librdf_world* get() const noexcept { return world_.get(); }
  LogSink& log() noexcept { return *log_; }

 private:
  std::unique_ptr<LogSink> log_;
  RaptorWorldPtr raptor_;
  std::unique_ptr<librdf_world, CDeleter<free_world_locked>> world_;
};

// One class owns world, storage and model, declared in that order so that
// they are destroyed model first, world last.
class RedlandModel {
 public:
  RedlandModel();
  // Opens a storage by name with options (key, value) and a model on it.
  // Throws StoreError naming `where` and the library's reason.
  void open(const char* storage_name, const std::vector<std::pair<std::string, std::string>>& options,
            const std::string& where);
  // Frees model and storage (a storage that owns its files syncs them).
  void close();
  bool is_open() const noexcept { return model_ != nullptr; }

  librdf_world* world() const noexcept { return world_.get(); }
  librdf_model* model() const noexcept { return model_.get(); }
  LogSink& log() noexcept { return world_.log(); }

 private:
  World world_;
  StoragePtr storage_;
  ModelPtr model_;
};

// Terms to nodes and back. make_node throws StoreError for a term librdf
// rejects (an empty IRI). Literals typed xsd:string are stored as plain
// literals (RDF 1.1 makes them the same term), so that "x" and
// "x"^^xsd:string never become two statements.
NodePtr make_node(librdf_world* world, const ontology::Term& term);
// Node to term; `node` is borrowed.
ontology::Term to_term(librdf_node* node);
// Builds a statement from three terms.
StatementPtr make_statement(librdf_world* world, const ontology::Term& subject, const ontology::Term& predicate,
                            const ontology::Term& object);
// A compact byte key of a node or statement for hashing (type, value,
// language, datatype), used to drop repeated statements.
void append_key(std::string& key, librdf_node* node);
std::string statement_key(librdf_statement* statement);

}  // namespace ng::graph::redland
