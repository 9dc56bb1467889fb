#include "graph/sparql/engine.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <set>

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/sparql/datetime.hpp"
#include "graph/sparql/evaluator.hpp"
#include "graph/sparql/select.hpp"

namespace ng::graph::sparql {

namespace {

Dataset dataset_of(const Query& query, QuadSource& source, TermTable& terms, const EngineOptions& options) {
  Dataset dataset;
  const std::vector<TermId>& graphs = source.graphs();
  if (options.protocol_dataset) {
    const auto graph_ids = [&](const std::vector<std::string>& iris, std::string_view what) {
      std::vector<TermId> ids;
      for (const std::string& iri : iris) {
        const TermId g = terms.intern(ontology::Term::iri(iri));
        if (std::find(graphs.begin(), graphs.end(), g) == graphs.end()) {
          throw QueryError(fmt::format("{} <{}>: there is no graph of that name to read", what, iri));
        }
        ids.push_back(g);
      }
      return ids;
    };
    dataset.union_default = false;
    dataset.default_graphs = graph_ids(options.default_graphs, "default-graph-uri");
    dataset.all_named = false;
    dataset.named = graph_ids(options.named_graphs, "named-graph-uri");
    return dataset;
  }
  if (!query.has_dataset) {
    if (options.default_graph.empty()) return dataset;
    const TermId own = terms.intern(ontology::Term::iri(options.default_graph));
    dataset.union_default = false;
    if (std::find(graphs.begin(), graphs.end(), own) != graphs.end()) dataset.default_graphs.push_back(own);
    dataset.all_named = false;
    for (TermId g : graphs) {
      if (g != own) dataset.named.push_back(g);
    }
    return dataset;
  }
  for (TermId g : query.from) {
    if (std::find(graphs.begin(), graphs.end(), g) == graphs.end()) {
      throw QueryError(fmt::format("FROM <{}>: there is no graph of that name to read", terms.term(g).value));
    }
  }
  for (TermId g : query.from_named) {
    if (std::find(graphs.begin(), graphs.end(), g) == graphs.end()) {
      throw QueryError(fmt::format("FROM NAMED <{}>: there is no graph of that name to read", terms.term(g).value));
    }
  }
  dataset.union_default = false;
  dataset.default_graphs = query.from;
  dataset.all_named = false;
  dataset.named = query.from_named;
  return dataset;
}

using IdTriple = std::array<TermId, 3>;

void construct(PatternEvaluator& evaluator, const Query& query, ResultSink& sink) {
  TermTable& terms = evaluator.terms();
  std::set<IdTriple> seen;
  std::vector<ontology::Triple> out;
  std::vector<TermId> blanks(query.template_blanks);
  std::uint64_t solution = 0;
  run_select(evaluator, query, Row(query.width(), kUnbound), kUnbound, [&](const Row& row) {
    ++solution;
    for (TermId& b : blanks) b = kUnbound;
    for (const TriplePattern& t : query.construct_template) {
      IdTriple ids{};
      const PatternTerm* parts[3] = {&t.subject, &t.predicate, &t.object};
      bool ok = true;
      for (int k = 0; k < 3; ++k) {
        const PatternTerm& part = *parts[k];
        if (part.kind == PatternTerm::Kind::Constant) {
          ids[k] = part.id;
        } else if (part.kind == PatternTerm::Kind::Variable) {
          ids[k] = row[part.id];
        } else {
          if (blanks[part.id] == kUnbound) {
            blanks[part.id] = terms.intern(ontology::Term::blank(fmt::format("c{}b{}", solution, part.id)));
          }
          ids[k] = blanks[part.id];
        }
        if (ids[k] == kUnbound) ok = false;
      }
      if (!ok) continue;
      // Only well-formed RDF: no literal subject, an IRI predicate.
      if (terms.term(ids[0]).is_literal() || !terms.term(ids[1]).is_iri()) continue;
      if (!seen.insert(ids).second) continue;
      evaluator.budget().charge(64);
      out.push_back({terms.term(ids[0]), terms.term(ids[1]), terms.term(ids[2])});
    }
    return true;
  });
  sink.triples(out);
}

// DESCRIBE: the concise bounded description of each resource: its triples
// in the default graph and, recursively, those of the blank nodes they
// reach.
void describe(PatternEvaluator& evaluator, const Query& query, ResultSink& sink) {
  TermTable& terms = evaluator.terms();
  std::vector<TermId> resources;
  for (const PatternTerm& target : query.describe) {
    if (target.kind == PatternTerm::Kind::Constant) resources.push_back(target.id);
  }
  const bool any_variable = query.describe_star || std::any_of(query.describe.begin(), query.describe.end(),
                                                               [](const PatternTerm& t) { return t.is_variable(); });
  if (any_variable) {
    run_select(evaluator, query, Row(query.width(), kUnbound), kUnbound, [&](const Row& row) {
      for (std::size_t v = 0; v < row.size(); ++v) {
        if (row[v] == kUnbound || query.hidden(static_cast<VarId>(v))) continue;
        const bool wanted = query.describe_star ||
                            std::any_of(query.describe.begin(), query.describe.end(),
                                        [&](const PatternTerm& t) { return t.is_variable() && t.id == v; });
        if (wanted) resources.push_back(row[v]);
      }
      return true;
    });
  }
  std::set<IdTriple> triples;
  std::set<TermId> visited;
  std::deque<TermId> queue(resources.begin(), resources.end());
  while (!queue.empty()) {
    const TermId resource = queue.front();
    queue.pop_front();
    if (terms.term(resource).is_literal() || !visited.insert(resource).second) continue;
    evaluator.match({resource, kUnbound, kUnbound}, kUnbound, [&](TermId s, TermId p, TermId o) {
      if (triples.insert({s, p, o}).second) evaluator.budget().charge(64);
      if (terms.term(o).is_blank() && !visited.contains(o)) queue.push_back(o);
      return true;
    });
  }
  std::vector<ontology::Triple> out;
  for (const IdTriple& t : triples) out.push_back({terms.term(t[0]), terms.term(t[1]), terms.term(t[2])});
  sink.triples(out);
}

}  // namespace

void execute(const ParsedQuery& parsed, QuadSource& source, const EngineOptions& options, ResultSink& sink) {
  const Query& query = *parsed.query;
  TermTable& terms = *parsed.terms;
  Budget budget(options.deadline, options.max_memory_bytes, terms);
  FunctionContext functions(terms);
  functions.base = parsed.base;
  functions.now = now_lexical();
  PatternEvaluator evaluator(source, terms, functions, dataset_of(query, source, terms, options), budget);
  switch (query.form) {
    case QueryForm::Select: {
      std::vector<std::string> names;
      for (const Projection& p : query.projection) names.push_back(query.variable_names[p.variable]);
      sink.begin_rows(names);
      std::vector<const ontology::Term*> values(query.projection.size());
      run_select(evaluator, query, Row(query.width(), kUnbound), kUnbound, [&](const Row& row) {
        for (std::size_t i = 0; i < query.projection.size(); ++i) {
          const TermId id = row[query.projection[i].variable];
          values[i] = id == kUnbound ? nullptr : &terms.term(id);
        }
        return sink.row(values);
      });
      break;
    }
    case QueryForm::Ask: {
      bool found = false;
      run_select(evaluator, query, Row(query.width(), kUnbound), kUnbound, [&](const Row&) {
        found = true;
        return false;
      });
      sink.boolean(found);
      break;
    }
    case QueryForm::Construct: construct(evaluator, query, sink); break;
    case QueryForm::Describe: describe(evaluator, query, sink); break;
  }
  sink.finish();
}

}  // namespace ng::graph::sparql
