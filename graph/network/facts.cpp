#include "graph/network/facts.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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
// object) pair once whatever graphs repeat it, and the joins are done here
// on ids. A term becomes a string once: keys (IRIs, blank nodes) are kept
// by id, since the same entities and articles come back in every
// question; literals (quotes, names) are decoded where they are used.
class Reader {
 public:
  explicit Reader(const Store& store) : store_(store), terms_(store) {}

  // The term of an id, not kept (texts are met once).
  Term term(graph::TermId id) const { return store_.term_of(id); }

  // key() of an id's term, made once.
  const std::string& key_of(graph::TermId id) {
    auto it = keys_.find(id);
    if (it == keys_.end()) it = keys_.emplace(id, key(store_.term_of(id))).first;
    return it->second;
  }

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
  std::unordered_set<graph::TermId> typed(std::string_view class_iri) {
    std::unordered_set<graph::TermId> out;
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
  graph::TermCache terms_;  // for the predicates' and classes' ids
  std::unordered_map<graph::TermId, std::string> keys_;
};

namespace v = ontology::vocab;

std::string iri(std::string_view ns, std::string_view local) { return std::string(ns) + std::string(local); }

// The ids of the facts' entities (each entity's key is one term, so one id).
using EntityIds = std::unordered_map<graph::TermId, EntityFacts*>;

EntityIds read_entities(Reader& reader, StoreFacts& facts) {
  // Person first: an IRI typed twice keeps the first type it was read with.
  const std::pair<EntityType, std::string> classes[] = {
      {EntityType::Person, iri(v::schema::kNamespace, "Person")},
      {EntityType::Organization, iri(v::schema::kNamespace, "Organization")},
      {EntityType::Place, iri(v::schema::kNamespace, "Place")},
  };
  EntityIds ids;
  for (const auto& [type, cls] : classes) {
    for (const graph::TermId id : reader.typed(cls)) {
      const Term term = reader.term(id);
      if (term.is_literal()) continue;
      const std::string entity = key(term);
      const auto it = facts.entities.try_emplace(entity, EntityFacts{entity, type, {}, {}}).first;
      ids.emplace(id, &it->second);
    }
  }
  std::unordered_map<EntityFacts*, std::set<std::string>> names;
  std::unordered_map<EntityFacts*, std::set<std::string>> alternates;
  const auto collect = [&](std::string_view predicate, auto& into) {
    reader.pairs(predicate, [&](graph::TermId e, graph::TermId n) {
      const auto entity = ids.find(e);
      if (entity == ids.end()) return;
      Term name = reader.term(n);
      if (name.is_literal() && !name.value.empty()) into[entity->second].insert(std::move(name.value));
    });
  };
  collect(iri(v::schema::kNamespace, "name"), names);
  collect(iri(v::schema::kNamespace, "alternateName"), alternates);
  for (auto& [entity_iri, entity] : facts.entities) {
    std::set<std::string> aliases;
    if (const auto it = names.find(&entity); it != names.end()) {
      // The longest name is usually the fullest ("Ada Quill" over "Quill");
      // the set's order breaks ties the same way on every run.
      for (const auto& name : it->second) {
        if (name.size() > entity.name.size()) entity.name = name;
      }
      aliases.insert(it->second.begin(), it->second.end());
    }
    if (const auto it = alternates.find(&entity); it != alternates.end()) {
      aliases.insert(it->second.begin(), it->second.end());
    }
    aliases.erase(entity.name);
    entity.aliases.assign(aliases.begin(), aliases.end());
  }
  return ids;
}

// Keeps the smallest value for a key, so that the result does not depend
// on the order the store returns pairs in.
void keep_smallest(std::map<std::string, std::string>& map, const std::string& k, std::string value) {
  auto [it, added] = map.try_emplace(k, value);
  if (!added && value < it->second) it->second = std::move(value);
}

void read_titles(Reader& reader, StoreFacts& facts) {
  reader.pairs(iri(v::schema::kNamespace, "headline"), [&](graph::TermId a, graph::TermId h) {
    keep_smallest(facts.source_titles, reader.key_of(a), reader.term(h).value);
  });
  const std::unordered_set<graph::TermId> record_sets = reader.typed(iri(v::newsgraph::kNamespace, "RecordSet"));
  reader.pairs(iri(v::dcterms::kNamespace, "source"), [&](graph::TermId g, graph::TermId f) {
    if (record_sets.contains(g)) keep_smallest(facts.source_titles, reader.key_of(g), reader.term(f).value);
  });
}

void read_statements(Reader& reader, StoreFacts& facts) {
  std::unordered_map<graph::TermId, StatementFacts> statements;
  const std::unordered_set<graph::TermId> quotations = reader.typed(iri(v::schema::kNamespace, "Quotation"));
  statements.reserve(quotations.size());
  reader.pairs(iri(v::schema::kNamespace, "creator"), [&](graph::TermId s, graph::TermId who) {
    if (!quotations.contains(s)) return;
    auto& st = statements[s];
    if (st.iri.empty()) st.iri = key(reader.term(s));
    const std::string& speaker = reader.key_of(who);
    // Two creators would be two statements in our data; keep the smallest
    // so that the choice is stable.
    if (st.speaker.empty() || speaker < st.speaker) st.speaker = speaker;
  });
  const auto with = [&](std::string_view predicate, auto&& set) {
    reader.pairs(predicate, [&](graph::TermId s, graph::TermId o) {
      const auto it = statements.find(s);
      if (it != statements.end()) set(it->second, o);
    });
  };
  with(iri(v::schema::kNamespace, "about"),
       [&](StatementFacts& st, graph::TermId o) { st.about.push_back(reader.key_of(o)); });
  with(iri(v::schema::kNamespace, "text"), [&](StatementFacts& st, graph::TermId o) {
    Term text = reader.term(o);
    if (st.text.empty() || text.value < st.text) st.text = std::move(text.value);
  });
  std::unordered_map<graph::TermId, std::string> verbs;  // a few dozen, met on every statement
  with(iri(v::newsgraph::kNamespace, "reportingVerb"), [&](StatementFacts& st, graph::TermId o) {
    auto it = verbs.find(o);
    if (it == verbs.end()) it = verbs.emplace(o, reader.term(o).value).first;
    if (st.verb.empty() || it->second < st.verb) st.verb = it->second;
  });
  with(iri(v::schema::kNamespace, "isPartOf"), [&](StatementFacts& st, graph::TermId o) {
    const std::string& source = reader.key_of(o);
    if (st.source.empty() || source < st.source) st.source = source;
  });
  facts.statements.reserve(statements.size());
  for (auto& [id, st] : statements) {
    std::sort(st.about.begin(), st.about.end());
    st.about.erase(std::unique(st.about.begin(), st.about.end()), st.about.end());
    facts.statements.push_back(std::move(st));
  }
  std::sort(facts.statements.begin(), facts.statements.end(),
            [](const StatementFacts& a, const StatementFacts& b) { return a.iri < b.iri; });
}

// A set of the keys of some ids, built from the sorted keys at once.
std::set<std::string> key_set(Reader& reader, const std::vector<graph::TermId>& ids) {
  std::vector<const std::string*> keys;
  keys.reserve(ids.size());
  for (const graph::TermId id : ids) keys.push_back(&reader.key_of(id));
  std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  std::set<std::string> out;
  for (const std::string* k : keys) out.emplace_hint(out.end(), *k);
  return out;
}

void read_mentions(Reader& reader, StoreFacts& facts) {
  std::unordered_map<graph::TermId, std::vector<graph::TermId>> mentioned;
  reader.pairs(iri(v::schema::kNamespace, "mentions"),
               [&](graph::TermId a, graph::TermId e) { mentioned[a].push_back(e); });
  for (const auto& [article, entities] : mentioned) {
    std::set<std::string>& set = facts.article_mentions[reader.key_of(article)];
    if (set.empty()) {
      set = key_set(reader, entities);
    } else {
      const std::set<std::string> more = key_set(reader, entities);
      set.insert(more.begin(), more.end());
    }
  }
}

void read_sentence_mentions(Reader& reader, StoreFacts& facts) {
  // ?m itsrdf:taIdentRef ?e . ?m ng:sentence ?s
  std::unordered_map<graph::TermId, std::vector<graph::TermId>> entities_of;
  reader.pairs(iri(v::itsrdf::kNamespace, "taIdentRef"),
               [&](graph::TermId m, graph::TermId e) { entities_of[m].push_back(e); });
  reader.pairs(iri(v::newsgraph::kNamespace, "sentence"), [&](graph::TermId m, graph::TermId s) {
    const auto it = entities_of.find(m);
    if (it == entities_of.end()) return;
    auto& set = facts.sentence_mentions[reader.key_of(s)];
    for (const graph::TermId e : it->second) set.insert(reader.key_of(e));
  });
}

void read_memberships(Reader& reader, StoreFacts& facts) {
  struct Partial {
    std::set<std::string> members, targets, roles;
    std::string source;
  };
  // By id: the set below does not depend on the order memberships are met.
  std::unordered_map<graph::TermId, Partial> memberships;
  const std::unordered_set<graph::TermId> typed = reader.typed(iri(v::org::kNamespace, "Membership"));
  reader.pairs(iri(v::org::kNamespace, "member"), [&](graph::TermId m, graph::TermId p) {
    if (typed.contains(m)) memberships[m].members.insert(reader.key_of(p));
  });
  const auto with = [&](std::string_view predicate, auto&& set) {
    reader.pairs(predicate, [&](graph::TermId m, graph::TermId o) {
      const auto it = memberships.find(m);
      if (it != memberships.end()) set(it->second, o);
    });
  };
  with(iri(v::org::kNamespace, "organization"), [&](Partial& p, graph::TermId o) { p.targets.insert(reader.key_of(o)); });
  with(iri(v::newsgraph::kNamespace, "jurisdiction"),
       [&](Partial& p, graph::TermId o) { p.targets.insert(reader.key_of(o)); });
  // ?m org:role ?r . ?r skos:prefLabel ?t
  std::unordered_map<graph::TermId, std::vector<std::string>> labels;
  reader.pairs(iri(v::skos::kNamespace, "prefLabel"),
               [&](graph::TermId r, graph::TermId t) { labels[r].push_back(reader.term(t).value); });
  with(iri(v::org::kNamespace, "role"), [&](Partial& p, graph::TermId r) {
    if (const auto it = labels.find(r); it != labels.end()) p.roles.insert(it->second.begin(), it->second.end());
  });
  with(iri(v::prov::kNamespace, "wasDerivedFrom"), [&](Partial& p, graph::TermId s) {
    const std::string& source = reader.key_of(s);
    if (p.source.empty() || source < p.source) p.source = source;
  });
  for (const auto& [membership, m] : memberships) {
    const std::string role = m.roles.empty() ? std::string() : *m.roles.begin();
    for (const auto& person : m.members) {
      for (const auto& target : m.targets) facts.memberships.insert({person, target, role, m.source});
    }
  }
  reader.pairs(iri(v::schema::kNamespace, "affiliation"), [&](graph::TermId p, graph::TermId o) {
    facts.memberships.insert({reader.key_of(p), reader.key_of(o), {}, {}});
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
