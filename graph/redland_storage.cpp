#include "graph/redland_storage.hpp"

#include <rdf_storage_module.h>

#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/quad_store.hpp"
#include "graph/redland.hpp"
#include "graph/store_directory.hpp"
#include "graph/term_spelling.hpp"

namespace ng::graph::redland {

namespace {

// --- handles: how a Store hands its QuadStore to the module -----------------

std::mutex& handles_mutex() {
  static std::mutex mutex;
  return mutex;
}
std::map<std::string, std::shared_ptr<QuadStore>>& handles() {
  static std::map<std::string, std::shared_ptr<QuadStore>> map;
  return map;
}

// --- the instance ------------------------------------------------------------

struct Instance {
  std::shared_ptr<QuadStore> store;
  std::optional<StoreDirectory> directory;  // the writer lock, when opened by directory for writing
  bool owns_store = false;                  // opened by directory (or temporary): commits itself
};

Instance* instance_of(librdf_storage* storage) {
  return static_cast<Instance*>(librdf_storage_get_instance(storage));
}

void report(librdf_storage* storage, const std::exception& e) noexcept {
  librdf_log(librdf_storage_get_world(storage), 0, LIBRDF_LOG_ERROR, LIBRDF_FROM_STORAGE, nullptr, "%s", e.what());
}

// Runs `body`, turning exceptions into a librdf error message and `failed`.
template <class F, class R>
R guarded(librdf_storage* storage, R failed, F&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    report(storage, e);
  } catch (...) {
    librdf_log(librdf_storage_get_world(storage), 0, LIBRDF_LOG_ERROR, LIBRDF_FROM_STORAGE, nullptr,
               "unknown error in the newsgraph storage");
  }
  return failed;
}

std::string option(librdf_hash* options, const char* key) {
  if (options == nullptr) return {};
  char* value = librdf_hash_get(options, key);
  if (value == nullptr) return {};
  std::string copy(value);
  librdf_free_memory(value);
  return copy;
}

// --- nodes and ids -----------------------------------------------------------

std::string spelling_of_node(librdf_node* node) { return spelling_of(to_term(node)); }

// The id of a node for a lookup; nothing when the store has no such term
// (then nothing can match). A null node is a wildcard.
std::optional<TermId> lookup_id(QuadStore& store, librdf_node* node) {
  if (node == nullptr) return kAnyTerm;
  return store.find(spelling_of_node(node));
}

TermId context_id(QuadStore& store, librdf_node* context, bool intern) {
  const std::string spelling = context != nullptr ? spelling_of_node(context) : std::string(kUnnamedGraph);
  if (intern) return store.intern(spelling);
  return store.find(spelling).value_or(kAnyTerm);
}

// Id -> node, cached for one stream or iterator.
class NodeMaker {
 public:
  NodeMaker(librdf_world* world, QuadStore& store) : world_(world), store_(store) {}
  // A new reference to the node of `id`; null for the unnamed graph.
  librdf_node* make(TermId id) {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) {
      if (nodes_.size() > 4096) nodes_.clear();
      const std::string_view spelling = store_.spelling(id);
      NodePtr node;
      if (spelling != kUnnamedGraph) {
        const std::optional<ontology::Term> term = term_of_spelling(spelling);
        if (!term) throw StoreError(fmt::format("store {}: term {} cannot be read", store_.where(), id));
        node = make_node(world_, *term);
      }
      it = nodes_.emplace(id, std::move(node)).first;
    }
    return it->second ? librdf_new_node_from_node(it->second.get()) : nullptr;
  }

 private:
  librdf_world* world_;
  QuadStore& store_;
  std::unordered_map<TermId, NodePtr> nodes_;
};

// --- streams of statements ---------------------------------------------------

struct StreamState {
  librdf_storage* storage = nullptr;  // a reference is held
  std::shared_ptr<QuadStore> store;
  QuadCursor cursor;
  NodeMaker nodes;
  StatementPtr statement;  // the current one, built on demand
  NodePtr context;
  bool context_built = false;

  StreamState(librdf_storage* s, std::shared_ptr<QuadStore> q)
      : storage(s), store(std::move(q)), nodes(librdf_storage_get_world(s), *store) {}
};

int stream_end(void* context) noexcept {
  auto* state = static_cast<StreamState*>(context);
  return state->cursor.at_end() ? 1 : 0;
}

int stream_next(void* context) noexcept {
  auto* state = static_cast<StreamState*>(context);
  state->statement.reset();
  state->context.reset();
  state->context_built = false;
  return guarded(state->storage, 1, [&] {
    state->cursor.next();
    return state->cursor.at_end() ? 1 : 0;
  });
}

void* stream_get(void* context, int flags) noexcept {
  auto* state = static_cast<StreamState*>(context);
  if (state->cursor.at_end()) return nullptr;
  return guarded(state->storage, static_cast<void*>(nullptr), [&]() -> void* {
    const IdQuad& quad = state->cursor.quad();
    if (flags == LIBRDF_ITERATOR_GET_METHOD_GET_CONTEXT) {
      if (!state->context_built) {
        state->context.reset(state->nodes.make(quad.graph));
        state->context_built = true;
      }
      return state->context.get();
    }
    if (flags != LIBRDF_ITERATOR_GET_METHOD_GET_OBJECT) return nullptr;
    if (!state->statement) {
      librdf_world* world = librdf_storage_get_world(state->storage);
      NodePtr s(state->nodes.make(quad.subject));
      NodePtr p(state->nodes.make(quad.predicate));
      NodePtr o(state->nodes.make(quad.object));
      // Takes the three nodes, even when it fails.
      state->statement.reset(librdf_new_statement_from_nodes(world, s.release(), p.release(), o.release()));
    }
    return state->statement.get();
  });
}

void stream_finished(void* context) noexcept {
  auto* state = static_cast<StreamState*>(context);
  librdf_storage* storage = state->storage;
  delete state;
  librdf_storage_remove_reference(storage);
}

librdf_stream* new_stream(librdf_storage* storage, std::optional<IdPattern> pattern) {
  Instance* instance = instance_of(storage);
  if (!pattern) return librdf_new_empty_stream(librdf_storage_get_world(storage));
  auto state = std::make_unique<StreamState>(storage, instance->store);
  state->cursor = instance->store->match(*pattern, Distinct::Quads);
  librdf_storage_add_reference(storage);
  StreamState* raw = state.release();
  librdf_stream* stream = librdf_new_stream(librdf_storage_get_world(storage), raw, stream_end, stream_next,
                                            stream_get, stream_finished);
  if (stream == nullptr) stream_finished(raw);
  return stream;
}

// The pattern of a librdf statement (and context), or nothing when a part
// is not in the store.
std::optional<IdPattern> pattern_of(QuadStore& store, librdf_statement* statement, librdf_node* context) {
  IdPattern pattern;
  if (statement != nullptr) {
    const auto s = lookup_id(store, librdf_statement_get_subject(statement));
    const auto p = lookup_id(store, librdf_statement_get_predicate(statement));
    const auto o = lookup_id(store, librdf_statement_get_object(statement));
    if (!s || !p || !o) return std::nullopt;
    pattern = {*s, *p, *o, kAnyTerm};
  }
  if (context != nullptr) {
    const auto g = store.find(spelling_of_node(context));
    if (!g) return std::nullopt;
    pattern.graph = *g;
  }
  return pattern;
}

// --- the factory's functions ---------------------------------------------

int storage_init(librdf_storage* storage, const char*, librdf_hash* options) noexcept {
  const int result = guarded(storage, 1, [&] {
    auto instance = std::make_unique<Instance>();
    const std::string handle = option(options, "handle");
    if (!handle.empty()) {
      const std::lock_guard lock(handles_mutex());
      const auto it = handles().find(handle);
      if (it == handles().end()) throw StoreError("newsgraph storage: unknown handle " + handle);
      instance->store = it->second;
    } else {
      const std::string dir = option(options, "dir");
      const bool write = option(options, "write") != "no";
      const bool create = option(options, "new") == "yes";
      instance->owns_store = true;
      if (dir.empty()) {
        instance->store = QuadStore::open({}, QuadStore::Mode::Temporary);
      } else if (write) {
        instance->directory.emplace(StoreDirectory::open_for_writing(dir, create));
        instance->store = QuadStore::open(dir, QuadStore::Mode::Write);
      } else {
        StoreDirectory::check_readable(dir);
        instance->store = QuadStore::open(dir, QuadStore::Mode::Read);
      }
    }
    librdf_storage_set_instance(storage, instance.release());
    return 0;
  });
  if (options != nullptr) librdf_free_hash(options);  // init owns the options
  return result;
}

void storage_terminate(librdf_storage* storage) noexcept {
  Instance* instance = instance_of(storage);
  if (instance == nullptr) return;
  if (instance->owns_store && instance->store) instance->store->close();
  delete instance;
  librdf_storage_set_instance(storage, nullptr);
}

int storage_open(librdf_storage*, librdf_model*) noexcept { return 0; }

// A storage that owns its store writes what it holds when closed.
int storage_close(librdf_storage* storage) noexcept {
  Instance* instance = instance_of(storage);
  if (instance == nullptr || !instance->owns_store || !instance->store->writable()) return 0;
  return guarded(storage, 1, [&] {
    if (instance->store->in_nested()) instance->store->abort_nested();
    instance->store->commit();
    return 0;
  });
}

int storage_sync(librdf_storage* storage) noexcept {
  Instance* instance = instance_of(storage);
  return guarded(storage, 1, [&] {
    if (instance->owns_store && instance->store->writable() && !instance->store->in_nested()) {
      instance->store->commit();
    } else {
      instance->store->flush();
    }
    return 0;
  });
}

int storage_size(librdf_storage* storage) noexcept {
  return guarded(storage, -1, [&] {
    const std::size_t size = instance_of(storage)->store->size();
    return size > 0x7FFFFFFF ? -1 : static_cast<int>(size);  // librdf's int; -1: "unknown"
  });
}

int add_to_context(librdf_storage* storage, librdf_node* context, librdf_statement* statement) {
  QuadStore& store = *instance_of(storage)->store;
  librdf_node* s = librdf_statement_get_subject(statement);
  librdf_node* p = librdf_statement_get_predicate(statement);
  librdf_node* o = librdf_statement_get_object(statement);
  if (s == nullptr || p == nullptr || o == nullptr) {
    throw StoreError("newsgraph storage: cannot add a statement with an empty part");
  }
  store.add({store.intern(spelling_of_node(s)), store.intern(spelling_of_node(p)), store.intern(spelling_of_node(o)),
             context_id(store, context, true)});
  return 0;
}

int storage_context_add_statement(librdf_storage* storage, librdf_node* context,
                                  librdf_statement* statement) noexcept {
  return guarded(storage, 1, [&] { return add_to_context(storage, context, statement); });
}

int storage_add_statement(librdf_storage* storage, librdf_statement* statement) noexcept {
  return storage_context_add_statement(storage, nullptr, statement);
}

int storage_context_add_statements(librdf_storage* storage, librdf_node* context, librdf_stream* stream) noexcept {
  return guarded(storage, 1, [&] {
    for (; stream != nullptr && !librdf_stream_end(stream); librdf_stream_next(stream)) {
      librdf_statement* statement = librdf_stream_get_object(stream);  // borrowed
      if (statement == nullptr) break;
      add_to_context(storage, context, statement);
    }
    return 0;
  });
}

int storage_add_statements(librdf_storage* storage, librdf_stream* stream) noexcept {
  return storage_context_add_statements(storage, nullptr, stream);
}

// Removes a statement from one graph (the unnamed one without context).
int storage_context_remove_statement(librdf_storage* storage, librdf_node* context,
                                     librdf_statement* statement) noexcept {
  return guarded(storage, 1, [&] {
    QuadStore& store = *instance_of(storage)->store;
    const auto pattern = pattern_of(store, statement, nullptr);
    const std::optional<TermId> graph =
        store.find(context != nullptr ? spelling_of_node(context) : std::string(kUnnamedGraph));
    if (!pattern || !graph || pattern->subject == kAnyTerm || pattern->predicate == kAnyTerm ||
        pattern->object == kAnyTerm) {
      return 0;  // not there: nothing to remove
    }
    store.remove({pattern->subject, pattern->predicate, pattern->object, *graph});
    return 0;
  });
}

int storage_remove_statement(librdf_storage* storage, librdf_statement* statement) noexcept {
  return storage_context_remove_statement(storage, nullptr, statement);
}

int storage_context_remove_statements(librdf_storage* storage, librdf_node* context) noexcept {
  return guarded(storage, 1, [&] {
    QuadStore& store = *instance_of(storage)->store;
    const std::optional<TermId> graph =
        store.find(context != nullptr ? spelling_of_node(context) : std::string(kUnnamedGraph));
    if (graph) store.remove_graph(*graph);
    return 0;
  });
}

int storage_contains_statement(librdf_storage* storage, librdf_statement* statement) noexcept {
  return guarded(storage, 0, [&] {
    QuadStore& store = *instance_of(storage)->store;
    const auto pattern = pattern_of(store, statement, nullptr);
    if (!pattern) return 0;
    return store.match(*pattern, Distinct::Triples).at_end() ? 0 : 1;
  });
}

librdf_stream* storage_serialise(librdf_storage* storage) noexcept {
  return guarded(storage, static_cast<librdf_stream*>(nullptr), [&] { return new_stream(storage, IdPattern{}); });
}

librdf_stream* storage_find_statements(librdf_storage* storage, librdf_statement* statement) noexcept {
  return guarded(storage, static_cast<librdf_stream*>(nullptr), [&] {
    return new_stream(storage, pattern_of(*instance_of(storage)->store, statement, nullptr));
  });
}

// librdf: "if context is NULL, this is equivalent to find_statements".
librdf_stream* storage_find_statements_in_context(librdf_storage* storage, librdf_statement* statement,
                                                  librdf_node* context) noexcept {
  return guarded(storage, static_cast<librdf_stream*>(nullptr), [&] {
    return new_stream(storage, pattern_of(*instance_of(storage)->store, statement, context));
  });
}

// The statements of a context; of the unnamed graph for a null context.
librdf_stream* storage_context_serialise(librdf_storage* storage, librdf_node* context) noexcept {
  if (context != nullptr) return storage_find_statements_in_context(storage, nullptr, context);
  return guarded(storage, static_cast<librdf_stream*>(nullptr), [&] {
    const auto graph = instance_of(storage)->store->find(kUnnamedGraph);
    return new_stream(storage, graph ? std::optional<IdPattern>(IdPattern{0, 0, 0, *graph}) : std::nullopt);
  });
}

// --- the contexts iterator ---------------------------------------------------

struct ContextsState {
  librdf_storage* storage = nullptr;
  std::shared_ptr<QuadStore> store;
  std::vector<TermId> graphs;
  std::size_t position = 0;
  NodePtr current;
};

// Skips the unnamed graph, which is not a context.
void settle_contexts(ContextsState& state) {
  while (state.position < state.graphs.size() && state.store->spelling(state.graphs[state.position]) == kUnnamedGraph) {
    ++state.position;
  }
}

librdf_iterator* storage_get_contexts(librdf_storage* storage) noexcept {
  return guarded(storage, static_cast<librdf_iterator*>(nullptr), [&]() -> librdf_iterator* {
    auto state = std::make_unique<ContextsState>();
    state->storage = storage;
    state->store = instance_of(storage)->store;
    state->graphs = state->store->graphs();
    settle_contexts(*state);
    librdf_storage_add_reference(storage);
    ContextsState* raw = state.release();
    const auto finished = [](void* context) noexcept {
      auto* s = static_cast<ContextsState*>(context);
      librdf_storage* owner = s->storage;
      delete s;
      librdf_storage_remove_reference(owner);
    };
    librdf_iterator* iterator = librdf_new_iterator(
        librdf_storage_get_world(storage), raw,
        [](void* context) noexcept -> int {
          auto* s = static_cast<ContextsState*>(context);
          return s->position >= s->graphs.size() ? 1 : 0;
        },
        [](void* context) noexcept -> int {
          auto* s = static_cast<ContextsState*>(context);
          s->current.reset();
          ++s->position;
          return guarded(s->storage, 1, [&] {
            settle_contexts(*s);
            return s->position >= s->graphs.size() ? 1 : 0;
          });
        },
        [](void* context, int flags) noexcept -> void* {
          auto* s = static_cast<ContextsState*>(context);
          if (s->position >= s->graphs.size() || flags != LIBRDF_ITERATOR_GET_METHOD_GET_OBJECT) return nullptr;
          return guarded(s->storage, static_cast<void*>(nullptr), [&]() -> void* {
            if (!s->current) {
              NodeMaker nodes(librdf_storage_get_world(s->storage), *s->store);
              s->current.reset(nodes.make(s->graphs[s->position]));
            }
            return s->current.get();
          });
        },
        finished);
    if (iterator == nullptr) finished(raw);
    return iterator;
  });
}

librdf_node* storage_get_feature(librdf_storage* storage, librdf_uri* feature) noexcept {
  if (feature == nullptr) return nullptr;
  const auto* uri = reinterpret_cast<const char*>(librdf_uri_as_string(feature));
  if (uri == nullptr || std::string_view(uri) != LIBRDF_MODEL_FEATURE_CONTEXTS) return nullptr;
  return librdf_new_node_from_typed_literal(librdf_storage_get_world(storage),
                                            reinterpret_cast<const unsigned char*>("1"), nullptr, nullptr);
}

int storage_transaction_start(librdf_storage* storage) noexcept {
  return guarded(storage, 1, [&] {
    instance_of(storage)->store->begin_nested();
    return 0;
  });
}

int storage_transaction_commit(librdf_storage* storage) noexcept {
  return guarded(storage, 1, [&] {
    Instance* instance = instance_of(storage);
    instance->store->commit_nested();
    if (instance->owns_store) instance->store->commit();
    return 0;
  });
}

int storage_transaction_rollback(librdf_storage* storage) noexcept {
  return guarded(storage, 1, [&] {
    instance_of(storage)->store->abort_nested();
    return 0;
  });
}

void register_factory(librdf_storage_factory* factory) {
  factory->version = LIBRDF_STORAGE_INTERFACE_VERSION;
  factory->init = storage_init;
  factory->terminate = storage_terminate;
  factory->open = storage_open;
  factory->close = storage_close;
  factory->size = storage_size;
  factory->add_statement = storage_add_statement;
  factory->add_statements = storage_add_statements;
  factory->remove_statement = storage_remove_statement;
  factory->contains_statement = storage_contains_statement;
  factory->serialise = storage_serialise;
  factory->find_statements = storage_find_statements;
  factory->context_add_statement = storage_context_add_statement;
  factory->context_add_statements = storage_context_add_statements;
  factory->context_remove_statement = storage_context_remove_statement;
  factory->context_remove_statements = storage_context_remove_statements;
  factory->context_serialise = storage_context_serialise;
  factory->find_statements_in_context = storage_find_statements_in_context;
  factory->get_contexts = storage_get_contexts;
  factory->get_feature = storage_get_feature;
  factory->sync = storage_sync;
  factory->transaction_start = storage_transaction_start;
  factory->transaction_commit = storage_transaction_commit;
  factory->transaction_rollback = storage_transaction_rollback;
}

}  // namespace

void register_storage_module(librdf_world* world) {
  librdf_storage_register_factory(world, kStorageName, "newsgraph quads in LMDB", register_factory);
}

std::string store_handle(std::shared_ptr<QuadStore> store) {
  static unsigned long counter = 0;
  const std::lock_guard lock(handles_mutex());
  const std::string handle = fmt::format("store-{}", ++counter);
  handles()[handle] = std::move(store);
  return handle;
}

void release_store_handle(const std::string& handle) noexcept {
  const std::lock_guard lock(handles_mutex());
  handles().erase(handle);
}

}  // namespace ng::graph::redland
