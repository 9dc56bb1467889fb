#pragma once
// Stable 64-bit hashing (FNV-1a) for identifiers that must not change between
// runs, machines or compilers: content fingerprints and IRI suffixes.
// std::hash gives no such guarantee.

#include <cstdint>
#include <string>
#include <string_view>

namespace ng {

constexpr std::uint64_t stable_hash(std::string_view bytes,
                                    std::uint64_t seed = 14695981039346656037ULL) noexcept {
  std::uint64_t hash = seed;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Lower-case hex of stable_hash, `digits` long (1..16).
std::string stable_hash_hex(std::string_view bytes, int digits = 16);

}  // namespace ng
