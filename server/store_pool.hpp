#pragma once
// Read-only stores for the endpoint's threads. Redland is not
// thread-safe, so each thread keeps its own open store; before each query
// it checks which generation is live (the store's CURRENT file) and opens
// the store again only when a build has committed a new one. Opening a
// 1 GB store costs ~25 ms; the check, one small file read.

#include "graph/store.hpp"

#include <string>

namespace ng::server {

// The calling thread's store at `path`, on the last committed state.
// Throws StoreError (no store there, not a newsgraph store).
const graph::Store& current_store(const std::string& path);

}  // namespace ng::server
