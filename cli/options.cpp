#include "cli/options.hpp"

#include <map>

#include "cli/command.hpp"
#include "ontology/iri_minter.hpp"

namespace ng::cli {

void add_store_option(CLI::App& cmd, std::string& store) {
  store = default_store();
  cmd.add_option("--store", store, "store directory ($NEWSGRAPH_STORE, else ./newsgraph-store)")->capture_default_str();
}

void add_view_option(CLI::App& cmd, graph::network::NetworkView& view) {
  using graph::network::NetworkView;
  const std::map<std::string, NetworkView> names{{"speaks-about", NetworkView::SpeaksAbout},
                                                 {"co-mention", NetworkView::CoMention},
                                                 {"affiliation", NetworkView::Affiliation},
                                                 {"combined", NetworkView::Combined}};
  cmd.add_option("--view", view, "speaks-about, co-mention, affiliation or combined (default)")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""));
}

void add_base_option(CLI::App& cmd, std::string& base, const std::string& help) {
  cmd.add_option("--base", base, help);
}

CLI::Option* add_format_option(CLI::App& cmd, std::string& format, const std::vector<std::string>& choices,
                               const std::string& help) {
  return cmd.add_option("--format", format, help)->check(CLI::IsMember(choices));
}

graph::Store open_store_for_reading(const std::string& path) {
  return graph::Store(graph::StoreOptions{path, graph::StoreOptions::Mode::ReadOnly, false});
}

std::string base_or_default(const std::string& base) {
  return base.empty() ? std::string(ontology::IriMinter::kDefaultBase) : base;
}

std::string base_or_stored(const std::string& base, const graph::Store& store) {
  if (!base.empty()) return base;
  return base_or_default(store.base_iri().value_or(""));
}

}  // namespace ng::cli
