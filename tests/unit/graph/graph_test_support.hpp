#pragma once
// Helpers for the graph/ tests: invented data, temporary store directories,
// and running the independent RDF tools (rapper, serdi, rdflib).

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ontology/term.hpp"
#include "ontology/vocabulary.hpp"
#include "tests/unit/temp_dir.hpp"

namespace ng::graph::test {

using ontology::Quad;
using ontology::Term;
namespace vocab = ontology::vocab;

inline const std::string kEx = "http://example.org/test/";

inline Term ex(const std::string& local) { return Term::iri(kEx + local); }
inline Term schema(const std::string& local) { return Term::iri(std::string(vocab::schema::kNamespace) + local); }
inline Term rdf_type() { return Term::iri(std::string(vocab::rdf::kType)); }
inline Term lit(const std::string& text) { return Term::literal(text); }
inline std::string article(int n) { return kEx + "article/" + std::to_string(n); }

using ng::test::TempDir;

// A small newsroom: two article graphs that share the description of a
// person (as newsgraph writes it: each article repeats what it says about
// the people it mentions).
inline std::vector<Quad> newsroom() {
  std::vector<Quad> quads;
  for (int a : {1, 2}) {
    quads.push_back({ex("person/tamsin_vell"), rdf_type(), schema("Person"), article(a)});
    quads.push_back({ex("person/tamsin_vell"), schema("name"), lit("Tamsin Vell"), article(a)});
    quads.push_back({ex("org/harbour_council"), rdf_type(), schema("Organization"), article(a)});
  }
  quads.push_back({ex("person/oren_maddox"), rdf_type(), schema("Person"), article(1)});
  quads.push_back({ex("person/oren_maddox"), schema("name"), lit("Oren Maddox"), article(1)});
  quads.push_back({ex("person/oren_maddox"), schema("affiliation"), ex("org/harbour_council"), article(1)});
  quads.push_back({ex("quote/1"), rdf_type(), schema("Quotation"), article(1)});
  quads.push_back({ex("quote/1"), schema("creator"), ex("person/tamsin_vell"), article(1)});
  quads.push_back({ex("quote/1"), schema("text"), Term::literal("The pier reopens in May.", "", "en"), article(1)});
  quads.push_back({ex("quote/2"), rdf_type(), schema("Quotation"), article(2)});
  quads.push_back({ex("quote/2"), schema("creator"), ex("person/tamsin_vell"), article(2)});
  quads.push_back({ex("quote/2"), schema("text"), Term::literal("Der Steg bleibt zu.", "", "de"), article(2)});
  quads.push_back({ex("quote/3"), rdf_type(), schema("Quotation"), article(2)});
  quads.push_back({ex("quote/3"), schema("creator"), ex("person/oren_maddox"), article(2)});
  return quads;
}

inline bool has_tool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  result.status = ::pclose(pipe);
  return result;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace ng::graph::test
