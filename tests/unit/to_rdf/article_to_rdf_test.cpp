#include <catch2/catch.hpp>

#include "common/unicode.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"
#include "ontology/vocabulary.hpp"
#include "rdf_test_support.hpp"

using namespace ng;
namespace v = ng::ontology::vocab;

namespace {

const ontology::IriMinter& minter() {
  static const ontology::IriMinter instance;
  return instance;
}

// A resolver with no curated entities.
struct Resolver {
  loaders::EntityCatalog known;
  loaders::EntityResolver resolver{known, minter()};
};

struct Mapped {
  loaders::Article article;
  nlp::Document analysis;
  loaders::ArticleGraph graph;
};

// Maps an article with a resolver that knows every article mapped with it
// before (and this one).
Mapped map(const std::string& title, const std::string& body, loaders::EntityResolver& resolver) {
  Mapped m;
  m.article.url = "file:///news/" + title + ".txt";
  m.article.title = title;
  m.article.body = body;
  m.article.date_published = "2026-03-01";
  m.analysis = nlp::analyze(m.article.full_text(), nlp::Lexicon::builtin());
  for (const auto& claim : loaders::entity_claims(m.analysis)) resolver.add_found(claim);
  m.graph = loaders::article_to_rdf(m.article, m.analysis, resolver, minter());
  return m;
}

}  // namespace

TEST_CASE("an article maps to the schema.org contract in its own named graph", "[to_rdf][article]") {
  Resolver r;
  const auto m = map("Ferry resumes", "\u201CThe crossing is safe again,\u201D harbour master Jonas Berglund said in Oslo.",
                     r.resolver);
  const auto& q = m.graph.quads;
  const std::string& a = m.graph.article_iri;
  for (const auto& quad : q) CHECK(quad.graph_name == a);
  CHECK(test::has(q, a, v::rdf::kType, std::string(v::schema::kNewsArticle)));
  CHECK(test::has(q, a, v::schema::kUrl, "file:///news/Ferry resumes.txt"));
  CHECK(test::has(q, a, v::schema::kHeadline, "Ferry resumes"));
  const auto statements = test::subjects_of_type(q, v::schema::kQuotation);
  REQUIRE(statements.size() == 1);
  const std::string& s = statements.front();
  CHECK(test::has(q, s, v::schema::kIsPartOf, a));
  CHECK(test::has(q, s, v::schema::kText, "The crossing is safe again"));
  const auto speaker = test::objects(q, s, v::schema::kCreator);
  REQUIRE(speaker.size() == 1);
  CHECK(test::has(q, speaker.front(), v::schema::kName, "Jonas Berglund"));
  CHECK(test::has(q, a, v::schema::kMentions, speaker.front()));
  CHECK(test::has(q, s, v::newsgraph::kStatementKindProperty, std::string(v::newsgraph::kDirectQuote)));
}

TEST_CASE("offsets count code points, not bytes", "[to_rdf][article]") {
  Resolver r;
  const auto m = map("Zürich übernimmt", "Die Stadt Zürich meldet Rekorde, said Lena Brändli.", r.resolver);
  for (const auto& mention : test::subjects_of_type(m.graph.quads, v::newsgraph::kMention)) {
    const auto anchor = test::objects(m.graph.quads, mention, v::nif::kAnchorOf);
    const auto begin = std::stoul(test::objects(m.graph.quads, mention, v::nif::kBeginIndex).front());
    const auto end = std::stoul(test::objects(m.graph.quads, mention, v::nif::kEndIndex).front());
    REQUIRE(anchor.size() == 1);
    // Walk the text by code points to the offsets.
    std::size_t i = 0, cp = 0, byte_begin = 0;
    while (i < m.analysis.text.size() && cp < end) {
      if (cp == begin) byte_begin = i;
      next_code_point(m.analysis.text, i);
      ++cp;
    }
    CHECK(m.analysis.text.substr(byte_begin, i - byte_begin) == anchor.front());
  }
}

TEST_CASE("the same entity in two articles gets one IRI, a surname finds it later", "[to_rdf][article]") {
  Resolver r;
  const auto first = map("Day one", "Maria Ostrova opened the library in Tarsk.", r.resolver);
  const auto second = map("Day two", "Ostrova said the library would stay open.", r.resolver);
  const auto people = [](const Mapped& m) {
    std::vector<std::string> out;
    for (const auto& e : test::subjects_of_type(m.graph.quads, v::schema::kPerson)) out.push_back(e);
    return out;
  };
  REQUIRE(people(first).size() == 1);
  REQUIRE(people(second).size() == 1);
  CHECK(people(first).front() == people(second).front());
}

TEST_CASE("the fingerprint changes with the text and not otherwise", "[to_rdf][article]") {
  loaders::Article a;
  a.url = "file:///x.txt";
  a.title = "T";
  a.body = "Body.";
  loaders::Article b = a;
  CHECK(loaders::article_fingerprint(a) == loaders::article_fingerprint(b));
  b.body = "Body!";
  CHECK(loaders::article_fingerprint(a) != loaders::article_fingerprint(b));
}

namespace {

// The typed literals of (subject, predicate).
std::vector<ontology::Term> typed(const std::vector<ontology::Quad>& quads, const std::string& s, std::string_view p) {
  std::vector<ontology::Term> out;
  for (const auto& q : quads) {
    if (q.subject.value == s && q.predicate.value == p) out.push_back(q.object);
  }
  return out;
}

Mapped map_dated(const std::string& title, const std::string& body, const std::string& date,
                 loaders::EntityResolver& resolver) {
  Mapped m;
  m.article.url = "file:///news/" + title + ".txt";
  m.article.title = title;
  m.article.body = body;
  m.article.date_published = date;
  m.analysis = nlp::analyze(m.article.full_text(), nlp::Lexicon::builtin());
  for (const auto& claim : loaders::entity_claims(m.analysis)) resolver.add_found(claim);
  m.graph = loaders::article_to_rdf(m.article, m.analysis, resolver, minter());
  return m;
}

}  // namespace

TEST_CASE("schema:datePublished is always an xsd:date; a time the source gave is kept beside it", "[to_rdf][article][date]") {
  Resolver r;
  const auto timed = map_dated("Night session", "The council voted late, said Ilka Brun.", "2026-03-01T23:30:00-05:00",
                               r.resolver);
  const auto dated = map_dated("Morning session", "The council met again, said Ilka Brun.", "2026-03-02", r.resolver);
  for (const auto* m : {&timed, &dated}) {
    const auto published = typed(m->graph.quads, m->graph.article_iri, v::schema::kDatePublished);
    REQUIRE(published.size() == 1);
    CHECK(published[0].datatype == v::xsd::kDate);
  }
  CHECK(typed(timed.graph.quads, timed.graph.article_iri, v::schema::kDatePublished)[0].value == "2026-03-01");
  const auto moment = typed(timed.graph.quads, timed.graph.article_iri, v::newsgraph::kDateTimePublished);
  REQUIRE(moment.size() == 1);
  CHECK(moment[0].value == "2026-03-01T23:30:00-05:00");
  CHECK(moment[0].datatype == v::xsd::kDateTime);
  CHECK(typed(dated.graph.quads, dated.graph.article_iri, v::newsgraph::kDateTimePublished).empty());
  // Statements carry the article's date the same way.
  for (const auto& q : timed.graph.quads) {
    if (q.predicate.value == v::schema::kDateCreated) CHECK(q.object.datatype == v::xsd::kDate);
  }
}

TEST_CASE("a dateline credit is the article's source organisation, not a mention", "[to_rdf][article][dateline]") {
  Resolver r;
  const auto m = map("Quay approved",
                     "OSTREL (Northwire) - The Ostrel Port Authority approved a new quay on Wednesday, said Ilka Brun.",
                     r.resolver);
  const std::string agency = minter().organization_namespace() + "northwire";
  CHECK(test::has(m.graph.quads, m.graph.article_iri, v::schema::kSourceOrganization, agency));
  CHECK_FALSE(test::has(m.graph.quads, m.graph.article_iri, v::schema::kMentions, agency));
  CHECK(test::has(m.graph.quads, agency, v::schema::kName, "Northwire"));
  // No mention node points at it either (co-mentions are built from those).
  for (const auto& q : m.graph.quads) {
    if (q.predicate.value == v::itsrdf::kTaIdentRef) CHECK(q.object.value != agency);
  }
  // The other organisation is mentioned as usual.
  CHECK(test::has(m.graph.quads, m.graph.article_iri, v::schema::kMentions,
                  minter().organization_namespace() + "ostrel_port_authority"));

  SECTION("an agency the body names again is also a mention") {
    const auto again = map("Quay approved again",
                           "OSTREL (Northwire) - The quay was approved, Northwire reported, said Ilka Brun.", r.resolver);
    CHECK(test::has(again.graph.quads, again.graph.article_iri, v::schema::kSourceOrganization, agency));
    CHECK(test::has(again.graph.quads, again.graph.article_iri, v::schema::kMentions, agency));
  }
}

TEST_CASE("a big article's quads can be streamed in chunks, never all held at once", "[to_rdf][article][memory]") {
  loaders::Article article;
  article.url = "file:///news/dense.txt";
  article.title = "Quotes everywhere";
  for (int i = 0; i < 300; ++i) {
    article.body += "\"The harbour plan number " + std::to_string(i) + " is not ready,\" Mara Velkin said. ";
  }
  const std::string text = article.full_text();
  const nlp::Document analysis = nlp::analyze(text, nlp::Lexicon::builtin());
  Resolver r;
  for (const auto& claim : loaders::entity_claims(analysis)) r.resolver.add_found(claim);
  const auto whole = loaders::article_to_rdf(article, analysis, r.resolver, minter());

  std::vector<ontology::Quad> streamed;
  std::size_t chunks = 0, largest = 0;
  const auto streaming = loaders::article_to_rdf(article, analysis, r.resolver, minter(), {}, 1000,
                                                 [&](std::vector<ontology::Quad>&& chunk) {
                                                   ++chunks;
                                                   largest = std::max(largest, chunk.size());
                                                   streamed.insert(streamed.end(), chunk.begin(), chunk.end());
                                                 });
  CHECK(streaming.quads.empty());
  CHECK(streaming.quad_count == whole.quads.size());
  CHECK(largest <= 1000);
  CHECK(chunks == (whole.quads.size() + 999) / 1000);
  CHECK(streamed == whole.quads);
}
