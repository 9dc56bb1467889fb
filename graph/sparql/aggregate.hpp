#pragma once
// The state of one aggregate over one group (section 18.5.1): COUNT, SUM,
// MIN, MAX, AVG, SAMPLE and GROUP_CONCAT, with DISTINCT. Values that are
// errors (unbound) are skipped by COUNT, MIN, MAX and SAMPLE and make SUM,
// AVG and GROUP_CONCAT an error, as the algebra's Aggregation says.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/sparql/numeric.hpp"
#include "graph/sparql/query.hpp"
#include "graph/sparql/value.hpp"

namespace ng::graph::sparql {

class Accumulator {
 public:
  explicit Accumulator(const Aggregate& spec) : spec_(spec) {}

  // Adds one solution's value (an error Value for an expression error).
  // For COUNT(*), `row_key` identifies the solution (DISTINCT *).
  void add(const Value& value, const TermTable& terms);
  void add_row(const std::vector<TermId>& row);
  // The aggregate's value; an error Value when it has none.
  Value result(const TermTable& terms) const;
  // Approximate bytes held (DISTINCT sets grow).
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  const Aggregate& spec_;
  std::uint64_t count_ = 0;
  bool error_ = false;
  std::optional<Numeric> sum_;
  TermId best_ = kUnbound;  // MIN, MAX, SAMPLE
  std::string text_;        // GROUP_CONCAT
  bool first_text_ = true;
  std::set<TermId> distinct_values_;
  std::set<std::vector<TermId>> distinct_rows_;
  std::size_t bytes_ = 0;
};

}  // namespace ng::graph::sparql
