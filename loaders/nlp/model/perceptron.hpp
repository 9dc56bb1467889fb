#pragma once
// The multi-class averaged perceptron every newsgraph model trains (Collins
// 2002; Daumé's lazy averaging): sparse weights per feature key and class,
// updated towards the right class and away from the guess, and averaged
// over every decision of training, which is what makes the perceptron
// generalise. Training only: the trained weights go into a WeightTable
// (weight_table.hpp), which is what runs at inference.
//
// Not thread-safe: one trainer, one thread. Deterministic: the same
// sequence of calls gives the same weights, bit for bit.

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "loaders/nlp/model/feature_hash.hpp"

namespace ng::nlp::model {

using ClassId = std::uint16_t;

// One feature's averaged weights: the classes it votes for, by class id.
struct WeightRow {
  FeatureKey key = 0;
  std::uint32_t updates = 0;  // how many updates touched the feature
  std::vector<std::pair<ClassId, float>> weights;
};

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(std::size_t num_classes);

  std::size_t num_classes() const noexcept { return num_classes_; }
  std::size_t feature_count() const noexcept { return rows_.size(); }

  // Adds the current (not averaged) weights of `features` to `scores`, which
  // holds num_classes() values. Unknown features add nothing.
  void score(std::span<const FeatureKey> features, std::span<float> scores) const;

  // Counts one decision. Call once per classification made in training,
  // whether or not it leads to an update: the average weighs each weight
  // by how many decisions it survived.
  void tick() noexcept { ++clock_; }

  // The perceptron update: +1 for `truth`, -1 for `guess` on every feature
  // (a feature listed twice counts twice). Nothing happens when they agree.
  void update(std::span<const FeatureKey> features, ClassId truth, ClassId guess);

  // The averaged weights, sorted by key; weights that average to exactly
  // zero are left out, and so are rows left empty.
  std::vector<WeightRow> averaged() const;

 private:
  struct Entry {
    double total = 0;        // sum of the weight over the decisions before `stamp`
    float weight = 0;        // current weight
    std::uint32_t stamp = 0; // clock at the last change
    ClassId cls = 0;
  };
  struct Row {
    std::vector<Entry> entries;
    std::uint32_t updates = 0;
  };

  Row& row_for(FeatureKey key);
  const Row* find(FeatureKey key) const noexcept;
  void change(Row& row, ClassId cls, float delta);
  void grow();

  std::size_t num_classes_;
  std::uint32_t clock_ = 0;
  // Open addressing from key to row index; slot_rows_ holds kEmpty for free slots.
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  std::vector<FeatureKey> slot_keys_;
  std::vector<std::uint32_t> slot_rows_;
  std::vector<FeatureKey> row_keys_;
  std::vector<Row> rows_;
};

}  // namespace ng::nlp::model
