#pragma once
// The name finder's labels: BILOU over Person / Organization / Place
// (Begin, Inside, Last, Unit-length, and O for words outside a name), the
// transitions a well-formed labelling allows, and spans read from labels.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ng::nlp::names {

enum class NameType : std::uint8_t { Person = 0, Organization = 1, Place = 2 };
inline constexpr std::size_t kNameTypes = 3;
enum class Position : std::uint8_t { Begin = 0, Inside = 1, Last = 2, Unit = 3 };

// Label ids: 0 is O, then 1 + type * 4 + position.
using Label = std::uint8_t;
inline constexpr Label kOutside = 0;
inline constexpr std::size_t kNumLabels = 1 + kNameTypes * 4;

constexpr Label make_label(NameType type, Position position) noexcept {
  return static_cast<Label>(1 + static_cast<int>(type) * 4 + static_cast<int>(position));
}
constexpr NameType label_type(Label label) noexcept { return static_cast<NameType>((label - 1) / 4); }
constexpr Position label_position(Label label) noexcept { return static_cast<Position>((label - 1) % 4); }

std::string_view type_name(NameType type) noexcept;  // "PER", "ORG", "LOC"
std::optional<NameType> parse_type(std::string_view name) noexcept;
std::string label_name(Label label);  // "O", "B-PER", "U-LOC"...

// Which labels may follow `previous` (kOutside before the first word):
// after O, L or U a name may begin (B, U) or not (O); after B or I of a type
// only I or L of the same type.
const std::array<std::uint8_t, kNumLabels>& allowed_after(Label previous) noexcept;

// A name over words [first, end).
struct LabelSpan {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  NameType type = NameType::Person;
  bool operator==(const LabelSpan&) const = default;
};

// The spans of a BILOU labelling; a name left open at the end of the
// sentence is closed there.
std::vector<LabelSpan> spans_of(std::span<const Label> labels);
// The BILOU labels of spans over `count` words (spans sorted, not overlapping).
std::vector<Label> labels_of(std::span<const LabelSpan> spans, std::size_t count);

}  // namespace ng::nlp::names
