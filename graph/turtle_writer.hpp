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

#include <ostream>
#include <set>
#include <string_view>
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

// Turtle or TriG written statement by statement from terms in N-Triples
// spelling (the store's form), for exporting stores of any size: nothing
// is held but the current subject. The caller gives statements grouped by
// graph and subject (rdf:type first reads best) and says beforehand which
// prefixes are used (see_prefixes on every term). The output is the same
// Turtle as write_turtle's in substance (prefixed names only for plain
// local names, numbers bare only when their lexical form is valid), in
// serd's layout.
class TurtleStream {
 public:
  TurtleStream(std::ostream& out, const PrefixList& prefixes, const std::set<std::string>& used, bool trig);
  // `graph` is ignored in Turtle. Throws IoError when the stream fails.
  void write(std::string_view subject, std::string_view predicate, std::string_view object,
             std::string_view graph = {});
  void finish();

  // Records in `used` the prefixes `spelling` will be written with;
  // `predicate` when it is in predicate position (rdf:type becomes `a`).
  static void see_prefixes(const PrefixList& prefixes, std::string_view spelling, bool predicate,
                           std::set<std::string>& used);
  // The prefix list to write with: `prefixes`, plus xsd when missing.
  static PrefixList with_xsd(const PrefixList& prefixes);

 private:
  void term(std::string_view spelling, bool predicate);
  void put(std::string_view text);
  void flush();

  std::ostream& out_;
  PrefixList prefixes_;
  bool trig_;
  std::string graph_, subject_, predicate_;
  bool open_ = false;     // a subject's statement is open
  bool started_ = false;  // something was written
  std::string buffer_;
};

}  // namespace ng::graph
