#pragma once
// Byte offsets (what the extractor uses) to code-point offsets (what NIF
// and every RDF client counting characters expect), for one text.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ng::loaders {

class OffsetMapper {
 public:
  explicit OffsetMapper(std::string_view text);
  // Code points before byte `offset` (offset <= text size, at a character start).
  std::size_t code_points_before(std::size_t offset) const;

 private:
  static constexpr std::size_t kBlock = 256;
  std::string_view text_;
  std::vector<std::uint32_t> block_starts_;  // code points before each block
};

}  // namespace ng::loaders
