#include "loaders/nlp/parser/oracle.hpp"

namespace ng::nlp::parsing {

MoveCosts move_costs(const ParseState& state, const GoldTree& gold) noexcept {
  MoveCosts costs;
  const std::int32_t s0 = state.stack(0);
  const std::int32_t s1 = state.stack(1);
  const std::int32_t b0 = state.buffer(0);
  const auto first = static_cast<std::int32_t>(state.buffer_begin());
  const auto n = static_cast<std::int32_t>(state.words());
  const auto gold_head = [&](std::int32_t p) { return gold.heads[static_cast<std::size_t>(p)]; };

  // Dependents of s0 still in the buffer: lost by LEFT and RIGHT alike.
  int s0_buffer_dependents = 0;
  if (s0 > 0) {
    for (std::int32_t d = first; d <= n; ++d) s0_buffer_dependents += gold_head(d) == s0;
  }
  if (s0 > 0) {
    const std::int32_t h = gold_head(s0);
    // LEFT gives s0 the head b0: it loses s1 and the rest of the buffer as heads.
    costs.left = s0_buffer_dependents + ((h == s1 || (b0 != kNone && h > b0)) ? 1 : 0);
    // RIGHT gives s0 the head s1: it loses every buffer word as a head.
    costs.right = s0_buffer_dependents + (h >= first ? 1 : 0);
  }
  if (b0 != kNone) {
    // SHIFT puts b0 above the stack: it loses its head if that is in the
    // stack below s0, and every dependent in the stack.
    const std::int32_t h = gold_head(b0);
    const auto& stack = state.stack_items();
    for (std::size_t i = 0; i < stack.size(); ++i) {
      const std::int32_t k = stack[i];
      if (i + 1 < stack.size() && k == h) ++costs.shift;
      if (k > 0 && gold_head(k) == b0) ++costs.shift;
    }
  }
  return costs;
}

int action_cost(const ParseState& state, const GoldTree& gold, const MoveCosts& costs, Action action) noexcept {
  const std::int32_t s0 = state.stack(0);
  switch (action.move) {
    case Move::Shift:
      return costs.shift;
    case Move::Left: {
      const bool arc = gold.heads[static_cast<std::size_t>(s0)] == state.buffer(0);
      return costs.left + (arc && gold.labels[static_cast<std::size_t>(s0)] != action.label ? 1 : 0);
    }
    case Move::Right: {
      const bool arc = gold.heads[static_cast<std::size_t>(s0)] == state.stack(1);
      return costs.right + (arc && gold.labels[static_cast<std::size_t>(s0)] != action.label ? 1 : 0);
    }
  }
  return 0;
}

}  // namespace ng::nlp::parsing
