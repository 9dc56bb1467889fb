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

struct Mapped {
  loaders::Article article;
  nlp::Document analysis;
  loaders::ArticleGraph graph;
};

Mapped map(const std::string& title, const std::string& body, loaders::EntityCatalog& catalog) {
  Mapped m;
  m.article.url = "file:///news/" + title + ".txt";
  m.article.title = title;
  m.article.body = body;
  m.article.date_published = "2026-03-01";
  m.analysis = nlp::analyze(m.article.full_text(), nlp::Lexicon::builtin());
  m.graph = loaders::article_to_rdf(m.article, m.analysis, catalog, ontology::IriMinter());
  return m;
}

}  // namespace

TEST_CASE("an article maps to the schema.org contract in its own named graph", "[to_rdf][article]") {
  loaders::EntityCatalog catalog;
  const auto m = map("Ferry resumes", "\u201CThe crossing is safe again,\u201D harbour master Jonas Berglund said in Oslo.",
                     catalog);
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
  loaders::EntityCatalog catalog;
  const auto m = map("Zürich übernimmt", "Die Stadt Zürich meldet Rekorde, said Lena Brändli.", catalog);
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
  loaders::EntityCatalog catalog;
  const auto first = map("Day one", "Maria Ostrova opened the library in Tarsk.", catalog);
  const auto second = map("Day two", "Ostrova said the library would stay open.", catalog);
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
