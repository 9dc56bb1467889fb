#pragma once
// The part of an RDF graph that evaluation reads: articles, the entities they
// mention with their kinds and names, and statements with their text,
// speakers and what they are about. This is the output contract of the
// README ("What the graph holds"), read the way docs/evaluation.md describes,
// so a graph written by any tool that follows the contract can be scored:
// https://schema.org/ reads as http://schema.org/, schema.org subclasses of
// Person, Organization and Place count, and so does any class the graph
// itself declares rdfs:subClassOf one of them (transitively).
//
// Built once from triples (named graphs do not matter: the union is read);
// immutable afterwards, so it may be read from several threads.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evaluation/gold.hpp"
#include "ontology/term.hpp"

namespace ng::evaluation {

using NodeId = std::uint32_t;

class ContractGraph {
 public:
  // Duplicates (the same triple in two files or two named graphs) count once.
  explicit ContractGraph(std::span<const ontology::Triple> triples);

  std::size_t triple_count() const noexcept { return triple_count_; }
  const ontology::Term& term(NodeId node) const { return terms_[node]; }
  // The node of an IRI (http://schema.org/ spelling), if the graph has it.
  std::optional<NodeId> iri_node(std::string_view iri) const;

  // Article nodes (typed schema:NewsArticle, schema:Article,
  // schema:CreativeWork or a subclass) whose IRI, schema:url,
  // schema:identifier or dcterms:source ends with `doc` or with `doc`
  // without ".txt", preceded by nothing or by a character that is not a
  // letter or digit ("/", ":", "_").
  std::vector<NodeId> articles_for(std::string_view doc) const;
  // Objects of `?article schema:mentions ?e`, sorted by display name, then IRI.
  std::vector<NodeId> mentions(std::span<const NodeId> articles) const;
  // schema:Quotation nodes that are schema:isPartOf an article (or that an
  // article schema:hasPart), sorted by text, then IRI.
  std::vector<NodeId> statements(std::span<const NodeId> articles) const;

  // The contract kinds of a node, in the order of their names
  // (Organization, Person, Place).
  std::vector<EntityKind> kinds(NodeId node) const;
  bool has_kind(NodeId node, EntityKind kind) const;
  // Normalised names: schema:name, rdfs:label, skos:prefLabel, skos:altLabel,
  // schema:alternateName literals, through normalize_name.
  const std::set<std::string>& names(NodeId node) const;
  // A name for reports: the smallest schema:name, else the smallest
  // normalised name, else the IRI.
  std::string display(NodeId node) const;

  // A statement's schema:text values, sorted and joined with a space.
  std::string text(NodeId statement) const;
  // schema:creator, schema:spokenByCharacter and schema:author objects.
  std::vector<NodeId> speakers(NodeId statement) const;
  // schema:about objects, sorted by IRI.
  std::vector<NodeId> about(NodeId statement) const;

 private:
  NodeId intern(const ontology::Term& term);
  const NodeId* find_iri(std::string_view iri) const;
  const std::vector<NodeId>& objects(NodeId subject, NodeId predicate) const;
  const std::vector<NodeId>& subjects(NodeId predicate, NodeId object) const;
  std::vector<NodeId> objects_of(NodeId subject, std::string_view predicate_iri) const;
  unsigned labels(NodeId node) const;
  void resolve_class_labels(const std::vector<std::pair<NodeId, NodeId>>& subclass_pairs);

  std::vector<ontology::Term> terms_;
  std::unordered_map<std::string, NodeId> ids_;  // N-Triples spelling -> id
  std::size_t triple_count_ = 0;
  std::unordered_map<std::uint64_t, std::vector<NodeId>> objects_;   // (subject, predicate) -> objects
  std::unordered_map<std::uint64_t, std::vector<NodeId>> subjects_;  // (predicate, object) -> subjects
  std::unordered_map<NodeId, unsigned> class_labels_;                // class -> ClassLabel bits
  std::unordered_map<NodeId, std::set<std::string>> names_;
  std::vector<std::pair<NodeId, std::vector<std::string>>> article_keys_;
};

}  // namespace ng::evaluation
