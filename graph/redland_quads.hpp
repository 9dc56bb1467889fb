#pragma once
// The quad store behind graph::Store (graph/ only). It replaced Redland's
// `hashes` storage over Berkeley DB, which measured ~50k quads/s and ~1.6 KB
// of files per quad (five B-trees, each holding whole node strings): a
// year of a newsroom (100k articles, ~70M quads) would have taken ~100 GB
// and hours to load. Redland's world, raptor and rasqal are still what
// parses and answers SPARQL (redland_query.*, redland_triples_source.*).
//
// A generation of the store is immutable:
//   terms.dat    every term's N-Triples spelling, as [u32 length][bytes]
//                records; append-only from one generation to the next
//                (copied at a writer's first change, appended at commit)
//   terms.rank   u64 offset into terms.dat of each live term, in bytewise
//                order of the spellings: a term's position here is its Ref
//   terms.hash   open-addressing table, hash of a spelling -> Ref + 1
//   quads.spog, quads.posg, quads.ospg, quads.gspo
//                every quad once, as four u32 Refs in that component
//                order, sorted
//   generation.json  counts and the format version
// Because Refs follow the spellings' byte order, the spog index is the
// N-Quads file's line order: export streams, and every pattern is one
// binary search in the index whose order starts with its bound parts.
//
// A writer keeps its changes in memory (new terms, sorted runs of new
// quads, removed graphs) and writes a whole new generation at commit,
// merging the old indexes with the new quads; StoreDirectory makes that
// crash-safe. Memory is bounded by the changes, not by the store (the old
// generation is read through mmap).
//
// Not thread-safe. Throws StoreError (bad data) and IoError (files).

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph::detail {

// A term of a generation: its rank among the generation's spellings.
using Ref = std::uint32_t;
inline constexpr Ref kNoRef = 0xFFFFFFFFU;
// A quad as Refs, in the component order of the index that holds it.
using Quad4 = std::array<Ref, 4>;
inline constexpr int kS = 0, kP = 1, kO = 2, kG = 3;

// Quads in index order: two 64-bit comparisons (std::array's lexicographic
// compare is a loop the sorts at commit spend most of their time in).
struct QuadLess {
  bool operator()(const Quad4& a, const Quad4& b) const noexcept {
    const std::uint64_t ah = (std::uint64_t{a[0]} << 32) | a[1], bh = (std::uint64_t{b[0]} << 32) | b[1];
    if (ah != bh) return ah < bh;
    return ((std::uint64_t{a[2]} << 32) | a[3]) < ((std::uint64_t{b[2]} << 32) | b[3]);
  }
};

enum class Order : std::uint8_t { Spog, Posg, Ospg, Gspo };
inline constexpr std::array<Order, 4> kOrders{Order::Spog, Order::Posg, Order::Ospg, Order::Gspo};
// kLayout[order][i]: the component (kS, kP, kO, kG) stored at position i.
inline constexpr std::array<std::array<int, 4>, 4> kLayout{
    {{kS, kP, kO, kG}, {kP, kO, kS, kG}, {kO, kS, kP, kG}, {kG, kS, kP, kO}}};
const char* order_name(Order order) noexcept;

// A quad in s p o g order to the layout of `order`, and back.
inline Quad4 to_layout(const Quad4& spog, Order order) noexcept {
  const auto& l = kLayout[static_cast<int>(order)];
  return {spog[l[0]], spog[l[1]], spog[l[2]], spog[l[3]]};
}
inline Quad4 from_layout(const Quad4& stored, Order order) noexcept {
  const auto& l = kLayout[static_cast<int>(order)];
  Quad4 spog{};
  for (int i = 0; i < 4; ++i) spog[l[i]] = stored[i];
  return spog;
}

// --- terms ------------------------------------------------------------------

// The canonical N-Triples spelling (ontology::to_ntriples: "x"^^xsd:string
// is "x"), appended to `out`. Throws StoreError for an empty IRI or blank
// node label.
void append_spelling(std::string& out, const ontology::Term& term);
// The term of a spelling written by append_spelling.
ontology::Term parse_spelling(std::string_view spelling);
// Stable across runs and machines (terms.hash is persistent).
std::uint64_t spelling_hash(std::string_view spelling) noexcept;

// --- memory -----------------------------------------------------------------

// Read-only bytes: a mapped file, or a buffer the block owns.
class Block {
 public:
  Block() = default;
  // Maps a whole file read-only (an empty file gives an empty block).
  static Block map_file(const std::filesystem::path& path);
  static Block own(std::vector<std::byte> bytes);
  Block(Block&& other) noexcept;
  Block& operator=(Block&& other) noexcept;
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;
  ~Block();

  const std::byte* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  // A mapped block's pages leave this process's resident set (they stay in
  // the page cache): after streaming through a big index.
  void release_pages() const noexcept;
  template <class T>
  std::span<const T> as() const noexcept {
    return {reinterpret_cast<const T*>(data_), size_ / sizeof(T)};
  }

 private:
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::vector<std::byte> owned_;
};

// --- a generation -----------------------------------------------------------

struct GenerationParts {
  Block heap;                       // terms.dat
  Block ranks;                      // terms.rank (u64)
  Block hash;                       // terms.hash (u32)
  std::array<Block, 4> indexes;     // quads.* (Quad4), in kOrders order
};

class Generation {
 public:
  Generation() = default;  // empty
  explicit Generation(GenerationParts parts);
  // Maps the files of a generation directory. Throws StoreError when they
  // are missing or inconsistent.
  static Generation open(const std::filesystem::path& directory);

  std::size_t term_count() const noexcept { return ranks_.size(); }
  std::size_t quad_count() const noexcept { return index(Order::Spog).size(); }
  // The spelling of a Ref (< term_count()).
  std::string_view spelling(Ref ref) const noexcept;
  // The Ref of a spelling, if the generation has the term.
  std::optional<Ref> find(std::string_view spelling) const noexcept;
  std::optional<Ref> find(const ontology::Term& term) const;
  std::span<const Quad4> index(Order order) const noexcept { return indexes_[static_cast<int>(order)]; }
  std::span<const std::byte> heap() const noexcept;
  std::span<const std::uint64_t> rank_offsets() const noexcept { return ranks_; }
  // See Block::release_pages.
  void release_pages() const noexcept;

 private:
  GenerationParts parts_;
  std::span<const std::uint64_t> ranks_;
  std::span<const Ref> hash_;
  std::array<std::span<const Quad4>, 4> indexes_{};
};

// The range of `index` whose first `bound` positions equal `key`'s.
std::span<const Quad4> prefix_range(std::span<const Quad4> index, const Quad4& key, int bound) noexcept;

// Every quad matching a pattern (s p o g order; kNoRef matches anything),
// from the index that starts with the most bound parts. With
// `distinct_triples` (and g unbound), a triple held by several graphs
// comes once (the default graph as the union of the named graphs).
class Cursor {
 public:
  Cursor(const Generation& generation, const Quad4& pattern, bool distinct_triples);
  bool at_end() const noexcept { return position_ == range_.size(); }
  // The current quad, s p o g.
  const Quad4& quad() const noexcept { return current_; }
  void next() noexcept;

 private:
  void settle() noexcept;

  std::span<const Quad4> range_;
  std::size_t position_ = 0;
  Order order_ = Order::Spog;
  Quad4 pattern_{};
  bool filter_ = false;
  bool distinct_ = false;
  bool emitted_ = false;
  Quad4 current_{};
};

// The graphs of a generation (distinct g of the gspo index), in Ref order.
std::vector<Ref> graph_refs(const Generation& generation);

// --- writing a generation ---------------------------------------------------

// Where a new generation's parts go: files in a directory, or memory.
class GenerationSink {
 public:
  virtual ~GenerationSink() = default;
  // terms.dat: the base generation's heap is already there (`base_size`
  // bytes, copied at the first change); new records are appended.
  virtual void append_heap(std::span<const std::byte> bytes) = 0;
  virtual void write_ranks(std::span<const std::uint64_t> offsets) = 0;
  virtual void write_hash(std::span<const Ref> slots) = 0;
  virtual void begin_index(Order order, std::size_t quads) = 0;
  virtual void write_quads(std::span<const Quad4> quads) = 0;
  virtual void end_index() = 0;
  // Everything written: the new generation, ready to read.
  virtual Generation finish(std::size_t graphs) = 0;
};

// Files in `directory` (the work generation, which holds a copy of the
// base's terms.dat): each part is written to NAME.tmp and renamed, so a
// generation mapped from the same directory stays valid.
std::unique_ptr<GenerationSink> file_sink(const std::filesystem::path& directory);
// Memory (in-memory stores): the heap continues `base_heap`.
std::unique_ptr<GenerationSink> memory_sink(std::span<const std::byte> base_heap);

// What changed since `base`: new terms (Refs >= base.term_count(), in the
// order they were added), new quads (s p o g; any order, repeats allowed)
// and removed graphs (base Refs).
struct Changes {
  std::vector<std::string_view> new_terms;  // spellings; index i is Ref base.term_count() + i
  std::vector<Quad4> quads;                 // consumed
  std::vector<bool> removed_graphs;         // by base Ref; may be shorter than term_count()
  // Called once the new terms are written, before the quads are sorted:
  // the owner of the spellings may free them (memory peaks there).
  std::function<void()> terms_written;
};

// Writes base + changes as a new generation into `sink` and returns it.
// Terms no quad uses any more are dropped from terms.rank (their bytes
// stay in terms.dat until the heap is compacted).
Generation write_generation(const Generation& base, Changes changes, GenerationSink& sink);

}  // namespace ng::graph::detail
