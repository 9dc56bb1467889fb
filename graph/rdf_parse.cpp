#include "graph/rdf_parse.hpp"

#include <serd/serd.h>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <cstdio>
#include <memory>

#include "common/c_deleter.hpp"
#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/redland_rdfxml.hpp"

namespace ng::graph {

namespace {

using EnvPtr = std::unique_ptr<SerdEnv, CDeleter<serd_env_free>>;
using ReaderPtr = std::unique_ptr<SerdReader, CDeleter<serd_reader_free>>;

std::string_view view(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

struct ParseState {
  SerdEnv* env = nullptr;
  std::string graph_name;
  std::string blank_prefix;
  std::vector<ontology::Quad> quads;
  std::string error;
  unsigned line = 0;
  unsigned column = 0;

  // Expands CURIEs and relative IRIs; copies literals and blank labels.
  std::optional<ontology::Term> term(const SerdNode* node) noexcept {
    switch (node->type) {
      case SERD_URI:
      case SERD_CURIE: {
        SerdNode expanded = serd_env_expand_node(env, node);
        if (!expanded.buf) return std::nullopt;
        ontology::Term t = ontology::Term::iri(std::string(view(&expanded)));
        serd_node_free(&expanded);
        return t;
      }
      case SERD_BLANK: return ontology::Term::blank(blank_prefix + std::string(view(node)));
      case SERD_LITERAL: return ontology::Term::literal(to_nfc(view(node)));
      case SERD_NOTHING: return std::nullopt;
    }
    return std::nullopt;
  }
};

SerdStatus on_base(void* handle, const SerdNode* uri) {
  auto* state = static_cast<ParseState*>(handle);
  return serd_env_set_base_uri(state->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* state = static_cast<ParseState*>(handle);
  return serd_env_set_prefix(state->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
                        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* language) {
  auto* state = static_cast<ParseState*>(handle);
  auto s = state->term(subject);
  auto p = state->term(predicate);
  auto o = state->term(object);
  if (!s || !p || !o) return SERD_ERR_BAD_SYNTAX;
  if (o->is_literal()) {
    if (datatype) {
      if (auto dt = state->term(datatype)) o->datatype = dt->value;
    }
    if (language) o->language = std::string(view(language));
  }
  std::string graph_name = state->graph_name;
  if (graph) {
    if (auto g = state->term(graph)) graph_name = g->value;
  }
  state->quads.push_back(ontology::Quad{std::move(*s), std::move(*p), std::move(*o), std::move(graph_name)});
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  auto* state = static_cast<ParseState*>(handle);
  if (!state->error.empty()) return SERD_SUCCESS;
  char buffer[512];
  va_list args;
  va_copy(args, *error->args);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  std::vsnprintf(buffer, sizeof buffer, error->fmt, args);
#pragma GCC diagnostic pop
  va_end(args);
  state->error = buffer;
  while (!state->error.empty() && (state->error.back() == '\n' || state->error.back() == ' ')) {
    state->error.pop_back();
  }
  state->line = error->line;
  state->column = error->col;
  return SERD_SUCCESS;
}

SerdSyntax serd_syntax(RdfSyntax syntax) {
  switch (syntax) {
    case RdfSyntax::Turtle: return SERD_TURTLE;
    case RdfSyntax::NTriples: return SERD_NTRIPLES;
    case RdfSyntax::NQuads: return SERD_NQUADS;
    case RdfSyntax::TriG: return SERD_TRIG;
    case RdfSyntax::RdfXml: break;  // raptor's, see parse_rdf
  }
  return SERD_TURTLE;
}

}  // namespace

RdfSyntax syntax_for_path(std::string_view path) {
  // Extensions in any case: "GRAPH.NQ" is N-Quads too.
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".nt") return RdfSyntax::NTriples;
  if (extension == ".nq") return RdfSyntax::NQuads;
  if (extension == ".trig") return RdfSyntax::TriG;
  if (extension == ".rdf" || extension == ".xml" || extension == ".owl") return RdfSyntax::RdfXml;
  return RdfSyntax::Turtle;
}

std::vector<ontology::Quad> parse_rdf(std::string_view text, RdfSyntax syntax, const std::string& base_iri,
                                      const std::string& graph_name, const std::string& origin) {
  if (const auto problem = find_utf8_problem(text)) {
    throw ParseError(origin, problem->line, problem->column, problem->what);
  }
  if (syntax == RdfSyntax::RdfXml) return detail::read_rdfxml(text, base_iri, graph_name, origin);
  const SerdNode base = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base_iri.c_str()));
  EnvPtr env(serd_env_new(&base));
  ParseState state;
  state.env = env.get();
  state.graph_name = graph_name;
  state.blank_prefix = "b";
  ReaderPtr reader(serd_reader_new(serd_syntax(syntax), &state, nullptr, on_base, on_prefix, on_statement, nullptr));
  serd_reader_set_error_sink(reader.get(), on_error, &state);
  const std::string copy(text);  // serd reads a NUL-terminated string
  const SerdStatus status = serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(copy.c_str()));
  if (status != SERD_SUCCESS || !state.error.empty()) {
    throw ParseError(origin, state.line, state.column + 1,
                     state.error.empty() ? std::string("invalid Turtle") : state.error);
  }
  return std::move(state.quads);
}

std::vector<ontology::Quad> parse_rdf_file(const std::string& path, const std::string& graph_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(fmt::format("{}: read error", path));
  std::error_code error;
  const auto absolute = std::filesystem::absolute(path, error);
  return parse_rdf(buffer.str(), syntax_for_path(path), "file://" + absolute.generic_string(), graph_name, path);
}

}  // namespace ng::graph
