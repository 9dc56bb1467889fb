#pragma once
// Options that several subcommands share, declared once so that their
// names, help texts and checks are the same everywhere.

#include <CLI/CLI.hpp>

#include <string>

#include "graph/network/network_view.hpp"
#include "graph/store.hpp"

namespace ng::cli {

// --store DIR (default: $NEWSGRAPH_STORE, else ./newsgraph-store).
void add_store_option(CLI::App& cmd, std::string& store);
// --view NAME, parsed into the view.
void add_view_option(CLI::App& cmd, graph::network::NetworkView& view);
// --base IRI: the base the store's IRIs were minted under.
void add_base_option(CLI::App& cmd, std::string& base, const std::string& help);
// --format NAME, one of `choices`; the help lists them.
CLI::Option* add_format_option(CLI::App& cmd, std::string& format, const std::vector<std::string>& choices,
                               const std::string& help);

// The store at `path`, opened for reading.
graph::Store open_store_for_reading(const std::string& path);
// The base IRI for output prefixes: the option when given, else the default.
std::string base_or_default(const std::string& base);
// The same, but without the option: the base the store was built with (kept
// in the store), so that later commands do not need --base again.
std::string base_or_stored(const std::string& base, const graph::Store& store);

}  // namespace ng::cli
