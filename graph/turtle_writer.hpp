#pragma once
// Turtle and TriG output through serd (raptor 2.0.15 has no TriG writer,
// and its Turtle writer is 6x slower than its N-Triples one). newsgraph
// decides itself which IRIs become prefixed names -- only when the local
// part is a valid, conservative PN_LOCAL -- and which numbers may be
// written bare, because serd 0.30 abbreviates xsd:integer/decimal/boolean
// literals without checking their lexical form.
//
// Callers pass triples sorted by sort_for_turtle() (quads by graph first),
// so that serd groups each subject's predicates with ';' and ','.

#include <memory>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

using PrefixList = std::vector<std::pair<std::string, std::string>>;

// Sorts and removes repeats: by subject, rdf:type first, then predicate
// and object (readable Turtle, and the same bytes on every run).
void sort_for_turtle(std::vector<ontology::Triple>& triples);
// The same for quads, graph name first (TriG blocks).
void sort_for_trig(std::vector<ontology::Quad>& quads);

// Writes Turtle. Only the prefixes actually used are declared, in the
// given order. Throws IoError when the stream fails.
void write_turtle(std::ostream& out, std::span<const ontology::Triple> triples, const PrefixList& prefixes);
// Writes TriG: one block per named graph; quads with no graph name go in
// the default graph.
void write_trig(std::ostream& out, std::span<const ontology::Quad> quads, const PrefixList& prefixes);

// The order sort_for_turtle() puts one subject's triples in: rdf:type
// first, then by predicate and object.
bool turtle_order(const ontology::Triple& a, const ontology::Triple& b);

// Which of `prefixes` the output will declare: note every term the output
// holds (as subject, object or graph: `as_predicate` false; as predicate:
// true, where rdf:type needs no prefix since it is written `a`).
class PrefixUse {
 public:
  explicit PrefixUse(const PrefixList& prefixes);
  void see(const ontology::Term& term, bool as_predicate = false);
  const std::set<std::string>& used() const noexcept { return used_; }

 private:
  PrefixList prefixes_;
  std::set<std::string> used_;
};

namespace detail {
class SerdOutput;
struct SerdOutputDeleter {
  void operator()(SerdOutput* output) const noexcept;
};
}  // namespace detail

// Turtle or TriG written a statement at a time, for callers that stream
// sorted statements (the exporters stream the store subject by subject).
// The statements must come in the order write_turtle/write_trig expect.
class TurtleStream {
 public:
  TurtleStream(std::ostream& out, bool trig, const PrefixList& prefixes, const PrefixUse& use);
  void write(const ontology::Term& subject, const ontology::Term& predicate, const ontology::Term& object,
             const std::string* graph = nullptr);
  // Throws IoError when the stream failed.
  void finish();

 private:
  PrefixList prefixes_;
  std::unique_ptr<detail::SerdOutput, detail::SerdOutputDeleter> output_;
};

}  // namespace ng::graph
