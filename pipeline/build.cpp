// build_graph, and the build's order: pass 1, resolution, pass 2, the
// commit, the files (builder.hpp).
#include "pipeline/build.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <thread>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/names/name_tagger.hpp"
#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/builder.hpp"
#include "pipeline/entity_index.hpp"
#include "pipeline/outputs.hpp"
#include "pipeline/stored_state.hpp"

namespace ng::pipeline {
namespace detail {

namespace {

namespace fs = std::filesystem;
namespace v = ontology::vocab;

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

}  // namespace

std::size_t usable_threads(std::size_t requested) {
  const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  if (requested == 0) return cores;
  if (requested > cores) {
    spdlog::warn("{} threads asked for; using {}, one per core of this machine", requested, cores);
    return cores;
  }
  return requested;
}

std::string source_path(const std::string& path) {
  if (path.empty() || path == "-") return {};
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
  if (error) absolute = fs::absolute(path);
  return absolute.lexically_normal().generic_string();
}

BuildReport Builder::run() {
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

void Builder::warm_up() {
  pool_.submit([] { nlp::Lexicon::builtin(); });
  pool_.submit([] {
    nlp::Tagger::builtin();
    nlp::Parser::builtin();
    nlp::names::NameTagger::builtin();
  });
}

std::jthread Builder::release_passes() {
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
    spdlog::debug("freed what the passes kept ({:.0f} ms)", ms_since(start));
  });
}

std::vector<ontology::Quad> Builder::sorted(std::vector<ontology::Quad> quads) {
  std::sort(quads.begin(), quads.end());
  return quads;
}

std::string Builder::plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void Builder::check_output_folder() const {
  std::error_code error;
  fs::create_directories(options_.out_dir, error);
  if (error) {
    throw IoError(fmt::format("{}: cannot create the output folder: {}", options_.out_dir, error.message()));
  }
  if (::access(options_.out_dir.c_str(), W_OK) != 0) {
    throw IoError(fmt::format("{}: cannot write: {}", options_.out_dir, std::strerror(errno)));
  }
}

[[noreturn]] void Builder::explain_store_failure(const Error& e) const {
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

}  // namespace detail

BuildReport build_graph(const BuildOptions& options) { return detail::Builder(options).run(); }

}  // namespace ng::pipeline
