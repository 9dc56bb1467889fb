#pragma once
// newsgraph's Redland storage module: librdf storage "newsgraph", quads in
// LMDB (graph/quad_store.hpp), registered with a librdf world at run time
// (librdf_storage_register_factory; Debian's librdf0 ships
// rdf_storage_module.h). librdf models, streams, iterators, contexts and
// transactions then work over it like over Redland's own storages.
//
// Two ways to open it:
// - by directory, as any librdf user would:
//     librdf_new_storage(world, "newsgraph", "name", "dir='/path',write='yes',new='yes'")
//   (no dir: a temporary store). Such a storage owns its store: changes are
//   written by librdf_model_sync(), librdf_model_transaction_commit() and
//   when the storage is freed; a transaction rolled back forgets them.
//   While it is open for writing it holds the store's writer lock.
// - by handle (Store does this): the storage works inside the Store's
//   write transaction and leaves commits to Store::commit().
//
// Semantics: every statement is in a context (a named graph) or in the
// one unnamed graph (a statement added without context). Lookups without a
// context return a statement once per context that holds it, with that
// context from librdf_stream_get_context2(), as Redland's hashes storage
// with contexts does. Streams and iterators belong to the current
// transaction: after a commit they end.

#include <redland.h>

#include <memory>
#include <string>

namespace ng::graph {

class QuadStore;

namespace redland {

inline constexpr const char* kStorageName = "newsgraph";

// Registers the module with `world` (idempotent; World does it when the
// world opens).
void register_storage_module(librdf_world* world);

// A handle for the `handle` storage option that hands `store` to the next
// storage opened with it; valid until release_store_handle().
std::string store_handle(std::shared_ptr<QuadStore> store);
void release_store_handle(const std::string& handle) noexcept;

// The spelling of the unnamed graph (statements added without a context):
// empty, which no term has.
inline constexpr std::string_view kUnnamedGraph = "";

}  // namespace redland
}  // namespace ng::graph
