#pragma once
// RDF files as the dataset of a query (`newsgraph query --graph FILE...`),
// as RDF 1.1 reads them: the triples of plain files (.ttl, .nt) and the
// default-graph lines of .nq and .trig files make the default graph; the
// graphs named in .nq and .trig files are the named graphs. (A store is
// different: everything there is in article graphs, and its default graph
// is their union.) Blank nodes of different files never merge. A query's
// FROM and FROM NAMED may name more local files (file: IRIs).

#include <string>
#include <string_view>
#include <vector>

namespace ng::graph {

// The store graph that holds the files' default graph; pass it as
// QueryOptions::default_graph.
inline constexpr std::string_view kFilesDefaultGraph = "urn:x-newsgraph:default-graph";

class Store;

// A file's URL (file:///abs/path), the base of its relative IRIs.
std::string file_graph_iri(const std::string& path);

// Reads the files into `store`. Throws IoError or ParseError (file, line,
// column).
void load_query_files(Store& store, const std::vector<std::string>& paths);

// Reads the local files a query's FROM / FROM NAMED name (file: IRIs) that
// are not graphs of `store` yet; other IRIs are left for the query to
// refuse. Throws IoError or ParseError.
void load_dataset_files(Store& store, const std::vector<std::string>& graph_iris);

}  // namespace ng::graph
