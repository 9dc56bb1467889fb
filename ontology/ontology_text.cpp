#include "ontology/ontology_text.hpp"

#include <cstddef>

#include "common/embed.hpp"

NG_EMBED_FILE(ng_ontology_ttl, NG_ONTOLOGY_TTL)

namespace ng::ontology {
std::string_view ontology_turtle() noexcept { return NG_EMBEDDED(ng_ontology_ttl); }
}  // namespace ng::ontology
