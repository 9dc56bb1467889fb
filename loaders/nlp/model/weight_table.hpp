#pragma once
// The trained weights of a model at inference: a read-only, compact hash
// table from feature key to the classes it votes for, laid out so that it
// is used in place, straight from the bytes compiled into the binary (or
// read from a file), without copying or parsing. Shared by all threads
// without locks: nothing in it changes after construction.
//
// Layout (little-endian; sizes in bytes):
//   header  32         "NGWT", version, classes, slots, rows, entry words,
//                      quantum, weight bits (8 or 16)
//   slots   4 * slots  8 fingerprint bits | 24-bit first word of the row; 0 = empty
//   rows    4 * words  per row, word-aligned: a head word (16 more fingerprint
//                      bits | dense flag | 4-bit exponent | 11-bit count), then
//                      sparse: the classes (u8, or u16 above 256 classes) and
//                      their weights; dense (for features voting for most
//                      classes): one weight per class
// A feature's slot comes from the low 32 bits of its key (multiply-shift
// onto the slot count, so any count works), its 24 fingerprint bits from
// the high half; linear probing, slots at most 55% full. An unseen feature
// matching a stored fingerprint by chance (about one in 2^24 probes) adds
// that row's weights: harmless noise.
//
// Weights are integers in units of the table's quantum: 16-bit, or 8-bit
// with a shift per row (q << exponent: each row keeps 7 bits of precision
// relative to its largest weight). Scores are integer sums, exact, so they
// do not depend on the order features are added in.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/model/perceptron.hpp"

namespace ng::nlp::model {

// What to drop and how to round when a trained model is written.
struct CompressOptions {
  // Averaged weights with a smaller magnitude are dropped (0 keeps all).
  float min_weight = 0.0f;
  // Features touched by fewer updates in training are dropped (0 keeps all).
  std::uint32_t min_updates = 0;
  // 16 or 8 bits per weight.
  int weight_bits = 16;
};

class WeightTable {
 public:
  WeightTable() = default;

  // A view of `bytes`, which must outlive the table. Throws ng::Error when
  // the bytes are not a weight table of this version.
  static WeightTable view(std::string_view bytes);

  // Serialises averaged weights (rows sorted by key, as
  // AveragedPerceptron::averaged gives them). The same rows and options give
  // the same bytes.
  static std::string build(std::span<const WeightRow> rows, std::size_t num_classes,
                           const CompressOptions& options = {});

  std::size_t num_classes() const noexcept { return num_classes_; }
  std::size_t num_rows() const noexcept { return num_rows_; }
  std::size_t size_bytes() const noexcept { return bytes_.size(); }
  // The quantum: a score unit in trained-weight units.
  float scale() const noexcept { return scale_; }

  // Adds the quantised weights of `features` to `scores` (num_classes()
  // values), in units of scale().
  void add_scores(std::span<const FeatureKey> features, std::span<std::int32_t> scores) const noexcept;

  // The stored weights of one feature, dequantised (empty when unknown).
  std::vector<std::pair<ClassId, float>> weights(FeatureKey key) const;

 private:
  // The head word of the feature's row, or -1 when it is unknown; probing
  // starts at `slot` and considers only slots whose fingerprint matches.
  std::int64_t find_from(FeatureKey key, std::uint32_t slot) const noexcept;
  std::uint32_t home_slot(FeatureKey key) const noexcept {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * num_slots_) >> 32);
  }
  void add_row(std::size_t begin, std::span<std::int32_t> scores) const noexcept;

  std::string_view bytes_;
  const unsigned char* slots_ = nullptr;
  const unsigned char* entries_ = nullptr;
  std::size_t num_classes_ = 0;
  std::size_t num_rows_ = 0;
  std::uint32_t num_slots_ = 0;
  float scale_ = 1.0f;
  bool narrow_ = false;        // 8-bit weights
  bool wide_classes_ = false;  // u16 class ids in sparse 8-bit rows
};

}  // namespace ng::nlp::model
