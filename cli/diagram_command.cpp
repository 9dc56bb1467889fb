#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "graph/network/diagram.hpp"

namespace ng::cli {

void add_diagram_command(CLI::App& app, Action& action) {
  struct Arguments {
    std::string store, output, focus;
    graph::network::DiagramOptions options;
  };
  auto args = std::make_shared<Arguments>();
  CLI::App* cmd = app.add_subcommand("diagram", "Draw a network view as .svg, .png, .pdf or .dot (Graphviz)");
  cmd->add_option("-o,--output", args->output, "the file to write; its extension picks the format")->required();
  add_store_option(*cmd, args->store);
  add_view_option(*cmd, args->options.view);
  cmd->add_option("--focus", args->focus, "draw only the neighbourhood of this entity (name, alias or IRI)");
  cmd->add_option("--hops", args->options.hops, "with --focus: how far from it")->capture_default_str();
  cmd->add_option("--top", args->options.top, "keep only the N most central entities (PageRank; 0: all)")
      ->capture_default_str();
  cmd->add_option("--links", args->options.links_per_entity,
                  "when --top leaves entities out: each drawn entity's N strongest links (0: all between them)")
      ->capture_default_str();
  cmd->add_option("--layout", args->options.layout,
                  "auto (up to 60 entities dot, or fdp for undirected views; up to 250 neato; above sfdp), dot, "
                  "neato, sfdp, fdp, circo, twopi")
      ->check(CLI::IsMember({"auto", "dot", "neato", "sfdp", "fdp", "circo", "twopi"}))
      ->capture_default_str();
  cmd->callback([args, &action] {
    action = [args] {
      if (!args->focus.empty()) args->options.focus = args->focus;
      const graph::Store store = open_store_for_reading(args->store);
      graph::network::write_diagram(graph::network::make_diagram(store, args->options), args->output);
      fmt::print("{}\n", args->output);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
