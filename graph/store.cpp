#include "graph/store.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/redland_query.hpp"
#include "graph/redland_store.hpp"

namespace fs = std::filesystem;

namespace ng::graph {

namespace detail {

// A writer's changes since its base generation: the terms the base does not
// have, the quads added (sorted runs, s p o g), the base graphs removed.
// Quads refer to terms by the base's Ref, or by base.term_count() + i for
// the i-th new term.
class Pending {
 public:
  explicit Pending(const Generation& base) : base_(base), base_terms_(static_cast<Ref>(base.term_count())) {}

  // The Ref of a spelling, adding it as a new term when needed.
  Ref intern(std::string_view spelling) {
    const std::uint64_t hash = spelling_hash(spelling);
    if (const auto ref = base_.find(spelling)) return *ref;
    if (const auto ref = find_new(spelling, hash)) return *ref;
    if (2 * (terms_.size() + 1) > slots_.size()) grow();
    char* stored = store_bytes(spelling);
    terms_.emplace_back(stored, spelling.size());
    tags_.push_back(static_cast<std::uint32_t>(hash >> 32));
    insert_slot(hash, static_cast<std::uint32_t>(terms_.size()));
    const std::size_t ref = base_terms_ + terms_.size() - 1;
    if (ref >= kNoRef) throw StoreError("the store holds more than 4 billion terms");
    return static_cast<Ref>(ref);
  }
  // The Ref of a spelling the store has (base or new), without adding it.
  std::optional<Ref> lookup(std::string_view spelling) const {
    if (const auto ref = base_.find(spelling)) return ref;
    return find_new(spelling, spelling_hash(spelling));
  }
  std::string_view spelling(Ref ref) const {
    return ref < base_terms_ ? base_.spelling(ref) : terms_[ref - base_terms_];
  }
  bool in_base(Ref ref) const noexcept { return ref < base_terms_; }

  // Adds quads (s p o g, sorted, no repeats) as a run. Runs are merged
  // while the older one is not much larger, up to kRunCap quads, so that
  // there are few runs to search and little to copy.
  void add_run(std::vector<Quad4> run) {
    for (const Quad4& quad : run) graphs_.insert(quad[kG]);
    runs_.push_back(std::move(run));
    while (runs_.size() >= 2) {
      auto& older = runs_[runs_.size() - 2];
      auto& newer = runs_.back();
      if (older.size() > 2 * newer.size() || older.size() + newer.size() > kRunCap) break;
      std::vector<Quad4> merged;
      merged.reserve(older.size() + newer.size());
      std::set_union(older.begin(), older.end(), newer.begin(), newer.end(), std::back_inserter(merged));
      runs_.pop_back();
      runs_.back() = std::move(merged);
    }
  }
  const std::vector<std::vector<Quad4>>& runs() const noexcept { return runs_; }
  bool has_graph(Ref graph) const { return graphs_.contains(graph); }
  const std::unordered_set<Ref>& graphs() const noexcept { return graphs_; }
  // Drops the added quads of a graph; returns them (sorted, once each).
  std::vector<Quad4> drop_graph(Ref graph) {
    std::vector<Quad4> dropped;
    if (graphs_.erase(graph) == 0) return dropped;
    for (auto& run : runs_) {
      const auto in_graph = [graph](const Quad4& q) { return q[kG] == graph; };
      std::copy_if(run.begin(), run.end(), std::back_inserter(dropped), in_graph);
      run.erase(std::remove_if(run.begin(), run.end(), in_graph), run.end());
    }
    std::sort(dropped.begin(), dropped.end());
    dropped.erase(std::unique(dropped.begin(), dropped.end()), dropped.end());
    return dropped;
  }

  bool base_graph_removed(Ref graph) const noexcept { return graph < removed_.size() && removed_[graph]; }
  void remove_base_graph(Ref graph) {
    if (removed_.size() < base_terms_) removed_.resize(base_terms_);
    removed_[graph] = true;
    any_removed_ = true;
  }
  // Frees the new terms' spellings (after write_generation wrote them).
  void release_terms() {
    std::vector<std::unique_ptr<char[]>>().swap(chunks_);
    std::vector<std::string_view>().swap(terms_);
    std::vector<std::uint32_t>().swap(tags_);
    std::vector<std::uint32_t>().swap(slots_);
  }
  bool empty() const noexcept {
    return !any_removed_ && std::all_of(runs_.begin(), runs_.end(), [](const auto& r) { return r.empty(); });
  }

  // The changes for write_generation; the spellings stay owned here.
  Changes take() {
    Changes changes;
    changes.new_terms = terms_;
    std::size_t total = 0;
    for (const auto& run : runs_) total += run.size();
    changes.quads.reserve(total);
    for (auto& run : runs_) {
      changes.quads.insert(changes.quads.end(), run.begin(), run.end());
      run = {};
    }
    runs_.clear();
    changes.removed_graphs = std::move(removed_);
    return changes;
  }

 private:
  static constexpr std::size_t kRunCap = std::size_t{4} << 20;
  static constexpr std::size_t kChunk = std::size_t{16} << 20;

  std::optional<Ref> find_new(std::string_view spelling, std::uint64_t hash) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t entry = slots_[slot];
      if (entry == 0) return std::nullopt;
      if (tags_[entry - 1] == tag && terms_[entry - 1] == spelling) return static_cast<Ref>(base_terms_ + entry - 1);
    }
  }
  void insert_slot(std::uint64_t hash, std::uint32_t entry) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    for (std::uint32_t i = 0; i < terms_.size(); ++i) insert_slot(spelling_hash(terms_[i]), i + 1);
  }
  char* store_bytes(std::string_view bytes) {
    if (chunks_.empty() || chunk_used_ + bytes.size() > chunk_size_) {
      chunk_size_ = std::max(kChunk, bytes.size());
      chunks_.push_back(std::make_unique<char[]>(chunk_size_));
      chunk_used_ = 0;
    }
    char* at = chunks_.back().get() + chunk_used_;
    std::memcpy(at, bytes.data(), bytes.size());
    chunk_used_ += bytes.size();
    return at;
  }

  const Generation& base_;
  Ref base_terms_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t chunk_used_ = 0;
  std::size_t chunk_size_ = 0;
  std::vector<std::string_view> terms_;
  std::vector<std::uint32_t> tags_;   // high half of each new term's hash
  std::vector<std::uint32_t> slots_;  // open addressing: index into terms_ + 1
  std::vector<std::vector<Quad4>> runs_;
  std::unordered_set<Ref> graphs_;
  std::vector<bool> removed_;
  bool any_removed_ = false;
};

void PendingDeleter::operator()(Pending* pending) const noexcept { delete pending; }

}  // namespace detail

using detail::kG;
using detail::kNoRef;
using detail::kO;
using detail::kP;
using detail::kS;
using detail::Quad4;
using detail::Ref;

namespace {

// The file a writer appends to; every other file of a generation is
// replaced whole.
constexpr std::string_view kAppended[] = {"terms.dat"};

void require_writable(const Store::Native& native, std::string_view operation) {
  // An in-memory store is always writable: read-only would make it useless.
  if (!native.options.path.empty() && native.options.mode == StoreOptions::Mode::ReadOnly) {
    throw StoreError(fmt::format("cannot {}: store {} is open read-only", operation, native.options.path));
  }
}

// A persistent writer starts writing: a work generation with the live
// generation's files.
void begin_writing(Store::Native& native) {
  if (native.writing || !native.directory) return;
  native.directory->begin_work_generation(kAppended);
  native.writing = true;
}

detail::Pending& pending(Store::Native& native) {
  if (!native.pending) native.pending.reset(new detail::Pending(native.base));
  return *native.pending;
}

std::string spelled(const ontology::Term& term) {
  std::string text;
  detail::append_spelling(text, term);
  return text;
}

// The Ref of a term in the store (base or pending), if it has it.
std::optional<Ref> find_ref(const Store::Native& native, const ontology::Term& term) {
  const std::string text = spelled(term);
  return native.pending ? native.pending->lookup(text) : native.base.find(text);
}

std::string_view spelling_of(const Store::Native& native, Ref ref) {
  return native.pending ? native.pending->spelling(ref) : native.base.spelling(ref);
}

bool base_has_graph(const Store::Native& native, Ref graph) {
  if (graph >= native.base.term_count()) return false;
  if (native.pending && native.pending->base_graph_removed(graph)) return false;
  return !detail::prefix_range(native.base.index(detail::Order::Gspo), {graph, 0, 0, 0}, 1).empty();
}

}  // namespace

void Store::Native::compact() {
  if (!pending) return;
  if (pending->empty()) {
    pending.reset();
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  detail::Changes changes = pending->take();
  changes.terms_written = [this] { pending->release_terms(); };
  const std::size_t added = changes.quads.size();
  std::unique_ptr<detail::GenerationSink> sink =
      directory ? detail::file_sink(*directory->work_generation()) : detail::memory_sink(base.heap());
  try {
    base = detail::write_generation(base, std::move(changes), *sink);
  } catch (...) {
    pending.reset();  // the changes were handed over and are gone: the store is its base again
    throw;
  }
  pending.reset();
  ++epoch;
  spdlog::debug("store: wrote a generation of {} quads, {} terms ({} quads added) in {} ms", base.quad_count(),
                base.term_count(), added,
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                    .count());
}

Store::Store(StoreOptions options) : native_(std::make_unique<Native>()) {
  Native& native = *native_;
  native.options = std::move(options);
  const std::string& path = native.options.path;
  if (path.empty()) {
    native.writing = true;
    return;
  }
  if (native.options.mode == StoreOptions::Mode::ReadOnly) {
    // A writer may commit and delete the generation between our reading
    // CURRENT and opening its files: read CURRENT again and retry.
    for (int attempt = 1;; ++attempt) {
      const fs::path live = StoreDirectory::live_generation_for_reading(path);
      try {
        native.base = detail::Generation::open(live);
        break;
      } catch (const StoreError&) {
        if (attempt >= 3 || fs::exists(live)) throw;
      }
    }
    return;
  }
  native.directory.emplace(StoreDirectory::open_for_writing(path, native.options.create));
  if (const auto live = native.directory->live_generation()) {
    native.base = detail::Generation::open(*live);
  } else {
    begin_writing(native);  // a new store: nothing to copy
  }
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

void Store::add(std::span<const ontology::Quad> quads) {
  Native& native = *native_;
  require_writable(native, "add triples");
  if (quads.empty()) return;
  for (const ontology::Quad& quad : quads) {
    if (quad.graph_name.empty()) {
      throw StoreError("cannot add a triple without a graph name: newsgraph keeps every triple in a named graph (" +
                       ontology::to_ntriples(quad.subject) + " " + ontology::to_ntriples(quad.predicate) + " ...)");
    }
  }
  begin_writing(native);
  detail::Pending& changes = pending(native);
  std::vector<Quad4> run;
  run.reserve(quads.size());
  std::string text;
  const auto intern = [&](const ontology::Term& term) {
    text.clear();
    detail::append_spelling(text, term);
    return changes.intern(text);
  };
  // IRIs repeat within a call (an article's subjects, predicates, classes,
  // entities): each is spelled and looked up once per call.
  // The keys view the quads' own strings.
  std::unordered_map<std::string_view, Ref> iris;
  const auto iri_ref = [&](const std::string& iri) {
    const auto [it, added] = iris.try_emplace(iri, kNoRef);
    if (added) it->second = intern(ontology::Term::iri(iri));
    return it->second;
  };
  const auto ref = [&](const ontology::Term& term) { return term.is_iri() ? iri_ref(term.value) : intern(term); };
  for (const ontology::Quad& quad : quads) {
    run.push_back({ref(quad.subject), ref(quad.predicate), ref(quad.object), iri_ref(quad.graph_name)});
  }
  // Duplicates inside the call are added once.
  std::sort(run.begin(), run.end());
  run.erase(std::unique(run.begin(), run.end()), run.end());
  spdlog::trace("store: added {} quads ({} given)", run.size(), quads.size());
  changes.add_run(std::move(run));
}

std::size_t Store::remove_graph(std::string_view graph_name) {
  Native& native = *native_;
  require_writable(native, "remove a graph");
  if (graph_name.empty() || !has_graph(graph_name)) return 0;
  begin_writing(native);
  detail::Pending& changes = pending(native);
  const Ref graph = *changes.lookup(spelled(ontology::Term::iri(std::string(graph_name))));
  std::size_t count = 0;
  const auto in_base = detail::prefix_range(native.base.index(detail::Order::Gspo), {graph, 0, 0, 0}, 1);
  const bool from_base = changes.in_base(graph) && !changes.base_graph_removed(graph) && !in_base.empty();
  if (from_base) {
    count = in_base.size();
    changes.remove_base_graph(graph);
  }
  for (const Quad4& quad : changes.drop_graph(graph)) {
    // A quad added again that the base graph had is not counted twice.
    if (from_base && std::binary_search(in_base.begin(), in_base.end(), detail::to_layout(quad, detail::Order::Gspo))) {
      continue;
    }
    ++count;
  }
  return count;
}

void Store::replace_graph(std::string_view graph_name, std::span<const ontology::Quad> quads) {
  require_writable(*native_, "replace a graph");
  if (std::all_of(quads.begin(), quads.end(), [&](const ontology::Quad& q) { return q.graph_name == graph_name; })) {
    remove_graph(graph_name);
    add(quads);
    return;
  }
  std::vector<ontology::Quad> named;
  named.reserve(quads.size());
  for (const ontology::Quad& quad : quads) {
    if (!quad.graph_name.empty() && quad.graph_name != graph_name) {
      throw StoreError(fmt::format("replace_graph(<{}>): a triple names another graph <{}>", graph_name,
                                   quad.graph_name));
    }
    named.push_back(quad);
    named.back().graph_name = graph_name;
  }
  remove_graph(graph_name);
  add(named);
}

bool Store::has_graph(std::string_view graph_name) const {
  if (graph_name.empty()) return false;
  const Native& native = *native_;
  const auto graph = find_ref(native, ontology::Term::iri(std::string(graph_name)));
  if (!graph) return false;
  return (native.pending && native.pending->has_graph(*graph)) || base_has_graph(native, *graph);
}

std::vector<std::string> Store::graph_names() const {
  const Native& native = *native_;
  std::set<std::string> names;
  const auto add_name = [&](Ref graph) {
    const ontology::Term term = detail::parse_spelling(spelling_of(native, graph));
    if (term.is_iri()) names.insert(term.value);
  };
  for (const Ref graph : detail::graph_refs(native.base)) {
    if (!native.pending || !native.pending->base_graph_removed(graph)) add_name(graph);
  }
  if (native.pending) {
    for (const Ref graph : native.pending->graphs()) add_name(graph);
  }
  return {names.begin(), names.end()};
}

std::vector<ontology::Term> Store::objects(std::string_view subject_iri, std::string_view predicate_iri) const {
  const Native& native = *native_;
  const auto subject = find_ref(native, ontology::Term::iri(std::string(subject_iri)));
  const auto predicate = find_ref(native, ontology::Term::iri(std::string(predicate_iri)));
  std::set<ontology::Term> objects;
  if (!subject || !predicate) return {};
  const auto add_object = [&](Ref object) { objects.insert(detail::parse_spelling(spelling_of(native, object))); };
  if (*subject < native.base.term_count() && *predicate < native.base.term_count()) {
    for (detail::Cursor cursor(native.base, {*subject, *predicate, kNoRef, kNoRef}, false); !cursor.at_end();
         cursor.next()) {
      if (native.pending && native.pending->base_graph_removed(cursor.quad()[kG])) continue;
      add_object(cursor.quad()[kO]);
    }
  }
  if (native.pending) {
    for (const auto& run : native.pending->runs()) {
      for (const Quad4& quad : detail::prefix_range(run, {*subject, *predicate, 0, 0}, 2)) add_object(quad[kO]);
    }
  }
  return {objects.begin(), objects.end()};
}

void Store::for_each_quad(const std::function<void(const ontology::Quad&)>& visit) const {
  Native& native = *native_;
  native.compact();
  ontology::Quad quad;
  Quad4 last{kNoRef, kNoRef, kNoRef, kNoRef};
  for (const Quad4& refs : native.base.index(detail::Order::Spog)) {
    // Sorted by subject: decode only the parts that changed.
    if (refs[kS] != last[kS]) quad.subject = detail::parse_spelling(native.base.spelling(refs[kS]));
    if (refs[kP] != last[kP]) quad.predicate = detail::parse_spelling(native.base.spelling(refs[kP]));
    if (refs[kO] != last[kO]) quad.object = detail::parse_spelling(native.base.spelling(refs[kO]));
    if (refs[kG] != last[kG]) quad.graph_name = detail::parse_spelling(native.base.spelling(refs[kG])).value;
    last = refs;
    visit(quad);
  }
}

std::size_t Store::size() const {
  native_->compact();
  return native_->base.quad_count();
}

void Store::commit() {
  Native& native = *native_;
  require_writable(native, "commit");
  if (!native.directory) {
    native.compact();
    return;  // in memory: nothing to make durable
  }
  if (!native.writing) return;  // nothing changed
  const auto started = std::chrono::steady_clock::now();
  native.compact();
  const fs::path work = *native.directory->work_generation();
  if (!fs::exists(work / "generation.json")) {
    // A new store whose writer added nothing that stayed: an empty generation.
    auto sink = detail::file_sink(work);
    native.base = detail::write_generation(native.base, {}, *sink);
  }
  native.base = detail::Generation();
  native.writing = false;
  native.directory->publish();
  native.base = detail::Generation::open(*native.directory->live_generation());
  ++native.epoch;
  spdlog::info("store {}: committed {} in {} ms", native.options.path,
               native.directory->live_generation()->filename().string(),
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                   .count());
}

bool Store::persistent() const noexcept { return !native_->options.path.empty(); }

const std::string& Store::path() const noexcept { return native_->options.path; }

Store::Native& Store::native() const { return *native_; }

}  // namespace ng::graph
