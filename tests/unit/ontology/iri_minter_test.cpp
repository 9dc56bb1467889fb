#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "ontology/iri_minter.hpp"

using namespace ng::ontology;

TEST_CASE("entity IRIs are deterministic slugs under the base", "[ontology][iri]") {
  const IriMinter minter("https://news.example.org/kg");
  CHECK(minter.base() == "https://news.example.org/kg/");
  CHECK(minter.entity(EntityType::Person, "Maria Ostrova") == "https://news.example.org/kg/person/maria_ostrova");
  CHECK(minter.entity(EntityType::Place, "São Tomé") == "https://news.example.org/kg/place/sao_tome");
  CHECK(minter.entity(EntityType::Organization, "AT&T <Inc.>") == "https://news.example.org/kg/organization/at_t_inc");
}

TEST_CASE("minted IRIs hold no character that needs escaping", "[ontology][iri]") {
  const IriMinter minter;
  for (const char* name : {"a \"quoted\" {name}|^`\\", "日本銀行", "", "   ", "O'Brien"}) {
    const std::string iri = minter.entity(EntityType::Person, name);
    INFO(iri);
    CHECK(iri.find_first_of(" <>\"{}|^`\\") == std::string::npos);
    CHECK(iri.size() > minter.person_namespace().size());
  }
}

TEST_CASE("long names stay unique through a hash", "[ontology][iri]") {
  const std::string a(200, 'a'), b = std::string(199, 'a') + "b";
  CHECK(IriMinter::slug(a) != IriMinter::slug(b));
  CHECK(IriMinter::slug(a).size() <= 64);
}

TEST_CASE("two files with the same name get two article IRIs", "[ontology][iri]") {
  const IriMinter minter;
  const auto one = minter.article("file:///a/index.html");
  const auto two = minter.article("file:///b/index.html");
  CHECK(one != two);
  CHECK(one.find("/article/index_") != std::string::npos);
  CHECK(minter.statement(one, 0) != minter.statement(two, 0));
}

TEST_CASE("a base that is not an IRI is a usage error", "[ontology][iri]") {
  CHECK_THROWS_AS(IriMinter("not a base"), ng::UsageError);
  CHECK_THROWS_AS(IriMinter("http://x.org/<bad>"), ng::UsageError);
}
