// Resolution (builder.hpp): the curated entities of records and catalogs,
// every entity resolved against the store, and the earlier articles whose
// entities now link elsewhere mapped again from the store.
#include "pipeline/builder.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "ontology/vocabulary.hpp"
#include "pipeline/stored_state.hpp"
#include "pipeline/user_catalog.hpp"

namespace ng::pipeline::detail {

namespace {

namespace v = ontology::vocab;

ontology::Quad content_hash(const std::string& graph, const std::string& fingerprint) {
  return {ontology::Term::iri(graph), ontology::Term::iri(std::string(v::newsgraph::kContentHash)),
          ontology::Term::literal(fingerprint), graph};
}

}  // namespace

std::vector<StoreJob> Builder::map_files() {
  std::set<std::string> replaced;
  for (const auto& file : changed_files_) replaced.insert(file.graph);
  load_known_entities(*store_, minter_.base() + "records/", replaced, catalog_);
  std::vector<StoreJob> jobs;
  for (const auto& file : changed_files_) {
    if (file.records) continue;
    // Catalogs first of all: records then link to their IRIs.
    UserCatalog user = load_user_catalog(file.path, file.graph, catalog_);
    user.quads.push_back(content_hash(file.graph, file.fingerprint));
    spdlog::info("catalog {}: {} entities", file.path, user.entities);
    jobs.push_back({file.graph, std::move(user.quads), true, source_path(file.path)});
  }
  for (const auto& file : changed_files_) {
    if (!file.records) continue;
    loaders::RecordsGraph graph =
        loaders::records_to_rdf(*file.records, file.records->url, catalog_, minter_, report_.input);
    graph.quads.push_back(content_hash(graph.graph_iri, file.fingerprint));
    report_.quads_added += graph.quads.size();
    jobs.push_back({std::move(graph.graph_iri), std::move(graph.quads), true, source_path(file.path)});
  }
  warn_ambiguous_names();
  return jobs;
}

void Builder::warn_ambiguous_names() const {
  constexpr std::size_t kShown = 10;
  const auto ambiguous = catalog_.ambiguous();
  for (std::size_t i = 0; i < ambiguous.size() && i < kShown; ++i) {
    const auto& a = ambiguous[i];
    spdlog::warn("catalog: {} entities are named '{}' ({}); mentions of that name link to none of them",
                 a.iris.size(), a.name, fmt::join(a.iris, ", "));
  }
  if (ambiguous.size() > kShown) {
    spdlog::warn("catalog: {} more names belong to more than one entity", ambiguous.size() - kShown);
  }
}

void Builder::resolve_entities() {
  const auto stage = Clock::now();
  resolver_.emplace(catalog_, minter_);
  const bool use_index = !options_.force && changed_files_.empty();
  relinks_ = find_relinks(*store_, *resolver_, changed_, claims_, use_index, minter_.base());
  spdlog::debug("resolve: {} stored articles' entities resolved again{} ({:.0f} ms)", relinks_.checked,
                relinks_.incremental ? fmt::format(", found by the entity index of {} facts",
                                                   relinks_.index->facts_loaded())
                                     : std::string(", every stored extraction read"),
                ms_since(stage));
  report_.relinks_by_index = relinks_.incremental;
  report_.relinks_checked = relinks_.checked;
  stored_ = std::move(relinks_.stored);
  affected_ = std::move(relinks_.affected);
  const std::size_t older = relinks_.older;
  if (older > 0) {
    spdlog::warn("{} in the store {} built by an older newsgraph; build {} inputs again so that entities link "
                 "across all articles", plural(older, "article"), older == 1 ? "was" : "were",
                 older == 1 ? "its" : "their");
  }
  if (!affected_.empty()) {
    spdlog::info("{} built earlier {} entities that now link differently: mapping {} again",
                 plural(affected_.size(), "article"), affected_.size() == 1 ? "names" : "name",
                 affected_.size() == 1 ? "it" : "them");
  }
}

void Builder::relink_from_store() {
  const auto stage = Clock::now();
  std::size_t lost = 0;
  direct_store_ = true;
  for (const auto& iri : affected_) {
    const auto& extraction = stored_.at(iri);
    std::optional<loaders::Article> article = stored_article(*store_, iri, *extraction);
    if (article) {
      if (std::optional<loaders::MappingLayers> layers = stored_layers(iri, *article, *extraction)) {
        Extracted ready;
        ready.article = std::move(*article);
        ready.layers = std::move(layers);
        submit_ready(std::move(ready), [this](Extracted&& done) { map_article(done, /*relinked=*/true); });
        relinked_stored_.insert(iri);
        continue;
      }
    }
    if (latest_.count(iri)) continue;  // in this build's inputs: extracted again with them
    if (!article) {
      ++lost;
      continue;
    }
    submit(std::move(*article), [this](Extracted&& done) { map_article(done, /*relinked=*/true); }, false);
  }
  drain(0);
  direct_store_ = false;
  report_.articles_relinked_stored = relinked_stored_.size();
  spdlog::debug("relink: {} of {} mapped again from their stored layers, without extraction ({:.0f} ms)",
                relinked_stored_.size(), plural(affected_.size(), "article"), ms_since(stage));
  if (lost > 0) {
    spdlog::warn("{} built earlier {} entities that now link differently but cannot be mapped again from the "
                 "store (built without their text): build {} inputs again",
                 plural(lost, "article"), lost == 1 ? "names" : "name", lost == 1 ? "its" : "their");
  }
}

std::optional<loaders::MappingLayers> Builder::stored_layers(const std::string& iri, const loaders::Article& article,
                                                   const loaders::StoredExtraction& extraction) const {
  const std::optional<std::string> stored = stored_mapping_layers(*store_, iri);
  if (!stored) return std::nullopt;
  return loaders::parse_stored_layers(*stored, extraction.entities, article.full_text());
}

}  // namespace ng::pipeline::detail
