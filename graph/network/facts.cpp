#include "graph/network/facts.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "graph/store.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::network {

namespace {

using ontology::EntityType;
using ontology::Term;

// The key of a term: IRIs as they are, blank nodes marked so that a blank
// node label never equals an IRI.
std::string key(const Term& term) { return term.is_blank() ? "_:" + term.value : term.value; }

// Reads the store at the level of its indexes (graph/store_ids.hpp): each
// question is one predicate's range of the posg index, each (subject,
// object) pair once whatever graphs repeat it, and the joins are done here.
class Reader {
 public:
  explicit Reader(const Store& store) : store_(store), terms_(store) {}

  const Term& term(graph::TermId id) { return terms_.term(id); }

  // Calls visit(subject, object) for every pair of a predicate.
  template <class F>
  void pairs(std::string_view predicate, F&& visit) {
    const auto p = terms_.id(Term::iri(std::string(predicate)));
    if (!p) return;
    for (graph::QuadCursor c = store_.match({graph::kAnyTerm, *p, graph::kAnyTerm, graph::kAnyTerm},
                                            graph::Distinct::Triples);
         !c.at_end(); c.next()) {
      visit(c.quad().subject, c.quad().object);
    }
  }

  // The subjects typed `class_iri`.
  std::set<graph::TermId> typed(std::string_view class_iri) {
    std::set<graph::TermId> out;
    const auto type = terms_.id(Term::iri(std::string(ontology::vocab::rdf::kType)));
    const auto cls = terms_.id(Term::iri(std::string(class_iri)));
    if (!type || !cls) return out;
    for (graph::QuadCursor c = store_.match({graph::kAnyTerm, *type, *cls, graph::kAnyTerm}, graph::Distinct::Triples);
         !c.at_end(); c.next()) {
      out.insert(c.quad().subject);
    }
    return out;
  }

 private:
  const Store& store_;
  graph::TermCache terms_;
};

namespace v = ontology::vocab;

std::string iri(std::string_view ns, std::string_view local) { return std::string(ns) + std::string(local); }

void read_entities(Reader& reader, StoreFacts& facts) {
  // Person first: an IRI typed twice keeps the first type it was read with.
  const std::pair<EntityType, std::string> classes[] = {
      {EntityType::Person, iri(v::schema::kNamespace, "Person")},
      {EntityType::Organization, iri(v::schema::kNamespace, "Organization")},
      {EntityType::Place, iri(v::schema::kNamespace, "Place")},
  };
  for (const auto& [type, cls] : classes) {
    for (const graph::TermId id : reader.typed(cls)) {
      const Term& term = reader.term(id);
      if (term.is_literal()) continue;
      const std::string entity = key(term);
      facts.entities.try_emplace(entity, EntityFacts{entity, type, {}, {}});
    }
  }
  std::unordered_map<std::string, std::set<std::string>> names;
  std::unordered_map<std::string, std::set<std::string>> alternates;
  reader.pairs(iri(v::schema::kNamespace, "name"), [&](graph::TermId e, graph::TermId n) {
    const Term& name = reader.term(n);
    if (name.is_literal() && !name.value.empty()) names[key(reader.term(e))].insert(name.value);
  });
  reader.pairs(iri(v::schema::kNamespace, "alternateName"), [&](graph::TermId e, graph::TermId n) {
    const Term& name = reader.term(n);
    if (name.is_literal() && !name.value.empty()) alternates[key(reader.term(e))].insert(name.value);
  });
  for (auto& [entity_iri, entity] : facts.entities) {
    std::set<std::string> aliases;
    if (const auto it = names.find(entity_iri); it != names.end()) {
      // The longest name is usually the fullest ("Ada Quill" over "Quill");
      // the set's order breaks ties the same way on every run.
      for (const auto& name : it->second) {
        if (name.size() > entity.name.size()) entity.name = name;
      }
      aliases.insert(it->second.begin(), it->second.end());
    }
    if (const auto it = alternates.find(entity_iri); it != alternates.end()) {
      aliases.insert(it->second.begin(), it->second.end());
    }
    aliases.erase(entity.name);
    entity.aliases.assign(aliases.begin(), aliases.end());
  }
}

// Keeps the smallest value for a key, so that the result does not depend
// on the order the store returns pairs in.
void keep_smallest(std::map<std::string, std::string>& map, std::string k, std::string value) {
  auto [it, added] = map.try_emplace(std::move(k), value);
  if (!added && value < it->second) it->second = std::move(value);
}

void read_titles(Reader& reader, StoreFacts& facts) {
  reader.pairs(iri(v::schema::kNamespace, "headline"), [&](graph::TermId a, graph::TermId h) {
    keep_smallest(facts.source_titles, key(reader.term(a)), reader.term(h).value);
  });
  const std::set<graph::TermId> record_sets = reader.typed(iri(v::newsgraph::kNamespace, "RecordSet"));
  reader.pairs(iri(v::dcterms::kNamespace, "source"), [&](graph::TermId g, graph::TermId f) {
    if (record_sets.contains(g)) keep_smallest(facts.source_titles, key(reader.term(g)), reader.term(f).value);
  });
}

void read_statements(Reader& reader, StoreFacts& facts) {
  std::map<std::string, StatementFacts> statements;
  const std::set<graph::TermId> quotations = reader.typed(iri(v::schema::kNamespace, "Quotation"));
  reader.pairs(iri(v::schema::kNamespace, "creator"), [&](graph::TermId s, graph::TermId who) {
    if (!quotations.contains(s)) return;
    const std::string statement = key(reader.term(s));
    const std::string speaker = key(reader.term(who));
    auto& st = statements[statement];
    st.iri = statement;
    // Two creators would be two statements in our data; keep the smallest
    // so that the choice is stable.
    if (st.speaker.empty() || speaker < st.speaker) st.speaker = speaker;
  });
  const auto with = [&](std::string_view predicate, auto&& set) {
    reader.pairs(predicate, [&](graph::TermId s, graph::TermId o) {
      if (!quotations.contains(s)) return;
      const auto it = statements.find(key(reader.term(s)));
      if (it != statements.end()) set(it->second, reader.term(o));
    });
  };
  with(iri(v::schema::kNamespace, "about"), [](StatementFacts& st, const Term& o) { st.about.push_back(key(o)); });
  with(iri(v::schema::kNamespace, "text"), [](StatementFacts& st, const Term& o) {
    if (st.text.empty() || o.value < st.text) st.text = o.value;
  });
  with(iri(v::newsgraph::kNamespace, "reportingVerb"), [](StatementFacts& st, const Term& o) {
    if (st.verb.empty() || o.value < st.verb) st.verb = o.value;
  });
  with(iri(v::schema::kNamespace, "isPartOf"), [](StatementFacts& st, const Term& o) {
    if (st.source.empty() || key(o) < st.source) st.source = key(o);
  });
  facts.statements.reserve(statements.size());
  for (auto& [statement, st] : statements) {
    std::sort(st.about.begin(), st.about.end());
    st.about.erase(std::unique(st.about.begin(), st.about.end()), st.about.end());
    facts.statements.push_back(std::move(st));
  }
}

void read_mentions(Reader& reader, StoreFacts& facts) {
  reader.pairs(iri(v::schema::kNamespace, "mentions"), [&](graph::TermId a, graph::TermId e) {
    facts.article_mentions[key(reader.term(a))].insert(key(reader.term(e)));
  });
}

void read_sentence_mentions(Reader& reader, StoreFacts& facts) {
  // ?m itsrdf:taIdentRef ?e . ?m ng:sentence ?s
  std::unordered_map<graph::TermId, std::vector<graph::TermId>> entities_of;
  reader.pairs(iri(v::itsrdf::kNamespace, "taIdentRef"),
               [&](graph::TermId m, graph::TermId e) { entities_of[m].push_back(e); });
  reader.pairs(iri(v::newsgraph::kNamespace, "sentence"), [&](graph::TermId m, graph::TermId s) {
    const auto it = entities_of.find(m);
    if (it == entities_of.end()) return;
    auto& set = facts.sentence_mentions[key(reader.term(s))];
    for (const graph::TermId e : it->second) set.insert(key(reader.term(e)));
  });
}

void read_memberships(Reader& reader, StoreFacts& facts) {
  struct Partial {
    std::set<std::string> members, targets, roles;
    std::string source;
  };
  std::map<std::string, Partial> memberships;
  const std::set<graph::TermId> typed = reader.typed(iri(v::org::kNamespace, "Membership"));
  reader.pairs(iri(v::org::kNamespace, "member"), [&](graph::TermId m, graph::TermId p) {
    if (typed.contains(m)) memberships[key(reader.term(m))].members.insert(key(reader.term(p)));
  });
  const auto with = [&](std::string_view predicate, auto&& set) {
    reader.pairs(predicate, [&](graph::TermId m, graph::TermId o) {
      const auto it = memberships.find(key(reader.term(m)));
      if (it != memberships.end()) set(it->second, o);
    });
  };
  with(iri(v::org::kNamespace, "organization"),
       [&](Partial& p, graph::TermId o) { p.targets.insert(key(reader.term(o))); });
  with(iri(v::newsgraph::kNamespace, "jurisdiction"),
       [&](Partial& p, graph::TermId o) { p.targets.insert(key(reader.term(o))); });
  // ?m org:role ?r . ?r skos:prefLabel ?t
  std::unordered_map<graph::TermId, std::vector<std::string>> labels;
  reader.pairs(iri(v::skos::kNamespace, "prefLabel"),
               [&](graph::TermId r, graph::TermId t) { labels[r].push_back(reader.term(t).value); });
  with(iri(v::org::kNamespace, "role"), [&](Partial& p, graph::TermId r) {
    if (const auto it = labels.find(r); it != labels.end()) p.roles.insert(it->second.begin(), it->second.end());
  });
  with(iri(v::prov::kNamespace, "wasDerivedFrom"), [&](Partial& p, graph::TermId s) {
    const std::string source = key(reader.term(s));
    if (p.source.empty() || source < p.source) p.source = source;
  });
  for (const auto& [membership, m] : memberships) {
    const std::string role = m.roles.empty() ? std::string() : *m.roles.begin();
    for (const auto& person : m.members) {
      for (const auto& target : m.targets) facts.memberships.insert({person, target, role, m.source});
    }
  }
  reader.pairs(iri(v::schema::kNamespace, "affiliation"), [&](graph::TermId p, graph::TermId o) {
    facts.memberships.insert({key(reader.term(p)), key(reader.term(o)), {}, {}});
  });
}

}  // namespace

StoreFacts read_facts(const Store& store, unsigned parts) {
  const auto start = std::chrono::steady_clock::now();
  StoreFacts facts;
  Reader reader(store);
  read_entities(reader, facts);
  read_titles(reader, facts);
  if ((parts & kStatementFacts) != 0U) read_statements(reader, facts);
  if ((parts & kMentionFacts) != 0U) read_mentions(reader, facts);
  if ((parts & kSentenceFacts) != 0U) read_sentence_mentions(reader, facts);
  if ((parts & kMembershipFacts) != 0U) read_memberships(reader, facts);
  spdlog::debug("network facts: {} entities, {} statements, {} articles, {} memberships in {:.0f} ms",
                facts.entities.size(), facts.statements.size(), facts.article_mentions.size(),
                facts.memberships.size(),
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return facts;
}

}  // namespace ng::graph::network
