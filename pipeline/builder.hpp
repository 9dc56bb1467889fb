#pragma once
// The build (build.hpp) as one object whose parts live in files of their own:
//   build.cpp          run(): the passes in order, the commit, the files, and
//                      what runs beside them (models loading, memory freed)
//   build_inputs.cpp   pass 1: the inputs read and fingerprinted, or taken
//                      from the store's records of them
//   build_extract.cpp  extraction on the pool, handed on in submission order
//   build_resolve.cpp  the curated entities, entity resolution, the earlier
//                      articles mapped again from the store
//   build_store.cpp    pass 2: the articles mapped and handed to the store's
//                      thread
// For ng_pipeline's own files: other programs call build_graph.

#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "common/thread_pool.hpp"
#include "graph/store.hpp"
#include "loaders/to_rdf/entity_resolver.hpp"
#include "loaders/to_rdf/mapping_layers.hpp"
#include "loaders/to_rdf/records_to_rdf.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/build.hpp"
#include "pipeline/input_records.hpp"
#include "pipeline/kept_layers.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/relink.hpp"
#include "pipeline/stage_clock.hpp"
#include "pipeline/store_writer.hpp"

namespace ng::pipeline::detail {

using Clock = StageClock;

// More threads than cores only add memory and switching; a mistyped
// --threads 100000 would start a hundred thousand. (build.cpp)
std::size_t usable_threads(std::size_t requested);

// The absolute path the store records as a graph's input ("" for stdin),
// for `newsgraph remove --input` and `--missing`. (build.cpp)
std::string source_path(const std::string& path);

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

  BuildReport run();

 private:
  // --- The build as a whole (build.cpp)
  // The extractor's lexicon and models, built on first use, are built on
  // the pool while this thread finds the inputs and opens the store, the
  // lexicon and the models at the same time; the first articles would
  // otherwise wait for them (and the lexicon would be built on this thread,
  // before the first article goes to the pool).
  void warm_up();
  // Everything the passes kept that the files do not need: every article's
  // names and layers, the stored extractions, the resolver and the
  // catalog, the fingerprints (at 10,000 articles a few hundred thousand
  // allocations), handed to a thread that frees them.
  std::jthread release_passes();
  static std::vector<ontology::Quad> sorted(std::vector<ontology::Quad> quads);
  static std::string plural(std::size_t n, std::string_view word);
  // Before any work: a build that cannot write its files fails at once,
  // naming the folder and the reason, rather than after storing everything.
  void check_output_folder() const;
  // A store that refuses a write on a full disk says only that it refused:
  // say what, where and (most likely) why in one line. Nothing of this build
  // is kept; the store keeps its last complete build.
  [[noreturn]] void explain_store_failure(const Error& e) const;

  // --- Pass 1: reading and fingerprinting the inputs (build_inputs.cpp)
  bool unchanged_file(const std::string& graph, const std::string& fingerprint) const;
  // Catalogs whose file changed since the build that stored them.
  void find_changed_catalogs();
  void read_pass();
  void read_records(std::size_t i);
  // An article file: skipped when the store's record of it says it is
  // unchanged (input_records.hpp), else read, and recorded when it read
  // cleanly.
  void read_articles(std::size_t i);
  // Takes an unchanged file's articles from its record, without reading it,
  // when every one of them is in the store with the recorded fingerprint.
  bool replay_unchanged(std::size_t i);
  // Notes an article of the inputs; true when it is to be built (new or
  // changed, or --force).
  bool note_seen(const std::string& iri, const std::string& url, const std::string& fingerprint,
                 const std::string& origin, std::size_t input);
  void seen_article(loaders::Article&& article, std::size_t input, const std::string& iri, std::string fingerprint);

  // --- Extraction on the pool, handed on in submission order (build_extract.cpp)
  // Extracts on the pool; `then` runs on this thread, in submission order.
  // The first pass keeps the entities' names and the stored form of the
  // mapping layers; the second pass (an article past the budget of kept
  // layers, or one relinked that the store has no layers of) the layers.
  void submit(loaders::Article&& article, std::function<void(Extracted&&)> then, bool first_pass);
  // An article whose layers are at hand (nothing to extract): `then` runs in
  // submission order with the others all the same.
  void submit_ready(Extracted&& ready, std::function<void(Extracted&&)> then);
  void make_room(const loaders::Article& article);
  // Hands finished extractions on, in submission order, until at most `keep`
  // are still in flight.
  void drain(std::size_t keep);

  // --- The curated entities, resolution, relinking from the store (build_resolve.cpp)
  // The curated entities (the store's records and catalogs, then the
  // changed ones of this build), and the graphs of the changed files.
  std::vector<StoreJob> map_files();
  void warn_ambiguous_names() const;
  // Entity resolution against the whole store: every article's entities,
  // whether built now or earlier, then which earlier articles it changes
  // (relink.hpp: by the store's entity index when it can).
  void resolve_entities();
  // Articles built earlier whose entities now link elsewhere: mapped again
  // from the store alone (their text and stored layers; no extraction) when
  // it holds their layers, whether or not their input is part of this build
  // (an affected article is unchanged, so the store's form is its input's).
  // Else extracted again: from the store's text, or, when its input is part
  // of this build, with the inputs in pass 2.
  void relink_from_store();
  std::optional<loaders::MappingLayers> stored_layers(const std::string& iri, const loaders::Article& article,
                                                     const loaders::StoredExtraction& extraction) const;

  // --- Pass 2: mapping and storing (build_store.cpp)
  void write_pass(const std::vector<ontology::Quad>* ontology_quads);
  // An article pass 2 maps: changed, or affected and not relinked from its
  // stored layers already.
  bool to_map(const std::string& iri) const;
  // Pass 2: reads again the inputs that hold an article to build or relink.
  void build_pass();
  // The layers the first pass kept of a changed article, when it kept them
  // and they are of this very text (`same_text`: the article's fingerprint
  // is the first pass's; it cannot be otherwise unless the input changed
  // between the passes, which is warned about).
  std::optional<loaders::MappingLayers> kept_layers(const std::string& iri, const loaders::Article& article,
                                                    bool same_text);
  // `source`: the input file the article came from; empty for one mapped
  // again from the store, whose graph keeps the file it was built from.
  void map_article(const Extracted& done, bool relinked, const std::string& source = {});
  // Metrics `analyze` stored describe the graph before this build: dropped,
  // so that a query never ranks by stale figures.
  void drop_metrics();

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

}  // namespace ng::pipeline::detail
