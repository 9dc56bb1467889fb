#include "graph/network/facts.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "graph/sparql.hpp"
#include "graph/store.hpp"

namespace ng::graph::network {

namespace {

using ontology::EntityType;
using ontology::Term;

// The key of a term: IRIs as they are, blank nodes marked so that a blank
// node label never equals an IRI.
std::string key(const Term& term) { return term.is_blank() ? "_:" + term.value : term.value; }

// Runs a two-variable SELECT and calls `visit` for every row where both are bound.
void select_pairs(const Store& store, std::string_view query,
                  const std::function<void(const Term&, const Term&)>& visit) {
  const QueryResult result = run_query(store, query);
  for (const auto& row : result.rows) {
    if (row.size() >= 2 && row[0] && row[1]) visit(*row[0], *row[1]);
  }
}

void read_entities(const Store& store, StoreFacts& facts) {
  // Person first: an IRI typed twice keeps the first type it was read with.
  const std::pair<EntityType, std::string_view> classes[] = {
      {EntityType::Person, "SELECT DISTINCT ?e WHERE { ?e a schema:Person }"},
      {EntityType::Organization, "SELECT DISTINCT ?e WHERE { ?e a schema:Organization }"},
      {EntityType::Place, "SELECT DISTINCT ?e WHERE { ?e a schema:Place }"},
  };
  for (const auto& [type, query] : classes) {
    for (const auto& row : run_query(store, query).rows) {
      if (row.empty() || !row[0] || row[0]->is_literal()) continue;
      const std::string iri = key(*row[0]);
      facts.entities.try_emplace(iri, EntityFacts{iri, type, {}, {}});
    }
  }
  std::unordered_map<std::string, std::set<std::string>> names;
  std::unordered_map<std::string, std::set<std::string>> alternates;
  select_pairs(store, "SELECT ?e ?n WHERE { ?e schema:name ?n }", [&](const Term& e, const Term& n) {
    if (n.is_literal() && !n.value.empty()) names[key(e)].insert(n.value);
  });
  select_pairs(store, "SELECT ?e ?n WHERE { ?e schema:alternateName ?n }", [&](const Term& e, const Term& n) {
    if (n.is_literal() && !n.value.empty()) alternates[key(e)].insert(n.value);
  });
  for (auto& [iri, entity] : facts.entities) {
    std::set<std::string> aliases;
    if (const auto it = names.find(iri); it != names.end()) {
      // The longest name is usually the fullest ("Ada Quill" over "Quill");
      // the set's order breaks ties the same way on every run.
      for (const auto& name : it->second) {
        if (name.size() > entity.name.size()) entity.name = name;
      }
      aliases.insert(it->second.begin(), it->second.end());
    }
    if (const auto it = alternates.find(iri); it != alternates.end()) aliases.insert(it->second.begin(), it->second.end());
    aliases.erase(entity.name);
    entity.aliases.assign(aliases.begin(), aliases.end());
  }
}

void read_titles(const Store& store, StoreFacts& facts) {
  select_pairs(store, "SELECT ?a ?h WHERE { ?a schema:headline ?h }",
               [&](const Term& a, const Term& h) { facts.source_titles.emplace(key(a), h.value); });
  select_pairs(store, "SELECT ?g ?f WHERE { ?g a ng:RecordSet . ?g dcterms:source ?f }",
               [&](const Term& g, const Term& f) { facts.source_titles.emplace(key(g), f.value); });
}

void read_statements(const Store& store, StoreFacts& facts) {
  std::map<std::string, StatementFacts> statements;
  select_pairs(store, "SELECT ?s ?who WHERE { ?s a schema:Quotation . ?s schema:creator ?who }",
               [&](const Term& s, const Term& who) {
                 auto& st = statements[key(s)];
                 st.iri = key(s);
                 // Two creators would be two statements in our data; keep the
                 // smallest so that the choice is stable.
                 if (st.speaker.empty() || key(who) < st.speaker) st.speaker = key(who);
               });
  const auto with = [&](std::string_view query, auto&& set) {
    select_pairs(store, query, [&](const Term& s, const Term& o) {
      const auto it = statements.find(key(s));
      if (it != statements.end()) set(it->second, o);
    });
  };
  with("SELECT ?s ?o WHERE { ?s schema:about ?o }",
       [](StatementFacts& st, const Term& o) { st.about.push_back(key(o)); });
  with("SELECT ?s ?o WHERE { ?s schema:text ?o }", [](StatementFacts& st, const Term& o) {
    if (st.text.empty() || o.value < st.text) st.text = o.value;
  });
  with("SELECT ?s ?o WHERE { ?s ng:reportingVerb ?o }", [](StatementFacts& st, const Term& o) {
    if (st.verb.empty() || o.value < st.verb) st.verb = o.value;
  });
  with("SELECT ?s ?o WHERE { ?s schema:isPartOf ?o }", [](StatementFacts& st, const Term& o) {
    if (st.source.empty() || key(o) < st.source) st.source = key(o);
  });
  facts.statements.reserve(statements.size());
  for (auto& [iri, st] : statements) {
    std::sort(st.about.begin(), st.about.end());
    st.about.erase(std::unique(st.about.begin(), st.about.end()), st.about.end());
    facts.statements.push_back(std::move(st));
  }
}

void read_mentions(const Store& store, StoreFacts& facts) {
  select_pairs(store, "SELECT ?a ?e WHERE { ?a schema:mentions ?e }",
               [&](const Term& a, const Term& e) { facts.article_mentions[key(a)].insert(key(e)); });
  select_pairs(store, "SELECT ?s ?e WHERE { ?m itsrdf:taIdentRef ?e . ?m ng:sentence ?s }",
               [&](const Term& s, const Term& e) { facts.sentence_mentions[key(s)].insert(key(e)); });
}

void read_memberships(const Store& store, StoreFacts& facts) {
  struct Partial {
    std::set<std::string> members, targets, roles;
    std::string source;
  };
  std::map<std::string, Partial> memberships;
  select_pairs(store, "SELECT ?m ?p WHERE { ?m a org:Membership . ?m org:member ?p }",
               [&](const Term& m, const Term& p) { memberships[key(m)].members.insert(key(p)); });
  const auto with = [&](std::string_view query, auto&& set) {
    select_pairs(store, query, [&](const Term& m, const Term& o) {
      const auto it = memberships.find(key(m));
      if (it != memberships.end()) set(it->second, o);
    });
  };
  with("SELECT ?m ?o WHERE { ?m org:organization ?o }", [](Partial& p, const Term& o) { p.targets.insert(key(o)); });
  with("SELECT ?m ?o WHERE { ?m ng:jurisdiction ?o }", [](Partial& p, const Term& o) { p.targets.insert(key(o)); });
  with("SELECT ?m ?t WHERE { ?m org:role ?r . ?r skos:prefLabel ?t }",
       [](Partial& p, const Term& t) { p.roles.insert(t.value); });
  with("SELECT ?m ?s WHERE { ?m a org:Membership . ?m prov:wasDerivedFrom ?s }", [](Partial& p, const Term& s) {
    if (p.source.empty() || key(s) < p.source) p.source = key(s);
  });
  for (const auto& [iri, m] : memberships) {
    const std::string role = m.roles.empty() ? std::string() : *m.roles.begin();
    for (const auto& person : m.members) {
      for (const auto& target : m.targets) facts.memberships.insert({person, target, role, m.source});
    }
  }
  select_pairs(store, "SELECT ?p ?o WHERE { ?p schema:affiliation ?o }", [&](const Term& p, const Term& o) {
    facts.memberships.insert({key(p), key(o), {}, {}});
  });
}

}  // namespace

StoreFacts read_facts(const Store& store, unsigned parts) {
  const auto start = std::chrono::steady_clock::now();
  StoreFacts facts;
  read_entities(store, facts);
  read_titles(store, facts);
  if ((parts & kStatementFacts) != 0U) read_statements(store, facts);
  if ((parts & kMentionFacts) != 0U) read_mentions(store, facts);
  if ((parts & kMembershipFacts) != 0U) read_memberships(store, facts);
  spdlog::debug("network facts: {} entities, {} statements, {} articles, {} memberships in {:.0f} ms",
                facts.entities.size(), facts.statements.size(), facts.article_mentions.size(),
                facts.memberships.size(),
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return facts;
}

}  // namespace ng::graph::network
