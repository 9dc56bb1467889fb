#include "graph/turtle_writer.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "common/c_deleter.hpp"
#include "common/error.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

namespace {

namespace vocab = ontology::vocab;

using EnvPtr = std::unique_ptr<SerdEnv, CDeleter<serd_env_free>>;
using WriterPtr = std::unique_ptr<SerdWriter, CDeleter<serd_writer_free>>;

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }

// Conservative PN_LOCAL: ASCII letters, digits, '_', and '-' or '.' inside
// (never last). Anything else is written as a full IRI.
bool is_plain_local_name(std::string_view local) {
  for (std::size_t i = 0; i < local.size(); ++i) {
    const auto c = static_cast<unsigned char>(local[i]);
    const bool inner = i > 0 && i + 1 < local.size();
    if (std::isalnum(c) == 0 && c != '_' && !(inner && (c == '-' || c == '.'))) return false;
  }
  return true;
}

// Whether serd may write the literal bare (42, 1.5, true): it does so for
// these datatypes without looking at the lexical form.
bool is_bare_literal(std::string_view lexical, std::string_view datatype) {
  std::size_t i = 0;
  if (datatype == vocab::xsd::kBoolean) return lexical == "true" || lexical == "false";
  if (!lexical.empty() && (lexical[0] == '+' || lexical[0] == '-')) i = 1;
  const auto digits = [&](std::size_t from) {
    std::size_t to = from;
    while (to < lexical.size() && std::isdigit(static_cast<unsigned char>(lexical[to])) != 0) ++to;
    return to;
  };
  if (datatype == vocab::xsd::kInteger) {
    const std::size_t end = digits(i);
    return end > i && end == lexical.size();
  }
  if (datatype == "http://www.w3.org/2001/XMLSchema#decimal") {
    const std::size_t dot = digits(i);
    if (dot >= lexical.size() || lexical[dot] != '.') return false;
    const std::size_t end = digits(dot + 1);
    return end > dot + 1 && end == lexical.size();
  }
  return true;  // serd writes other datatypes as "..."^^<...>
}

// The prefix whose namespace is the longest start of `iri`, if the rest
// is a plain local name.
const std::pair<std::string, std::string>* qualify(const PrefixList& prefixes, const std::string& iri) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& entry : prefixes) {
    if (iri.starts_with(entry.second) && (best == nullptr || entry.second.size() > best->second.size())) {
      best = &entry;
    }
  }
  if (best != nullptr && is_plain_local_name(std::string_view(iri).substr(best->second.size()))) return best;
  return nullptr;
}

bool serd_abbreviates(std::string_view datatype) {
  return datatype == vocab::xsd::kInteger || datatype == vocab::xsd::kBoolean ||
         datatype == "http://www.w3.org/2001/XMLSchema#decimal";
}

// A blank node label valid in Turtle (labels from other tools may not be).
std::string blank_label(const std::string& label) {
  const bool valid = !label.empty() && std::all_of(label.begin(), label.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
  if (valid) return label;
  std::string hex = "x";
  for (unsigned char c : label) hex += fmt::format("{:02x}", c);
  return hex;
}

size_t stream_sink(const void* buf, size_t len, void* stream) noexcept {
  auto* out = static_cast<std::ostream*>(stream);
  try {
    out->write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
  } catch (...) {
    return 0;
  }
  return out->good() ? len : 0;
}

// The prefix list to write with: the caller's, plus xsd (needed to force
// quoted numbers) when the caller did not give it.
PrefixList with_xsd(const PrefixList& prefixes) {
  PrefixList all = prefixes;
  const bool has_xsd = std::any_of(all.begin(), all.end(), [](const auto& p) { return p.first == "xsd"; });
  if (!has_xsd) all.emplace_back("xsd", std::string(vocab::xsd::kNamespace));
  return all;
}

int predicate_rank(const ontology::Term& predicate) { return predicate.value == vocab::rdf::kType ? 0 : 1; }

}  // namespace

namespace detail {

class SerdOutput {
 public:
  SerdOutput(std::ostream& out, SerdSyntax syntax, const PrefixList& prefixes, const std::set<std::string>& used)
      : out_(out), prefixes_(prefixes), env_(serd_env_new(nullptr)) {
    if (!env_) throw IoError("serd: out of memory");
    // SERD_STYLE_BULK: serd collects its output in 4 KB pages instead of
    // calling the sink for every few bytes (a literal's escaping goes a byte
    // at a time); the bytes are the same, and finish() flushes the last page.
    writer_.reset(serd_writer_new(syntax, static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_BULK), env_.get(),
                                  nullptr, stream_sink, &out));
    if (!writer_) throw IoError("serd: out of memory");
    for (const auto& [prefix, iri] : prefixes_) {
      if (!used.contains(prefix)) continue;
      const SerdNode name = serd_node_from_string(SERD_LITERAL, bytes(prefix));
      const SerdNode uri = serd_node_from_string(SERD_URI, bytes(iri));
      serd_writer_set_prefix(writer_.get(), &name, &uri);
    }
  }

  void write(const ontology::Term& s, const ontology::Term& p, const ontology::Term& o, const std::string* graph) {
    const SerdNode g = graph != nullptr ? iri_node(*graph, graph_) : SERD_NODE_NULL;
    // A subject comes with each of its statements, and the same few dozen
    // predicates and datatypes with every subject: their nodes are made
    // once (qualify() tries every prefix), objects' each time.
    if (!has_subject_ || s != last_subject_) {
      last_subject_ = s;
      subject_node_ = node(last_subject_, subject_);
      has_subject_ = true;
    }
    // rdf:type as a full IRI, so that serd writes it as `a`.
    const SerdNode pn = p.value == vocab::rdf::kType ? serd_node_from_string(SERD_URI, bytes(p.value)) : known_iri(p.value);
    const SerdNode on = node(o, object_);
    SerdNode dn = SERD_NODE_NULL;
    SerdNode ln = SERD_NODE_NULL;
    if (o.is_literal() && !o.language.empty()) {
      ln = serd_node_from_string(SERD_LITERAL, bytes(o.language));
    } else if (o.is_literal() && !o.datatype.empty()) {
      if (serd_abbreviates(o.datatype)) {
        // serd writes 42 / 3.14 / true bare when it sees the full xsd IRI,
        // without checking the lexical form; a CURIE keeps it quoted.
        const bool bare = is_bare_literal(o.value, o.datatype);
        if (bare) {
          dn = serd_node_from_string(SERD_URI, bytes(o.datatype));
        } else {
          datatype_.text = "xsd:" + o.datatype.substr(vocab::xsd::kNamespace.size());
          dn = serd_node_from_string(SERD_CURIE, bytes(datatype_.text));
        }
      } else {
        dn = known_iri(o.datatype);
      }
    }
    if (serd_writer_write_statement(writer_.get(), 0, graph != nullptr ? &g : nullptr, &subject_node_, &pn, &on, &dn,
                                    &ln) != SERD_SUCCESS) {
      throw IoError("serd could not write a statement (" + ontology::to_ntriples(s) + " ...)");
    }
  }

  void finish() {
    serd_writer_finish(writer_.get());
    out_.flush();
    if (!out_) throw IoError("write failed while writing Turtle/TriG");
  }

 private:
  struct Node {
    std::string text;  // keeps the bytes a SerdNode points to
  };

  SerdNode iri_node(const std::string& iri, Node& keep) {
    if (const auto* best = qualify(prefixes_, iri)) {
      keep.text.assign(best->first).append(1, ':').append(iri, best->second.size());
      return serd_node_from_string(SERD_CURIE, bytes(keep.text));
    }
    keep.text = iri;
    return serd_node_from_string(SERD_URI, bytes(keep.text));
  }

  // iri_node for predicates and datatypes, remembered (a node's bytes stay
  // where they are: unordered_map does not move its elements).
  SerdNode known_iri(const std::string& iri) {
    auto it = known_.find(iri);
    if (it == known_.end()) {
      Node keep;
      const SerdType type = iri_node(iri, keep).type;
      it = known_.emplace(iri, std::pair{type, std::move(keep.text)}).first;
    }
    return serd_node_from_string(it->second.first, bytes(it->second.second));
  }

  // The node of a term; a literal's points into the term itself.
  SerdNode node(const ontology::Term& term, Node& keep) {
    switch (term.kind) {
      case ontology::Term::Kind::Iri:
        return iri_node(term.value, keep);
      case ontology::Term::Kind::Blank:
        keep.text = blank_label(term.value);
        return serd_node_from_string(SERD_BLANK, bytes(keep.text));
      case ontology::Term::Kind::Literal:
        break;
    }
    return serd_node_from_substring(SERD_LITERAL, bytes(term.value), term.value.size());
  }

  Node graph_, subject_, object_, datatype_;
  ontology::Term last_subject_;
  SerdNode subject_node_ = SERD_NODE_NULL;
  bool has_subject_ = false;
  std::unordered_map<std::string, std::pair<SerdType, std::string>> known_;
  std::ostream& out_;
  const PrefixList& prefixes_;
  EnvPtr env_;
  WriterPtr writer_;
};

void SerdOutputDeleter::operator()(SerdOutput* output) const noexcept { delete output; }

}  // namespace detail

PrefixUse::PrefixUse(const PrefixList& prefixes) : prefixes_(with_xsd(prefixes)) {}

void PrefixUse::see(const ontology::Term& term, bool as_predicate) {
  if (as_predicate && term.value == vocab::rdf::kType) return;  // written `a`
  if (term.is_iri()) {
    if (const auto* best = qualify(prefixes_, term.value)) used_.insert(best->first);
  }
  if (term.is_literal() && term.language.empty() && !term.datatype.empty()) {
    if (serd_abbreviates(term.datatype)) {
      if (!is_bare_literal(term.value, term.datatype)) used_.insert("xsd");
    } else if (const auto* best = qualify(prefixes_, term.datatype)) {
      used_.insert(best->first);
    }
  }
}

TurtleStream::TurtleStream(std::ostream& out, bool trig, const PrefixList& prefixes, const PrefixUse& use)
    : prefixes_(with_xsd(prefixes)),
      output_(new detail::SerdOutput(out, trig ? SERD_TRIG : SERD_TURTLE, prefixes_, use.used())) {}

void TurtleStream::write(const ontology::Term& subject, const ontology::Term& predicate, const ontology::Term& object,
                         const std::string* graph) {
  output_->write(subject, predicate, object, graph);
}

void TurtleStream::finish() { output_->finish(); }

bool turtle_order(const ontology::Triple& a, const ontology::Triple& b) {
  const int ra = predicate_rank(a.predicate), rb = predicate_rank(b.predicate);
  return std::tie(a.subject, ra, a.predicate, a.object) < std::tie(b.subject, rb, b.predicate, b.object);
}

void sort_for_turtle(std::vector<ontology::Triple>& triples) {
  std::sort(triples.begin(), triples.end(), [&](const auto& a, const auto& b) {
    const int ra = predicate_rank(a.predicate), rb = predicate_rank(b.predicate);
    return std::tie(a.subject, ra, a.predicate, a.object) < std::tie(b.subject, rb, b.predicate, b.object);
  });
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
}

void sort_for_trig(std::vector<ontology::Quad>& quads) {
  std::sort(quads.begin(), quads.end(), [](const auto& a, const auto& b) {
    const int ra = predicate_rank(a.predicate), rb = predicate_rank(b.predicate);
    return std::tie(a.graph_name, a.subject, ra, a.predicate, a.object) <
           std::tie(b.graph_name, b.subject, rb, b.predicate, b.object);
  });
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
}

void write_turtle(std::ostream& out, std::span<const ontology::Triple> triples, const PrefixList& prefixes) {
  PrefixUse use(prefixes);
  for (const auto& t : triples) {
    use.see(t.subject);
    use.see(t.predicate, true);
    use.see(t.object);
  }
  TurtleStream output(out, false, prefixes, use);
  for (const auto& t : triples) output.write(t.subject, t.predicate, t.object);
  output.finish();
}

void write_trig(std::ostream& out, std::span<const ontology::Quad> quads, const PrefixList& prefixes) {
  PrefixUse use(prefixes);
  for (const auto& q : quads) {
    use.see(q.subject);
    use.see(q.predicate, true);
    use.see(q.object);
    if (!q.graph_name.empty()) use.see(ontology::Term::iri(q.graph_name));
  }
  TurtleStream output(out, true, prefixes, use);
  for (const auto& q : quads) {
    output.write(q.subject, q.predicate, q.object, q.graph_name.empty() ? nullptr : &q.graph_name);
  }
  output.finish();
}

}  // namespace ng::graph
