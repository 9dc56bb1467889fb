#pragma once
// Read-only stores for the endpoint's threads. A store is not thread-safe
// and a read-only store reads one snapshot, the last commit when it was
// opened (LMDB): each query opens its own, so that it answers from the
// last build's commit while a build may run, and a long-lived snapshot does
// not keep LMDB from reusing the pages a build frees.

#include <string>

#include "graph/store.hpp"

namespace ng::server {

// The store at `path`, on its last commit. Throws StoreError (no store
// there, not a newsgraph store).
graph::Store latest_store(const std::string& path);

}  // namespace ng::server
