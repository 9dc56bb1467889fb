#pragma once
// Deterministic, safe IRIs under a configurable base. The same entity name
// and type always give the same IRI, in every article and every run, which
// is what merges "the same entity found in two articles" into one node.
// Minted IRIs hold only [a-z0-9_-] after the base, so no IRI needs escaping
// and Turtle writers can abbreviate them with a prefix.

#include <cstddef>
#include <string>
#include <string_view>

#include "ontology/entity_type.hpp"

namespace ng::ontology {

class IriMinter {
 public:
  static constexpr std::string_view kDefaultBase = "https://newsgraph.example/";

  // Throws UsageError when `base` is not an absolute http(s), urn or file IRI
  // or holds characters not allowed in an IRI. A base not ending in '/' or
  // '#' gets a '/'.
  explicit IriMinter(std::string base = std::string(kDefaultBase));

  const std::string& base() const noexcept { return base_; }

  // Namespaces of each kind of node, for prefixes ("person:" ...).
  std::string person_namespace() const { return base_ + "person/"; }
  std::string organization_namespace() const { return base_ + "organization/"; }
  std::string place_namespace() const { return base_ + "place/"; }
  std::string article_namespace() const { return base_ + "article/"; }
  std::string statement_namespace() const { return base_ + "statement/"; }
  std::string role_namespace() const { return base_ + "role/"; }

  std::string entity(EntityType type, std::string_view name) const;
  // An article's IRI from its url: a slug of the last path segment, then a
  // short hash of the whole url so that two "index.html" never collide.
  std::string article(std::string_view url) const;
  // The i-th statement of an article (i counts from 0 in text order).
  std::string statement(std::string_view article_iri, std::size_t index) const;
  std::string role(std::string_view title) const;
  std::string membership(std::string_view person_iri, std::string_view role_iri,
                         std::string_view organization_iri) const;
  // A record set's named graph, from the file's url.
  std::string records(std::string_view url) const;
  // A NIF-style span IRI inside an article: "<article>#char=begin,end".
  static std::string span(std::string_view article_iri, std::size_t begin, std::size_t end);

  // Lower-case ASCII slug: transliterated, runs of other characters as '_',
  // at most 64 characters (longer names end in a hash to stay unique).
  static std::string slug(std::string_view text);

 private:
  std::string base_;
};

}  // namespace ng::ontology
