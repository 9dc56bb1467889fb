#include "loaders/nlp/model/weight_table.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "common/error.hpp"

namespace ng::nlp::model {

static_assert(std::endian::native == std::endian::little,
              "weight tables are stored little-endian and used in place");

namespace {

constexpr char kMagic[4] = {'N', 'G', 'W', 'T'};
constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kHeaderBytes = 32;
constexpr std::uint32_t kDenseRow = 0x8000u;
constexpr std::uint32_t kCountMask = 0x7fffu;
constexpr std::uint32_t kMaxWords = 1u << 24;

std::uint32_t load_u32(const unsigned char* p) noexcept {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void put_u32(std::string& out, std::size_t at, std::uint32_t v) { std::memcpy(out.data() + at, &v, sizeof v); }

// The 8 fingerprint bits kept in the slot (never 0: 0 marks a free slot)
// and the 16 kept in the row's head word.
std::uint32_t slot_fingerprint(FeatureKey key) noexcept {
  const auto fp = static_cast<std::uint32_t>((key >> 32) & 0xffu);
  return fp == 0 ? 1u : fp;
}
std::uint32_t row_fingerprint(FeatureKey key) noexcept { return static_cast<std::uint32_t>(key >> 48); }

}  // namespace

std::string WeightTable::build(std::span<const WeightRow> rows, std::size_t num_classes,
                               const CompressOptions& options) {
  if (num_classes == 0 || num_classes > kCountMask) throw Error("weight table: bad number of classes");
  // Keep what survives pruning, then find the scale from the largest weight.
  std::vector<const WeightRow*> kept;
  float largest = 0.0f;
  for (const WeightRow& row : rows) {
    if (row.updates < options.min_updates) continue;
    bool any = false;
    for (const auto& [cls, w] : row.weights) {
      if (std::fabs(w) >= options.min_weight && w != 0.0f) {
        any = true;
        largest = std::max(largest, std::fabs(w));
      }
    }
    if (any) kept.push_back(&row);
  }
  const float scale = largest > 0.0f ? largest / 32767.0f : 1.0f;

  // Quantise; a row whose weights all round to zero is dropped. Rows with
  // weights for more than half the classes are stored dense: smaller, and
  // added with vector instructions.
  std::vector<std::uint32_t> words;
  std::vector<std::pair<FeatureKey, std::uint32_t>> starts;  // key, head word
  std::vector<std::pair<ClassId, std::int16_t>> quantised;
  for (const WeightRow* row : kept) {
    quantised.clear();
    for (const auto& [cls, w] : row->weights) {
      if (std::fabs(w) < options.min_weight) continue;
      const long q = std::lround(w / scale);
      if (q != 0) quantised.emplace_back(cls, static_cast<std::int16_t>(std::clamp(q, -32767L, 32767L)));
    }
    if (quantised.empty()) continue;
    starts.emplace_back(row->key, static_cast<std::uint32_t>(words.size()));
    const std::uint32_t fp = row_fingerprint(row->key) << 16;
    if (2 * quantised.size() > num_classes) {
      words.push_back(fp | kDenseRow | static_cast<std::uint32_t>(num_classes));
      std::vector<std::int16_t> dense((num_classes + 1) & ~std::size_t{1}, 0);
      for (const auto& [cls, q] : quantised) dense[cls] = q;
      const std::size_t at = words.size();
      words.resize(at + dense.size() / 2);
      std::memcpy(words.data() + at, dense.data(), 2 * dense.size());
      continue;
    }
    words.push_back(fp | static_cast<std::uint32_t>(quantised.size()));
    for (const auto& [cls, q] : quantised) {
      words.push_back(static_cast<std::uint32_t>(cls) |
                      (static_cast<std::uint32_t>(static_cast<std::uint16_t>(q)) << 16));
    }
  }
  if (words.size() >= kMaxWords) throw Error("weight table: too many weights (prune more)");

  const auto num_slots = static_cast<std::uint32_t>(starts.size() * 20 / 11 + 1);
  std::vector<std::uint32_t> slots(num_slots, 0);
  WeightTable shape;
  shape.num_slots_ = num_slots;
  for (const auto& [key, begin] : starts) {
    std::uint32_t slot = shape.home_slot(key);
    while (slots[slot] != 0) slot = slot + 1 == num_slots ? 0 : slot + 1;
    slots[slot] = (slot_fingerprint(key) << 24) | begin;
  }

  std::string out(kHeaderBytes + 4 * std::size_t{num_slots} + 4 * words.size(), '\0');
  std::memcpy(out.data(), kMagic, 4);
  put_u32(out, 4, kVersion);
  put_u32(out, 8, static_cast<std::uint32_t>(num_classes));
  put_u32(out, 12, num_slots);
  put_u32(out, 16, static_cast<std::uint32_t>(starts.size()));
  put_u32(out, 20, static_cast<std::uint32_t>(words.size()));
  std::memcpy(out.data() + 24, &scale, sizeof scale);
  std::memcpy(out.data() + kHeaderBytes, slots.data(), 4 * slots.size());
  if (!words.empty()) std::memcpy(out.data() + kHeaderBytes + 4 * slots.size(), words.data(), 4 * words.size());
  return out;
}

WeightTable WeightTable::view(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < kHeaderBytes || std::memcmp(p, kMagic, 4) != 0)
    throw Error("weight table: not a newsgraph weight table");
  if (load_u32(p + 4) != kVersion) throw Error("weight table: unsupported version");
  WeightTable table;
  table.num_classes_ = load_u32(p + 8);
  table.num_slots_ = load_u32(p + 12);
  table.num_rows_ = load_u32(p + 16);
  const std::size_t words = load_u32(p + 20);
  std::memcpy(&table.scale_, p + 24, sizeof table.scale_);
  if (table.num_classes_ == 0 || table.num_classes_ > kCountMask || table.num_slots_ == 0 || words > kMaxWords)
    throw Error("weight table: corrupt header");
  if (bytes.size() != kHeaderBytes + 4 * std::size_t{table.num_slots_} + 4 * words)
    throw Error("weight table: size does not match its header");
  table.bytes_ = bytes;
  table.slots_ = p + kHeaderBytes;
  table.entries_ = table.slots_ + 4 * std::size_t{table.num_slots_};
  // Every row must lie inside the entries and name known classes, and one
  // slot at least must be free: checked once here, so that scoring needs
  // no bounds checks and every probe ends.
  std::size_t used = 0;
  for (std::size_t s = 0; s < table.num_slots_; ++s) {
    const std::uint32_t slot = load_u32(table.slots_ + 4 * s);
    if (slot == 0) continue;
    ++used;
    const std::size_t begin = slot & (kMaxWords - 1);
    if (begin >= words) throw Error("weight table: row outside the table");
    const std::uint32_t head = load_u32(table.entries_ + 4 * begin);
    const std::size_t count = head & kCountMask;
    if (head & kDenseRow) {
      if (count != table.num_classes_ || (count + 1) / 2 > words - begin - 1)
        throw Error("weight table: row outside the table");
      continue;
    }
    if (count > words - begin - 1) throw Error("weight table: row outside the table");
    for (std::size_t i = 1; i <= count; ++i) {
      if ((load_u32(table.entries_ + 4 * (begin + i)) & 0xffffu) >= table.num_classes_)
        throw Error("weight table: class out of range");
    }
  }
  if (used == table.num_slots_) throw Error("weight table: no free slot");
  return table;
}

std::int64_t WeightTable::find_from(FeatureKey key, std::uint32_t slot) const noexcept {
  const std::uint32_t fp = slot_fingerprint(key);
  const std::uint32_t row_fp = row_fingerprint(key);
  while (true) {
    const std::uint32_t stored = load_u32(slots_ + 4 * std::size_t{slot});
    if (stored == 0) return -1;
    if ((stored >> 24) == fp) {
      const std::uint32_t begin = stored & (kMaxWords - 1);
      if ((load_u32(entries_ + 4 * std::size_t{begin}) >> 16) == row_fp) return begin;
    }
    slot = slot + 1 == num_slots_ ? 0 : slot + 1;
  }
}

void WeightTable::add_row(std::size_t begin, std::span<std::int32_t> scores) const noexcept {
  const unsigned char* row = entries_ + 4 * begin;
  const std::uint32_t head = load_u32(row);
  row += 4;
  if (head & kDenseRow) {
    std::int32_t* out = scores.data();
    for (std::size_t c = 0; c < num_classes_; ++c) {
      std::int16_t q;
      std::memcpy(&q, row + 2 * c, sizeof q);
      out[c] += q;
    }
    return;
  }
  const std::uint32_t count = head & kCountMask;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t word = load_u32(row + 4 * i);
    scores[word & 0xffffu] += static_cast<std::int16_t>(static_cast<std::uint16_t>(word >> 16));
  }
}

void WeightTable::add_scores(std::span<const FeatureKey> features, std::span<std::int32_t> scores) const noexcept {
  if (!slots_) return;
  // Most of the time goes to waiting for memory: the slots and rows of a
  // sentence's rarer features are not in cache. Prefetching a batch of
  // slots, then the rows their fingerprints point to, lets the misses
  // overlap instead of queueing one by one.
  constexpr std::size_t kBatch = 16;
  std::uint32_t homes[kBatch];
  std::uint32_t candidates[kBatch];  // slot of the first fingerprint match, or num_slots_
  for (std::size_t from = 0; from < features.size(); from += kBatch) {
    const std::size_t n = std::min(kBatch, features.size() - from);
    for (std::size_t k = 0; k < n; ++k) {
      homes[k] = home_slot(features[from + k]);
      __builtin_prefetch(slots_ + 4 * std::size_t{homes[k]});
    }
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t fp = slot_fingerprint(features[from + k]);
      std::uint32_t slot = homes[k];
      candidates[k] = num_slots_;
      while (true) {
        const std::uint32_t stored = load_u32(slots_ + 4 * std::size_t{slot});
        if (stored == 0) break;
        if ((stored >> 24) == fp) {
          candidates[k] = slot;
          __builtin_prefetch(entries_ + 4 * std::size_t{stored & (kMaxWords - 1)});
          break;
        }
        slot = slot + 1 == num_slots_ ? 0 : slot + 1;
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (candidates[k] == num_slots_) continue;
      const std::int64_t begin = find_from(features[from + k], candidates[k]);
      if (begin >= 0) add_row(static_cast<std::size_t>(begin), scores);
    }
  }
}

std::vector<std::pair<ClassId, float>> WeightTable::weights(FeatureKey key) const {
  std::vector<std::pair<ClassId, float>> out;
  if (!slots_) return out;
  const std::int64_t begin = find_from(key, home_slot(key));
  if (begin < 0) return out;
  std::vector<std::int32_t> scores(num_classes_, 0);
  add_row(static_cast<std::size_t>(begin), scores);
  for (std::size_t c = 0; c < num_classes_; ++c) {
    if (scores[c] != 0) out.emplace_back(static_cast<ClassId>(c), static_cast<float>(scores[c]) * scale_);
  }
  return out;
}

}  // namespace ng::nlp::model
