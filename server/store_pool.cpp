#include "server/store_pool.hpp"

namespace ng::server {

graph::Store latest_store(const std::string& path) {
  return graph::Store(graph::StoreOptions{path, graph::StoreOptions::Mode::ReadOnly, false});
}

}  // namespace ng::server
