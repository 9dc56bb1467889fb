#include "loaders/nlp/parser/transition_system.hpp"

namespace ng::nlp::parsing {

ParseState::ParseState(std::size_t words) { reset(words); }

void ParseState::reset(std::size_t words) {
  n_ = words;
  buffer_ = 1;
  stack_.clear();
  stack_.push_back(0);
  heads_.assign(words + 1, kNone);
  labels_.assign(words + 1, 0);
  children_.assign(words + 1, Children{});
}

bool ParseState::allowed(Action action, std::uint16_t root_label) const noexcept {
  const bool buffer_empty = buffer_ > n_;
  switch (action.move) {
    case Move::Shift:
      return !buffer_empty;
    case Move::Left:
      return !buffer_empty && stack_.size() >= 2 && action.label != root_label;
    case Move::Right:
      if (stack_.size() < 2) return false;
      if (stack(1) == 0) return buffer_empty && stack_.size() == 2 && action.label == root_label;
      return action.label != root_label;
  }
  return false;
}

void ParseState::attach(std::int32_t head, std::int32_t dependent, std::uint16_t label) {
  heads_[static_cast<std::size_t>(dependent)] = head;
  labels_[static_cast<std::size_t>(dependent)] = label;
  Children& c = children_[static_cast<std::size_t>(head)];
  const std::uint64_t bit = std::uint64_t{1} << (label % 64);
  if (dependent < head) {
    if (c.left1 == kNone || dependent < c.left1) {
      c.left2 = c.left1;
      c.left1 = dependent;
    } else if (c.left2 == kNone || dependent < c.left2) {
      c.left2 = dependent;
    }
    if (c.left_count < 255) ++c.left_count;
    c.left_labels |= bit;
  } else {
    if (c.right1 == kNone || dependent > c.right1) {
      c.right2 = c.right1;
      c.right1 = dependent;
    } else if (c.right2 == kNone || dependent > c.right2) {
      c.right2 = dependent;
    }
    if (c.right_count < 255) ++c.right_count;
    c.right_labels |= bit;
  }
}

void ParseState::apply(Action action) {
  switch (action.move) {
    case Move::Shift:
      stack_.push_back(static_cast<std::int32_t>(buffer_++));
      break;
    case Move::Left: {
      const std::int32_t s0 = stack_.back();
      stack_.pop_back();
      attach(static_cast<std::int32_t>(buffer_), s0, action.label);
      break;
    }
    case Move::Right: {
      const std::int32_t s0 = stack_.back();
      stack_.pop_back();
      attach(stack_.back(), s0, action.label);
      break;
    }
  }
}

}  // namespace ng::nlp::parsing
