#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"
#include "loaders/to_rdf/mapping_layers.hpp"
#include "ontology/vocabulary.hpp"

using namespace ng;
namespace v = ng::ontology::vocab;

namespace {

const ontology::IriMinter& minter() {
  static const ontology::IriMinter instance;
  return instance;
}

// An article with a dateline credit, a role, statements (direct and
// reported, one with a speaker named in the sentence), and names written in
// several ways.
loaders::Article article() {
  loaders::Article a;
  a.url = "file:///news/bridge.txt";
  a.title = "Bridge tolls to rise";
  a.body =
      "VELMORA (Northwire) - Transport Minister Edda Korvin said on Monday that tolls on the Sarn Bridge would rise "
      "by a fifth in March.\n\n"
      "\u201CThe bridge has to pay for its own repairs,\u201D Korvin told reporters in Velmora. The Velmora Drivers "
      "Club said the rise was unfair, and its chairman, Piet Lorrin, warned that hauliers would take the coast road.\n";
  a.date_published = "2026-04-02";
  return a;
}

std::vector<ontology::Quad> sorted(std::vector<ontology::Quad> quads) {
  std::sort(quads.begin(), quads.end());
  return quads;
}

struct Fresh {
  loaders::Article article = ::article();
  nlp::Document document = nlp::analyze(article.full_text(), nlp::Lexicon::builtin());
  loaders::EntityCatalog known;
  loaders::EntityResolver resolver{known, minter()};
  Fresh() {
    for (const auto& claim : loaders::entity_claims(document)) resolver.add_found(claim);
  }
  std::vector<ontology::Quad> map(const loaders::MappingLayers& layers) const {
    std::vector<ontology::Quad> quads;
    loaders::article_to_rdf(article, document.text, layers, resolver, minter(), {}, 64,
                            [&](std::vector<ontology::Quad>&& chunk) {
                              quads.insert(quads.end(), chunk.begin(), chunk.end());
                            });
    return sorted(std::move(quads));
  }
};

}  // namespace

TEST_CASE("an article maps to the same quads from its stored layers as from its extraction", "[to_rdf][layers]") {
  const Fresh fresh;
  REQUIRE(fresh.document.statements.size() >= 2);
  REQUIRE(std::any_of(fresh.document.entities.begin(), fresh.document.entities.end(),
                      [](const nlp::Entity& e) { return !e.roles.empty(); }));
  const loaders::MappingLayers layers = loaders::mapping_layers(fresh.document);
  REQUIRE(std::any_of(layers.sentences.begin(), layers.sentences.end(),
                      [](const loaders::MappedSentence& s) { return !s.credit.empty(); }));
  const std::string stored = loaders::to_stored_layers(layers, fresh.document.text);
  const auto parsed = loaders::parse_stored_layers(stored, loaders::entity_claims(fresh.document), fresh.document.text);
  REQUIRE(parsed);
  CHECK(loaders::to_stored_layers(*parsed, fresh.document.text) == stored);

  const std::vector<ontology::Quad> from_document =
      sorted(loaders::article_to_rdf(fresh.article, fresh.document, fresh.resolver, minter()).quads);
  CHECK(fresh.map(*parsed) == from_document);
  CHECK(fresh.map(layers) == from_document);

  SECTION("and the graph holds the stored form with the text") {
    const auto holds = [&](const std::vector<ontology::Quad>& quads) {
      return std::count_if(quads.begin(), quads.end(), [&](const ontology::Quad& q) {
        return q.predicate.value == v::newsgraph::kMappingLayers && q.object.value == stored;
      });
    };
    CHECK(holds(from_document) == 1);
    loaders::MappingOptions without_text;
    without_text.keep_text = false;
    CHECK(holds(loaders::article_to_rdf(fresh.article, fresh.document, fresh.resolver, minter(), without_text)
                    .quads) == 0);
  }
  SECTION("and the stored form is a small part of the text") {
    INFO(stored);
    CHECK(stored.size() < fresh.document.text.size());
  }
}

TEST_CASE("a stored form that does not fit the article is not read", "[to_rdf][layers]") {
  const Fresh fresh;
  const std::string& text = fresh.document.text;
  const std::vector<loaders::EntityClaim> claims = loaders::entity_claims(fresh.document);
  const std::string stored = loaders::to_stored_layers(loaders::mapping_layers(fresh.document), text);
  REQUIRE(loaders::parse_stored_layers(stored, claims, text));

  CHECK_FALSE(loaders::parse_stored_layers("L0," + stored.substr(3), claims, text));  // another version
  CHECK_FALSE(loaders::parse_stored_layers(stored.substr(0, stored.size() - 1), claims, text));
  CHECK_FALSE(loaders::parse_stored_layers(stored + "1,", claims, text));
  CHECK_FALSE(loaders::parse_stored_layers("", claims, text));
  CHECK_FALSE(loaders::parse_stored_layers("{\"entities\":[]}", claims, text));
  // Claims of another extraction (one entity fewer).
  std::vector<loaders::EntityClaim> fewer = claims;
  fewer.pop_back();
  CHECK_FALSE(loaders::parse_stored_layers(stored, fewer, text));
  // Another text: offsets past its end.
  CHECK_FALSE(loaders::parse_stored_layers(stored, claims, text.substr(0, text.size() / 2)));
  // A count far beyond what the form holds.
  CHECK_FALSE(loaders::parse_stored_layers("L1,99999999999,", claims, text));
}

TEST_CASE("an article without statements or entities has layers too", "[to_rdf][layers]") {
  const std::string text = "Weather\n\nrain and more rain, then sun on the hills by the evening.";
  const nlp::Document document = nlp::analyze(text, nlp::Lexicon::builtin());
  const loaders::MappingLayers layers = loaders::mapping_layers(document);
  const std::string stored = loaders::to_stored_layers(layers, text);
  const auto parsed = loaders::parse_stored_layers(stored, loaders::entity_claims(document), text);
  REQUIRE(parsed);
  CHECK(parsed->sentences.size() == document.sentences.size());
  CHECK(loaders::to_stored_layers(*parsed, text) == stored);
}
