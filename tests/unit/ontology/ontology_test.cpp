#include <catch2/catch.hpp>

#include <string>

#include "ontology/ontology_text.hpp"
#include "ontology/vocabulary.hpp"

using namespace ng::ontology;

TEST_CASE("every ng: term newsgraph writes is declared in the ontology", "[ontology]") {
  const std::string_view ttl = ontology_turtle();
  namespace n = vocab::newsgraph;
  for (std::string_view iri : {n::kStatementKind, n::kMention, n::kStatementRecordSet, n::kDirectQuote,
                               n::kReportedSpeech, n::kStatementKindProperty, n::kReportingVerb, n::kConfidence,
                               n::kQuoteSpan, n::kSpeakerMention, n::kSentence, n::kContentHash, n::kExtraction,
                               n::kMappingLayers,
                               n::kDateTimePublished, n::kDateTimeCreated, n::kJurisdiction,
                               n::kMentionCount, n::kRecordId}) {
    const std::string local = "ng:" + std::string(iri.substr(n::kNamespace.size()));
    INFO(local);
    CHECK(ttl.find("\n" + local + " a ") != std::string_view::npos);
  }
}

TEST_CASE("the ontology ties its terms to standard vocabularies", "[ontology]") {
  const std::string_view ttl = ontology_turtle();
  CHECK(ttl.find("rdfs:subPropertyOf") != std::string_view::npos);
  CHECK(ttl.find("rdfs:subClassOf nif:Phrase") != std::string_view::npos);
  CHECK(ttl.find("owl:Ontology") != std::string_view::npos);
}
