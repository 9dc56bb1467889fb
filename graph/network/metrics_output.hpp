#pragma once
// The metrics of an analysed view as a table (metrics.csv) and as RDF, so
// that SPARQL can rank entities:
//   SELECT ?who ?rank WHERE { ?who ng:pageRank ?rank } ORDER BY DESC(?rank)
// The RDF lives in a named graph of its own per view, "<base>metrics/<view>",
// which each run replaces whole: metrics of an earlier run never linger next
// to the new ones, and article graphs are never touched.
//
// Literals: ng:pageRank, ng:betweenness, ng:inDegree, ng:outDegree,
// ng:weightedDegree as xsd:double (weighted); ng:degree, ng:coreNumber,
// ng:component, ng:community as xsd:integer.

#include <ostream>
#include <string>
#include <vector>

#include "graph/network/network.hpp"
#include "ontology/term.hpp"

namespace ng::graph {
class Store;
}

namespace ng::graph::network {

// One row per entity, most central (PageRank) first, ties by IRI; RFC 4180
// quoting. Columns: iri,label,type,statements,degree,in_degree,out_degree,
// weighted_in_degree,weighted_out_degree,pagerank,betweenness,core_number,
// component,community.
void write_metrics_csv(std::ostream& out, const Network& net);
// Throws IoError when the file cannot be written.
void write_metrics_csv_file(const std::string& path, const Network& net);

// "<base>metrics/<view>".
std::string metrics_graph_name(const std::string& base, NetworkView view);

std::vector<ontology::Quad> metrics_quads(const Network& net, const std::string& graph_name);

// Replaces the view's metrics graph in `store` (which must be writable) and
// commits. Returns the number of quads written. Throws StoreError.
std::size_t store_metrics(Store& store, const Network& net, const std::string& base);

// Number of links of a vertex, either direction (the `degree` column).
std::size_t link_count(const Network& net, Vertex v);

}  // namespace ng::graph::network
