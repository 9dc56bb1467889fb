#include "loaders/to_rdf/entity_catalog.hpp"

#include <algorithm>
#include <tuple>

#include "common/unicode.hpp"

namespace ng::loaders {

std::string EntityCatalog::normalize(std::string_view name) {
  const std::string folded = case_fold(to_nfc(name));
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t next = i;
    const char32_t cp = next_code_point(folded, next);
    const bool word_char = cp >= 0x80 || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    if (word_char) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(folded, i, next - i);
    } else if (cp == ' ' || cp == '-' || cp == '\t' || cp == '\n' || cp == 0x2013 || cp == 0x2014) {
      space = true;
    }
    // Other punctuation (apostrophes, dots, commas) disappears: "U.S." == "us".
    i = next;
  }
  // Trailing possessive: "russia's" became "russias"; only drop it when the
  // original ended in 's or ’s.
  const std::string_view original = name;
  const bool possessive = original.size() > 2 &&
                          (original.ends_with("'s") || original.ends_with("\u2019s") ||
                           original.ends_with("'S"));
  if (possessive && out.size() > 1 && out.back() == 's') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::string EntityCatalog::key(ontology::EntityType type, const std::string& normalized) {
  return std::string(1, static_cast<char>('0' + static_cast<int>(type))) + normalized;
}

void EntityCatalog::add(const std::string& iri, ontology::EntityType type, std::string_view name) {
  const std::string normalized = normalize(name);
  if (normalized.empty()) return;
  auto [it, added] = by_name_.try_emplace(key(type, normalized));
  if (added) it->second.name = std::string(name);
  it->second.iris.insert(iri);
  types_.emplace(iri, type);
  if (type == ontology::EntityType::Person) {
    const std::size_t space = normalized.rfind(' ');
    if (space != std::string::npos) surnames_[normalized.substr(space + 1)].insert(iri);
  }
}

std::optional<std::string> EntityCatalog::find(ontology::EntityType type, std::string_view name) const {
  if (by_name_.empty()) return std::nullopt;  // no records or catalogs: nothing to normalise the name for
  const auto it = by_name_.find(key(type, normalize(name)));
  if (it == by_name_.end() || it->second.iris.size() != 1) return std::nullopt;
  return *it->second.iris.begin();
}

std::set<std::string> EntityCatalog::persons_with_surname(std::string_view surname) const {
  const std::string normalized = normalize(surname);
  if (normalized.find(' ') != std::string::npos) return {};
  const auto it = surnames_.find(normalized);
  return it == surnames_.end() ? std::set<std::string>{} : it->second;
}

std::optional<std::string> EntityCatalog::find_person_by_surname(std::string_view surname) const {
  const std::set<std::string> persons = persons_with_surname(surname);
  if (persons.size() != 1) return std::nullopt;
  return *persons.begin();
}

std::optional<ontology::EntityType> EntityCatalog::type_of(const std::string& iri) const {
  const auto it = types_.find(iri);
  if (it == types_.end()) return std::nullopt;
  return it->second;
}

std::vector<EntityCatalog::Ambiguity> EntityCatalog::ambiguous() const {
  std::vector<Ambiguity> out;
  for (const auto& [k, named] : by_name_) {
    if (named.iris.size() < 2) continue;
    out.push_back({static_cast<ontology::EntityType>(k.front() - '0'), named.name,
                   std::vector<std::string>(named.iris.begin(), named.iris.end())});
  }
  std::sort(out.begin(), out.end(), [](const Ambiguity& a, const Ambiguity& b) {
    return std::tie(a.type, a.name) < std::tie(b.type, b.name);
  });
  return out;
}

}  // namespace ng::loaders
