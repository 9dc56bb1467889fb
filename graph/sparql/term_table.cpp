#include "graph/sparql/term_table.hpp"

#include <functional>
#include <string_view>

#include "common/error.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

std::size_t TermTable::Hash::operator()(const TermView& term) const noexcept {
  std::size_t h = std::hash<std::string_view>{}(term.value);
  h ^= static_cast<std::size_t>(term.kind) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  if (!term.datatype.empty()) h ^= std::hash<std::string_view>{}(term.datatype) + (h << 6) + (h >> 2);
  if (!term.language.empty()) h ^= std::hash<std::string_view>{}(term.language) + (h << 6) + (h >> 2);
  return h;
}

TermTable::TermTable() : index_(4096, Hash{&terms_}, Equal{&terms_}) {
  terms_.emplace_back();  // id 0: unbound
}

namespace {

// RDF 1.1: "x"^^xsd:string is "x", and language tags are case-insensitive
// (kept in lower case here).
void normalise(ontology::Term& term) {
  if (!term.is_literal()) return;
  if (term.datatype == ontology::vocab::xsd::kString) term.datatype.clear();
  for (char& c : term.language) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

}  // namespace

TermId TermTable::intern(const TermView& view) {
  if (const auto it = index_.find(view); it != index_.end()) return *it;
  return intern(ontology::Term{view.kind, std::string(view.value), std::string(view.datatype),
                               std::string(view.language)});
}

TermId TermTable::intern(ontology::Term term) {
  normalise(term);
  if (const auto it = index_.find(term); it != index_.end()) return *it;
  if (terms_.size() >= 0xFFFFFFF0U) throw QueryError("the query touches more than 4 billion distinct terms");
  bytes_ += sizeof(ontology::Term) + 32 + term.value.capacity() + term.datatype.capacity() + term.language.capacity();
  const auto id = static_cast<TermId>(terms_.size());
  terms_.push_back(std::move(term));
  index_.insert(id);
  return id;
}

std::optional<TermId> TermTable::find(const ontology::Term& term) const {
  if (term.is_literal() && (term.datatype == ontology::vocab::xsd::kString || !term.language.empty())) {
    ontology::Term plain = term;
    normalise(plain);
    if (const auto it = index_.find(plain); it != index_.end()) return *it;
    return std::nullopt;
  }
  if (const auto it = index_.find(term); it != index_.end()) return *it;
  return std::nullopt;
}

}  // namespace ng::graph::sparql
