#include "graph/store_migrate.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/quad_store.hpp"
#include "graph/redland.hpp"
#include "graph/store_directory.hpp"
#include "graph/term_spelling.hpp"

namespace fs = std::filesystem;

namespace ng::graph {

namespace {

// The live generation a format-1 store's CURRENT names.
fs::path live_generation(const fs::path& root) {
  std::ifstream in(root / "CURRENT");
  std::string name;
  std::getline(in, name);
  while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
  if (!in || name.empty() || !name.starts_with("gen-") || !fs::is_directory(root / name)) {
    throw StoreError(fmt::format("store {} (Berkeley DB format) has no readable CURRENT generation: nothing to "
                                 "migrate; build it again",
                                 root.string()));
  }
  return root / name;
}

std::uintmax_t size_of(const fs::path& path) {
  std::uintmax_t total = 0;
  std::error_code error;
  if (fs::is_regular_file(path, error)) return fs::file_size(path, error);
  for (const auto& entry : fs::recursive_directory_iterator(path, error)) {
    if (entry.is_regular_file(error)) total += entry.file_size(error);
  }
  return total;
}

}  // namespace

MigrationReport migrate_bdb_store(const fs::path& root) {
  const int version = StoreDirectory::format_version(root);
  if (version == StoreDirectory::kFormatVersion) {
    throw StoreError(fmt::format("store {} is in the current format already: nothing to migrate", root.string()));
  }
  if (version != StoreDirectory::kBdbFormatVersion) {
    throw StoreError(fmt::format("{} is not a newsgraph store of the Berkeley DB format", root.string()));
  }
  StoreDirectory directory = StoreDirectory::lock_only(root);  // the old writers took the same lock
  const fs::path generation = live_generation(root);
  // A migration that was interrupted left LMDB files: start over.
  for (const char* name : {"data.mdb", "lock.mdb"}) fs::remove(root / name);

  MigrationReport report;
  {
    std::shared_ptr<QuadStore> store = QuadStore::open(root, QuadStore::Mode::Write);
    redland::RedlandModel old;
    old.open("hashes",
             {{"hash-type", "bdb"}, {"dir", generation.string()}, {"contexts", "yes"}, {"index-predicates", "yes"},
              {"write", "no"}, {"new", "no"}},
             generation.string());
    redland::StreamPtr stream(librdf_model_as_stream(old.model()));
    if (!stream) throw StoreError("cannot read " + generation.string() + ": " + old.log().take_error_text("no stream"));
    for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
      librdf_statement* statement = librdf_stream_get_object(stream.get());  // borrowed
      librdf_node* context = librdf_stream_get_context2(stream.get());       // borrowed
      if (statement == nullptr || context == nullptr) continue;             // newsgraph 0.1 had no context-less triples
      store->add({store->intern(spelling_of(redland::to_term(librdf_statement_get_subject(statement)))),
                  store->intern(spelling_of(redland::to_term(librdf_statement_get_predicate(statement)))),
                  store->intern(spelling_of(redland::to_term(librdf_statement_get_object(statement)))),
                  store->intern(spelling_of(redland::to_term(context)))});
    }
    store->set_meta("format", std::to_string(StoreDirectory::kFormatVersion));
    store->set_meta("migrated-from", "bdb format 1");
    report.quads = store->size();
    report.graphs = store->graphs().size();
    store->commit();
    store->close();
  }
  directory.write_marker(StoreDirectory::kFormatVersion);  // the commit point
  report.new_bytes = size_of(root / "data.mdb");
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("gen-") || name == "CURRENT" || name == "CURRENT.tmp") {
      report.old_bytes += size_of(entry.path());
      std::error_code error;
      fs::remove_all(entry.path(), error);
      if (error) spdlog::warn("store {}: cannot delete {}: {}", root.string(), name, error.message());
    }
  }
  return report;
}

}  // namespace ng::graph
