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
// New terms kept in memory before they are written on their own (most
// batches are written with the quads, every kFlushAt quads: ~600,000
// new terms at 100,000 articles): 2M terms or 256 MB of spellings.
constexpr std::size_t kPendingTerms = std::size_t{1} << 21;
constexpr std::size_t kPendingTermBytes = std::size_t{256} << 20;

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

std::optional<TermId> QuadStore::find_pending(std::string_view spelling, std::uint64_t hash) const {
  const auto [begin, end] = pending_hashes_.equal_range(hash);
  for (auto it = begin; it != end; ++it) {
    if (pending_terms_[it->second - first_pending_id_] == spelling) return it->second;
  }
  return std::nullopt;
}

std::optional<TermId> QuadStore::cached(std::string_view spelling, std::uint64_t hash) const {
  const auto it = interned_.find(hash);
  if (it != interned_.end() && it->second.spelling == spelling) return it->second.id;
  return std::nullopt;
}

std::optional<TermId> QuadStore::find(std::string_view spelling) {
  const std::uint64_t hash = spelling_hash(spelling);
  if (std::optional<TermId> id = cached(spelling, hash)) return id;
  return find_stored(spelling, hash);
}

std::optional<TermId> QuadStore::find_stored(std::string_view spelling, std::uint64_t hash_value) {
  U64Key hash{hash_value};
  if (!pending_terms_.empty()) {
    if (std::optional<TermId> id = find_pending(spelling, hash.value)) return id;
  }
  // Interning reads the dictionary through the map; a big build would
  // otherwise end up with all of data.mdb counted as its memory.
  env_->limit_mapped_pages();
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

// A new term gets the next id at once (the caller's quads use it) and
// waits with the batch's other new terms; write_terms() puts them into the
// dictionary together. Inserting each new term's hash on its own was a
// random insert into a B-tree of millions of hashes: at 100,000 articles
// (10 million terms) its pages no longer stayed in the CPU's caches or in
// the write transaction's dirty pages (LMDB spilled them to the file and
// read them back), and the store thread's cost per quad grew 4.5x.
TermId QuadStore::intern(std::string_view spelling) {
  require_writable("add terms");
  const std::uint64_t hash = spelling_hash(spelling);
  if (std::optional<TermId> id = cached(spelling, hash)) return *id;
  std::optional<TermId> id = find_stored(spelling, hash);
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
    if (pending_terms_.empty()) first_pending_id_ = next_id_;
    pending_terms_.emplace_back(spelling);
    pending_hashes_.emplace(hash, next_id_);
    pending_term_bytes_ += spelling.size();
    id = next_id_++;
    dirty_ = true;
  }
  if (spelling.size() <= kCachedSpelling) {
    if (interned_.size() >= kInternCacheSize) interned_.clear();
    interned_.try_emplace(hash, CachedTerm{std::string(spelling), *id});
  }
  if (pending_terms_.size() >= kPendingTerms || pending_term_bytes_ >= kPendingTermBytes) write_terms();
  return *id;
}

std::string_view QuadStore::spelling(TermId id) {
  if (id >= first_pending_id_ && id - first_pending_id_ < pending_terms_.size()) {
    return pending_terms_[id - first_pending_id_];
  }
  // A lookup by id lands anywhere in the dictionary (Store::graph_names
  // spells every graph: 100,000 scattered reads at 100,000 articles).
  env_->limit_mapped_pages();
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
  return stat.ms_entries + pending_terms_.size();
}

// --- quads -------------------------------------------------------------------

void QuadStore::add(const IdQuad& quad) {
  require_writable("add quads");
  pending_.push_back(quad);
  ++pending_graphs_[quad.graph];
  dirty_ = true;
  if (pending_.size() >= kFlushAt) flush();
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
    env_->limit_mapped_pages(3);
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
// Every key of an index: the whole index is walked (a key's dups in a
// subtree of their own), so its reads count against the map's budget.
// The last phase of a 100,000-article build (the graphs' names, read to
// drop stale metrics) mapped 3.3 GB here and in spelling() before they did.
std::vector<TermId> keys_of(const lmdb::Env& env, MDB_txn* txn, MDB_dbi dbi, const std::string& where) {
  std::vector<TermId> keys;
  lmdb::Cursor cursor(txn, dbi, where);
  MDB_val k{}, v{};
  for (int rc = cursor.step(&k, &v, MDB_FIRST, where); rc == MDB_SUCCESS;
       rc = cursor.step(&k, &v, MDB_NEXT_NODUP, where)) {
    env.limit_mapped_pages();
    TermId id = 0;
    std::memcpy(&id, k.mv_data, sizeof id);
    keys.push_back(id);
  }
  return keys;
}
}  // namespace

std::vector<TermId> QuadStore::graphs() {
  flush();
  return keys_of(*env_, txn(), env_->gspo, where());
}

std::vector<TermId> QuadStore::subjects() {
  flush();
  return keys_of(*env_, txn(), env_->spog, where());
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
    // A run reads pages all over the index through the map (the pages of
    // this transaction LMDB spilled to the file, and the committed ones):
    // kept within the map's budget, so that they do not pile up in the
    // process's resident memory (with a release every 262,144 entries, a
    // 100,000-article build's mapped pages reached 3.3 GB). A sorted
    // run does not come back to a leaf, so a release costs a new fault for
    // the few branch pages above them. The cursor's pages stay valid: a
    // page released from the map is read from the page cache again when
    // touched. A key's dups put one by one read a page each; its dups put
    // in bulk, a page per few hundred.
    env_->limit_mapped_pages(bulk ? 1 + count / 256 : count);
  }
}

// The batch's new terms: id -> spelling appended in id order (every id is
// past the dictionary's last), hash -> id in hash order, each in one
// cursor pass, so that one batch dirties each page of term_hashes at most
// once instead of once per term.
void QuadStore::write_terms() {
  if (pending_terms_.empty()) return;
  {
    lmdb::Cursor cursor(txn(), env_->terms, where());
    TermId id = first_pending_id_;
    for (const std::string& spelling : pending_terms_) {
      U32Key key{id++};
      MDB_val k = key.val(), v = lmdb::val(spelling);
      lmdb::check(mdb_cursor_put(cursor.get(), &k, &v, MDB_APPEND), "cannot add a term", where());
    }
  }
  std::vector<std::pair<std::uint64_t, TermId>> hashes(pending_hashes_.begin(), pending_hashes_.end());
  std::sort(hashes.begin(), hashes.end());
  {
    lmdb::Cursor cursor(txn(), env_->term_hashes, where());
    for (const auto& [hash, id] : hashes) {
      U64Key hk{hash};
      U32Key hv{id};
      MDB_val k = hk.val(), v = hv.val();
      lmdb::check(mdb_cursor_put(cursor.get(), &k, &v, 0), "cannot add a term", where());
      env_->limit_mapped_pages();
    }
  }
  pending_terms_.clear();
  pending_hashes_.clear();
  pending_term_bytes_ = 0;
}

void QuadStore::forget_pending_terms() noexcept {
  pending_terms_.clear();
  pending_hashes_.clear();
  pending_term_bytes_ = 0;
}

void QuadStore::flush() {
  if (closed_) return;
  write_terms();
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
    env_->limit_mapped_pages(4);
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
    if (const auto it = interned_.find(hash.value); it != interned_.end() && it->second.id == id) interned_.erase(it);
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
  forget_pending_terms();
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
  forget_pending_terms();
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
