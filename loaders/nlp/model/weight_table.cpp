#include "loaders/nlp/model/weight_table.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NG_DENSE_AVX512 1
#endif

#include "common/error.hpp"

namespace ng::nlp::model {

static_assert(std::endian::native == std::endian::little,
              "weight tables are stored little-endian and used in place");

namespace {

constexpr char kMagic[4] = {'N', 'G', 'W', 'T'};
constexpr std::uint32_t kVersion = 3;
constexpr std::size_t kHeaderBytes = 32;
constexpr std::uint32_t kDenseRow = 0x8000u;
constexpr std::uint32_t kCountMask = 0x7ffu;
constexpr std::uint32_t kExponentShift = 11;
constexpr std::uint32_t kMaxExponent = 14;  // 127 << 14 per term: ~1,000 features fit an int32
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

// Bytes of a row after its head word, before padding.
std::size_t row_bytes(std::uint32_t head, std::size_t num_classes, bool narrow, bool wide_classes) noexcept {
  const std::size_t count = head & kCountMask;
  const std::size_t weight = narrow ? 1 : 2;
  if (head & kDenseRow) return num_classes * weight;
  if (!narrow) return count * 4;
  return count * ((wide_classes ? 2 : 1) + 1);
}

// Appends bytes to the rows, padded to a whole word.
void append_padded(std::vector<std::uint32_t>& words, const std::vector<unsigned char>& bytes) {
  const std::size_t at = words.size();
  words.resize(at + (bytes.size() + 3) / 4, 0);
  if (!bytes.empty()) std::memcpy(words.data() + at, bytes.data(), bytes.size());
}

// Dense rows: one weight per class, added to every score. The compiler's
// own vectorisation of these loops (SSE2, the baseline of x86-64) spends
// most of its instructions widening bytes to 32 bits; AVX-512 widens 16 at
// a time in one instruction. Integer adds either way: the same sums.
void add_dense8(const unsigned char* row, std::size_t n, std::uint32_t exponent, std::int32_t* out) noexcept {
  for (std::size_t c = 0; c < n; ++c) out[c] += static_cast<std::int32_t>(static_cast<std::int8_t>(row[c])) * (1 << exponent);
}
void add_dense16(const unsigned char* row, std::size_t n, std::int32_t* out) noexcept {
  for (std::size_t c = 0; c < n; ++c) {
    std::int16_t q;
    std::memcpy(&q, row + 2 * c, sizeof q);
    out[c] += q;
  }
}

#ifdef NG_DENSE_AVX512
__attribute__((target("avx512f"))) void add_dense8_avx512(const unsigned char* row, std::size_t n,
                                                          std::uint32_t exponent, std::int32_t* out) noexcept {
  const __m128i shift = _mm_cvtsi32_si128(static_cast<int>(exponent));
  std::size_t c = 0;
  for (; c + 16 <= n; c += 16) {
    const __m512i w = _mm512_sll_epi32(_mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c))), shift);
    _mm512_storeu_si512(out + c, _mm512_add_epi32(_mm512_loadu_si512(out + c), w));
  }
  add_dense8(row + c, n - c, exponent, out + c);
}
__attribute__((target("avx512f"))) void add_dense16_avx512(const unsigned char* row, std::size_t n,
                                                           std::int32_t* out) noexcept {
  std::size_t c = 0;
  for (; c + 16 <= n; c += 16) {
    const __m512i w = _mm512_cvtepi16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + 2 * c)));
    _mm512_storeu_si512(out + c, _mm512_add_epi32(_mm512_loadu_si512(out + c), w));
  }
  add_dense16(row + 2 * c, n - c, out + c);
}
// Asked once, at start-up (before, it reads false: the portable loops).
const bool kHasAvx512 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") != 0;
}();
#endif

}  // namespace

std::string WeightTable::build(std::span<const WeightRow> rows, std::size_t num_classes,
                               const CompressOptions& options) {
  if (num_classes == 0 || num_classes > kCountMask) throw Error("weight table: bad number of classes");
  if (options.weight_bits != 8 && options.weight_bits != 16) throw Error("weight table: 8 or 16 bits per weight");
  const bool narrow = options.weight_bits == 8;
  const bool wide_classes = num_classes > 256;
  // Keep what survives pruning, then find the quantum from the largest weight.
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
  const double top = narrow ? 127.0 * (1 << kMaxExponent) : 32767.0;
  const float quantum = largest > 0.0f ? static_cast<float>(largest / top) : 1.0f;

  // Quantise; a row whose weights all round to zero is dropped. Rows with
  // weights for more than half the classes are stored dense: smaller, and
  // added with vector instructions.
  std::vector<std::uint32_t> words;
  std::vector<std::pair<FeatureKey, std::uint32_t>> starts;  // key, head word
  std::vector<std::pair<ClassId, int>> quantised;
  std::vector<unsigned char> bytes;
  for (const WeightRow* row : kept) {
    // 8-bit rows: the smallest shift that fits the row's largest weight.
    std::uint32_t exponent = 0;
    if (narrow) {
      double row_max = 0;
      for (const auto& [cls, w] : row->weights) {
        if (std::fabs(w) >= options.min_weight) row_max = std::max(row_max, std::fabs(static_cast<double>(w)) / quantum);
      }
      while (exponent < kMaxExponent && row_max / static_cast<double>(1u << exponent) > 127.0) ++exponent;
    }
    const double limit = narrow ? 127.0 : 32767.0;
    quantised.clear();
    for (const auto& [cls, w] : row->weights) {
      if (std::fabs(w) < options.min_weight) continue;
      const double q = std::round(static_cast<double>(w) / quantum / static_cast<double>(1u << exponent));
      if (q != 0) quantised.emplace_back(cls, static_cast<int>(std::clamp(q, -limit, limit)));
    }
    if (quantised.empty()) continue;
    starts.emplace_back(row->key, static_cast<std::uint32_t>(words.size()));
    const std::uint32_t head = (row_fingerprint(row->key) << 16) | (exponent << kExponentShift);
    bytes.clear();
    const auto put16 = [&](int v) {
      const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(v));
      bytes.push_back(static_cast<unsigned char>(u & 0xff));
      bytes.push_back(static_cast<unsigned char>(u >> 8));
    };
    const auto put8 = [&](int v) { bytes.push_back(static_cast<unsigned char>(static_cast<std::int8_t>(v))); };
    if (2 * quantised.size() > num_classes) {
      words.push_back(head | kDenseRow | static_cast<std::uint32_t>(num_classes));
      std::vector<int> dense(num_classes, 0);
      for (const auto& [cls, q] : quantised) dense[cls] = q;
      for (int q : dense) narrow ? put8(q) : put16(q);
    } else {
      words.push_back(head | static_cast<std::uint32_t>(quantised.size()));
      if (!narrow) {
        for (const auto& [cls, q] : quantised) {
          put16(cls);
          put16(q);
        }
      } else {
        for (const auto& [cls, q] : quantised) wide_classes ? put16(cls) : put8(cls);
        for (const auto& [cls, q] : quantised) put8(q);
      }
    }
    append_padded(words, bytes);
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
  std::memcpy(out.data() + 24, &quantum, sizeof quantum);
  put_u32(out, 28, static_cast<std::uint32_t>(options.weight_bits));
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
  const std::uint32_t bits = load_u32(p + 28);
  if (table.num_classes_ == 0 || table.num_classes_ > kCountMask || table.num_slots_ == 0 || words > kMaxWords ||
      (bits != 8 && bits != 16))
    throw Error("weight table: corrupt header");
  table.narrow_ = bits == 8;
  table.wide_classes_ = table.num_classes_ > 256;
  if (bytes.size() != kHeaderBytes + 4 * std::size_t{table.num_slots_} + 4 * words)
    throw Error("weight table: size does not match its header");
  table.bytes_ = bytes;
  table.slots_ = p + kHeaderBytes;
  table.entries_ = table.slots_ + 4 * std::size_t{table.num_slots_};
  // Every row must lie inside the table and name known classes, and one
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
    if (((head >> kExponentShift) & 0xfu) > kMaxExponent) throw Error("weight table: corrupt row");
    if ((head & kDenseRow) && count != table.num_classes_) throw Error("weight table: corrupt row");
    const std::size_t size = row_bytes(head, table.num_classes_, table.narrow_, table.wide_classes_);
    if ((size + 3) / 4 > words - begin - 1) throw Error("weight table: row outside the table");
    if (head & kDenseRow) continue;
    const unsigned char* row = table.entries_ + 4 * (begin + 1);
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t cls;
      if (!table.narrow_) cls = load_u32(row + 4 * i) & 0xffffu;
      else if (table.wide_classes_) cls = row[2 * i] | (std::size_t{row[2 * i + 1]} << 8);
      else cls = row[i];
      if (cls >= table.num_classes_) throw Error("weight table: class out of range");
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
  const std::uint32_t count = head & kCountMask;
  const std::uint32_t exponent = (head >> kExponentShift) & 0xfu;
  std::int32_t* out = scores.data();
  if (head & kDenseRow) {
#ifdef NG_DENSE_AVX512
    if (kHasAvx512) {
      narrow_ ? add_dense8_avx512(row, num_classes_, exponent, out) : add_dense16_avx512(row, num_classes_, out);
      return;
    }
#endif
    narrow_ ? add_dense8(row, num_classes_, exponent, out) : add_dense16(row, num_classes_, out);
    return;
  }
  if (!narrow_) {
    for (std::uint32_t i = 0; i < count; ++i) {
      const std::uint32_t word = load_u32(row + 4 * i);
      out[word & 0xffffu] += static_cast<std::int16_t>(static_cast<std::uint16_t>(word >> 16));
    }
  } else if (!wide_classes_) {
    const unsigned char* weights = row + count;
    for (std::uint32_t i = 0; i < count; ++i) {
      out[row[i]] += static_cast<std::int32_t>(static_cast<std::int8_t>(weights[i])) * (1 << exponent);
    }
  } else {
    const unsigned char* weights = row + 2 * count;
    for (std::uint32_t i = 0; i < count; ++i) {
      const std::size_t cls = row[2 * i] | (std::size_t{row[2 * i + 1]} << 8);
      out[cls] += static_cast<std::int32_t>(static_cast<std::int8_t>(weights[i])) * (1 << exponent);
    }
  }
}

void WeightTable::add_scores(std::span<const FeatureKey> features, std::span<std::int32_t> scores) const noexcept {
  if (!slots_) return;
  // Most of the time goes to waiting for memory: the slots and rows of a
  // sentence's rarer features are not in cache. Prefetching a batch of
  // slots, then the rows their fingerprints point to, lets the misses
  // overlap instead of queueing one by one.
  constexpr std::size_t kBatch = 32;
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
          // The row's first two cache lines: a dense row spans two for a
          // hundred classes.
          const unsigned char* row = entries_ + 4 * std::size_t{stored & (kMaxWords - 1)};
          __builtin_prefetch(row);
          __builtin_prefetch(row + 64);
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
