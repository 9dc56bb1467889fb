#include "graph/sparql/aggregate.hpp"

#include "graph/sparql/compare.hpp"

namespace ng::graph::sparql {

void Accumulator::add_row(const std::vector<TermId>& row) {
  if (spec_.distinct) {
    if (!distinct_rows_.insert(row).second) return;
    bytes_ += 48 + row.size() * sizeof(TermId);
  }
  ++count_;
}

void Accumulator::add(const Value& value, const TermTable& terms) {
  if (!value.ok()) {
    if (spec_.kind == Aggregate::Kind::Sum || spec_.kind == Aggregate::Kind::Avg ||
        spec_.kind == Aggregate::Kind::GroupConcat) {
      error_ = true;
    }
    return;
  }
  // DISTINCT compares terms: intern computed ones through their id.
  if (spec_.distinct) {
    if (!value.has_id()) {
      // Computed values (COUNT(DISTINCT ?x + 1)): the caller interns them
      // before adding; an un-interned value here is counted as new.
    } else if (!distinct_values_.insert(value.id()).second) {
      return;
    } else {
      bytes_ += 40;
    }
  }
  const ontology::Term& term = value.term(terms);
  switch (spec_.kind) {
    case Aggregate::Kind::Count: ++count_; break;
    case Aggregate::Kind::Sum:
    case Aggregate::Kind::Avg: {
      ++count_;
      if (error_) break;
      const auto n = parse_numeric(term);
      if (!n) {
        error_ = true;
        break;
      }
      sum_ = sum_ ? sparql::add(*sum_, *n) : *n;
      if (!sum_) error_ = true;
      break;
    }
    case Aggregate::Kind::Min:
    case Aggregate::Kind::Max: {
      if (!value.has_id()) break;
      if (best_ == kUnbound) {
        best_ = value.id();
        break;
      }
      const int c = order_by_compare(&term, &terms.term(best_));
      if ((spec_.kind == Aggregate::Kind::Min && c < 0) || (spec_.kind == Aggregate::Kind::Max && c > 0)) {
        best_ = value.id();
      }
      break;
    }
    case Aggregate::Kind::Sample:
      if (best_ == kUnbound && value.has_id()) best_ = value.id();
      break;
    case Aggregate::Kind::GroupConcat: {
      if (!term.is_literal()) {
        error_ = true;
        break;
      }
      if (!first_text_) text_ += spec_.separator;
      text_ += term.value;
      first_text_ = false;
      bytes_ = text_.capacity() + 64;
      break;
    }
  }
}

Value Accumulator::result(const TermTable& terms) const {
  (void)terms;
  switch (spec_.kind) {
    case Aggregate::Kind::Count: return Value::of(to_term(Numeric::integer(BigInt(count_))));
    case Aggregate::Kind::Sum:
      if (error_) return {};
      return Value::of(to_term(sum_ ? *sum_ : Numeric::integer(0)));
    case Aggregate::Kind::Avg: {
      if (error_) return {};
      if (count_ == 0) return Value::of(to_term(Numeric::integer(0)));
      const auto average = divide(*sum_, Numeric::integer(BigInt(count_)));
      if (!average) return {};
      return Value::of(to_term(*average));
    }
    case Aggregate::Kind::Min:
    case Aggregate::Kind::Max:
    case Aggregate::Kind::Sample:
      return Value::of(best_);
    case Aggregate::Kind::GroupConcat:
      if (error_) return {};
      return Value::of(ontology::Term::literal(text_));
  }
  return {};
}

}  // namespace ng::graph::sparql
