#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "loaders/nlp/model/perceptron.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/model/weight_table.hpp"

using namespace ng::nlp::model;

namespace {

// A random table whose weights survive quantisation exactly: integer
// weights with a quantum of 1 (one row holds the largest weight the format
// has, 32767 for 16 bits, 127 << 14 for 8 bits). An 8-bit row keeps 7 bits
// and a shift of its own: its weights are multiples of 2^e, the largest
// 127 << e, e from 0 to 3. Rows are dense (weights for most classes) or
// sparse, at random.
struct RandomTable {
  std::vector<WeightRow> rows;
  std::string bytes;
};

RandomTable random_table(std::size_t num_classes, int bits, std::size_t num_rows, Rng& rng) {
  RandomTable table;
  const int limit = bits == 16 ? 32767 : 127;
  for (std::size_t r = 0; r < num_rows; ++r) {
    WeightRow row;
    row.key = rng.next();
    row.updates = 1;
    const bool dense = rng.chance(0.5);
    const int shift = bits == 8 ? static_cast<int>(rng.below(4)) : 0;
    for (std::size_t c = 0; c < num_classes; ++c) {
      if (!(dense ? rng.chance(0.9) : rng.chance(0.15))) continue;
      const auto w = static_cast<int>(rng.below(2 * static_cast<std::uint64_t>(limit) + 1)) - limit;
      if (w != 0) row.weights.emplace_back(static_cast<ClassId>(c), static_cast<float>(w * (1 << shift)));
    }
    // The row's largest weight sets its shift.
    const auto first = static_cast<ClassId>(rng.below(num_classes));
    std::erase_if(row.weights, [&](const auto& weight) { return weight.first == first; });
    row.weights.emplace_back(first, static_cast<float>((rng.chance(0.5) ? limit : -limit) * (1 << shift)));
    std::sort(row.weights.begin(), row.weights.end());
    table.rows.push_back(std::move(row));
  }
  // The row that fixes the quantum at 1.
  const float largest = bits == 16 ? 32767.0f : static_cast<float>(127 << 14);
  table.rows[0].weights = {{0, largest}, {static_cast<ClassId>(num_classes - 1), -largest}};
  std::sort(table.rows.begin(), table.rows.end(), [](const WeightRow& a, const WeightRow& b) { return a.key < b.key; });
  CompressOptions options;
  options.weight_bits = bits;
  table.bytes = WeightTable::build(table.rows, num_classes, options);
  return table;
}

}  // namespace

TEST_CASE("a weight table's scores are the sums of its rows' weights, dense or sparse, 8 or 16 bits",
          "[nlp][model]") {
  Rng rng(20261207);
  // 103 classes like the parser's (dense rows in whole vectors of 16 and a
  // tail), 7 (no whole vector), 300 (16-bit class ids in sparse 8-bit rows).
  for (const std::size_t num_classes : {std::size_t{103}, std::size_t{7}, std::size_t{300}}) {
    for (const int bits : {8, 16}) {
      INFO(num_classes << " classes, " << bits << " bits");
      const RandomTable random = random_table(num_classes, bits, 400, rng);
      const WeightTable table = WeightTable::view(random.bytes);
      REQUIRE(table.scale() == 1.0f);
      for (int trial = 0; trial < 50; ++trial) {
        // Known features (some twice) and unknown ones, in random order.
        std::vector<FeatureKey> features;
        std::vector<std::int64_t> expected(num_classes, 0);
        const std::size_t count = 1 + rng.below(120);
        for (std::size_t k = 0; k < count; ++k) {
          if (rng.chance(0.2)) {
            features.push_back(rng.next());
            continue;
          }
          const WeightRow& row = random.rows[rng.below(random.rows.size())];
          features.push_back(row.key);
          for (const auto& [cls, w] : row.weights) expected[cls] += static_cast<std::int64_t>(w);
        }
        std::vector<std::int32_t> scores(num_classes, 5);
        table.add_scores(features, scores);
        for (std::size_t c = 0; c < num_classes; ++c) {
          INFO("trial " << trial << ", class " << c);
          REQUIRE(scores[c] == expected[c] + 5);
        }
      }
    }
  }
}
