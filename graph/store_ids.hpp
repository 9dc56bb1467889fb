#pragma once
// The store at the level of its indexes: every term has a 32-bit id, every
// quad is four ids, and a pattern with some ids bound is answered by one
// range of one sorted index (spog, posg, ospg or gspo). This is what query
// engines and the network views use instead of Redland nodes: no node, no
// string, no allocation per matching quad.
//
//   Store store(...);
//   const auto person = store.id_of(Term::iri(".../schema.org/Person"));
//   const auto type = store.id_of(Term::iri(rdf:type));
//   if (person && type) {
//     for (QuadCursor c = store.match({0, *type, *person, 0}, Distinct::Triples); !c.at_end(); c.next()) {
//       TermId who = c.quad().subject;        // ids ...
//       Term term = store.term_of(who);       // ... to terms when needed (TermCache caches them)
//     }
//   }
//
// Ids are stable while a store is open and across commits, but not across
// `remove`: a term no quad uses any more is deleted at the next commit and
// its id may be given to a new term later. A query keeps ids only for its
// own duration (a per-query TermCache, below).

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

using TermId = std::uint32_t;
// Not a term: in a pattern it matches anything.
inline constexpr TermId kAnyTerm = 0;

struct IdQuad {
  TermId subject = kAnyTerm;
  TermId predicate = kAnyTerm;
  TermId object = kAnyTerm;
  TermId graph = kAnyTerm;
  auto operator<=>(const IdQuad&) const = default;
};

// A pattern is a quad whose kAnyTerm parts match anything.
using IdPattern = IdQuad;

// Whether a match without a graph may return a triple once per graph that
// holds it (Quads) or once (Triples: the default graph of SPARQL here, the
// set union of the named graphs). With a graph bound both are the same.
enum class Distinct { Quads, Triples };

namespace detail {
class QuadScan;  // graph/quad_scan.cpp
struct QuadScanDeleter {
  void operator()(QuadScan* scan) const noexcept;
};
}  // namespace detail

// The quads matching a pattern, in the order of the index that answers it
// (ids ascending in that index's order; not the order of the terms'
// spellings). Reads a page of the index at a time.
//
// A cursor belongs to the store's current transaction: it must not be
// used after commit() or after the Store is gone (it then throws
// StoreError). Changes made while it is open may or may not be seen.
class QuadCursor {
 public:
  QuadCursor() = default;
  QuadCursor(QuadCursor&&) noexcept = default;
  QuadCursor& operator=(QuadCursor&&) noexcept = default;
  ~QuadCursor() = default;

  bool at_end() const noexcept { return position_ >= batch_.size(); }
  const IdQuad& quad() const noexcept { return batch_[position_]; }
  void next() {
    if (++position_ >= batch_.size()) refill();
  }

 private:
  friend class QuadStore;
  explicit QuadCursor(std::unique_ptr<detail::QuadScan, detail::QuadScanDeleter> scan);
  void refill();

  std::unique_ptr<detail::QuadScan, detail::QuadScanDeleter> scan_;
  std::vector<IdQuad> batch_;
  std::size_t position_ = 0;
};

class Store;

// A per-query cache of id -> term and term -> id, so that a query turns
// each id it meets into a term once. Bounded: it forgets everything when
// it holds `capacity` entries. Not thread-safe; valid while the Store is
// open and unchanged (make one per query).
class TermCache {
 public:
  explicit TermCache(const Store& store, std::size_t capacity = 1 << 20) : store_(store), capacity_(capacity) {}
  const ontology::Term& term(TermId id);
  // Nothing when the store has no such term (then no quad can match it).
  std::optional<TermId> id(const ontology::Term& term);

 private:
  const Store& store_;
  std::size_t capacity_;
  std::unordered_map<TermId, ontology::Term> terms_;
  std::unordered_map<std::string, std::optional<TermId>> ids_;  // by spelling
};

}  // namespace ng::graph
