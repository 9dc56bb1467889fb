#include "graph/store.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <unordered_set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/redland_store.hpp"

namespace fs = std::filesystem;

namespace ng::graph {

using namespace redland;

namespace {

constexpr std::string_view kPredicatesFile = "predicates.txt";

void load_predicates(Store::Native& native, const fs::path& generation) {
  native.predicates.clear();
  std::ifstream in(generation / kPredicatesFile);
  native.predicates_known = static_cast<bool>(in);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) native.predicates.insert(line);
  }
}

void save_predicates(const Store::Native& native, const fs::path& generation) {
  if (!native.predicates_known) return;  // an incomplete list must not pass for complete
  std::ofstream out(generation / kPredicatesFile, std::ios::trunc);
  for (const std::string& predicate : native.predicates) out << predicate << '\n';
  out.flush();
  if (!out) throw IoError("cannot write " + (generation / kPredicatesFile).string());
}

void require_writable(const Store::Native& native, std::string_view operation) {
  // An in-memory store is always writable: read-only would make it useless.
  if (!native.options.path.empty() && native.options.mode == StoreOptions::Mode::ReadOnly) {
    throw StoreError(fmt::format("cannot {}: store {} is open read-only", operation, native.options.path));
  }
}

// A persistent writer starts writing: copy the live generation and reopen
// the model read-write on the copy.
void begin_writing(Store::Native& native) {
  if (native.writing || !native.directory) return;
  const bool fresh = !native.directory->live_generation().has_value();
  native.rdf.close();
  const fs::path& work = native.directory->begin_work_generation();
  native.rdf.open({work.string(), /*writable=*/true, /*create=*/fresh});
  native.writing = true;
}

NodePtr graph_node(const Store::Native& native, std::string_view graph_name) {
  return make_node(native.world(), ontology::Term::iri(std::string(graph_name)));
}

// Keys of the statements already in a graph, read once per add() call so
// that adding to an existing graph stays linear (Redland's hashes storage
// adds a statement to a context again even when it is there already).
std::unordered_set<std::string> statement_keys(const Store::Native& native, librdf_node* context) {
  std::unordered_set<std::string> keys;
  StreamPtr stream(librdf_model_context_as_stream(native.model(), context));
  if (!stream) return keys;
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    keys.insert(statement_key(librdf_stream_get_object(stream.get())));
  }
  return keys;
}

}  // namespace

Store::Store(StoreOptions options) : native_(std::make_unique<Native>()) {
  Native& native = *native_;
  native.options = std::move(options);
  const std::string& path = native.options.path;
  const bool read_only = native.options.mode == StoreOptions::Mode::ReadOnly;
  if (path.empty()) {
    native.rdf.open({{}, /*writable=*/true, /*create=*/true});
    native.writing = true;
    return;
  }
  if (read_only) {
    // A writer may commit and delete the generation between our reading
    // CURRENT and opening its files: read CURRENT again and retry.
    for (int attempt = 1;; ++attempt) {
      const fs::path live = StoreDirectory::live_generation_for_reading(path);
      try {
        native.rdf.open({live.string(), /*writable=*/false, /*create=*/false});
        load_predicates(native, live);
        break;
      } catch (const StoreError&) {
        if (attempt >= 3 || fs::exists(live)) throw;
      }
    }
    return;
  }
  native.directory.emplace(StoreDirectory::open_for_writing(path, native.options.create));
  if (const auto live = native.directory->live_generation()) {
    native.rdf.open({live->string(), /*writable=*/false, /*create=*/false});
    load_predicates(native, *live);
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

  // Duplicates inside the call are added once.
  std::vector<const ontology::Quad*> order;
  order.reserve(quads.size());
  for (const ontology::Quad& quad : quads) order.push_back(&quad);
  std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    return std::tie(a->graph_name, a->subject, a->predicate, a->object) <
           std::tie(b->graph_name, b->subject, b->predicate, b->object);
  });
  order.erase(std::unique(order.begin(), order.end(), [](const auto* a, const auto* b) { return *a == *b; }),
              order.end());

  librdf_world* world = native.world();
  librdf_model* model = native.model();
  std::size_t added = 0;
  std::string current_graph;
  NodePtr context;
  std::optional<std::unordered_set<std::string>> existing;  // keys of a graph that was there before
  for (const ontology::Quad* quad : order) {
    if (!context || quad->graph_name != current_graph) {
      current_graph = quad->graph_name;
      context = graph_node(native, current_graph);
      existing.reset();
      if (librdf_model_contains_context(model, context.get()) != 0) existing = statement_keys(native, context.get());
    }
    StatementPtr statement = make_statement(world, quad->subject, quad->predicate, quad->object);
    if (existing && existing->contains(statement_key(statement.get()))) continue;
    // Copies the statement; ours is freed by its StatementPtr.
    if (librdf_model_context_add_statement(model, context.get(), statement.get()) != 0) {
      throw StoreError(fmt::format("could not add {} {} {} to graph <{}>: {}", ontology::to_ntriples(quad->subject),
                                   ontology::to_ntriples(quad->predicate), ontology::to_ntriples(quad->object),
                                   current_graph, native.rdf.log().take_error_text("Redland refused it")));
    }
    if (quad->predicate.is_iri()) native.predicates.insert(quad->predicate.value);
    ++added;
  }
  spdlog::debug("store: added {} quads ({} given)", added, quads.size());
}

std::size_t Store::remove_graph(std::string_view graph_name) {
  Native& native = *native_;
  require_writable(native, "remove a graph");
  if (!has_graph(graph_name)) return 0;
  begin_writing(native);
  NodePtr context = graph_node(native, graph_name);
  std::size_t count = 0;
  {
    StreamPtr stream(librdf_model_context_as_stream(native.model(), context.get()));
    for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) ++count;
  }
  if (librdf_model_context_remove_statements(native.model(), context.get()) != 0) {
    throw StoreError(fmt::format("could not remove graph <{}>: {}", graph_name,
                                 native.rdf.log().take_error_text("Redland refused it")));
  }
  return count;
}

void Store::replace_graph(std::string_view graph_name, std::span<const ontology::Quad> quads) {
  require_writable(*native_, "replace a graph");
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
  NodePtr context = graph_node(*native_, graph_name);
  return librdf_model_contains_context(native_->model(), context.get()) != 0;
}

std::vector<std::string> Store::graph_names() const {
  std::set<std::string> names;
  IteratorPtr contexts(librdf_model_get_contexts(native_->model()));
  for (; contexts && !librdf_iterator_end(contexts.get()); librdf_iterator_next(contexts.get())) {
    auto* node = static_cast<librdf_node*>(librdf_iterator_get_object(contexts.get()));  // borrowed
    if (node != nullptr && librdf_node_is_resource(node)) names.insert(to_term(node).value);
  }
  return {names.begin(), names.end()};
}

std::vector<ontology::Term> Store::objects(std::string_view subject_iri, std::string_view predicate_iri) const {
  librdf_world* world = native_->world();
  NodePtr subject = make_node(world, ontology::Term::iri(std::string(subject_iri)));
  NodePtr predicate = make_node(world, ontology::Term::iri(std::string(predicate_iri)));
  std::set<ontology::Term> objects;
  IteratorPtr targets(librdf_model_get_targets(native_->model(), subject.get(), predicate.get()));
  for (; targets && !librdf_iterator_end(targets.get()); librdf_iterator_next(targets.get())) {
    auto* node = static_cast<librdf_node*>(librdf_iterator_get_object(targets.get()));  // borrowed
    if (node != nullptr) objects.insert(to_term(node));
  }
  return {objects.begin(), objects.end()};
}

void Store::for_each_quad(const std::function<void(const ontology::Quad&)>& visit) const {
  StreamPtr stream(librdf_model_as_stream(native_->model()));
  if (!stream) throw StoreError("could not read the store: " + native_->rdf.log().take_error_text("no stream"));
  ontology::Quad quad;
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* statement = librdf_stream_get_object(stream.get());  // borrowed
    librdf_node* context = librdf_stream_get_context2(stream.get());       // borrowed
    quad.subject = to_term(librdf_statement_get_subject(statement));
    quad.predicate = to_term(librdf_statement_get_predicate(statement));
    quad.object = to_term(librdf_statement_get_object(statement));
    quad.graph_name = context != nullptr ? to_term(context).value : std::string();
    visit(quad);
  }
}

std::size_t Store::size() const {
  // BDB hashes answer -1: count by streaming.
  const int size = librdf_model_size(native_->model());
  if (size >= 0) return static_cast<std::size_t>(size);
  std::size_t count = 0;
  StreamPtr stream(librdf_model_as_stream(native_->model()));
  for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) ++count;
  return count;
}

void Store::commit() {
  Native& native = *native_;
  require_writable(native, "commit");
  if (!native.directory || !native.writing) return;  // in memory, or nothing changed
  const auto started = std::chrono::steady_clock::now();
  const fs::path work = *native.directory->work_generation();
  save_predicates(native, work);
  native.rdf.close();  // syncs and closes the BDB files
  native.writing = false;
  native.directory->publish();
  const fs::path live = *native.directory->live_generation();
  native.rdf.open({live.string(), /*writable=*/false, /*create=*/false});
  spdlog::info("store {}: committed {} in {} ms", native.options.path, live.filename().string(),
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                   .count());
}

bool Store::persistent() const noexcept { return !native_->options.path.empty(); }

const std::string& Store::path() const noexcept { return native_->options.path; }

Store::Native& Store::native() const { return *native_; }

}  // namespace ng::graph
