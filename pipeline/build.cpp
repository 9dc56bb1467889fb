#include "pipeline/build.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <future>

#include "common/error.hpp"
#include "common/thread_pool.hpp"
#include "graph/store.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/records_to_rdf.hpp"
#include "ontology/iri_minter.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/outputs.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/store_catalog.hpp"
#include "pipeline/user_catalog.hpp"

namespace ng::pipeline {

namespace {

namespace fs = std::filesystem;
namespace v = ontology::vocab;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// What a worker hands back: the article and what was found in it.
struct Extracted {
  loaders::Article article;
  std::string text;
  nlp::Analysis analysis;
};

// Keeps at most this many articles per worker in flight, so memory stays
// bounded however large the input.
constexpr std::size_t kInFlightPerThread = 8;

class Builder {
 public:
  explicit Builder(const BuildOptions& options)
      : options_(options),
        minter_(options.base.empty() ? std::string(ontology::IriMinter::kDefaultBase) : options.base),
        store_(graph::StoreOptions{options.store_path, graph::StoreOptions::Mode::ReadWrite, true}),
        pool_(options.threads),
        progress_(options.progress) {}

  BuildReport run() {
    const auto start = Clock::now();
    store_ontology();
    auto stage = Clock::now();
    load_catalog(store_, minter_.base() + "records/", catalog_);
    for (const auto& path : options_.catalogs) {
      // Catalogs first of all: their names win over what articles find.
      const std::string url = "file://" + std::filesystem::absolute(path).generic_string();
      UserCatalog user = load_user_catalog(path, minter_.records(url), catalog_);
      store_.replace_graph(minter_.records(url), user.quads);
      spdlog::info("catalog {}: {} entities", path, user.entities);
    }
    report_.stage_ms["catalog"] = ms_since(stage);
    spdlog::debug("catalog: {} known entities", catalog_.size());

    const std::vector<loaders::InputFile> inputs = loaders::discover_inputs(options_.inputs, report_.input);
    progress_.set_total(inputs.size());
    stage = Clock::now();
    // Records first: their names and aliases link what the articles find.
    for (const auto& input : inputs) {
      if (input.format == loaders::InputFormat::RecordsCsv || input.format == loaders::InputFormat::RecordsJson) {
        read(input);
      }
    }
    for (const auto& input : inputs) {
      if (input.format != loaders::InputFormat::RecordsCsv && input.format != loaders::InputFormat::RecordsJson) {
        read(input);
      }
    }
    drain(0);
    progress_.finish();
    report_.stage_ms["read+extract+store"] = ms_since(stage);
    spdlog::info("read {} files: {} articles built, {} unchanged, {} record files, {} skipped ({:.0f} ms)",
                 report_.input.files, report_.articles_built, report_.articles_unchanged,
                 report_.record_files, report_.input.skipped(), report_.stage_ms["read+extract+store"]);

    stage = Clock::now();
    store_.commit();
    report_.stage_ms["commit"] = ms_since(stage);
    report_.store_quads = store_.size();
    spdlog::info("store: {} quads added, {} in store ({:.0f} ms to commit)", report_.quads_added,
                 report_.store_quads, report_.stage_ms["commit"]);

    if (options_.write_files) {
      stage = Clock::now();
      report_.files = write_outputs(store_, minter_, options_.out_dir, report_.stage_ms);
      report_.stage_ms["export"] = ms_since(stage);
    }
    report_.total_ms = ms_since(start);
    return report_;
  }

 private:
  void store_ontology() {
    // The ontology lives in its own named graph, replaced on every build so
    // the store always holds the ontology of the binary that wrote it.
    store_.replace_graph(v::newsgraph::kOntology, ontology_quads());
  }

  void read(const loaders::InputFile& input) {
    loaders::InputSink sink;
    sink.article = [this](loaders::Article&& article) { submit(std::move(article)); };
    sink.records = [this, &input](loaders::RecordSet&& records) { store_records(records, input.path); };
    loaders::read_input(input, sink, report_.input, options_.read);
    progress_.step(input.path);
  }

  void submit(loaders::Article&& article) {
    const std::string iri = minter_.article(article.url);
    const std::string fingerprint = loaders::article_fingerprint(article);
    const auto known = store_.objects(iri, v::newsgraph::kContentHash);
    if (!options_.force && known.size() == 1 && known.front().value == fingerprint) {
      ++report_.articles_unchanged;
      spdlog::debug("{}: unchanged, skipped", article.origin);
      return;
    }
    drain(pool_.size() * kInFlightPerThread);
    const nlp::Lexicon& lexicon = nlp::Lexicon::builtin();
    in_flight_.push_back(pool_.submit([article = std::move(article), &lexicon]() mutable {
      Extracted out;
      out.text = article.full_text();
      nlp::ExtractOptions extract;
      extract.has_title = !article.title.empty();
      out.analysis = nlp::analyze(out.text, lexicon, extract);
      out.article = std::move(article);
      return out;
    }));
  }

  // Stores finished extractions, in submission order, until at most `keep`
  // are still in flight.
  void drain(std::size_t keep) {
    while (in_flight_.size() > keep) {
      Extracted done = in_flight_.front().get();
      in_flight_.pop_front();
      store_article(done);
    }
  }

  void store_article(const Extracted& done) {
    loaders::ArticleGraph graph =
        loaders::article_to_rdf(done.article, done.text, done.analysis, catalog_, minter_, options_.mapping);
    store_.replace_graph(graph.article_iri, graph.quads);
    report_.quads_added += graph.quads.size();
    report_.statements += graph.statements;
    for (const auto& e : done.analysis.entities) ++report_.entities_by_type[static_cast<std::size_t>(e.type)];
    ++report_.articles_built;
    spdlog::debug("{}: {} entities, {} statements, {} quads", done.article.origin, graph.entities,
                  graph.statements, graph.quads.size());
  }

  void store_records(const loaders::RecordSet& records, const std::string& path) {
    std::error_code error;
    const fs::path absolute = path == "-" ? fs::path("stdin") : fs::absolute(path, error);
    const std::string url = "file://" + absolute.generic_string();
    loaders::RecordsGraph graph = loaders::records_to_rdf(records, url, catalog_, minter_, report_.input);
    store_.replace_graph(graph.graph_iri, graph.quads);
    report_.quads_added += graph.quads.size();
    ++report_.record_files;
  }

  std::vector<ontology::Quad> ontology_quads();

  const BuildOptions& options_;
  ontology::IriMinter minter_;
  graph::Store store_;
  ThreadPool pool_;
  Progress progress_;
  loaders::EntityCatalog catalog_;
  std::deque<std::future<Extracted>> in_flight_;
  BuildReport report_;
};

std::vector<ontology::Quad> Builder::ontology_quads() { return parse_ontology_quads(); }

}  // namespace

BuildReport build_graph(const BuildOptions& options) { return Builder(options).run(); }

}  // namespace ng::pipeline
