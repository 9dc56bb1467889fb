#pragma once
// IRI constants of every term newsgraph writes. The terms of our own
// namespace (ng:) are defined, with labels and their ties to the standard
// vocabularies, in ontology/newsgraph.ttl; a unit test checks that every ng:
// constant here is declared there.

#include <array>
#include <string_view>
#include <utility>

namespace ng::ontology::vocab {

#define NG_TERM(name, iri) inline constexpr std::string_view name = iri

namespace rdf {
NG_TERM(kNamespace, "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
NG_TERM(kType, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
}  // namespace rdf

namespace rdfs {
NG_TERM(kNamespace, "http://www.w3.org/2000/01/rdf-schema#");
NG_TERM(kLabel, "http://www.w3.org/2000/01/rdf-schema#label");
NG_TERM(kComment, "http://www.w3.org/2000/01/rdf-schema#comment");
NG_TERM(kSubClassOf, "http://www.w3.org/2000/01/rdf-schema#subClassOf");
}  // namespace rdfs

namespace xsd {
NG_TERM(kNamespace, "http://www.w3.org/2001/XMLSchema#");
NG_TERM(kString, "http://www.w3.org/2001/XMLSchema#string");
NG_TERM(kInteger, "http://www.w3.org/2001/XMLSchema#integer");
NG_TERM(kNonNegativeInteger, "http://www.w3.org/2001/XMLSchema#nonNegativeInteger");
NG_TERM(kDouble, "http://www.w3.org/2001/XMLSchema#double");
NG_TERM(kDate, "http://www.w3.org/2001/XMLSchema#date");
NG_TERM(kDateTime, "http://www.w3.org/2001/XMLSchema#dateTime");
NG_TERM(kBoolean, "http://www.w3.org/2001/XMLSchema#boolean");
}  // namespace xsd

namespace owl {
NG_TERM(kNamespace, "http://www.w3.org/2002/07/owl#");
NG_TERM(kSameAs, "http://www.w3.org/2002/07/owl#sameAs");
}  // namespace owl

namespace skos {
NG_TERM(kNamespace, "http://www.w3.org/2004/02/skos/core#");
NG_TERM(kPrefLabel, "http://www.w3.org/2004/02/skos/core#prefLabel");
NG_TERM(kAltLabel, "http://www.w3.org/2004/02/skos/core#altLabel");
}  // namespace skos

namespace dcterms {
NG_TERM(kNamespace, "http://purl.org/dc/terms/");
NG_TERM(kSource, "http://purl.org/dc/terms/source");
NG_TERM(kIdentifier, "http://purl.org/dc/terms/identifier");
}  // namespace dcterms

namespace prov {
NG_TERM(kNamespace, "http://www.w3.org/ns/prov#");
NG_TERM(kWasDerivedFrom, "http://www.w3.org/ns/prov#wasDerivedFrom");
NG_TERM(kWasAttributedTo, "http://www.w3.org/ns/prov#wasAttributedTo");
}  // namespace prov

namespace org {
NG_TERM(kNamespace, "http://www.w3.org/ns/org#");
NG_TERM(kMembership, "http://www.w3.org/ns/org#Membership");
NG_TERM(kRole, "http://www.w3.org/ns/org#Role");
NG_TERM(kMember, "http://www.w3.org/ns/org#member");
NG_TERM(kOrganization, "http://www.w3.org/ns/org#organization");
NG_TERM(kRoleProperty, "http://www.w3.org/ns/org#role");
}  // namespace org

namespace nif {
NG_TERM(kNamespace, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#");
NG_TERM(kContext, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context");
NG_TERM(kPhrase, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase");
NG_TERM(kSentence, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence");
NG_TERM(kIsString, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString");
NG_TERM(kAnchorOf, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf");
NG_TERM(kBeginIndex, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex");
NG_TERM(kEndIndex, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex");
NG_TERM(kReferenceContext,
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext");
NG_TERM(kSentenceProperty, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sentence");
}  // namespace nif

namespace itsrdf {
NG_TERM(kNamespace, "http://www.w3.org/2005/11/its/rdf#");
NG_TERM(kTaIdentRef, "http://www.w3.org/2005/11/its/rdf#taIdentRef");
}  // namespace itsrdf

namespace schema {
NG_TERM(kNamespace, "http://schema.org/");
NG_TERM(kThing, "http://schema.org/Thing");
NG_TERM(kPerson, "http://schema.org/Person");
NG_TERM(kOrganization, "http://schema.org/Organization");
NG_TERM(kGovernmentOrganization, "http://schema.org/GovernmentOrganization");
NG_TERM(kNewsMediaOrganization, "http://schema.org/NewsMediaOrganization");
NG_TERM(kPoliticalParty, "http://schema.org/PoliticalParty");
NG_TERM(kCorporation, "http://schema.org/Corporation");
NG_TERM(kEducationalOrganization, "http://schema.org/EducationalOrganization");
NG_TERM(kSportsTeam, "http://schema.org/SportsTeam");
NG_TERM(kPlace, "http://schema.org/Place");
NG_TERM(kCountry, "http://schema.org/Country");
NG_TERM(kCity, "http://schema.org/City");
NG_TERM(kAdministrativeArea, "http://schema.org/AdministrativeArea");
NG_TERM(kContinent, "http://schema.org/Continent");
NG_TERM(kRiverBodyOfWater, "http://schema.org/RiverBodyOfWater");
NG_TERM(kBodyOfWater, "http://schema.org/BodyOfWater");
NG_TERM(kLandform, "http://schema.org/Landform");
NG_TERM(kCivicStructure, "http://schema.org/CivicStructure");
NG_TERM(kNewsArticle, "http://schema.org/NewsArticle");
NG_TERM(kQuotation, "http://schema.org/Quotation");
NG_TERM(kName, "http://schema.org/name");
NG_TERM(kAlternateName, "http://schema.org/alternateName");
NG_TERM(kDescription, "http://schema.org/description");
NG_TERM(kUrl, "http://schema.org/url");
NG_TERM(kHeadline, "http://schema.org/headline");
NG_TERM(kDatePublished, "http://schema.org/datePublished");
NG_TERM(kDateCreated, "http://schema.org/dateCreated");
NG_TERM(kPublisher, "http://schema.org/publisher");
NG_TERM(kSourceOrganization, "http://schema.org/sourceOrganization");
NG_TERM(kAuthor, "http://schema.org/author");
NG_TERM(kInLanguage, "http://schema.org/inLanguage");
NG_TERM(kMentions, "http://schema.org/mentions");
NG_TERM(kAbout, "http://schema.org/about");
NG_TERM(kText, "http://schema.org/text");
NG_TERM(kCreator, "http://schema.org/creator");
NG_TERM(kIsPartOf, "http://schema.org/isPartOf");
NG_TERM(kJobTitle, "http://schema.org/jobTitle");
NG_TERM(kAffiliation, "http://schema.org/affiliation");
NG_TERM(kSameAs, "http://schema.org/sameAs");
NG_TERM(kCitation, "http://schema.org/citation");
}  // namespace schema

namespace newsgraph {
NG_TERM(kNamespace, "https://w3id.org/newsgraph/ns#");
NG_TERM(kOntology, "https://w3id.org/newsgraph/ns");
// classes
NG_TERM(kStatementKind, "https://w3id.org/newsgraph/ns#StatementKind");
NG_TERM(kMention, "https://w3id.org/newsgraph/ns#Mention");
NG_TERM(kStatementRecordSet, "https://w3id.org/newsgraph/ns#RecordSet");
// individuals
NG_TERM(kDirectQuote, "https://w3id.org/newsgraph/ns#DirectQuote");
NG_TERM(kReportedSpeech, "https://w3id.org/newsgraph/ns#ReportedSpeech");
// properties
NG_TERM(kStatementKindProperty, "https://w3id.org/newsgraph/ns#statementKind");
NG_TERM(kReportingVerb, "https://w3id.org/newsgraph/ns#reportingVerb");
NG_TERM(kConfidence, "https://w3id.org/newsgraph/ns#confidence");
NG_TERM(kQuoteSpan, "https://w3id.org/newsgraph/ns#quoteSpan");
NG_TERM(kSpeakerMention, "https://w3id.org/newsgraph/ns#speakerMention");
NG_TERM(kSentence, "https://w3id.org/newsgraph/ns#sentence");
NG_TERM(kContentHash, "https://w3id.org/newsgraph/ns#contentHash");
NG_TERM(kExtraction, "https://w3id.org/newsgraph/ns#extraction");
NG_TERM(kMappingLayers, "https://w3id.org/newsgraph/ns#mappingLayers");
NG_TERM(kDateTimePublished, "https://w3id.org/newsgraph/ns#dateTimePublished");
NG_TERM(kDateTimeCreated, "https://w3id.org/newsgraph/ns#dateTimeCreated");
NG_TERM(kJurisdiction, "https://w3id.org/newsgraph/ns#jurisdiction");
NG_TERM(kMentionCount, "https://w3id.org/newsgraph/ns#mentionCount");
NG_TERM(kRecordId, "https://w3id.org/newsgraph/ns#recordId");
// network metrics (written by `newsgraph analyze`)
NG_TERM(kNetworkMetric, "https://w3id.org/newsgraph/ns#networkMetric");
NG_TERM(kPageRank, "https://w3id.org/newsgraph/ns#pageRank");
NG_TERM(kBetweenness, "https://w3id.org/newsgraph/ns#betweenness");
NG_TERM(kInDegree, "https://w3id.org/newsgraph/ns#inDegree");
NG_TERM(kOutDegree, "https://w3id.org/newsgraph/ns#outDegree");
NG_TERM(kDegree, "https://w3id.org/newsgraph/ns#degree");
NG_TERM(kWeightedDegree, "https://w3id.org/newsgraph/ns#weightedDegree");
NG_TERM(kCoreNumber, "https://w3id.org/newsgraph/ns#coreNumber");
NG_TERM(kComponent, "https://w3id.org/newsgraph/ns#component");
NG_TERM(kCommunity, "https://w3id.org/newsgraph/ns#community");
}  // namespace newsgraph

#undef NG_TERM

// Prefixes written into Turtle and TriG output and declared for SPARQL.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kPrefixes{{
    {"rdf", rdf::kNamespace},
    {"rdfs", rdfs::kNamespace},
    {"xsd", xsd::kNamespace},
    {"owl", owl::kNamespace},
    {"skos", skos::kNamespace},
    {"dcterms", dcterms::kNamespace},
    {"prov", prov::kNamespace},
    {"org", org::kNamespace},
    {"nif", nif::kNamespace},
    {"itsrdf", itsrdf::kNamespace},
    {"schema", schema::kNamespace},
    {"ng", newsgraph::kNamespace},
    {"wd", "http://www.wikidata.org/entity/"},
    {"gn", "https://sws.geonames.org/"},
}};

}  // namespace ng::ontology::vocab
