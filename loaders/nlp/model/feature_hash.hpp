#pragma once
// Feature keys: every feature a model uses (a word, a suffix, two tags side
// by side...) is one 64-bit key, hashed from a template number and up to
// three values. Strings are hashed once per word (hash_text) and the keys
// of a sentence are built from those hashes, so feature extraction
// allocates nothing. The hashes are stable across runs, machines and
// compilers: the weight files store keys, and a trained model must find its
// features again.

#include <cstdint>
#include <string_view>

namespace ng::nlp::model {

using FeatureKey = std::uint64_t;

// The finaliser of splitmix64: every input bit flips about half the output
// bits. The weight table takes its slot from the low bits and its
// fingerprint from the high bits, so both halves must be well mixed.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, then mixed: a stable hash of a word or affix.
constexpr std::uint64_t hash_text(std::string_view text) noexcept {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return mix64(hash);
}

// The key of template `tmpl` with values a, b, c (hashes or small integers
// such as tag ids). Different templates never share a key by construction
// of the chain, only by a 2^-64 accident.
constexpr FeatureKey feature_key(std::uint32_t tmpl, std::uint64_t a) noexcept {
  return mix64(mix64(0x9e3779b97f4a7c15ULL * (tmpl + 1ULL)) ^ a);
}
constexpr FeatureKey feature_key(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b) noexcept {
  return mix64((feature_key(tmpl, a) + 0x9e3779b97f4a7c15ULL) ^ b);
}
constexpr FeatureKey feature_key(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b,
                                 std::uint64_t c) noexcept {
  return mix64((feature_key(tmpl, a, b) + 0x9e3779b97f4a7c15ULL) ^ c);
}

}  // namespace ng::nlp::model
