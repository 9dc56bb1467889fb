#include "graph/sparql/store_quad_source.hpp"

#include <array>
#include <unordered_map>
#include <unordered_set>

#include "graph/redland.hpp"
#include "graph/redland_find.hpp"
#include "graph/redland_store.hpp"
#include "graph/store.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

using redland::NodePtr;

namespace {

using IdTriple = std::array<TermId, 3>;

struct IdTripleHash {
  std::size_t operator()(const IdTriple& t) const noexcept {
    return (static_cast<std::size_t>(t[0]) * 0x9E3779B97F4A7C15ULL) ^ (static_cast<std::size_t>(t[1]) << 21) ^
           (static_cast<std::size_t>(t[2]) * 0xC2B2AE3D27D4EB4FULL);
  }
};

struct LookupKey {
  TermId subject, predicate, object, graph;
  bool operator==(const LookupKey&) const = default;
};

struct LookupKeyHash {
  std::size_t operator()(const LookupKey& k) const noexcept {
    return IdTripleHash{}({k.subject, k.predicate, k.object}) ^ (static_cast<std::size_t>(k.graph) << 7);
  }
};

std::string_view view_of(raptor_uri* uri) {
  if (uri == nullptr) return {};
  std::size_t length = 0;
  const unsigned char* s = raptor_uri_as_counted_string(uri, &length);
  return {reinterpret_cast<const char*>(s), length};
}

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

// The repeats of a default-graph lookup, dropped by id: a few results are
// compared in place, more go into a hash set.
class Repeats {
 public:
  bool first_time(const IdTriple& t) {
    if (set_.empty()) {
      for (std::size_t i = 0; i < small_count_; ++i) {
        if (small_[i] == t) return false;
      }
      if (small_count_ < small_.size()) {
        small_[small_count_++] = t;
        return true;
      }
      set_.insert(small_.begin(), small_.end());
    }
    return set_.insert(t).second;
  }

 private:
  std::array<IdTriple, 16> small_{};
  std::size_t small_count_ = 0;
  std::unordered_set<IdTriple, IdTripleHash> set_;
};

}  // namespace

struct StoreQuadSource::State {
  const Store& store;
  Store::Native& native;
  TermTable& terms;
  // librdf nodes of the terms used in lookups, by TermId (made once).
  std::vector<NodePtr> nodes;
  std::optional<std::vector<TermId>> graphs;
  // Snapshots of recently read named graphs (most recent last).
  std::vector<std::pair<TermId, std::unique_ptr<detail::GraphStatements>>> snapshots;
  std::vector<Slot> cache;  // kSlots, made on first use

  librdf_node* node(TermId id) {
    if (id == kUnbound) return nullptr;
    if (id >= nodes.size()) nodes.resize(static_cast<std::size_t>(id) + 1);
    if (!nodes[id]) nodes[id] = redland::make_node(native.world(), terms.term(id));
    return nodes[id].get();
  }

  NodePtr temporary_node(TermId id) const {
    if (id == kUnbound) return nullptr;
    return redland::make_node(native.world(), terms.term(id));
  }

  const detail::GraphStatements& snapshot(TermId graph) {
    for (auto& [id, statements] : snapshots) {
      if (id == graph) return *statements;
    }
    constexpr std::size_t kKept = 8;
    if (snapshots.size() >= kKept) snapshots.erase(snapshots.begin());
    snapshots.emplace_back(graph, std::make_unique<detail::GraphStatements>(native, node(graph)));
    return *snapshots.back().second;
  }

  // The id of a node, without copying its bytes when the term is known.
  TermId intern(librdf_node* n, TermId known) {
    if (known != kUnbound) return known;
    TermView v;
    switch (librdf_node_get_type(n)) {
      case LIBRDF_NODE_TYPE_RESOURCE:
        v.kind = ontology::Term::Kind::Iri;
        v.value = view_of(librdf_node_get_uri(n));
        break;
      case LIBRDF_NODE_TYPE_BLANK: {
        std::size_t length = 0;
        const unsigned char* id = librdf_node_get_counted_blank_identifier(n, &length);
        v.kind = ontology::Term::Kind::Blank;
        v.value = {reinterpret_cast<const char*>(id), length};
        break;
      }
      case LIBRDF_NODE_TYPE_LITERAL: {
        std::size_t length = 0;
        const unsigned char* value = librdf_node_get_literal_value_as_counted_string(n, &length);
        v.kind = ontology::Term::Kind::Literal;
        v.value = {reinterpret_cast<const char*>(value), length};
        v.datatype = view_of(librdf_node_get_literal_value_datatype_uri(n));
        if (v.datatype == ontology::vocab::xsd::kString) v.datatype = {};
        if (const char* language = librdf_node_get_literal_value_language(n)) {
          v.language = language;
          for (char c : v.language) {
            // Tags are kept in lower case: the rare upper-case one goes
            // through the copying path, which normalises it.
            if (c >= 'A' && c <= 'Z') return terms.intern(redland::to_term(n));
          }
        }
        break;
      }
      default:
        return terms.intern(redland::to_term(n));
    }
    return terms.intern(v);
  }

  // Reads a lookup, calling visit(s, p, o) with ids; the default graph
  // sees each triple once.
  template <class Visit>
  bool read(const TriplePatternIds& pattern, TermId graph, Visit&& visit) {
    if (graph != kUnbound && !terms.term(graph).is_iri()) return true;
    // A literal subject or predicate matches nothing (and librdf would
    // refuse to build the pattern).
    if (pattern.subject != kUnbound && terms.term(pattern.subject).is_literal()) return true;
    if (pattern.predicate != kUnbound && !terms.term(pattern.predicate).is_iri()) return true;
    const detail::GraphStatements* in_graph = graph != kUnbound ? &snapshot(graph) : nullptr;
    // Language tags are compared in lower case (TermTable), the store keeps
    // them as written: a language-tagged object is matched after reading.
    const bool tagged = pattern.object != kUnbound && !terms.term(pattern.object).language.empty();
    // The default graph is the union of the article graphs: a triple in
    // two of them comes back twice from Redland. Repeats are dropped by
    // id here (cheaper than the cursor's own byte keys).
    Repeats seen;
    const bool dedupe = in_graph == nullptr;
    // Subjects and objects change from lookup to lookup: their nodes are
    // made for the lookup and freed after it (kept, every IRI a query
    // touches would stay in raptor's URI tree and slow each lookup down).
    // Predicates and graphs are few: their nodes are kept.
    const NodePtr subject = temporary_node(pattern.subject);
    const NodePtr object = tagged ? NodePtr() : temporary_node(pattern.object);
    for (detail::StatementCursor cursor(native, subject.get(), node(pattern.predicate), object.get(), in_graph, false);
         !cursor.at_end(); cursor.next()) {
      librdf_statement* s = cursor.statement();
      const IdTriple ids{intern(librdf_statement_get_subject(s), pattern.subject),
                         intern(librdf_statement_get_predicate(s), pattern.predicate),
                         intern(librdf_statement_get_object(s), tagged ? kUnbound : pattern.object)};
      if (tagged && ids[2] != pattern.object) continue;
      if (dedupe && !seen.first_time(ids)) continue;
      if (!visit(ids)) return false;
    }
    return true;
  }
};

StoreQuadSource::StoreQuadSource(const Store& store, TermTable& terms)
    : state_(std::make_unique<State>(State{store, store.native(), terms, {}, std::nullopt, {}, {}})) {}

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
    for (std::string& name : st.store.graph_names()) st.graphs->push_back(st.terms.intern(ontology::Term::iri(std::move(name))));
  }
  return *st.graphs;
}

std::size_t StoreQuadSource::estimate(const TriplePatternIds& pattern, TermId graph, std::size_t limit) {
  std::size_t count = 0;
  state_->read(pattern, graph, [&](const IdTriple&) { return ++count < limit; });
  return count;
}

}  // namespace ng::graph::sparql
