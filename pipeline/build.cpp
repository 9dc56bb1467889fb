#include "pipeline/build.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <time.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "common/error.hpp"
#include "common/thread_pool.hpp"
#include "graph/sparql.hpp"
#include "graph/store.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/input/iri_text.hpp"
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

// CPU time of the calling thread: what each stage of the pipelined phase
// costs, whatever else shares the cores.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// What a worker hands back: the article and what was found in it.
struct Extracted {
  loaders::Article article;
  nlp::Document document;
  std::string source;  // the input file (absolute), "" for stdin
  double ms = 0;  // time the worker spent
};

// Keeps at most this many articles per worker in flight, so memory stays
// bounded however large the input.
constexpr std::size_t kInFlightPerThread = 8;

// A named graph to store, replacing what the store had under its name,
// and the input file it came from (empty for standard input).
struct StoreJob {
  std::string graph_name;
  std::vector<ontology::Quad> quads;
  std::string source;
};

// The absolute path the store records as a graph's input ("" for stdin).
std::string source_path(const std::string& path) {
  if (path.empty() || path == "-") return {};
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(path, error), error);
  if (error) absolute = std::filesystem::absolute(path);
  return absolute.lexically_normal().generic_string();
}

// The base IRI: --base, else the one the store was built with, else the default.
std::string choose_base(const BuildOptions& options, const graph::Store& store) {
  const std::optional<std::string> recorded = store.base_iri();
  if (!options.base.empty()) {
    if (recorded && *recorded != options.base && store.size() > 0) {
      spdlog::warn("store {} was built with base {}; --base {} mints other IRIs for the same things",
                   options.store_path, *recorded, options.base);
    }
    return options.base;
  }
  return recorded.value_or(std::string(ontology::IriMinter::kDefaultBase));
}

// The one thread that writes the store while the main thread reads and
// maps the next articles (the Store is not thread-safe: from start() to
// finish() no other thread touches it). Jobs are stored in the order they
// were pushed; a bounded queue keeps memory bounded.
class StoreWriter {
 public:
  explicit StoreWriter(graph::Store& store) : store_(store) {}
  ~StoreWriter() {
    if (thread_.joinable()) finish_quietly();
  }
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  void start() {
    thread_ = std::thread([this] { work(); });
  }
  // Blocks while the queue is full. Throws what the store threw.
  void push(StoreJob job) {
    std::unique_lock lock(mutex_);
    const auto waited = Clock::now();
    space_.wait(lock, [this] { return jobs_.size() < kQueued || failure_; });
    wait_ms_ += ms_since(waited);
    if (failure_) std::rethrow_exception(failure_);
    jobs_.push_back(std::move(job));
    ready_.notify_one();
  }
  // Waits for every job to be stored. Throws what the store threw.
  void finish() {
    finish_quietly();
    if (failure_) std::rethrow_exception(failure_);
  }
  double store_ms() const noexcept { return store_ms_; }
  double wait_ms() const noexcept { return wait_ms_; }

 private:
  static constexpr std::size_t kQueued = 32;

  void finish_quietly() noexcept {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

  void work() noexcept {
    while (true) {
      StoreJob job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return !jobs_.empty() || closed_; });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      space_.notify_one();
      if (failure_) continue;  // drain: the main thread sees the failure at its next push
      try {
        const double started = thread_cpu_ms();
        store_.replace_graph(job.graph_name, job.quads);
        if (!job.source.empty() && !job.quads.empty()) store_.set_graph_source(job.graph_name, job.source);
        store_ms_ += thread_cpu_ms() - started;
      } catch (...) {
        const std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
        space_.notify_all();
      }
    }
  }

  graph::Store& store_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<StoreJob> jobs_;
  bool closed_ = false;
  std::exception_ptr failure_;
  double store_ms_ = 0;  // written by the store thread, read after join
  double wait_ms_ = 0;   // main thread
};

class Builder {
 public:
  explicit Builder(const BuildOptions& options)
      : options_(options),
        store_(graph::StoreOptions{options.store_path, graph::StoreOptions::Mode::ReadWrite, true}),
        minter_(choose_base(options, store_)),
        pool_(options.threads),
        progress_(options.progress),
        writer_(store_) {}

  BuildReport run() {
    const auto start = Clock::now();
    auto stage = Clock::now();
    // Reads of the committed store first, before anything is changed: then
    // they need no pending changes applied.
    store_.set_base_iri(minter_.base());
    load_catalog(store_, minter_.base() + "records/", catalog_);
    load_fingerprints();
    for (const auto& path : options_.catalogs) {
      // Catalogs first of all: their names win over what articles find.
      const std::string url = loaders::file_iri(path);
      UserCatalog user = load_user_catalog(path, minter_.records(url), catalog_);
      store_.replace_graph(minter_.records(url), user.quads);
      if (!user.quads.empty()) store_.set_graph_source(minter_.records(url), source_path(path));
      spdlog::info("catalog {}: {} entities", path, user.entities);
    }
    store_ontology();
    report_.stage_ms["catalog"] = ms_since(stage);
    spdlog::debug("catalog: {} known entities", catalog_.size());

    const std::vector<loaders::InputFile> inputs = loaders::discover_inputs(options_.inputs, report_.input);
    progress_.set_total(inputs.size());
    stage = Clock::now();
    const double main_cpu = thread_cpu_ms();
    writer_.start();
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
    const double read_ms = thread_cpu_ms() - main_cpu - map_ms_;
    writer_.finish();
    progress_.finish();
    const double phase_ms = ms_since(stage);
    report_.stage_ms["read+extract+store"] = phase_ms;
    // Where the phase's time went, in CPU time of the thread doing it: the
    // main thread reads (and fingerprints, submits) and maps, the workers
    // extract, the store thread stores. The waits are wall time the main
    // thread spent blocked on the workers or on the store thread.
    report_.stage_ms["read"] = read_ms;
    report_.stage_ms["extract"] = extract_ms_;
    report_.stage_ms["map"] = map_ms_;
    report_.stage_ms["store"] = writer_.store_ms();
    report_.stage_ms["wait-extract"] = wait_ms_;
    report_.stage_ms["wait-store"] = writer_.wait_ms();
    spdlog::info("read {} files: {} articles built, {} unchanged, {} record files, {} skipped ({:.0f} ms: "
                 "extract {:.0f} ms on {} threads, map {:.0f} ms, store {:.0f} ms)",
                 report_.input.files, report_.articles_built, report_.articles_unchanged, report_.record_files,
                 report_.input.skipped(), phase_ms, extract_ms_, pool_.size(), map_ms_,
                 writer_.store_ms());

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
    store_.replace_graph(v::newsgraph::kOntology, parse_ontology_quads());
  }

  // The content hash of every article in the store, so that the main
  // thread can skip unchanged articles without touching the store (which
  // the store thread owns while articles are read).
  void load_fingerprints() {
    const std::string query =
        fmt::format("SELECT ?a ?h WHERE {{ ?a <{}> ?h }}", std::string(v::newsgraph::kContentHash));
    for (const auto& row : graph::run_query(store_, query).rows) {
      if (row.size() < 2 || !row[0] || !row[1]) continue;
      auto [it, added] = fingerprints_.try_emplace(row[0]->value, row[1]->value);
      if (!added) it->second.reset();  // two hashes: never unchanged
    }
  }

  void read(const loaders::InputFile& input) {
    loaders::InputSink sink;
    sink.article = [this, &input](loaders::Article&& article) { submit(std::move(article), input.path); };
    sink.records = [this, &input](loaders::RecordSet&& records) { store_records(records, input.path); };
    loaders::read_input(input, sink, report_.input, options_.read);
    progress_.step(input.path);
  }

  void submit(loaders::Article&& article, const std::string& path) {
    const std::string iri = minter_.article(article.url);
    const std::string fingerprint = loaders::article_fingerprint(article);
    const auto known = fingerprints_.find(iri);
    if (!options_.force && known != fingerprints_.end() && known->second == fingerprint) {
      ++report_.articles_unchanged;
      spdlog::debug("{}: unchanged, skipped", article.origin);
      return;
    }
    fingerprints_[iri] = fingerprint;  // what the store will hold once this article is stored
    drain(pool_.size() * kInFlightPerThread);
    const nlp::Lexicon& lexicon = nlp::Lexicon::builtin();
    in_flight_.push_back(pool_.submit([article = std::move(article), &lexicon, source = source_path(path)]() mutable {
      const double started = thread_cpu_ms();
      Extracted out;
      nlp::ExtractOptions extract;
      extract.has_title = !article.title.empty();
      out.document = nlp::analyze(article.full_text(), lexicon, extract);
      out.article = std::move(article);
      out.source = std::move(source);
      out.ms = thread_cpu_ms() - started;
      return out;
    }));
  }

  // Maps finished extractions, in submission order, until at most `keep`
  // are still in flight, and hands them to the store thread.
  void drain(std::size_t keep) {
    while (in_flight_.size() > keep) {
      const auto waited = Clock::now();
      Extracted done = in_flight_.front().get();
      wait_ms_ += ms_since(waited);
      in_flight_.pop_front();
      extract_ms_ += done.ms;
      map_article(done);
    }
  }

  void map_article(const Extracted& done) {
    const double started = thread_cpu_ms();
    loaders::ArticleGraph graph =
        loaders::article_to_rdf(done.article, done.document, catalog_, minter_, options_.mapping);
    report_.quads_added += graph.quads.size();
    report_.statements += graph.statements;
    for (const auto& e : done.document.entities) ++report_.entities_by_type[static_cast<std::size_t>(e.type)];
    ++report_.articles_built;
    spdlog::debug("{}: {} entities, {} statements, {} quads", done.article.origin, graph.entities,
                  graph.statements, graph.quads.size());
    map_ms_ += thread_cpu_ms() - started;
    writer_.push({std::move(graph.article_iri), std::move(graph.quads), done.source});
  }

  void store_records(const loaders::RecordSet& records, const std::string& path) {
    loaders::RecordsGraph graph = loaders::records_to_rdf(records, records.url, catalog_, minter_, report_.input);
    report_.quads_added += graph.quads.size();
    ++report_.record_files;
    writer_.push({std::move(graph.graph_iri), std::move(graph.quads), source_path(path)});
  }

  const BuildOptions& options_;
  graph::Store store_;
  ontology::IriMinter minter_;
  ThreadPool pool_;
  Progress progress_;
  StoreWriter writer_;  // declared after store_ and pool_: stopped first
  loaders::EntityCatalog catalog_;
  // Article IRI -> content hash in the store (nothing when it has two).
  std::unordered_map<std::string, std::optional<std::string>> fingerprints_;
  std::deque<std::future<Extracted>> in_flight_;
  BuildReport report_;
  double extract_ms_ = 0;  // sum of the workers' times
  double map_ms_ = 0;
  double wait_ms_ = 0;
};

}  // namespace

BuildReport build_graph(const BuildOptions& options) { return Builder(options).run(); }

}  // namespace ng::pipeline
