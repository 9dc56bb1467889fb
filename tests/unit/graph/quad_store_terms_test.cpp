// The batched term path of the LMDB store (graph/quad_store.hpp): a new
// term gets its id at once and waits in memory with the batch's other new
// terms until the next flush writes them into the dictionary in one pass.
// Lookups must see the batch's terms before that, ids must not change when
// they are written, and a transaction that is given up must forget them.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "graph/quad_store.hpp"
#include "graph_test_support.hpp"

using namespace ng::graph;

namespace {

// Spellings longer than the 256 bytes intern() remembers in its cache of
// recent spellings, so that finding them again goes through the batch of
// new terms (or the dictionary), as an article's text does.
std::string long_literal(int n) {
  return "\"Paragraph " + std::to_string(n) + ": " + std::string(300, 'w') + " the ferry timetable changes.\"";
}
std::string iri(const std::string& local) { return "<http://example.org/test/" + local + ">"; }

std::shared_ptr<QuadStore> open_writer(const ng::test::TempDir& dir) {
  return QuadStore::open(dir.path(), QuadStore::Mode::Write);
}

}  // namespace

TEST_CASE("a term added in this batch is found before the flush writes it", "[graph][store][terms]") {
  ng::test::TempDir dir;
  const auto store = open_writer(dir);
  const std::size_t before = store->term_count();
  const TermId text = store->intern(long_literal(1));
  const TermId person = store->intern(iri("person/ilse_marr"));

  CHECK(store->find(long_literal(1)) == text);
  CHECK(store->find(iri("person/ilse_marr")) == person);
  CHECK(store->spelling(text) == long_literal(1));
  CHECK(store->spelling(person) == iri("person/ilse_marr"));
  CHECK(store->term_count() == before + 2);
  CHECK_FALSE(store->find(long_literal(2)).has_value());
}

TEST_CASE("a term added twice in one batch gets one id", "[graph][store][terms]") {
  ng::test::TempDir dir;
  const auto store = open_writer(dir);
  const TermId first = store->intern(long_literal(7));
  const TermId other = store->intern(long_literal(8));
  CHECK(store->intern(long_literal(7)) == first);
  CHECK(other != first);
  const std::size_t count = store->term_count();

  store->flush();
  CHECK(store->intern(long_literal(7)) == first);  // now from the dictionary
  CHECK(store->term_count() == count);
}

TEST_CASE("ids of a batch's terms stay the same through flush, commit and reopening", "[graph][store][terms]") {
  ng::test::TempDir dir;
  std::vector<std::string> spellings;
  for (int i = 0; i < 50; ++i) spellings.push_back(i % 2 == 0 ? long_literal(i) : iri("place/" + std::to_string(i)));
  std::vector<TermId> ids;
  {
    const auto store = open_writer(dir);
    for (const std::string& s : spellings) ids.push_back(store->intern(s));
    const TermId graph = store->intern(iri("article/1"));
    const TermId predicate = store->intern(iri("mentions"));
    store->add({ids[0], predicate, ids[1], graph});

    store->flush();
    for (std::size_t i = 0; i < spellings.size(); ++i) {
      CHECK(store->find(spellings[i]) == ids[i]);
      CHECK(store->spelling(ids[i]) == spellings[i]);
    }
    // A new term after the flush continues the ids.
    const TermId later = store->intern(long_literal(1000));
    CHECK(later > ids.back());
    store->commit();
    CHECK(store->find(long_literal(1000)) == later);
    ids.push_back(later);
    spellings.push_back(long_literal(1000));
    store->close();
  }
  const auto reader = QuadStore::open(dir.path(), QuadStore::Mode::Read);
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    CHECK(reader->find(spellings[i]) == ids[i]);
    CHECK(reader->spelling(ids[i]) == spellings[i]);
  }
}

TEST_CASE("a rollback forgets the terms of the batch and gives their ids out again", "[graph][store][terms]") {
  ng::test::TempDir dir;
  const auto store = open_writer(dir);
  const TermId kept = store->intern(long_literal(1));
  store->add({kept, store->intern(iri("says")), kept, store->intern(iri("article/1"))});
  store->commit();
  const std::size_t committed = store->term_count();

  const TermId dropped = store->intern(long_literal(2));
  REQUIRE(store->find(long_literal(2)) == dropped);
  store->rollback();
  CHECK_FALSE(store->find(long_literal(2)).has_value());
  CHECK(store->term_count() == committed);
  CHECK(store->find(long_literal(1)) == kept);
  // The id the dropped term had goes to the next new term.
  CHECK(store->intern(long_literal(3)) == dropped);
  CHECK(store->spelling(dropped) == long_literal(3));
}

TEST_CASE("aborting a nested transaction drops the terms added in it", "[graph][store][terms]") {
  ng::test::TempDir dir;
  const auto store = open_writer(dir);
  const TermId outer = store->intern(long_literal(1));
  store->begin_nested();  // writes the outer batch first
  const TermId inner = store->intern(long_literal(2));
  REQUIRE(store->find(long_literal(2)) == inner);
  store->abort_nested();
  CHECK_FALSE(store->find(long_literal(2)).has_value());
  CHECK(store->find(long_literal(1)) == outer);
  CHECK(store->spelling(outer) == long_literal(1));
}

TEST_CASE("a batch of a few hundred thousand terms and quads is written whole and in order", "[graph][store][terms]") {
  // More than one release of the map's pages per sorted run (every 2^18
  // entries) and a term batch big enough to release after it too.
  ng::test::TempDir dir;
  const auto store = open_writer(dir);
  constexpr int kTerms = 300000;
  const TermId graph = store->intern(iri("article/big"));
  const TermId predicate = store->intern(iri("mentions"));
  const TermId subject = store->intern(iri("person/ilse_marr"));
  std::vector<TermId> ids;
  ids.reserve(kTerms);
  for (int i = 0; i < kTerms; ++i) {
    ids.push_back(store->intern("\"note " + std::to_string(i) + "\""));
    store->add({subject, predicate, ids.back(), graph});
  }
  store->commit();
  CHECK(store->size() == static_cast<std::size_t>(kTerms));
  int wrong = 0;
  for (int i = 0; i < kTerms; i += 7) {
    const std::string spelling = "\"note " + std::to_string(i) + "\"";
    if (store->find(spelling) != ids[static_cast<std::size_t>(i)]) ++wrong;
    if (store->spelling(ids[static_cast<std::size_t>(i)]) != spelling) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(store->contains({subject, predicate, ids[12345], graph}));
}
