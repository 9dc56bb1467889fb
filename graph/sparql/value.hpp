#pragma once
// The result of evaluating an expression: a term of the query's table, a
// term computed on the way (not interned until it is bound to a variable),
// or an error (SPARQL's expression errors: unbound variables, type errors;
// a FILTER treats them as false, BIND leaves the variable unbound).

#include <optional>
#include <utility>

#include "graph/sparql/term_table.hpp"

namespace ng::graph::sparql {

class Value {
 public:
  Value() = default;  // an error
  static Value of(TermId id) {
    Value v;
    v.state_ = id == kUnbound ? State::Error : State::Id;
    v.id_ = id;
    return v;
  }
  static Value of(ontology::Term term) {
    Value v;
    v.state_ = State::Owned;
    v.owned_ = std::move(term);
    return v;
  }
  static Value boolean(bool b);

  bool ok() const noexcept { return state_ != State::Error; }
  bool has_id() const noexcept { return state_ == State::Id; }
  TermId id() const noexcept { return id_; }
  const ontology::Term& term(const TermTable& terms) const { return state_ == State::Id ? terms.term(id_) : owned_; }
  // The term's id, interning a computed term; kUnbound for an error.
  TermId intern(TermTable& terms) const {
    if (state_ == State::Id) return id_;
    if (state_ == State::Error) return kUnbound;
    return terms.intern(owned_);
  }

 private:
  enum class State { Error, Id, Owned };
  State state_ = State::Error;
  TermId id_ = kUnbound;
  ontology::Term owned_;
};

}  // namespace ng::graph::sparql
