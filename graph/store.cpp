#include "graph/store.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/redland_storage.hpp"
#include "graph/redland_store.hpp"
#include "graph/term_spelling.hpp"

namespace fs = std::filesystem;

namespace ng::graph {

namespace {

constexpr std::string_view kFormatKey = "format";
constexpr std::string_view kBaseKey = "base-iri";

void require_writable(const Store::Native& native, std::string_view operation) {
  // An in-memory store is always writable: read-only would make it useless.
  if (!native.options.path.empty() && native.options.mode == StoreOptions::Mode::ReadOnly) {
    throw StoreError(fmt::format("cannot {}: store {} is open read-only", operation, native.options.path));
  }
}

std::string no_store_message(const std::string& path) {
  return fmt::format("no store at {}: run `newsgraph build` first or pass --store", path);
}

// Id -> term, for walks over many quads (a term is decoded once).
class TermDecoder {
 public:
  explicit TermDecoder(QuadStore& store) : store_(store) {}
  const ontology::Term& term(TermId id) {
    auto it = terms_.find(id);
    if (it == terms_.end()) {
      if (terms_.size() > (1U << 18)) terms_.clear();
      const std::string_view spelling = store_.spelling(id);
      std::optional<ontology::Term> term = term_of_spelling(spelling);
      if (!term && spelling != redland::kUnnamedGraph) {
        throw StoreError(fmt::format("store {} is damaged: term {} cannot be read (run `newsgraph check`)",
                                     store_.where(), id));
      }
      it = terms_.emplace(id, term ? std::move(*term) : ontology::Term::iri("")).first;
    }
    return it->second;
  }

 private:
  QuadStore& store_;
  std::unordered_map<TermId, ontology::Term> terms_;
};

}  // namespace

librdf_node* Store::Native::node(TermId id) {
  if (nodes_epoch != quads->epoch() || nodes.size() > (1U << 16)) {
    nodes.clear();
    nodes_epoch = quads->epoch();
  }
  auto it = nodes.find(id);
  if (it == nodes.end()) {
    const std::string_view spelling = quads->spelling(id);
    redland::NodePtr node;
    if (spelling != redland::kUnnamedGraph) {
      const std::optional<ontology::Term> term = term_of_spelling(spelling);
      if (!term) throw StoreError(fmt::format("store {}: term {} cannot be read", quads->where(), id));
      node = redland::make_node(world(), *term);
    }
    it = nodes.emplace(id, std::move(node)).first;
  }
  return it->second ? librdf_new_node_from_node(it->second.get()) : nullptr;
}

std::optional<TermId> Store::Native::id_of(librdf_node* node) const {
  return quads->find(graph::spelling_of(redland::to_term(node)));
}

Store::Store(StoreOptions options) : native_(std::make_unique<Native>()) {
  Native& native = *native_;
  native.options = std::move(options);
  const std::string& path = native.options.path;
  if (path.empty()) {
    native.quads = QuadStore::open({}, QuadStore::Mode::Temporary);
  } else if (native.options.mode == StoreOptions::Mode::ReadOnly) {
    StoreDirectory::check_readable(path);
    try {
      native.quads = QuadStore::open(path, QuadStore::Mode::Read);
    } catch (const StoreError& e) {
      if (std::string_view(e.what()).find("has no committed data") != std::string_view::npos) {
        throw StoreError(no_store_message(path));
      }
      throw;
    }
    // The writer that made the files may have died before its first commit.
    if (!native.quads->meta(kFormatKey)) throw StoreError(no_store_message(path));
  } else {
    native.directory.emplace(StoreDirectory::open_for_writing(path, native.options.create));
    native.quads = QuadStore::open(path, QuadStore::Mode::Write);
  }
  const std::string handle = redland::store_handle(native.quads);
  try {
    native.rdf.open(redland::kStorageName, {{"handle", handle}}, path.empty() ? std::string("memory") : path);
  } catch (...) {
    redland::release_store_handle(handle);
    throw;
  }
  redland::release_store_handle(handle);  // the storage holds the store now
}

Store::~Store() {
  if (!native_) return;
  native_->query_engine.reset();
  native_->nodes.clear();
  native_->rdf.close();
  if (native_->quads) native_->quads->close();  // uncommitted changes are gone
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

namespace {

// Interns the terms of quads and hands them to the store's buffer; every
// quad goes into `graph` when it is given, else into its own graph_name.
// A mapped article repeats its subjects in consecutive quads and uses a
// few dozen predicates: those are remembered here, so that most terms
// skip the spelling and the dictionary altogether.
void add_quads(QuadStore& store, std::span<const ontology::Quad> quads, const std::string* graph_name) {
  std::string spelling;
  const auto id = [&](const ontology::Term& term) {
    if ((term.is_iri() || term.is_blank()) && term.value.empty()) {
      throw StoreError(fmt::format("cannot add an empty {} to store {}", term.is_iri() ? "IRI" : "blank node label",
                                   store.where()));
    }
    spelling.clear();
    append_spelling(spelling, term);
    return store.intern(spelling);
  };
  const std::string* current = nullptr;
  TermId graph = kAnyTerm;
  const ontology::Term* last_subject = nullptr;
  TermId subject = kAnyTerm;
  std::vector<std::pair<const ontology::Term*, TermId>> predicates;
  for (const ontology::Quad& quad : quads) {
    const std::string& name = graph_name != nullptr ? *graph_name : quad.graph_name;
    if (current == nullptr || name != *current) {
      current = &name;
      graph = id(ontology::Term::iri(name));
    }
    if (last_subject == nullptr || quad.subject != *last_subject) {
      subject = id(quad.subject);
      last_subject = &quad.subject;
    }
    TermId predicate = kAnyTerm;
    for (const auto& [term, known] : predicates) {
      if (*term == quad.predicate) {
        predicate = known;
        break;
      }
    }
    if (predicate == kAnyTerm) {
      predicate = id(quad.predicate);
      if (predicates.size() < 64) predicates.emplace_back(&quad.predicate, predicate);
    }
    store.add({subject, predicate, id(quad.object), graph});
  }
}

}  // namespace

void Store::add(std::span<const ontology::Quad> quads) {
  Native& native = *native_;
  require_writable(native, "add triples");
  for (const ontology::Quad& quad : quads) {
    if (quad.graph_name.empty()) {
      throw StoreError("cannot add a triple without a graph name: newsgraph keeps every triple in a named graph (" +
                       ontology::to_ntriples(quad.subject) + " " + ontology::to_ntriples(quad.predicate) + " ...)");
    }
  }
  add_quads(*native.quads, quads, nullptr);
}

std::size_t Store::remove_graph(std::string_view graph_name) {
  Native& native = *native_;
  require_writable(native, "remove a graph");
  const std::optional<TermId> graph = native.quads->find(graph::spelling_of(ontology::Term::iri(std::string(graph_name))));
  return graph ? native.quads->remove_graph(*graph) : 0;
}

void Store::replace_graph(std::string_view graph_name, std::span<const ontology::Quad> quads) {
  require_writable(*native_, "replace a graph");
  for (const ontology::Quad& quad : quads) {
    if (!quad.graph_name.empty() && quad.graph_name != graph_name) {
      throw StoreError(fmt::format("replace_graph(<{}>): a triple names another graph <{}>", graph_name,
                                   quad.graph_name));
    }
  }
  if (graph_name.empty()) throw StoreError("replace_graph: the graph name is empty");
  // The graph's input file stays recorded: an article mapped again from the
  // store (its entities link elsewhere now) still came from that file.
  QuadStore& store = *native_->quads;
  const std::string name(graph_name);
  const std::optional<TermId> old = store.find(graph::spelling_of(ontology::Term::iri(name)));
  if (old && !quads.empty()) {
    // By its difference: the quads it keeps stay as they are (their index
    // pages are not rewritten); its input file stays recorded.
    std::vector<IdQuad> before = store.stored_graph(*old);
    if (!before.empty()) {
      std::sort(before.begin(), before.end());
      std::vector<bool> kept(before.size(), false);
      std::vector<ontology::Quad> added;
      std::string spelling;
      const auto find = [&](const ontology::Term& term) {
        spelling.clear();
        append_spelling(spelling, term);
        return store.find(spelling);
      };
      for (const ontology::Quad& quad : quads) {
        const std::optional<TermId> s = find(quad.subject), p = find(quad.predicate), o = find(quad.object);
        if (s && p && o) {
          const IdQuad ids{*s, *p, *o, *old};
          const auto at = std::lower_bound(before.begin(), before.end(), ids);
          if (at != before.end() && *at == ids && !kept[static_cast<std::size_t>(at - before.begin())]) {
            kept[static_cast<std::size_t>(at - before.begin())] = true;
            continue;
          }
        }
        added.push_back(quad);
      }
      std::vector<IdQuad> removed;
      for (std::size_t i = 0; i < before.size(); ++i) {
        if (!kept[i]) removed.push_back(before[i]);
      }
      store.remove_stored(removed);
      add_quads(store, added, &name);
      return;
    }
  }
  const std::optional<std::string> source = old ? store.source(*old) : std::nullopt;
  remove_graph(graph_name);
  add_quads(store, quads, &name);
  if (!source || quads.empty()) return;
  if (const std::optional<TermId> graph = store.find(graph::spelling_of(ontology::Term::iri(name)))) {
    store.set_source(*graph, *source);
  }
}

bool Store::has_graph(std::string_view graph_name) const {
  if (graph_name.empty()) return false;
  const std::optional<TermId> graph =
      native_->quads->find(graph::spelling_of(ontology::Term::iri(std::string(graph_name))));
  return graph && native_->quads->has_graph(*graph);
}

std::vector<std::string> Store::graph_names() const {
  std::vector<std::string> names;
  QuadStore& store = *native_->quads;
  for (const TermId id : store.graphs()) {
    std::string iri = iri_of_spelling(store.spelling(id));
    if (!iri.empty()) names.push_back(std::move(iri));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<ontology::Term> Store::objects(std::string_view subject_iri, std::string_view predicate_iri) const {
  const auto subject = id_of(ontology::Term::iri(std::string(subject_iri)));
  const auto predicate = id_of(ontology::Term::iri(std::string(predicate_iri)));
  if (!subject || !predicate) return {};
  std::set<ontology::Term> objects;
  for (QuadCursor cursor = match({*subject, *predicate, kAnyTerm, kAnyTerm}, Distinct::Triples); !cursor.at_end();
       cursor.next()) {
    objects.insert(term_of(cursor.quad().object));
  }
  return {objects.begin(), objects.end()};
}

void Store::for_each_quad(const std::function<void(const ontology::Quad&)>& visit) const {
  QuadStore& store = *native_->quads;
  TermDecoder decoder(store);
  ontology::Quad quad;
  for (QuadCursor cursor = store.match({}, Distinct::Quads); !cursor.at_end(); cursor.next()) {
    const IdQuad& ids = cursor.quad();
    quad.subject = decoder.term(ids.subject);
    quad.predicate = decoder.term(ids.predicate);
    quad.object = decoder.term(ids.object);
    quad.graph_name = decoder.term(ids.graph).value;
    visit(quad);
  }
}

std::size_t Store::size() const { return native_->quads->size(); }

void Store::commit() {
  Native& native = *native_;
  require_writable(native, "commit");
  const auto started = std::chrono::steady_clock::now();
  const std::string format = std::to_string(StoreDirectory::kFormatVersion);
  if (native.quads->meta(kFormatKey) != format) native.quads->set_meta(kFormatKey, format);
  native.quads->flush();
  reached_store_crash_point("flushed");
  native.quads->commit();
  reached_store_crash_point("committed");
  if (persistent()) {
    spdlog::info("store {}: committed in {} ms", native.options.path,
                 std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                     .count());
  }
}

std::optional<std::string> Store::base_iri() const { return native_->quads->meta(kBaseKey); }

void Store::set_base_iri(std::string_view base) {
  require_writable(*native_, "record the base IRI");
  if (base_iri() != std::optional<std::string>(std::string(base))) native_->quads->set_meta(kBaseKey, base);
}

void Store::set_graph_source(std::string_view graph_name, std::string_view input_path) {
  require_writable(*native_, "record where a graph came from");
  const auto graph = native_->quads->find(graph::spelling_of(ontology::Term::iri(std::string(graph_name))));
  if (!graph || !native_->quads->has_graph(*graph)) {
    throw StoreError(fmt::format("store {} has no graph <{}>", native_->quads->where(), graph_name));
  }
  native_->quads->set_source(*graph, input_path);
}

std::optional<std::string> Store::side_value(std::string_view table, std::string_view key) const {
  return native_->quads->side_get(table, key);
}

void Store::set_side_value(std::string_view table, std::string_view key, std::string_view value) {
  require_writable(*native_, "write its side tables");
  native_->quads->side_put(table, key, value);
}

void Store::erase_side_value(std::string_view table, std::string_view key) {
  require_writable(*native_, "write its side tables");
  native_->quads->side_erase(table, key);
}

void Store::scan_side_table(std::string_view table, std::string_view prefix,
                            const std::function<bool(std::string_view, std::string_view)>& visit) const {
  native_->quads->side_scan(table, prefix, visit);
}

void Store::clear_side_table(std::string_view table) {
  require_writable(*native_, "write its side tables");
  native_->quads->side_clear(table);
}

std::uint64_t Store::last_commit_id() const { return native_->quads->last_commit_id(); }

std::vector<std::pair<std::string, std::string>> Store::graph_sources() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& [id, path] : native_->quads->sources()) {
    out.emplace_back(iri_of_spelling(native_->quads->spelling(id)), std::move(path));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool Store::persistent() const noexcept { return !native_->options.path.empty(); }

const std::string& Store::path() const noexcept { return native_->options.path; }

std::optional<TermId> Store::id_of(const ontology::Term& term) const { return native_->quads->find(graph::spelling_of(term)); }

ontology::Term Store::term_of(TermId id) const {
  const std::string_view spelling = native_->quads->spelling(id);
  std::optional<ontology::Term> term = term_of_spelling(spelling);
  if (!term) {
    if (spelling == redland::kUnnamedGraph) return ontology::Term::iri("");
    throw StoreError(fmt::format("store {} is damaged: term {} cannot be read (run `newsgraph check`)",
                                 native_->quads->where(), id));
  }
  return std::move(*term);
}

std::string_view Store::spelling_of(TermId id) const { return native_->quads->spelling(id); }

QuadCursor Store::match(const IdPattern& pattern, Distinct distinct) const {
  return native_->quads->match(pattern, distinct);
}

std::size_t Store::estimate(const IdPattern& pattern) const { return native_->quads->estimate(pattern); }

std::vector<TermId> Store::graph_ids() const {
  std::vector<TermId> ids = native_->quads->graphs();
  std::erase_if(ids, [&](TermId id) { return native_->quads->spelling(id) == redland::kUnnamedGraph; });
  return ids;
}

std::uint64_t Store::id_epoch() const noexcept { return native_->quads->epoch(); }

Store::Native& Store::native() const { return *native_; }

// --- TermCache (store_ids.hpp) ---------------------------------------------

const ontology::Term& TermCache::term(TermId id) {
  auto it = terms_.find(id);
  if (it == terms_.end()) {
    if (terms_.size() >= capacity_) terms_.clear();
    it = terms_.emplace(id, store_.term_of(id)).first;
  }
  return it->second;
}

std::optional<TermId> TermCache::id(const ontology::Term& term) {
  std::string spelling = graph::spelling_of(term);
  auto it = ids_.find(spelling);
  if (it == ids_.end()) {
    if (ids_.size() >= capacity_) ids_.clear();
    it = ids_.emplace(std::move(spelling), store_.id_of(term)).first;
  }
  return it->second;
}

}  // namespace ng::graph
