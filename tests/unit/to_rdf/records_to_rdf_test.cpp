#include <catch2/catch.hpp>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"
#include "loaders/to_rdf/records_to_rdf.hpp"
#include "ontology/vocabulary.hpp"
#include "rdf_test_support.hpp"

using namespace ng;
namespace v = ng::ontology::vocab;

TEST_CASE("a record and an article that name the same entity meet on one IRI", "[to_rdf][records]") {
  loaders::RecordSet records;
  records.file = "officials.csv";
  loaders::EntityRecord nsc;
  nsc.id = "nsc";
  nsc.type = ontology::EntityType::Organization;
  nsc.name = "Northern Sea Council";
  nsc.aliases = {"NSC"};
  nsc.same_as = {"https://www.wikidata.org/entity/Q0"};
  records.entities.push_back(nsc);
  loaders::StatementRecord said;
  said.id = "s1";
  said.speaker = "nsc";
  said.text = "Quotas will fall.";
  said.about = {"nobody-known"};
  records.statements.push_back(said);

  loaders::EntityCatalog catalog;
  loaders::InputReport report;
  const ontology::IriMinter minter;
  const auto graph = loaders::records_to_rdf(records, "file:///r/officials.csv", catalog, minter, report);
  const auto orgs = test::subjects_of_type(graph.quads, v::schema::kOrganization);
  REQUIRE(orgs.size() == 1);
  CHECK(test::has(graph.quads, orgs.front(), v::schema::kSameAs, "https://www.wikidata.org/entity/Q0"));
  // The unknown "about" is a warning naming it, not an error.
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems.front().message.find("nobody-known") != std::string::npos);

  loaders::Article article;
  article.url = "file:///a.txt";
  article.title = "Quotas";
  article.body = "The NSC said on Monday that quotas would fall.";
  const auto document = nlp::analyze(article.full_text(), nlp::Lexicon::builtin());
  const loaders::EntityResolver resolver(catalog, minter);
  const auto mapped = loaders::article_to_rdf(article, document, resolver, minter);
  CHECK(test::has(mapped.quads, mapped.article_iri, v::schema::kMentions, orgs.front()));
}
