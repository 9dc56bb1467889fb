// The store's memory map (graph/lmdb.hpp): a build or an export reads the
// whole data file through it, and Env::release_mapped_pages drops those
// pages from the process's resident memory again.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <string>

#include "graph/lmdb.hpp"
#include "graph_test_support.hpp"

using namespace ng::graph;

namespace {

// The process's resident pages of mapped files, in kB (/proc/self/status):
// RssFile, plus RssShmem for a store on tmpfs (a /tmp in memory), whose
// pages the kernel counts as shared memory instead.
long resident_file_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  long file_kb = -1, shmem_kb = 0;
  while (std::getline(status, line)) {
    if (line.rfind("RssFile:", 0) == 0) file_kb = std::stol(line.substr(8));
    if (line.rfind("RssShmem:", 0) == 0) shmem_kb = std::stol(line.substr(9));
  }
  return file_kb < 0 ? -1 : file_kb + shmem_kb;
}

constexpr int kValues = 12000;  // 12,000 values of 4 KB: about 47 MB of data file
constexpr std::size_t kValueBytes = 4096;

std::string key_of(int i) {
  std::string key = std::to_string(i);
  return std::string(8 - key.size(), '0') + key;
}

// Writes kValues values of kValueBytes bytes, each `byte`, into the main
// table, in one committed transaction.
MDB_dbi fill(lmdb::Env& env, char byte) {
  MDB_dbi dbi = 0;
  lmdb::Txn write(env, /*write=*/true);
  lmdb::check(mdb_dbi_open(write.get(), nullptr, 0, &dbi), "open", env.where());
  const std::string value(kValueBytes, byte);
  for (int i = 0; i < kValues; ++i) {
    const std::string key = key_of(i);
    MDB_val k = lmdb::val(key), v = lmdb::val(value);
    lmdb::check(mdb_put(write.get(), dbi, &k, &v, 0), "put", env.where());
  }
  write.commit();
  return dbi;
}

}  // namespace

TEST_CASE("releasing the store's mapped pages lowers the resident memory a full read raised",
          "[graph][lmdb]") {
  test::TempDir dir;
  const auto env = lmdb::Env::open({dir.path(), /*writable=*/true, /*temporary=*/false});
  const MDB_dbi dbi = fill(*env, 'x');
  env->release_mapped_pages();
  const long before = resident_file_kb();
  REQUIRE(before >= 0);

  lmdb::Txn read(*env, /*write=*/false);
  long checksum = 0;
  for (int i = 0; i < kValues; ++i) {
    const std::string key = key_of(i);
    MDB_val k = lmdb::val(key), v{};
    REQUIRE(mdb_get(read.get(), dbi, &k, &v) == MDB_SUCCESS);
    checksum += static_cast<const char*>(v.mv_data)[kValueBytes / 2];  // touches the value's page
  }
  CHECK(checksum == long{'x'} * kValues);
  const long after_read = resident_file_kb();
  CHECK(after_read - before > 30000);  // the values' pages are mapped in

  env->release_mapped_pages();
  const long released = resident_file_kb();
  CHECK(after_read - released > 30000);
}

TEST_CASE("reads that keep the map within its budget never leave more than the budget mapped", "[graph][lmdb]") {
  test::TempDir dir;
  constexpr long kBudget = long{4} << 20;  // 4 MB of the ~47 MB file
  const auto env = lmdb::Env::open({dir.path(), /*writable=*/true, /*temporary=*/false, kBudget});
  const MDB_dbi dbi = fill(*env, 'y');
  env->release_mapped_pages();
  const long before = env->mapped_file_bytes();
  REQUIRE(before > 0);
  const std::size_t releases_before = env->releases();

  lmdb::Txn read(*env, /*write=*/false);
  long checksum = 0;
  long most = 0;
  for (int i = 0; i < kValues; ++i) {
    const std::string key = key_of(i);
    MDB_val k = lmdb::val(key), v{};
    REQUIRE(mdb_get(read.get(), dbi, &k, &v) == MDB_SUCCESS);
    checksum += static_cast<const char*>(v.mv_data)[kValueBytes / 2];
    env->limit_mapped_pages();
    most = std::max(most, env->mapped_file_bytes() - before);
  }
  CHECK(checksum == long{'y'} * kValues);  // every value read whole, through releases
  CHECK(env->releases() > releases_before);
  // The budget, and what 256 reads of 4 KB (the reads between two looks)
  // can map past it: far below the 47 MB a read without limits maps.
  CHECK(most < kBudget + (long{12} << 20));
}
