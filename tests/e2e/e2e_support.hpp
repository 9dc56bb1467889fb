#pragma once
// Shared by the end-to-end tests: the graph of examples/, built once per
// test process, and SPARQL over a store directory.

#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "graph/sparql.hpp"
#include "graph/store.hpp"

namespace ng::e2e {

// Builds examples/ into a scratch directory the first time it is called.
struct ExamplesBuild {
  std::filesystem::path out;
  std::filesystem::path store;
  RunResult run;
};
const ExamplesBuild& examples_build();

// Runs a SELECT and returns the values of its first variable ("" for unbound).
std::vector<std::string> select_column(const std::filesystem::path& store, const std::string& query);
// Runs a SELECT with one COUNT and returns it.
long count(const std::filesystem::path& store, const std::string& query);

}  // namespace ng::e2e
