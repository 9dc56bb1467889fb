#include "graph/quad_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <future>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/quad_scan.hpp"
#include "graph/term_spelling.hpp"

namespace fs = std::filesystem;

namespace ng::graph {

namespace {

// Quads buffered before they are written to the indexes on their own: 64 MB.
constexpr std::size_t kFlushAt = std::size_t{1} << 22;
// Spellings remembered by intern() before the cache starts again, and the
// longest one worth remembering (article texts are met once).
constexpr std::size_t kInternCacheSize = std::size_t{1} << 20;
constexpr std::size_t kCachedSpelling = 256;
// Quads added between two releases of the map's pages (lmdb.hpp).
constexpr std::size_t kAddsPerRelease = std::size_t{1} << 18;

// The key and data of a u32 / u64 as LMDB's MDB_INTEGERKEY wants them
// (native byte order).
struct U32Key {
  TermId value;
  MDB_val val() { return lmdb::val(&value, sizeof value); }
};
struct U64Key {
  std::uint64_t value;
  MDB_val val() { return lmdb::val(&value, sizeof value); }
};

[[noreturn]] void damaged(const std::string& where, const std::string& what) {
  throw StoreError(fmt::format("store {} is damaged: {} (run `newsgraph check`)", where, what));
}

}  // namespace

std::size_t QuadStore::SpellingHash::operator()(std::string_view s) const noexcept { return spelling_hash(s); }

std::shared_ptr<QuadStore> QuadStore::open(const fs::path& directory, Mode mode) {
  lmdb::EnvOptions options;
  options.directory = directory;
  options.temporary = mode == Mode::Temporary;
  // A reader opens LMDB writable when it may (nothing is written by
  // opening), so that a writer later in the same process can share the
  // environment (LMDB allows one per process).
  options.writable = mode != Mode::Read || (::access(directory.c_str(), W_OK) == 0 &&
                                            ::access((directory / "data.mdb").c_str(), W_OK) == 0);
  std::shared_ptr<lmdb::Env> env = lmdb::Env::open(options);
  if (mode == Mode::Write && !env->writable()) {
    throw StoreError(fmt::format("store {} is open read-only in this process", directory.string()));
  }
  std::shared_ptr<QuadStore> store(new QuadStore(std::move(env), mode));
  store->open_databases(mode != Mode::Read);
  store->begin();
  return store;
}

QuadStore::QuadStore(std::shared_ptr<lmdb::Env> env, Mode mode) : env_(std::move(env)), mode_(mode) {}

QuadStore::~QuadStore() { close(); }

void QuadStore::open_databases(bool create) {
  if (env_->dbs_open) return;
  lmdb::Txn txn(*env_, create);
  const unsigned index_flags = MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED | (create ? MDB_CREATE : 0U);
  const auto open = [&](const char* name, unsigned flags, MDB_dbi& dbi) {
    const int rc = mdb_dbi_open(txn.get(), name, flags, &dbi);
    if (rc == MDB_NOTFOUND) throw StoreError(fmt::format("store {} has no committed data", where()));
    lmdb::check(rc, fmt::format("cannot open its {} database", name), where());
  };
  const unsigned create_flag = create ? MDB_CREATE : 0U;
  open("meta", create_flag, env_->meta);
  open("terms", MDB_INTEGERKEY | create_flag, env_->terms);
  open("term_hashes", MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED | MDB_INTEGERDUP | create_flag, env_->term_hashes);
  open("spog", index_flags, env_->spog);
  open("posg", index_flags, env_->posg);
  open("ospg", index_flags, env_->ospg);
  open("gspo", index_flags, env_->gspo);
  open("sources", MDB_INTEGERKEY | create_flag, env_->sources);
  // Stores written before the side tables have none: created by the next
  // writer, absent (empty) for a reader.
  if (const int rc = mdb_dbi_open(txn.get(), "side", create_flag, &env_->side); rc == MDB_NOTFOUND) {
    env_->side = 0;
  } else {
    lmdb::check(rc, "cannot open its side database", where());
  }
  txn.commit();
  env_->dbs_open = true;
}

void QuadStore::begin() { base_ = lmdb::Txn(*env_, writable()); }

MDB_txn* QuadStore::txn() const {
  if (closed_) throw StoreError(fmt::format("store {} is closed", where()));
  return nested_ ? nested_.get() : base_.get();
}

void QuadStore::require_writable(std::string_view what) const {
  if (!writable()) throw StoreError(fmt::format("cannot {}: store {} is open read-only", what, where()));
  if (closed_) throw StoreError(fmt::format("store {} is closed", where()));
}

void QuadStore::end_scans() noexcept {
  for (detail::QuadScan* scan : scans_) scan->end();
  scans_.clear();
}

// --- the dictionary ----------------------------------------------------------

std::optional<TermId> QuadStore::find(std::string_view spelling) {
  if (const auto it = interned_.find(spelling); it != interned_.end()) return it->second;
  U64Key hash{spelling_hash(spelling)};
  lmdb::Cursor cursor(txn(), env_->term_hashes, where());
  MDB_val key = hash.val(), data{};
  for (int rc = cursor.step(&key, &data, MDB_SET_KEY, where()); rc == MDB_SUCCESS;
       rc = cursor.step(&key, &data, MDB_NEXT_DUP, where())) {
    TermId id = 0;
    if (data.mv_size != sizeof id) damaged(where(), "a term hash entry has the wrong size");
    std::memcpy(&id, data.mv_data, sizeof id);
    if (this->spelling(id) == spelling) return id;
  }
  return std::nullopt;
}

TermId QuadStore::intern(std::string_view spelling) {
  require_writable("add terms");
  if (const auto it = interned_.find(spelling); it != interned_.end()) return it->second;
  std::optional<TermId> id = find(spelling);
  if (!id) {
    if (next_id_ == 0) {
      lmdb::Cursor cursor(txn(), env_->terms, where());
      MDB_val key{}, data{};
      next_id_ = 1;
      if (cursor.step(&key, &data, MDB_LAST, where()) == MDB_SUCCESS) {
        TermId last = 0;
        std::memcpy(&last, key.mv_data, sizeof last);
        next_id_ = last + 1;
      }
    }
    if (next_id_ == 0xFFFFFFFFU) throw StoreError(fmt::format("store {} is full: 4 billion terms", where()));
    U32Key key{next_id_};
    MDB_val k = key.val(), v = lmdb::val(spelling);
    lmdb::check(mdb_put(txn(), env_->terms, &k, &v, MDB_APPEND), "cannot add a term", where());
    U64Key hash{spelling_hash(spelling)};
    MDB_val hk = hash.val(), hv = key.val();
    lmdb::check(mdb_put(txn(), env_->term_hashes, &hk, &hv, 0), "cannot add a term", where());
    id = next_id_++;
    dirty_ = true;
  }
  if (spelling.size() <= kCachedSpelling) {
    if (interned_.size() >= kInternCacheSize) interned_.clear();
    interned_.emplace(spelling, *id);
  }
  return *id;
}

std::string_view QuadStore::spelling(TermId id) {
  U32Key key{id};
  MDB_val k = key.val(), v{};
  const int rc = mdb_get(txn(), env_->terms, &k, &v);
  if (rc == MDB_NOTFOUND) damaged(where(), fmt::format("term {} is missing", id));
  lmdb::check(rc, "cannot read a term", where());
  return lmdb::view(v);
}

std::size_t QuadStore::term_count() {
  MDB_stat stat{};
  lmdb::check(mdb_stat(txn(), env_->terms, &stat), "cannot read its statistics", where());
  return stat.ms_entries;
}

// --- quads -------------------------------------------------------------------

void QuadStore::add(const IdQuad& quad) {
  require_writable("add quads");
  pending_.push_back(quad);
  ++pending_graphs_[quad.graph];
  dirty_ = true;
  if (pending_.size() >= kFlushAt) flush();
  // Interning reads the dictionary through the map; a big build would
  // otherwise end up with all of data.mdb counted as its memory.
  if (++added_since_release_ >= kAddsPerRelease) {
    env_->release_mapped_pages();
    added_since_release_ = 0;
  }
}

void QuadStore::erase_in_indexes(const IdQuad& quad) {
  for (const int order : {index_order::kPosg, index_order::kOspg, index_order::kGspo}) {
    detail::IndexEntry entry = detail::index_entry(quad, order);
    MDB_val k = lmdb::val(&entry.key, sizeof entry.key), v = lmdb::val(entry.dup.data(), entry.dup.size());
    const int rc = mdb_del(txn(), detail::index_dbi(*env_, order), &k, &v);
    if (rc == MDB_NOTFOUND) damaged(where(), "a quad is in one index and missing from another");
    lmdb::check(rc, "cannot remove a quad", where());
  }
  for (const TermId id : {quad.subject, quad.predicate, quad.object, quad.graph}) maybe_unused_.insert(id);
}

bool QuadStore::remove(const IdQuad& quad) {
  require_writable("remove quads");
  flush();
  detail::IndexEntry entry = detail::index_entry(quad, index_order::kSpog);
  MDB_val k = lmdb::val(&entry.key, sizeof entry.key), v = lmdb::val(entry.dup.data(), entry.dup.size());
  const int rc = mdb_del(txn(), env_->spog, &k, &v);
  if (rc == MDB_NOTFOUND) return false;
  lmdb::check(rc, "cannot remove a quad", where());
  erase_in_indexes(quad);
  dirty_ = true;
  return true;
}

std::size_t QuadStore::remove_graph(TermId graph) {
  require_writable("remove a graph");
  // With none of the graph's quads in the buffer, the indexes hold all of
  // them: read them without writing the buffer first. A build that replaces
  // hundreds of article graphs (10 new articles relink ~200 in a
  // 10,000-article store) otherwise wrote a small sorted run, and collected
  // garbage terms, once per graph. The terms of the removed quads wait in
  // maybe_unused_ until the next flush, which writes the buffer first: a term
  // the buffer uses again is kept.
  if (pending_graphs_.contains(graph)) flush();  // rare: a graph added and replaced in one transaction
  std::vector<IdQuad> quads;
  for (QuadCursor cursor(std::unique_ptr<detail::QuadScan, detail::QuadScanDeleter>(new detail::QuadScan(
           shared_from_this(), {kAnyTerm, kAnyTerm, kAnyTerm, graph}, Distinct::Quads)));
       !cursor.at_end(); cursor.next()) {
    quads.push_back(cursor.quad());
  }
  if (quads.empty()) return 0;
  dirty_ = true;
  U32Key key{graph};
  MDB_val k = key.val();
  lmdb::check(mdb_del(txn(), env_->gspo, &k, nullptr), "cannot remove a graph", where());
  for (const IdQuad& quad : quads) {
    for (const int order : {index_order::kSpog, index_order::kPosg, index_order::kOspg}) {
      detail::IndexEntry entry = detail::index_entry(quad, order);
      MDB_val ek = lmdb::val(&entry.key, sizeof entry.key), ev = lmdb::val(entry.dup.data(), entry.dup.size());
      const int rc = mdb_del(txn(), detail::index_dbi(*env_, order), &ek, &ev);
      if (rc == MDB_NOTFOUND) damaged(where(), "a quad is in one index and missing from another");
      lmdb::check(rc, "cannot remove a graph", where());
    }
    for (const TermId id : {quad.subject, quad.predicate, quad.object}) maybe_unused_.insert(id);
  }
  maybe_unused_.insert(graph);
  const int rc = mdb_del(txn(), env_->sources, &k, nullptr);
  if (rc != MDB_NOTFOUND) lmdb::check(rc, "cannot remove a graph", where());
  return quads.size();
}

bool QuadStore::contains(const IdQuad& quad) {
  if (quad.subject == kAnyTerm || quad.predicate == kAnyTerm || quad.object == kAnyTerm || quad.graph == kAnyTerm) {
    return !match(quad, Distinct::Triples).at_end();
  }
  flush();
  detail::IndexEntry entry = detail::index_entry(quad, index_order::kSpog);
  lmdb::Cursor cursor(txn(), env_->spog, where());
  MDB_val k = lmdb::val(&entry.key, sizeof entry.key), v = lmdb::val(entry.dup.data(), entry.dup.size());
  return cursor.step(&k, &v, MDB_GET_BOTH, where()) == MDB_SUCCESS;
}

QuadCursor QuadStore::match(const IdPattern& pattern, Distinct distinct) {
  flush();
  // The scan keeps this store (not its transaction) alive.
  return QuadCursor(std::unique_ptr<detail::QuadScan, detail::QuadScanDeleter>(
      new detail::QuadScan(shared_from_this(), pattern, distinct)));
}

std::size_t QuadStore::size() {
  flush();
  MDB_stat stat{};
  lmdb::check(mdb_stat(txn(), env_->spog, &stat), "cannot read its statistics", where());
  return stat.ms_entries;
}

std::size_t QuadStore::estimate(const IdPattern& pattern) {
  const detail::ScanPlan plan = detail::plan_scan(pattern);
  if (plan.key == kAnyTerm) return size();
  flush();
  lmdb::Cursor cursor(txn(), detail::index_dbi(*env_, plan.order), where());
  TermId key = plan.key;
  MDB_val k = lmdb::val(&key, sizeof key), v{};
  if (cursor.step(&k, &v, MDB_SET_KEY, where()) != MDB_SUCCESS) return 0;
  std::size_t count = 0;
  lmdb::check(mdb_cursor_count(cursor.get(), &count), "cannot count", where());
  return static_cast<std::size_t>(count);
}

bool QuadStore::has_graph(TermId graph) {
  if (pending_graphs_.contains(graph)) return true;
  lmdb::Cursor cursor(txn(), env_->gspo, where());
  U32Key key{graph};
  MDB_val k = key.val(), v{};
  return cursor.step(&k, &v, MDB_SET_KEY, where()) == MDB_SUCCESS;
}

namespace {
std::vector<TermId> keys_of(MDB_txn* txn, MDB_dbi dbi, const std::string& where) {
  std::vector<TermId> keys;
  lmdb::Cursor cursor(txn, dbi, where);
  MDB_val k{}, v{};
  for (int rc = cursor.step(&k, &v, MDB_FIRST, where); rc == MDB_SUCCESS;
       rc = cursor.step(&k, &v, MDB_NEXT_NODUP, where)) {
    TermId id = 0;
    std::memcpy(&id, k.mv_data, sizeof id);
    keys.push_back(id);
  }
  return keys;
}
}  // namespace

std::vector<TermId> QuadStore::graphs() {
  flush();
  return keys_of(txn(), env_->gspo, where());
}

std::vector<TermId> QuadStore::subjects() {
  flush();
  return keys_of(txn(), env_->spog, where());
}

// --- sources -----------------------------------------------------------------

void QuadStore::set_source(TermId graph, std::string_view input_path) {
  require_writable("record where a graph came from");
  U32Key key{graph};
  MDB_val k = key.val(), v = lmdb::val(input_path);
  lmdb::check(mdb_put(txn(), env_->sources, &k, &v, 0), "cannot record where a graph came from", where());
  dirty_ = true;
}

std::vector<std::pair<TermId, std::string>> QuadStore::sources() {
  std::vector<std::pair<TermId, std::string>> out;
  lmdb::Cursor cursor(txn(), env_->sources, where());
  MDB_val k{}, v{};
  for (int rc = cursor.step(&k, &v, MDB_FIRST, where()); rc == MDB_SUCCESS;
       rc = cursor.step(&k, &v, MDB_NEXT, where())) {
    TermId id = 0;
    std::memcpy(&id, k.mv_data, sizeof id);
    out.emplace_back(id, std::string(lmdb::view(v)));
  }
  return out;
}

std::optional<std::string> QuadStore::source(TermId graph) {
  U32Key key{graph};
  MDB_val k = key.val(), v{};
  const int rc = mdb_get(txn(), env_->sources, &k, &v);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  lmdb::check(rc, "cannot read where a graph came from", where());
  return std::string(lmdb::view(v));
}

// --- meta --------------------------------------------------------------------

std::optional<std::string> QuadStore::meta(std::string_view key) {
  MDB_val k = lmdb::val(key), v{};
  const int rc = mdb_get(txn(), env_->meta, &k, &v);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  lmdb::check(rc, "cannot read its metadata", where());
  return std::string(lmdb::view(v));
}

void QuadStore::set_meta(std::string_view key, std::string_view value) {
  require_writable("write metadata");
  MDB_val k = lmdb::val(key), v = lmdb::val(value);
  lmdb::check(mdb_put(txn(), env_->meta, &k, &v, 0), "cannot write its metadata", where());
  dirty_ = true;
}

// --- writing the buffer ------------------------------------------------------

namespace {

using Key = IndexKey;

Key pack(const IdQuad& quad, int order) {
  using index_order::kParts;
  using index_order::part;
  Key key = 0;
  for (int i = 0; i < 4; ++i) key = (key << 32) | part(quad, kParts[order][i]);
  return key;
}

// The entries of one index for a run of quads, sorted, each once.
std::vector<Key> sorted_entries(const std::vector<IdQuad>& quads, int order) {
  std::vector<Key> keys;
  keys.reserve(quads.size());
  for (const IdQuad& quad : quads) keys.push_back(pack(quad, order));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

// Writes sorted entries into one index, as fast as LMDB allows without
// running out of dirty-page room in a big transaction:
// - a key the index does not have yet, or whose new dups all sort after
//   its last one, gets its dups in MDB_MULTIPLE puts (one descent of the
//   B-tree per few thousand dups; keys past the index's last key and dups
//   past the key's last dup are appended without a search);
// - new dups that fall between a key's existing ones go in one by one.
// LMDB makes room (spills dirty pages to the file) before each put from
// an estimate of the pages the put dirties; a MULTIPLE put whose dups land
// on pages all over a big key would dirty far more than that estimate
// (MDB_TXN_FULL at 100,000 articles), one dup per put never does.
// A quad the index has already is a no-op (LMDB keeps dups unique).
void QuadStore::write_run(MDB_dbi dbi, const std::vector<IndexKey>& entries) {
  constexpr std::size_t kMultiple = 2048;  // dups per MDB_MULTIPLE put
  lmdb::Cursor cursor(txn(), dbi, where());
  TermId last = 0;
  {
    MDB_val k{}, v{};
    if (cursor.step(&k, &v, MDB_LAST, where()) == MDB_SUCCESS) std::memcpy(&last, k.mv_data, sizeof last);
  }
  std::vector<unsigned char> dups;
  for (std::size_t begin = 0; begin < entries.size();) {
    const auto key = static_cast<TermId>(entries[begin] >> 96);
    std::size_t end = begin;
    dups.clear();
    for (; end < entries.size() && static_cast<TermId>(entries[end] >> 96) == key; ++end) {
      unsigned char dup[12];
      for (int i = 0; i < 3; ++i) detail::put_id(dup + 4 * i, static_cast<TermId>(entries[end] >> (64 - 32 * i)));
      dups.insert(dups.end(), dup, dup + 12);
    }
    const std::size_t count = end - begin;
    TermId k_value = key;
    MDB_val k = lmdb::val(&k_value, sizeof k_value);
    bool bulk = true;
    unsigned flags = MDB_MULTIPLE;
    if (key > last) {
      flags |= MDB_APPEND;
      last = key;
    } else {
      MDB_val found = k, v{};
      if (cursor.step(&found, &v, MDB_SET_KEY, where()) == MDB_SUCCESS) {
        MDB_val last_dup{};
        cursor.step(&found, &last_dup, MDB_LAST_DUP, where());
        bulk = last_dup.mv_size == 12 && std::memcmp(dups.data(), last_dup.mv_data, 12) > 0;
        if (bulk) flags |= MDB_APPENDDUP;
      }
    }
    if (bulk) {
      for (std::size_t at = 0; at < count; at += kMultiple) {
        const std::size_t n = std::min(kMultiple, count - at);
        MDB_val data[2] = {lmdb::val(dups.data() + 12 * at, 12), MDB_val{n, nullptr}};
        // After the first put the key exists: append its dups only.
        const unsigned put_flags = at == 0 ? flags : (MDB_MULTIPLE | MDB_APPENDDUP);
        lmdb::check(mdb_cursor_put(cursor.get(), &k, data, put_flags), "cannot write an index", where());
      }
    } else {
      for (std::size_t at = 0; at < count; ++at) {
        MDB_val data = lmdb::val(dups.data() + 12 * at, 12);
        const int rc = mdb_cursor_put(cursor.get(), &k, &data, MDB_NODUPDATA);
        if (rc != MDB_KEYEXIST) lmdb::check(rc, "cannot write an index", where());
      }
    }
    begin = end;
  }
}

void QuadStore::flush() {
  if (closed_) return;
  if (!pending_.empty()) {
    const std::vector<IdQuad> quads = std::move(pending_);
    pending_.clear();
    pending_graphs_.clear();
    const int orders[4] = {index_order::kSpog, index_order::kPosg, index_order::kOspg, index_order::kGspo};
    if (quads.size() < 20000) {
      for (const int order : orders) write_run(detail::index_dbi(*env_, order), sorted_entries(quads, order));
    } else {
      // The next index's entries are sorted on a second thread while this
      // one is written (LMDB writes stay on this thread).
      std::future<std::vector<Key>> next = std::async(std::launch::async, sorted_entries, std::cref(quads), orders[0]);
      for (int i = 0; i < 4; ++i) {
        std::vector<Key> entries = next.get();
        if (i + 1 < 4) next = std::async(std::launch::async, sorted_entries, std::cref(quads), orders[i + 1]);
        write_run(detail::index_dbi(*env_, orders[i]), entries);
      }
      env_->release_mapped_pages();  // a big run read much of the file
    }
  }
  if (!maybe_unused_.empty()) collect_garbage();
}

void QuadStore::collect_garbage() {
  std::set<TermId> candidates = std::move(maybe_unused_);
  maybe_unused_.clear();
  lmdb::Cursor cursors[4] = {{txn(), env_->spog, where()},
                             {txn(), env_->posg, where()},
                             {txn(), env_->ospg, where()},
                             {txn(), env_->gspo, where()}};
  std::size_t deleted = 0;
  for (TermId id : candidates) {
    bool used = false;
    for (lmdb::Cursor& cursor : cursors) {
      MDB_val k = lmdb::val(&id, sizeof id), v{};
      if (cursor.step(&k, &v, MDB_SET_KEY, where()) == MDB_SUCCESS) {
        used = true;
        break;
      }
    }
    if (used) continue;
    const std::string spelling(this->spelling(id));
    U32Key key{id};
    MDB_val k = key.val();
    lmdb::check(mdb_del(txn(), env_->terms, &k, nullptr), "cannot delete a term", where());
    U64Key hash{spelling_hash(spelling)};
    MDB_val hk = hash.val(), hv = key.val();
    int rc = mdb_del(txn(), env_->term_hashes, &hk, &hv);
    if (rc != MDB_NOTFOUND) lmdb::check(rc, "cannot delete a term", where());
    rc = mdb_del(txn(), env_->sources, &k, nullptr);  // a graph emptied quad by quad
    if (rc != MDB_NOTFOUND) lmdb::check(rc, "cannot delete a term", where());
    interned_.erase(spelling);
    ++deleted;
  }
  if (deleted > 0) ++epoch_;
  if (deleted > 0) spdlog::debug("store {}: {} terms no longer used, deleted", where(), deleted);
}

// --- transactions ------------------------------------------------------------

void QuadStore::commit() {
  require_writable("commit");
  flush();
  if (!dirty_ && !nested_) return;
  end_scans();
  if (nested_) nested_.commit();
  base_.commit();
  dirty_ = false;
  begin();
}

void QuadStore::rollback() {
  require_writable("roll back");
  end_scans();
  nested_.abort();
  base_.abort();
  dirty_ = false;
  pending_.clear();
  pending_graphs_.clear();
  maybe_unused_.clear();
  interned_.clear();
  next_id_ = 0;
  ++epoch_;
  begin();
}

void QuadStore::begin_nested() {
  require_writable("begin a transaction");
  if (nested_) throw StoreError(fmt::format("store {}: a transaction is already open", where()));
  flush();
  end_scans();
  nested_ = lmdb::Txn(*env_, true, base_.get());
}

void QuadStore::commit_nested() {
  if (!nested_) throw StoreError(fmt::format("store {}: no transaction is open", where()));
  flush();
  end_scans();
  nested_.commit();
}

void QuadStore::abort_nested() {
  if (!nested_) throw StoreError(fmt::format("store {}: no transaction is open", where()));
  end_scans();
  nested_.abort();
  pending_.clear();
  pending_graphs_.clear();
  maybe_unused_.clear();
  interned_.clear();
  next_id_ = 0;
  ++epoch_;
}

void QuadStore::close() noexcept {
  if (closed_) return;
  end_scans();
  nested_.abort();
  base_.abort();
  closed_ = true;
}

}  // namespace ng::graph
