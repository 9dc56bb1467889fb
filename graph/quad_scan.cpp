#include "graph/quad_scan.hpp"

#include <algorithm>
#include <cstring>

#include "common/error.hpp"

namespace ng::graph {

namespace detail {

using index_order::kParts;
using index_order::part;

ScanPlan plan_scan(const IdPattern& pattern) {
  ScanPlan plan;
  int best = 0;
  // Preference on ties: a graph is a few hundred quads, a subject a few
  // dozen, an object can be many, a predicate very many.
  for (const int order : {index_order::kGspo, index_order::kSpog, index_order::kOspg, index_order::kPosg}) {
    int bound = 0;
    while (bound < 4 && part(pattern, kParts[order][bound]) != kAnyTerm) ++bound;
    if (bound > best) {
      best = bound;
      plan.order = order;
    }
  }
  if (best == 0) return plan;  // everything: spog, whole
  plan.key = part(pattern, kParts[plan.order][0]);
  plan.prefix_length = std::min(best - 1, 3);
  for (int i = 0; i < plan.prefix_length; ++i) plan.prefix[static_cast<std::size_t>(i)] = part(pattern, kParts[plan.order][i + 1]);
  return plan;
}

MDB_dbi index_dbi(const lmdb::Env& env, int order) {
  switch (order) {
    case index_order::kSpog: return env.spog;
    case index_order::kPosg: return env.posg;
    case index_order::kOspg: return env.ospg;
    default: return env.gspo;
  }
}

IndexEntry index_entry(const IdQuad& quad, int order) {
  IndexEntry entry{part(quad, kParts[order][0]), {}};
  for (int i = 0; i < 3; ++i) put_id(entry.dup.data() + 4 * i, part(quad, kParts[order][i + 1]));
  return entry;
}

IdQuad quad_of(int order, TermId key, const unsigned char* dup) {
  TermId parts[4];
  parts[kParts[order][0]] = key;
  for (int i = 0; i < 3; ++i) parts[kParts[order][i + 1]] = get_id(dup + 4 * i);
  return {parts[0], parts[1], parts[2], parts[3]};
}

void QuadScanDeleter::operator()(QuadScan* scan) const noexcept { delete scan; }

QuadScan::QuadScan(std::shared_ptr<QuadStore> store, const IdPattern& pattern, Distinct distinct)
    : store_(std::move(store)),
      pattern_(pattern),
      distinct_(distinct == Distinct::Triples && pattern.graph == kAnyTerm),
      plan_(plan_scan(pattern)) {
  for (int i = 0; i < plan_.prefix_length; ++i) put_id(start_.data() + 4 * i, plan_.prefix[static_cast<std::size_t>(i)]);
  const lmdb::Env& env = store_->env();
  lmdb::check(mdb_cursor_open(store_->txn(), index_dbi(env, plan_.order), &cursor_), "cannot open a cursor",
              env.where());
  store_->register_scan(this);
}

QuadScan::~QuadScan() {
  if (!ended_) {
    store_->unregister_scan(this);
    end();
  }
}

void QuadScan::end() noexcept {
  if (cursor_ != nullptr) mdb_cursor_close(cursor_);
  cursor_ = nullptr;
  ended_ = true;
}

bool QuadScan::fill(std::vector<IdQuad>& out) {
  if (state_ == State::Done) return false;
  if (ended_ || cursor_ == nullptr) {
    throw StoreError("store " + store_->where() + ": a lookup was used after its transaction ended");
  }
  const std::string& where = store_->where();
  const auto get = [&](MDB_cursor_op op) {
    const int rc = mdb_cursor_get(cursor_, &key_, &data_, op);
    if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) lmdb::fail(rc, "cannot read an index", where);
    return rc == MDB_SUCCESS;
  };
  switch (state_) {
    case State::Start: {
      bool found = false;
      if (plan_.key != kAnyTerm) {
        current_key_ = plan_.key;
        key_ = lmdb::val(&current_key_, sizeof current_key_);
        if (plan_.prefix_length > 0) {
          data_ = lmdb::val(start_.data(), start_.size());
          found = get(MDB_GET_BOTH_RANGE);
        } else {
          found = get(MDB_SET_KEY);
        }
      } else {
        found = get(MDB_FIRST);
      }
      if (!found) {
        state_ = State::Done;
        return false;
      }
      take_page(out);
      return true;
    }
    case State::InKey:
      if (get(MDB_NEXT_MULTIPLE)) {
        take_items(data_, out);
        return true;
      }
      [[fallthrough]];
    case State::NextKey:
      if (plan_.key != kAnyTerm || !get(MDB_NEXT_NODUP)) {
        state_ = State::Done;
        return false;
      }
      take_page(out);
      return true;
    case State::Done:
      break;
  }
  return false;
}

// The cursor is on a key (key_) and one of its dups (data_): take the page
// of dups around it, or the one dup when the key has only one.
void QuadScan::take_page(std::vector<IdQuad>& out) {
  if (key_.mv_size != sizeof(TermId) || data_.mv_size != 12) {
    throw StoreError("store " + store_->where() + ": an index entry has the wrong size (the store is damaged: run "
                     "`newsgraph check`)");
  }
  std::memcpy(&current_key_, key_.mv_data, sizeof current_key_);
  MDB_val key = key_;
  MDB_val page{0, nullptr};
  const int rc = mdb_cursor_get(cursor_, &key, &page, MDB_GET_MULTIPLE);
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) lmdb::fail(rc, "cannot read an index", store_->where());
  if (rc != MDB_SUCCESS || page.mv_size == 0) {
    // A key with a single dup has no page of dups.
    take(static_cast<const unsigned char*>(data_.mv_data), out);
    state_ = state_ == State::Done ? State::Done : State::NextKey;
    return;
  }
  take_items(page, out);
}

// A page of dups of the current key (from GET/NEXT_MULTIPLE).
void QuadScan::take_items(const MDB_val& page, std::vector<IdQuad>& out) {
  if (page.mv_size % 12 != 0) {
    throw StoreError("store " + store_->where() + ": an index page has the wrong size (the store is damaged: run "
                     "`newsgraph check`)");
  }
  const auto* bytes = static_cast<const unsigned char*>(page.mv_data);
  for (std::size_t at = 0; at < page.mv_size && state_ != State::Done; at += 12) take(bytes + at, out);
  if (state_ != State::Done) state_ = State::InKey;
}

void QuadScan::take(const unsigned char* dup, std::vector<IdQuad>& out) {
  if (plan_.prefix_length > 0) {
    const std::size_t n = 4 * static_cast<std::size_t>(plan_.prefix_length);
    // A page starts before the range (GET_MULTIPLE returns whole pages).
    if (std::memcmp(dup, start_.data(), 12) < 0) return;
    if (std::memcmp(dup, start_.data(), n) > 0) {
      state_ = State::Done;  // past the range: the key is bound
      return;
    }
  }
  const IdQuad quad = quad_of(plan_.order, current_key_, dup);
  if ((pattern_.subject != kAnyTerm && quad.subject != pattern_.subject) ||
      (pattern_.predicate != kAnyTerm && quad.predicate != pattern_.predicate) ||
      (pattern_.object != kAnyTerm && quad.object != pattern_.object) ||
      (pattern_.graph != kAnyTerm && quad.graph != pattern_.graph)) {
    return;
  }
  if (distinct_) {
    // The graph is the last part of spog, posg and ospg: the copies of a
    // triple in several graphs are neighbours.
    if (have_last_ && last_.subject == quad.subject && last_.predicate == quad.predicate &&
        last_.object == quad.object) {
      return;
    }
    last_ = quad;
    have_last_ = true;
  }
  out.push_back(quad);
}

}  // namespace detail

QuadCursor::QuadCursor(std::unique_ptr<detail::QuadScan, detail::QuadScanDeleter> scan) : scan_(std::move(scan)) {
  refill();
}

void QuadCursor::refill() {
  batch_.clear();
  position_ = 0;
  if (!scan_) return;
  while (batch_.empty()) {
    if (!scan_->fill(batch_)) break;
  }
  if (batch_.empty()) scan_.reset();  // done: give the LMDB cursor back
}

}  // namespace ng::graph
