#pragma once
// The quads in LMDB: a term dictionary and four sorted quad indexes in one
// LMDB environment (data.mdb), read and written in LMDB transactions.
// graph/ only: Store, the Redland storage module and the checker use it.
//
// Databases (named LMDB databases in data.mdb):
//   meta         "format" -> "2", "base-iri" -> the minting base, ...
//   terms        id (u32) -> the term's N-Triples spelling (term_spelling.hpp)
//   term_hashes  XXH3 of a spelling (u64) -> ids with that hash (sorted dups)
//   spog posg    first id (u32) -> the other three, big-endian (12-byte
//   ospg gspo    sorted dups), so one key and a dup prefix is one range
//   sources      graph id (u32) -> the input file it was built from
//   side         table name, NUL, key -> value: a build's own bookkeeping
//                (quad_store_side.cpp), written in the same transactions
//                as the quads but not quads: never exported or counted
//
// Writing: one LMDB write transaction at a time, begun when the store is
// opened for writing and again after each commit. A new term gets its id
// at once (the next free one) but waits in memory with the other new terms
// of the batch; quads are buffered as ids. Both are written in sorted runs
// (flush): the batch's terms in id order (appended) and their hashes in
// hash order, then the quads to the four indexes, before anything reads
// the indexes, at commit, or when a buffer is large. Lookups of terms
// (find, spelling, intern) see the batch's terms before they are written.
// Removing a graph deletes its range of gspo and the matching entries of
// the other indexes; terms no quad uses any more are deleted from the
// dictionary at the next flush.
//
// Reading: a read-only QuadStore holds one read transaction (a snapshot of
// the last commit) for its life; readers never wait for a writer.
//
// Not thread-safe: one thread at a time (the build's store thread and main
// thread take turns, never both). Begin and commit of the write transaction
// happen on the thread that opened the store or called commit() last.
// Throws StoreError.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/lmdb.hpp"
#include "graph/store_ids.hpp"

namespace ng::graph {

// A sorted index entry: key id, then the three dup ids, in 128 bits.
__extension__ typedef unsigned __int128 IndexKey;

class QuadStore : public std::enable_shared_from_this<QuadStore> {
 public:
  enum class Mode { Read, Write, Temporary };

  // Read: the directory must hold a committed store (throws otherwise).
  // Write: creates the LMDB files when missing. Temporary: a store of its
  // own in unlinked files (the in-memory store).
  static std::shared_ptr<QuadStore> open(const std::filesystem::path& directory, Mode mode);
  ~QuadStore();
  QuadStore(const QuadStore&) = delete;
  QuadStore& operator=(const QuadStore&) = delete;

  bool writable() const noexcept { return mode_ != Mode::Read; }
  const std::string& where() const noexcept { return env_->where(); }

  // --- the dictionary ---
  // The id of a spelling, adding it when new (writable stores only).
  TermId intern(std::string_view spelling);
  // The id of a spelling, if the store has it.
  std::optional<TermId> find(std::string_view spelling);
  // The spelling of an id. The view is valid until the next change to the
  // store, flush or the end of the transaction. Throws for an unknown id.
  std::string_view spelling(TermId id);
  std::size_t term_count();

  // --- quads ---
  // Buffered: seen by reads (they flush first), written at flush/commit.
  void add(const IdQuad& quad);
  // Removes one quad; false when it was not there.
  bool remove(const IdQuad& quad);
  // Removes every quad of a graph; returns how many.
  std::size_t remove_graph(TermId graph);
  // The quads of a graph (quad_store_replace.cpp), and removing some
  // quads, neither writing the buffer unless it holds their graph: for
  // replacing a graph by its difference (Store::replace_graph).
  std::vector<IdQuad> stored_graph(TermId graph);
  std::size_t remove_stored(std::span<const IdQuad> quads);
  bool contains(const IdQuad& quad);
  QuadCursor match(const IdPattern& pattern, Distinct distinct);
  std::size_t size();
  // Quads matching a pattern with at most the index's key bound exactly
  // (an upper bound otherwise): for choosing join orders.
  std::size_t estimate(const IdPattern& pattern);
  bool has_graph(TermId graph);
  // Graph ids, ascending.
  std::vector<TermId> graphs();
  // Distinct subjects, ascending ids.
  std::vector<TermId> subjects();

  // --- where graphs came from (for `newsgraph remove`) ---
  void set_source(TermId graph, std::string_view input_path);
  std::vector<std::pair<TermId, std::string>> sources();
  std::optional<std::string> source(TermId graph);

  // --- small named values kept with the store ---
  std::optional<std::string> meta(std::string_view key);
  void set_meta(std::string_view key, std::string_view value);

  // --- side tables (quad_store_side.cpp): named tables of byte keys and
  // values in the same transactions as the quads, for what a build keeps
  // about its inputs and its entities; not part of the graph ---
  std::optional<std::string> side_get(std::string_view table, std::string_view key);
  void side_put(std::string_view table, std::string_view key, std::string_view value);
  void side_erase(std::string_view table, std::string_view key);
  // Every entry of `table` whose key starts with `prefix`, in key order;
  // `visit` returns false to stop.
  void side_scan(std::string_view table, std::string_view prefix,
                 const std::function<bool(std::string_view key, std::string_view value)>& visit);
  void side_clear(std::string_view table);
  // The id of the last committed transaction (of any writer): a build
  // stamps what it keeps with it, to know later whether anything else
  // wrote the store since.
  std::uint64_t last_commit_id();

  // --- transactions ---
  // Writes the batch's new terms into the dictionary and the buffer into
  // the indexes (and deletes unused terms).
  void flush();
  // Makes everything durable and visible to readers; a new write
  // transaction begins. Cursors of the old one end. Without changes it
  // does nothing.
  void commit();
  // Forgets every change since the last commit.
  void rollback();
  // A nested transaction inside the write transaction (librdf's
  // transaction_start); commit_nested() keeps its changes in the outer one.
  void begin_nested();
  void commit_nested();
  void abort_nested();
  bool in_nested() const noexcept { return static_cast<bool>(nested_); }
  // Grows whenever ids may change meaning (terms deleted, a rollback).
  std::uint64_t epoch() const noexcept { return epoch_; }
  // Ends the transaction (changes not committed are lost); any later use
  // throws. Called by the owner; cursors still open end.
  void close() noexcept;

  // For QuadScan and the checker.
  MDB_txn* txn() const;
  const lmdb::Env& env() const noexcept { return *env_; }
  void register_scan(detail::QuadScan* scan) { scans_.insert(scan); }
  void unregister_scan(detail::QuadScan* scan) noexcept { scans_.erase(scan); }

 private:
  QuadStore(std::shared_ptr<lmdb::Env> env, Mode mode);
  void open_databases(bool create);
  void begin();
  void end_scans() noexcept;
  void require_writable(std::string_view what) const;
  void write_run(MDB_dbi dbi, const std::vector<IndexKey>& entries);
  void write_terms();
  std::optional<TermId> cached(std::string_view spelling, std::uint64_t hash) const;
  std::optional<TermId> find_pending(std::string_view spelling, std::uint64_t hash) const;
  // The id of a spelling in the batch or the dictionary (not the cache).
  std::optional<TermId> find_stored(std::string_view spelling, std::uint64_t hash);
  void forget_pending_terms() noexcept;
  void erase_in_indexes(const IdQuad& quad);
  void collect_garbage();

  std::shared_ptr<lmdb::Env> env_;
  Mode mode_;
  lmdb::Txn base_;
  lmdb::Txn nested_;
  bool closed_ = false;

  std::vector<IdQuad> pending_;
  std::unordered_map<TermId, std::size_t> pending_graphs_;
  // Terms of removed quads, checked for other uses at the next flush.
  std::set<TermId> maybe_unused_;
  // Spelling -> id of terms met in this transaction, by the spelling's
  // hash (cleared when it grows large, and on rollback). Keyed by the hash
  // so that a lookup reads no other spelling than the one it finds: with
  // the spellings as keys, each lookup compared and hashed again the other
  // spellings of its bucket, a cache miss each, and that was the store
  // thread's biggest cost at 100,000 articles. One spelling per hash: a
  // second one with the same hash is not remembered.
  struct CachedTerm {
    std::string spelling;
    TermId id = 0;
  };
  std::unordered_map<std::uint64_t, CachedTerm> interned_;
  TermId next_id_ = 0;  // 0: read from the dictionary on first use
  // The new terms of this batch, not yet in the dictionary: ids
  // first_pending_id_, first_pending_id_ + 1, ... in order (a deque, so that
  // views of them stay valid while it grows), and their hashes -> ids.
  std::deque<std::string> pending_terms_;
  std::unordered_multimap<std::uint64_t, TermId> pending_hashes_;
  TermId first_pending_id_ = 0;
  std::size_t pending_term_bytes_ = 0;
  std::uint64_t epoch_ = 0;
  // Whether the write transaction changed anything (a commit without
  // changes keeps the transaction and its cursors).
  bool dirty_ = false;
  std::set<detail::QuadScan*> scans_;
};

// Index orders: which quad part is the key and which are the dups.
namespace index_order {
inline constexpr int kSpog = 0, kPosg = 1, kOspg = 2, kGspo = 3;
// The quad part (0 s, 1 p, 2 o, 3 g) at each position of each order.
inline constexpr int kParts[4][4] = {{0, 1, 2, 3}, {1, 2, 0, 3}, {2, 0, 1, 3}, {3, 0, 1, 2}};
inline TermId part(const IdQuad& q, int which) {
  switch (which) {
    case 0: return q.subject;
    case 1: return q.predicate;
    case 2: return q.object;
    default: return q.graph;
  }
}
}  // namespace index_order

}  // namespace ng::graph
