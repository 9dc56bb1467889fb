#include "graph/sparql/store_quad_source.hpp"

#include <array>
#include <limits>
#include <unordered_map>

#include "graph/store.hpp"
#include "graph/store_ids.hpp"

namespace ng::graph::sparql {

namespace {

// The store's ids and the query's are both 32-bit but mean different
// things: the store's are stable across queries, the query's number the
// terms it has met (TermTable). This file maps between them.
using StoreId = graph::TermId;

// to_store entries that are not ids.
constexpr StoreId kNotLooked = std::numeric_limits<StoreId>::max();
constexpr StoreId kAbsent = kNotLooked - 1;

using IdTriple = std::array<TermId, 3>;

struct LookupKey {
  TermId subject, predicate, object, graph;
  bool operator==(const LookupKey&) const = default;
};

struct LookupKeyHash {
  std::size_t operator()(const LookupKey& k) const noexcept {
    return (static_cast<std::size_t>(k.subject) * 0x9E3779B97F4A7C15ULL) ^
           (static_cast<std::size_t>(k.predicate) << 21) ^
           (static_cast<std::size_t>(k.object) * 0xC2B2AE3D27D4EB4FULL) ^ (static_cast<std::size_t>(k.graph) << 7);
  }
};

// Lookups repeat (the name of the same speaker for each of their
// quotations): results of up to kSlotTriples triples are kept for the
// query in a direct-mapped table (a new lookup takes over its slot), so
// that keeping them costs no allocation and a bounded 2 MB.
constexpr std::size_t kSlots = 1 << 14;
constexpr std::size_t kSlotTriples = 6;

struct Slot {
  LookupKey key{};
  std::uint8_t count = 0;
  bool used = false;
  std::array<IdTriple, kSlotTriples> triples{};
};

}  // namespace

struct StoreQuadSource::State {
  const Store& store;
  TermTable& terms;
  // Query id -> store id (kNotLooked until asked, kAbsent when the store
  // does not have the term: then nothing can match it).
  std::vector<StoreId> to_store;
  // Store id -> query id, for the terms read back.
  std::unordered_map<StoreId, TermId> to_query;
  std::optional<std::vector<TermId>> graphs;
  std::vector<Slot> cache;  // kSlots, made on first use

  StoreId store_id(TermId id) {
    if (id >= to_store.size()) to_store.resize(static_cast<std::size_t>(id) + 1, kNotLooked);
    StoreId& known = to_store[id];
    if (known == kNotLooked) {
      const std::optional<StoreId> found = store.id_of(terms.term(id));
      known = found ? *found : kAbsent;
      if (found) to_query.emplace(*found, id);
    }
    return known;
  }

  TermId query_id(StoreId id) {
    const auto [it, added] = to_query.try_emplace(id, kUnbound);
    if (added) it->second = terms.intern(store.term_of(id));
    return it->second;
  }

  // Reads a lookup, calling visit(s, p, o) with query ids; the default
  // graph sees each triple once (the store drops the repeats).
  template <class Visit>
  bool read(const TriplePatternIds& pattern, TermId graph, Visit&& visit) {
    IdPattern ids;
    // Language tags are compared in lower case (TermTable), the store keeps
    // them as written: a language-tagged object is matched after reading.
    const bool tagged = pattern.object != kUnbound && !terms.term(pattern.object).language.empty();
    const std::array<std::pair<TermId, StoreId*>, 4> parts{{{pattern.subject, &ids.subject},
                                                            {pattern.predicate, &ids.predicate},
                                                            {tagged ? kUnbound : pattern.object, &ids.object},
                                                            {graph, &ids.graph}}};
    for (const auto& [query, out] : parts) {
      if (query == kUnbound) continue;
      const StoreId id = store_id(query);
      if (id == kAbsent) return true;
      *out = id;
    }
    for (QuadCursor c = store.match(ids, Distinct::Triples); !c.at_end(); c.next()) {
      const IdQuad& q = c.quad();
      const IdTriple t{pattern.subject != kUnbound ? pattern.subject : query_id(q.subject),
                       pattern.predicate != kUnbound ? pattern.predicate : query_id(q.predicate),
                       pattern.object != kUnbound && !tagged ? pattern.object : query_id(q.object)};
      if (tagged && t[2] != pattern.object) continue;
      if (!visit(t)) return false;
    }
    return true;
  }
};

StoreQuadSource::StoreQuadSource(const Store& store, TermTable& terms)
    : state_(std::make_unique<State>(State{store, terms, {}, {}, std::nullopt, {}})) {}

StoreQuadSource::~StoreQuadSource() = default;

bool StoreQuadSource::match(const TriplePatternIds& pattern, TermId graph,
                            FunctionRef<bool(TermId, TermId, TermId)> visit) {
  State& st = *state_;
  const bool cacheable = pattern.subject != kUnbound || pattern.object != kUnbound;
  if (!cacheable) return st.read(pattern, graph, [&](const IdTriple& t) { return visit(t[0], t[1], t[2]); });
  const LookupKey key{pattern.subject, pattern.predicate, pattern.object, graph};
  if (st.cache.empty()) st.cache.resize(kSlots);
  Slot& slot = st.cache[LookupKeyHash{}(key) % kSlots];
  if (slot.used && slot.key == key) {
    for (std::size_t i = 0; i < slot.count; ++i) {
      if (!visit(slot.triples[i][0], slot.triples[i][1], slot.triples[i][2])) return false;
    }
    return true;
  }
  std::array<IdTriple, kSlotTriples> kept{};
  std::size_t count = 0;
  bool small = true;
  const bool complete = st.read(pattern, graph, [&](const IdTriple& t) {
    if (small) {
      if (count < kSlotTriples) {
        kept[count++] = t;
      } else {
        small = false;
      }
    }
    return visit(t[0], t[1], t[2]);
  });
  if (complete && small) {
    slot.key = key;
    slot.used = true;
    slot.count = static_cast<std::uint8_t>(count);
    slot.triples = kept;
  }
  return complete;
}

const std::vector<TermId>& StoreQuadSource::graphs() {
  State& st = *state_;
  if (!st.graphs) {
    st.graphs.emplace();
    for (const StoreId id : st.store.graph_ids()) st.graphs->push_back(st.query_id(id));
  }
  return *st.graphs;
}

std::size_t StoreQuadSource::estimate(const TriplePatternIds& pattern, TermId graph, std::size_t limit) {
  std::size_t count = 0;
  state_->read(pattern, graph, [&](const IdTriple&) { return ++count < limit; });
  return count;
}

}  // namespace ng::graph::sparql
