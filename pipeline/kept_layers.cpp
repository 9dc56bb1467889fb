#include "pipeline/kept_layers.hpp"

#include <algorithm>

namespace ng::pipeline {

namespace {

// A hash-map node with two strings, its bucket and the allocator's rounding.
constexpr std::size_t kEntryOverhead = 128;

}  // namespace

std::size_t KeptLayers::cost(const std::string& iri, const std::string& layers) noexcept {
  return kEntryOverhead + iri.capacity() + layers.capacity();
}

bool KeptLayers::keep(const std::string& iri, std::string layers) {
  if (const auto old = layers_.find(iri); old != layers_.end()) {
    bytes_ -= cost(old->first, old->second);
    layers_.erase(old);
  }
  layers.shrink_to_fit();
  const std::size_t needed = kEntryOverhead + iri.size() + layers.capacity();
  if (bytes_ + needed > budget_) {
    ++over_;
    return false;
  }
  const auto [entry, added] = layers_.emplace(iri, std::move(layers));
  bytes_ += cost(entry->first, entry->second);
  peak_ = std::max(peak_, bytes_);
  ++kept_count_;
  return added;
}

std::optional<std::string> KeptLayers::take(const std::string& iri) {
  const auto found = layers_.find(iri);
  if (found == layers_.end()) return std::nullopt;
  bytes_ -= cost(found->first, found->second);
  std::string layers = std::move(found->second);
  layers_.erase(found);
  return layers;
}

}  // namespace ng::pipeline
