// newsgraph's storage module through librdf's own API, as any Redland
// program would use it: storages by name and options, models, statements
// with and without contexts, streams, iterators, transactions.

#include <redland.h>

#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>

#include "common/c_deleter.hpp"
#include "graph/redland_storage.hpp"
#include "graph_test_support.hpp"

using namespace ng;
using namespace ng::graph::test;

namespace {

using WorldPtr = std::unique_ptr<librdf_world, CDeleter<librdf_free_world>>;
using StoragePtr = std::unique_ptr<librdf_storage, CDeleter<librdf_free_storage>>;
using ModelPtr = std::unique_ptr<librdf_model, CDeleter<librdf_free_model>>;
using NodePtr = std::unique_ptr<librdf_node, CDeleter<librdf_free_node>>;
using StatementPtr = std::unique_ptr<librdf_statement, CDeleter<librdf_free_statement>>;
using StreamPtr = std::unique_ptr<librdf_stream, CDeleter<librdf_free_stream>>;
using IteratorPtr = std::unique_ptr<librdf_iterator, CDeleter<librdf_free_iterator>>;

const unsigned char* u(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.c_str()); }

struct Redland {
  WorldPtr world{librdf_new_world()};
  std::vector<std::string> errors;
  Redland() {
    librdf_world_set_logger(world.get(), this, [](void* self, librdf_log_message* message) noexcept -> int {
      if (librdf_log_message_level(message) >= LIBRDF_LOG_ERROR && message->message != nullptr) {
        static_cast<Redland*>(self)->errors.emplace_back(message->message);
      }
      return 1;
    });
    librdf_world_open(world.get());
    graph::redland::register_storage_module(world.get());
  }
  librdf_node* iri(const std::string& local) { return librdf_new_node_from_uri_string(world.get(), u(kEx + local)); }
  librdf_node* literal(const std::string& text) {
    return librdf_new_node_from_literal(world.get(), u(text), nullptr, 0);
  }
  StatementPtr statement(const std::string& s, const std::string& p, librdf_node* o) {
    return StatementPtr(librdf_new_statement_from_nodes(world.get(), iri(s), iri(p), o));
  }
  StoragePtr storage(const std::string& options) {
    return StoragePtr(librdf_new_storage(world.get(), "newsgraph", "test", options.c_str()));
  }
};

std::string iri_of(librdf_node* node) {
  if (node == nullptr) return "(none)";
  return reinterpret_cast<const char*>(librdf_uri_as_string(librdf_node_get_uri(node)));
}

// "subject-local predicate-local context-local" of every statement of a stream.
std::multiset<std::string> rows(librdf_stream* stream) {
  std::multiset<std::string> out;
  for (; stream != nullptr && !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement* st = librdf_stream_get_object(stream);
    librdf_node* context = librdf_stream_get_context2(stream);
    const auto local = [](const std::string& iri) { return iri.substr(std::min(iri.size(), kEx.size())); };
    out.insert(local(iri_of(librdf_statement_get_subject(st))) + " " +
               local(iri_of(librdf_statement_get_predicate(st))) + " " +
               (context != nullptr ? local(iri_of(context)) : std::string("-")));
  }
  return out;
}

// A model with: a1 {tamsin name, tamsin type}, a2 {tamsin name, oren name},
// and oren knows tamsin without a context.
void fill(Redland& r, librdf_model* model) {
  NodePtr a1(r.iri("a1")), a2(r.iri("a2"));
  REQUIRE(librdf_model_context_add_statement(model, a1.get(), r.statement("tamsin", "name", r.literal("Tamsin")).get()) == 0);
  REQUIRE(librdf_model_context_add_statement(model, a1.get(), r.statement("tamsin", "type", r.iri("Person")).get()) == 0);
  REQUIRE(librdf_model_context_add_statement(model, a2.get(), r.statement("tamsin", "name", r.literal("Tamsin")).get()) == 0);
  REQUIRE(librdf_model_context_add_statement(model, a2.get(), r.statement("oren", "name", r.literal("Oren")).get()) == 0);
  REQUIRE(librdf_model_add_statement(model, r.statement("oren", "knows", r.iri("tamsin")).get()) == 0);
}

}  // namespace

TEST_CASE("librdf adds, finds with wildcards and contexts, and removes through the newsgraph storage",
          "[graph][redland]") {
  Redland r;
  TempDir dir;
  StoragePtr storage = r.storage("dir='" + (dir / "store") + "',new='yes'");
  REQUIRE(storage);
  ModelPtr model(librdf_new_model(r.world.get(), storage.get(), nullptr));
  REQUIRE(model);
  fill(r, model.get());
  CHECK(librdf_model_size(model.get()) == 5);
  // A statement already in its context is not added twice.
  NodePtr a1(r.iri("a1"));
  librdf_model_context_add_statement(model.get(), a1.get(), r.statement("tamsin", "name", r.literal("Tamsin")).get());
  CHECK(librdf_model_size(model.get()) == 5);

  SECTION("wildcards, each statement once per context") {
    StreamPtr all(librdf_model_as_stream(model.get()));
    CHECK(rows(all.get()) == std::multiset<std::string>{"tamsin name a1", "tamsin type a1", "tamsin name a2",
                                                        "oren name a2", "oren knows -"});
    StatementPtr by_subject(librdf_new_statement_from_nodes(r.world.get(), r.iri("tamsin"), nullptr, nullptr));
    StreamPtr s(librdf_model_find_statements(model.get(), by_subject.get()));
    CHECK(rows(s.get()) == std::multiset<std::string>{"tamsin name a1", "tamsin type a1", "tamsin name a2"});
    StatementPtr by_predicate(librdf_new_statement_from_nodes(r.world.get(), nullptr, r.iri("name"), nullptr));
    StreamPtr p(librdf_model_find_statements(model.get(), by_predicate.get()));
    CHECK(rows(p.get()).size() == 3);
    StatementPtr by_object(librdf_new_statement_from_nodes(r.world.get(), nullptr, nullptr, r.iri("tamsin")));
    StreamPtr o(librdf_model_find_statements(model.get(), by_object.get()));
    CHECK(rows(o.get()) == std::multiset<std::string>{"oren knows -"});
    StatementPtr unknown(librdf_new_statement_from_nodes(r.world.get(), r.iri("nobody"), nullptr, nullptr));
    StreamPtr none(librdf_model_find_statements(model.get(), unknown.get()));
    CHECK(rows(none.get()).empty());
  }
  SECTION("contexts") {
    NodePtr a2(r.iri("a2"));
    StreamPtr in_a2(librdf_model_context_as_stream(model.get(), a2.get()));
    CHECK(rows(in_a2.get()) == std::multiset<std::string>{"tamsin name a2", "oren name a2"});
    StatementPtr names(librdf_new_statement_from_nodes(r.world.get(), nullptr, r.iri("name"), nullptr));
    StreamPtr names_in_a1(librdf_model_find_statements_in_context(model.get(), names.get(), a1.get()));
    CHECK(rows(names_in_a1.get()) == std::multiset<std::string>{"tamsin name a1"});
    CHECK(librdf_model_contains_context(model.get(), a2.get()) != 0);
    std::set<std::string> contexts;
    IteratorPtr it(librdf_model_get_contexts(model.get()));
    for (; it && !librdf_iterator_end(it.get()); librdf_iterator_next(it.get())) {
      contexts.insert(iri_of(static_cast<librdf_node*>(librdf_iterator_get_object(it.get()))));
    }
    CHECK(contexts == std::set<std::string>{kEx + "a1", kEx + "a2"});
    NodePtr tamsin(r.iri("tamsin")), name(r.iri("name"));
    IteratorPtr targets(librdf_model_get_targets(model.get(), tamsin.get(), name.get()));
    int count = 0;
    for (; targets && !librdf_iterator_end(targets.get()); librdf_iterator_next(targets.get())) ++count;
    CHECK(count == 2);  // once per context, as Redland's hashes storage does
    CHECK(librdf_model_contains_statement(model.get(), r.statement("oren", "knows", r.iri("tamsin")).get()) != 0);
    CHECK(librdf_model_contains_statement(model.get(), r.statement("oren", "knows", r.iri("oren")).get()) == 0);
  }
  SECTION("removing") {
    CHECK(librdf_model_context_remove_statement(model.get(), a1.get(),
                                                r.statement("tamsin", "name", r.literal("Tamsin")).get()) == 0);
    CHECK(librdf_model_size(model.get()) == 4);
    CHECK(librdf_model_remove_statement(model.get(), r.statement("oren", "knows", r.iri("tamsin")).get()) == 0);
    NodePtr a2(r.iri("a2"));
    CHECK(librdf_model_context_remove_statements(model.get(), a2.get()) == 0);
    StreamPtr all(librdf_model_as_stream(model.get()));
    CHECK(rows(all.get()) == std::multiset<std::string>{"tamsin type a1"});
  }
  SECTION("what a storage opened by directory holds is there after it is freed") {
    model.reset();
    storage.reset();
    StoragePtr again = r.storage("dir='" + (dir / "store") + "',write='no'");
    REQUIRE(again);
    ModelPtr reread(librdf_new_model(r.world.get(), again.get(), nullptr));
    CHECK(librdf_model_size(reread.get()) == 5);
  }
  CHECK(r.errors.empty());
}

TEST_CASE("librdf transactions commit or roll back the newsgraph storage", "[graph][redland]") {
  Redland r;
  TempDir dir;
  StoragePtr storage = r.storage("dir='" + (dir / "store") + "',new='yes'");
  ModelPtr model(librdf_new_model(r.world.get(), storage.get(), nullptr));
  fill(r, model.get());
  REQUIRE(librdf_model_sync(model.get()) == 0);
  NodePtr a3(r.iri("a3"));

  REQUIRE(librdf_model_transaction_start(model.get()) == 0);
  librdf_model_context_add_statement(model.get(), a3.get(), r.statement("ilse", "name", r.literal("Ilse")).get());
  CHECK(librdf_model_size(model.get()) == 6);
  REQUIRE(librdf_model_transaction_rollback(model.get()) == 0);
  CHECK(librdf_model_size(model.get()) == 5);

  REQUIRE(librdf_model_transaction_start(model.get()) == 0);
  librdf_model_context_add_statement(model.get(), a3.get(), r.statement("ilse", "name", r.literal("Ilse")).get());
  REQUIRE(librdf_model_transaction_commit(model.get()) == 0);
  // Committed: a reader (another storage on the same files) sees it.
  StoragePtr reader = r.storage("dir='" + (dir / "store") + "',write='no'");
  ModelPtr read(librdf_new_model(r.world.get(), reader.get(), nullptr));
  CHECK(librdf_model_size(read.get()) == 6);
  // A second writer is refused while the first holds the store.
  CHECK_FALSE(r.storage("dir='" + (dir / "store") + "'"));
  CHECK_FALSE(r.errors.empty());
}

TEST_CASE("librdf streams outlive their model and end cleanly when their transaction ends", "[graph][redland]") {
  Redland r;
  TempDir dir;
  StoragePtr storage = r.storage("dir='" + (dir / "store") + "',new='yes'");
  ModelPtr model(librdf_new_model(r.world.get(), storage.get(), nullptr));
  for (int i = 0; i < 2000; ++i) {
    librdf_model_add_statement(model.get(), r.statement("s" + std::to_string(i), "name", r.literal("x")).get());
  }
  librdf_model_sync(model.get());

  SECTION("the stream keeps the storage alive after model and storage are freed") {
    StreamPtr stream(librdf_model_as_stream(model.get()));
    model.reset();
    storage.reset();
    CHECK(rows(stream.get()).size() == 2000);
  }
  SECTION("a commit while a stream is open ends the stream, it does not read freed pages") {
    StreamPtr stream(librdf_model_as_stream(model.get()));
    REQUIRE_FALSE(librdf_stream_end(stream.get()));
    librdf_model_add_statement(model.get(), r.statement("late", "name", r.literal("y")).get());
    REQUIRE(librdf_model_sync(model.get()) == 0);  // commits: the stream's transaction ends
    const std::size_t seen = rows(stream.get()).size();
    CHECK(seen < 2001);
    CHECK_FALSE(r.errors.empty());  // said so
  }
}
