#include "graph/redland_query.hpp"

#include "graph/redland_store.hpp"

namespace ng::graph::detail {

void QueryEngineDeleter::operator()(QueryEngine* engine) const noexcept { delete engine; }

}  // namespace ng::graph::detail
