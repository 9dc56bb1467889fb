#include "loaders/to_rdf/offset_mapper.hpp"

#include <algorithm>

namespace ng::loaders {

namespace {
std::size_t count(std::string_view bytes) {
  std::size_t n = 0;
  for (char c : bytes) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}
}  // namespace

OffsetMapper::OffsetMapper(std::string_view text) : text_(text) {
  block_starts_.reserve(text.size() / kBlock + 1);
  std::size_t total = 0;
  for (std::size_t b = 0; b < text.size(); b += kBlock) {
    block_starts_.push_back(static_cast<std::uint32_t>(total));
    total += count(text.substr(b, kBlock));
  }
}

std::size_t OffsetMapper::code_points_before(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t block = offset / kBlock;
  if (block >= block_starts_.size()) return block_starts_.empty() ? 0 : count(text_.substr(0, offset));
  return block_starts_[block] + count(text_.substr(block * kBlock, offset - block * kBlock));
}

}  // namespace ng::loaders
