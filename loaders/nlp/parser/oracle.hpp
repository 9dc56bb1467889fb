#pragma once
// The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013):
// how many arcs of the gold tree each move makes unreachable from the
// current state, whatever mistakes led there. Training follows the model's
// own (sometimes wrong) moves and learns, at every state, the best move
// still possible: the parser learns to recover from its errors.

#include <cstdint>
#include <span>

#include "loaders/nlp/parser/transition_system.hpp"

namespace ng::nlp::parsing {

// Gold heads per position (index 0 unused; 0 = the root), gold labels.
struct GoldTree {
  std::span<const std::int32_t> heads;
  std::span<const std::uint16_t> labels;
};

// Gold arcs lost by each move (unlabelled); meaningful for allowed moves.
struct MoveCosts {
  int shift = 0;
  int left = 0;
  int right = 0;
};
MoveCosts move_costs(const ParseState& state, const GoldTree& gold) noexcept;

// The cost of one labelled action: its move's cost, plus one when the move
// makes a gold arc with the wrong label.
int action_cost(const ParseState& state, const GoldTree& gold, const MoveCosts& costs, Action action) noexcept;

}  // namespace ng::nlp::parsing
