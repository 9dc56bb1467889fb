#include "evaluation/contract_graph.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "common/unicode.hpp"
#include "evaluation/text_match.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::evaluation {

namespace {

namespace v = ontology::vocab;

constexpr std::string_view kSchema = "http://schema.org/";
constexpr std::string_view kSchemaHttps = "https://schema.org/";

// What a class makes its instances, as bits.
enum ClassLabel : unsigned {
  kPersonLabel = 1U << 0U,
  kOrganizationLabel = 1U << 1U,
  kPlaceLabel = 1U << 2U,
  kArticleLabel = 1U << 3U,
  kQuotationLabel = 1U << 4U,
};

unsigned label_of(EntityKind kind) {
  switch (kind) {
    case EntityKind::Person: return kPersonLabel;
    case EntityKind::Organization: return kOrganizationLabel;
    case EntityKind::Place: return kPlaceLabel;
  }
  return 0;
}

// schema.org classes (real ones only) whose instances count as each label. A
// class under two kinds in schema.org (LocalBusiness, Hospital) is listed
// under one, as the gold format has always counted it.
struct ClassGroup {
  unsigned label;
  std::string_view local_names;
};
constexpr std::array<ClassGroup, 5> kClassGroups = {{
    {kPersonLabel, "Person Patient"},
    {kOrganizationLabel,
     "Organization Airline Consortium Cooperative Corporation EducationalOrganization CollegeOrUniversity "
     "ElementarySchool HighSchool MiddleSchool Preschool School FundingScheme GovernmentOrganization "
     "LibrarySystem LocalBusiness MedicalOrganization NGO NewsMediaOrganization OnlineBusiness PerformingGroup "
     "DanceGroup MusicGroup TheaterGroup PoliticalParty Project FundingAgency ResearchProject "
     "ResearchOrganization SearchRescueOrganization SportsOrganization SportsTeam WorkersUnion"},
    {kPlaceLabel,
     "Place Accommodation AdministrativeArea City Country State SchoolDistrict CivicStructure Airport Aquarium "
     "Beach BoatTerminal Bridge BusStation BusStop Campground Cemetery Crematorium EventVenue FireStation "
     "GovernmentBuilding CityHall Courthouse DefenceEstablishment Embassy LegislativeBuilding Hospital "
     "MovieTheater Museum MusicVenue Park ParkingFacility PerformingArtsTheater PlaceOfWorship Church Mosque "
     "Synagogue Playground PoliceStation StadiumOrArena SubwayStation TaxiStand TrainStation Zoo Landform "
     "BodyOfWater Canal LakeBodyOfWater OceanBodyOfWater Pond Reservoir RiverBodyOfWater SeaBodyOfWater "
     "Waterfall Continent Mountain Volcano LandmarksOrHistoricalBuildings Residence ApartmentComplex "
     "GatedResidenceCommunity TouristAttraction TouristDestination"},
    {kArticleLabel,
     "NewsArticle Article CreativeWork AnalysisNewsArticle BackgroundNewsArticle OpinionNewsArticle "
     "ReportageNewsArticle ReviewNewsArticle"},
    {kQuotationLabel, "Quotation"},
}};

constexpr std::array<std::string_view, 5> kNameProperties = {
    "http://schema.org/name", v::rdfs::kLabel, v::skos::kPrefLabel, v::skos::kAltLabel,
    "http://schema.org/alternateName"};
constexpr std::array<std::string_view, 3> kArticleKeyProperties = {
    "http://schema.org/url", "http://schema.org/identifier", v::dcterms::kSource};
constexpr std::array<std::string_view, 3> kSpeakerProperties = {
    "http://schema.org/creator", "http://schema.org/spokenByCharacter", "http://schema.org/author"};
constexpr std::string_view kMentions = "http://schema.org/mentions";
constexpr std::string_view kIsPartOf = "http://schema.org/isPartOf";
constexpr std::string_view kHasPart = "http://schema.org/hasPart";
constexpr std::string_view kText = "http://schema.org/text";
constexpr std::string_view kAbout = "http://schema.org/about";

std::uint64_t pair_key(NodeId a, NodeId b) { return (std::uint64_t{a} << 32U) | b; }

const std::vector<NodeId> kNone;
const std::set<std::string> kNoNames;

ontology::Term with_http_schema(ontology::Term term) {
  if (term.is_iri() && term.value.starts_with(kSchemaHttps)) {
    term.value = std::string(kSchema) + term.value.substr(kSchemaHttps.size());
  }
  return term;
}

// Whether `key` ends with `suffix` preceded by nothing or by a character
// that is not a letter or digit (code points, not bytes).
bool ends_with_name(std::string_view key, std::string_view suffix) {
  if (!key.ends_with(suffix)) return false;
  std::size_t start = key.size() - suffix.size();
  if (start == 0) return true;
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(key[start]) & 0xC0U) == 0x80U);
  std::size_t i = start;
  return !is_alnum(next_code_point(key, i));
}

}  // namespace

ContractGraph::ContractGraph(std::span<const ontology::Triple> triples) {
  std::vector<std::array<NodeId, 3>> ids;
  ids.reserve(triples.size());
  for (const auto& t : triples) {
    ids.push_back({intern(with_http_schema(t.subject)), intern(with_http_schema(t.predicate)),
                   intern(with_http_schema(t.object))});
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  triple_count_ = ids.size();

  const NodeId* type = find_iri(v::rdf::kType);
  const NodeId* subclass_of = find_iri(v::rdfs::kSubClassOf);
  std::vector<std::pair<NodeId, NodeId>> subclass_pairs;
  for (const auto& [s, p, o] : ids) {
    objects_[pair_key(s, p)].push_back(o);
    subjects_[pair_key(p, o)].push_back(s);
    if (subclass_of != nullptr && p == *subclass_of) subclass_pairs.emplace_back(s, o);
  }
  resolve_class_labels(subclass_pairs);

  for (const auto property : kNameProperties) {
    const NodeId* predicate = find_iri(property);
    if (predicate == nullptr) continue;
    for (const auto& [s, p, o] : ids) {
      if (p != *predicate || !terms_[o].is_literal()) continue;
      if (std::string name = normalize_name(terms_[o].value); !name.empty()) names_[s].insert(std::move(name));
    }
  }

  // Article nodes and the strings their file name is looked up in.
  if (type != nullptr) {
    std::set<NodeId> articles;
    for (const auto& [s, p, o] : ids) {
      if (p == *type && (labels(s) & kArticleLabel) != 0) articles.insert(s);
    }
    for (const NodeId article : articles) {
      std::vector<std::string> keys;
      // A blank node's label is the parser's, not the author's: it names nothing.
      if (terms_[article].is_iri()) keys.push_back(terms_[article].value);
      for (const auto property : kArticleKeyProperties) {
        for (const NodeId key : objects_of(article, property)) keys.push_back(terms_[key].value);
      }
      article_keys_.emplace_back(article, std::move(keys));
    }
  }
}

NodeId ContractGraph::intern(const ontology::Term& term) {
  const auto [it, added] = ids_.try_emplace(ontology::to_ntriples(term), static_cast<NodeId>(terms_.size()));
  if (added) terms_.push_back(term);
  return it->second;
}

const NodeId* ContractGraph::find_iri(std::string_view iri) const {
  const auto it = ids_.find(ontology::to_ntriples(ontology::Term::iri(std::string(iri))));
  return it == ids_.end() ? nullptr : &it->second;
}

std::optional<NodeId> ContractGraph::iri_node(std::string_view iri) const {
  const NodeId* node = find_iri(iri);
  return node == nullptr ? std::nullopt : std::optional<NodeId>(*node);
}

const std::vector<NodeId>& ContractGraph::objects(NodeId subject, NodeId predicate) const {
  const auto it = objects_.find(pair_key(subject, predicate));
  return it == objects_.end() ? kNone : it->second;
}

const std::vector<NodeId>& ContractGraph::subjects(NodeId predicate, NodeId object) const {
  const auto it = subjects_.find(pair_key(predicate, object));
  return it == subjects_.end() ? kNone : it->second;
}

std::vector<NodeId> ContractGraph::objects_of(NodeId subject, std::string_view predicate_iri) const {
  const NodeId* predicate = find_iri(predicate_iri);
  return predicate == nullptr ? std::vector<NodeId>{} : objects(subject, *predicate);
}

void ContractGraph::resolve_class_labels(const std::vector<std::pair<NodeId, NodeId>>& subclass_pairs) {
  for (const auto& group : kClassGroups) {
    std::string_view names = group.local_names;
    while (!names.empty()) {
      const std::size_t end = std::min(names.find(' '), names.size());
      if (const NodeId* cls = find_iri(std::string(kSchema) + std::string(names.substr(0, end)))) {
        class_labels_[*cls] |= group.label;
      }
      names.remove_prefix(std::min(end + 1, names.size()));
    }
  }
  // rdfs:subClassOf* as the graph declares it: a class gets every label of
  // the classes it is declared under, until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [sub, super] : subclass_pairs) {
      const auto it = class_labels_.find(super);
      if (it == class_labels_.end()) continue;
      const unsigned super_labels = it->second;
      unsigned& sub_labels = class_labels_[sub];
      if ((super_labels & ~sub_labels) != 0) {
        sub_labels |= super_labels;
        changed = true;
      }
    }
  }
}

unsigned ContractGraph::labels(NodeId node) const {
  unsigned result = 0;
  for (const NodeId cls : objects_of(node, v::rdf::kType)) {
    if (const auto it = class_labels_.find(cls); it != class_labels_.end()) result |= it->second;
  }
  return result;
}

std::vector<NodeId> ContractGraph::articles_for(std::string_view doc) const {
  std::string_view stem = doc;
  if (stem.ends_with(".txt")) stem.remove_suffix(4);
  std::vector<NodeId> found;
  for (const auto& [article, keys] : article_keys_) {
    // An empty name ends every key (a gold "doc" of ".txt").
    const bool match = doc.empty() || stem.empty() ||
                       std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
                         return ends_with_name(key, doc) || ends_with_name(key, stem);
                       });
    if (match) found.push_back(article);
  }
  return found;
}

std::vector<NodeId> ContractGraph::mentions(std::span<const NodeId> articles) const {
  std::set<NodeId> nodes;
  for (const NodeId article : articles) {
    for (const NodeId entity : objects_of(article, kMentions)) nodes.insert(entity);
  }
  std::vector<std::tuple<std::string, std::string, NodeId>> keyed;
  for (const NodeId node : nodes) keyed.emplace_back(display(node), terms_[node].value, node);
  std::sort(keyed.begin(), keyed.end());
  std::vector<NodeId> sorted;
  for (const auto& item : keyed) sorted.push_back(std::get<2>(item));
  return sorted;
}

std::vector<NodeId> ContractGraph::statements(std::span<const NodeId> articles) const {
  std::set<NodeId> parts;
  const NodeId* is_part_of = find_iri(kIsPartOf);
  for (const NodeId article : articles) {
    if (is_part_of != nullptr) {
      for (const NodeId part : subjects(*is_part_of, article)) parts.insert(part);
    }
    for (const NodeId part : objects_of(article, kHasPart)) parts.insert(part);
  }
  std::vector<std::tuple<std::string, std::string, NodeId>> keyed;
  for (const NodeId node : parts) {
    if ((labels(node) & kQuotationLabel) != 0) keyed.emplace_back(text(node), terms_[node].value, node);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<NodeId> sorted;
  for (const auto& item : keyed) sorted.push_back(std::get<2>(item));
  return sorted;
}

std::vector<EntityKind> ContractGraph::kinds(NodeId node) const {
  const unsigned node_labels = labels(node);
  std::vector<EntityKind> found;
  for (const EntityKind kind : {EntityKind::Organization, EntityKind::Person, EntityKind::Place}) {
    if ((node_labels & label_of(kind)) != 0) found.push_back(kind);
  }
  return found;
}

bool ContractGraph::has_kind(NodeId node, EntityKind kind) const { return (labels(node) & label_of(kind)) != 0; }

const std::set<std::string>& ContractGraph::names(NodeId node) const {
  const auto it = names_.find(node);
  return it == names_.end() ? kNoNames : it->second;
}

std::string ContractGraph::display(NodeId node) const {
  std::vector<std::string> schema_names;
  for (const NodeId name : objects_of(node, "http://schema.org/name")) schema_names.push_back(terms_[name].value);
  if (!schema_names.empty()) return *std::min_element(schema_names.begin(), schema_names.end());
  const auto& normalized = names(node);
  return normalized.empty() ? terms_[node].value : *normalized.begin();
}

std::string ContractGraph::text(NodeId statement) const {
  std::vector<std::string> texts;
  for (const NodeId value : objects_of(statement, kText)) texts.push_back(terms_[value].value);
  std::sort(texts.begin(), texts.end());
  std::string joined;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) joined += ' ';
    joined += texts[i];
  }
  return joined;
}

std::vector<NodeId> ContractGraph::speakers(NodeId statement) const {
  std::set<NodeId> found;
  for (const auto property : kSpeakerProperties) {
    for (const NodeId speaker : objects_of(statement, property)) found.insert(speaker);
  }
  return {found.begin(), found.end()};
}

std::vector<NodeId> ContractGraph::about(NodeId statement) const {
  std::vector<NodeId> found = objects_of(statement, kAbout);
  std::sort(found.begin(), found.end(), [&](NodeId a, NodeId b) {
    return std::tie(terms_[a].value, terms_[a].kind) < std::tie(terms_[b].value, terms_[b].kind);
  });
  return found;
}

}  // namespace ng::evaluation
