#include <fmt/format.h>

#include "cli/command.hpp"
#include "graph/diagram.hpp"
#include "graph/network/network.hpp"
#include "graph/store.hpp"

namespace ng::cli {

void add_diagram_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  struct Arguments {
    std::string store, output, view = "combined", focus;
    graph::DiagramOptions options;
  };
  auto args = std::make_shared<Arguments>();
  args->store = global.store;
  CLI::App* cmd = app.add_subcommand("diagram", "Draw a network view as .svg, .png, .pdf or .dot (Graphviz)");
  cmd->add_option("-o,--output", args->output, "the file to write; its extension picks the format")->required();
  cmd->add_option("--store", args->store, "store directory")->capture_default_str();
  cmd->add_option("--view", args->view, "speaks-about, co-mention, affiliation or combined")
      ->check(CLI::IsMember({"speaks-about", "co-mention", "affiliation", "combined"}))
      ->capture_default_str();
  cmd->add_option("--focus", args->focus, "draw only the neighbourhood of this entity (name, alias or IRI)");
  cmd->add_option("--hops", args->options.hops, "with --focus: how far from it")->capture_default_str();
  cmd->add_option("--top", args->options.top, "keep only the N most central entities (0: all)")->capture_default_str();
  cmd->add_option("--layout", args->options.layout,
                  "auto (dot up to 60 entities, neato up to 250, sfdp above), dot, neato, sfdp, fdp, circo")
      ->check(CLI::IsMember({"auto", "dot", "neato", "sfdp", "fdp", "circo", "twopi"}))
      ->capture_default_str();
  cmd->callback([args, &action] {
    action = [args] {
      args->options.view = *graph::network::parse_view(args->view);
      if (!args->focus.empty()) args->options.focus = args->focus;
      const graph::Store store(graph::StoreOptions{args->store, graph::StoreOptions::Mode::ReadOnly, false});
      graph::write_diagram(store, args->options, args->output);
      fmt::print("{}\n", args->output);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
