// The SPARQL engine end to end on arbitrary query text over a small store
// (parse, plan, evaluate, write the result): it may refuse with QueryError,
// or stop at its time and memory limits, but never crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "graph/sparql.hpp"
#include "graph/store.hpp"

namespace {

const ng::graph::Store& store() {
  static const ng::graph::Store* s = [] {
    auto* made = new ng::graph::Store(ng::graph::StoreOptions{});
    using ng::ontology::Term;
    const std::string ex = "http://example.org/";
    std::vector<ng::ontology::Quad> quads;
    for (int i = 0; i < 12; ++i) {
      const Term s = Term::iri(ex + "s" + std::to_string(i % 5));
      quads.push_back({s, Term::iri(ex + "p" + std::to_string(i % 3)), Term::iri(ex + "s" + std::to_string(i % 4)),
                       ex + "g" + std::to_string(i % 2)});
      quads.push_back({s, Term::iri(ex + "v"), Term::literal(std::to_string(i), "http://www.w3.org/2001/XMLSchema#integer"),
                       ex + "g" + std::to_string(i % 3)});
      quads.push_back({s, Term::iri(ex + "name"), Term::literal(i % 2 ? "Ann" : "Ελλάδα", "", i % 3 ? "" : "en"),
                       ex + "g1"});
    }
    quads.push_back({Term::blank("b"), Term::iri(ex + "p0"), Term::literal("2.5", "http://www.w3.org/2001/XMLSchema#decimal"),
                     ex + "g0"});
    made->add(quads);
    return made;
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  ng::graph::QueryOptions options;
  options.base = "http://example.org/";
  options.prefixes = {{"ex", "http://example.org/"}};
  options.timeout = std::chrono::milliseconds(200);
  options.max_memory_bytes = 64 << 20;
  std::ostringstream out;
  try {
    const auto writer = ng::graph::make_result_writer(
        ng::graph::inspect_query(query, options).graph_result() ? ng::graph::ResultFormat::NTriples
                                                                 : ng::graph::ResultFormat::Json,
        out);
    ng::graph::run_query(store(), query, options, *writer);
  } catch (const ng::Error&) {
  }
  return 0;
}
