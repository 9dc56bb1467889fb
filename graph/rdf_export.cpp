#include "graph/rdf_export.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/redland_rdfxml.hpp"
#include "graph/redland_storage.hpp"
#include "graph/redland_store.hpp"
#include "graph/term_spelling.hpp"
#include "graph/turtle_writer.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

namespace {

PrefixList export_prefixes(const ExportOptions& options) {
  if (!options.prefixes.empty()) return options.prefixes;
  PrefixList prefixes;
  for (const auto& [prefix, iri] : ontology::vocab::kPrefixes) prefixes.emplace_back(prefix, iri);
  return prefixes;
}

// Every term's spelling, indexed by id, read in one pass over the
// dictionary: the exporters touch every term anyway, and then an id is an
// array index away from its spelling. The views point into LMDB's map and
// stay valid while nothing writes to the store (the exporters only read).
class Spellings {
 public:
  explicit Spellings(QuadStore& store) {
    const lmdb::Env& env = store.env();
    store.flush();
    lmdb::Cursor cursor(store.txn(), env.terms, env.where());
    MDB_val k{}, v{};
    for (int rc = cursor.step(&k, &v, MDB_FIRST, env.where()); rc == MDB_SUCCESS;
         rc = cursor.step(&k, &v, MDB_NEXT, env.where())) {
      TermId id = 0;
      std::memcpy(&id, k.mv_data, sizeof id);
      if (id >= views_.size()) views_.resize(static_cast<std::size_t>(id) + 1);
      views_[id] = lmdb::view(v);
    }
  }
  std::string_view operator[](TermId id) const { return id < views_.size() ? views_[id] : std::string_view(); }
  std::size_t size() const noexcept { return views_.size(); }

 private:
  std::vector<std::string_view> views_;
};

ontology::Term decode(std::string_view spelling) {
  std::optional<ontology::Term> term = term_of_spelling(spelling);
  if (!term) throw StoreError("a term of the store cannot be read (run `newsgraph check`)");
  return std::move(*term);
}

// Subjects written between two releases of the map's pages (lmdb.hpp) by
// the Turtle writer. The N-Quads / N-Triples writer does not release: it
// looks spellings up all over the dictionary, which maps its pages in
// again at once; at 100,000 articles a release every 256 MB of output
// cost 18 s of system time (12.5 -> 30 s) and left the peak where it was.
constexpr std::size_t kSubjectsPerRelease = 1 << 20;

// Output through a buffer of about a megabyte.
class Lines {
 public:
  explicit Lines(std::ostream& out) : out_(out) { buffer_.reserve(kSize + 4096); }
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kSize) flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kSize = 1 << 20;
  std::ostream& out_;
  std::string buffer_;
};

// N-Triples / N-Quads lines in bytewise order, each once, streamed from
// the spog index: subjects in the order of their spellings, each
// subject's lines sorted. Since no subject spelling is a proper prefix of
// another's followed by a space, that is the order of sorting all lines.
void write_lines(const Store& store, bool with_graph, std::ostream& out) {
  QuadStore& quads = *store.native().quads;
  const std::vector<TermId> subject_ids = quads.subjects();
  const Spellings spellings(quads);
  std::vector<std::pair<std::string_view, TermId>> subjects;
  subjects.reserve(subject_ids.size());
  for (const TermId id : subject_ids) subjects.emplace_back(spellings[id], id);
  std::sort(subjects.begin(), subjects.end());

  Lines lines(out);
  std::vector<std::pair<std::size_t, std::size_t>> rows;  // (offset, length) into `text`
  std::string text;
  for (const auto& [subject, id] : subjects) {
    rows.clear();
    text.clear();
    for (QuadCursor c = quads.match({id, kAnyTerm, kAnyTerm, kAnyTerm}, with_graph ? Distinct::Quads : Distinct::Triples);
         !c.at_end(); c.next()) {
      const IdQuad& q = c.quad();
      const std::size_t begin = text.size();
      text += subject;
      text += ' ';
      text += spellings[q.predicate];
      text += ' ';
      text += spellings[q.object];
      const std::string_view graph = spellings[q.graph];
      if (with_graph && graph != redland::kUnnamedGraph) {
        text += ' ';
        text += graph;
      }
      text += " .\n";
      rows.emplace_back(begin, text.size() - begin);
    }
    const auto row = [&](const std::pair<std::size_t, std::size_t>& r) {
      return std::string_view(text).substr(r.first, r.second);
    };
    std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) { return row(a) < row(b); });
    rows.erase(std::unique(rows.begin(), rows.end(), [&](const auto& a, const auto& b) { return row(a) == row(b); }),
               rows.end());
    for (const auto& r : rows) lines.buffer() += row(r);
    lines.maybe_flush();
  }
  lines.flush();
}

// Subjects in the order of their terms (IRIs by IRI, then blank nodes by
// label), as sort_for_turtle orders them.
std::vector<std::pair<ontology::Term, TermId>> subjects_in_term_order(QuadStore& quads, const Spellings& spellings) {
  std::vector<std::pair<ontology::Term, TermId>> subjects;
  for (const TermId id : quads.subjects()) subjects.emplace_back(decode(spellings[id]), id);
  std::sort(subjects.begin(), subjects.end());
  return subjects;
}

// The prefixes the output needs: one look at every term in use (not once
// per quad), with predicates told apart (rdf:type is written `a`).
PrefixUse prefix_use(QuadStore& quads, const Spellings& spellings, const PrefixList& prefixes, bool graphs) {
  std::vector<unsigned char> role(spellings.size(), 0);  // 1: node, 2: predicate
  for (QuadCursor c = quads.match({}, Distinct::Quads); !c.at_end(); c.next()) {
    const IdQuad& q = c.quad();
    if (std::max({q.subject, q.predicate, q.object, q.graph}) >= role.size()) {
      throw StoreError("a quad of the store uses a term it does not have (run `newsgraph check`)");
    }
    role[q.subject] |= 1;
    role[q.object] |= 1;
    role[q.predicate] |= 2;
    if (graphs) role[q.graph] |= 1;
  }
  PrefixUse use(prefixes);
  for (std::size_t id = 0; id < role.size(); ++id) {
    if (role[id] == 0) continue;
    const std::string_view spelling = spellings[static_cast<TermId>(id)];
    if (spelling.empty() || spells_blank(spelling) || (spells_literal(spelling) && spelling.back() != '>')) continue;
    const ontology::Term term = decode(spelling);
    if ((role[id] & 1) != 0) use.see(term);
    if ((role[id] & 2) != 0) use.see(term, true);
  }
  return use;
}

// Predicates are few and met on every line: decoded once.
class Predicates {
 public:
  explicit Predicates(const Spellings& spellings) : spellings_(spellings) {}
  const ontology::Term& operator[](TermId id) {
    auto it = terms_.find(id);
    if (it == terms_.end()) it = terms_.emplace(id, decode(spellings_[id])).first;
    return it->second;
  }

 private:
  const Spellings& spellings_;
  std::unordered_map<TermId, ontology::Term> terms_;
};

void write_turtle_stream(const Store& store, std::ostream& out, const PrefixList& prefixes) {
  QuadStore& quads = *store.native().quads;
  const std::vector<TermId> ignored = quads.subjects();  // flushes
  const Spellings spellings(quads);
  TurtleStream turtle(out, false, prefixes, prefix_use(quads, spellings, prefixes, false));
  Predicates predicates(spellings);
  // One subject's (predicate, object): the predicate terms live in
  // `predicates`, so only objects are decoded and nothing is copied.
  std::vector<std::pair<const ontology::Term*, ontology::Term>> arcs;
  const std::string type(ontology::vocab::rdf::kType);
  const auto arc_order = [&](const auto& a, const auto& b) {
    const bool ta = a.first->value == type, tb = b.first->value == type;
    if (ta != tb) return ta;  // rdf:type first
    if (*a.first != *b.first) return *a.first < *b.first;
    return a.second < b.second;
  };
  std::size_t done = 0;
  for (const auto& [subject, id] : subjects_in_term_order(quads, spellings)) {
    arcs.clear();
    for (QuadCursor c = quads.match({id, kAnyTerm, kAnyTerm, kAnyTerm}, Distinct::Triples); !c.at_end(); c.next()) {
      arcs.emplace_back(&predicates[c.quad().predicate], decode(spellings[c.quad().object]));
    }
    std::sort(arcs.begin(), arcs.end(), arc_order);
    for (const auto& [predicate, object] : arcs) turtle.write(subject, *predicate, object);
    if (++done % kSubjectsPerRelease == 0) quads.env().release_mapped_pages();
  }
  turtle.finish();
}

void write_trig_stream(const Store& store, std::ostream& out, const PrefixList& prefixes) {
  QuadStore& quads = *store.native().quads;
  std::vector<std::pair<std::string, TermId>> graphs;
  for (const TermId id : quads.graphs()) graphs.emplace_back(std::string(), id);
  const Spellings spellings(quads);
  for (auto& [name, id] : graphs) {
    const std::string_view spelling = spellings[id];
    name = spelling == redland::kUnnamedGraph ? std::string() : decode(spelling).value;
  }
  std::sort(graphs.begin(), graphs.end());
  TurtleStream trig(out, true, prefixes, prefix_use(quads, spellings, prefixes, true));
  Predicates predicates(spellings);
  std::vector<ontology::Triple> triples;
  std::size_t done = 0;
  for (const auto& [name, id] : graphs) {
    triples.clear();
    for (QuadCursor c = quads.match({kAnyTerm, kAnyTerm, kAnyTerm, id}, Distinct::Quads); !c.at_end(); c.next()) {
      const IdQuad& q = c.quad();
      triples.push_back({decode(spellings[q.subject]), predicates[q.predicate], decode(spellings[q.object])});
    }
    std::sort(triples.begin(), triples.end(), turtle_order);
    for (const auto& t : triples) trig.write(t.subject, t.predicate, t.object, name.empty() ? nullptr : &name);
    if (++done % 4096 == 0) quads.env().release_mapped_pages();
  }
  trig.finish();
}

std::vector<ontology::Triple> distinct_triples(const Store& store) {
  std::vector<ontology::Triple> triples;
  store.for_each_quad([&](const ontology::Quad& quad) {
    triples.push_back({quad.subject, quad.predicate, quad.object});
  });
  sort_for_turtle(triples);
  return triples;
}

std::string_view format_name(RdfFormat format) {
  switch (format) {
    case RdfFormat::Turtle: return "Turtle";
    case RdfFormat::NTriples: return "N-Triples";
    case RdfFormat::NQuads: return "N-Quads";
    case RdfFormat::TriG: return "TriG";
    case RdfFormat::RdfXml: return "RDF/XML";
  }
  return "?";
}

}  // namespace

void export_rdf(const Store& store, RdfFormat format, std::ostream& out, const ExportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const PrefixList prefixes = export_prefixes(options);
  switch (format) {
    case RdfFormat::NTriples:
      write_lines(store, false, out);
      break;
    case RdfFormat::NQuads:
      write_lines(store, true, out);
      break;
    case RdfFormat::Turtle:
      write_turtle_stream(store, out, prefixes);
      break;
    case RdfFormat::RdfXml: {
      const std::vector<ontology::Triple> triples = distinct_triples(store);
      detail::write_rdfxml(out, triples, prefixes);
      break;
    }
    case RdfFormat::TriG:
      write_trig_stream(store, out, prefixes);
      break;
  }
  out.flush();
  if (!out) throw IoError(fmt::format("writing {} failed", format_name(format)));
  spdlog::debug("export: {} written in {} ms", format_name(format),
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                    .count());
}

void export_rdf_file(const Store& store, RdfFormat format, const std::string& path, const ExportOptions& options) {
  OutputFile file(path);
  try {
    export_rdf(store, format, file.stream(), options);
  } catch (const IoError&) {
    // The stream failed: say where and why, not only that it did.
    if (const auto reason = file.failure()) throw IoError(fmt::format("{}: cannot write: {}", path, *reason));
    throw;
  }
  file.commit();
}

}  // namespace ng::graph
