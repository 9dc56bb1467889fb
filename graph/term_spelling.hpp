#pragma once
// How the store keeps a term: as its canonical N-Triples spelling
// (ontology::to_ntriples, with "x"^^xsd:string spelled "x"), so that
// exporting N-Triples and N-Quads is copying bytes, and equal terms have
// equal spellings. The dictionary finds a spelling's id by a 64-bit hash
// (XXH3) of it, since LMDB keys are at most 511 bytes and article texts
// are longer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ontology/term.hpp"

namespace ng::graph {

// The spelling of a term (xsd:string literals as plain ones).
std::string spelling_of(const ontology::Term& term);
// Appends it to `out` (no allocation when `out` has room).
void append_spelling(std::string& out, const ontology::Term& term);

// The term of a spelling written by spelling_of; nothing when the bytes are
// not one (a damaged store).
std::optional<ontology::Term> term_of_spelling(std::string_view spelling);

// What a spelling is, from its first byte.
inline bool spells_iri(std::string_view s) { return !s.empty() && s.front() == '<'; }
inline bool spells_blank(std::string_view s) { return !s.empty() && s.front() == '_'; }
inline bool spells_literal(std::string_view s) { return !s.empty() && s.front() == '"'; }

// The IRI of an IRI spelling without unescaping when it has no escapes
// (the usual case); empty when it is not an IRI spelling.
std::string iri_of_spelling(std::string_view spelling);

std::uint64_t spelling_hash(std::string_view spelling) noexcept;

}  // namespace ng::graph
