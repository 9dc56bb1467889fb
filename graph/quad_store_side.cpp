// The side tables of a QuadStore: one LMDB database ("side") whose keys are
// a table's name, a NUL, then the entry's own key. What a build keeps there
// (its inputs' file records, its entity index: pipeline/README.md) is
// written in the build's own write transaction, so it commits, or is lost,
// with the quads it describes; and it is not quads, so exports, SPARQL and
// the N-Quads the tests compare never see it.

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/quad_store.hpp"

namespace ng::graph {

namespace {

std::string side_key(std::string_view table, std::string_view key) {
  std::string out;
  out.reserve(table.size() + 1 + key.size());
  out.append(table);
  out.push_back('\0');
  out.append(key);
  return out;
}

}  // namespace

std::optional<std::string> QuadStore::side_get(std::string_view table, std::string_view key) {
  if (env_->side == 0) return std::nullopt;
  const std::string full = side_key(table, key);
  MDB_val k = lmdb::val(full), v{};
  const int rc = mdb_get(txn(), env_->side, &k, &v);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  lmdb::check(rc, "cannot read its side table", where());
  return std::string(lmdb::view(v));
}

void QuadStore::side_put(std::string_view table, std::string_view key, std::string_view value) {
  require_writable("write its side table");
  const std::string full = side_key(table, key);
  if (full.size() > 511) {
    // LMDB's longest key: the callers keep their keys short (a path, a
    // name); one that is not is simply not kept.
    return;
  }
  MDB_val k = lmdb::val(full), v = lmdb::val(value);
  lmdb::check(mdb_put(txn(), env_->side, &k, &v, 0), "cannot write its side table", where());
  dirty_ = true;
}

void QuadStore::side_erase(std::string_view table, std::string_view key) {
  require_writable("write its side table");
  const std::string full = side_key(table, key);
  if (full.size() > 511) return;
  MDB_val k = lmdb::val(full);
  const int rc = mdb_del(txn(), env_->side, &k, nullptr);
  if (rc == MDB_NOTFOUND) return;
  lmdb::check(rc, "cannot write its side table", where());
  dirty_ = true;
}

void QuadStore::side_scan(std::string_view table, std::string_view prefix,
                          const std::function<bool(std::string_view, std::string_view)>& visit) {
  if (env_->side == 0) return;
  const std::string start = side_key(table, prefix);
  lmdb::Cursor cursor(txn(), env_->side, where());
  MDB_val k = lmdb::val(start), v{};
  for (int rc = cursor.step(&k, &v, MDB_SET_RANGE, where()); rc == MDB_SUCCESS;
       rc = cursor.step(&k, &v, MDB_NEXT, where())) {
    const std::string_view found = lmdb::view(k);
    if (!found.starts_with(start)) break;
    if (!visit(found.substr(table.size() + 1), lmdb::view(v))) break;
  }
}

void QuadStore::side_clear(std::string_view table) {
  require_writable("write its side table");
  if (env_->side == 0) return;
  const std::string start = side_key(table, {});
  lmdb::Cursor cursor(txn(), env_->side, where());
  MDB_val k = lmdb::val(start), v{};
  int rc = cursor.step(&k, &v, MDB_SET_RANGE, where());
  while (rc == MDB_SUCCESS && lmdb::view(k).starts_with(start)) {
    lmdb::check(mdb_cursor_del(cursor.get(), 0), "cannot write its side table", where());
    dirty_ = true;
    rc = cursor.step(&k, &v, MDB_NEXT, where());  // after a delete: the entry that followed
  }
}

std::uint64_t QuadStore::last_commit_id() {
  const auto id = static_cast<std::uint64_t>(mdb_txn_id(txn()));
  // A write transaction has the id it will commit as; a read transaction
  // the id of the commit it reads.
  return writable() ? id - 1 : id;
}

}  // namespace ng::graph
