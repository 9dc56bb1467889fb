#include "loaders/to_rdf/records_to_rdf.hpp"

#include <fmt/format.h>

#include <map>

#include "loaders/to_rdf/dates.hpp"
#include "loaders/to_rdf/quad_sink.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::loaders {

namespace {

namespace v = ontology::vocab;
using ontology::EntityType;

std::string_view base_class(EntityType type) {
  switch (type) {
    case EntityType::Person: return v::schema::kPerson;
    case EntityType::Organization: return v::schema::kOrganization;
    case EntityType::Place: return v::schema::kPlace;
  }
  return v::schema::kPlace;
}

class RecordMapper {
 public:
  RecordMapper(const RecordSet& records, const std::string& url, EntityCatalog& catalog,
               const ontology::IriMinter& minter, InputReport& report)
      : records_(records), catalog_(catalog), minter_(minter), report_(report),
        graph_(minter.records(url)), sink_(graph_) {}

  RecordsGraph run() {
    sink_.add_type(graph_, v::newsgraph::kStatementRecordSet);
    sink_.add_text(graph_, v::dcterms::kSource, records_.file);
    for (const EntityRecord& r : records_.entities) register_entity(r);
    for (const EntityRecord& r : records_.entities) write_entity(r);
    for (std::size_t i = 0; i < records_.statements.size(); ++i) write_statement(records_.statements[i]);
    RecordsGraph out;
    out.graph_iri = graph_;
    out.entities = records_.entities.size();
    out.statements = records_.statements.size();
    out.quads = sink_.take();
    return out;
  }

 private:
  // A record's IRI: the one the catalog already has for its name or an alias
  // (so that a second file about the same entity merges), else a new one.
  void register_entity(const EntityRecord& r) {
    std::string iri;
    if (auto known = catalog_.find(r.type, r.name)) iri = *known;
    for (const auto& alias : r.aliases) {
      if (!iri.empty()) break;
      if (auto known = catalog_.find(r.type, alias)) iri = *known;
    }
    if (iri.empty()) iri = minter_.entity(r.type, r.name);
    catalog_.add(iri, r.type, r.name);
    for (const auto& alias : r.aliases) catalog_.add(iri, r.type, alias);
    by_id_[r.id] = iri;
  }

  std::optional<std::string> lookup(const std::string& id_or_name) const {
    if (const auto it = by_id_.find(id_or_name); it != by_id_.end()) return it->second;
    for (EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place}) {
      if (auto iri = catalog_.find(type, id_or_name)) return iri;
    }
    return std::nullopt;
  }

  void write_entity(const EntityRecord& r) {
    const std::string& iri = by_id_.at(r.id);
    sink_.add_type(iri, base_class(r.type));
    sink_.add_text(iri, v::schema::kName, r.name);
    for (const auto& alias : r.aliases) sink_.add_text(iri, v::schema::kAlternateName, alias);
    if (r.description) sink_.add_text(iri, v::schema::kDescription, *r.description);
    for (const auto& same : r.same_as) sink_.add_iri(iri, v::schema::kSameAs, same);
    sink_.add_text(iri, v::newsgraph::kRecordId, r.id);
    sink_.add_iri(iri, v::prov::kWasDerivedFrom, graph_);
    if (!r.role && !r.affiliation) return;
    std::string organization;
    if (r.affiliation) {
      if (auto found = lookup(*r.affiliation)) {
        organization = *found;
      } else {
        organization = minter_.entity(EntityType::Organization, *r.affiliation);
        sink_.add_type(organization, v::schema::kOrganization);
        sink_.add_text(organization, v::schema::kName, *r.affiliation);
      }
      sink_.add_iri(iri, v::schema::kAffiliation, organization);
    }
    const std::string title = r.role.value_or("member");
    if (r.role) sink_.add_text(iri, v::schema::kJobTitle, *r.role);
    const std::string role = minter_.role(title);
    sink_.add_type(role, v::org::kRole);
    sink_.add_text(role, v::skos::kPrefLabel, title);
    const std::string membership = minter_.membership(iri, role, organization);
    sink_.add_type(membership, v::org::kMembership);
    sink_.add_iri(membership, v::org::kMember, iri);
    sink_.add_iri(membership, v::org::kRoleProperty, role);
    if (!organization.empty()) {
      const bool is_place = catalog_.type_of(organization) == EntityType::Place;
      sink_.add_iri(membership, is_place ? v::newsgraph::kJurisdiction : v::org::kOrganization, organization);
    }
  }

  void write_statement(const StatementRecord& r) {
    const std::string node = fmt::format("{}statement/{}_{}", minter_.base(),
                                         ontology::IriMinter::slug(graph_.substr(graph_.rfind('/') + 1)),
                                         ontology::IriMinter::slug(r.id));
    sink_.add_type(node, v::schema::kQuotation);
    sink_.add_text(node, v::schema::kText, r.text);
    sink_.add_iri(node, v::schema::kIsPartOf, graph_);
    sink_.add_text(node, v::newsgraph::kRecordId, r.id);
    sink_.add_iri(node, v::newsgraph::kStatementKindProperty,
                  r.direct ? v::newsgraph::kDirectQuote : v::newsgraph::kReportedSpeech);
    if (r.verb) sink_.add_text(node, v::newsgraph::kReportingVerb, *r.verb);
    if (r.date) {
      const DateParts date = split_date(*r.date);
      sink_.add_typed(node, v::schema::kDateCreated, date.day, v::xsd::kDate);
      if (date.moment) sink_.add_typed(node, v::newsgraph::kDateTimeCreated, *date.moment, v::xsd::kDateTime);
    }
    if (r.source) sink_.add_text(node, v::schema::kCitation, *r.source);
    sink_.add_iri(node, v::prov::kWasDerivedFrom, graph_);
    if (auto speaker = lookup(r.speaker)) {
      sink_.add_iri(node, v::schema::kCreator, *speaker);
    } else {
      report_.warn(r.origin, fmt::format("speaker '{}' is no known id or name; statement kept without speaker",
                                         r.speaker));
    }
    for (const auto& about : r.about) {
      if (auto target = lookup(about)) {
        sink_.add_iri(node, v::schema::kAbout, *target);
      } else {
        report_.warn(r.origin, fmt::format("about '{}' is no known id or name; link left out", about));
      }
    }
  }

  const RecordSet& records_;
  EntityCatalog& catalog_;
  const ontology::IriMinter& minter_;
  InputReport& report_;
  std::string graph_;
  QuadSink sink_;
  std::map<std::string, std::string> by_id_;
};

}  // namespace

RecordsGraph records_to_rdf(const RecordSet& records, const std::string& url, EntityCatalog& catalog,
                            const ontology::IriMinter& minter, InputReport& report) {
  return RecordMapper(records, url, catalog, minter, report).run();
}

}  // namespace ng::loaders
