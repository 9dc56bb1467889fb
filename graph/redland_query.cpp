#include "graph/redland_query.hpp"
#include "ontology/vocabulary.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/redland_triples_source.hpp"

namespace ng::graph::detail {

using namespace redland;

void QueryEngineDeleter::operator()(QueryEngine* engine) const noexcept { delete engine; }

namespace {

// rasqal's log handler: C callback, must not throw.
void log_handler(void* user_data, raptor_log_message* message) noexcept {
  if (user_data == nullptr || message == nullptr) return;
  LogMessage out;
  out.error = message->level >= RAPTOR_LOG_LEVEL_ERROR;
  if (message->locator != nullptr) {
    out.line = message->locator->line;
    out.column = message->locator->column;
  }
  try {
    out.text = message->text != nullptr ? message->text : "(no message)";
  } catch (...) {
    return;
  }
  static_cast<QueryEngine*>(user_data)->receive(std::move(out));
}

}  // namespace

QueryEngine::QueryEngine(Store::Native& native) : native_(native), world_(rasqal_new_world()) {
  if (!world_) throw QueryError("could not start rasqal (out of memory?)");
  // Shares librdf's raptor world, so that URIs pass between rasqal
  // literals and librdf nodes without conversion.
  rasqal_world_set_raptor(world_.get(), librdf_world_get_raptor(native.world()));
  rasqal_world_set_log_handler(world_.get(), this, log_handler);
  if (rasqal_world_open(world_.get()) != 0) throw QueryError("could not start rasqal");
  if (rasqal_set_triples_source_factory(world_.get(), register_triples_source, &native_) != 0) {
    throw QueryError("could not install newsgraph's rasqal triples source");
  }
}

QueryEngine::~QueryEngine() = default;

void QueryEngine::receive(LogMessage message) noexcept {
  try {
    if (message.error) {
      if (!first_error_) first_error_ = message;
      spdlog::debug("rasqal: {} (line {})", message.text, message.line);
    } else {
      spdlog::debug("rasqal: {}", message.text);
    }
  } catch (...) {
    // Never throw into C.
  }
}

RasqalQueryPtr QueryEngine::prepare(const std::string& text, std::optional<SyntaxProblem>& problem) {
  first_error_.reset();
  RasqalQueryPtr query(rasqal_new_query(world_.get(), "sparql", nullptr));
  if (!query) throw QueryError("rasqal does not know SPARQL 1.1 query");
  const int failed = rasqal_query_prepare(query.get(), reinterpret_cast<const unsigned char*>(text.c_str()), nullptr);
  if (failed != 0 || first_error_) {
    problem = SyntaxProblem{first_error_ ? first_error_->line : -1,
                            first_error_ ? first_error_->text : std::string("syntax error")};
  }
  return query;
}

std::optional<SyntaxProblem> QueryEngine::check(const std::string& text) {
  std::optional<SyntaxProblem> problem;
  prepare(text, problem);
  return problem;
}

const GraphStatements& QueryEngine::graph_statements(librdf_node* graph) {
  std::string key;
  append_key(key, graph);
  for (const auto& [name, statements] : graphs_) {
    if (name == key) return *statements;
  }
  constexpr std::size_t kKept = 8;
  if (graphs_.size() >= kKept) graphs_.erase(graphs_.begin());
  graphs_.emplace_back(key, std::make_unique<GraphStatements>(native_, graph));
  return *graphs_.back().second;
}


// With no solutions rasqal returns no variables and, for an aggregate query
// without GROUP BY, no row; SPARQL says the header is still there and such
// a query has one row: COUNT and SUM of nothing are 0, the others unbound.
// The projection is read before execution: rasqal rewrites it while running.
struct Projection {
  std::vector<std::string> names;
  std::vector<int> aggregate_ops;  // per variable: the aggregate's op, or -1
  bool grouped = false;
};

static Projection read_projection(rasqal_query* query) {
  Projection p;
  raptor_sequence* variables = rasqal_query_get_bound_variable_sequence(query);
  const int size = variables ? raptor_sequence_size(variables) : 0;
  for (int i = 0; i < size; ++i) {
    auto* v = static_cast<rasqal_variable*>(raptor_sequence_get_at(variables, i));
    if (!v || !v->name) continue;
    p.names.emplace_back(reinterpret_cast<const char*>(v->name));
    p.aggregate_ops.push_back(v->expression ? static_cast<int>(v->expression->op) : -1);
  }
  raptor_sequence* groups = rasqal_query_get_group_conditions_sequence(query);
  p.grouped = groups && raptor_sequence_size(groups) > 0;
  return p;
}

static void complete_empty_result(const Projection& projection, QueryResult& result) {
  if (result.variables.empty()) result.variables = projection.names;
  if (projection.grouped || projection.names.empty()) return;
  std::vector<std::optional<ontology::Term>> row;
  for (int op : projection.aggregate_ops) {
    switch (op) {
      case RASQAL_EXPR_COUNT:
      case RASQAL_EXPR_SUM:
        row.push_back(ontology::Term::literal("0", std::string(ontology::vocab::xsd::kInteger)));
        break;
      case RASQAL_EXPR_AVG:
      case RASQAL_EXPR_MIN:
      case RASQAL_EXPR_MAX:
      case RASQAL_EXPR_SAMPLE:
      case RASQAL_EXPR_GROUP_CONCAT:
        row.emplace_back();
        break;
      default:
        return;  // a plain variable: no aggregate query, no row
    }
  }
  result.rows.push_back(std::move(row));
}

QueryResult QueryEngine::execute(const std::string& text, const std::vector<std::string>& graph_iris) {
  extra_graphs_ = graph_iris;
  graphs_.clear();
  struct ForgetGraphs {  // the snapshots are only valid while the query runs
    std::vector<std::pair<std::string, std::unique_ptr<GraphStatements>>>& graphs;
    ~ForgetGraphs() { graphs.clear(); }
  } forget{graphs_};
  std::optional<SyntaxProblem> problem;
  RasqalQueryPtr query = prepare(text, problem);
  if (problem) throw QueryError(problem->message);

  const Projection projection = read_projection(query.get());
  RasqalResultsPtr results(rasqal_query_execute(query.get()));
  if (!results || first_error_) {
    throw QueryError("the query failed: " + (first_error_ ? first_error_->text : std::string("rasqal gave no reason")));
  }
  QueryResult result;
  rasqal_query_results* r = results.get();
  if (rasqal_query_results_is_boolean(r) != 0) {
    result.kind = QueryResult::Kind::Boolean;
    const int value = rasqal_query_results_get_boolean(r);
    if (value < 0) throw QueryError("the ASK query failed");
    result.boolean = value > 0;
  } else if (rasqal_query_results_is_graph(r) != 0) {
    result.kind = QueryResult::Kind::Graph;
    for (raptor_statement* t = rasqal_query_results_get_triple(r); t != nullptr;
         t = rasqal_query_results_get_triple(r)) {  // borrowed
      result.triples.push_back({to_term(t->subject), to_term(t->predicate), to_term(t->object)});
      if (rasqal_query_results_next_triple(r) != 0) break;
    }
  } else {
    result.kind = QueryResult::Kind::Bindings;
    const int count = rasqal_query_results_get_bindings_count(r);
    for (int i = 0; i < count; ++i) {
      result.variables.emplace_back(reinterpret_cast<const char*>(rasqal_query_results_get_binding_name(r, i)));
    }
    // finished() before the first value: rasqal evaluates lazily.
    while (rasqal_query_results_finished(r) == 0) {
      auto& row = result.rows.emplace_back();
      row.reserve(static_cast<std::size_t>(count));
      for (int i = 0; i < count; ++i) row.push_back(to_term(rasqal_query_results_get_binding_value(r, i)));
      if (rasqal_query_results_next(r) != 0) break;
    }
    if (result.rows.empty()) complete_empty_result(projection, result);
  }
  if (first_error_) throw QueryError("the query failed: " + first_error_->text);
  return result;
}

QueryEngine& query_engine(Store::Native& native) {
  if (!native.query_engine) native.query_engine.reset(new QueryEngine(native));
  return *native.query_engine;
}

}  // namespace ng::graph::detail
