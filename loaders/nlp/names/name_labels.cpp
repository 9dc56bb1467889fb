#include "loaders/nlp/names/name_labels.hpp"

namespace ng::nlp::names {

std::string_view type_name(NameType type) noexcept {
  switch (type) {
    case NameType::Person: return "PER";
    case NameType::Organization: return "ORG";
    case NameType::Place: return "LOC";
  }
  return "PER";
}

std::optional<NameType> parse_type(std::string_view name) noexcept {
  if (name == "PER") return NameType::Person;
  if (name == "ORG") return NameType::Organization;
  if (name == "LOC") return NameType::Place;
  return std::nullopt;
}

std::string label_name(Label label) {
  if (label == kOutside) return "O";
  static constexpr char kPositions[] = {'B', 'I', 'L', 'U'};
  return std::string(1, kPositions[static_cast<int>(label_position(label))]) + "-" +
         std::string(type_name(label_type(label)));
}

namespace {

std::array<std::array<std::uint8_t, kNumLabels>, kNumLabels> make_transitions() {
  std::array<std::array<std::uint8_t, kNumLabels>, kNumLabels> allowed{};
  for (std::size_t p = 0; p < kNumLabels; ++p) {
    const auto previous = static_cast<Label>(p);
    const bool open = previous != kOutside && (label_position(previous) == Position::Begin ||
                                               label_position(previous) == Position::Inside);
    for (std::size_t c = 0; c < kNumLabels; ++c) {
      const auto current = static_cast<Label>(c);
      bool ok;
      if (open) {
        ok = current != kOutside && label_type(current) == label_type(previous) &&
             (label_position(current) == Position::Inside || label_position(current) == Position::Last);
      } else {
        ok = current == kOutside || label_position(current) == Position::Begin ||
             label_position(current) == Position::Unit;
      }
      allowed[p][c] = ok ? 1 : 0;
    }
  }
  return allowed;
}

}  // namespace

const std::array<std::uint8_t, kNumLabels>& allowed_after(Label previous) noexcept {
  static const auto transitions = make_transitions();
  return transitions[previous < kNumLabels ? previous : kOutside];
}

std::vector<LabelSpan> spans_of(std::span<const Label> labels) {
  std::vector<LabelSpan> spans;
  std::optional<LabelSpan> open;
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    const Label l = labels[i];
    if (l == kOutside) {
      if (open) spans.push_back({open->first, i, open->type});
      open.reset();
      continue;
    }
    const NameType type = label_type(l);
    const Position position = label_position(l);
    // A continuation of another type, or a B/U inside an open name, closes it.
    if (open && (open->type != type || position == Position::Begin || position == Position::Unit)) {
      spans.push_back({open->first, i, open->type});
      open.reset();
    }
    if (!open) open = LabelSpan{i, i, type};
    if (position == Position::Last || position == Position::Unit) {
      spans.push_back({open->first, i + 1, type});
      open.reset();
    }
  }
  if (open) spans.push_back({open->first, static_cast<std::uint32_t>(labels.size()), open->type});
  return spans;
}

std::vector<Label> labels_of(std::span<const LabelSpan> spans, std::size_t count) {
  std::vector<Label> labels(count, kOutside);
  for (const LabelSpan& s : spans) {
    if (s.end > count || s.first >= s.end) continue;
    if (s.end - s.first == 1) {
      labels[s.first] = make_label(s.type, Position::Unit);
      continue;
    }
    labels[s.first] = make_label(s.type, Position::Begin);
    for (std::uint32_t k = s.first + 1; k + 1 < s.end; ++k) labels[k] = make_label(s.type, Position::Inside);
    labels[s.end - 1] = make_label(s.type, Position::Last);
  }
  return labels;
}

}  // namespace ng::nlp::names
