// The id-level API (graph/store_ids.hpp) and the batched write path,
// checked against a plain set of quads: every combination of bound parts,
// with and without per-graph repeats, across flushes, removals and commits.

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "common/error.hpp"
#include "graph/store.hpp"
#include "graph_test_support.hpp"

using namespace ng;
using namespace ng::graph;
using namespace ng::graph::test;

namespace {

// A random newsroom: subjects, predicates, objects (IRIs and literals)
// and graphs drawn from small pools, so that triples repeat across graphs.
std::vector<Quad> random_quads(std::mt19937& random, int count) {
  std::uniform_int_distribution<int> subject(0, 60), predicate(0, 6), object(0, 80), graph(0, 12), kind(0, 3);
  std::vector<Quad> quads;
  for (int i = 0; i < count; ++i) {
    const int o = object(random);
    Term obj = kind(random) == 0 ? ex("o/" + std::to_string(o))
               : kind(random) == 1 ? Term::literal(std::to_string(o), std::string(vocab::xsd::kInteger))
                                   : Term::literal("text " + std::to_string(o), "", o % 2 == 0 ? "en" : "");
    quads.push_back({ex("s/" + std::to_string(subject(random))), ex("p/" + std::to_string(predicate(random))),
                     std::move(obj), article(graph(random))});
  }
  return quads;
}

struct Model {
  std::set<Quad> quads;
  void add(const std::vector<Quad>& more) { quads.insert(more.begin(), more.end()); }
  void remove_graph(const std::string& g) {
    std::erase_if(quads, [&](const Quad& q) { return q.graph_name == g; });
  }
};

// What a pattern of terms (nullopt = any) should match.
std::multiset<Quad> expected(const Model& model, const std::optional<Term>& s, const std::optional<Term>& p,
                             const std::optional<Term>& o, const std::optional<std::string>& g, bool triples) {
  std::multiset<Quad> out;
  std::set<std::tuple<Term, Term, Term>> seen;
  for (const Quad& q : model.quads) {
    if ((s && q.subject != *s) || (p && q.predicate != *p) || (o && q.object != *o) || (g && q.graph_name != *g)) {
      continue;
    }
    if (triples && !g && !seen.insert({q.subject, q.predicate, q.object}).second) continue;
    out.insert(triples && !g ? Quad{q.subject, q.predicate, q.object, ""} : q);
  }
  return out;
}

std::multiset<Quad> matched(const Store& store, const std::optional<Term>& s, const std::optional<Term>& p,
                            const std::optional<Term>& o, const std::optional<std::string>& g, bool triples) {
  IdPattern pattern;
  const auto bind = [&](const std::optional<Term>& term, TermId& part) {
    if (!term) return true;
    const auto id = store.id_of(*term);
    if (!id) return false;
    part = *id;
    return true;
  };
  std::multiset<Quad> out;
  if (!bind(s, pattern.subject) || !bind(p, pattern.predicate) || !bind(o, pattern.object) ||
      !bind(g ? std::optional<Term>(Term::iri(*g)) : std::nullopt, pattern.graph)) {
    return out;
  }
  TermCache terms(store);
  for (QuadCursor c = store.match(pattern, triples ? Distinct::Triples : Distinct::Quads); !c.at_end(); c.next()) {
    const IdQuad& q = c.quad();
    out.insert({terms.term(q.subject), terms.term(q.predicate), terms.term(q.object),
                triples && !g ? std::string() : terms.term(q.graph).value});
  }
  return out;
}

void check_all_patterns(const Store& store, const Model& model, std::mt19937& random) {
  const std::vector<Quad> all(model.quads.begin(), model.quads.end());
  std::uniform_int_distribution<std::size_t> pick(0, all.size() - 1);
  for (int mask = 0; mask < 16; ++mask) {
    for (int trial = 0; trial < 6; ++trial) {
      const Quad& q = all[pick(random)];
      const Quad& r = all[pick(random)];  // parts from two quads: often no match
      const bool mixed = trial % 3 == 2;
      const std::optional<Term> s = mask & 1 ? std::optional<Term>(q.subject) : std::nullopt;
      const std::optional<Term> p = mask & 2 ? std::optional<Term>(mixed ? r.predicate : q.predicate) : std::nullopt;
      const std::optional<Term> o = mask & 4 ? std::optional<Term>(q.object) : std::nullopt;
      const std::optional<std::string> g =
          mask & 8 ? std::optional<std::string>(mixed ? r.graph_name : q.graph_name) : std::nullopt;
      for (const bool triples : {false, true}) {
        INFO("mask " << mask << " trial " << trial << " triples " << triples);
        CHECK(matched(store, s, p, o, g, triples) == expected(model, s, p, o, g, triples));
      }
    }
  }
}

}  // namespace

TEST_CASE("every pattern of bound ids matches what a plain set of quads matches", "[graph][store][ids]") {
  std::mt19937 random(7);
  Store store({});
  Model model;
  const auto quads = random_quads(random, 2500);
  store.add(quads);
  model.add(quads);
  CHECK(store.size() == model.quads.size());
  check_all_patterns(store, model, random);

  // Removals, more adds between reads, a commit: still the same answers.
  for (int g : {3, 7}) {
    store.remove_graph(article(g));
    model.remove_graph(article(g));
  }
  const auto more = random_quads(random, 800);
  store.add(more);
  model.add(more);
  store.commit();
  CHECK(store.size() == model.quads.size());
  check_all_patterns(store, model, random);
}

TEST_CASE("a term no quad uses any more leaves the dictionary", "[graph][store][ids]") {
  Store store({});
  store.add(newsroom());
  const Term only_in_2 = Term::literal("Der Steg bleibt zu.", "", "de");
  REQUIRE(store.id_of(only_in_2));
  const auto epoch = store.id_epoch();
  store.remove_graph(article(2));
  store.commit();
  CHECK_FALSE(store.id_of(only_in_2));
  CHECK_FALSE(store.id_of(Term::iri(article(2))));
  CHECK(store.id_of(ex("person/tamsin_vell")));  // still described by article 1
  CHECK(store.id_epoch() != epoch);
}

TEST_CASE("estimates count the range of the index that answers a pattern", "[graph][store][ids]") {
  Store store({});
  store.add(newsroom());
  const TermId type = *store.id_of(rdf_type());
  const TermId tamsin = *store.id_of(ex("person/tamsin_vell"));
  CHECK(store.estimate({}) == newsroom().size());
  CHECK(store.estimate({kAnyTerm, type, kAnyTerm, kAnyTerm}) == 8);
  CHECK(store.estimate({tamsin, kAnyTerm, kAnyTerm, kAnyTerm}) == 4);
  CHECK(store.estimate({tamsin, type, kAnyTerm, kAnyTerm}) >= 2);
}

TEST_CASE("the batched path keeps quads added between reads, repeated and replaced", "[graph][store][ids]") {
  TempDir dir;
  Store store({dir / "store", StoreOptions::Mode::ReadWrite, true});
  std::set<Quad> model;
  for (int round = 0; round < 40; ++round) {
    std::vector<Quad> quads;
    for (int i = 0; i < 500; ++i) {
      quads.push_back({ex("m/" + std::to_string(round) + "/" + std::to_string(i % 250)), schema("mentions"),
                       ex("e/" + std::to_string((round * 31 + i) % 97)), article(round % 8)});
    }
    if (round % 5 == 4) {
      store.replace_graph(article(round % 8), quads);
      std::erase_if(model, [&](const Quad& q) { return q.graph_name == article(round % 8); });
    } else {
      store.add(quads);
    }
    model.insert(quads.begin(), quads.end());
    if (round % 3 == 0) CHECK(store.size() == model.size());  // a read between writes
    if (round % 10 == 9) store.commit();
  }
  store.commit();
  CHECK(store.size() == model.size());
  std::set<Quad> stored;
  store.for_each_quad([&](const Quad& q) { stored.insert(q); });
  CHECK(stored == model);
}

TEST_CASE("replacing graphs while other graphs' quads wait in the buffer keeps those quads and their terms",
          "[graph][store][ids]") {
  TempDir dir;
  Store store({dir / "store", StoreOptions::Mode::ReadWrite, true});
  const Term only_in_a = Term::literal("Die Fähre fährt wieder.", "", "de");
  const Term only_in_b = Term::literal("Le pont reste fermé.", "", "fr");
  store.add(std::vector<Quad>{{ex("s/1"), schema("text"), only_in_a, article(1)},
                              {ex("s/2"), schema("text"), only_in_b, article(2)},
                              {ex("s/3"), schema("text"), lit("kept"), article(3)}});
  store.commit();
  // Buffered: a quad of graph 4 that uses graph 1's only literal again.
  store.add(std::vector<Quad>{{ex("s/4"), schema("text"), only_in_a, article(4)}});
  // Graphs 1 and 2 go while it waits (graph 2 replaced by new quads).
  CHECK(store.remove_graph(article(1)) == 1);
  store.replace_graph(article(2), std::vector<Quad>{{ex("s/2"), schema("name"), lit("Pont"), article(2)}});
  store.commit();
  std::set<Quad> stored;
  store.for_each_quad([&](const Quad& q) { stored.insert(q); });
  CHECK(stored == std::set<Quad>{{ex("s/4"), schema("text"), only_in_a, article(4)},
                                 {ex("s/2"), schema("name"), lit("Pont"), article(2)},
                                 {ex("s/3"), schema("text"), lit("kept"), article(3)}});
  CHECK(store.id_of(only_in_a));        // used again by the buffered quad
  CHECK_FALSE(store.id_of(only_in_b));  // used by nothing now
  CHECK_FALSE(store.id_of(Term::iri(article(1))));
}

TEST_CASE("a cursor used after its transaction ended throws instead of reading freed pages", "[graph][store][ids]") {
  TempDir dir;
  Store store({dir / "store", StoreOptions::Mode::ReadWrite, true});
  std::vector<Quad> quads;
  for (int i = 0; i < 5000; ++i) quads.push_back({ex("s/" + std::to_string(i)), schema("name"), lit("n"), article(1)});
  store.add(quads);
  QuadCursor cursor = store.match({}, Distinct::Quads);
  REQUIRE_FALSE(cursor.at_end());
  store.commit();
  CHECK_THROWS_AS([&] {
    while (!cursor.at_end()) cursor.next();
  }(), StoreError);
}
