#include "graph/sparql_files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "graph/rdf_parse.hpp"
#include "graph/store.hpp"

namespace ng::graph {

namespace {

// Characters a path keeps in a file URL; everything else is %-encoded.
bool keeps(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
         c == '_' || c == '.' || c == '~' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' ||
         c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == ':' || c == '@' || c >= 0x80;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The local path of a file: IRI (file:///p, file:/p, file://localhost/p),
// or empty.
std::string local_path(const std::string& iri) {
  std::string rest;
  if (iri.starts_with("file:///")) {
    rest = iri.substr(7);
  } else if (iri.starts_with("file://localhost/")) {
    rest = iri.substr(16);
  } else if (iri.starts_with("file:/") && !iri.starts_with("file://")) {
    rest = iri.substr(5);
  } else {
    return {};
  }
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      path += rest[i];
    }
  }
  return path;
}

void load(Store& store, const std::string& path, const std::string& graph, std::size_t index) {
  std::vector<ontology::Quad> quads = parse_rdf_file(path, graph);
  // Blank node labels are the file's own: keep two files' nodes apart.
  const auto rename = [index](ontology::Term& term) {
    if (term.is_blank()) term.value = fmt::format("f{}_{}", index, term.value);
  };
  for (ontology::Quad& q : quads) {
    rename(q.subject);
    rename(q.object);
  }
  store.add(quads);
}

}  // namespace

std::string file_graph_iri(const std::string& path) {
  std::error_code error;
  const std::string absolute = std::filesystem::absolute(path, error).lexically_normal().generic_string();
  std::string iri = "file://";
  for (char c : absolute) {
    const auto b = static_cast<unsigned char>(c);
    iri += keeps(b) ? std::string(1, c) : fmt::format("%{:02X}", b);
  }
  return iri;
}

void load_query_files(Store& store, const std::vector<std::string>& paths) {
  for (std::size_t i = 0; i < paths.size(); ++i) load(store, paths[i], std::string(kFilesDefaultGraph), i);
}

void load_dataset_files(Store& store, const std::vector<std::string>& graph_iris) {
  std::vector<std::string> present = store.graph_names();
  std::size_t index = 1000000;
  for (const std::string& iri : graph_iris) {
    if (std::find(present.begin(), present.end(), iri) != present.end()) continue;
    present.push_back(iri);
    const std::string path = local_path(iri);
    if (path.empty() || !std::filesystem::is_regular_file(path)) continue;
    // The graph is named by the IRI the query wrote.
    load(store, path, iri, index++);
  }
}

}  // namespace ng::graph
