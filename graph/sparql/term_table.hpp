#pragma once
// The terms of one query, each stored once and named by a small integer.
// Rows of solutions hold TermIds, so joins, DISTINCT and grouping compare
// integers; the store's terms are interned as they are read. Id 0 means
// "unbound".
//
// RDF 1.1 makes "x" and "x"^^xsd:string one term: literals typed
// xsd:string are interned without the datatype, as the store keeps them;
// language tags are case-insensitive: they are interned in lower case.
//
// Not thread-safe (one per query). References returned by term() stay
// valid for the table's lifetime.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "ontology/term.hpp"

namespace ng::graph::sparql {

using TermId = std::uint32_t;
inline constexpr TermId kUnbound = 0;

// A term seen through views of someone else's bytes (a store's node), to
// look it up without copying; the parts must already be normalised
// (no xsd:string datatype, a lower-case language tag).
struct TermView {
  ontology::Term::Kind kind = ontology::Term::Kind::Iri;
  std::string_view value, datatype, language;
};

class TermTable {
 public:
  TermTable();
  TermTable(const TermTable&) = delete;
  TermTable& operator=(const TermTable&) = delete;

  TermId intern(ontology::Term term);
  // The id of a term given by views, copying the bytes only for a term not
  // seen before.
  TermId intern(const TermView& view);
  std::optional<TermId> find(const ontology::Term& term) const;
  const ontology::Term& term(TermId id) const { return terms_[id]; }
  std::size_t size() const noexcept { return terms_.size(); }
  // Approximate heap bytes held, for the query's memory limit.
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  struct Hash {
    using is_transparent = void;
    const std::deque<ontology::Term>* terms;
    std::size_t operator()(TermId id) const noexcept { return (*this)((*terms)[id]); }
    std::size_t operator()(const ontology::Term& term) const noexcept {
      return (*this)(TermView{term.kind, term.value, term.datatype, term.language});
    }
    std::size_t operator()(const TermView& term) const noexcept;
  };
  struct Equal {
    using is_transparent = void;
    const std::deque<ontology::Term>* terms;
    bool operator()(TermId a, TermId b) const noexcept { return a == b; }
    bool operator()(const ontology::Term& a, TermId b) const noexcept { return a == (*terms)[b]; }
    bool operator()(TermId a, const ontology::Term& b) const noexcept { return (*terms)[a] == b; }
    bool operator()(const TermView& a, TermId b) const noexcept {
      const ontology::Term& t = (*terms)[b];
      return a.kind == t.kind && a.value == t.value && a.datatype == t.datatype && a.language == t.language;
    }
    bool operator()(TermId a, const TermView& b) const noexcept { return (*this)(b, a); }
  };

  std::deque<ontology::Term> terms_;
  std::unordered_set<TermId, Hash, Equal> index_;
  std::size_t bytes_ = 0;
};

}  // namespace ng::graph::sparql
