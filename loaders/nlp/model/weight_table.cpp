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
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 32;
constexpr std::uint32_t kDenseRow = 0x80000000u;

std::uint32_t load_u32(const unsigned char* p) noexcept {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void put_u32(std::string& out, std::size_t at, std::uint32_t v) { std::memcpy(out.data() + at, &v, sizeof v); }

std::uint32_t fingerprint(FeatureKey key) noexcept {
  const auto fp = static_cast<std::uint32_t>(key >> 32);
  return fp == 0 ? 1u : fp;
}

}  // namespace

std::string WeightTable::build(std::span<const WeightRow> rows, std::size_t num_classes,
                               const CompressOptions& options) {
  if (num_classes == 0 || num_classes > 0xffff) throw Error("weight table: bad number of classes");
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
  std::vector<std::pair<FeatureKey, std::uint32_t>> starts;  // key, first word
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
    if (2 * quantised.size() > num_classes) {
      words.push_back(kDenseRow | static_cast<std::uint32_t>(num_classes));
      std::vector<std::int16_t> dense((num_classes + 1) & ~std::size_t{1}, 0);
      for (const auto& [cls, q] : quantised) dense[cls] = q;
      const std::size_t at = words.size();
      words.resize(at + dense.size() / 2);
      std::memcpy(words.data() + at, dense.data(), 2 * dense.size());
      continue;
    }
    words.push_back(static_cast<std::uint32_t>(quantised.size()));
    for (const auto& [cls, q] : quantised) {
      words.push_back(static_cast<std::uint32_t>(cls) |
                      (static_cast<std::uint32_t>(static_cast<std::uint16_t>(q)) << 16));
    }
  }

  // Slots: at most 70% full.
  std::uint32_t slot_bits = 4;
  while ((std::size_t{1} << slot_bits) * 7 < starts.size() * 10) ++slot_bits;
  const std::size_t num_slots = std::size_t{1} << slot_bits;
  const std::size_t mask = num_slots - 1;
  std::vector<std::uint32_t> slot_fp(num_slots, 0), slot_begin(num_slots, 0);
  for (const auto& [key, begin] : starts) {
    std::size_t slot = key & mask;
    while (slot_fp[slot] != 0) slot = (slot + 1) & mask;
    slot_fp[slot] = fingerprint(key);
    slot_begin[slot] = begin;
  }

  std::string out(kHeaderBytes + 8 * num_slots + 4 * words.size(), '\0');
  std::memcpy(out.data(), kMagic, 4);
  put_u32(out, 4, kVersion);
  put_u32(out, 8, static_cast<std::uint32_t>(num_classes));
  put_u32(out, 12, slot_bits);
  put_u32(out, 16, static_cast<std::uint32_t>(starts.size()));
  put_u32(out, 20, static_cast<std::uint32_t>(words.size()));
  std::memcpy(out.data() + 24, &scale, sizeof scale);
  for (std::size_t s = 0; s < num_slots; ++s) {
    put_u32(out, kHeaderBytes + 8 * s, slot_fp[s]);
    put_u32(out, kHeaderBytes + 8 * s + 4, slot_begin[s]);
  }
  if (!words.empty()) std::memcpy(out.data() + kHeaderBytes + 8 * num_slots, words.data(), 4 * words.size());
  return out;
}

WeightTable WeightTable::view(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < kHeaderBytes || std::memcmp(p, kMagic, 4) != 0)
    throw Error("weight table: not a newsgraph weight table");
  if (load_u32(p + 4) != kVersion) throw Error("weight table: unsupported version");
  WeightTable table;
  table.num_classes_ = load_u32(p + 8);
  const std::uint32_t slot_bits = load_u32(p + 12);
  table.num_rows_ = load_u32(p + 16);
  const std::size_t words = load_u32(p + 20);
  std::memcpy(&table.scale_, p + 24, sizeof table.scale_);
  if (slot_bits > 30 || table.num_classes_ == 0) throw Error("weight table: corrupt header");
  const std::size_t num_slots = std::size_t{1} << slot_bits;
  if (bytes.size() != kHeaderBytes + 8 * num_slots + 4 * words)
    throw Error("weight table: size does not match its header");
  table.bytes_ = bytes;
  table.slots_ = p + kHeaderBytes;
  table.entries_ = table.slots_ + 8 * num_slots;
  table.slot_mask_ = static_cast<std::uint32_t>(num_slots - 1);
  // Every row must lie inside the entries and name known classes, and one
  // slot at least must be free: checked once here, so that scoring needs
  // no bounds checks and every probe ends.
  std::size_t used = 0;
  for (std::size_t s = 0; s < num_slots; ++s) {
    if (load_u32(table.slots_ + 8 * s) == 0) continue;
    ++used;
    const std::size_t begin = load_u32(table.slots_ + 8 * s + 4);
    if (begin >= words) throw Error("weight table: row outside the table");
    const std::uint32_t head = load_u32(table.entries_ + 4 * begin);
    if (head & kDenseRow) {
      if ((head & ~kDenseRow) != table.num_classes_ || (table.num_classes_ + 1) / 2 > words - begin - 1)
        throw Error("weight table: row outside the table");
      continue;
    }
    const std::size_t count = head;
    if (count > words - begin - 1) throw Error("weight table: row outside the table");
    for (std::size_t i = 1; i <= count; ++i) {
      if ((load_u32(table.entries_ + 4 * (begin + i)) & 0xffffu) >= table.num_classes_)
        throw Error("weight table: class out of range");
    }
  }
  if (used == num_slots) throw Error("weight table: no free slot");
  return table;
}

std::int64_t WeightTable::find(FeatureKey key) const noexcept {
  if (!slots_) return -1;
  const std::uint32_t fp = fingerprint(key);
  for (std::uint32_t slot = static_cast<std::uint32_t>(key) & slot_mask_;; slot = (slot + 1) & slot_mask_) {
    const std::uint32_t stored = load_u32(slots_ + 8 * static_cast<std::size_t>(slot));
    if (stored == fp) return load_u32(slots_ + 8 * static_cast<std::size_t>(slot) + 4);
    if (stored == 0) return -1;
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
  for (std::uint32_t i = 0; i < head; ++i) {
    const std::uint32_t word = load_u32(row + 4 * i);
    scores[word & 0xffffu] += static_cast<std::int16_t>(static_cast<std::uint16_t>(word >> 16));
  }
}

void WeightTable::add_scores(std::span<const FeatureKey> features, std::span<std::int32_t> scores) const noexcept {
  if (!slots_) return;
  // Most of the time goes to waiting for memory: the slots of a sentence's
  // rarer features are not in cache. Prefetching a batch of slots, then a
  // batch of rows, lets the misses overlap instead of queueing one by one.
  constexpr std::size_t kBatch = 16;
  std::int64_t begins[kBatch];
  for (std::size_t from = 0; from < features.size(); from += kBatch) {
    const std::size_t n = std::min(kBatch, features.size() - from);
    for (std::size_t k = 0; k < n; ++k) {
      __builtin_prefetch(slots_ + 8 * static_cast<std::size_t>(static_cast<std::uint32_t>(features[from + k]) & slot_mask_));
    }
    for (std::size_t k = 0; k < n; ++k) {
      begins[k] = find(features[from + k]);
      if (begins[k] >= 0) __builtin_prefetch(entries_ + 4 * static_cast<std::size_t>(begins[k]));
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (begins[k] >= 0) add_row(static_cast<std::size_t>(begins[k]), scores);
    }
  }
}

std::vector<std::pair<ClassId, float>> WeightTable::weights(FeatureKey key) const {
  std::vector<std::pair<ClassId, float>> out;
  const std::int64_t begin = find(key);
  if (begin < 0) return out;
  std::vector<std::int32_t> scores(num_classes_, 0);
  add_row(static_cast<std::size_t>(begin), scores);
  for (std::size_t c = 0; c < num_classes_; ++c) {
    if (scores[c] != 0) out.emplace_back(static_cast<ClassId>(c), static_cast<float>(scores[c]) * scale_);
  }
  return out;
}

}  // namespace ng::nlp::model
