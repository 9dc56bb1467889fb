#include "pipeline/build.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "common/error.hpp"
#include "common/hash.hpp"
#include "common/thread_pool.hpp"
#include "graph/store.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/nlp/names/name_tagger.hpp"
#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "loaders/to_rdf/entity_resolver.hpp"
#include "loaders/to_rdf/mapping_layers.hpp"
#include "loaders/to_rdf/records_to_rdf.hpp"
#include "ontology/iri_minter.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/input_records.hpp"
#include "pipeline/kept_layers.hpp"
#include "pipeline/outputs.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/relink.hpp"
#include "pipeline/stage_clock.hpp"
#include "pipeline/store_writer.hpp"
#include "pipeline/stored_state.hpp"
#include "pipeline/user_catalog.hpp"

namespace ng::pipeline {

namespace {

namespace fs = std::filesystem;
namespace v = ontology::vocab;
using Clock = StageClock;

// Keeps at most this many articles per worker in flight, and at most this
// much text, so memory stays bounded however large the input and however
// large its articles (extraction takes a few times an article's size).
constexpr std::size_t kInFlightPerThread = 8;
constexpr std::size_t kInFlightBytes = std::size_t{16} << 20;

// An article's quads go to the store in chunks of at most this many: a dense
// 1 MB article makes half a million quads, which held at once took 700 MB.
constexpr std::size_t kQuadChunk = 65536;

// Bump when the mapping of records or catalogs changes, so that a build
// replaces their graphs even though their files did not change.
constexpr std::string_view kFileGraphVersion = "newsgraph-records-2";

bool is_records(const loaders::InputFile& input) {
  return input.format == loaders::InputFormat::RecordsCsv || input.format == loaders::InputFormat::RecordsJson;
}

// A records or catalog file is replaced as a whole graph when its bytes change.
std::string file_fingerprint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << kFileGraphVersion << '\x1f' << in.rdbuf();
  return stable_hash_hex(bytes.str(), 16);
}

ontology::Quad content_hash(const std::string& graph, const std::string& fingerprint) {
  return {ontology::Term::iri(graph), ontology::Term::iri(std::string(v::newsgraph::kContentHash)),
          ontology::Term::literal(fingerprint), graph};
}

// More threads than cores only add memory and switching; a mistyped
// --threads 100000 would start a hundred thousand.
std::size_t usable_threads(std::size_t requested) {
  const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  if (requested == 0) return cores;
  if (requested > cores) {
    spdlog::warn("{} threads asked for; using {}, one per core of this machine", requested, cores);
    return cores;
  }
  return requested;
}

// The absolute path the store records as a graph's input ("" for stdin),
// for `newsgraph remove --input` and `--missing`.
std::string source_path(const std::string& path) {
  if (path.empty() || path == "-") return {};
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
  if (error) absolute = fs::absolute(path);
  return absolute.lexically_normal().generic_string();
}

// The base IRI: --base, else the one the store was built with (so that later
// builds need no --base), else the default.
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

// What a worker hands back: the article and what was found in it.
struct Extracted {
  loaders::Article article;
  std::optional<loaders::MappingLayers> layers;  // when the article is to be mapped
  // The first pass: its entities' names, and its layers in stored form,
  // kept for the second pass (kept_layers.hpp).
  std::vector<loaders::EntityClaim> claims;
  std::string stored_layers;
  bool extracted = false;  // by a worker (not layers at hand)
  double ms = 0;           // time the worker spent
};

// An article as the first pass saw it.
struct Seen {
  std::string iri;
  std::size_t input = 0;  // index into the inputs
};

// The last article of the build with an IRI (a later one with the same IRI
// replaces an earlier one).
struct Latest {
  std::string fingerprint;
  std::size_t index = 0;  // into Builder::seen_
  std::string origin;
};

// A records or catalog file whose graph is to be replaced.
struct ChangedFile {
  std::string path;
  std::string graph;
  std::string fingerprint;
  std::optional<loaders::RecordSet> records;  // records only
};

class Builder {
 public:
  explicit Builder(const BuildOptions& options)
      : options_(options),
        minter_(options.base.empty() ? std::string(ontology::IriMinter::kDefaultBase) : options.base),
        pool_(usable_threads(options.threads)),
        progress_(options.progress),
        kept_(options.kept_layers_bytes) {}

  BuildReport run() {
    const auto start = Clock::now();
    warm_up();
    // Inputs first: a build of nothing creates nothing.
    loaders::DiscoverOptions discover;
    discover.follow_links = options_.follow_links;
    if (!options_.store_path.empty()) discover.exclude.push_back(options_.store_path);
    if (options_.write_files) discover.exclude.push_back(options_.out_dir);
    inputs_ = loaders::discover_inputs(options_.inputs, report_.input, discover);
    if (inputs_.empty()) {
      report_.nothing_to_read = true;
      return report_;
    }
    if (options_.write_files) check_output_folder();
    store_.emplace(graph::StoreOptions{options_.store_path, graph::StoreOptions::Mode::ReadWrite, true});
    minter_ = ontology::IriMinter(choose_base(options_, *store_));
    input_records_.emplace(fmt::format("{}\x1f{}", minter_.base(), options_.read.max_article_bytes),
                           options_.timestamp_tick_ns);

    // Pass 1: read everything, fingerprint it, and extract the names of the
    // entities of what changed. Nothing is written yet.
    auto stage = Clock::now();
    fingerprints_ = load_fingerprints(*store_);
    find_changed_catalogs();
    const double read_cpu = thread_cpu_ms();
    read_pass();
    report_.stage_ms["read"] = thread_cpu_ms() - read_cpu;
    const std::vector<ontology::Quad> ontology_quads = parse_ontology_quads();
    const bool ontology_changed = sorted(graph_quads(*store_, std::string(v::newsgraph::kOntology))) !=
                                  sorted(ontology_quads);
    for (const auto& [iri, latest] : latest_) {
      const auto stored = fingerprints_.find(iri);
      const bool unchanged = !options_.force && stored != fingerprints_.end() && stored->second == latest.fingerprint;
      if (unchanged) ++report_.articles_unchanged;
      else changed_.insert(iri);
    }
    report_.stage_ms["read+extract"] = ms_since(stage);
    spdlog::info("read {} ({} unchanged since the last build, not read again): {} changed, {} unchanged, {} record "
                 "{} ({:.0f} ms)",
                 plural(report_.input.files, "file"), report_.files_not_read, plural(changed_.size(), "article"),
                 report_.articles_unchanged, report_.record_files, report_.record_files == 1 ? "file" : "files",
                 report_.stage_ms["read+extract"]);

    report_.nothing_changed = changed_.empty() && changed_files_.empty() && !ontology_changed;
    if (report_.nothing_changed) {
      spdlog::info("nothing changed since the last build");
      // Records of files read again (new to the store's records, or
      // changed only in their times): kept, so the next build skips them.
      if (input_records_->any_kept() && store_->persistent()) {
        try {
          const bool index_valid = EntityIndex::valid(*store_);
          input_records_->write(*store_);
          EntityIndex::carry_over(*store_, index_valid);
          store_->commit();
        } catch (const StoreError& e) {
          explain_store_failure(e);
        }
      }
    } else {
      try {
        store_->set_base_iri(minter_.base());
        write_pass(ontology_changed ? &ontology_quads : nullptr);
        stage = Clock::now();
        if (store_->persistent()) {
          input_records_->write(*store_);
          // An input that changed between the passes leaves the store with
          // other names than pass 1 found: the next build reads everything.
          if (inputs_moved_) relinks_.index.reset();
          keep_index(*store_, relinks_, minter_.base());
        }
        progress_.phase("committing the store");
        store_->commit();
      } catch (const StoreError& e) {
        explain_store_failure(e);
      } catch (const IoError& e) {
        explain_store_failure(e);  // the store's own files (its marker, its folder)
      }
      report_.stage_ms["commit"] = ms_since(stage);
    }
    if (!report_.nothing_changed) {
      // Counting streams every quad of the store: not for a build that
      // changed nothing, which must stay quick.
      report_.store_quads = store_->size();
      spdlog::info("store: {} quads added, {} in store", report_.quads_added, report_.store_quads);
    }

    // What the passes kept is freed on a thread of its own while the files
    // are written, instead of after them.
    std::jthread release = release_passes();
    if (options_.write_files) {
      stage = Clock::now();
      OutputOptions outputs;
      outputs.diagram = options_.diagram;
      outputs.diagram_top = options_.diagram_top;
      outputs.on_phase = [this](const std::string& what) { progress_.phase(what); };
      const std::vector<std::string> paths = output_paths(options_.out_dir, outputs);
      const bool present = std::all_of(paths.begin(), paths.end(), [](const std::string& p) {
        std::error_code ignored;
        return fs::is_regular_file(p, ignored);
      });
      if (report_.nothing_changed && present) {
        spdlog::info("the files in {} are up to date", options_.out_dir);
      } else {
        report_.files = write_outputs(*store_, minter_, options_.out_dir, report_.stage_ms, outputs);
      }
      report_.stage_ms["export"] = ms_since(stage);
    }
    progress_.finish();
    release.join();
    report_.total_ms = ms_since(start);
    return report_;
  }

 private:
  // The extractor's lexicon and models, built on first use, are built on
  // the pool while this thread finds the inputs and opens the store, the
  // lexicon and the models at the same time; the first articles would
  // otherwise wait for them (and the lexicon would be built on this thread,
  // before the first article goes to the pool).
  void warm_up() {
    pool_.submit([] { nlp::Lexicon::builtin(); });
    pool_.submit([] {
      nlp::Tagger::builtin();
      nlp::Parser::builtin();
      nlp::names::NameTagger::builtin();
    });
  }

  // Everything the passes kept that the files do not need: every article's
  // names and layers, the stored extractions, the resolver and the
  // catalog, the fingerprints (at 10,000 articles a few hundred thousand
  // allocations), handed to a thread that frees them.
  std::jthread release_passes() {
    struct Passes {
      std::vector<Seen> seen;
      std::map<std::size_t, std::size_t> first_index;
      std::unordered_map<std::string, Latest> latest;
      std::vector<loaders::Article> stdin_articles;
      std::map<std::string, std::vector<loaders::EntityClaim>> claims;
      std::optional<KeptLayers> kept;
      std::vector<ChangedFile> changed_files;
      std::set<std::string> changed, affected, relinked_stored;
      std::unordered_map<std::string, std::optional<std::string>> fingerprints;
      std::map<std::string, std::optional<loaders::StoredExtraction>> stored;
      loaders::EntityCatalog catalog;
      std::optional<loaders::EntityResolver> resolver;  // refers to the Builder's catalog; freed first
      Relinks relinks;
      std::optional<InputRecords> input_records;
    };
    auto passes = std::make_unique<Passes>();
    passes->seen = std::move(seen_);
    passes->first_index = std::move(first_index_);
    passes->latest = std::move(latest_);
    passes->stdin_articles = std::move(stdin_articles_);
    passes->claims = std::move(claims_);
    passes->kept.emplace(std::move(kept_));
    passes->changed_files = std::move(changed_files_);
    passes->changed = std::move(changed_);
    passes->affected = std::move(affected_);
    passes->relinked_stored = std::move(relinked_stored_);
    passes->fingerprints = std::move(fingerprints_);
    passes->stored = std::move(stored_);
    passes->relinks = std::move(relinks_);
    passes->input_records = std::move(input_records_);
    input_records_.reset();
    passes->catalog = std::move(catalog_);
    if (resolver_) passes->resolver.emplace(std::move(*resolver_));
    resolver_.reset();
    return std::jthread([passes = std::move(passes)]() mutable {
      const auto start = Clock::now();
      passes.reset();
      // Freed memory stays with the process until the allocator gives it
      // back; the files' writers take theirs meanwhile, and the peak of
      // the two would be the build's.
      malloc_trim(0);
      spdlog::debug("freed what the passes kept ({:.0f} ms)", ms_since(start));
    });
  }

  static std::vector<ontology::Quad> sorted(std::vector<ontology::Quad> quads) {
    std::sort(quads.begin(), quads.end());
    return quads;
  }

  static std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  }

  // Before any work: a build that cannot write its files fails at once,
  // naming the folder and the reason, rather than after storing everything.
  void check_output_folder() const {
    std::error_code error;
    fs::create_directories(options_.out_dir, error);
    if (error) {
      throw IoError(fmt::format("{}: cannot create the output folder: {}", options_.out_dir, error.message()));
    }
    if (::access(options_.out_dir.c_str(), W_OK) != 0) {
      throw IoError(fmt::format("{}: cannot write: {}", options_.out_dir, std::strerror(errno)));
    }
  }

  // A store that refuses a write on a full disk says only that it refused:
  // say what, where and (most likely) why in one line. Nothing of this build
  // is kept; the store keeps its last complete build.
  [[noreturn]] void explain_store_failure(const Error& e) const {
    constexpr std::uintmax_t kNearlyFull = std::uintmax_t{16} << 20;
    std::error_code error;
    const fs::space_info space = fs::space(options_.store_path.empty() ? "." : options_.store_path, error);
    if (!options_.store_path.empty() && !error && space.available < kNearlyFull) {
      throw StoreError(fmt::format("store {}: cannot write: the disk is full ({} KB free); the store keeps its last "
                                   "complete build ({})",
                                   options_.store_path, space.available >> 10, e.what()));
    }
    throw;  // called inside the handler: the store's own error goes on
  }

  bool unchanged_file(const std::string& graph, const std::string& fingerprint) const {
    const auto stored = fingerprints_.find(graph);
    return !options_.force && stored != fingerprints_.end() && stored->second == fingerprint;
  }

  // Catalogs whose file changed since the build that stored them.
  void find_changed_catalogs() {
    for (const auto& path : options_.catalogs) {
      const std::string graph = minter_.records(loaders::file_iri(path));
      std::string fingerprint = file_fingerprint(path);
      if (!unchanged_file(graph, fingerprint)) changed_files_.push_back({path, graph, std::move(fingerprint), {}});
    }
  }

  // ------------------------------------------------------------------ pass 1

  void read_pass() {
    progress_.start("reading", inputs_.size(), "files");
    // Records first: then the order of articles is the order of the inputs.
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      if (is_records(inputs_[i])) read_records(i);
    }
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      if (!is_records(inputs_[i])) read_articles(i);
    }
    drain(0);
  }

  void read_records(std::size_t i) {
    const loaders::InputFile& input = inputs_[i];
    loaders::InputSink sink;
    sink.records = [&](loaders::RecordSet&& records) {
      ++report_.record_files;
      const std::string graph = minter_.records(records.url);
      std::string fingerprint = file_fingerprint(input.path);
      if (unchanged_file(graph, fingerprint)) return;
      changed_files_.push_back({input.path, graph, std::move(fingerprint), std::move(records)});
    };
    loaders::read_input(input, sink, report_.input, options_.read);
    progress_.step(input.path);
  }

  // An article file: skipped when the store's record of it says it is
  // unchanged (input_records.hpp), else read, and recorded when it read
  // cleanly.
  void read_articles(std::size_t i) {
    first_index_[i] = seen_.size();
    const loaders::InputFile& input = inputs_[i];
    if (input.path != "-" && !options_.force && replay_unchanged(i)) {
      progress_.step(input.path);
      return;
    }
    InputRecord record;
    record.given_path = input.path;
    record.read_at_ns = wall_clock_ns();
    const std::optional<FileStamp> before = input.path == "-" ? std::nullopt : stamp_file(input.path);
    const std::size_t problems = report_.input.problems.size();
    const std::size_t articles = report_.input.articles;
    loaders::InputSink sink;
    sink.article = [this, i, &record](loaders::Article&& article) {
      const std::string iri = minter_.article(article.url);
      std::string fingerprint = loaders::article_fingerprint(article);
      record.articles.push_back({article.url, fingerprint, article.origin});
      seen_article(std::move(article), i, iri, std::move(fingerprint));
    };
    loaders::read_input(input, sink, report_.input, options_.read);
    // Not recorded: a file with problems (they are to be reported again),
    // one that changed while it was read.
    if (before && report_.input.problems.size() == problems && stamp_file(input.path) == before) {
      record.stamp = *before;
      record.articles_read = report_.input.articles - articles;
      input_records_->keep(std::move(record));
    }
    progress_.step(input.path);
  }

  // Takes an unchanged file's articles from its record, without reading it,
  // when every one of them is in the store with the recorded fingerprint.
  bool replay_unchanged(std::size_t i) {
    const std::optional<InputRecord> record = input_records_->unchanged(*store_, inputs_[i].path);
    if (!record) return false;
    std::vector<std::string> iris;
    iris.reserve(record->articles.size());
    for (const auto& article : record->articles) {
      iris.push_back(minter_.article(article.url));
      const auto stored = fingerprints_.find(iris.back());
      if (stored == fingerprints_.end() || stored->second != article.fingerprint) return false;
    }
    ++report_.input.files;
    report_.input.articles += record->articles_read;
    for (std::size_t a = 0; a < iris.size(); ++a) {
      const auto& article = record->articles[a];
      note_seen(iris[a], article.url, article.fingerprint, article.origin, i);
    }
    ++report_.files_not_read;
    return true;
  }

  // Notes an article of the inputs; true when it is to be built (new or
  // changed, or --force).
  bool note_seen(const std::string& iri, const std::string& url, const std::string& fingerprint,
                 const std::string& origin, std::size_t input) {
    const std::size_t index = seen_.size();
    seen_.push_back({iri, input});
    auto [latest, added] = latest_.try_emplace(iri);
    if (!added) {
      report_.input.skip(latest->second.origin, fmt::format("same url as {}, which replaces it ({})", origin, url));
    }
    latest->second = {fingerprint, index, origin};
    const auto stored = fingerprints_.find(iri);
    return options_.force || stored == fingerprints_.end() || stored->second != fingerprint;
  }

  void seen_article(loaders::Article&& article, std::size_t input, const std::string& iri, std::string fingerprint) {
    if (inputs_[input].path == "-") stdin_articles_.push_back(article);  // standard input cannot be read twice
    if (!note_seen(iri, article.url, fingerprint, article.origin, input)) return;
    submit(std::move(article),
           [this, iri](Extracted&& done) {
             claims_[iri] = std::move(done.claims);
             kept_.keep(iri, std::move(done.stored_layers));
           },
           /*first_pass=*/true);
  }

  // ------------------------------------------------------------ extraction

  // Extracts on the pool; `then` runs on this thread, in submission order.
  // The first pass keeps the entities' names and the stored form of the
  // mapping layers; the second pass (an article past the budget of kept
  // layers, or one relinked that the store has no layers of) the layers.
  void submit(loaders::Article&& article, std::function<void(Extracted&&)> then, bool first_pass) {
    make_room(article);
    const nlp::Lexicon& lexicon = nlp::Lexicon::builtin();
    in_flight_.push_back({pool_.submit([article = std::move(article), &lexicon, first_pass]() mutable {
                            const double started = thread_cpu_ms();
                            Extracted out;
                            nlp::ExtractOptions extract;
                            extract.has_title = !article.title.empty();
                            const nlp::Document document = nlp::analyze(article.full_text(), lexicon, extract);
                            if (first_pass) {
                              out.claims = loaders::entity_claims(document);
                              out.stored_layers =
                                  loaders::to_stored_layers(loaders::mapping_layers(document), document.text);
                            } else {
                              out.layers = loaders::mapping_layers(document);
                            }
                            out.article = std::move(article);
                            out.extracted = true;
                            out.ms = thread_cpu_ms() - started;
                            return out;
                          }),
                          std::move(then)});
  }

  // An article whose layers are at hand (nothing to extract): `then` runs in
  // submission order with the others all the same.
  void submit_ready(Extracted&& ready, std::function<void(Extracted&&)> then) {
    make_room(ready.article);
    std::promise<Extracted> done;
    done.set_value(std::move(ready));
    in_flight_.push_back({done.get_future(), std::move(then)});
  }

  void make_room(const loaders::Article& article) {
    drain(pool_.size() * kInFlightPerThread);
    const std::size_t bytes = article.title.size() + article.body.size();
    while (!in_flight_.empty() && in_flight_bytes_ + bytes > kInFlightBytes) drain(in_flight_.size() - 1);
    in_flight_bytes_ += bytes;
  }

  // Hands finished extractions on, in submission order, until at most `keep`
  // are still in flight.
  void drain(std::size_t keep) {
    while (in_flight_.size() > keep) {
      auto [future, then] = std::move(in_flight_.front());
      in_flight_.pop_front();
      const auto waited = Clock::now();
      Extracted done = future.get();
      in_flight_bytes_ -= done.article.title.size() + done.article.body.size();
      report_.stage_ms["wait-extract"] += ms_since(waited);
      report_.stage_ms["extract"] += done.ms;
      if (done.extracted) ++report_.extractions;
      then(std::move(done));
    }
  }

  // ------------------------------------------------------------ writing

  void write_pass(const std::vector<ontology::Quad>* ontology_quads) {
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

  // The curated entities (the store's records and catalogs, then the
  // changed ones of this build), and the graphs of the changed files.
  std::vector<StoreJob> map_files() {
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

  void warn_ambiguous_names() const {
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

  // Entity resolution against the whole store: every article's entities,
  // whether built now or earlier, then which earlier articles it changes
  // (relink.hpp: by the store's entity index when it can).
  void resolve_entities() {
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

  // Articles built earlier whose entities now link elsewhere: mapped again
  // from the store alone (their text and stored layers; no extraction) when
  // it holds their layers, whether or not their input is part of this build
  // (an affected article is unchanged, so the store's form is its input's).
  // Else extracted again: from the store's text, or, when its input is part
  // of this build, with the inputs in pass 2.
  void relink_from_store() {
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

  std::optional<loaders::MappingLayers> stored_layers(const std::string& iri, const loaders::Article& article,
                                                     const loaders::StoredExtraction& extraction) const {
    const std::optional<std::string> stored = stored_mapping_layers(*store_, iri);
    if (!stored) return std::nullopt;
    return loaders::parse_stored_layers(*stored, extraction.entities, article.full_text());
  }

  // An article pass 2 maps: changed, or affected and not relinked from its
  // stored layers already.
  bool to_map(const std::string& iri) const {
    return changed_.count(iri) || (affected_.count(iri) && !relinked_stored_.count(iri));
  }

  // Pass 2: reads again the inputs that hold an article to build or relink.
  void build_pass() {
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

  // The layers the first pass kept of a changed article, when it kept them
  // and they are of this very text (`same_text`: the article's fingerprint
  // is the first pass's; it cannot be otherwise unless the input changed
  // between the passes, which is warned about).
  std::optional<loaders::MappingLayers> kept_layers(const std::string& iri, const loaders::Article& article,
                                                    bool same_text) {
    std::optional<std::string> stored = kept_.take(iri);
    if (!stored || !same_text) return std::nullopt;
    std::optional<loaders::MappingLayers> layers =
        loaders::parse_stored_layers(*stored, claims_.at(iri), article.full_text());
    if (layers) ++extractions_saved_;
    return layers;
  }

  // `source`: the input file the article came from; empty for one mapped
  // again from the store, whose graph keeps the file it was built from.
  void map_article(const Extracted& done, bool relinked, const std::string& source = {}) {
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

  // Metrics `analyze` stored describe the graph before this build: dropped,
  // so that a query never ranks by stale figures.
  void drop_metrics() {
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

  const BuildOptions& options_;
  ontology::IriMinter minter_;
  std::optional<graph::Store> store_;  // opened once there is something to read
  ThreadPool pool_;
  Progress progress_;
  std::optional<StoreWriter> writer_;  // declared after store_ and pool_: stopped first
  std::optional<InputRecords> input_records_;  // once the base IRI is known
  std::vector<loaders::InputFile> inputs_;
  // Subject IRI -> content hash in the store (nothing when it has two).
  std::unordered_map<std::string, std::optional<std::string>> fingerprints_;

  // Pass 1.
  std::vector<Seen> seen_;                                 // every article, in input order
  std::map<std::size_t, std::size_t> first_index_;         // input -> index of its first article
  std::unordered_map<std::string, Latest> latest_;         // article IRI -> its last occurrence
  std::vector<loaders::Article> stdin_articles_;
  std::map<std::string, std::vector<loaders::EntityClaim>> claims_;  // changed articles' entities
  KeptLayers kept_;                   // changed articles' mapping layers, for pass 2
  std::size_t extractions_saved_ = 0;  // articles pass 2 mapped from kept layers
  std::vector<ChangedFile> changed_files_;
  std::set<std::string> changed_;  // article IRIs to build

  // Resolution.
  loaders::EntityCatalog catalog_;  // curated: records and catalogs
  std::map<std::string, std::optional<loaders::StoredExtraction>> stored_;
  std::optional<loaders::EntityResolver> resolver_;
  Relinks relinks_;  // what resolve_entities() found; its index is written before the commit
  bool inputs_moved_ = false;  // an input changed between the passes
  std::set<std::string> affected_;  // article IRIs built earlier to map again
  std::set<std::string> relinked_stored_;  // ... of which mapped from their stored layers
  bool direct_store_ = false;       // map_article writes the store itself (no store thread)

  std::deque<std::pair<std::future<Extracted>, std::function<void(Extracted&&)>>> in_flight_;
  std::size_t in_flight_bytes_ = 0;  // text of the articles in flight
  BuildReport report_;
};

}  // namespace

BuildReport build_graph(const BuildOptions& options) { return Builder(options).run(); }

}  // namespace ng::pipeline
