#include "pipeline/stored_state.hpp"

#include <fmt/format.h>

#include "graph/sparql.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/user_catalog.hpp"

namespace ng::pipeline {

namespace {

namespace v = ontology::vocab;

// The one value of (subject, predicate), or nothing when it has none or several.
std::optional<std::string> single(const graph::Store& store, const std::string& subject, std::string_view predicate) {
  const std::vector<ontology::Term> values = store.objects(subject, predicate);
  if (values.size() != 1) return std::nullopt;
  return values.front().value;
}

}  // namespace

std::unordered_map<std::string, std::optional<std::string>> load_fingerprints(const graph::Store& store) {
  std::unordered_map<std::string, std::optional<std::string>> out;
  // One range of the predicate's index (SPARQL would go through its term
  // table for 20,000 terms at 10,000 articles, twice the time).
  const std::optional<graph::TermId> predicate =
      store.id_of(ontology::Term::iri(std::string(v::newsgraph::kContentHash)));
  if (!predicate) return out;
  for (graph::QuadCursor c = store.match({graph::kAnyTerm, *predicate, graph::kAnyTerm, graph::kAnyTerm},
                                         graph::Distinct::Triples);
       !c.at_end(); c.next()) {
    auto [it, added] = out.try_emplace(store.term_of(c.quad().subject).value, store.term_of(c.quad().object).value);
    if (!added) it->second.reset();
  }
  return out;
}

std::map<std::string, std::optional<loaders::StoredExtraction>> load_extractions(const graph::Store& store) {
  std::map<std::string, std::optional<loaders::StoredExtraction>> out;
  // Every article, with or without an extraction.
  const std::string articles =
      fmt::format("SELECT ?a WHERE {{ ?a a <{}> }}", std::string(v::schema::kNewsArticle));
  for (const auto& row : graph::run_query(store, articles).rows) {
    if (!row.empty() && row[0] && row[0]->is_iri()) out.try_emplace(row[0]->value);
  }
  const std::string extractions =
      fmt::format("SELECT ?a ?x WHERE {{ ?a <{}> ?x }}", std::string(v::newsgraph::kExtraction));
  std::set<std::string> seen;
  for (const auto& row : graph::run_query(store, extractions).rows) {
    if (row.size() < 2 || !row[0] || !row[1]) continue;
    auto& slot = out[row[0]->value];
    if (!seen.insert(row[0]->value).second) {
      slot.reset();  // two: the article is not what this newsgraph writes
      continue;
    }
    slot = loaders::parse_stored_extraction(row[1]->value);
  }
  return out;
}

std::optional<loaders::StoredExtraction> stored_extraction(const graph::Store& store, const std::string& iri) {
  const std::optional<std::string> json = single(store, iri, v::newsgraph::kExtraction);
  if (!json) return std::nullopt;
  return loaders::parse_stored_extraction(*json);
}

std::vector<ontology::Quad> graph_quads(const graph::Store& store, const std::string& graph_name) {
  std::vector<ontology::Quad> quads;
  const std::optional<graph::TermId> graph = store.id_of(ontology::Term::iri(graph_name));
  if (!graph) return quads;
  for (graph::QuadCursor c = store.match({graph::kAnyTerm, graph::kAnyTerm, graph::kAnyTerm, *graph},
                                         graph::Distinct::Quads);
       !c.at_end(); c.next()) {
    const graph::IdQuad& q = c.quad();
    quads.push_back({store.term_of(q.subject), store.term_of(q.predicate), store.term_of(q.object), graph_name});
  }
  return quads;
}

void load_known_entities(const graph::Store& store, const std::string& records_prefix,
                         const std::set<std::string>& skip, loaders::EntityCatalog& catalog) {
  for (const std::string& name : store.graph_names()) {
    if (!name.starts_with(records_prefix) || skip.count(name)) continue;
    add_catalog_entities(graph_quads(store, name), catalog);
  }
}

std::optional<loaders::Article> stored_article(const graph::Store& store, const std::string& iri,
                                               const loaders::StoredExtraction& extraction) {
  const auto text = single(store, iri, v::nif::kIsString);
  const auto url = single(store, iri, v::schema::kUrl);
  const auto fingerprint = single(store, iri, v::newsgraph::kContentHash);
  if (!text || !url || !fingerprint) return std::nullopt;
  loaders::Article article;
  article.url = *url;
  article.origin = *url;
  article.title = single(store, iri, v::schema::kHeadline).value_or("");
  if (article.title.empty()) {
    article.body = *text;
  } else if (*text != article.title) {
    if (!text->starts_with(article.title + "\n\n")) return std::nullopt;
    article.body = text->substr(article.title.size() + 2);
  }
  article.language = single(store, iri, v::schema::kInLanguage);
  article.date_published = extraction.date_published;
  article.author = extraction.author;
  article.publisher = extraction.publisher;
  if (loaders::article_fingerprint(article) != *fingerprint) return std::nullopt;
  return article;
}

std::optional<std::string> stored_mapping_layers(const graph::Store& store, const std::string& iri) {
  return single(store, iri, v::newsgraph::kMappingLayers);
}

}  // namespace ng::pipeline
