#pragma once
// Small stores for the network tests, written quad by quad in the shape
// loaders/to_rdf writes (entities, articles with schema:mentions, mentions
// with ng:sentence, statements, memberships), with invented names.

#include <string>
#include <vector>

#include "graph/store.hpp"
#include "ontology/term.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::network_test {

namespace v = ng::ontology::vocab;
using ng::ontology::Quad;
using ng::ontology::Term;

inline const std::string kBase = "https://test.example/";

inline std::string person(const std::string& slug) { return kBase + "person/" + slug; }
inline std::string organization(const std::string& slug) { return kBase + "organization/" + slug; }
inline std::string place(const std::string& slug) { return kBase + "place/" + slug; }
inline std::string article(const std::string& slug) { return kBase + "article/" + slug; }

class QuadWriter {
 public:
  void iri(const std::string& s, std::string_view p, const std::string& o, const std::string& g) {
    quads.push_back({Term::iri(s), Term::iri(std::string(p)), Term::iri(o), g});
  }
  void text(const std::string& s, std::string_view p, const std::string& o, const std::string& g) {
    quads.push_back({Term::iri(s), Term::iri(std::string(p)), Term::literal(o), g});
  }

  void entity(const std::string& iri, std::string_view type, const std::string& name, const std::string& g) {
    iri_type(iri, type, g);
    text(iri, v::schema::kName, name, g);
  }
  void iri_type(const std::string& iri, std::string_view type, const std::string& g) {
    this->iri(iri, v::rdf::kType, std::string(type), g);
  }

  // An article mentioning `entities`; returns its IRI (also its graph name).
  std::string news(const std::string& slug, const std::string& headline, const std::vector<std::string>& entities) {
    const std::string a = article(slug);
    iri_type(a, v::schema::kNewsArticle, a);
    text(a, v::schema::kHeadline, headline, a);
    for (const auto& e : entities) iri(a, v::schema::kMentions, e, a);
    return a;
  }

  // Mentions of `entities` in one sentence of article `a`.
  void sentence(const std::string& a, int index, const std::vector<std::string>& entities) {
    const std::string s = a + "#sentence=" + std::to_string(index);
    int m = 0;
    for (const auto& e : entities) {
      const std::string mention = s + "-mention" + std::to_string(m++);
      iri_type(mention, v::newsgraph::kMention, a);
      iri(mention, v::itsrdf::kTaIdentRef, e, a);
      iri(mention, v::nif::kReferenceContext, a, a);
      iri(mention, v::newsgraph::kSentence, s, a);
    }
  }

  std::string statement(const std::string& a, int index, const std::string& speaker,
                        const std::vector<std::string>& about, const std::string& text_value,
                        const std::string& verb = "said") {
    const std::string s = a + "/statement/" + std::to_string(index);
    iri_type(s, v::schema::kQuotation, a);
    text(s, v::schema::kText, text_value, a);
    iri(s, v::schema::kCreator, speaker, a);
    for (const auto& e : about) iri(s, v::schema::kAbout, e, a);
    iri(s, v::schema::kIsPartOf, a, a);
    text(s, v::newsgraph::kReportingVerb, verb, a);
    iri(s, v::newsgraph::kStatementKindProperty, std::string(v::newsgraph::kDirectQuote), a);
    return s;
  }

  void membership(const std::string& a, const std::string& person_iri, const std::string& role_title,
                  const std::string& organization_iri, const std::string& jurisdiction = {}) {
    const std::string m = kBase + "membership/" + std::to_string(quads.size());
    const std::string r = kBase + "role/" + std::to_string(quads.size());
    iri_type(m, v::org::kMembership, a);
    iri(m, v::org::kMember, person_iri, a);
    iri(m, v::org::kRoleProperty, r, a);
    iri_type(r, v::org::kRole, a);
    text(r, v::skos::kPrefLabel, role_title, a);
    if (!organization_iri.empty()) {
      iri(m, v::org::kOrganization, organization_iri, a);
      iri(person_iri, v::schema::kAffiliation, organization_iri, a);
    }
    if (!jurisdiction.empty()) iri(m, v::newsgraph::kJurisdiction, jurisdiction, a);
    iri(m, v::prov::kWasDerivedFrom, a, a);
  }

  std::vector<Quad> quads;
};

inline ng::graph::Store memory_store() {
  return ng::graph::Store(ng::graph::StoreOptions{"", ng::graph::StoreOptions::Mode::ReadWrite, true});
}

// The harbour story used by most tests:
//   article 1 "Harbour strike": Ada Quill (Harbour Guild chair) said about
//     Boris Tamm and Port Ember; Boris Tamm replied about Ada Quill.
//   article 2 "Budget vote": Boris Tamm (Lumen Party) said about Ada Quill
//     twice; Ciro Vell mentioned; Ada and Boris in one sentence.
//   article 3 "Ferry timetable": Dora Pike said about nobody; Port Ember
//     and Ciro Vell mentioned.
// Entities with names in two graphs, and an untyped speaker (ignored).
inline std::vector<Quad> harbour_story() {
  QuadWriter w;
  const std::string ada = person("ada_quill"), boris = person("boris_tamm"), ciro = person("ciro_vell"),
                    dora = person("dora_pike"), guild = organization("harbour_guild"),
                    lumen = organization("lumen_party"), ember = place("port_ember");
  const std::string a1 = w.news("harbour_strike", "Harbour strike enters second week", {ada, boris, guild, ember});
  w.entity(ada, v::schema::kPerson, "Ada Quill", a1);
  w.text(ada, v::schema::kAlternateName, "Quill", a1);
  w.entity(boris, v::schema::kPerson, "Boris Tamm", a1);
  w.entity(guild, v::schema::kOrganization, "Harbour Guild", a1);
  w.entity(ember, v::schema::kPlace, "Port Ember", a1);
  w.membership(a1, ada, "chair", guild, ember);
  w.statement(a1, 0, ada, {boris, ember}, "The strike will go on until Tamm listens.");
  w.statement(a1, 1, boris, {ada}, "Quill wants headlines, not wages.", "replied");
  w.sentence(a1, 0, {ada, boris});
  w.sentence(a1, 1, {guild, ember});

  const std::string a2 = w.news("budget_vote", "Budget vote delayed", {ada, boris, ciro, lumen});
  w.entity(ada, v::schema::kPerson, "Ada Quill", a2);
  w.entity(boris, v::schema::kPerson, "Boris Tamm", a2);
  w.entity(ciro, v::schema::kPerson, "Ciro Vell", a2);
  w.entity(lumen, v::schema::kOrganization, "Lumen Party", a2);
  w.membership(a2, boris, "leader", lumen);
  w.statement(a2, 0, boris, {ada}, "Ms Quill has no mandate.");
  w.statement(a2, 1, boris, {ada, boris}, "I told Quill we would wait.", "added");
  w.sentence(a2, 0, {ada, boris});

  const std::string a3 = w.news("ferry_timetable", "Ferry timetable changes", {dora, ember, ciro});
  w.entity(dora, v::schema::kPerson, "Dora Pike", a3);
  w.entity(ember, v::schema::kPlace, "Port Ember", a3);
  w.entity(ciro, v::schema::kPerson, "Ciro Vell", a3);
  w.statement(a3, 0, dora, {}, "Boats will run hourly.");
  w.statement(a3, 1, kBase + "unknown/voice", {dora}, "Nobody asked us.");
  return w.quads;
}

}  // namespace ng::network_test
