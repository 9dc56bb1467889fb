// store_bench: the store alone, on the quads of a real build, for bench/run.
//
//   store_bench GRAPH.nq --store DIR [--incremental N]
//
// Reads the N-Quads (a build's graph.nq; not timed), then, in a new store:
//   write     every graph with replace_graph, as `build` stores articles,
//             then commit (CPU time of the process: add_cpu_ms, commit_cpu_ms)
//   size      the store's files on disk
//   again     a second writer that replaces N graphs (new quads for each,
//             a changed literal) and commits: what adding N articles to a
//             big store costs (wall and CPU)
//   export    N-Quads of the whole store to DIR/../store_bench.nq
//
// It uses only graph::Store's public API, so the same program builds
// against older versions of newsgraph (bench/run --baseline compares them).
// Output: one "key<TAB>value" line per figure on stdout.

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <time.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "graph/rdf_export.hpp"
#include "graph/rdf_parse.hpp"
#include "graph/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::uintmax_t directory_bytes(const std::filesystem::path& path) {
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  std::string input, store_path;
  std::size_t incremental = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--store" && i + 1 < argc) {
      store_path = argv[++i];
    } else if (arg == "--incremental" && i + 1 < argc) {
      incremental = std::stoul(argv[++i]);
    } else {
      input = arg;
    }
  }
  if (input.empty() || store_path.empty()) {
    fmt::print(stderr, "usage: store_bench GRAPH.nq --store DIR [--incremental N]\n");
    return 2;
  }
  std::filesystem::remove_all(store_path);
  std::map<std::string, std::vector<ng::ontology::Quad>> graphs;
  std::size_t quads = 0;
  for (auto& quad : ng::graph::parse_rdf_file(input, "urn:x-bench:default")) {
    graphs[quad.graph_name].push_back(std::move(quad));
    ++quads;
  }
  fmt::print("quads\t{}\ngraphs\t{}\n", quads, graphs.size());

  {
    ng::graph::Store store(ng::graph::StoreOptions{store_path, ng::graph::StoreOptions::Mode::ReadWrite, true});
    const auto wall = Clock::now();
    double cpu = cpu_ms();
    for (const auto& [name, graph] : graphs) store.replace_graph(name, graph);
    const double add_cpu = cpu_ms() - cpu;
    cpu = cpu_ms();
    const auto commit_wall = Clock::now();
    store.commit();
    fmt::print("add_cpu_ms\t{:.1f}\ncommit_cpu_ms\t{:.1f}\ncommit_ms\t{:.1f}\nwrite_ms\t{:.1f}\n", add_cpu,
               cpu_ms() - cpu, ms_since(commit_wall), ms_since(wall));
    fmt::print("us_per_quad\t{:.3f}\n", (add_cpu + cpu_ms() - cpu) * 1000.0 / static_cast<double>(quads));
    fmt::print("store_quads\t{}\n", store.size());
  }
  const std::uintmax_t bytes = directory_bytes(store_path);
  fmt::print("store_bytes\t{}\nbytes_per_quad\t{:.1f}\n", bytes, static_cast<double>(bytes) / static_cast<double>(quads));

  {
    // N graphs built again with one literal changed: a small incremental build.
    const auto wall = Clock::now();
    const double cpu = cpu_ms();
    ng::graph::Store store(ng::graph::StoreOptions{store_path, ng::graph::StoreOptions::Mode::ReadWrite, true});
    std::size_t done = 0;
    for (auto& [name, graph] : graphs) {
      if (done++ >= incremental) break;
      std::vector<ng::ontology::Quad> changed = graph;
      for (auto& quad : changed) {
        if (quad.object.is_literal()) {
          quad.object.value += " (updated)";
          break;
        }
      }
      store.replace_graph(name, changed);
    }
    store.commit();
    fmt::print("incremental_graphs\t{}\nincremental_ms\t{:.1f}\nincremental_cpu_ms\t{:.1f}\n", incremental,
               ms_since(wall), cpu_ms() - cpu);
  }

  {
    const ng::graph::Store store(ng::graph::StoreOptions{store_path, ng::graph::StoreOptions::Mode::ReadOnly, false});
    const std::string out = (std::filesystem::path(store_path).parent_path() / "store_bench.nq").string();
    const auto wall = Clock::now();
    const double cpu = cpu_ms();
    ng::graph::export_rdf_file(store, ng::graph::RdfFormat::NQuads, out, {});
    fmt::print("export_nquads_ms\t{:.1f}\nexport_nquads_cpu_ms\t{:.1f}\n", ms_since(wall), cpu_ms() - cpu);
    std::filesystem::remove(out);
  }
  return 0;
}
