#pragma once
// The SPARQL engine's per-store state, owned by Store::Native (its
// `query_engine` member, created on first use). The engine
// (graph/sparql/) keeps everything per query today -- terms, plans,
// graph snapshots -- so a QueryEngine holds nothing yet; it stays because
// Store::Native owns one, and is the place for caches that outlive a query
// (statistics for ordering patterns) once the store can say when its
// contents change.

namespace ng::graph::detail {

class QueryEngine {};

}  // namespace ng::graph::detail
