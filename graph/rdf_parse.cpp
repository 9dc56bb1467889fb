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
#include <exception>
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
  // Streaming (read_rdf_file): full batches go to the sink as they fill.
  const std::function<void(std::vector<ontology::Quad>&)>* sink = nullptr;
  std::size_t batch = 0;
  std::exception_ptr sink_error;
  bool input_cut = false;  // the page source stopped at a UTF-8 problem: serd's errors after it are not the file's

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
  if (state->sink_error || !state->error.empty()) return SERD_SUCCESS;  // stopping: the file's quads are void
  state->quads.push_back(ontology::Quad{std::move(*s), std::move(*p), std::move(*o), std::move(graph_name)});
  if (state->sink && state->quads.size() >= state->batch) {
    // An exception must not cross serd's C frames: kept, and rethrown once
    // the reader has returned (the page source stops reading meanwhile).
    try {
      (*state->sink)(state->quads);
    } catch (...) {
      state->sink_error = std::current_exception();
    }
    state->quads.clear();
  }
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  auto* state = static_cast<ParseState*>(handle);
  if (!state->error.empty() || state->input_cut) return SERD_SUCCESS;
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

// The bytes of a file for serd, a page at a time, checked as UTF-8 before
// serd sees them (parse_rdf checks the whole text first; here each page,
// with a sequence cut by the page's end carried to the next). serd needs
// full pages until the end of the file (a short page shortens every later
// one), so a page is short only at the end, or when reading stops: at the
// first UTF-8 problem, serd error or sink error.
struct PageSource {
  std::FILE* file = nullptr;
  ParseState* state = nullptr;
  std::string carry;                   // the start of a sequence the last page cut
  std::size_t line = 1, column = 1;    // where the next unchecked byte is
  std::optional<Utf8Problem> problem;  // line and column in the whole file
  bool read_error = false;

  // How many bytes of `bytes` end on a whole UTF-8 sequence (the rest, at
  // most 3 bytes, waits for the next page).
  static std::size_t whole_sequences(std::string_view bytes) {
    const std::size_t n = bytes.size();
    for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
      const auto c = static_cast<unsigned char>(bytes[n - back]);
      if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
      const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      return length > back ? n - back : n;
    }
    return n;
  }

  // Checks `bytes` (which follow everything checked so far); false at a problem.
  bool check(std::string_view bytes) {
    if (const auto found = find_utf8_problem(bytes)) {
      Utf8Problem at = *found;
      if (at.line == 1) at.column += column - 1;
      at.line += line - 1;
      problem = std::move(at);
      return false;
    }
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
    return true;
  }

  bool stopped() const { return problem || read_error || state->sink_error || !state->error.empty(); }

  static std::size_t read(void* buffer, std::size_t, std::size_t size, void* stream) {
    auto* source = static_cast<PageSource*>(stream);
    if (source->stopped()) return 0;
    const std::size_t n = std::fread(buffer, 1, size, source->file);
    if (n < size && std::ferror(source->file)) source->read_error = true;
    std::string checked = std::move(source->carry);
    checked.append(static_cast<const char*>(buffer), n);
    const std::size_t whole = n < size ? checked.size() : whole_sequences(checked);
    source->carry = checked.substr(whole);
    if (!source->check(std::string_view(checked).substr(0, whole))) {
      source->state->input_cut = true;
      return 0;
    }
    return n;
  }

  static int error(void* stream) { return static_cast<PageSource*>(stream)->read_error ? 1 : 0; }
};

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
  // An empty text holds no triples. serd 0.30 reads past the end of an
  // empty string (seen under AddressSanitizer as garbage "bad verb" and
  // UTF-8 errors for an empty file), so it never gets one.
  if (text.empty()) return {};
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

namespace ng::graph {

void read_rdf_file(const std::string& path, const std::string& graph_name, std::size_t batch,
                   const std::function<void(std::vector<ontology::Quad>&)>& sink) {
  if (batch == 0) batch = 1;
  std::error_code ignored;
  const std::string base_iri = "file://" + std::filesystem::absolute(path, ignored).generic_string();
  const RdfSyntax syntax = syntax_for_path(path);
  if (syntax == RdfSyntax::RdfXml) {
    std::vector<ontology::Quad> quads = parse_rdf_file(path, graph_name);
    std::vector<ontology::Quad> part;
    for (std::size_t at = 0; at < quads.size(); at += batch) {
      const std::size_t end = std::min(quads.size(), at + batch);
      part.assign(std::make_move_iterator(quads.begin() + static_cast<std::ptrdiff_t>(at)),
                  std::make_move_iterator(quads.begin() + static_cast<std::ptrdiff_t>(end)));
      sink(part);
    }
    return;
  }
  std::unique_ptr<std::FILE, CDeleter<std::fclose>> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  const SerdNode base = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base_iri.c_str()));
  EnvPtr env(serd_env_new(&base));
  ParseState state;
  state.env = env.get();
  state.graph_name = graph_name;
  state.blank_prefix = "b";
  state.sink = &sink;
  state.batch = batch;
  PageSource source;
  source.file = file.get();
  source.state = &state;
  ReaderPtr reader(serd_reader_new(serd_syntax(syntax), &state, nullptr, on_base, on_prefix, on_statement, nullptr));
  serd_reader_set_error_sink(reader.get(), on_error, &state);
  constexpr std::size_t kPage = 1 << 20;
  const SerdStatus status = serd_reader_read_source(reader.get(), PageSource::read, PageSource::error, &source,
                                                    reinterpret_cast<const uint8_t*>(path.c_str()), kPage);
  if (state.sink_error) std::rethrow_exception(state.sink_error);
  if (source.read_error) throw IoError(fmt::format("{}: read error", path));
  // The first problem in the file: a UTF-8 problem is found before serd
  // reads its page, so a serd error recorded before it is on an earlier page.
  if (source.problem && state.error.empty()) {
    throw ParseError(path, source.problem->line, source.problem->column, source.problem->what);
  }
  if (!source.carry.empty()) {
    // The file ends inside a UTF-8 sequence.
    source.check(source.carry);
    if (source.problem) throw ParseError(path, source.problem->line, source.problem->column, source.problem->what);
  }
  if (status > SERD_FAILURE || !state.error.empty()) {
    throw ParseError(path, state.line, state.column + 1,
                     state.error.empty() ? std::string("invalid Turtle") : state.error);
  }
  if (!state.quads.empty()) sink(state.quads);
}

}  // namespace ng::graph
