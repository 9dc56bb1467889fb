#include "loaders/nlp/model/perceptron.hpp"

#include <algorithm>
#include <numeric>

namespace ng::nlp::model {

AveragedPerceptron::AveragedPerceptron(std::size_t num_classes)
    : num_classes_(num_classes), slot_keys_(1u << 16), slot_rows_(1u << 16, kEmpty) {}

const AveragedPerceptron::Row* AveragedPerceptron::find(FeatureKey key) const noexcept {
  const std::size_t mask = slot_rows_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (slot_rows_[slot] == kEmpty) return nullptr;
    if (slot_keys_[slot] == key) return &rows_[slot_rows_[slot]];
  }
}

AveragedPerceptron::Row& AveragedPerceptron::row_for(FeatureKey key) {
  // Keep the table at most half full: probes stay short.
  if (2 * (rows_.size() + 1) > slot_rows_.size()) grow();
  const std::size_t mask = slot_rows_.size() - 1;
  std::size_t slot = key & mask;
  for (; slot_rows_[slot] != kEmpty; slot = (slot + 1) & mask) {
    if (slot_keys_[slot] == key) return rows_[slot_rows_[slot]];
  }
  slot_keys_[slot] = key;
  slot_rows_[slot] = static_cast<std::uint32_t>(rows_.size());
  row_keys_.push_back(key);
  return rows_.emplace_back();
}

void AveragedPerceptron::grow() {
  const std::size_t size = slot_rows_.size() * 2;
  slot_keys_.assign(size, 0);
  slot_rows_.assign(size, kEmpty);
  const std::size_t mask = size - 1;
  for (std::uint32_t r = 0; r < row_keys_.size(); ++r) {
    std::size_t slot = row_keys_[r] & mask;
    while (slot_rows_[slot] != kEmpty) slot = (slot + 1) & mask;
    slot_keys_[slot] = row_keys_[r];
    slot_rows_[slot] = r;
  }
}

void AveragedPerceptron::score(std::span<const FeatureKey> features, std::span<float> scores) const {
  for (FeatureKey key : features) {
    const Row* row = find(key);
    if (!row) continue;
    for (const Entry& e : row->entries) scores[e.cls] += e.weight;
  }
}

void AveragedPerceptron::change(Row& row, ClassId cls, float delta) {
  auto it = std::find_if(row.entries.begin(), row.entries.end(),
                         [cls](const Entry& e) { return e.cls == cls; });
  if (it == row.entries.end()) {
    it = row.entries.insert(it, Entry{});
    it->cls = cls;
    it->stamp = clock_;
  }
  it->total += static_cast<double>(clock_ - it->stamp) * it->weight;
  it->stamp = clock_;
  it->weight += delta;
}

void AveragedPerceptron::update(std::span<const FeatureKey> features, ClassId truth, ClassId guess) {
  if (truth == guess) return;
  for (FeatureKey key : features) {
    Row& row = row_for(key);
    ++row.updates;
    change(row, truth, 1.0f);
    change(row, guess, -1.0f);
  }
}

std::vector<WeightRow> AveragedPerceptron::averaged() const {
  std::vector<std::uint32_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return row_keys_[a] < row_keys_[b]; });
  const double clock = std::max<double>(1.0, clock_);
  std::vector<WeightRow> out;
  out.reserve(rows_.size());
  for (std::uint32_t r : order) {
    WeightRow row{row_keys_[r], rows_[r].updates, {}};
    for (const Entry& e : rows_[r].entries) {
      const double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
      const auto average = static_cast<float>(total / clock);
      if (average != 0.0f) row.weights.emplace_back(e.cls, average);
    }
    std::sort(row.weights.begin(), row.weights.end());
    if (!row.weights.empty()) out.push_back(std::move(row));
  }
  return out;
}

}  // namespace ng::nlp::model
