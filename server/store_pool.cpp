#include "server/store_pool.hpp"

#include <sys/stat.h>

#include <memory>
#include <unordered_map>

#include "graph/store_directory.hpp"

namespace ng::server {

namespace {

struct OpenStore {
  std::string generation;  // path of the live generation when opened
  ino_t inode = 0;         // of that directory (a store made again reuses names)
  std::unique_ptr<graph::Store> store;
};

}  // namespace

const graph::Store& current_store(const std::string& path) {
  thread_local std::unordered_map<std::string, OpenStore> open;
  const std::string generation = graph::StoreDirectory::live_generation_for_reading(path).string();
  struct stat info {};
  const ino_t inode = ::stat(generation.c_str(), &info) == 0 ? info.st_ino : 0;
  OpenStore& entry = open[path];
  if (!entry.store || entry.generation != generation || entry.inode != inode) {
    entry.store.reset();
    entry.store = std::make_unique<graph::Store>(graph::StoreOptions{path, graph::StoreOptions::Mode::ReadOnly, false});
    entry.generation = generation;
    entry.inode = inode;
  }
  return *entry.store;
}

}  // namespace ng::server
