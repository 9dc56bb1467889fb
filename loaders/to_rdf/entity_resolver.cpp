#include "loaders/to_rdf/entity_resolver.hpp"

#include <algorithm>
#include <vector>

namespace ng::loaders {

namespace {

using ontology::EntityType;

bool one_word(const std::string& normalized) { return normalized.find(' ') == std::string::npos; }

std::string last_word(const std::string& normalized) { return normalized.substr(normalized.rfind(' ') + 1); }

}  // namespace

EntityResolver::EntityResolver(const EntityCatalog& known, const ontology::IriMinter& minter)
    : known_(known), minter_(minter) {}

EntityResolver::Key EntityResolver::key(EntityType type, const std::string& normalized) {
  return std::string(1, static_cast<char>('0' + static_cast<int>(type))) + normalized;
}

std::vector<EntityResolver::Fact> EntityResolver::facts(const EntityClaim& claim) {
  std::vector<Fact> out;
  const std::string canonical = EntityCatalog::normalize(claim.canonical());
  if (canonical.empty()) return out;
  out.push_back({'s', key(claim.type, canonical), claim.canonical()});
  if (claim.type == EntityType::Person && !one_word(canonical)) {
    out.push_back({'n', key(EntityType::Person, last_word(canonical)), canonical});
  }
  const auto owned = [&](const std::string& alias) {
    const std::string normalized = EntityCatalog::normalize(alias);
    if (normalized.empty() || normalized == canonical) return;
    // A one-word alias of a person is a surname: rule 2 decides those.
    if (claim.type == EntityType::Person && one_word(normalized)) return;
    out.push_back({'o', key(claim.type, normalized), canonical});
  };
  for (const auto& alias : claim.aliases) owned(alias);
  if (!claim.key_name.empty()) owned(claim.name);
  return out;
}

std::string EntityResolver::depends_on(const Fact& fact) {
  if (fact.kind == 's' || fact.node.empty()) return {};
  // An alias's owner and a surname's person are of the node's own type.
  return fact.node.substr(0, 1) + fact.value;
}

std::string EntityResolver::start_node(const EntityClaim& claim) {
  const std::string canonical = EntityCatalog::normalize(claim.canonical());
  return canonical.empty() ? std::string() : key(claim.type, canonical);
}

void EntityResolver::add_found(const EntityClaim& claim) {
  for (const Fact& fact : facts(claim)) add_fact(fact);
}

void EntityResolver::add_fact(const Fact& fact) {
  if (!resolved_.empty()) resolved_.clear();
  switch (fact.kind) {
    case 's': {
      auto [spelling, added] = spelling_.try_emplace(fact.node, fact.value);
      if (!added && fact.value < spelling->second) spelling->second = fact.value;
      break;
    }
    case 'o':
      owners_[fact.node].insert(fact.value);
      break;
    case 'n':
      surnames_[fact.node.substr(1)].insert(fact.value);
      break;
    default:
      break;
  }
}

std::string EntityResolver::resolve(const EntityClaim& claim) const {
  // Rule 1: a curated entity by any of the entity's names.
  if (auto iri = known_.find(claim.type, claim.canonical())) return *iri;
  if (auto iri = known_.find(claim.type, claim.name)) return *iri;
  for (const auto& alias : claim.aliases) {
    if (auto iri = known_.find(claim.type, alias)) return *iri;
  }
  const std::string canonical = EntityCatalog::normalize(claim.canonical());
  if (canonical.empty()) return minter_.entity(claim.type, claim.canonical());
  return resolve_name(claim.type, canonical, claim.canonical());
}

std::string EntityResolver::resolve_name(EntityType type, const std::string& normalized,
                                         const std::string& spelling) const {
  const Key start = key(type, normalized);
  if (const auto memo = resolved_.find(start); memo != resolved_.end()) return memo->second;
  // Follow "is the alias of exactly one other name" (rule 3) until a name
  // that is curated, a surname, or nobody's alias.
  std::vector<std::string> chain{normalized};
  std::string result;
  while (true) {
    const std::string& name = chain.back();
    if (auto iri = known_.find(type, name)) {
      result = *iri;
      break;
    }
    const std::string& own_spelling = chain.size() == 1 ? spelling : name;
    if (type == EntityType::Person && one_word(name)) {
      result = resolve_surname(name, own_spelling);
      break;
    }
    const auto owners = owners_.find(key(type, name));
    if (owners == owners_.end() || owners->second.size() != 1 || *owners->second.begin() == name) {
      result = mint(type, name, own_spelling);
      break;
    }
    const std::string& next = *owners->second.begin();
    const auto seen = std::find(chain.begin(), chain.end(), next);
    if (seen != chain.end()) {
      // A cycle ("A" is the alias of "B" and "B" of "A"): all of it lands on
      // its smallest name, whichever name the chain entered it by.
      const std::string& smallest = *std::min_element(seen, chain.end());
      result = mint(type, smallest, smallest);
      break;
    }
    chain.push_back(next);
  }
  resolved_.emplace(start, result);
  return result;
}

std::string EntityResolver::resolve_surname(const std::string& surname, const std::string& spelling) const {
  // A full name that is the alias of this very surname ("Velkin", also
  // called "Mara Velkin") leads back here: inside that loop the surname
  // stands for itself, so the whole loop lands on the surname's own IRI
  // whichever name it is entered by.
  if (!surnames_open_.insert(surname).second) return mint(EntityType::Person, surname, spelling);
  struct Close {
    std::set<std::string>& open;
    const std::string& surname;
    ~Close() { open.erase(surname); }
  } close{surnames_open_, surname};
  std::set<std::string> people = known_.persons_with_surname(surname);
  if (const auto found = surnames_.find(surname); found != surnames_.end()) {
    for (const auto& full : found->second) people.insert(resolve_name(EntityType::Person, full, full));
  }
  if (people.size() == 1) return *people.begin();
  return mint(EntityType::Person, surname, spelling);
}

// The IRI minted from a name: from its smallest spelling across the
// articles that have it as their canonical name, else from `spelling`.
std::string EntityResolver::mint(EntityType type, const std::string& normalized, const std::string& spelling) const {
  const auto found = spelling_.find(key(type, normalized));
  return minter_.entity(type, found != spelling_.end() ? found->second : spelling);
}

}  // namespace ng::loaders
