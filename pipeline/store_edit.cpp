#include "pipeline/store_edit.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/rdf_parse.hpp"
#include "graph/store.hpp"
#include "loaders/input/iri_text.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/input_records.hpp"

namespace fs = std::filesystem;

namespace ng::pipeline {

namespace {

namespace v = ontology::vocab;

std::string absolute_path(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
  if (error) absolute = fs::absolute(path);
  return absolute.lexically_normal().generic_string();
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "/abs/path" of a file: IRI (the fragment, e.g. "#line=12" of a JSON
// Lines article, dropped); empty for other IRIs.
std::string path_of_file_iri(std::string_view iri) {
  if (!iri.starts_with("file://")) return {};
  iri.remove_prefix(7);
  if (const auto hash = iri.find('#'); hash != std::string_view::npos) iri = iri.substr(0, hash);
  std::string path;
  for (std::size_t i = 0; i < iri.size(); ++i) {
    if (iri[i] == '%' && i + 2 < iri.size() && hex(iri[i + 1]) >= 0 && hex(iri[i + 2]) >= 0) {
      path += static_cast<char>(hex(iri[i + 1]) * 16 + hex(iri[i + 2]));
      i += 2;
    } else {
      path += iri[i];
    }
  }
  return path;
}

// Graph name -> input file, from what build recorded and, for graphs it
// did not record, from their article's schema:url file: IRI.
std::map<std::string, std::string> graph_sources(const graph::Store& store) {
  std::map<std::string, std::string> sources;
  for (auto& [graph, path] : store.graph_sources()) sources.emplace(graph, std::move(path));
  const auto url = store.id_of(ontology::Term::iri(std::string(v::schema::kUrl)));
  if (!url) return sources;
  for (graph::QuadCursor c = store.match({graph::kAnyTerm, *url, graph::kAnyTerm, graph::kAnyTerm}, graph::Distinct::Quads);
       !c.at_end(); c.next()) {
    const graph::IdQuad& q = c.quad();
    if (q.subject != q.graph) continue;  // the article's own url, in its own graph
    const ontology::Term object = store.term_of(q.object);
    if (!object.is_iri()) continue;
    const std::string path = path_of_file_iri(object.value);
    if (!path.empty()) sources.emplace(store.term_of(q.graph).value, path);
  }
  return sources;
}

bool inside(const std::string& path, const std::string& input) {
  return path == input || (path.size() > input.size() && path.starts_with(input) &&
                            (input.ends_with('/') || path[input.size()] == '/'));
}

bool is_regular(const std::string& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

}  // namespace

RemoveReport remove_from_store(const RemoveOptions& options) {
  if (options.graphs.empty() && options.inputs.empty() && !options.missing) {
    throw UsageError("remove: name graph IRIs, --input files, or --missing");
  }
  graph::Store store(graph::StoreOptions{options.store_path, graph::StoreOptions::Mode::ReadWrite, false});
  RemoveReport report;
  std::map<std::string, std::string> chosen;  // graph -> source
  for (const std::string& graph : options.graphs) {
    if (store.has_graph(graph)) {
      chosen.emplace(graph, "");
    } else {
      report.not_found.push_back(graph);
    }
  }
  if (!options.inputs.empty() || options.missing) {
    const std::map<std::string, std::string> sources = graph_sources(store);
    for (const std::string& input : options.inputs) {
      const std::string path = absolute_path(input);
      bool any = false;
      for (const auto& [graph, source] : sources) {
        if (inside(source, path)) {
          chosen[graph] = source;
          any = true;
        }
      }
      if (!any) report.not_found.push_back(input);
    }
    if (options.missing) {
      for (const auto& [graph, source] : sources) {
        if (!is_regular(source)) chosen[graph] = source;
      }
    }
  }
  // The build's records of the files whose graphs go (input_records.hpp):
  // a file removed by --input or gone (--missing) is read again if it is
  // ever given again, and a record of it would only stay in the store.
  if (!options.inputs.empty() || options.missing) {
    std::vector<std::string> inputs;
    for (const std::string& input : options.inputs) {
      inputs.push_back(absolute_path(input));
      inputs.push_back(InputRecords::key(input));
    }
    const auto drop = [&](const std::string& path) {
      if (options.missing && !is_regular(path)) return true;
      return std::any_of(inputs.begin(), inputs.end(), [&](const std::string& input) { return inside(path, input); });
    };
    report.records_pruned =
        options.dry_run ? InputRecords::matching(store, drop) : InputRecords::prune(store, drop);
    for (const auto& path : report.records_pruned) spdlog::debug("remove: the record of input file {}", path);
  }
  for (const auto& [graph, source] : chosen) {
    const std::size_t quads = options.dry_run ? 0 : store.remove_graph(graph);
    report.removed.push_back({graph, source, quads});
    spdlog::debug("remove: <{}> ({} quads{}{})", graph, quads, source.empty() ? "" : " from ", source);
  }
  if (!options.dry_run) store.commit();
  report.store_quads = store.size();
  return report;
}

LoadReport load_into_store(const LoadOptions& options) {
  if (options.files.empty()) throw UsageError("load: name at least one RDF file");
  for (const std::string& path : options.files) {
    if (!is_regular(path)) throw IoError(fmt::format("{}: not a readable file", path));
  }
  // One write transaction for the whole call, filled a batch at a time as
  // the files are parsed: a bad line anywhere (or any other error) throws
  // before commit(), and the store drops everything this call wrote.
  graph::Store store(graph::StoreOptions{options.store_path, graph::StoreOptions::Mode::ReadWrite, true});
  std::map<std::string, std::string> first_file;  // graph -> the first file that filled it (this call)
  LoadReport report;
  for (const std::string& path : options.files) {
    const std::string source = absolute_path(path);
    LoadedFile loaded{path, 0, {}};
    std::set<std::string> graphs;
    graph::read_rdf_file(path, loaders::file_iri(path), options.batch_quads,
                         [&](std::vector<ontology::Quad>& quads) {
                           // A graph is replaced as a whole: emptied when this
                           // call first fills it, before its first quads.
                           for (const ontology::Quad& quad : quads) {
                             if (graphs.contains(quad.graph_name)) continue;
                             graphs.insert(quad.graph_name);
                             if (first_file.emplace(quad.graph_name, source).second) store.remove_graph(quad.graph_name);
                           }
                           store.add(quads);
                           loaded.quads += quads.size();
                         });
    loaded.graphs.assign(graphs.begin(), graphs.end());
    report.files.push_back(std::move(loaded));
  }
  for (const auto& [graph, source] : first_file) store.set_graph_source(graph, source);
  store.commit();
  report.store_quads = store.size();
  return report;
}

}  // namespace ng::pipeline
