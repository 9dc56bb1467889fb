// networkx_fixture: writes GraphML files of the four views of an invented
// newsroom, with every metric newsgraph computes, for
// tests/network/networkx_agreement.py to recompute with networkx.
//
// The newsroom is random but seeded: three separate circles of people,
// organisations and places (so views have several components), statements
// with one to three targets (so speaks-about weights vary), articles naming
// four to seven entities (co-mention weights), roles, and a pair of
// entities that only talk to each other.
//
// Usage: network_networkx_fixture OUT_DIR

#include <filesystem>
#include <iostream>
#include <random>
#include <string>

#include "graph/network/graphml.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/views.hpp"

using namespace ng::graph::network;
using ng::ontology::EntityType;

namespace {

StoreFacts newsroom() {
  std::mt19937_64 random(20240611);
  StoreFacts facts;
  const auto add = [&](const std::string& iri, EntityType type) {
    facts.entities[iri] = EntityFacts{iri, type, iri.substr(iri.rfind('/') + 1), {}};
  };
  std::size_t statement = 0;
  for (int circle = 0; circle < 3; ++circle) {
    std::vector<std::string> members;
    const int size = 12 + 8 * circle;
    for (int i = 0; i < size; ++i) {
      const EntityType type = i % 5 == 3 ? EntityType::Organization : i % 5 == 4 ? EntityType::Place : EntityType::Person;
      const std::string iri = "https://fixture.example/" + std::string(ng::ontology::to_string(type)) + "/c" +
                              std::to_string(circle) + "_" + std::to_string(i);
      add(iri, type);
      members.push_back(iri);
    }
    std::uniform_int_distribution<std::size_t> pick(0, members.size() - 1);
    // Popular speakers: the first few members speak most.
    std::geometric_distribution<std::size_t> popular(0.25);
    for (int s = 0; s < size * 2; ++s) {
      StatementFacts st;
      st.iri = "https://fixture.example/statement/" + std::to_string(statement++);
      st.speaker = members[std::min(popular(random), members.size() - 1)];
      const std::size_t targets = 1 + pick(random) % 3;
      for (std::size_t t = 0; t < targets; ++t) st.about.push_back(members[pick(random)]);
      std::sort(st.about.begin(), st.about.end());
      st.about.erase(std::unique(st.about.begin(), st.about.end()), st.about.end());
      st.text = "statement " + std::to_string(statement);
      st.verb = s % 2 == 0 ? "said" : "warned";
      st.source = "https://fixture.example/article/c" + std::to_string(circle) + "_" + std::to_string(s % 7);
      facts.statements.push_back(st);
    }
    for (int a = 0; a < size / 2; ++a) {
      auto& mentioned = facts.article_mentions["https://fixture.example/article/c" + std::to_string(circle) + "_" +
                                               std::to_string(a)];
      const std::size_t count = 4 + pick(random) % 4;
      for (std::size_t m = 0; m < count; ++m) mentioned.insert(members[pick(random)]);
    }
    for (int r = 0; r < size / 3; ++r) {
      const std::string& person = members[(5 * r) % members.size()];
      const std::string& target = members[(5 * r + 3) % members.size()];
      facts.memberships.insert({person, target, r % 2 == 0 ? "chair" : "member", {}});
      if (r % 3 == 0) facts.memberships.insert({person, target, "treasurer", {}});
    }
  }
  // A pair apart from everyone.
  add("https://fixture.example/Person/loner_a", EntityType::Person);
  add("https://fixture.example/Person/loner_b", EntityType::Person);
  for (int i = 0; i < 3; ++i) {
    facts.statements.push_back({"https://fixture.example/statement/loner" + std::to_string(i),
                                "https://fixture.example/Person/loner_" + std::string(i == 2 ? "b" : "a"),
                                {"https://fixture.example/Person/loner_" + std::string(i == 2 ? "a" : "b")},
                                "aside", "said", "https://fixture.example/article/aside"});
  }
  facts.article_mentions["https://fixture.example/article/aside"] = {"https://fixture.example/Person/loner_a",
                                                                    "https://fixture.example/Person/loner_b"};
  std::sort(facts.statements.begin(), facts.statements.end(),
            [](const StatementFacts& a, const StatementFacts& b) { return a.iri < b.iri; });
  return facts;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: network_networkx_fixture OUT_DIR\n";
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  const StoreFacts facts = newsroom();
  for (const auto view : {ng::graph::network::NetworkView::SpeaksAbout, ng::graph::network::NetworkView::CoMention,
                          ng::graph::network::NetworkView::Affiliation, ng::graph::network::NetworkView::Combined}) {
    Network net = build_view(facts, view);
    AnalysisOptions options;
    // Converge far below the 1e-6 the comparison allows.
    options.page_rank.tolerance = 1e-14;
    const AnalysisReport report = analyse(net, options);
    const std::string path = (out / (std::string(view_name(view)) + ".graphml")).string();
    write_graphml_file(path, net);
    std::cout << path << '\t' << describe(report) << '\n';
  }
  return 0;
}
