#pragma once
#include <string_view>

namespace ng::ontology {
// The text of ontology/newsgraph.ttl, compiled into the binary.
std::string_view ontology_turtle() noexcept;
}  // namespace ng::ontology
