#pragma once
// Helpers every trainer shares: a seeded random generator whose sequence
// is fixed by this file (std::shuffle and the std distributions are not
// specified bit for bit, so a library upgrade could change the weights),
// the shuffled order of training examples per epoch, and argmax.

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/model/perceptron.hpp"

namespace ng::nlp::model {

// splitmix64: small, fast, and the same numbers on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept : state_(seed) {}

  std::uint64_t next() noexcept {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  // Uniform in [0, n), n > 0 (rejection sampling: no modulo bias).
  std::uint64_t below(std::uint64_t n) noexcept {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
    std::uint64_t x;
    do x = next();
    while (x >= limit);
    return x % n;
  }
  // True with probability p (0..1), in steps of 2^-53.
  bool chance(double p) noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  std::uint64_t state_;
};

// 0..n-1 in the order of a Fisher-Yates shuffle drawn from `rng`.
inline std::vector<std::size_t> shuffled_order(std::size_t n, Rng& rng) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) {
    const std::size_t j = rng.below(i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

// The index of the highest score among those `allowed` (all when empty);
// ties go to the lowest index, so decisions do not depend on anything but
// the scores. Returns scores.size() when nothing is allowed.
template <class Score>
std::size_t argmax(std::span<const Score> scores, std::span<const std::uint8_t> allowed = {}) noexcept {
  std::size_t best = scores.size();
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (!allowed.empty() && !allowed[i]) continue;
    if (best == scores.size() || scores[i] > scores[best]) best = i;
  }
  return best;
}

}  // namespace ng::nlp::model
