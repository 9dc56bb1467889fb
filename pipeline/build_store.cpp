// Pass 2 of the build (builder.hpp): the changed and relinked articles
// mapped in input order and handed to the store's thread.
#include "pipeline/builder.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "ontology/vocabulary.hpp"
#include "pipeline/stored_state.hpp"

namespace ng::pipeline::detail {

namespace {

namespace v = ontology::vocab;

// An article's quads go to the store in chunks of at most this many: a dense
// 1 MB article makes half a million quads, which held at once took 700 MB.
constexpr std::size_t kQuadChunk = 65536;

}  // namespace

void Builder::write_pass(const std::vector<ontology::Quad>* ontology_quads) {
  auto stage = Clock::now();
  const std::vector<StoreJob> files = map_files();
  resolve_entities();
  report_.stage_ms["resolve"] = ms_since(stage);

  // Articles built earlier whose entities now link elsewhere: mapped again
  // from the store, on this thread (it reads the store, so no store
  // thread yet).
  stage = Clock::now();
  progress_.start("building", changed_.size() + affected_.size(), "articles");
  relink_from_store();

  writer_.emplace(*store_);
  writer_->start();
  for (const auto& job : files) writer_->push(job);
  if (ontology_quads) {
    // The ontology has a named graph of its own, so the store always
    // holds the ontology of the binary that wrote it.
    writer_->push({std::string(v::newsgraph::kOntology), *ontology_quads, true, {}});
  }
  build_pass();
  drain(0);
  writer_->finish();
  report_.stage_ms["store"] = writer_->store_ms();
  report_.stage_ms["wait-store"] = writer_->wait_ms();
  report_.stage_ms["build"] = ms_since(stage);
  drop_metrics();
  if (kept_.kept() > 0) {
    spdlog::debug("mapped {} from the layers pass 1 kept (at most {:.1f} MB); {} past the budget extracted again",
                  plural(extractions_saved_, "article"), static_cast<double>(kept_.peak_bytes()) / (1 << 20),
                  kept_.over_budget());
  }
  spdlog::info("built {}, relinked {} ({} without extraction) ({:.0f} ms: extract {:.0f} ms on {} threads, "
               "map {:.0f} ms, store {:.0f} ms)",
               plural(report_.articles_built, "article"), report_.articles_relinked,
               report_.articles_relinked_stored, report_.stage_ms["build"],
               report_.stage_ms["extract"], pool_.size(), report_.stage_ms["map"], report_.stage_ms["store"]);
}

bool Builder::to_map(const std::string& iri) const {
  return changed_.count(iri) || (affected_.count(iri) && !relinked_stored_.count(iri));
}

void Builder::build_pass() {
  std::set<std::size_t> needed;
  for (const auto& [iri, latest] : latest_) {
    if (to_map(iri)) needed.insert(seen_[latest.index].input);
  }
  for (const std::size_t i : needed) {
    std::size_t index = first_index_.at(i);
    loaders::InputReport again;  // everything was reported in pass 1
    const std::string source = source_path(inputs_[i].path);
    const auto deliver = [&](loaders::Article&& article) {
      const std::size_t at = index++;
      const std::string iri = minter_.article(article.url);
      if (at >= seen_.size() || seen_[at].iri != iri) {
        report_.input.warn(article.origin, "changed while it was being built; build again");
        inputs_moved_ = true;
        return;
      }
      const Latest& latest = latest_.at(iri);
      if (latest.index != at || !to_map(iri)) return;
      const bool unchanged = loaders::article_fingerprint(article) == latest.fingerprint;
      if (!unchanged) {
        report_.input.warn(article.origin, "changed while it was being built; build again");
        inputs_moved_ = true;
      }
      const bool relinked = !changed_.count(iri);
      const auto then = [this, relinked, source](Extracted&& done) { map_article(done, relinked, source); };
      if (std::optional<loaders::MappingLayers> layers = kept_layers(iri, article, unchanged)) {
        Extracted ready;
        ready.article = std::move(article);
        ready.layers = std::move(layers);
        submit_ready(std::move(ready), then);
      } else {
        submit(std::move(article), then, false);
      }
    };
    if (inputs_[i].path == "-") {
      for (auto& article : stdin_articles_) deliver(std::move(article));
      continue;
    }
    loaders::InputSink sink;
    sink.article = deliver;
    loaders::read_input(inputs_[i], sink, again, options_.read);
  }
}

std::optional<loaders::MappingLayers> Builder::kept_layers(const std::string& iri, const loaders::Article& article,
                                                  bool same_text) {
  std::optional<std::string> stored = kept_.take(iri);
  if (!stored || !same_text) return std::nullopt;
  std::optional<loaders::MappingLayers> layers =
      loaders::parse_stored_layers(*stored, claims_.at(iri), article.full_text());
  if (layers) ++extractions_saved_;
  return layers;
}

void Builder::map_article(const Extracted& done, bool relinked, const std::string& source) {
  const double started = thread_cpu_ms();
  const std::string iri = minter_.article(done.article.url);
  bool first = true;
  const auto store = [&](std::vector<ontology::Quad>&& quads) {
    // The first chunk replaces the article's graph, later ones add to it.
    if (direct_store_) {
      if (first) store_->replace_graph(iri, quads);
      else store_->add(quads);
    } else {
      writer_->push({iri, std::move(quads), first, first ? source : std::string()});
    }
    first = false;
  };
  const std::string text = done.article.full_text();
  const loaders::ArticleGraph graph = loaders::article_to_rdf(done.article, text, *done.layers, *resolver_, minter_,
                                                              options_.mapping, kQuadChunk, store);
  report_.quads_added += graph.quad_count;
  if (relinked) {
    ++report_.articles_relinked;
  } else {
    report_.statements += graph.statements;
    for (const auto& e : done.layers->entities) ++report_.entities_by_type[static_cast<std::size_t>(e.type)];
    ++report_.articles_built;
  }
  spdlog::debug("{}: {} entities, {} statements, {} quads", done.article.origin, graph.entities,
                graph.statements, graph.quad_count);
  report_.stage_ms["map"] += thread_cpu_ms() - started;
  progress_.step(done.article.origin);
}

void Builder::drop_metrics() {
  const std::string prefix = minter_.base() + "metrics/";
  std::size_t dropped = 0;
  for (const auto& name : store_->graph_names()) {
    if (name.starts_with(prefix)) dropped += store_->remove_graph(name) > 0 ? 1 : 0;
  }
  if (dropped > 0) {
    spdlog::warn("the network metrics stored by analyze described the graph before this build and were "
                 "dropped; run newsgraph analyze again");
    report_.metrics_dropped = true;
  }
}

}  // namespace ng::pipeline::detail
