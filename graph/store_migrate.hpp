#pragma once
// `newsgraph migrate`: converts a store of newsgraph 0.1 (format 1: Redland
// `hashes` storage over Berkeley DB in generation directories, a CURRENT
// file) into the LMDB format, in place, keeping every quad.
//
// The old files are read with Redland's own hashes storage, read-only. The
// quads go into data.mdb in one LMDB transaction; then the marker is
// switched to format 2 (the commit point: until then the folder is still
// the old store, and running migrate again starts over); then the old
// generations are deleted.
//
// Throws StoreError (not a format-1 store, a writer holds it, Redland cannot
// read the files) or IoError.

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace ng::graph {

struct MigrationReport {
  std::size_t quads = 0;           // quads in the new store
  std::size_t graphs = 0;          // named graphs
  std::uintmax_t old_bytes = 0;    // size of the Berkeley DB files deleted
  std::uintmax_t new_bytes = 0;    // size of data.mdb
};

MigrationReport migrate_bdb_store(const std::filesystem::path& root);

}  // namespace ng::graph
