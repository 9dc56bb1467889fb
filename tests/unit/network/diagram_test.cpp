#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "graph/network/diagram.hpp"
#include "graph/network/dot_writer.hpp"
#include "graph/network/graphviz_render.hpp"
#include "network_test_support.hpp"

extern char** environ;

using namespace ng::graph;
using namespace ng::graph::network;
using namespace ng::network_test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("newsgraph-diagram-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Runs a program without a shell; returns its exit status.
int run(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The harbour story plus entities whose names need escaping.
Store tricky_store() {
  auto quads = harbour_story();
  QuadWriter w;
  const std::string a = article("harbour_strike");
  w.entity(person("zoe"), v::schema::kPerson, "Zoë \"Z\" \\N <b>&c", a);
  w.entity(person("mira"), v::schema::kPerson, "Мира Лис", a);
  w.entity(organization("dragon"), v::schema::kOrganization, "龍門商會", a);
  w.statement(a, 7, person("zoe"), {person("mira"), organization("dragon")}, "Quoted \"twice\".");
  quads.insert(quads.end(), w.quads.begin(), w.quads.end());
  auto store = memory_store();
  store.add(quads);
  return store;
}

}  // namespace

TEST_CASE("DOT labels keep backslashes, ampersands and line breaks literal", "[network][diagram]") {
  using ng::graph::network::dot_label;
  CHECK(dot_label("Ada \"Q\" \\N <b> & co") == "Ada \"Q\" \\\\N <b> &amp; co");
  CHECK(dot_label("two\nlines\x01") == "two\\nlines");
  CHECK(dot_label("Harbour Guild of Port Ember", 10) == "Harbour Guild\\nof Port Ember");
  CHECK(dot_label("Мира Лис") == "Мира Лис");
}

TEST_CASE("the DOT diagram has a legend and the entities' names", "[network][diagram]") {
  const Store store = tricky_store();
  const std::string dot = make_diagram(store, DiagramOptions{}).dot;
  CHECK(dot.starts_with("digraph G {"));
  CHECK(dot.find("layout=fdp;") != std::string::npos);  // small and undirected: fdp
  // No community boxes with fdp: it places clusters differently from run to run.
  CHECK(dot.find("cluster_") == std::string::npos);
  CHECK(dot.find("Person (ellipse)") != std::string::npos);
  CHECK(dot.find("label=\"Ada Quill\"") != std::string::npos);
  CHECK(dot.find("label=\"Zoë \\\"Z\\\" \\\\N <b>&amp;c\"") != std::string::npos);
  CHECK(dot.find("replied") != std::string::npos);  // a reporting verb on an edge
}

TEST_CASE("a drawing laid out by dot shows communities as boxes", "[network][diagram]") {
  const Store store = tricky_store();
  DiagramOptions options;
  options.layout = "dot";
  const std::string dot = make_diagram(store, options).dot;
  CHECK(dot.find("layout=dot;") != std::string::npos);
  CHECK(dot.find("subgraph cluster_c0") != std::string::npos);
}

TEST_CASE("the SVG diagram is well-formed XML showing every name as written", "[network][diagram]") {
  const Store store = tricky_store();
  const fs::path path = scratch("combined.svg");
  write_diagram(make_diagram(store, DiagramOptions{}), path.string());
  REQUIRE(fs::file_size(path) > 0);
  if (run({"/usr/bin/python3", "-c", "pass"}) != 0) {
    WARN("skipping the XML check: /usr/bin/python3 is missing");
    return;
  }
  CHECK(run({"/usr/bin/python3", NG_SOURCE_DIR "/tests/network/check_svg.py", path.string(), "Ada Quill",
             "Zoë \"Z\" \\N <b>&c", "Мира Лис", "龍門商會"}) == 0);
}

TEST_CASE("PNG and PDF diagrams are rendered by Graphviz's libraries", "[network][diagram]") {
  const Store store = tricky_store();
  const fs::path png = scratch("combined.png");
  const fs::path pdf = scratch("combined.pdf");
  write_diagram(make_diagram(store, DiagramOptions{}), png.string());
  write_diagram(make_diagram(store, DiagramOptions{}), pdf.string());
  CHECK(slurp(png).starts_with("\x89PNG"));
  CHECK(slurp(pdf).starts_with("%PDF"));
}

TEST_CASE("a focused diagram shows only the entities within the given hops", "[network][diagram]") {
  const Store store = tricky_store();
  DiagramOptions options;
  options.view = NetworkView::SpeaksAbout;
  options.focus = "port ember";
  options.hops = 1;
  const std::string dot = make_diagram(store, options).dot;
  CHECK(dot.find("label=\"Port Ember\"") != std::string::npos);
  CHECK(dot.find("label=\"Ada Quill\"") != std::string::npos);
  CHECK(dot.find("label=\"Boris Tamm\"") == std::string::npos);
  CHECK(dot.find("penwidth=4") != std::string::npos);  // the focus stands out
  options.hops = 2;
  CHECK(make_diagram(store, options).dot.find("label=\"Boris Tamm\"") != std::string::npos);
}

TEST_CASE("a small directed view is laid out by dot and lone entities are left out", "[network][diagram]") {
  const Store store = tricky_store();
  DiagramOptions options;
  options.view = NetworkView::SpeaksAbout;
  const std::string dot = make_diagram(store, options).dot;
  CHECK(dot.find("layout=dot;") != std::string::npos);
  CHECK(dot.find("rankdir=LR;") != std::string::npos);
  CHECK(dot.find("label=\"Dora Pike\"") == std::string::npos);  // speaks about nobody
  CHECK(dot.find("1 without links not drawn") != std::string::npos);
  CHECK(dot.find("named in the same article") == std::string::npos);  // not in this view's legend
}

TEST_CASE("top keeps the most central entities and layout can be chosen", "[network][diagram]") {
  const Store store = tricky_store();
  DiagramOptions options;
  options.top = 2;
  options.layout = "neato";
  const std::string dot = make_diagram(store, options).dot;
  CHECK(dot.find("layout=neato;") != std::string::npos);
  CHECK(dot.find("cluster_") == std::string::npos);  // neato cannot draw clusters
  std::size_t nodes = 0;
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    const bool node_line = line.size() > 1 && line[0] == 'n' && std::isdigit(static_cast<unsigned char>(line[1])) != 0;
    if (node_line && line.find("->") == std::string::npos) ++nodes;
  }
  CHECK(nodes == 2);
}

TEST_CASE("an unknown focus or file type is an error", "[network][diagram]") {
  const Store store = tricky_store();
  DiagramOptions options;
  options.focus = "Nobody Atall";
  CHECK_THROWS_AS(write_diagram(make_diagram(store, options), scratch("x.svg").string()), ng::Error);
  CHECK_THROWS_AS(write_diagram(make_diagram(store, DiagramOptions{}), scratch("x.jpeg").string()), ng::UsageError);
}

TEST_CASE("a diagram for a folder that does not exist fails with the path and the reason", "[network][diagram]") {
  const Store store = tricky_store();
  const Diagram diagram = make_diagram(store, DiagramOptions{});
  for (const char* name : {"x.svg", "x.png", "x.pdf", "x.dot"}) {
    const std::string path = (scratch("missing-folder") / "no" / name).string();
    try {
      write_diagram(diagram, path);
      FAIL("no error for " << path);
    } catch (const ng::IoError& e) {
      CHECK(std::string(e.what()).find(path) != std::string::npos);
      CHECK(std::string(e.what()).find("No such file or directory") != std::string::npos);
    }
  }
}

TEST_CASE("an empty store still gives a diagram with its legend", "[network][diagram]") {
  auto store = memory_store();
  const fs::path path = scratch("empty.svg");
  write_diagram(make_diagram(store, DiagramOptions{}), path.string());
  CHECK(slurp(path).find("<svg") != std::string::npos);
}

TEST_CASE("a layout Graphviz does not know or DOT it cannot read is an error, not a crash", "[network][diagram]") {
  using ng::graph::network::render_dot;
  const std::string path = scratch("bad.svg").string();
  CHECK_THROWS_AS(render_dot("digraph G { a -> b }", "no_such_layout", "svg", path), ng::Error);
  CHECK_THROWS_AS(render_dot("digraph G { a -> ", "dot", "svg", path), ng::Error);
  render_dot("digraph G { a -> b }", "dot", "svg", path);  // and the next one still works
  CHECK(slurp(path).find("<svg") != std::string::npos);
}

TEST_CASE("a drawing cut to its most central entities keeps each one's strongest links and says so",
          "[network][diagram]") {
  const Store store = tricky_store();
  DiagramOptions options;
  options.view = NetworkView::CoMention;
  options.top = 4;
  options.links_per_entity = 0;  // every link between the four
  const Diagram all = make_diagram(store, options);
  REQUIRE(all.entities == 4);
  REQUIRE(all.links > 4);
  CHECK(all.dot.find("strongest") == std::string::npos);

  options.links_per_entity = 1;
  const Diagram cut = make_diagram(store, options);
  CHECK(cut.entities == 4);
  CHECK(cut.links >= 2);  // each entity keeps its strongest; a link can be the strongest of both ends
  CHECK(cut.links <= 4);
  CHECK(cut.dot.find("4 of ") != std::string::npos);
  CHECK(cut.dot.find(fmt::format("1 strongest of the {} between them", all.links)) != std::string::npos);
  CHECK(make_diagram(store, options).dot == cut.dot);  // the same every time

  // Nothing left out: every link, whatever links_per_entity says.
  options.top = 0;
  CHECK(make_diagram(store, options).dot.find("strongest") == std::string::npos);
}
