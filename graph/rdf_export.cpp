#include "graph/rdf_export.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/redland_rdfxml.hpp"
#include "graph/redland_store.hpp"
#include "graph/store.hpp"
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

using detail::kG;
using detail::kO;
using detail::kP;
using detail::kS;
using detail::Order;
using detail::Quad4;
using detail::Ref;

// Lines written through one buffer.
class LineOutput {
 public:
  explicit LineOutput(std::ostream& out) : out_(out) { buffer_.reserve(kSize + 4096); }
  void put(std::string_view text) {
    buffer_ += text;
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

// The store's quads in s p o g order, each once (with `triples`: each
// triple once, whatever graphs hold it). Terms are Refs, which follow
// their N-Triples spellings, so this is the N-Quads (N-Triples) file's
// line order: sorted bytewise, as before the store kept terms sorted.
template <class Visit>
void for_each_sorted(const detail::Generation& base, Order order, bool triples, Visit&& visit) {
  bool first = true;
  Quad4 last{};
  for (const Quad4& stored : base.index(order)) {
    const Quad4 quad = detail::from_layout(stored, order);
    if (triples && !first && quad[kS] == last[kS] && quad[kP] == last[kP] && quad[kO] == last[kO]) continue;
    first = false;
    last = quad;
    visit(quad);
  }
}

void write_lines(const Store& store, bool with_graph, std::ostream& out) {
  Store::Native& native = store.native();
  native.compact();
  const detail::Generation& base = native.base;
  LineOutput lines(out);
  for_each_sorted(base, Order::Spog, !with_graph, [&](const Quad4& quad) {
    lines.put(base.spelling(quad[kS]));
    lines.put(" ");
    lines.put(base.spelling(quad[kP]));
    lines.put(" ");
    lines.put(base.spelling(quad[kO]));
    if (with_graph) {
      lines.put(" ");
      lines.put(base.spelling(quad[kG]));
    }
    lines.put(" .\n");
  });
  lines.flush();
  base.release_pages();
}

// Turtle (distinct triples) or TriG (quads by graph), streamed: each
// subject's statements are gathered (they are adjacent) and written with
// rdf:type first.
void write_turtle_stream(const Store& store, bool trig, std::ostream& out, const PrefixList& given) {
  Store::Native& native = store.native();
  native.compact();
  const detail::Generation& base = native.base;
  const PrefixList prefixes = TurtleStream::with_xsd(given);
  const Order order = trig ? Order::Gspo : Order::Spog;
  // Which prefixes appear: each term once, in the positions it is used.
  std::vector<bool> as_term(base.term_count()), as_predicate(base.term_count());
  for_each_sorted(base, order, !trig, [&](const Quad4& quad) {
    as_term[quad[kS]] = true;
    as_term[quad[kO]] = true;
    as_predicate[quad[kP]] = true;
    if (trig) as_term[quad[kG]] = true;
  });
  std::set<std::string> used;
  for (Ref ref = 0; ref < base.term_count(); ++ref) {
    if (as_term[ref]) TurtleStream::see_prefixes(prefixes, base.spelling(ref), false, used);
    if (as_predicate[ref]) TurtleStream::see_prefixes(prefixes, base.spelling(ref), true, used);
  }
  as_term = {};
  as_predicate = {};

  const auto type = base.find(std::string("<") + std::string(ontology::vocab::rdf::kType) + ">");
  TurtleStream stream(out, prefixes, used, trig);
  std::vector<Quad4> subject;  // one subject's statements (in one graph)
  const auto flush_subject = [&] {
    // rdf:type first, the rest in order.
    std::stable_partition(subject.begin(), subject.end(), [&](const Quad4& q) { return type && q[kP] == *type; });
    for (const Quad4& q : subject) {
      stream.write(base.spelling(q[kS]), base.spelling(q[kP]), base.spelling(q[kO]),
                   trig ? base.spelling(q[kG]) : std::string_view());
    }
    subject.clear();
  };
  for_each_sorted(base, order, !trig, [&](const Quad4& quad) {
    if (!subject.empty() && (quad[kS] != subject.front()[kS] || (trig && quad[kG] != subject.front()[kG]))) {
      flush_subject();
    }
    subject.push_back(quad);
  });
  flush_subject();
  stream.finish();
  base.release_pages();
}

std::vector<ontology::Triple> distinct_triples(const Store& store) {
  Store::Native& native = store.native();
  native.compact();
  const detail::Generation& base = native.base;
  std::vector<ontology::Triple> triples;
  for_each_sorted(base, Order::Spog, true, [&](const Quad4& quad) {
    triples.push_back({detail::parse_spelling(base.spelling(quad[kS])), detail::parse_spelling(base.spelling(quad[kP])),
                       detail::parse_spelling(base.spelling(quad[kO]))});
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
      write_turtle_stream(store, false, out, prefixes);
      break;
    case RdfFormat::RdfXml: {
      const std::vector<ontology::Triple> triples = distinct_triples(store);
      detail::write_rdfxml(out, triples, prefixes);
      break;
    }
    case RdfFormat::TriG:
      write_turtle_stream(store, true, out, prefixes);
      break;
  }
  out.flush();
  if (!out) throw IoError(fmt::format("writing {} failed", format_name(format)));
  spdlog::info("export: {} written in {} ms", format_name(format),
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                   .count());
}

void export_rdf_file(const Store& store, RdfFormat format, const std::string& path, const ExportOptions& options) {
  const std::string tmp = path + ".tmp";
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw IoError(fmt::format("cannot create {}", tmp));
      export_rdf(store, format, out, options);
      out.close();
      if (!out) throw IoError(fmt::format("cannot write {}", tmp));
    }
    std::filesystem::rename(tmp, path);
  } catch (const std::filesystem::filesystem_error& e) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw IoError(fmt::format("cannot write {}: {}", path, e.code().message()));
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw;
  }
}

}  // namespace ng::graph
