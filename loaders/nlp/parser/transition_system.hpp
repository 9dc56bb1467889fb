#pragma once
// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) the parser runs: a stack, a buffer and three kinds of move.
//   SHIFT     moves the buffer's first word b0 onto the stack;
//   LEFT(l)   makes b0 the head of the stack's top s0 (relation l), pops s0;
//   RIGHT(l)  makes s1, the word under s0, the head of s0, pops s0.
// Position 0 is the root, at the bottom of the stack. RIGHT from the root
// is allowed only as the very last move, with relation "root": every parse
// is then a tree with exactly one word under the root, as UD requires.
// A sentence of n words takes exactly 2n moves.

#include <cstdint>
#include <vector>

namespace ng::nlp::parsing {

enum class Move : std::uint8_t { Shift, Left, Right };

// The classes the perceptron chooses between: 0 is SHIFT, 1..L are
// LEFT(label 0..L-1), L+1..2L are RIGHT(label 0..L-1).
struct Action {
  Move move = Move::Shift;
  std::uint16_t label = 0;
};
inline std::uint16_t action_class(Action a, std::size_t num_labels) noexcept {
  if (a.move == Move::Shift) return 0;
  return static_cast<std::uint16_t>(1 + a.label + (a.move == Move::Right ? num_labels : 0));
}
inline Action class_action(std::size_t cls, std::size_t num_labels) noexcept {
  if (cls == 0) return {Move::Shift, 0};
  if (cls <= num_labels) return {Move::Left, static_cast<std::uint16_t>(cls - 1)};
  return {Move::Right, static_cast<std::uint16_t>(cls - 1 - num_labels)};
}

inline constexpr std::int32_t kNone = -1;

// The closest children of a position, for features.
struct Children {
  std::int32_t left1 = kNone;   // leftmost left child
  std::int32_t left2 = kNone;   // second leftmost
  std::int32_t right1 = kNone;  // rightmost right child
  std::int32_t right2 = kNone;  // second rightmost
  std::uint8_t left_count = 0;
  std::uint8_t right_count = 0;
  std::uint64_t left_labels = 0;   // bit (label % 64) set per left child
  std::uint64_t right_labels = 0;
};

class ParseState {
 public:
  // A sentence of `words` words (positions 1..words; 0 is the root).
  explicit ParseState(std::size_t words);
  void reset(std::size_t words);

  std::size_t words() const noexcept { return n_; }
  bool terminal() const noexcept { return buffer_ > n_ && stack_.size() == 1; }

  // The i-th stack item from the top (s0, s1...), or kNone.
  std::int32_t stack(std::size_t i) const noexcept {
    return i < stack_.size() ? stack_[stack_.size() - 1 - i] : kNone;
  }
  std::size_t stack_size() const noexcept { return stack_.size(); }
  const std::vector<std::int32_t>& stack_items() const noexcept { return stack_; }
  // The i-th buffer word (b0, b1...), or kNone.
  std::int32_t buffer(std::size_t i) const noexcept {
    const std::size_t p = buffer_ + i;
    return p <= n_ ? static_cast<std::int32_t>(p) : kNone;
  }
  std::size_t buffer_begin() const noexcept { return buffer_; }

  std::int32_t head(std::int32_t position) const noexcept { return heads_[static_cast<std::size_t>(position)]; }
  std::uint16_t label(std::int32_t position) const noexcept { return labels_[static_cast<std::size_t>(position)]; }
  const Children& children(std::int32_t position) const noexcept {
    return children_[static_cast<std::size_t>(position)];
  }

  // Whether the move is possible; `root_label` is the label id of "root".
  bool allowed(Action action, std::uint16_t root_label) const noexcept;
  // Applies an allowed move.
  void apply(Action action);

 private:
  void attach(std::int32_t head, std::int32_t dependent, std::uint16_t label);

  std::size_t n_ = 0;
  std::size_t buffer_ = 1;
  std::vector<std::int32_t> stack_;
  std::vector<std::int32_t> heads_;
  std::vector<std::uint16_t> labels_;
  std::vector<Children> children_;
};

}  // namespace ng::nlp::parsing
